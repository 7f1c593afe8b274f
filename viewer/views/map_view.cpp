// The map view (see map_view.hpp): cache of the library's map, camera, input and drawing.
#include "views/map_view.hpp"

#include "boardscape/map/map_output.hpp"
#include "canvas/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numeric>

namespace boardscape::viewer {

namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

ImVec2 iv(ScreenPoint p) { return ImVec2(p.x, p.y); }

WorldPoint world(map::Point p) { return {p.x, p.y}; }

ImU32 relation_colour(BoundaryRelation r) { return rgb_colour(map::relation_rgb(r)); }

std::string_view relation_text(BoundaryRelation r) {
    switch (r) {
    case BoundaryRelation::equal: return "same footprint as the agency";
    case BoundaryRelation::agency_wider: return "inside the agency's footprint";
    case BoundaryRelation::agency_narrower: return "wider than the agency";
    case BoundaryRelation::straddles: return "straddles the agency's edge";
    case BoundaryRelation::disjoint: break;
    }
    return "";
}

constexpr ImU32 k_mismatch = IM_COL32(0xEE, 0x33, 0x77, 255);
constexpr ImU32 k_no_region = IM_COL32(0xF0, 0xF0, 0xF0, 255);
constexpr ImU32 k_outside = IM_COL32(0xF6, 0xF6, 0xF6, 255);
constexpr ImU32 k_in_footprint = IM_COL32(0xCC, 0xCC, 0xCC, 255);

std::string region_name(const Dataset& d, const map::LayerRegions& l, int region) {
    if (region < 0) return "none";
    const std::size_t e = l.entities[static_cast<std::size_t>(region)];
    return l.layer.type == map::Layer::Type::board_kind ? d.boards[e].name : d.agencies[e].name;
}

std::string layer_label(const map::Layer& l) { return map::layer_title(l); }

}  // namespace

// [SECTION] The cached map

void MapView::update(const Session& s, const ViewState& v, const MapSettings& settings,
                     const ScenarioCompare* scenario) {
    const std::optional<Date> as_of = s.derived().as_of;
    const std::uint64_t scenario_version =
            settings.measure == MapMeasure::scenario && scenario ? scenario->version() : 0;
    const bool same_map = m_have_key && m_revision == s.revision() && m_as_of == as_of && m_settings_used == settings &&
                          m_selected_used == v.selected;
    if (same_map && m_scenario_version == scenario_version) return;
    m_scenario_version = scenario_version;
    if (same_map && m_map && settings.measure == MapMeasure::scenario && scenario) {
        // A cadence being dragged changes only the numbers: the map itself stands.
        scenario_measure(s.dataset(), *scenario);
        return;
    }
    const bool layout_may_change = !m_have_key || m_revision != s.revision();
    m_have_key = true;
    m_revision = s.revision();
    m_as_of = as_of;
    m_settings_used = settings;
    m_selected_used = v.selected;
    m_error.clear();
    m_measure.clear();
    m_measure_label.clear();
    m_measure_signed = false;
    m_relation_of_cell.clear();
    m_highlight.clear();
    const Dataset& d = s.dataset();
    const auto fill = map::parse_layer(settings.fill);
    const auto borders = settings.borders.empty() ? std::nullopt : map::parse_layer(settings.borders);
    if (!fill) {
        m_map.reset();
        m_error = "unknown map layer '" + settings.fill + "'";
        return;
    }
    map::MapOptions o;
    o.fill = *fill;
    o.borders = borders;
    o.analysis.as_of = as_of;
    // The selection as plain values (GCC 12 misreads an optional<EntityRef> here).
    bool has_selection = false;
    EntityRef sel{EntityType::area, 0};
    if (v.selected)
        if (const auto f = d.find(*v.selected)) {
            has_selection = true;
            sel = *f;
        }
    if (has_selection && sel.type == EntityType::agency) o.agency = *v.selected;
    const std::string old_layout = m_map ? m_map->layout : std::string();
    const std::size_t old_cells = m_map ? m_map->cells.size() : 0;
    try {
        m_map = map::compute_map(d, o);
    } catch (const map::MapError& e) {
        m_map.reset();
        m_error = e.what();
        return;
    }
    if (layout_may_change && (m_map->layout != old_layout || m_map->cells.size() != old_cells)) m_fit_pending = true;
    m_fill_colour = map::colour_regions(*m_map, m_map->fill, map::region_palette_size);

    // What the selection lights up.
    if (has_selection) {
        if (sel.type == EntityType::area)
            m_highlight = map::footprint_cells(d, *m_map, {AreaId(*v.selected)});
        else if (sel.type == EntityType::board)
            m_highlight = map::footprint_cells(d, *m_map, d.boards[sel.index].footprint);
        else if (sel.type == EntityType::agency && m_map->agency)
            m_highlight = m_map->agency->cell_in_footprint;
    }
    // Agency mode: each footprint cell takes the relation of its fill region's board when the
    // agency must attend that board.
    if (m_map->agency && m_map->fill.layer.type == map::Layer::Type::board_kind) {
        m_relation_of_cell.assign(m_map->cells.size(), 0);
        for (std::size_t c = 0; c < m_map->cells.size(); ++c) {
            const int r = m_map->fill.cell_region[c];
            if (r < 0) continue;
            for (const auto& b : m_map->agency->boards)
                if (b.id == m_map->fill.ids[static_cast<std::size_t>(r)])
                    m_relation_of_cell[c] = static_cast<std::uint8_t>(static_cast<int>(b.relation) + 1);
        }
    }
    // Numbers per district.
    if (settings.measure == MapMeasure::expected_meetings && has_selection && sel.type == EntityType::agency) {
        m_measure = map::expected_meetings_by_cell(d, *m_map, sel.index, o.analysis, default_representation_rules());
        m_measure_label = "Meetings a year " + d.agencies[sel.index].name + " must attend, by district";
    } else if (settings.measure == MapMeasure::load) {
        map::CellLoad load = map::load_by_cell(d, *m_map, o.analysis, default_representation_rules());
        m_measure = std::move(load.hours);
        m_measure_label = load.expected ? "Expected hours a year of statutory partners at the boards covering each district"
                                        : "Hours a year of the seats on the boards covering each district";
    } else if (settings.measure == MapMeasure::scenario && scenario) {
        scenario_measure(d, *scenario);
        return;
    }
    m_measure_max = m_measure.empty() ? 0 : *std::max_element(m_measure.begin(), m_measure.end());
}

