// The file lifecycle of the App: open, replace the dataset, save and save as (keeping FILE.bak),
// CSV export, the recent-files list and the state file the end-to-end tests read.
#include "app/app.hpp"
#include "boardscape/anonymise.hpp"
#include "boardscape/atomic_write.hpp"
#include "boardscape/dataset_csv.hpp"
#include "boardscape/import/members.hpp"
#include "boardscape/plural.hpp"
#include "boardscape/report/report_kinds.hpp"
#include "boardscape/report/xlsx.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

namespace boardscape::viewer {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> recent_file_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg) return fs::path(xdg) / "boardscape" / "recent.txt";
    if (home && *home) return fs::path(home) / ".config" / "boardscape" / "recent.txt";
    return std::nullopt;
}

/// Whether `path` holds a CSV file rather than a dataset: its name ends in .csv, or its first
/// line reads like a CSV header (no JSON object or array, a comma or semicolon between words).
bool looks_like_csv(const fs::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return true;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line)) return false;
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // Excel's UTF-8 byte order mark
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '{' || line[first] == '[') return false;
    return line.find_first_of(",;") != std::string::npos;
}


}  // namespace

App::App(AppOptions opts) : m_opts(opts) {
    if (m_opts.remember_recent) load_recent();
}

App::~App() { m_layout_runner.stop(); }

std::optional<LoadResult> App::load_or_report(const fs::path& path, const std::string& heading) {
    // A members sheet or an exported table is not a dataset: say what to do with it instead of
    // reporting the JSON syntax error its first comma makes.
    if (looks_like_csv(path) && fs::is_regular_file(path)) {
        m_errors.show({heading, {csv_file_message}});
        return std::nullopt;
    }
    try {
        return load_dataset_file(path);
    } catch (const LoadError& e) {
        ErrorReport rep;
        rep.heading = heading;
        for (const auto& d : e.diagnostics()) rep.lines.push_back(format_diagnostic(e.file(), d));
        m_errors.show(std::move(rep));
    } catch (const std::exception& e) {
        m_errors.show({heading, {e.what()}});
    }
    return std::nullopt;
}

bool App::open_file(const fs::path& path) {
    auto r = load_or_report(path, "Could not open " + path.filename().string() +
                                      (m_session.has_dataset() ? " \xE2\x80\x94 the current map stays open." : "."));
    if (!r) return false;
    set_dataset(std::move(r->dataset), path, std::move(r->warnings));
    remember_recent(path);
    std::error_code ec;
    m_recovery_offer = m_opts.recovery && fs::exists(recovery_path(path), ec);
    return true;
}

