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

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

std::optional<fs::path> recent_file_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg) return fs::path(xdg) / "boardscape" / "recent.txt";
    if (home && *home) return fs::path(home) / ".config" / "boardscape" / "recent.txt";
    return std::nullopt;
}

}  // namespace

// [SECTION] Construction, loading and saving

App::App(AppOptions opts) : m_opts(opts) {
    if (m_opts.remember_recent) load_recent();
}

App::~App() { m_layout_runner.stop(); }

bool App::open_file(const fs::path& path) {
    try {
        LoadResult r = load_dataset_file(path);
        set_dataset(std::move(r.dataset), path, std::move(r.warnings));
        remember_recent(path);
        std::error_code ec;
        m_recovery_offer = fs::exists(recovery_path(path), ec);
        return true;
    } catch (const LoadError& e) {
        ErrorReport rep;
        rep.heading = "Could not open " + path.filename().string() +
                      (m_session.has_dataset() ? " \xE2\x80\x94 the current map stays open." : ".");
        for (const auto& d : e.diagnostics()) rep.lines.push_back(format_diagnostic(e.file(), d));
        m_errors.show(std::move(rep));
    } catch (const std::exception& e) {
        m_errors.show({"Could not open " + path.filename().string(), {e.what()}});
    }
    return false;
}

void App::set_dataset(Dataset d, fs::path path, std::vector<Diagnostic> warnings) {
    std::vector<std::string> problems;
    m_views = parse_saved_views(d.views_json, problems);
    m_view.selected.reset();
    m_view.focus.reset();
    m_view.current_view = -1;
    m_view.filters = Filters{};
    m_session.set_dataset(std::move(d), std::move(path), std::move(warnings), std::nullopt);
    m_history.clear();
    m_unsaved = false;
    m_dirty_visibility = m_dirty_overlay = m_dirty_tables = m_dirty_focus = true;
    m_auto_fit = true;
    m_canvas.invalidate_scene();
    if (!m_session.warnings().empty() || !problems.empty()) {
        ErrorReport rep;
        rep.heading = "Opened " + m_session.path().filename().string() + " with warnings";
        for (const auto& w : m_session.warnings()) rep.lines.push_back(format_diagnostic(m_session.path().string(), w));
        for (auto& p : problems) rep.lines.push_back(std::move(p));
        m_errors.show(std::move(rep));
    } else {
        m_errors.clear();
    }
    start_layout();
    refresh();
}

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

void App::save_as(const fs::path& path) {
    if (!m_session.has_dataset()) return;
    Dataset& d = m_session.dataset_for_save();
    store_layout_and_views(d);
    try {
        // The version being replaced stays as FILE.bak (DESIGN: saving never loses work).
        AtomicWriteOptions keep;
        keep.keep_backup = true;
        save_dataset_file(d, path, keep);
        m_unsaved = false;
        m_history.mark_saved();
        remove_recovery();
        remember_recent(path);
    } catch (const std::exception& e) {
        m_errors.show({"Could not save " + path.filename().string(), {e.what()}});
    }
}

void App::report_problem(std::string heading, std::vector<std::string> lines) {
    m_errors.show({std::move(heading), std::move(lines)});
}

std::optional<fs::path> App::take_png_request() { return std::exchange(m_png_request, std::nullopt); }

std::string App::window_title() const {
    std::string t = "Boardscape";
    if (m_session.has_dataset()) t += " \xE2\x80\x94 " + m_session.path().filename().string() + (unsaved() ? " *" : "");
    return t;
}

// [SECTION] Commands

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
                // The matching table comes to the front: overlap pairs, boundaries by agency,
                // load by agency, representation.
                const int tab[] = {-1, 0, 3, 1, 4};
                if (const int t = tab[static_cast<int>(o.overlay)]; t >= 0) m_analysis_panel.set_current_tab(t);
            },
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

