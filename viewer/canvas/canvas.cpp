#include "canvas/canvas.hpp"

#include "app/vocab_labels.hpp"
#include "boardscape/plural.hpp"
#include "canvas/hit_test.hpp"
#include "canvas/marks.hpp"
#include "canvas/palette.hpp"
#include "canvas/prim_writer.hpp"
#include "panels/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace boardscape::viewer {

// [SECTION] Helpers

std::string truncate_label(const std::string& text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (chars == max_chars) return text.substr(0, i) + "\xE2\x80\xA6";  // …
        ++chars;
    }
    return text;
}

namespace {
// Canvas labels only: the legend spells these out, tooltips and panels keep full names.
constexpr std::pair<std::string_view, std::string_view> k_phrases[] = {
    {"Local Safeguarding Children Board", "LSCB"},
    {"Safeguarding Children Partnership", "SCP"},
    {"Health and Wellbeing Board", "HWB"},
    {"Community Safety Partnership", "CSP"},
    {"Safeguarding Adults Board", "SAB"},
    {"Local Family Justice Board", "LFJB"},
    {"Children and Young People's Partnership", "CYPP"},
    {"Clinical Commissioning Group", "CCG"},
    {"NHS Foundation Trust", "NHS FT"},
};
}  // namespace

std::string abbreviate_label(std::string text) {
    for (const auto& [from, to] : k_phrases)
        if (const auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

namespace {

ImVec2 iv(ScreenPoint p) { return ImVec2(p.x, p.y); }
ScreenPoint sp(ImVec2 p) { return {p.x, p.y}; }

bool is_top_board(const CanvasInput& in, NodeIndex i) {
    const SceneNode& n = in.session.scene().nodes[i];
    return n.type == EntityType::board && !in.session.dataset().boards[n.index].parent;
}

}  // namespace

std::optional<ScreenPoint> Canvas::drawn_position(NodeIndex n) const {
    if (n >= m_screen.size() || !m_on_screen[n]) return std::nullopt;
    return m_screen[n];
}

std::optional<std::pair<NodeIndex, WorldPoint>> Canvas::drag_override() const {
    if (!m_drag_node || !m_drag_moved) return std::nullopt;
    return std::make_pair(*m_drag_node, m_drag_now);
}

ImU32 Canvas::node_colour(const CanvasInput& in, NodeIndex i) const {
    if (i < in.overlay.fill.size() && in.overlay.fill[i] != 0) return in.overlay.fill[i];
    return m_base_colour[i];
}

void Canvas::refresh_base_colours(const CanvasInput& in) {
    const Scene& scene = in.session.scene();
    m_base_colour.resize(scene.nodes.size());
    m_base_radius.resize(scene.nodes.size());
    m_layer.resize(scene.nodes.size());
    for (NodeIndex i = 0; i < scene.nodes.size(); ++i) {
        const SceneNode& n = scene.nodes[i];
        m_base_radius[i] = base_radius_px(n.type, n.type == EntityType::board && is_top_board(in, i));
        m_layer[i] = draw_layer(n.type);
        switch (n.type) {
        case EntityType::board: m_base_colour[i] = board_kind_colour(in.session.dataset().boards[n.index].kind); break;
        case EntityType::agency: m_base_colour[i] = sector_colour(in.session.node_sector(i)); break;
        case EntityType::person:
            m_base_colour[i] = mix(sector_colour(in.session.node_sector(i)), IM_COL32_WHITE, 0.2f);
            break;
        case EntityType::area: m_base_colour[i] = IM_COL32(185, 185, 175, 255); break;
        }
    }
}

// [SECTION] Frame

namespace {
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}
}  // namespace

void Canvas::draw(const CanvasInput& in, ImVec2 min, ImVec2 max) {
    const double t0 = thread_cpu_ms();
    m_stats = {};
    const Scene& scene = in.session.scene();
    const std::size_t n = scene.nodes.size();
    const Camera& cam = in.view.camera;
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max, true);
    dl->AddRectFilled(min, max, theme.background);

    if (m_draw_order.size() != n || m_cache_scene != &scene) {
        m_draw_order.resize(n);
        for (NodeIndex i = 0; i < n; ++i) m_draw_order[i] = i;
        std::stable_sort(m_draw_order.begin(), m_draw_order.end(), [&](NodeIndex a, NodeIndex b) {
            return draw_layer(scene.nodes[a].type) < draw_layer(scene.nodes[b].type);
        });
        m_label_cache_valid = false;
        refresh_base_colours(in);
    }

    // Screen positions, sizes, culling and emphasis for every node. Nodes grow more slowly
    // than text with the workshop scale, so big type does not turn the map into one blob.
    const float growth = zoom_growth(cam);
    const float node_scale = std::sqrt(std::max(in.scale, 0.1f));
    m_screen.resize(n);
    m_radius.resize(n);
    m_on_screen.resize(n);
    m_dim.resize(n);
    m_emphasis.assign(n, 0);
    const bool have_positions = in.positions.size() == n;
    const auto selected = in.view.selected ? scene.find(*in.view.selected) : std::nullopt;
    if (selected) {
        m_emphasis[*selected] = 2;
        for (NodeIndex m : scene.neighbours[*selected]) m_emphasis[m] = 1;
    }
    const bool searching = !in.visibility.search_match.empty();
    const bool focusing = in.focus.size() == n;
    for (NodeIndex i = 0; i < n; ++i) {
        m_screen[i] = have_positions ? cam.to_screen(in.positions[i]) : ScreenPoint{min.x, min.y};
        const float ov = i < in.overlay.size.size() ? in.overlay.size[i] : 1.0f;
        m_radius[i] = m_base_radius[i] * node_scale * growth * ov;
        const float r = m_radius[i] + 4;
        m_on_screen[i] = have_positions && in.visibility.node_visible[i] && m_screen[i].x + r >= min.x &&
                         m_screen[i].x - r <= max.x && m_screen[i].y + r >= min.y && m_screen[i].y - r <= max.y;
        bool dim = i < in.overlay.fade.size() && in.overlay.fade[i];
        if (focusing && !in.focus[i]) dim = true;
        if (searching && !in.visibility.search_match[i]) dim = true;
        if (searching && in.visibility.search_match[i]) m_emphasis[i] = std::max<std::uint8_t>(m_emphasis[i], 1);
        if (m_emphasis[i]) dim = false;
        m_dim[i] = dim;
    }

    if (in.interactive) handle_input(in, min, max);
    draw_edges(in, dl, min, max);
    draw_nodes(in, dl, min, max);
    draw_rings_and_marks(in, dl);
    draw_labels(in, dl, min, max);
    // Representation: the segments of the board under the pointer (else of the selection) named.
    if (in.overlay.kind == Overlay::representation) {
        std::optional<NodeIndex> named = in.interactive ? m_hovered : std::nullopt;
        if (!named || *named >= in.overlay.rings.size() || in.overlay.rings[*named].empty())
            named = in.view.selected ? scene.find(*in.view.selected) : std::nullopt;
        if (named) draw_ring_labels(in, dl, *named);
    }
    draw_banner(in, dl, min, max);
    dl->PopClipRect();
    m_stats.cpu_ms = thread_cpu_ms() - t0;
    if (in.interactive && m_hovered && !m_drag_node && !m_panning) draw_tooltip(in, *m_hovered);
}

