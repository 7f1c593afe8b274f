// Running the force layout for the graph view: starting it, taking its snapshots, placing new
// nodes beside their neighbours, storing positions and views in the dataset on save.
#include "app/app.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

namespace boardscape::viewer {

namespace fs = std::filesystem;

void App::start_layout() {
    const Scene& s = m_session.scene();
    const Dataset& d = m_session.dataset();
    std::vector<WorldPoint> initial;
    m_pinned.assign(s.nodes.size(), false);
    if (!d.layout.positions.empty()) {
        // Saved positions are used only when they cover every node; otherwise the layout
        // starts afresh (pinned nodes still keep theirs through the stepper).
        bool complete = true;
        initial.resize(s.nodes.size());
        for (NodeIndex i = 0; i < s.nodes.size(); ++i) {
            const auto it = d.layout.positions.find(s.nodes[i].id);
            if (it == d.layout.positions.end()) {
                complete = false;
                break;
            }
            initial[i] = {it->second[0], it->second[1]};
        }
        if (!complete) initial.clear();
        else
            for (const auto& id : d.layout.pinned)
                if (auto n = s.find(id)) m_pinned[*n] = true;
    }
    std::vector<bool> pinned = initial.empty() ? std::vector<bool>{} : m_pinned;
    // Saved positions are already in the display frame: no rotation.
    m_rot_cos = 1;
    m_rot_sin = 0;
    m_rotation_frozen = !initial.empty();
    m_layout_runner.start(s, initial, pinned, m_opts.threaded_layout);
    m_positions.clear();
    take_layout_positions();
}

void App::take_layout_positions() {
    if (!m_layout_runner.poll(m_raw_positions)) return;
    const std::size_t n = m_raw_positions.size();
    if (!m_rotation_frozen && n >= 3) {
        double mx = 0, my = 0;
        for (const auto& p : m_raw_positions) {
            mx += p.x;
            my += p.y;
        }
        mx /= static_cast<double>(n);
        my /= static_cast<double>(n);
        double sxx = 0, syy = 0, sxy = 0;
        for (const auto& p : m_raw_positions) {
            sxx += (p.x - mx) * (p.x - mx);
            syy += (p.y - my) * (p.y - my);
            sxy += (p.x - mx) * (p.y - my);
        }
        const double angle = 0.5 * std::atan2(2 * sxy, sxx - syy);  // principal axis
        m_rot_cos = std::cos(-angle);
        m_rot_sin = std::sin(-angle);
    }
    if (m_layout_runner.converged()) m_rotation_frozen = true;
    m_positions.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const WorldPoint p = m_raw_positions[i];
        m_positions[i] = {p.x * m_rot_cos - p.y * m_rot_sin, p.x * m_rot_sin + p.y * m_rot_cos};
    }
    // Keep a dragged node under the cursor even if the snapshot predates the move.
    if (auto o = m_canvas.drag_override(); o && o->first < m_positions.size()) m_positions[o->first] = o->second;
    if (m_auto_fit) m_fit_requested = true;
}

WorldPoint App::to_layout_frame(WorldPoint d) const {
    // Inverse rotation (transpose).
    return {d.x * m_rot_cos + d.y * m_rot_sin, -d.x * m_rot_sin + d.y * m_rot_cos};
}

void App::store_layout_and_views(Dataset& d) const {
    const Scene& s = m_session.scene();
    d.layout.positions.clear();
    d.layout.pinned.clear();
    for (NodeIndex i = 0; i < s.nodes.size() && i < m_positions.size(); ++i) {
        d.layout.positions[s.nodes[i].id] = {m_positions[i].x, m_positions[i].y};
        if (i < m_pinned.size() && m_pinned[i]) d.layout.pinned.push_back(s.nodes[i].id);
    }
    d.views_json = saved_views_to_json(m_views);
}

WorldPoint App::place_new_node(const Scene& s, const std::vector<WorldPoint>& pos, const std::vector<bool>& known,
                              NodeIndex n) const {
    // Anchor: a neighbour already placed, boards and agencies first (a person's agency, a
    // sub-group's parent, a board's member's agency…); else the middle of the view.
    std::optional<NodeIndex> anchor;
    int best_rank = 99;
    for (NodeIndex m : s.neighbours[n]) {
        if (m >= known.size() || !known[m]) continue;
        const int rank = s.nodes[m].type == EntityType::board ? 0 : s.nodes[m].type == EntityType::agency ? 1
                         : s.nodes[m].type == EntityType::person ? 2 : 3;
        if (rank < best_rank) {
            best_rank = rank;
            anchor = m;
        }
    }
    const Camera& cam = m_view.camera;
    const bool have_view = cam.viewport_size.x > 2 && cam.viewport_size.y > 2 && cam.zoom > 0;
    const WorldPoint centre = anchor ? pos[*anchor] : cam.center;
    // About 45 px from the anchor on screen (a node and its label's worth), in world units.
    const double step = have_view ? 45.0 / cam.zoom : 1.0;
    const auto in_view = [&](WorldPoint w) {
        if (!have_view) return true;
        const ScreenPoint p = cam.to_screen(w);
        const float m = 30.0f;
        return p.x >= cam.viewport_min.x + m && p.y >= cam.viewport_min.y + m &&
               p.x <= cam.viewport_min.x + cam.viewport_size.x - m && p.y <= cam.viewport_min.y + cam.viewport_size.y - m;
    };
    // Of twelve spots round the anchor (two rings), the one in view farthest from every node.
    WorldPoint best = centre;
    double best_clear = -1;
    for (int ring = 1; ring <= 2; ++ring)
        for (int k = 0; k < 12; ++k) {
            const double a = 2 * 3.14159265358979 * (k + 0.5 * ring) / 12.0;
            const WorldPoint c{centre.x + std::cos(a) * step * ring, centre.y + std::sin(a) * step * ring};
            double clear = 1e300;
            for (NodeIndex m = 0; m < pos.size(); ++m)
                if (m < known.size() && known[m])
                    clear = std::min(clear, (pos[m].x - c.x) * (pos[m].x - c.x) + (pos[m].y - c.y) * (pos[m].y - c.y));
            if (!in_view(c)) clear *= 1e-6;  // out of view only when nothing in view is free
            if (clear > best_clear) {
                best_clear = clear;
                best = c;
            }
        }
    return best;
}