void MapView::scenario_measure(const Dataset& d, const ScenarioCompare& scenario) {
    // Where the scenario's change lands: each agency's change in hours shared out evenly over
    // the districts of its footprint, so the map adds up to the table's total.
    m_measure = map::spread_over_footprints(d, *m_map, scenario.agency_delta());
    m_measure_signed = true;
    m_measure_label = scenario.expected() ? "Change in agencies' expected hours a year, each shared over its districts"
                                          : "Change in agencies' hours a year, each shared over its districts";
    m_measure_max = 0;
    for (const double x : m_measure) m_measure_max = std::max(m_measure_max, std::fabs(x));
}

std::optional<ScreenPoint> MapView::cell_screen_position(std::size_t cell) const {
    if (cell >= m_screen.size()) return std::nullopt;
    return m_screen[cell];
}

// [SECTION] Input

void MapView::handle_input(const MapViewInput& in, ImVec2 min, ImVec2 max) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetCursorScreenPos(min);
    const ImVec2 size(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y));
    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    m_hovered.reset();
    if (m_map && (hovered || ImGui::IsItemActive())) {
        const WorldPoint w = m_camera.to_world({io.MousePos.x, io.MousePos.y});
        m_hovered = map::cell_at(*m_map, {w.x, w.y});
    }
    if (hovered && io.MouseWheel != 0)
        m_camera.zoom_about({io.MousePos.x, io.MousePos.y}, std::pow(1.15, static_cast<double>(io.MouseWheel)));
    if (ImGui::IsItemActivated()) m_dragging = false;
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        m_dragging = true;
        m_camera.pan_by({io.MouseDelta.x, io.MouseDelta.y});
    }
    if (ImGui::IsItemDeactivated() && !m_dragging && m_map) {
        // A click: the district's area is selected (the inspector and tables follow), empty
        // sea clears the selection.
        if (m_hovered)
            in.commands.push(SelectEntity{in.session.dataset().areas[m_map->cells[*m_hovered].area].id.str(), false});
        else
            in.commands.push(SelectEntity{std::nullopt, false});
    }
}