// [SECTION] Input

std::optional<NodeIndex> Canvas::drop_target(NodeIndex dragged, ScreenPoint mouse) const {
    // The dragged node is under the cursor itself, so look for the nearest other node whose
    // disc contains the cursor.
    std::optional<NodeIndex> best;
    float best_d2 = 0;
    for (NodeIndex i = 0; i < m_screen.size() && i < m_radius.size(); ++i) {
        if (i == dragged || (i < m_on_screen.size() && !m_on_screen[i])) continue;
        const float dx = m_screen[i].x - mouse.x, dy = m_screen[i].y - mouse.y;
        const float d2 = dx * dx + dy * dy;
        if (d2 <= m_radius[i] * m_radius[i] && (!best || d2 < best_d2)) {
            best = i;
            best_d2 = d2;
        }
    }
    return best;
}

void Canvas::handle_input(const CanvasInput& in, ImVec2 min, ImVec2 max) {
    const ImGuiIO& io = ImGui::GetIO();
    const Scene& scene = in.session.scene();
    ImGui::SetCursorScreenPos(min);
    const ImVec2 size(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y));
    ImGui::InvisibleButton("##canvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    Camera cam = in.view.camera;
    bool camera_changed = false;

    m_hovered.reset();
    if (hovered || ImGui::IsItemActive())
        m_hovered = hit_test(m_screen, m_radius, m_layer, m_on_screen, sp(io.MousePos));

    if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        m_pressing = true;
        m_drag_moved = false;
        if (m_hovered) {
            m_drag_node = *m_hovered;
            m_drag_start = m_drag_now = in.positions.size() == scene.nodes.size()
                                            ? in.positions[*m_hovered]
                                            : cam.to_world(sp(io.MousePos));
        } else {
            m_panning = true;
        }
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        if (m_drag_node) {
            m_drag_moved = true;
            const WorldPoint delta_from = cam.to_world(sp(io.MousePos));
            m_drag_now = delta_from;
            in.commands.push(MoveNode{scene.nodes[*m_drag_node].id, m_drag_now, true, false, std::nullopt, false});
        } else if (m_panning && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
            m_drag_moved = true;
            cam.pan_by({io.MouseDelta.x, io.MouseDelta.y});
            camera_changed = true;
        }
    }
    if (ImGui::IsItemDeactivated() && m_pressing) {
        m_pressing = false;
        const auto target = m_drag_node && m_drag_moved ? drop_target(*m_drag_node, sp(io.MousePos)) : std::nullopt;
        if (target) {
            in.commands.push(DropOnNode{scene.nodes[*m_drag_node].id, scene.nodes[*target].id, m_drag_start, m_drag_now});
        } else if (m_drag_node && m_drag_moved) {
            in.commands.push(MoveNode{scene.nodes[*m_drag_node].id, m_drag_now, true, true, m_drag_start, false});
        } else if (!m_drag_moved) {
            if (m_drag_node)
                in.commands.push(SelectEntity{scene.nodes[*m_drag_node].id, false});
            else
                in.commands.push(SelectEntity{std::nullopt, false});
        }
        m_drag_node.reset();
        m_panning = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (m_hovered) {
            const std::string& id = scene.nodes[*m_hovered].id;
            const bool again = in.view.focus && *in.view.focus == id;
            in.commands.push(FocusEgo{id, again ? (in.view.focus_hops == 1 ? 2 : 1) : 1});
        } else {
            in.commands.push(FocusEgo{std::nullopt, 1});
        }
    }
    if (hovered && io.MouseWheel != 0) {
        cam.zoom_about(sp(io.MousePos), std::pow(1.18, static_cast<double>(io.MouseWheel)));
        camera_changed = true;
    }
    if (camera_changed) in.commands.push(SetCamera{cam});
}

