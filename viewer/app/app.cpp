// The App: applies commands (the only way anything changes), orchestrates a frame (canvas or map,
// panels, menus) and keeps derived state (analyses, overlay, visibility) in step. The file
// lifecycle, autosave and recovery, menus and keys, and the layout runner live in app_*.cpp.
#include "app/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

namespace boardscape::viewer {

namespace fs = std::filesystem;

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

void App::apply_now(const Command& c) {
    apply(c);
    refresh();
}

void App::apply(const Command& c) {
    const Scene& scene = m_session.scene();
    std::visit(
        Overloaded{
            [&](const SelectEntity& s) {
                m_view.selected = s.id;
                if (s.id && !scene.find(*s.id)) m_view.selected.reset();
                if (m_view.overlay == Overlay::boundaries || m_view.overlay == Overlay::representation)
                    m_dirty_overlay = true;
                if (s.frame && m_view.selected)
                    if (auto n = scene.find(*m_view.selected); n && *n < m_positions.size()) {
                        m_view.camera.center = m_positions[*n];
                        m_auto_fit = false;
                    }
            },
            [&](const FocusEgo& f) {
                m_view.focus = f.id;
                m_view.focus_hops = std::clamp(f.hops, 1, 2);
                if (f.id) m_view.selected = f.id;
                m_dirty_focus = m_dirty_overlay = true;
            },
            [&](const SetOverlay& o) {
                m_view.overlay = o.overlay;
                m_dirty_overlay = true;
                // The overlay's report kind (same name) brings its first table to the front;
                // the scenario overlay has no report kind (its table is the Scenario panel's).
                if (o.overlay != Overlay::none) m_analysis_panel.show_kind(to_string(o.overlay));
            },
            [&](const SetViewKind& v) { m_view.view_kind = v.kind; },
            [&](const SetMapSettings& m) { m_view.map = m.settings; },
            [&](const SetFilters& f) {
                if (!f.filters.same_analysis_inputs(m_view.filters)) m_dirty_derived = true;
                m_view.filters = f.filters;
                m_dirty_visibility = true;
            },
            [&](const ClearFilters&) {
                if (m_view.filters.as_of) m_dirty_derived = true;
                m_view.filters = Filters{};
                m_dirty_visibility = true;
            },
            [&](const SetWorkshop& w) {
                m_view.workshop = w.settings;
                m_view.workshop.text_scale = std::clamp(m_view.workshop.text_scale, 1.0f, 3.0f);
                m_fit_requested = m_auto_fit;
            },
            [&](const SetAnonymise& a) {
                m_view.set_anonymise_by_presenter(a.on);
                m_dirty_tables = m_dirty_overlay = m_dirty_visibility = true;
                m_canvas.invalidate_labels();
            },
            [&](const SetCamera& cam) {
                const ScreenPoint vmin = m_view.camera.viewport_min, vsize = m_view.camera.viewport_size;
                m_view.camera = cam.camera;
                m_view.camera.viewport_min = vmin;
                m_view.camera.viewport_size = vsize;
                m_auto_fit = false;
            },
            [&](const FitView&) {
                m_map_view.request_fit();
                m_fit_requested = true;
            },
            [&](const ApplySavedView& v) { apply_saved_view(v.index); },
            [&](const StepSavedView& s) {
                if (m_views.empty()) return;
                const int n = static_cast<int>(m_views.size());
                const int next = m_view.current_view < 0 ? (s.delta > 0 ? 0 : n - 1)
                                                         : ((m_view.current_view + s.delta) % n + n) % n;
                apply_saved_view(next);
            },
            [&](const SaveCurrentView& s) {
                m_views.push_back(capture_view(m_view, s.name.empty() ? "View " + std::to_string(m_views.size() + 1) : s.name));
                m_view.current_view = static_cast<int>(m_views.size()) - 1;
                m_unsaved = true;
            },
            [&](const OpenFile& o) { open_file(o.path); },
            [&](const SaveAs& s) { save_as(s.path); },
            [&](const ExportPng& e) { m_png_request = e.path; },
            [&](const ExportCsv& e) { export_csv(e.path); },
            [&](const ExportCsvFolder& e) { export_csv_folder(e.path); },
            [&](const ExportXlsxReport& e) { export_xlsx_report(e.path, e.kind); },
            [&](const PreviewMembersImport& p) { preview_members_import(p.path, p.create_missing); },
            [&](const BrowseScenarioBaseline&) {
                if (m_session.has_dataset()) m_browser.start(BrowseMode::scenario_baseline, m_session.path().parent_path(), "");
            },
            [&](const SetScenarioBaseline& b) { set_scenario_baseline(b.path); },
            [&](const MoveNode&) {
                // Only a finished move returns an inverse; redo replays that same command.
                if (auto inv = apply_document(c)) m_history.record({c, std::move(*inv)});
            },
            [&](const DropOnNode& drop) { apply_drop(drop); },
            [&](const ApplyEdit&) {
                if (auto inv = apply_document(c)) m_history.record({c, std::move(*inv)});
            },
            [&](const Save&) { save(); },
            [&](const RestoreRecovery& r) {
                if (r.restore) restore_recovery();
                else discard_recovery();
            },
            [&](const Undo&) {
                // A step that cannot be reverted stays where it is (an edit's error is shown).
                if (const Step* step = m_history.next_undo())
                    if (apply_document(step->inverse)) m_history.undone();
            },
            [&](const Redo&) {
                if (const Step* step = m_history.next_redo())
                    if (apply_document(step->forward)) m_history.redone();
            },
        },
        c);
}

std::optional<Command> App::apply_document(const Command& c) {
    if (const auto* e = std::get_if<ApplyEdit>(&c)) return apply_edit_command(*e);
    const auto* mv = std::get_if<MoveNode>(&c);
    if (!mv) return std::nullopt;
    const auto n = m_session.scene().find(mv->id);
    if (!n || *n >= m_positions.size()) return std::nullopt;
    if (!mv->final) {
        // Live drag: move, pin, remember how it was before the drag; nothing to undo yet.
        if (!m_drag_pin_before || m_drag_pin_before->first != mv->id) m_drag_pin_before = {mv->id, m_pinned[*n]};
        // The map must hold still under the pointer: no re-fitting to the moving node.
        m_auto_fit = false;
        m_positions[*n] = mv->to;
        m_pinned[*n] = mv->pin;
        m_rotation_frozen = true;
        m_layout_runner.set_position(*n, to_layout_frame(mv->to), mv->pin);
        return std::nullopt;
    }
    const WorldPoint old_pos = mv->from.value_or(m_positions[*n]);
    bool old_pin = m_pinned[*n];
    if (mv->from && m_drag_pin_before && m_drag_pin_before->first == mv->id) old_pin = m_drag_pin_before->second;
    m_drag_pin_before.reset();
    m_positions[*n] = mv->to;
    m_pinned[*n] = mv->pin;
    m_rotation_frozen = true;
    m_layout_runner.set_position(*n, to_layout_frame(mv->to), mv->pin);
    m_layout_runner.reheat();
    return MoveNode{mv->id, old_pos, old_pin, true, std::nullopt, false};
}

std::optional<Command> App::apply_edit_command(const ApplyEdit& e) {
    if (!m_session.has_dataset()) return std::nullopt;
    Edit inverse;
    try {
        inverse = apply_edit(m_session.dataset_for_save(), e.edit);
    } catch (const EditError& err) {
        m_errors.show({"Could not " + describe(e), err.problems()});
        return std::nullopt;
    }
    inverse.label = e.edit.label;  // "Redo add membership" names the same action
    dataset_changed();
    return ApplyEdit{std::move(inverse)};
}

void App::dataset_changed() {
    // An open import preview was matched against the dataset as it was: its edit is stale now.
    m_import_members.cancel();
    // Remember where everything is, by id, before the scene's node indices change.
    std::map<std::string, std::pair<WorldPoint, bool>, std::less<>> placed;
    {
        const Scene& old = m_session.scene();
        for (NodeIndex i = 0; i < old.nodes.size() && i < m_positions.size(); ++i)
            placed[old.nodes[i].id] = {m_positions[i], i < m_pinned.size() && m_pinned[i]};
    }
    m_session.dataset_changed(m_view.filters.as_of);
    const Scene& s = m_session.scene();
    if (m_view.selected && !s.find(*m_view.selected)) m_view.selected.reset();
    if (m_view.focus && !s.find(*m_view.focus)) m_view.focus.reset();
    // Everything already on the map stays exactly where it is: those nodes are held fixed in
    // the new layout run (without becoming user pins). Only new nodes are placed — beside a
    // neighbour already on the map (its agency, board or parent), in a free spot in view — and
    // only they are moved by the layout. A layout still settling from the start is left free.
    const bool hold = m_layout_runner.converged() || m_rotation_frozen;
    std::vector<WorldPoint> display(s.nodes.size());
    std::vector<bool> placed_now(s.nodes.size(), false);
    m_pinned.assign(s.nodes.size(), false);
    std::vector<bool> fixed(s.nodes.size(), false);
    for (NodeIndex i = 0; i < s.nodes.size(); ++i) {
        if (const auto it = placed.find(s.nodes[i].id); it != placed.end()) {
            display[i] = it->second.first;
            m_pinned[i] = it->second.second;
            placed_now[i] = true;
        } else if (const auto saved = m_session.dataset().layout.positions.find(s.nodes[i].id);
                   saved != m_session.dataset().layout.positions.end()) {
            // Back from an undone delete: where the file (or the delete's inverse) puts it.
            display[i] = {saved->second[0], saved->second[1]};
            const auto& pins = m_session.dataset().layout.pinned;
            m_pinned[i] = std::find(pins.begin(), pins.end(), s.nodes[i].id) != pins.end();
            placed_now[i] = true;
        }
        fixed[i] = m_pinned[i] || (hold && placed_now[i]);
    }
    for (NodeIndex i = 0; i < s.nodes.size(); ++i)
        if (!placed_now[i]) {
            display[i] = place_new_node(s, display, placed_now, i);
            placed_now[i] = true;
        }
    std::vector<WorldPoint> initial(s.nodes.size());
    for (NodeIndex i = 0; i < s.nodes.size(); ++i) initial[i] = to_layout_frame(display[i]);
    m_rotation_frozen = true;
    m_layout_runner.start(s, initial, fixed, m_opts.threaded_layout);
    m_positions.clear();
    take_layout_positions();
    if (m_positions.size() != s.nodes.size()) m_positions = display;
    // The layout's own copy of a fixed node went through a rotation and back: the map shows
    // the exact positions it had before the edit.
    for (NodeIndex i = 0; i < s.nodes.size() && i < m_positions.size(); ++i)
        if (fixed[i]) m_positions[i] = display[i];
    m_auto_fit = false;
    m_canvas.invalidate_scene();
    m_dirty_visibility = m_dirty_overlay = m_dirty_tables = m_dirty_focus = true;
}

void App::apply_drop(const DropOnNode& drop) {
    const Dataset& d = m_session.dataset();
    const Scene& s = m_session.scene();
    const auto dn = s.find(drop.dragged);
    const auto tn = s.find(drop.target);
    const bool joins = dn && tn && s.nodes[*dn].type == EntityType::person && s.nodes[*tn].type == EntityType::board;
    if (!joins) {
        // Not a membership gesture: an ordinary drag that happened to end over a node.
        apply(MoveNode{drop.dragged, drop.to, true, true, drop.from, false});
        return;
    }
    // Put the person back as before the drag (not an undo step), then add the membership.
    if (*dn < m_positions.size()) {
        const bool was_pinned = m_drag_pin_before && m_drag_pin_before->first == drop.dragged
                                    ? m_drag_pin_before->second
                                    : m_pinned[*dn];
        m_drag_pin_before.reset();
        m_positions[*dn] = drop.from;
        m_pinned[*dn] = was_pinned;
        m_layout_runner.set_position(*dn, to_layout_frame(drop.from), was_pinned);
    }
    Membership m;
    m.person = d.people[s.nodes[*dn].index].id;
    m.board = d.boards[s.nodes[*tn].index].id;
    m.role = Role::member;
    apply(ApplyEdit{Edit{edit::InsertMembership{std::move(m), d.memberships.size()}, "add membership"}});
}

void App::apply_saved_view(int index) {
    if (index < 0 || index >= static_cast<int>(m_views.size())) return;
    const SavedView& v = m_views[static_cast<std::size_t>(index)];
    if (!v.filters.same_analysis_inputs(m_view.filters)) m_dirty_derived = true;
    m_view.filters = v.filters;
    m_view.overlay = v.overlay;
    m_view.selected = v.selected;
    m_view.focus = v.focus;
    m_view.focus_hops = v.focus_hops;
    m_view.view_kind = v.view_kind;
    if (v.view_kind == ViewKind::map) m_view.map = v.map;
    if (v.anonymise) {
        // Never shows names the presenter has hidden (issue 14: views storing
        // "anonymise": false used to undo the presenter's A in front of a room).
        m_view.set_anonymise_by_view(*v.anonymise);
        m_canvas.invalidate_labels();
    }
    if (v.span > 0) {
        m_view.camera.center = v.center;
        m_view.camera.set_world_span(v.span);
        m_auto_fit = false;
    } else {
        m_fit_requested = true;
    }
    m_view.current_view = index;
    m_dirty_visibility = m_dirty_overlay = m_dirty_tables = m_dirty_focus = true;
}

bool App::prepare_frame(float content_scale) {
    const float scale = m_view.text_scale() * std::max(0.5f, content_scale);
    const bool rebuilt = m_fonts.ensure(scale);
    const int contrast = m_view.workshop.enabled && m_view.workshop.high_contrast ? 1 : 0;
    if (rebuilt || scale != m_style_scale || contrast != m_style_contrast) {
        apply_style(contrast == 1, scale);
        m_style_scale = scale;
        m_style_contrast = contrast;
        m_canvas.invalidate_labels();
    }
    return rebuilt;
}

void App::build_frame() {
    m_text_log.lines.clear();
    compute_layout();
    if (m_fit_requested) {
        fit_to_visible();
        m_fit_requested = false;
    }
    if (!m_view.workshop.enabled) draw_menu_bar();
    if (m_opts.keyboard) handle_keys();
    draw_canvas();
    draw_panels();
    draw_quit_prompt();
    draw_recovery_prompt();
}

void App::draw_canvas() {
    ImGui::SetNextWindowPos(m_layout.canvas_min, ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(m_layout.canvas_max.x - m_layout.canvas_min.x,
                                    m_layout.canvas_max.y - m_layout.canvas_min.y),
                             ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##map", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(2);
    if (m_session.has_dataset()) {
        // One view fills the canvas; both share the selection, the date, anonymisation and the
        // workshop settings through m_view.
        if (m_view.view_kind == ViewKind::map) {
            MapViewInput in{m_session, m_view, m_view.map, m_commands, m_fonts.ui(), m_fonts.scale(), true,
                            &m_text_log, &m_scenario_panel.compare()};
            m_map_view.draw(in, m_layout.canvas_min, m_layout.canvas_max);
        } else {
            CanvasInput in{m_session, m_view, m_visibility, m_overlay, m_positions, m_focus_set,
                           CanvasFonts{m_fonts.ui(), m_fonts.bold(), m_fonts.size()},
                           m_fonts.scale(), true, m_commands, &m_text_log};
            m_canvas.draw(in, m_layout.canvas_min, m_layout.canvas_max);
        }
        if (m_view.current_view >= 0 && m_view.current_view < static_cast<int>(m_views.size())) {
            const std::string caption = "View " + std::to_string(m_view.current_view + 1) + " of " +
                                        std::to_string(m_views.size()) + ": " +
                                        m_views[static_cast<std::size_t>(m_view.current_view)].name +
                                        "   (\xE2\x86\x90 / \xE2\x86\x92)";
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float pad = 8 * m_fonts.scale();
            const ImVec2 ts = ImGui::CalcTextSize(caption.c_str());
            const ImVec2 p(m_layout.canvas_min.x + pad * 2, m_layout.canvas_max.y - ts.y - pad * 3);
            dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad), ImVec2(p.x + ts.x + pad, p.y + ts.y + pad),
                              IM_COL32(0, 0, 0, 220), 4);
            dl->AddText(p, IM_COL32_WHITE, caption.c_str());
            m_text_log.add(caption);
        }
        if (m_view.anonymise) draw_names_hidden_badge();
    } else {
        ImGui::SetCursorPos(ImVec2(40, 60));
        ImGui::TextUnformatted("No dataset open. Use File > Open, or pass a file on the command line.");
    }
    ImGui::End();
}

