// Saved views: named snapshots of camera, overlay, filters and selection, stored in the file's
// `views` array (the library carries it verbatim as Dataset::views_json) and stepped with ←/→
// in workshops. The camera is stored as a centre and a world-units span, so a view prepared on
// a laptop frames the same region on a projector of another resolution.
//
// Shape of one entry: {"name", "overlay", "center": [x, y], "span", "selected"?, "focus"?,
// "focus_hops"?, "anonymise"?, "view"?: "graph"|"map", "map"?: {"fill", "borders", "measure"},
// "filters": {"hidden_board_kinds": [...], "hidden_sectors": [...], "people", "areas",
// "inactive", "as_of"?, "search"?}}. A view without "view" is a graph view (views saved before
// the map existed framed the graph).
#pragma once

#include "app/view_state.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::viewer {

struct SavedView {
    std::string name;
    Overlay overlay = Overlay::none;
    WorldPoint center;
    double span = 0;  // world units across the viewport height; 0 = fit
    std::optional<std::string> selected;
    std::optional<std::string> focus;
    int focus_hops = 1;
    std::optional<bool> anonymise;
    Filters filters;
    ViewKind view_kind = ViewKind::graph;
    MapSettings map;  // what the map view shows when view_kind is map
};

/// Parses a `views` array; malformed entries are skipped with a message in `problems`.
std::vector<SavedView> parse_saved_views(std::string_view json, std::vector<std::string>& problems);
/// The JSON text of a `views` array ("" for none).
std::string saved_views_to_json(const std::vector<SavedView>& views);

SavedView capture_view(const ViewState& v, std::string name);

}  // namespace boardscape::viewer