// [SECTION] Edges and nodes

void Canvas::draw_edges(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const Scene& scene = in.session.scene();
    if (in.positions.size() != scene.nodes.size()) return;
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    const auto sel = in.view.selected ? scene.find(*in.view.selected) : std::nullopt;
    const NodeIndex selected = sel.value_or(static_cast<NodeIndex>(-1));
    if (m_edge_order.size() != scene.edges.size()) {
        // Footprints and employment under memberships; sub-groups and relations on top.
        m_edge_order.clear();
        for (int pass = 0; pass < 3; ++pass)
            for (std::uint32_t e = 0; e < scene.edges.size(); ++e) {
                const EdgeType t = scene.edges[e].type;
                const int p = t == EdgeType::membership ? 1 : (t == EdgeType::subgroup_of || t == EdgeType::relation) ? 2 : 0;
                if (p == pass) m_edge_order.push_back(e);
            }
    }
    // Per type: full and faded colours and widths, worked out once a frame, not per edge.
    const float growth_w = std::min(1.6f, zoom_growth(in.view.camera));
    ImU32 full[edge_type_count], faded[edge_type_count];
    float width[edge_type_count];
    for (int t = 0; t < edge_type_count; ++t) {
        ImU32 c = theme.edge[t];
        const auto type = static_cast<EdgeType>(t);
        if (in.overlay.fade_membership_edges &&
            (type == EdgeType::membership || type == EdgeType::works_for || type == EdgeType::covers))
            c = with_alpha(c, 0.35f);
        full[t] = c;
        faded[t] = with_alpha(c, 0.3f);
        width[t] = theme.edge_width[t] * in.scale * growth_w;
    }
    const ImU32 highlight = with_alpha(theme.outline, 0.85f);
    // Level of detail: with very many edges the fringe is invisible; thin lines skip the
    // normalisation, and edges shorter than a pixel are not drawn at all.
    const bool dense = scene.edges.size() > 20000;
    // Edge budget: beyond ~40k visible edges the picture is a uniform haze, so a deterministic
    // 1-in-k sample is drawn with its alpha raised to keep the same density. Structural edges
    // and the selection's edges are always drawn.
    std::size_t visible_count = 0;
    for (std::uint8_t v : in.visibility.edge_visible) visible_count += v;
    const std::uint32_t stride = static_cast<std::uint32_t>(std::max<std::size_t>(1, (visible_count + edge_budget - 1) / edge_budget));
    if (stride > 1)
        for (int t = 0; t < edge_type_count; ++t) {
            const float boost = std::min(static_cast<float>(stride), 3.0f);
            full[t] = with_alpha(full[t], boost);
            faded[t] = with_alpha(faded[t], boost);
        }
    PrimWriter pw(dl);
    const std::uint8_t* visible = in.visibility.edge_visible.data();
    std::uint32_t seen = 0;
    for (const std::uint32_t e : m_edge_order) {
        if (!visible[e]) continue;
        const SceneEdge& ed = scene.edges[e];
        if (stride > 1 && ed.type != EdgeType::subgroup_of && ed.type != EdgeType::relation && ed.u != selected &&
            ed.v != selected && (seen++ % stride) != 0)
            continue;
        const ScreenPoint a = m_screen[ed.u], b = m_screen[ed.v];
        if ((a.x < min.x && b.x < min.x) || (a.x > max.x && b.x > max.x) || (a.y < min.y && b.y < min.y) ||
            (a.y > max.y && b.y > max.y))
            continue;
        const auto t = static_cast<std::size_t>(ed.type);
        if (ed.u == selected || ed.v == selected) {
            pw.line(iv(a), iv(b), 2.0f * in.scale, highlight, true);
        } else if (dense) {
            if (std::fabs(a.x - b.x) + std::fabs(a.y - b.y) < 1.0f) continue;
            pw.thin_line(iv(a), iv(b), width[t], (m_dim[ed.u] | m_dim[ed.v]) ? faded[t] : full[t]);
        } else {
            pw.line(iv(a), iv(b), width[t], (m_dim[ed.u] | m_dim[ed.v]) ? faded[t] : full[t], true);
        }
        ++m_stats.edges_drawn;
    }
    for (const OverlayEdge& oe : in.overlay.edges) {
        if (!in.visibility.node_visible[oe.a] || !in.visibility.node_visible[oe.b]) continue;
        pw.line(iv(m_screen[oe.a]), iv(m_screen[oe.b]), oe.width * in.scale, oe.colour, true);
        ++m_stats.edges_drawn;
    }
    pw.finish();
    m_stats.vertices += pw.vertices_written();
}