void App::draw_names_hidden_badge() {
    // Bottom right of the map, clear of the overlay title (top left), the filter banner (top)
    // and the saved-view caption (bottom left): the room and the presenter can see at a glance
    // that no one is named on screen.
    const char* text = "Names hidden";
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 8 * m_fonts.scale();
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const ImVec2 p(m_layout.canvas_max.x - ts.x - pad * 3, m_layout.canvas_max.y - ts.y - pad * 3);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad), ImVec2(p.x + ts.x + pad, p.y + ts.y + pad),
                      IM_COL32(0, 0, 0, 220), 4);
    dl->AddText(p, IM_COL32_WHITE, text);
    m_text_log.add(text);
}

void App::draw_panels() {
    if (m_view.view_kind == ViewKind::map) m_map_legend = m_map_view.legend(m_session, m_view.map);
    PanelContext ctx{m_session, m_view, m_visibility, m_overlay, m_tables, m_commands,
                     m_fonts.scale(), &m_text_log,
                     m_view.view_kind == ViewKind::map ? &m_map_legend : nullptr};
    const bool workshop = m_view.workshop.enabled;
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
    if (!workshop) {
        m_filters_panel.place(m_layout.filters_pos, m_layout.filters_size);
        m_legend_panel.place(m_layout.legend_pos, m_layout.legend_size);
        m_inspector_panel.place(m_layout.inspector_pos, m_layout.inspector_size);
        m_analysis_panel.place(m_layout.analysis_pos, m_layout.analysis_size);
        m_legend_panel.set_flags(fixed);
        if (m_session.has_dataset()) {
            m_filters_panel.draw(ctx);
            if (!m_scenario_panel.visible) m_inspector_panel.draw(ctx);  // it has the column
            m_analysis_panel.draw(ctx);
        }
        if (m_session.has_dataset()) m_legend_panel.draw(ctx);
    } else if (m_session.has_dataset()) {
        // Workshop: only the legend, in the column beside the map (and the Scenario panel when
        // it is open: its table is what a workshop on a merger reads).
        m_legend_panel.place(m_layout.legend_pos, m_layout.legend_size);
        m_legend_panel.set_flags(fixed | ImGuiWindowFlags_NoTitleBar);
        const bool was = m_legend_panel.visible;
        m_legend_panel.visible = true;  // always shown in workshop mode
        m_legend_panel.draw(ctx);
        m_legend_panel.visible = was;
    }
    {
        const ImVec2 d = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.35f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(d.x * 0.7f, 900.0f * m_fonts.scale()), 320 * m_fonts.scale()),
                                 ImGuiCond_Appearing);
        m_errors.draw(ctx);
        if (m_browser.visible) {
            ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
            ImGui::SetNextWindowSize(ImVec2(std::min(d.x * 0.6f, 760.0f * m_fonts.scale()), 440 * m_fonts.scale()),
                                     ImGuiCond_Appearing);
            m_browser.draw(ctx);
        }
        if (m_import_members.visible) {
            ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
            ImGui::SetNextWindowSize(ImVec2(std::min(d.x * 0.6f, 760.0f * m_fonts.scale()), 480 * m_fonts.scale()),
                                     ImGuiCond_Appearing);
            m_import_members.draw(ctx);
        }
        if (m_scenario_panel.visible && m_session.has_dataset()) {
            // Its own column (compute_layout): beside the map, never over it.
            m_scenario_panel.place(m_layout.scenario_pos, m_layout.scenario_size);
            m_scenario_panel.set_flags(workshop ? fixed | ImGuiWindowFlags_NoTitleBar : fixed);
            m_scenario_panel.draw(ctx);
        }
        if (m_new_entity.visible) {  // a pending SetNextWindow* would land on the next window
            ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.45f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
            ImGui::SetNextWindowSize(ImVec2(std::min(d.x * 0.6f, 560.0f * m_fonts.scale()), 0), ImGuiCond_Appearing);
            m_new_entity.draw(ctx);
        }
    }
}

