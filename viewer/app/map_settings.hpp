// What the map view shows: which layer fills the hexes (regions of a board kind or sector, or a
// number per district) and which layer draws the borders. Part of the view state, so saved
// views and the headless options can set it; the map view reads it and never changes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace boardscape::viewer {

enum class ViewKind { graph, map };
std::string_view to_string(ViewKind v);
std::optional<ViewKind> parse_view_kind(std::string_view s);

/// The hexes' colour: regions of the fill layer, or a number per district on a sequential
/// scale — the selected agency's expected meetings a year there, or the load there — or the
/// Scenario panel's change in agencies' hours, each agency's shared out over its footprint.
enum class MapMeasure { regions, expected_meetings, load, scenario };
std::string_view to_string(MapMeasure m);
std::optional<MapMeasure> parse_map_measure(std::string_view s);

struct MapSettings {
    std::string fill = "lscp";      // a board kind or sector (map::parse_layer)
    std::string borders = "police";  // "" for none
    MapMeasure measure = MapMeasure::regions;
    friend bool operator==(const MapSettings&, const MapSettings&) = default;
};

}  // namespace boardscape::viewer