void App::save() {
    if (m_session.has_dataset()) save_as(m_session.path());
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

void App::export_csv(const fs::path& p) {
    const int tab = m_analysis_panel.current_tab();
    if (tab < 0 || tab >= static_cast<int>(m_tables.size())) {
        m_errors.show({"Nothing to export", {"Open a dataset and choose an analysis tab first."}});
        return;
    }
    try {
        write_file_atomically(p, to_csv(m_tables[static_cast<std::size_t>(tab)]));
    } catch (const WriteError& e) {
        m_errors.show({"Could not write " + p.filename().string(), {e.reason()}});
    }
}

// [SECTION] Frame

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
    } else {
        const float left = m_filters_panel.visible || m_legend_panel.visible ? std::min(370.0f * s, d.x * 0.25f) : 0.0f;
        const float right = m_inspector_panel.visible ? std::min(400.0f * s, d.x * 0.28f) : 0.0f;
        const float bottom = m_analysis_panel.visible ? std::min(270.0f * s, d.y * 0.3f) : 0.0f;
        const float legend_h = m_filters_panel.visible ? (d.y - top) * 0.5f : d.y - top;
        l.filters_pos = ImVec2(0, top);
        l.filters_size = ImVec2(left, d.y - top - legend_h);
        l.legend_pos = ImVec2(0, d.y - legend_h);
        l.legend_size = ImVec2(left, legend_h);
        l.inspector_pos = ImVec2(d.x - right, top);
        l.inspector_size = ImVec2(right, d.y - top);
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
    }
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

// [SECTION] Recovery

fs::path App::recovery_path(const fs::path& file) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on `"." + std::string&&`.
    std::string name = ".";
    name += file.filename().string();
    name += ".recovery.json";
    return file.parent_path() / name;
}

void App::autosave_tick(double now) {
    if (!m_session.has_dataset() || !unsaved()) {
        m_unsaved_since.reset();
        return;
    }
    if (!m_unsaved_since) {
        m_unsaved_since = now;
        return;
    }
    if (now - *m_unsaved_since < 60.0) return;
    write_recovery();
    m_unsaved_since = now;
}

void App::write_recovery() {
    // A copy with the current positions and views, as Save would write it, so the dataset in
    // memory (and the undo history's exact inverses) are untouched.
    Dataset d = m_session.dataset();
    store_layout_and_views(d);
    try {
        save_dataset_file(d, recovery_path(m_session.path()));
    } catch (const std::exception& e) {
        m_errors.show({"Could not write the recovery file", {e.what()}});
    }
}

void App::remove_recovery() {
    if (!m_session.has_dataset()) return;
    std::error_code ec;
    fs::remove(recovery_path(m_session.path()), ec);
}

void App::restore_recovery() {
    m_recovery_offer = false;
    const fs::path file = m_session.path();
    try {
        LoadResult r = load_dataset_file(recovery_path(file));
        set_dataset(std::move(r.dataset), file, std::move(r.warnings));
        m_unsaved = true;  // the file on disk still lacks these changes
    } catch (const std::exception& e) {
        m_errors.show({"Could not restore the recovery file", {e.what()}});
    }
}

void App::discard_recovery() {
    m_recovery_offer = false;
    remove_recovery();
}

void App::draw_recovery_prompt() {
    if (!m_recovery_offer) return;
    if (!ImGui::IsPopupOpen("Recover unsaved changes")) ImGui::OpenPopup("Recover unsaved changes");
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Recover unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s has autosaved changes that were never saved.", m_session.path().filename().string().c_str());
    ImGui::TextDisabled("Enter restores them; Discard deletes the autosave.");
    if (ImGui::Button("Restore") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        ImGui::CloseCurrentPopup();
        m_commands.push(RestoreRecovery{true});
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard")) {
        ImGui::CloseCurrentPopup();
        m_commands.push(RestoreRecovery{false});
    }
    ImGui::EndPopup();
}

void App::request_quit() {
    if (unsaved()) m_quit_prompt = true;
    else m_quit = true;
}

void App::draw_quit_prompt() {
    if (!m_quit_prompt) return;
    if (!ImGui::IsPopupOpen("Unsaved changes")) ImGui::OpenPopup("Unsaved changes");
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s has unsaved changes.", m_session.path().filename().string().c_str());
    ImGui::TextDisabled("Enter saves, Esc goes back to the map.");
    if (ImGui::Button("Save") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        save();
        m_quit_prompt = false;
        m_quit = !unsaved();  // a failed save keeps the window open (the error shows)
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard")) {
        m_quit_prompt = false;
        m_quit = true;
        remove_recovery();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        m_quit_prompt = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
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
        CanvasInput in{m_session, m_view, m_visibility, m_overlay, m_positions, m_focus_set,
                       CanvasFonts{m_fonts.ui(), m_fonts.bold(), m_fonts.size()},
                       m_fonts.scale(), true, m_commands, &m_text_log};
        m_canvas.draw(in, m_layout.canvas_min, m_layout.canvas_max);
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
    PanelContext ctx{m_session, m_view, m_visibility, m_overlay, m_tables, m_commands,
                     m_fonts.scale(), &m_text_log};
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
            m_inspector_panel.draw(ctx);
            m_analysis_panel.draw(ctx);
        }
        if (m_session.has_dataset()) m_legend_panel.draw(ctx);
    } else if (m_session.has_dataset()) {
        // Workshop: only the legend, in the column beside the map.
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
        if (m_new_entity.visible) {  // a pending SetNextWindow* would land on the next window
            ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.45f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
            ImGui::SetNextWindowSize(ImVec2(std::min(d.x * 0.6f, 560.0f * m_fonts.scale()), 0), ImGuiCond_Appearing);
            m_new_entity.draw(ctx);
        }
    }
}