void App::set_dataset(Dataset d, fs::path path, std::vector<Diagnostic> warnings) {
    std::vector<std::string> problems;
    m_views = parse_saved_views(d.views_json, problems);
    m_import_members.cancel();  // a preview matched against the old dataset
    m_view.selected.reset();
    m_view.focus.reset();
    m_view.current_view = -1;
    m_view.filters = Filters{};
    m_session.set_dataset(std::move(d), std::move(path), std::move(warnings), std::nullopt);
    m_scenario_panel.dataset_loaded(m_session);  // the file as opened is the scenario's baseline
    m_history.clear();
    m_unsaved = false;
    m_status.clear();  // the last file's exports are not this one's
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

void App::save_as(const fs::path& path) {
    if (!m_session.has_dataset()) return;
    Dataset& d = m_session.dataset_for_save();
    store_layout_and_views(d);
    try {
        // The version being replaced stays as FILE.bak (DESIGN: saving never loses work).
        AtomicWriteOptions keep;
        keep.keep_backup = true;
        save_dataset_file(d, path, keep);
        m_status = "Saved " + path.filename().string();
        m_unsaved = false;
        m_history.mark_saved();
        remove_recovery();
        remember_recent(path);
    } catch (const std::exception& e) {
        m_status = "Could not save " + path.filename().string();
        m_errors.show({"Could not save " + path.filename().string(), {e.what()}});
    }
}

bool App::set_scenario_baseline(const fs::path& path) {
    if (!m_session.has_dataset()) return false;
    const auto r = load_or_report(path, "Could not compare with " + path.filename().string() +
                                            " \xE2\x80\x94 the baseline stays " +
                                            m_scenario_panel.compare().baseline_label() + ".");
    if (!r) {
        m_status = "Could not compare with " + path.filename().string();
        return false;
    }
    m_scenario_panel.use_baseline(r->dataset, path.filename().string());
    m_status = "Scenario baseline: " + path.filename().string();
    m_dirty_overlay = true;
    return true;
}

void App::report_problem(std::string heading, std::vector<std::string> lines) {
    m_status = heading;
    m_errors.show({std::move(heading), std::move(lines)});
}

std::optional<fs::path> App::take_png_request() { return std::exchange(m_png_request, std::nullopt); }

std::string App::window_title() const {
    std::string t = "Boardscape";
    if (m_session.has_dataset()) t += " \xE2\x80\x94 " + m_session.path().filename().string() + (unsaved() ? " *" : "");
    return t;
}

void App::save() {
    if (m_session.has_dataset()) save_as(m_session.path());
}

void App::export_csv(const fs::path& p) {
    const int tab = m_analysis_panel.current_tab();
    if (tab < 0 || tab >= static_cast<int>(m_tables.size())) {
        m_errors.show({"Nothing to export", {"Open a dataset and choose an analysis tab first."}});
        return;
    }
    const TableModel& table = m_tables[static_cast<std::size_t>(tab)];
    try {
        write_file_atomically(p, to_csv(table));
        m_status = "Wrote " + p.filename().string() + " (" + table.name + ", " +
                   count_noun(static_cast<long long>(table.rows.size()), "row") + ")";
    } catch (const WriteError& e) {
        m_status = "Could not write " + p.filename().string();
        m_errors.show({"Could not write " + p.filename().string(), {e.reason()}});
    }
}

void App::export_csv_folder(const fs::path& dir) {
    if (!m_session.has_dataset()) return;
    // The folder holds the dataset as saving would write it, with the current layout and views.
    Dataset d = m_session.dataset();
    store_layout_and_views(d);
    try {
        write_dataset_csv_dir(d, dir);
        m_status = "Wrote the dataset as CSV files in " + dir.filename().string() + "/";
    } catch (const std::exception& e) {
        m_status = "Could not export to " + dir.filename().string();
        m_errors.show({"Could not export to " + dir.string(), {e.what()}});
    }
}

std::string App::default_report_kind() const {
    if (m_view.overlay != Overlay::none && report::find_report_kind(to_string(m_view.overlay)))
        return std::string(to_string(m_view.overlay));
    const int tab = m_analysis_panel.current_tab();
    if (tab >= 0 && tab < static_cast<int>(m_tables.size()) &&
        report::find_report_kind(m_tables[static_cast<std::size_t>(tab)].kind))
        return m_tables[static_cast<std::size_t>(tab)].kind;
    return report::report_kinds().empty() ? std::string() : std::string(report::report_kinds().front().name);
}

void App::start_xlsx_export() {
    if (!m_session.has_dataset()) return;
    const std::string kind = default_report_kind();
    m_browser.start(BrowseMode::export_xlsx_report, m_session.path().parent_path(),
                    m_session.path().stem().string() + "-" + kind + ".xlsx", kind);
}

void App::export_xlsx_report(const fs::path& p, const std::string& kind_name) {
    if (!m_session.has_dataset()) return;
    const report::ReportKind* kind = report::find_report_kind(kind_name);
    if (kind == nullptr) {
        m_status = "Could not export: no report kind '" + kind_name + "'";
        m_errors.show({"No report kind '" + kind_name + "'", {"Choose one of the kinds listed."}});
        return;
    }
    // The report as `boardscape report KIND --format xlsx` writes it, at the date the view shows
    // and, with names hidden, on the same pseudonymised copy the CLI's --anonymise uses.
    const Dataset& shown = m_session.dataset();
    std::optional<Dataset> hidden;
    if (m_view.anonymise) hidden = anonymised(shown);
    report::ReportInputs in;
    in.dataset = hidden ? &*hidden : &shown;
    in.options.as_of = m_session.derived().as_of;
    report::WorkbookAbout about;
    about.title = "boardscape report " + kind_name;
    about.dataset = m_session.path().filename().string();
    about.dataset_title = shown.meta.title;
    if (m_session.derived().as_of) about.as_of = m_session.derived().as_of->str();
    if (m_view.anonymise) about.options.emplace_back("anonymise", "people named by agency and number");
    about.tool = "boardscape-viewer";
    try {
        const report::ReportOutput out = kind->run(in, false);
        write_file_atomically(p, report::xlsx_workbook(out.tables, about));
        m_status = "Wrote " + p.filename().string() + " (" + kind_name + " report, " +
                   std::to_string(out.tables.size()) + " tables)";
    } catch (const WriteError& e) {
        m_status = "Could not write " + p.filename().string();
        m_errors.show({"Could not write " + p.filename().string(), {e.reason()}});
    } catch (const std::exception& e) {
        m_status = "Could not write " + p.filename().string();
        m_errors.show({"Could not write " + p.filename().string(), {e.what()}});
    }
}

void App::preview_members_import(const fs::path& sheet, bool create_missing) {
    if (!m_session.has_dataset()) {
        m_errors.show({"Nothing to import into", {"Open a dataset first."}});
        return;
    }
    std::ifstream in(sheet, std::ios::binary);
    if (!in) {
        m_errors.show({"Could not read " + sheet.filename().string(), {"The file cannot be opened."}});
        return;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Dataset& base = m_session.dataset();
    import::MembersOptions options;
    options.create_missing = create_missing;
    import::MembersPlan plan = import::plan_members_import(base, bytes, sheet.filename().string(), options);
    // The edit is built now, against the dataset the plan was matched with; the panel only
    // holds it until the user chooses Import.
    std::optional<Edit> edit;
    if (plan.ok() && !plan.no_change()) {
        try {
            edit = import::members_edit(base, plan);
        } catch (const std::exception& e) {
            m_errors.show({"Could not prepare the import", {e.what()}});
            return;
        }
    }
    m_import_members.start(std::move(plan), std::move(edit), sheet, create_missing);
}

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
    j["status"] = m_status;
    j["view_kind"] = std::string(to_string(m_view.view_kind));
    if (m_view.view_kind == ViewKind::map) {
        nlohmann::json mj;
        mj["fill"] = m_view.map.fill;
        mj["borders"] = m_view.map.borders;
        mj["measure"] = std::string(to_string(m_view.map.measure));
        if (const map::MapResult* m = m_map_view.result()) {
            mj["layout"] = m->layout;
            mj["cells"] = m->cells.size();
            mj["fill_regions"] = m->fill.regions;
            mj["mismatch_edges"] = m->mismatch_edges;
        } else {
            mj["error"] = m_map_view.error();
        }
        mj["cells_drawn"] = m_map_view.stats().cells_drawn;
        mj["labels_drawn"] = m_map_view.stats().labels_drawn;
        if (const auto h = m_map_view.hovered_cell(); h && m_map_view.result())
            mj["hovered"] = m_map_view.result()->hexes->hexes[m_map_view.result()->cells[*h].hex].code;
        j["map"] = mj;
    }
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