void Canvas::draw_nodes(const CanvasInput& in, ImDrawList* dl, ImVec2, ImVec2) {
    const Scene& scene = in.session.scene();
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    // Level of detail: with thousands of nodes on screen, small ones are plain squares (a few
    // px across, the eye cannot tell) and lose their halo.
    std::size_t on_screen = 0;
    for (std::uint8_t o : m_on_screen) on_screen += o;
    const bool dense = on_screen > 3000;
    PrimWriter pw(dl);
    for (NodeIndex i : m_draw_order) {
        if (!m_on_screen[i]) continue;
        const EntityType t = scene.nodes[i].type;
        ImU32 fill = node_colour(in, i);
        ImU32 outline = theme.outline;
        if (m_dim[i]) {
            fill = mix(fill, theme.dimmed, 0.78f);
            outline = mix(outline, theme.dimmed, 0.75f);
        }
        const ImVec2 c = iv(m_screen[i]);
        const float r = m_radius[i];
        const float ow = std::max(1.0f, 1.3f * in.scale);
        switch (t) {
        case EntityType::board:
            pw.disc(c, r + ow, outline, dense);
            pw.disc(c, r, fill, dense);
            break;
        case EntityType::agency:
            if (dense && r < 8.0f) {
                pw.dot(c, r + ow, outline);
                pw.dot(c, r, fill);
                break;
            }
            pw.square(c, r + ow, outline);
            pw.square(c, r, fill);
            break;
        case EntityType::person:
            if (dense && r < 6.0f) {
                pw.dot(c, r * 0.85f, fill);
                break;
            }
            if (r >= 2.5f) pw.disc(c, r + 0.8f * in.scale, with_alpha(theme.background, 0.9f));
            pw.disc(c, r, fill);
            break;
        case EntityType::area:
            if (dense && r < 6.0f) pw.dot(c, r * 0.7f, m_dim[i] ? mix(fill, theme.dimmed, 0.7f) : fill);
            else pw.diamond(c, r, m_dim[i] ? mix(fill, theme.dimmed, 0.7f) : fill);
            break;
        }
        ++m_stats.nodes_drawn;
    }
    pw.finish();
    m_stats.vertices += pw.vertices_written();
}

void Canvas::draw_rings_and_marks(const CanvasInput& in, ImDrawList* dl) {
    const Scene& scene = in.session.scene();
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    // Patterns over overlay fills (boundaries: dot, hatch), drawn over the discs.
    for (NodeIndex i = 0; i < scene.nodes.size() && i < in.overlay.mark.size(); ++i) {
        if (in.overlay.mark[i] == NodeMark::none || !m_on_screen[i]) continue;
        const ImU32 fill = node_colour(in, i);
        draw_node_mark(dl, iv(m_screen[i]), m_radius[i], in.overlay.mark[i], m_dim[i] ? mix(fill, theme.dimmed, 0.78f) : fill,
                       in.scale);
    }
    for (NodeIndex i = 0; i < scene.nodes.size() && i < in.overlay.rings.size(); ++i) {
        const auto& ring = in.overlay.rings[i];
        if (ring.empty() || !m_on_screen[i]) continue;
        const float thick = ring_thickness(in);
        const float rad = m_radius[i] + 2.5f * in.scale + thick * 0.5f;
        const ImU32 ink = m_dim[i] ? mix(overlay_colour::ink, theme.dimmed, 0.7f) : overlay_colour::ink;
        for (std::size_t k = 0; k < ring.size(); ++k) {
            const auto [a0, a1] = ring_segment_angles(ring.size(), k);
            draw_ring_segment(dl, iv(m_screen[i]), rad, a0, a1, thick, ring[k].style, ink, overlay_colour::paper);
        }
    }
    if (in.view.selected)
        if (auto s = scene.find(*in.view.selected); s && m_on_screen[*s]) {
            const float extra = in.overlay.rings.size() > *s && !in.overlay.rings[*s].empty() ? 9.0f : 4.0f;
            dl->AddCircle(iv(m_screen[*s]), m_radius[*s] + extra * in.scale, theme.selection, 40, 3.0f * in.scale);
        }
    if (m_hovered && m_on_screen[*m_hovered])
        dl->AddCircle(iv(m_screen[*m_hovered]), m_radius[*m_hovered] + 3.0f * in.scale,
                      with_alpha(theme.outline, 0.6f), 32, 1.5f * in.scale);
}

