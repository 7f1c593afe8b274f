// The map view: England's districts as hexes (DESIGN §8.2), drawn from the same library code as
// `boardscape map`. A view is a unit: it owns its camera, its hit testing and its drawing, and
// shares only the selection, filters (the date), anonymisation and workshop state with the graph
// view through the app state. It never changes anything itself: a click queues SelectEntity.
#pragma once

#include "app/commands.hpp"
#include "app/map_settings.hpp"
#include "app/scenario_compare.hpp"
#include "app/session.hpp"
#include "app/text_log.hpp"
#include "app/view_state.hpp"
#include "boardscape/map/hex_map.hpp"
#include "canvas/camera.hpp"
#include "overlays/overlay.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct MapViewInput {
    const Session& session;
    const ViewState& view;
    const MapSettings& settings;
    CommandQueue& commands;
    ImFont* font = nullptr;  // labels
    float scale = 1;         // UI scale (workshop text scale × monitor scale)
    bool interactive = true;
    TextLog* text_log = nullptr;
    /// The Scenario panel's comparison (MapMeasure::scenario colours by it); may be null.
    const ScenarioCompare* scenario = nullptr;
};

struct MapViewStats {
    std::size_t cells_drawn = 0;
    std::size_t edges_drawn = 0;
    std::size_t labels_drawn = 0;
    double cpu_ms = 0;  // thread CPU time of the last draw()
};

class MapView {
public:
    /// Draws into the current ImGui window's draw list over [min, max] (screen px).
    void draw(const MapViewInput& in, ImVec2 min, ImVec2 max);
    /// Frames every cell on the next draw.
    void request_fit() { m_fit_pending = true; }
    /// The map for the current settings ("" error when there is one), rebuilt when the dataset,
    /// the date or the layers change.
    const map::MapResult* result() const { return m_map ? &*m_map : nullptr; }
    const std::string& error() const { return m_error; }
    std::optional<std::size_t> hovered_cell() const { return m_hovered; }
    const MapViewStats& stats() const { return m_stats; }
    const Camera& camera() const { return m_camera; }
    /// The legend of the current map (for the legend panel): swatches and lines.
    std::vector<LegendEntry> legend(const Session& s, const MapSettings& settings) const;
    /// Screen position of a cell's centre in the last frame (tests drive clicks with it).
    std::optional<ScreenPoint> cell_screen_position(std::size_t cell) const;
    /// Recomputes the map now if its inputs changed (also called by draw()).
    void update(const Session& s, const ViewState& v, const MapSettings& settings,
                const ScenarioCompare* scenario = nullptr);

private:
    void handle_input(const MapViewInput& in, ImVec2 min, ImVec2 max);
    /// The scenario colouring over the current map (MapMeasure::scenario).
    void scenario_measure(const Dataset& d, const ScenarioCompare& scenario);

    // Cache key of the map.
    std::uint64_t m_revision = ~std::uint64_t{0};
    std::optional<Date> m_as_of;
    MapSettings m_settings_used;
    std::optional<std::string> m_selected_used;
    std::uint64_t m_scenario_version = 0;  // of the comparison the scenario measure used
    bool m_have_key = false;

    std::optional<map::MapResult> m_map;
    std::string m_error;
    std::vector<int> m_fill_colour;                 /// by fill region: palette index
    std::vector<double> m_measure;                  /// by cell: the numeric fill (measure mode)
    double m_measure_max = 0;  // the largest |value|
    bool m_measure_signed = false;  // scenario: saves and gains on a diverging scale
    std::string m_measure_label;
    std::vector<std::uint8_t> m_relation_of_cell;   /// agency mode: BoundaryRelation + 1, 0 none
    std::vector<bool> m_highlight;                  /// by cell: in the selected footprint

    Camera m_camera;
    bool m_fit_pending = true;
    bool m_dragging = false;
    std::optional<std::size_t> m_hovered;
    std::vector<ScreenPoint> m_screen;  /// by cell: centre in the last frame
    MapViewStats m_stats;
};

}  // namespace boardscape::viewer
