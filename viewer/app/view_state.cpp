#include "app/view_state.hpp"

#include <algorithm>

namespace boardscape::viewer {

std::string_view to_string(Overlay o) {
    switch (o) {
    case Overlay::none: return "none";
    case Overlay::overlap: return "overlap";
    case Overlay::boundaries: return "boundaries";
    case Overlay::load: return "load";
    case Overlay::representation: return "representation";
    case Overlay::scenario: return "scenario";
    }
    return "none";
}

std::optional<Overlay> parse_overlay(std::string_view s) {
    for (Overlay o : {Overlay::none, Overlay::overlap, Overlay::boundaries, Overlay::load,
                      Overlay::representation, Overlay::scenario})
        if (to_string(o) == s) return o;
    return std::nullopt;
}

bool Filters::hides_something() const {
    const auto all = [](const auto& a) { return std::all_of(a.begin(), a.end(), [](bool b) { return b; }); };
    return !all(board_kind_shown) || !all(sector_shown) || !show_people || !show_areas ||
           !search.empty();
}

}  // namespace boardscape::viewer
