#include "app/map_settings.hpp"

namespace boardscape::viewer {

std::string_view to_string(ViewKind v) { return v == ViewKind::map ? "map" : "graph"; }

std::optional<ViewKind> parse_view_kind(std::string_view s) {
    if (s == "graph") return ViewKind::graph;
    if (s == "map") return ViewKind::map;
    return std::nullopt;
}

std::string_view to_string(MapMeasure m) {
    switch (m) {
    case MapMeasure::regions: return "regions";
    case MapMeasure::expected_meetings: return "expected_meetings";
    case MapMeasure::load: return "load";
    case MapMeasure::scenario: return "scenario";
    }
    return "regions";
}

std::optional<MapMeasure> parse_map_measure(std::string_view s) {
    for (const MapMeasure m : {MapMeasure::regions, MapMeasure::expected_meetings, MapMeasure::load, MapMeasure::scenario})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

}  // namespace boardscape::viewer