void App::end_frame() {
    for (const Command& c : m_commands.take()) apply(c);
    take_layout_positions();
    refresh();
}

void App::refresh() {
    if (!m_session.has_dataset()) return;
    if (m_dirty_derived) {
        m_session.recompute(m_view.filters.as_of);
        m_dirty_derived = false;
        m_dirty_visibility = m_dirty_overlay = m_dirty_tables = true;
    }
    if (m_dirty_visibility) {
        m_visibility = compute_visibility(m_session, m_view.filters, m_view.anonymise);
        m_dirty_visibility = false;
    }
    // The scenario's comparison: recomputed only when the file, the date or a cadence preview
    // changed (ScenarioCompare keys on them), and only while something shows it.
    if (m_scenario_panel.visible || m_view.overlay == Overlay::scenario ||
        (m_view.view_kind == ViewKind::map && m_view.map.measure == MapMeasure::scenario))
        if (m_scenario_panel.update(m_session, m_view.filters.as_of, m_view.anonymise) &&
            m_view.overlay == Overlay::scenario)
            m_dirty_overlay = true;
    if (m_dirty_overlay) {
        const auto sel = m_view.selected ? m_session.scene().find(*m_view.selected) : std::nullopt;
        m_overlay = build_overlay(m_view.overlay, m_session, sel, m_view.anonymise, &m_scenario_panel.compare());
        m_dirty_overlay = false;
    }
    if (m_dirty_tables) {
        m_tables = build_tables(m_session, m_view.anonymise);
        m_dirty_tables = false;
    }
    if (m_dirty_focus) {
        m_focus_set.clear();
        if (m_view.focus)
            if (auto n = m_session.scene().find(*m_view.focus))
                m_focus_set = ego_network(m_session.scene(), *n, m_view.focus_hops);
        m_dirty_focus = false;
    }
}

}  // namespace boardscape::viewer