// [SECTION] Labels

float Canvas::ring_thickness(const CanvasInput& in) const {
    // Grows like the nodes (square root of the text scale), so big type does not bury boards.
    return 6.0f * std::sqrt(std::max(in.scale, 0.1f)) * std::min(1.5f, zoom_growth(in.view.camera));
}

void Canvas::draw_ring_labels(const CanvasInput& in, ImDrawList* dl, NodeIndex i) {
    // The board's segments named as callouts (the room cannot read a tooltip): segments on the
    // right half of the ring list down a column to its right, those on the left down a column
    // to its left, each joined to its segment by a leader line.
    if (i >= in.overlay.rings.size() || in.overlay.rings[i].empty() || !m_on_screen[i] || !in.fonts.label) return;
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    const auto& ring = in.overlay.rings[i];
    const float fs = in.fonts.size;
    const float pad = 3.0f * in.scale;
    const float row = fs + 2.5f * pad;
    const float ring_out = m_radius[i] + 2.5f * in.scale + ring_thickness(in) * 1.3f;
    const ImVec2 c = iv(m_screen[i]);
    std::vector<std::size_t> right, left;
    constexpr float pi = 3.14159265f;
    for (std::size_t k = 0; k < ring.size(); ++k) {
        const auto [a0, a1] = ring_segment_angles(ring.size(), k);
        (0.5f * (a0 + a1) < pi / 2 ? right : left).push_back(k);  // angles run clockwise from -π/2
    }
    std::reverse(left.begin(), left.end());  // the left column also reads top to bottom
    for (const bool on_right : {true, false}) {
        const auto& side = on_right ? right : left;
        const float x_edge = c.x + (on_right ? 1.0f : -1.0f) * (ring_out + 18.0f * in.scale);
        float y = c.y - 0.5f * row * static_cast<float>(side.size());
        for (const std::size_t k : side) {
            const RingSegment& seg = ring[k];
            const std::string text = seg.label + (seg.style == RingStyle::hollow   ? ": absent"
                                                  : seg.style == RingStyle::dashed ? ": weak"
                                                                                   : "");
            const ImVec2 ts = in.fonts.label->CalcTextSizeA(fs, 1e9f, 0, text.c_str());
            const ImVec2 p(on_right ? x_edge + pad : x_edge - pad - ts.x, y + pad);
            const auto [a0, a1] = ring_segment_angles(ring.size(), k);
            const float a = 0.5f * (a0 + a1);
            const ImVec2 from(c.x + std::cos(a) * ring_out, c.y + std::sin(a) * ring_out);
            dl->AddLine(from, ImVec2(x_edge, y + row * 0.5f), with_alpha(theme.outline, 0.7f), 1.2f * in.scale);
            const ImVec2 r0(p.x - pad, y + pad * 0.5f), r1(p.x + ts.x + pad, y + row - pad * 0.5f);
            dl->AddRectFilled(r0, r1, with_alpha(theme.background, 0.96f), 3.0f * in.scale);
            dl->AddRect(r0, r1, with_alpha(theme.outline, seg.style == RingStyle::hollow ? 1.0f : 0.45f), 3.0f * in.scale,
                        0, seg.style == RingStyle::hollow ? 2.0f * in.scale : 1.0f);
            dl->AddText(in.fonts.label, fs, p, theme.text, text.c_str());
            if (in.text_log) in.text_log->add(text);
            y += row;
        }
    }
}

void Canvas::refresh_label_cache(const CanvasInput& in) {
    const Scene& scene = in.session.scene();
    if (m_label_cache_valid && m_cache_anonymise == in.view.anonymise && m_cache_font_size == in.fonts.size &&
        m_cache_scene == &scene && m_cache_nodes == scene.nodes.size())
        return;
    m_label_text.resize(scene.nodes.size());
    m_label_width.assign(scene.nodes.size(), -1.0f);
    for (NodeIndex i = 0; i < scene.nodes.size(); ++i)
        m_label_text[i] = truncate_label(abbreviate_label(in.session.display_name(i, in.view.anonymise)), 34);
    m_cache_anonymise = in.view.anonymise;
    m_cache_font_size = in.fonts.size;
    m_cache_scene = &scene;
    m_cache_nodes = scene.nodes.size();
    m_label_cache_valid = true;
}

