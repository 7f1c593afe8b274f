// Which nodes and edges the filters let through, which ones the search matches, and how many
// are hidden (for the always-visible banner: filters must never hide data silently).
// Recomputed when the filters, the date, the anonymisation or the dataset change.
#pragma once

#include "app/session.hpp"
#include "app/view_state.hpp"

#include <cstdint>
#include <vector>

namespace boardscape::viewer {

struct Visibility {
    std::vector<std::uint8_t> node_visible;  /// by node
    std::vector<std::uint8_t> edge_visible;  /// by scene edge
    std::vector<std::uint8_t> search_match;  /// by node; empty when there is no search
    int hidden_by_filters = 0;               // nodes hidden by kind/sector/type filters
    int hidden_inactive = 0;                 // nodes hidden because inactive at the date
    int search_matches = 0;
};

Visibility compute_visibility(const Session& s, const Filters& f, bool anonymise);

/// Case-insensitive substring test (ASCII folding), used by the search box.
bool contains_folded(std::string_view haystack, std::string_view needle);

}  // namespace boardscape::viewer
