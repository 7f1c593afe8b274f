// Menus and keyboard shortcuts: they only queue commands (the App applies them after the frame).
#include "app/app.hpp"
#include "app/key_help.hpp"
#include "app/vocab_labels.hpp"

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

void App::open_new_entity(EntityType type) {
    if (!m_session.has_dataset()) return;
    m_new_entity.start(type, m_session.dataset(), m_view.selected);
}

void App::open_scenario() {
    if (!m_session.has_dataset()) return;
    m_scenario_panel.open(m_session, m_view.selected);
    // The change shows at once on whichever view fills the canvas.
    m_commands.push(SetOverlay{Overlay::scenario});
    MapSettings m = m_view.map;
    m.measure = MapMeasure::scenario;
    m_commands.push(SetMapSettings{m});
}

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
        if (ImGui::MenuItem("Import members\xE2\x80\xA6", nullptr, false, m_session.has_dataset()))
            m_browser.start(BrowseMode::import_members, folder, "");
        ImGui::Separator();
        if (ImGui::MenuItem("Export PNG\xE2\x80\xA6", "Ctrl+E", false, m_session.has_dataset()))
            m_browser.start(BrowseMode::export_png, folder, stem + ".png");
        const int tab = m_analysis_panel.current_tab();
        const std::string csv_label = "Export \"" +
                                      (tab >= 0 && tab < static_cast<int>(m_tables.size()) ? m_tables[static_cast<std::size_t>(tab)].name : std::string("table")) +
                                      "\" as CSV\xE2\x80\xA6";
        if (ImGui::MenuItem(csv_label.c_str(), nullptr, false, !m_tables.empty()))
            m_browser.start(BrowseMode::export_csv, folder, stem + ".csv");
        if (ImGui::BeginMenu("Export", m_session.has_dataset())) {
            if (ImGui::MenuItem("CSV folder\xE2\x80\xA6")) m_browser.start(BrowseMode::export_csv_folder, folder, stem + "-csv");
            if (ImGui::MenuItem("XLSX report\xE2\x80\xA6", "Ctrl+Shift+E")) start_xlsx_export();
            ImGui::EndMenu();
        }
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
        if (ImGui::MenuItem("Map of England's districts", "M", m_view.view_kind == ViewKind::map))
            m_commands.push(SetViewKind{m_view.view_kind == ViewKind::map ? ViewKind::graph : ViewKind::map});
        if (ImGui::BeginMenu("Map layers", m_session.has_dataset())) {
            draw_map_menu();
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Scenario: merge boards, cadences\xE2\x80\xA6", "S", m_scenario_panel.visible,
                            m_session.has_dataset())) {
            if (m_scenario_panel.visible) m_scenario_panel.visible = false;
            else open_scenario();
        }
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
                                                         {Overlay::representation, "Representation"},
                                                         {Overlay::scenario, "Scenario: who saves, who gains"}};
        for (int i = 0; i < 6; ++i) {
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
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const KeyHelp& k : key_help()) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(k.keys.data(), k.keys.data() + k.keys.size());
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(k.action.data(), k.action.data() + k.action.size());
            }
            ImGui::EndTable();
        }
        ImGui::Separator();
        ImGui::TextUnformatted(
            "Mouse: wheel zooms about the cursor, drag empty space to pan,\n"
            "drag a node to move and pin it, double-click for its network.");
        ImGui::EndMenu();
    }
    if (!m_status.empty()) {  // the last export's outcome, at the right end of the bar
        const float w = ImGui::CalcTextSize(m_status.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w));
        ImGui::TextDisabled("%s", m_status.c_str());
        m_text_log.add(m_status);
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
    for (int k : {int{'0'}, int{'1'}, int{'2'}, int{'3'}, int{'4'}, int{'5'}, int{'W'}, int{'A'}, int{'F'}, int{'C'}, int{'/'}, int{'='},
                  int{'-'}, int{'Z'}, int{'Y'}, int{'O'}, int{'S'}, int{'E'}, int{'Q'}, int{'N'}, int{'M'}, 333, 334})
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
            if (!m_session.has_dataset()) break;
            if (!shift) m_browser.start(BrowseMode::export_png, folder, stem + ".png");
            else start_xlsx_export();
            break;
        case 'Q': request_quit(); break;
        case 'N': open_new_entity(EntityType::board); break;
        default: break;
        }
        return;
    }
    const Overlay by_digit[] = {Overlay::none, Overlay::overlap, Overlay::boundaries, Overlay::load,
                                Overlay::representation, Overlay::scenario};
    WorkshopSettings w = m_view.workshop;
    if (key >= '0' && key <= '5') {
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
    } else if (key == 'S') {
        if (m_scenario_panel.visible) m_scenario_panel.visible = false;
        else open_scenario();
    } else if (key == 'M') {
        m_commands.push(SetViewKind{m_view.view_kind == ViewKind::map ? ViewKind::graph : ViewKind::map});
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

void App::draw_map_menu() {
    // The layers a map can show: the board kinds and sectors this file has.
    const Dataset& d = m_session.dataset();
    std::vector<std::string> kinds, sectors;
    for (const BoardKindInfo& k : board_kinds())
        if (std::any_of(d.boards.begin(), d.boards.end(), [&](const Board& b) { return b.kind == k.kind && !b.parent; }))
            kinds.emplace_back(k.id);
    for (const auto s : sector_names())
        if (std::any_of(d.agencies.begin(), d.agencies.end(), [&](const Agency& a) { return to_string(a.sector) == s; }))
            sectors.emplace_back(s);
    MapSettings m = m_view.map;
    const auto layer_items = [&](std::string& target, bool allow_none) {
        bool changed = false;
        if (allow_none && ImGui::MenuItem("None", nullptr, target.empty())) target.clear(), changed = true;
        for (const auto& k : kinds) {
            const std::string text = std::string(label(*parse_board_kind(k))) + "s (" + k + ")";
            if (ImGui::MenuItem(text.c_str(), nullptr, target == k)) target = k, changed = true;
        }
        ImGui::Separator();
        for (const auto& s : sectors) {
            const std::string text = std::string(label(*parse_sector(s))) + " footprints (" + s + ")";
            if (ImGui::MenuItem(text.c_str(), nullptr, target == s)) target = s, changed = true;
        }
        return changed;
    };
    bool changed = false;
    if (ImGui::BeginMenu("Fill: regions of")) {
        changed |= layer_items(m.fill, false);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Borders")) {
        changed |= layer_items(m.borders, true);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Colour by region", nullptr, m.measure == MapMeasure::regions))
        m.measure = MapMeasure::regions, changed = true;
    if (ImGui::MenuItem("Colour by the selected agency's meetings a year", nullptr,
                        m.measure == MapMeasure::expected_meetings))
        m.measure = MapMeasure::expected_meetings, changed = true;
    if (ImGui::MenuItem("Colour by load (hours a year)", nullptr, m.measure == MapMeasure::load))
        m.measure = MapMeasure::load, changed = true;
    if (ImGui::MenuItem("Colour by the scenario's change in hours", nullptr, m.measure == MapMeasure::scenario))
        m.measure = MapMeasure::scenario, changed = true;
    if (changed) {
        m_commands.push(SetMapSettings{m});
        if (m_view.view_kind != ViewKind::map) m_commands.push(SetViewKind{ViewKind::map});
    }
}

}  // namespace boardscape::viewer