void Canvas::draw_labels(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const Scene& scene = in.session.scene();
    if (!in.fonts.label || scene.nodes.empty()) return;
    refresh_label_cache(in);
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    const float growth = zoom_growth(in.view.camera);
    const float fs = in.fonts.size;
    const float pad = 3.0f * in.scale;
    m_grid.reset(sp(min), {max.x - min.x, max.y - min.y}, std::max(16.0f, fs * 2));
    m_labels.clear();

    // Landmarks: top-level board discs block labels so no name is printed across a board.
    std::size_t landmarks = 0;
    for (NodeIndex i : scene.label_order) {
        if (landmarks >= 2 * max_labels) break;
        if (!m_on_screen[i] || !is_top_board(in, i)) continue;
        ++landmarks;
        const float r = m_radius[i] + 2;
        m_grid.block({m_screen[i].x - r, m_screen[i].y - r, m_screen[i].x + r, m_screen[i].y + r});
    }

    // On a sparse picture (a council's landscape in a workshop: a few dozen nodes) every marker
    // that is not faded is a landmark too, so no name is printed over a person's dot or an
    // agency's square. A dense picture keeps only the board discs: blocking its hundreds of
    // dots would leave no room for any name (the 2015 landscape went from dozens to 7).
    std::size_t markers = 0;
    for (NodeIndex i = 0; i < scene.nodes.size(); ++i) markers += m_on_screen[i] && !m_dim[i];
    if (markers <= k_sparse_picture_nodes)
        for (NodeIndex i = 0; i < scene.nodes.size(); ++i) {
            if (!m_on_screen[i] || m_dim[i] || is_top_board(in, i)) continue;
            const float r = m_radius[i] + 1;
            m_grid.block({m_screen[i].x - r, m_screen[i].y - r, m_screen[i].x + r, m_screen[i].y + r});
        }

    // The overlay's subject (the boundaries agency) is a landmark too: no label covers it.
    if (const auto sub = in.overlay.subject; sub && *sub < scene.nodes.size() && m_on_screen[*sub]) {
        const float r = m_radius[*sub] + 2;
        m_grid.block({m_screen[*sub].x - r, m_screen[*sub].y - r, m_screen[*sub].x + r, m_screen[*sub].y + r});
    }

    // Candidates: the overlay's subject, the selection and its neighbours, search hits, then
    // what the overlay highlights (the agency's boards, boards missing a partner, people on
    // several boards, the busiest), then the scene's priority order.
    m_candidates.clear();
    if (in.overlay.subject) m_candidates.push_back(*in.overlay.subject);
    for (int level = 2; level >= 1; --level)
        for (NodeIndex i = 0; i < scene.nodes.size(); ++i)
            if (m_emphasis[i] == level) m_candidates.push_back(i);
    const auto& hl = in.overlay.highlight;
    for (int level = 2; level >= 1; --level)
        for (NodeIndex i : scene.label_order)
            if (i < hl.size() && hl[i] == level) m_candidates.push_back(i);
    m_candidates.insert(m_candidates.end(), scene.label_order.begin(), scene.label_order.end());

    int attempts = 0;
    m_label_tried.assign(scene.nodes.size(), 0);
    for (NodeIndex i : m_candidates) {
        if (m_labels.size() >= max_labels || attempts > 1500) break;
        if (!m_on_screen[i] || m_label_tried[i]) continue;
        m_label_tried[i] = 1;
        const SceneNode& node = scene.nodes[i];
        const bool subject = in.overlay.subject && *in.overlay.subject == i;
        const bool highlighted = i < in.overlay.highlight.size() && in.overlay.highlight[i] != 0 && !m_dim[i];
        const bool emphasised = m_emphasis[i] != 0 || subject || highlighted;
        const bool top = is_top_board(in, i);
        const bool multi = node.type == EntityType::person && in.view.overlay == Overlay::overlap &&
                           in.session.derived().node_boards[i] >= 2;
        if (!emphasised) {
            // Level of detail: smaller things get names only once there is room for them.
            switch (node.type) {
            case EntityType::board:
                if (!top && growth < 1.25f) continue;
                break;
            case EntityType::agency:
                if (growth < 0.9f) continue;
                break;
            case EntityType::person:
                if (growth < (multi ? (in.session.derived().node_boards[i] >= 3 ? 0.9f : 1.2f) : 1.6f)) continue;
                break;
            case EntityType::area:
                if (growth < 1.8f) continue;
                break;
            }
            if (m_dim[i] && growth < 2.0f) continue;
        }
        ++attempts;
        ImFont* font = node.type == EntityType::board && in.fonts.board ? in.fonts.board : in.fonts.label;
        if (m_label_width[i] < 0)
            m_label_width[i] = font->CalcTextSizeA(fs, 1e9f, 0, m_label_text[i].c_str()).x;
        const float w = m_label_width[i] + 2 * pad, h = fs + pad;
        const ScreenPoint c = m_screen[i];
        const float r = m_radius[i] + 3 * in.scale;
        // What the overlay is about may sit among boards that block every side: it also tries
        // positions one label-height further out.
        const float far = r + h * 1.2f;
        const ScreenRect options[8] = {
            {c.x + r, c.y - h * 0.5f, c.x + r + w, c.y + h * 0.5f},
            {c.x - w * 0.5f, c.y + r, c.x + w * 0.5f, c.y + r + h},
            {c.x - r - w, c.y - h * 0.5f, c.x - r, c.y + h * 0.5f},
            {c.x - w * 0.5f, c.y - r - h, c.x + w * 0.5f, c.y - r},
            {c.x - w * 0.5f, c.y + far, c.x + w * 0.5f, c.y + far + h},
            {c.x - w * 0.5f, c.y - far - h, c.x + w * 0.5f, c.y - far},
            {c.x + far, c.y - h * 0.5f, c.x + far + w, c.y + h * 0.5f},
            {c.x - far - w, c.y - h * 0.5f, c.x - far, c.y + h * 0.5f},
        };
        for (std::size_t k = 0; k < (emphasised ? 8u : 4u); ++k) {
            const ScreenRect& rect = options[k];
            if (m_grid.try_place(rect)) {
                m_labels.push_back({rect, ImVec2(rect.x0 + pad, rect.y0 + pad * 0.5f), i,
                                    node.type == EntityType::board, m_dim[i] != 0, k >= 4});
                break;
            }
        }
    }
    for (const PlacedLabel& l : m_labels) {
        if (!l.far) continue;
        // From the node's rim to the nearest point of the label, so a label set further out
        // still reads as this node's.
        const ScreenPoint c = m_screen[l.node];
        const float qx = std::clamp(c.x, l.rect.x0, l.rect.x1), qy = std::clamp(c.y, l.rect.y0, l.rect.y1);
        const float dx = qx - c.x, dy = qy - c.y, len = std::sqrt(dx * dx + dy * dy);
        if (len <= m_radius[l.node] + 1) continue;
        const float r = m_radius[l.node] + 1;
        dl->AddLine(ImVec2(c.x + dx / len * r, c.y + dy / len * r), ImVec2(qx, qy), with_alpha(theme.outline, 0.75f),
                    1.3f * in.scale);
    }
    for (const PlacedLabel& l : m_labels) {
        ImFont* font = l.board && in.fonts.board ? in.fonts.board : in.fonts.label;
        dl->AddRectFilled(ImVec2(l.rect.x0, l.rect.y0), ImVec2(l.rect.x1, l.rect.y1), theme.label_background,
                          3.0f * in.scale);
        const ImU32 col = l.dim ? mix(theme.text, theme.background, 0.55f) : theme.text;
        dl->AddText(font, fs, l.text_pos, col, m_label_text[l.node].c_str());
        if (in.text_log) in.text_log->add(m_label_text[l.node]);
    }
    m_stats.labels_drawn = m_labels.size();
}