void App::open_new_entity(EntityType type) {
    if (!m_session.has_dataset()) return;
    m_new_entity.start(type, m_session.dataset(), m_view.selected);
}

// [SECTION] Menus and keys

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    const fs::path folder = m_session.has_dataset() ? m_session.path().parent_path() : fs::path();
    const std::string stem = m_session.has_dataset() ? m_session.path().stem().string() : "landscape";
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open\xE2\x80\xA6", "Ctrl+O")) m_browser.start(BrowseMode::open, folder, "");
        if (ImGui::BeginMenu("Open recent", !m_recent.empty())) {
            for (const auto& r : m_recent)
                if (ImGui::MenuItem(r.string().c_str())) m_commands.push(OpenFile{r});
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Save", "Ctrl+S", false, m_session.has_dataset())) m_commands.push(Save{});
        if (ImGui::MenuItem("Save as\xE2\x80\xA6", "Ctrl+Shift+S", false, m_session.has_dataset()))
            m_browser.start(BrowseMode::save_as, folder, stem + "-edited.json");
        ImGui::Separator();
        if (ImGui::MenuItem("Export PNG\xE2\x80\xA6", "Ctrl+E", false, m_session.has_dataset()))
            m_browser.start(BrowseMode::export_png, folder, stem + ".png");
        const int tab = m_analysis_panel.current_tab();
        const std::string csv_label = "Export \"" +
                                      (tab >= 0 && tab < static_cast<int>(m_tables.size()) ? m_tables[static_cast<std::size_t>(tab)].name : std::string("table")) +
                                      "\" as CSV\xE2\x80\xA6";
        if (ImGui::MenuItem(csv_label.c_str(), nullptr, false, !m_tables.empty()))
            m_browser.start(BrowseMode::export_csv, folder, stem + ".csv");
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) request_quit();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo = m_history.next_undo() ? "Undo " + describe(*m_history.next_undo()) : "Undo";
        const std::string redo = m_history.next_redo() ? "Redo " + describe(*m_history.next_redo()) : "Redo";
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, m_history.can_undo())) m_commands.push(Undo{});
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, m_history.can_redo())) m_commands.push(Redo{});
        ImGui::Separator();
        const bool open = m_session.has_dataset();
        if (ImGui::MenuItem("Add board\xE2\x80\xA6", "Ctrl+N", false, open)) open_new_entity(EntityType::board);
        if (ImGui::MenuItem("Add agency\xE2\x80\xA6", nullptr, false, open)) open_new_entity(EntityType::agency);
        if (ImGui::MenuItem("Add person\xE2\x80\xA6", nullptr, false, open)) open_new_entity(EntityType::person);
        if (ImGui::MenuItem("Add area\xE2\x80\xA6", nullptr, false, open)) open_new_entity(EntityType::area);
        ImGui::Separator();
        ImGui::TextDisabled("Select a node to edit or delete it (Inspector > Edit);");
        ImGui::TextDisabled("drag a person onto a board to add a membership.");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Fit to window", "F")) m_commands.push(FitView{});
        if (ImGui::MenuItem("Clear filters", "C", false, m_view.filters.hides_something())) m_commands.push(ClearFilters{});
        ImGui::Separator();
        WorkshopSettings w = m_view.workshop;
        if (ImGui::MenuItem("Workshop mode", "W", w.enabled)) {
            w.enabled = !w.enabled;
            m_commands.push(SetWorkshop{w});
        }
        if (ImGui::BeginMenu("Workshop text size")) {
            for (float s : {1.0f, 1.5f, 2.0f, 2.5f, 3.0f}) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%.1f\xC3\x97", static_cast<double>(s));
                if (ImGui::MenuItem(buf, nullptr, w.text_scale == s)) {
                    WorkshopSettings w2 = w;
                    w2.text_scale = s;
                    m_commands.push(SetWorkshop{w2});
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("High contrast in workshop", nullptr, w.high_contrast)) {
            w.high_contrast = !w.high_contrast;
            m_commands.push(SetWorkshop{w});
        }
        if (ImGui::MenuItem("Anonymise people", "A", m_view.anonymise)) m_commands.push(SetAnonymise{!m_view.anonymise});
        ImGui::Separator();
        ImGui::MenuItem("Filters panel", nullptr, &m_filters_panel.visible);
        ImGui::MenuItem("Legend", nullptr, &m_legend_panel.visible);
        ImGui::MenuItem("Inspector", nullptr, &m_inspector_panel.visible);
        ImGui::MenuItem("Analysis tables", nullptr, &m_analysis_panel.visible);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Overlay")) {
        const std::pair<Overlay, const char*> items[] = {{Overlay::none, "None"},
                                                         {Overlay::overlap, "Overlap"},
                                                         {Overlay::boundaries, "Boundaries"},
                                                         {Overlay::load, "Load"},
                                                         {Overlay::representation, "Representation"}};
        for (int i = 0; i < 5; ++i) {
            const std::string key = std::to_string(i);
            if (ImGui::MenuItem(items[i].second, key.c_str(), m_view.overlay == items[i].first))
                m_commands.push(SetOverlay{items[i].first});
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Views")) {
        for (int i = 0; i < static_cast<int>(m_views.size()); ++i)
            if (ImGui::MenuItem(m_views[static_cast<std::size_t>(i)].name.c_str(), nullptr, m_view.current_view == i))
                m_commands.push(ApplySavedView{i});
        if (!m_views.empty()) ImGui::Separator();
        if (ImGui::MenuItem("Next view", "\xE2\x86\x92", false, !m_views.empty())) m_commands.push(StepSavedView{1});
        if (ImGui::MenuItem("Previous view", "\xE2\x86\x90", false, !m_views.empty())) m_commands.push(StepSavedView{-1});
        if (ImGui::MenuItem("Save current view", nullptr, false, m_session.has_dataset()))
            m_commands.push(SaveCurrentView{""});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::TextUnformatted("Keys");
        ImGui::Separator();
        ImGui::TextUnformatted(
            "1-4 / 0   overlays: overlap, boundaries, load, representation / none\n"
            "W         workshop mode      + / -  text size in workshop mode\n"
            "A         anonymise people   F      fit the map\n"
            "/         search             C      clear filters\n"
            "Left/Right saved views       Esc    clear focus and selection\n"
            "Ctrl+Z / Ctrl+Y undo / redo   Ctrl+S save   Ctrl+N add\n"
            "Mouse: wheel zooms about the cursor, drag empty space to pan,\n"
            "drag a node to move and pin it, double-click for its network.");
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void App::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    auto presses = std::exchange(m_key_presses, {});
    if (io.WantTextInput) {
        // While typing, only the file and quit shortcuts act; everything else is text (and
        // Ctrl+Z / Ctrl+Y are the text field's own undo).
        for (const auto& [key, m] : presses)
            if ((m & 2) != 0 && (key == 'O' || key == 'S' || key == 'E' || key == 'Q')) handle_key(key, true, (m & 1) != 0);
        return;
    }
    // Keys ImGui saw go down this frame (tests drive these), unless the platform already
    // reported them. Letters and digits: GLFW key codes equal upper-case ASCII.
    const int named[] = {ImGui::GetKeyIndex(ImGuiKey_LeftArrow), ImGui::GetKeyIndex(ImGuiKey_RightArrow),
                         ImGui::GetKeyIndex(ImGuiKey_Escape)};
    constexpr int glfw_mod_shift = 1, glfw_mod_control = 2;
    const int mods = (io.KeyCtrl ? glfw_mod_control : 0) | (io.KeyShift ? glfw_mod_shift : 0);
    const auto consider = [&](int k) {
        if (k < 0 || !ImGui::IsKeyPressed(k, false)) return;
        for (const auto& p : presses)
            if (p.first == k) return;
        presses.emplace_back(k, mods);
    };
    for (int k : {int{'0'}, int{'1'}, int{'2'}, int{'3'}, int{'4'}, int{'W'}, int{'A'}, int{'F'}, int{'C'}, int{'/'}, int{'='},
                  int{'-'}, int{'Z'}, int{'Y'}, int{'O'}, int{'S'}, int{'E'}, int{'Q'}, int{'N'}, 333, 334})
        consider(k);
    for (int k : named) consider(k);
    // A modal (delete, quit, recovery) takes the keys itself (Enter, Esc): the map's
    // shortcuts wait, and Esc in the Add window closes only that window.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    for (const auto& [key, m] : presses) {
        if (key == ImGui::GetKeyIndex(ImGuiKey_Escape) && m_new_entity.visible) continue;
        handle_key(key, (m & glfw_mod_control) != 0, (m & glfw_mod_shift) != 0);
    }
}