// [SECTION] Drawing

void MapView::draw(const MapViewInput& in, ImVec2 min, ImVec2 max) {
    const double t0 = thread_cpu_ms();
    m_stats = {};
    update(in.session, in.view, in.settings, in.scenario);
    const bool contrast = in.view.workshop.enabled && in.view.workshop.high_contrast;
    const CanvasTheme& theme = canvas_theme(contrast);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max, true);
    dl->AddRectFilled(min, max, theme.background);
    m_camera.viewport_min = {min.x, min.y};
    m_camera.viewport_size = {std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y)};
    if (!m_map) {
        const std::string text = m_error.empty() ? "No map" : "No map: " + m_error;
        ImGui::PushTextWrapPos(max.x - 20);
        ImGui::SetCursorScreenPos(ImVec2(min.x + 20, min.y + 20));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopTextWrapPos();
        if (in.text_log) in.text_log->add(text);
        dl->PopClipRect();
        m_stats.cpu_ms = thread_cpu_ms() - t0;
        return;
    }
    const map::MapResult& m = *m_map;
    const auto& hexes = m.hexes->hexes;
    if (m_fit_pending) {
        WorldBox box;
        for (const auto& c : m.cells)
            for (const map::Point& p : map::hex_corners(hexes[c.hex].q, hexes[c.hex].r)) box.add(world(p));
        m_camera.fit(box, 24.0f * in.scale);
        m_fit_pending = false;
    }
    if (in.interactive) handle_input(in, min, max);

    // Screen corners of every cell once.
    const std::size_t n = m.cells.size();
    m_screen.resize(n);
    std::vector<std::array<ImVec2, 6>> corners(n);
    std::vector<bool> visible(n);
    const float radius_px = static_cast<float>(m_camera.to_screen_length(1.0));
    for (std::size_t c = 0; c < n; ++c) {
        const map::Hex& h = hexes[m.cells[c].hex];
        const auto k = map::hex_corners(h.q, h.r);
        for (std::size_t i = 0; i < 6; ++i) corners[c][i] = iv(m_camera.to_screen(world(k[i])));
        m_screen[c] = m_camera.to_screen(world(map::hex_centre(h.q, h.r)));
        visible[c] = m_screen[c].x + radius_px >= min.x && m_screen[c].x - radius_px <= max.x &&
                     m_screen[c].y + radius_px >= min.y && m_screen[c].y - radius_px <= max.y;
    }

    // Fills.
    const bool measuring = !m_measure.empty();
    for (std::size_t c = 0; c < n; ++c) {
        if (!visible[c]) continue;
        ImU32 col = k_no_region;
        if (measuring && m_measure_signed) {
            // Diverging: pale for no change, deepening towards the largest |change|.
            const double x = m_measure[c];
            const float t = m_measure_max > 0 ? static_cast<float>(std::sqrt(std::fabs(x) / m_measure_max)) : 0.0f;
            col = std::fabs(x) < 1e-9 ? k_outside
                                      : mix(k_outside, x < 0 ? overlay_colour::saves : overlay_colour::gains,
                                            0.25f + 0.75f * t);
        } else if (measuring) {
            col = m_measure_max > 0 && m_measure[c] > 0
                          ? heat_colour(static_cast<float>(m_measure[c] / m_measure_max))
                          : k_outside;
        } else if (!m_relation_of_cell.empty()) {
            col = !m.agency->cell_in_footprint[c] ? k_outside
                  : m_relation_of_cell[c]        ? relation_colour(static_cast<BoundaryRelation>(m_relation_of_cell[c] - 1))
                                                 : k_in_footprint;
        } else if (const int r = m.fill.cell_region[c]; r >= 0) {
            col = rgb_colour(map::region_palette[m_fill_colour[static_cast<std::size_t>(r)]]);
        }
        dl->AddConvexPolyFilled(corners[c].data(), 6, col);
        if (m.fill.cell_split[c] && radius_px > 6) {
            // A split cell: a short slash, as the hatching of the SVG.
            const float s = radius_px * 0.35f;
            dl->AddLine(ImVec2(m_screen[c].x - s, m_screen[c].y + s), ImVec2(m_screen[c].x + s, m_screen[c].y - s),
                        IM_COL32(60, 60, 60, 160), std::max(1.0f, radius_px * 0.08f));
        }
        ++m_stats.cells_drawn;
    }

    // Edges: thin cell seams, then fill boundaries, borders, mismatches on top.
    const float line = std::max(1.0f, in.scale);
    const auto side = [&](const map::SharedEdge& e) {
        return std::pair{corners[e.a][static_cast<std::size_t>(e.side)],
                         corners[e.a][static_cast<std::size_t>((e.side + 1) % 6)]};
    };
    for (int pass = 0; pass < 4; ++pass)
        for (const map::SharedEdge& e : m.edges) {
            if (!visible[e.a] && !visible[e.b]) continue;
            // With an agency selected, only its own patch keeps its boundaries: the rest of
            // England is context.
            if (pass > 0 && m.agency && !m.agency->cell_in_footprint[e.a] && !m.agency->cell_in_footprint[e.b])
                continue;
            ImU32 col = 0;
            float w = 0;
            if (pass == 0 && !e.fill && !e.borders) col = IM_COL32(255, 255, 255, 200), w = line;
            if (pass == 1 && e.fill && !e.borders) col = IM_COL32(90, 90, 90, 255), w = line * 1.2f;
            if (pass == 2 && e.borders) col = theme.text, w = line * 3.2f;
            // A mismatch that only marks where the file stops (mismatch_outside) is not drawn:
            // the boundary that is there stays as it is.
            if (pass == 3 && e.mismatch && !map::mismatch_outside(m, e))
                col = k_mismatch, w = e.borders ? line * 2.2f : line * 1.3f;
            if (!col) continue;
            const auto [a, b] = side(e);
            dl->AddLine(a, b, col, w);
            ++m_stats.edges_drawn;
        }

    // The selection's footprint, outlined: sides between a lit cell and an unlit one (or the
    // map's edge).
    if (!m_highlight.empty())
        for (std::size_t c = 0; c < n; ++c) {
            if (!m_highlight[c] || !visible[c]) continue;
            for (std::size_t s = 0; s < 6; ++s) {
                const int nb = m.cells[c].neighbour[s];
                if (nb >= 0 && m_highlight[static_cast<std::size_t>(nb)]) continue;
                dl->AddLine(corners[c][s], corners[c][(s + 1) % 6], theme.selection, line * 4.0f);
            }
        }
    if (m_hovered) dl->AddPolyline(corners[*m_hovered].data(), 6, theme.text, ImDrawFlags_Closed, line * 2.0f);

    // Region labels where they fit (regions of ≥ 3 cells, largest first, never overlapping);
    // with a selected agency, the boards it must attend are labelled first.
    std::vector<std::string> region_label(n);  // by cell: the region label drawn on it
    if (in.font && radius_px > 5) {
        const float size = in.font->FontSize;
        std::vector<std::size_t> order(m.fill.entities.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::vector<int> priority(order.size(), 0);
        if (m.agency)
            for (std::size_t r = 0; r < order.size(); ++r)
                for (const auto& b : m.agency->boards)
                    if (b.id == m.fill.ids[r]) priority[r] = 1;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (priority[a] != priority[b]) return priority[a] > priority[b];
            return m.fill.region_cells[a] > m.fill.region_cells[b];
        });
        std::vector<ImVec4> placed;
        for (const std::size_t r : order) {
            // A small map (a local extract) labels every region; England labels the big ones.
            if (m.fill.region_cells[r] < 3 && !priority[r] && n > 40) continue;
            if (m.agency && !priority[r]) continue;  // agency mode: the boards it must attend
            if (m.fill.region_cells[r] == 0) continue;
            double sx = 0, sy = 0;
            int k = 0;
            for (std::size_t c = 0; c < n; ++c)
                if (m.fill.cell_region[c] == static_cast<int>(r)) sx += m_screen[c].x, sy += m_screen[c].y, ++k;
            sx /= k, sy /= k;
            // At the region's cell nearest its centre, so the label sits on the region.
            float best = 1e30f;
            ScreenPoint at{};
            std::size_t at_cell = 0;
            for (std::size_t c = 0; c < n; ++c)
                if (m.fill.cell_region[c] == static_cast<int>(r)) {
                    const float dx = m_screen[c].x - static_cast<float>(sx), dy = m_screen[c].y - static_cast<float>(sy);
                    if (dx * dx + dy * dy < best) best = dx * dx + dy * dy, at = m_screen[c], at_cell = c;
                }
            if (at.x < min.x || at.x > max.x || at.y < min.y || at.y > max.y) continue;
            const std::string text = map::region_label(in.session.dataset(), m.fill, r);
            const ImVec2 ts = in.font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
            const ImVec4 box(at.x - ts.x / 2 - 3, at.y - ts.y / 2 - 1, at.x + ts.x / 2 + 3, at.y + ts.y / 2 + 1);
            if (std::any_of(placed.begin(), placed.end(), [&](const ImVec4& b) {
                    return box.x < b.z && b.x < box.z && box.y < b.w && b.y < box.w;
                }))
                continue;
            placed.push_back(box);
            region_label[at_cell] = text;
            dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.z, box.w), theme.label_background, 3.0f);
            dl->AddText(in.font, size, ImVec2(box.x + 3, box.y + 1), theme.text, text.c_str());
            if (in.text_log) in.text_log->add(text);
            ++m_stats.labels_drawn;
            if (m_stats.labels_drawn >= 120) break;
        }
    }
    // Zoomed in (a local extract, or England close up): each hex names its district, where the
    // name fits and no region label sits.
    if (in.font && radius_px > 34) {
        const float size = in.font->FontSize * 0.85f;
        const float room = radius_px * 1.6f;
        for (std::size_t c = 0; c < n; ++c) {
            if (!visible[c]) continue;
            const std::string& name = hexes[m.cells[c].hex].name;
            if (region_label[c] == name) continue;  // the region label already says it ("Leeds")
            // One line, else two broken at the space that best balances them ("North East" /
            // "Lincolnshire"); a name that fits neither way is left to the hover.
            std::string lines[2] = {name, ""};
            if (in.font->CalcTextSizeA(size, FLT_MAX, 0.0f, name.c_str()).x > room) {
                float best = FLT_MAX;
                bool found = false;
                for (std::size_t sp = name.find(' '); sp != std::string::npos; sp = name.find(' ', sp + 1)) {
                    const std::string a = name.substr(0, sp), b = name.substr(sp + 1);
                    const float wa = in.font->CalcTextSizeA(size, FLT_MAX, 0.0f, a.c_str()).x;
                    const float wb = in.font->CalcTextSizeA(size, FLT_MAX, 0.0f, b.c_str()).x;
                    if (wa <= room && wb <= room && std::max(wa, wb) < best)
                        best = std::max(wa, wb), lines[0] = a, lines[1] = b, found = true;
                }
                if (!found) continue;
            }
            const int count = lines[1].empty() ? 1 : 2;
            for (int k = 0; k < count; ++k) {
                const ImVec2 ts = in.font->CalcTextSizeA(size, FLT_MAX, 0.0f, lines[k].c_str());
                const ImVec2 at(m_screen[c].x - ts.x / 2,
                                m_screen[c].y + radius_px * 0.45f - ts.y / 2 + static_cast<float>(k) * ts.y);
                dl->AddText(in.font, size, at, theme.text, lines[k].c_str());
            }
        }
    }
    dl->PopClipRect();
    m_stats.cpu_ms = thread_cpu_ms() - t0;

    if (in.interactive && m_hovered && ImGui::IsItemHovered()) {
        // The district, its council, and its region in each layer.
        const Dataset& d = in.session.dataset();
        const map::Cell& cell = m.cells[*m_hovered];
        const Area& area = d.areas[cell.area];
        ImGui::BeginTooltip();
        ImGui::Text("%s (%s)", hexes[cell.hex].name.c_str(), hexes[cell.hex].code.c_str());
        if (area.parent)
            if (const auto p = d.find_area(*area.parent)) ImGui::TextDisabled("in %s", d.areas[*p].name.c_str());
        ImGui::Text("%s: %s%s", layer_label(m.fill.layer).c_str(),
                    region_name(d, m.fill, m.fill.cell_region[*m_hovered]).c_str(),
                    m.fill.cell_split[*m_hovered] ? " (split)" : "");
        if (m.borders)
            ImGui::Text("%s: %s%s", layer_label(m.borders->layer).c_str(),
                        region_name(d, *m.borders, m.borders->cell_region[*m_hovered]).c_str(),
                        m.borders->cell_split[*m_hovered] ? " (split)" : "");
        if (!m_measure.empty())
            ImGui::Text(m_measure_signed ? "%s: %+.1f" : "%s: %.0f", m_measure_label.c_str(), m_measure[*m_hovered]);
        ImGui::EndTooltip();
    }
}