void App::compute_layout() {
    const ImGuiIO& io = ImGui::GetIO();
    const float s = m_fonts.scale() > 0 ? m_fonts.scale() : 1.0f;
    const float top = m_view.workshop.enabled ? 0.0f : ImGui::GetFrameHeight();
    const ImVec2 d = io.DisplaySize;
    UiLayout l;
    if (m_view.workshop.enabled) {
        // The legend is always shown in workshop mode, in its own column so the fitted map
        // never sits underneath it.
        const float legend_w = std::min(430.0f * s, d.x * 0.3f);
        l.canvas_min = ImVec2(0, 0);
        l.canvas_max = ImVec2(d.x - legend_w, d.y);
        l.legend_pos = ImVec2(d.x - legend_w, 0);
        l.legend_size = ImVec2(legend_w, d.y);
        if (m_scenario_panel.visible && m_session.has_dataset()) {
            // The Scenario panel shares the column with the legend, wider, under it: the room
            // reads the key and the table beside the picture.
            const float w = std::max(legend_w, std::min(900.0f * s, d.x * 0.45f));
            const float legend_h = std::round(d.y * 0.32f);
            l.canvas_max = ImVec2(d.x - w, d.y);
            l.legend_pos = ImVec2(d.x - w, 0);
            l.legend_size = ImVec2(w, legend_h);
            l.scenario_pos = ImVec2(d.x - w, legend_h);
            l.scenario_size = ImVec2(w, d.y - legend_h);
        }
    } else {
        const float left = m_filters_panel.visible || m_legend_panel.visible ? std::min(370.0f * s, d.x * 0.25f) : 0.0f;
        // The Scenario panel, when open, takes the inspector's column (wider: its table has
        // seven columns); the inspector comes back when it closes.
        const bool scenario = m_scenario_panel.visible && m_session.has_dataset();
        const float right = scenario                      ? std::min(760.0f * s, d.x * 0.4f)
                            : m_inspector_panel.visible ? std::min(400.0f * s, d.x * 0.28f)
                                                        : 0.0f;
        const float bottom = m_analysis_panel.visible ? std::min(270.0f * s, d.y * 0.3f) : 0.0f;
        const float legend_h = m_filters_panel.visible ? (d.y - top) * 0.5f : d.y - top;
        l.filters_pos = ImVec2(0, top);
        l.filters_size = ImVec2(left, d.y - top - legend_h);
        l.legend_pos = ImVec2(0, d.y - legend_h);
        l.legend_size = ImVec2(left, legend_h);
        l.inspector_pos = ImVec2(d.x - right, top);
        l.inspector_size = ImVec2(right, d.y - top);
        if (scenario) {
            l.scenario_pos = l.inspector_pos;
            l.scenario_size = l.inspector_size;
        }
        l.analysis_pos = ImVec2(left, d.y - bottom);
        l.analysis_size = ImVec2(d.x - left - right, bottom);
        l.canvas_min = ImVec2(left, top);
        l.canvas_max = ImVec2(d.x - right, d.y - bottom);
    }
    m_layout = l;
    Camera& cam = m_view.camera;
    const ScreenPoint vmin{l.canvas_min.x, l.canvas_min.y};
    const ScreenPoint vsize{std::max(1.0f, l.canvas_max.x - l.canvas_min.x), std::max(1.0f, l.canvas_max.y - l.canvas_min.y)};
    if (vsize.x != cam.viewport_size.x || vsize.y != cam.viewport_size.y || vmin.x != cam.viewport_min.x ||
        vmin.y != cam.viewport_min.y) {
        cam.viewport_min = vmin;
        cam.viewport_size = vsize;
        if (m_auto_fit) m_fit_requested = true;
        // The map of England is a fixed picture: a column opening or closing beside it (the
        // Scenario panel, workshop mode) refits it so no part falls off the canvas.
        m_map_view.request_fit();
    }
}

bool App::settle_layout(int max_steps) {
    const bool done = m_layout_runner.settle(max_steps);
    take_layout_positions();
    return done;
}

void App::fit_to_visible() {
    WorldBox box;
    const Scene& s = m_session.scene();
    for (NodeIndex i = 0; i < s.nodes.size() && i < m_positions.size(); ++i)
        if (i >= m_visibility.node_visible.size() || m_visibility.node_visible[i]) box.add(m_positions[i]);
    m_view.camera.fit(box, 60.0f * (m_fonts.scale() > 0 ? m_fonts.scale() : 1.0f));
}

}  // namespace boardscape::viewer