void App::handle_key(int key, bool ctrl, bool shift) {
    if (ctrl) {
        const fs::path folder = m_session.has_dataset() ? m_session.path().parent_path() : fs::path();
        const std::string stem = m_session.has_dataset() ? m_session.path().stem().string() : "landscape";
        switch (key) {
        case 'Z': m_commands.push(shift ? Command{Redo{}} : Command{Undo{}}); break;
        case 'Y': m_commands.push(Redo{}); break;
        case 'O': m_browser.start(BrowseMode::open, folder, ""); break;
        case 'S':
            if (!m_session.has_dataset()) break;
            if (!shift) m_commands.push(Save{});
            else m_browser.start(BrowseMode::save_as, folder, stem + "-edited.json");
            break;
        case 'E':
            if (m_session.has_dataset()) m_browser.start(BrowseMode::export_png, folder, stem + ".png");
            break;
        case 'Q': request_quit(); break;
        case 'N': open_new_entity(EntityType::board); break;
        default: break;
        }
        return;
    }
    const Overlay by_digit[] = {Overlay::none, Overlay::overlap, Overlay::boundaries, Overlay::load,
                                Overlay::representation};
    WorkshopSettings w = m_view.workshop;
    if (key >= '0' && key <= '4') {
        m_commands.push(SetOverlay{by_digit[key - '0']});
    } else if (key == 'W') {
        w.enabled = !w.enabled;
        m_commands.push(SetWorkshop{w});
    } else if ((key == '=' || key == 334 /* keypad + */) && w.enabled) {
        w.text_scale = std::min(3.0f, w.text_scale + 0.25f);
        m_commands.push(SetWorkshop{w});
    } else if ((key == '-' || key == 333 /* keypad - */) && w.enabled) {
        w.text_scale = std::max(1.0f, w.text_scale - 0.25f);
        m_commands.push(SetWorkshop{w});
    } else if (key == 'A') {
        m_commands.push(SetAnonymise{!m_view.anonymise});
    } else if (key == 'F') {
        m_commands.push(FitView{});
    } else if (key == 'C') {
        m_commands.push(ClearFilters{});
    } else if (key == '/') {
        m_filters_panel.focus_search();
        if (w.enabled) {
            w.enabled = false;
            m_commands.push(SetWorkshop{w});
        }
    } else if (key == ImGui::GetKeyIndex(ImGuiKey_RightArrow)) {
        m_commands.push(StepSavedView{1});
    } else if (key == ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) {
        m_commands.push(StepSavedView{-1});
    } else if (key == ImGui::GetKeyIndex(ImGuiKey_Escape)) {
        if (m_view.focus) m_commands.push(FocusEgo{std::nullopt, 1});
        else m_commands.push(SelectEntity{std::nullopt, false});
    }
}