// [SECTION] Banner and tooltip

namespace {
constexpr const char* k_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
}  // namespace

std::string workshop_heading(const Dataset& d, const std::optional<Date>& as_of, const std::string& fallback) {
    // The area is the title's lead ("Midshire, Buffton and Marston: the 2015 …"), or the area
    // an extract was cut around ("… - extract: Leeds").
    std::string area = d.meta.title;
    if (const auto at = area.rfind("extract: "); at != std::string::npos) area = area.substr(at + 9);
    else if (const auto colon = area.find(": "); colon != std::string::npos) area = area.substr(0, colon);
    if (area.empty()) area = fallback;
    if (!as_of) return area;
    const int m = std::clamp(as_of->month, 1, 12);
    return area + " \xC2\xB7 " + std::to_string(as_of->day) + " " + k_months[m - 1] + " " + std::to_string(as_of->year);
}

void Canvas::draw_banner(const CanvasInput& in, ImDrawList* dl, ImVec2 min, ImVec2 max) {
    const Visibility& v = in.visibility;
    const CanvasTheme& theme = canvas_theme(in.view.workshop.enabled && in.view.workshop.high_contrast);
    const float fs = in.fonts.size;
    float y = min.y;
    std::string text;
    char buf[200];
    if (v.hidden_by_filters > 0) {
        std::snprintf(buf, sizeof buf, "%d hidden by filters", v.hidden_by_filters);
        text += buf;
    }
    if (!in.view.filters.search.empty()) {
        if (!text.empty()) text += "  \xC2\xB7  ";
        std::snprintf(buf, sizeof buf, "search \"%s\": %d found", in.view.filters.search.c_str(), v.search_matches);
        text += buf;
    }
    // Workshop mode hides the Filters panel the inactive hint points at; the heading's date
    // already says what "active" means there.
    if (v.hidden_inactive > 0 && !in.view.workshop.enabled) {
        if (!text.empty()) text += "  \xC2\xB7  ";
        const auto& date = in.session.derived().as_of;
        std::snprintf(buf, sizeof buf, "%d not active on %s", v.hidden_inactive,
                      date ? date->str().c_str() : "the date");
        text += buf;
    }
    if (!text.empty() && in.fonts.label) {
        const bool filtering = v.hidden_by_filters > 0 || !in.view.filters.search.empty();
        text += filtering ? "  \xE2\x80\x94  press C to show everything" : "  (Filters panel: show inactive)";
        const float h = fs + 10 * in.scale;
        dl->AddRectFilled(ImVec2(min.x, y), ImVec2(max.x, y + h), theme.banner_background);
        dl->AddText(in.fonts.label, fs, ImVec2(min.x + 10 * in.scale, y + 5 * in.scale), theme.banner_text, text.c_str());
        if (in.text_log) in.text_log->add(text);
        y += h;
    }
    if (!in.fonts.board || !in.fonts.label) return;
    // Title lines, each on a plate and wrapped to the canvas so none runs under the legend.
    const float pad = 6 * in.scale;
    const float x = min.x + 10 * in.scale;
    const float wrap = std::max(50.0f, max.x - x - 2 * pad);
    y += 8 * in.scale;
    const auto line = [&](ImFont* font, float size, ImU32 col, const std::string& t) {
        if (t.empty()) return;
        const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, wrap, t.c_str());
        dl->AddRectFilled(ImVec2(x - pad, y - pad * 0.5f), ImVec2(x + ts.x + pad, y + ts.y + pad * 0.5f),
                          theme.label_background, 4 * in.scale);
        dl->AddText(font, size, ImVec2(x, y), col, t.c_str(), nullptr, wrap);
        if (in.text_log) in.text_log->add(t);
        y += ts.y + 8 * in.scale;
    };
    // Workshop: the room sees where and when before what.
    if (in.view.workshop.enabled)
        line(in.fonts.board, fs * 1.35f, theme.text,
             workshop_heading(in.session.dataset(), in.session.derived().as_of, in.session.path().stem().string()));
    line(in.fonts.board, fs * 1.15f, theme.text, in.overlay.title);
    line(in.fonts.label, fs, mix(theme.text, theme.background, 0.3f), in.overlay.hint);
}

