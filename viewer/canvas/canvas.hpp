// The map: draws nodes, edges, overlay styling and labels into the canvas rect, and turns mouse
// input into commands (select, focus, drag-to-move-and-pin, pan, zoom about the cursor). It
// never changes the model or the view state itself. Drawing culls to the viewport, drops detail
// for tiny nodes, writes raw quads through PrimWriter and places at most ~400 labels.
#pragma once

#include "app/commands.hpp"
#include "app/session.hpp"
#include "app/text_log.hpp"
#include "app/view_state.hpp"
#include "app/visibility.hpp"
#include "canvas/label_grid.hpp"
#include "overlays/overlay.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct CanvasFonts {
    ImFont* label = nullptr;  // agencies, people, areas
    ImFont* board = nullptr;  // boards (bold)
    float size = 15;          // px
};

struct CanvasInput {
    const Session& session;
    const ViewState& view;
    const Visibility& visibility;
    const OverlayStyle& overlay;
    const std::vector<WorldPoint>& positions;  /// by node, world units
    const std::vector<bool>& focus;            /// by node; empty when no ego focus
    CanvasFonts fonts;
    float scale = 1;  // UI scale (workshop text scale × monitor scale)
    bool interactive = true;
    CommandQueue& commands;
    TextLog* text_log = nullptr;
};

struct CanvasStats {
    std::size_t edges_drawn = 0;
    std::size_t nodes_drawn = 0;
    std::size_t labels_drawn = 0;
    std::size_t vertices = 0;
    double cpu_ms = 0;  // thread CPU time of the last draw()
};

class Canvas {
public:
    static constexpr std::size_t max_labels = 400;
    /// At most this many unfaded nodes on screen: no label may cover any node's marker.
    static constexpr std::size_t k_sparse_picture_nodes = 80;
    /// Visible edges above this are drawn as a 1-in-k sample (see draw_edges).
    static constexpr std::size_t edge_budget = 25000;

    /// Draws into the current ImGui window's draw list over [min, max] (screen px).
    void draw(const CanvasInput& in, ImVec2 min, ImVec2 max);
    /// Drops cached label texts and widths (names, fonts or anonymisation changed).
    void invalidate_labels() { m_label_cache_valid = false; }
    /// A new scene (dataset) is shown: drops every per-scene cache.
    void invalidate_scene() {
        m_draw_order.clear();
        m_edge_order.clear();
        m_label_cache_valid = false;
    }
    std::optional<NodeIndex> hovered() const { return m_hovered; }
    /// Where node `n` was drawn in the last frame (screen px), if it was on screen.
    std::optional<ScreenPoint> drawn_position(NodeIndex n) const;
    float drawn_radius(NodeIndex n) const { return n < m_radius.size() ? m_radius[n] : 0.0f; }
    const CanvasStats& stats() const { return m_stats; }
    /// The labels drawn last frame: each one's box (screen px) and node.
    std::vector<std::pair<ScreenRect, NodeIndex>> label_boxes() const {
        std::vector<std::pair<ScreenRect, NodeIndex>> out;
        for (const auto& l : m_labels) out.emplace_back(l.rect, l.node);
        return out;
    }
    bool dragging_node() const { return m_drag_node.has_value(); }
    /// The node being dragged and its current world position (the app re-applies it after
    /// layout snapshots so the node stays under the cursor).
    std::optional<std::pair<NodeIndex, WorldPoint>> drag_override() const;

private:
    void handle_input(const CanvasInput& in, ImVec2 min, ImVec2 max);
    void draw_edges(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max);
    void draw_nodes(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max);
    void draw_rings_and_marks(const CanvasInput& in, ImDrawList* dl);
    void draw_labels(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max);
    void draw_ring_labels(const CanvasInput& in, ImDrawList* dl, NodeIndex i);
    float ring_thickness(const CanvasInput& in) const;
    void draw_banner(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max);
    void draw_tooltip(const CanvasInput& in, NodeIndex n);
    void refresh_label_cache(const CanvasInput& in);
    void refresh_base_colours(const CanvasInput& in);
    ImU32 node_colour(const CanvasInput& in, NodeIndex i) const;

    // Per-frame arrays, by node; members so their capacity is reused frame after frame.
    /// The node (other than the dragged one) whose disc holds the cursor, for drops.
    std::optional<NodeIndex> drop_target(NodeIndex dragged, ScreenPoint mouse) const;
    std::vector<ScreenPoint> m_screen;
    std::vector<float> m_radius;
    std::vector<std::uint8_t> m_layer;  // by node: draw layer; rebuilt with the scene
    std::vector<std::uint8_t> m_on_screen;
    std::vector<std::uint8_t> m_dim;
    std::vector<std::uint8_t> m_emphasis;  // selection neighbourhood and search hits
    std::vector<NodeIndex> m_draw_order;   // nodes by layer; rebuilt when the scene changes
    std::vector<std::uint32_t> m_edge_order;  // edges in drawing passes; rebuilt with the scene
    std::vector<ImU32> m_base_colour;         // by node: kind or sector colour; rebuilt with the scene
    std::vector<float> m_base_radius;         // by node: radius in px at scale 1; rebuilt with the scene
    std::vector<NodeIndex> m_candidates;
    std::vector<std::uint8_t> m_label_tried;  // by node: each node is tried once a frame
    LabelGrid m_grid;

    struct PlacedLabel {
        ScreenRect rect;
        ImVec2 text_pos;
        NodeIndex node;
        bool board;
        bool dim;
        bool far = false;  // placed a label-height out: a leader line joins it to its node
    };
    std::vector<PlacedLabel> m_labels;

    // Label text and width caches, by node.
    bool m_label_cache_valid = false;
    bool m_cache_anonymise = false;
    float m_cache_font_size = 0;
    const Scene* m_cache_scene = nullptr;
    std::size_t m_cache_nodes = 0;
    std::vector<std::string> m_label_text;
    std::vector<float> m_label_width;

    // Interaction.
    std::optional<NodeIndex> m_hovered;
    std::optional<NodeIndex> m_drag_node;
    WorldPoint m_drag_start;
    WorldPoint m_drag_now;
    bool m_drag_moved = false;
    bool m_panning = false;
    bool m_pressing = false;  // a left press on the canvas is in progress

    CanvasStats m_stats;
};

/// The workshop title: the dataset's area and the analysis date ("Midshire, Buffton and Marston ·
/// 31 January 2015"); `fallback` (the file's name) when the title names nothing.
std::string workshop_heading(const Dataset& d, const std::optional<Date>& as_of, const std::string& fallback);

/// Long board-type phrases shortened for canvas labels ("… Local Safeguarding Children Board"
/// → "… LSCB").
std::string abbreviate_label(std::string text);
/// `text` cut to at most `max_chars` UTF-8 characters, with an ellipsis when cut.
std::string truncate_label(const std::string& text, std::size_t max_chars);

}  // namespace boardscape::viewer