// [SECTION] Derived state

void App::end_frame() {
    for (const Command& c : m_commands.take()) apply(c);
    take_layout_positions();
    refresh();
}

bool App::settle_layout(int max_steps) {
    const bool done = m_layout_runner.settle(max_steps);
    take_layout_positions();
    return done;
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
    if (m_dirty_overlay) {
        const auto sel = m_view.selected ? m_session.scene().find(*m_view.selected) : std::nullopt;
        m_overlay = build_overlay(m_view.overlay, m_session, sel, m_view.anonymise);
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

void App::fit_to_visible() {
    WorldBox box;
    const Scene& s = m_session.scene();
    for (NodeIndex i = 0; i < s.nodes.size() && i < m_positions.size(); ++i)
        if (i >= m_visibility.node_visible.size() || m_visibility.node_visible[i]) box.add(m_positions[i]);
    m_view.camera.fit(box, 60.0f * (m_fonts.scale() > 0 ? m_fonts.scale() : 1.0f));
}

// [SECTION] Recent files and state

void App::remember_recent(const fs::path& p) {
    std::error_code ec;
    const fs::path abs = fs::absolute(p, ec);
    m_recent.erase(std::remove(m_recent.begin(), m_recent.end(), abs), m_recent.end());
    m_recent.insert(m_recent.begin(), abs);
    if (m_recent.size() > 8) m_recent.resize(8);
    if (!m_opts.remember_recent) return;
    if (const auto f = recent_file_path()) {
        fs::create_directories(f->parent_path(), ec);
        std::string text;
        for (const auto& r : m_recent) text += r.string() + "\n";
        try {
            write_file_atomically(*f, text);
        } catch (const WriteError&) {
            // The recent-files list is a convenience: an unwritable config folder costs nothing.
        }
    }
}

void App::load_recent() {
    const auto f = recent_file_path();
    if (!f) return;
    std::ifstream in(*f);
    std::string line;
    std::error_code ec;
    while (std::getline(in, line) && m_recent.size() < 8)
        if (!line.empty() && fs::is_regular_file(line, ec)) m_recent.emplace_back(line);
}

std::string App::state_json() const {
    nlohmann::json j;
    // People's ids can carry their names: while anonymising they are written as "person".
    const auto shown_id = [&](const std::optional<std::string>& id) -> nlohmann::json {
        if (!id) return nullptr;
        if (m_view.anonymise)
            if (const auto n = m_session.scene().find(*id); n && m_session.scene().nodes[*n].type == EntityType::person)
                return "person";
        return *id;
    };
    j["selected"] = shown_id(m_view.selected);
    j["focus"] = shown_id(m_view.focus);
    j["text_input"] = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;
    j["overlay"] = std::string(to_string(m_view.overlay));
    j["workshop"] = m_view.workshop.enabled;
    j["text_scale"] = m_fonts.scale();
    j["anonymise"] = m_view.anonymise;
    j["anonymise_locked"] = m_view.anonymise_locked;
    j["view"] = m_view.current_view;
    j["layout_converged"] = m_layout_runner.converged();
    // Editing: what the title bar, the Edit menu and the prompts show.
    j["unsaved"] = unsaved();
    j["title"] = window_title();
    j["undo"] = m_history.next_undo() ? describe(*m_history.next_undo()) : "";
    j["redo"] = m_history.next_redo() ? describe(*m_history.next_redo()) : "";
    j["quit_prompt"] = m_quit_prompt;
    j["recovery_offer"] = m_recovery_offer;
    j["new_entity_open"] = m_new_entity.visible;
    if (m_new_entity.visible && !m_view.anonymise)
        j["new_entity"] = {{"type", std::string(to_string(m_new_entity.draft().type))},
                           {"name", m_new_entity.draft().name},
                           {"problem", m_new_entity.problem()}};
    if (m_session.has_dataset()) {
        const Dataset& d = m_session.dataset();
        j["counts"] = {{"areas", d.areas.size()},     {"agencies", d.agencies.size()},
                       {"boards", d.boards.size()},   {"people", d.people.size()},
                       {"memberships", d.memberships.size()}, {"relations", d.relations.size()}};
    }
    // Drawn positions of boards and agencies, and of people unless anonymising (their ids
    // are hidden then).
    nlohmann::json nodes = nlohmann::json::object();
    const Scene& s = m_session.scene();
    if (m_session.has_dataset())
        for (NodeIndex i = 0; i < s.nodes.size(); ++i) {
            if (s.nodes[i].type == EntityType::area) continue;
            if (s.nodes[i].type == EntityType::person && m_view.anonymise) continue;
            if (auto p = m_canvas.drawn_position(i)) nodes[s.nodes[i].id] = {p->x, p->y};
        }
    j["nodes"] = nodes;
    if (m_text_log.enabled && m_session.has_dataset()) {
        // What the last frame drew (labels, banners, panels, tooltips) and every cell of every
        // analysis table, so an end-to-end test can prove what the window shows. People drawn
        // while anonymising are listed by position only, for hovering.
        j["drawn"] = m_text_log.lines;
        nlohmann::json tables = nlohmann::json::array();
        for (const TableModel& t : m_tables) tables.push_back(to_csv(t));
        j["tables"] = tables;
        nlohmann::json people = nlohmann::json::array();
        for (NodeIndex i = 0; i < s.nodes.size(); ++i)
            if (s.nodes[i].type == EntityType::person)
                if (auto p = m_canvas.drawn_position(i)) people.push_back({p->x, p->y});
        j["people_at"] = people;
    }
    return j.dump();
}

}  // namespace boardscape::viewer