void Canvas::draw_tooltip(const CanvasInput& in, NodeIndex i) {
    const Session& s = in.session;
    const Dataset& d = s.dataset();
    const SceneNode& node = s.scene().nodes[i];
    const Derived& der = s.derived();
    const bool anon = in.view.anonymise;
    ImGui::BeginTooltip();
    begin_text_capture(in.text_log);
    ImGui::TextUnformatted(s.display_name(i, anon).c_str());
    switch (node.type) {
    case EntityType::board: {
        const Board& b = d.boards[node.index];
        ImGui::Text("%s%s", std::string(label(b.kind)).c_str(), b.parent ? " (sub-group)" : "");
        ImGui::Text("%s \xC2\xB7 %.0f meetings a year \xC2\xB7 %.1f h each", count_noun(der.node_seats[i], "seat").c_str(),
                    b.meetings_per_year, b.meeting_hours);
        if (i < in.overlay.rings.size() && !in.overlay.rings[i].empty()) {
            ImGui::Separator();
            ImGui::TextUnformatted("Expected partners, clockwise from the top:");
            for (const RingSegment& seg : in.overlay.rings[i]) {
                ring_swatch(seg.style, ImGui::GetTextLineHeight());
                ImGui::Text("%s: %s", seg.label.c_str(), seg.status.c_str());
            }
        }
        break;
    }
    case EntityType::agency:
        ImGui::Text("%s", std::string(label(d.agencies[node.index].sector)).c_str());
        if (!der.expected_load)
            ImGui::Text("%s \xC2\xB7 %.0f meeting hours a year", count_noun(der.node_seats[i], "seat").c_str(),
                        der.node_hours[i]);
        if (i < der.bnd_of_agency.size() && der.bnd_of_agency[i] != static_cast<std::size_t>(-1)) {
            const AgencyBoundaries& ab = der.boundaries.agencies[der.bnd_of_agency[i]];
            ImGui::Text("Must attend %.0f meetings a year as a statutory partner (%.0f in its patch)",
                        ab.expected_meetings, ab.meetings_to_attend);
            ImGui::Text("Expected: %.0f meeting hours a year", ab.expected_hours);
        }
        break;
    case EntityType::person: {
        const Person& p = d.people[node.index];
        if (!anon && p.title) ImGui::TextUnformatted(p.title->c_str());
        if (p.agency)
            if (auto a = d.find_agency(*p.agency)) ImGui::TextUnformatted(d.agencies[*a].name.c_str());
        ImGui::Text("%s \xC2\xB7 %.0f meeting hours a year", count_noun(der.node_boards[i], "board").c_str(), der.node_hours[i]);
        break;
    }
    case EntityType::area: {
        const Area& a = d.areas[node.index];
        ImGui::Text("Area%s%s", a.kind ? ": " : "", a.kind ? a.kind->c_str() : "");
        if (a.population) ImGui::Text("Population %.0f", *a.population);
        break;
    }
    }
    ImGui::TextDisabled("Click to select, double-click for its network, drag to pin");
    end_text_capture(in.text_log);
    ImGui::EndTooltip();
}

}  // namespace boardscape::viewer