// [SECTION] Legend

std::vector<LegendEntry> MapView::legend(const Session& s, const MapSettings& settings) const {
    std::vector<LegendEntry> out;
    if (!m_map) return out;
    (void)s;
    (void)settings;
    const map::MapResult& m = *m_map;
    using Sw = LegendEntry::Swatch;
    char buf[160];
    if (!m_measure.empty() && m_measure_signed) {
        double saved = 0, gained = 0;
        for (const double x : m_measure) (x < 0 ? saved : gained) += std::fabs(x);
        out.push_back({Sw::square, 0, m_measure_label, 0});
        std::snprintf(buf, sizeof buf, "Saves hours (darker: more; %.0f h in all)", saved);
        out.push_back({Sw::square, overlay_colour::saves, buf, 0});
        std::snprintf(buf, sizeof buf, "Gains hours (%.0f h in all)", gained);
        out.push_back({Sw::square, overlay_colour::gains, buf, 0});
        out.push_back({Sw::square, k_outside, "No change", 0});
    } else if (!m_measure.empty()) {
        std::snprintf(buf, sizeof buf, "%s (0 to %.0f)", m_measure_label.c_str(), m_measure_max);
        out.push_back({Sw::gradient, 0, buf, 0});
    } else if (!m_relation_of_cell.empty()) {
        for (const BoundaryRelation r : {BoundaryRelation::equal, BoundaryRelation::agency_wider,
                                         BoundaryRelation::straddles, BoundaryRelation::agency_narrower}) {
            int k = 0;
            for (const auto& b : m.agency->boards) k += b.relation == r && b.kind == m.fill.layer.kind;
            std::snprintf(buf, sizeof buf, "%s it must attend, %.*s (%d)", layer_label(m.fill.layer).c_str(),
                          static_cast<int>(relation_text(r).size()), relation_text(r).data(), k);
            out.push_back({Sw::square, relation_colour(r), buf, 0});
        }
        out.push_back({Sw::square, k_in_footprint, "In its footprint, no board of this kind it must attend", 0});
    } else {
        std::snprintf(buf, sizeof buf, "%s: %d, one colour each (neighbours differ)", layer_label(m.fill.layer).c_str(),
                      m.fill.regions);
        out.push_back({Sw::square, rgb_colour(map::region_palette[0]), buf, 0});
        out.push_back({Sw::square, k_no_region, "No region of this layer in this file", 0});
    }
    if (m.fill.split_cells > 0) {
        std::snprintf(buf, sizeof buf, "Split between regions (slash): %d districts", m.fill.split_cells);
        out.push_back({Sw::line, IM_COL32(60, 60, 60, 200), buf, 1});
    }
    out.push_back({Sw::line, IM_COL32(90, 90, 90, 255), "Boundary of the fill layer", 1.2f});
    if (m.borders) {
        std::snprintf(buf, sizeof buf, "Boundary of %s", layer_label(m.borders->layer).c_str());
        out.push_back({Sw::line, IM_COL32(20, 20, 20, 255), buf, 3.2f});
        int cuts = 0, nested = 0, outside = 0;
        for (const auto& e : m.edges) {
            if (!e.mismatch) continue;
            if (map::mismatch_outside(m, e)) ++outside;
            else if (e.borders) ++cuts;
            else ++nested;
        }
        std::snprintf(buf, sizeof buf, "Cuts through a fill region: %d edges", cuts);
        out.push_back({Sw::line, k_mismatch, buf, 2.2f});
        std::snprintf(buf, sizeof buf, "Fill boundary inside one border region: %d edges", nested);
        out.push_back({Sw::line, k_mismatch, buf, 1.0f});
        if (outside > 0) {
            // Mismatches by DESIGN §8.2's count, but they only show where the file stops.
            std::snprintf(buf, sizeof buf, "Not drawn: %d edges where the file has no region of the other layer", outside);
            out.push_back({Sw::line, IM_COL32(190, 190, 190, 255), buf, 1.0f});
        }
    }
    return out;
}

}  // namespace boardscape::viewer
