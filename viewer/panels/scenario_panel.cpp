// The Scenario panel (see scenario_panel.hpp): board list and ticks, the Merge… popup, cadences
// with a live preview, and the before / after tables.
#include "panels/scenario_panel.hpp"

#include "boardscape/scenario.hpp"
#include "canvas/palette.hpp"
#include "panels/filters_panel.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>

namespace boardscape::viewer {

namespace {

bool contains_ci(std::string_view text, std::string_view needle) {
    if (needle.empty()) return true;
    const auto it =
        std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
        });
    return it != text.end();
}


ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

/// One numeric column of a table: which figure, and before, after or the change.
struct Column {
    const char* label;
    double AgencyFigures::*figure;
    int side;  // 0 before, 1 after, 2 delta
};

double value(const ScenarioRow& r, const Column& c) {
    const AgencyFigures& f = c.side == 0 ? r.before : c.side == 1 ? r.after : r.delta;
    return f.*(c.figure);
}

bool changed(const ScenarioRow& r) {
    return r.delta.expected_meetings != 0 || r.delta.expected_hours != 0 || r.delta.meetings != 0 ||
           r.delta.hours != 0;
}

/// The library's merge phrases naming `boardscape scenario`'s options (graph/src/scenario.cpp)
/// and what stands for them in the Merge… popup and on the viewer's command line.
struct MergePhrase {
    std::string_view library, popup, options;
};
constexpr MergePhrase k_merge_phrases[] = {
    {"give --kind KIND to", "choose a Kind to", "give --merge-kind KIND to"},
    {"give one with --id", "type one in Id", "give one with --merge-id"},
    {"choose another with --id", "type another in Id", "choose another with --merge-id"},
};

}  // namespace

std::string merge_problem_words(std::string problem, MergeWords words) {
    for (const MergePhrase& p : k_merge_phrases)
        if (const auto at = problem.find(p.library); at != std::string::npos)
            problem.replace(at, p.library.size(), words == MergeWords::popup ? p.popup : p.options);
    return problem;
}

ScenarioPanel::ScenarioPanel()
    : Panel("Scenario",
            ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse) {
    visible = false;
    m_closable = true;
}

void ScenarioPanel::on_closed() {
    visible = false;
    m_state.cadence.reset();
    m_compare.end_preview();
}

// [SECTION] Baseline and recompute

void ScenarioPanel::dataset_loaded(const Session& s) {
    m_state.ticked.clear();
    m_state.cadence.reset();
    m_state.problems.clear();
    m_compare.set_baseline(s.dataset(), s.path().filename().string() + " as opened");
}

void ScenarioPanel::reset_baseline(const Session& s) {
    m_compare.set_baseline(s.dataset(), s.path().filename().string() + " as it is now");
}

void ScenarioPanel::use_baseline(const Dataset& d, std::string label) {
    m_compare.end_preview();
    m_compare.set_baseline(d, std::move(label));
}

void ScenarioPanel::open(const Session& s, const std::optional<std::string>& selected) {
    visible = true;
    if (selected)
        if (const auto f = s.dataset().find(*selected); f && f->type == EntityType::board)
            tick(*selected, true);
}

bool ScenarioPanel::update(const Session& s, const std::optional<Date>& as_of, bool anonymise) {
    if (!s.has_dataset()) return false;
    if (!m_compare.has_baseline())
        m_compare.set_baseline(s.dataset(), s.path().filename().string() + " as opened");
    const bool recomputed = m_compare.update(s, as_of);
    if (recomputed || m_rows_version != m_compare.version() || m_rows_anonymise != anonymise)
        rebuild_rows(s, anonymise);
    return recomputed;
}

void ScenarioPanel::rebuild_rows(const Session& s, bool anonymise) {
    m_rows_version = m_compare.version();
    m_rows_anonymise = anonymise;
    const Dataset* base = m_compare.baseline();
    const auto agency_name = [&](const std::string& id) {
        std::string name = s.display_name(id, anonymise);
        if (name.empty() && base)
            if (const auto i = base->find_agency(AgencyId(id))) name = base->agencies[*i].name;
        return name.empty() ? id : name;
    };
    const auto person_name = [&](const std::string& id) {
        std::string name = s.display_name(id, anonymise);
        if (!name.empty()) return name;
        // Only in the baseline: no pseudonym exists for them in the open file.
        if (anonymise) return std::string("(a person no longer in the file)");
        if (base)
            if (const auto i = base->find_person(PersonId(id))) return base->people[*i].name;
        return id;
    };
    m_agency_rows.clear();
    for (const AgencyDelta& a : m_compare.agencies())
        m_agency_rows.push_back({a.id, agency_name(a.id), a.before, a.after, a.delta});
    m_people_rows.clear();
    const auto as_agency = [](const PersonFigures& p) {
        return AgencyFigures{0, 0, p.meetings, p.hours};
    };
    for (const PersonDelta& p : m_compare.people())
        m_people_rows.push_back(
            {p.id, person_name(p.id), as_agency(p.before), as_agency(p.after), as_agency(p.delta)});
    const Comparison& c = m_compare.comparison();
    m_agency_totals = {"", "", c.agency_totals_before, c.agency_totals_after,
                       c.agency_totals_delta};
    m_people_totals = {"", "", as_agency(c.people_totals_before), as_agency(c.people_totals_after),
                       as_agency(c.people_totals_delta)};
}

// [SECTION] Actions

void ScenarioPanel::show_problems(std::string heading, std::vector<std::string> problems) {
    m_state.problems_heading = std::move(heading);
    m_state.problems = std::move(problems);
}

void ScenarioPanel::tick(const std::string& board, bool on) {
    auto& t = m_state.ticked;
    const auto it = std::find(t.begin(), t.end(), board);
    if (on && it == t.end()) t.push_back(board);
    if (!on && it != t.end()) t.erase(it);
}

bool ScenarioPanel::ticked(const std::string& board) const {
    return std::find(m_state.ticked.begin(), m_state.ticked.end(), board) != m_state.ticked.end();
}

void ScenarioPanel::tick_selection(const Session& s, const std::optional<std::string>& selected) {
    if (!selected) return;
    const Dataset& d = s.dataset();
    const auto f = d.find(*selected);
    if (!f) return;
    if (f->type == EntityType::board) {
        tick(*selected, true);
        return;
    }
    if (f->type != EntityType::area) return;
    // A district clicked on the map: the boards whose footprint names it or an area it lies in
    // (a county board over a district).
    std::set<std::string, std::less<>> up;
    for (std::optional<std::size_t> a = f->index; a && up.insert(d.areas[*a].id.str()).second;)
        a = d.areas[*a].parent ? d.find_area(*d.areas[*a].parent) : std::nullopt;
    const auto& active = s.derived().activity.board_active;
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        const Board& board = d.boards[b];
        if (board.parent || (b < active.size() && !active[b])) continue;
        if (m_state.kind >= 0 && static_cast<int>(board.kind) != m_state.kind) continue;
        if (std::any_of(board.footprint.begin(), board.footprint.end(),
                        [&](const AreaId& a) { return up.count(a.str()) > 0; }))
            tick(board.id.str(), true);
    }
}

void ScenarioPanel::begin_merge(const Session& s) {
    MergeDraft& m = m_state.merge;
    m = MergeDraft{};
    m.date = scenario_date(s.dataset(), std::nullopt, today_utc()).str();
    m.id = derived_merge_id(s);
    m_state.open_merge_popup = true;
    m_state.close_merge_popup = false;
}

std::string ScenarioPanel::derived_merge_id(const Session& s) const {
    MergeSpec spec;
    for (const auto& b : m_state.ticked) spec.boards.emplace_back(b);
    spec.name = m_state.merge.name;
    try {
        return merged_board_id(s.dataset(), spec);
    } catch (const std::exception&) {
        return {};
    }
}

bool ScenarioPanel::confirm_merge(const Session& s, CommandQueue& commands) {
    const Dataset& d = s.dataset();
    const MergeDraft& m = m_state.merge;
    MergeSpec spec;
    for (const auto& b : m_state.ticked) spec.boards.emplace_back(b);
    spec.name = m.name;
    spec.new_id = m.id_edited ? m.id : "";
    if (m.kind >= 0 && static_cast<std::size_t>(m.kind) < board_kinds().size())
        spec.kind = board_kinds()[static_cast<std::size_t>(m.kind)].kind;
    std::vector<std::string> problems;
    if (!m.cadence.empty()) {
        spec.cadence = parse_cadence(m.cadence);
        if (!spec.cadence)
            problems.push_back("cadence '" + m.cadence + "' is not N or NxH (e.g. 6 or 6x2.5)");
    }
    std::optional<Date> date;
    if (!m.date.empty()) {
        date = Date::parse(m.date);
        if (!date) problems.push_back("date '" + m.date + "' is not YYYY-MM-DD");
    }
    if (!problems.empty()) {
        show_problems("Could not merge", std::move(problems));
        return false;
    }
    try {
        Edit e = merge_edit(d, spec, scenario_date(d, date, today_utc()));
        const std::string id = merged_board_id(d, spec);
        commands.push(ApplyEdit{std::move(e)});
        // The new board is what the planner works on next (its cadence, say).
        m_state.ticked = {id};
        m_state.problems.clear();
        m_state.open_merge_popup = false;  // merged without the popup (--merge)
        m_state.close_merge_popup = true;
        return true;
    } catch (const ScenarioError& e) {
        show_problems("Could not merge", e.problems());
    } catch (const std::exception& e) {
        show_problems("Could not merge", {e.what()});
    }
    return false;
}

void ScenarioPanel::preview_cadence(const Session& s, const std::string& board, double meetings,
                                    double hours) {
    m_state.cadence = CadenceDraft{board, meetings, hours};
    m_compare.preview_cadence(s, board, meetings, hours);
}

bool ScenarioPanel::commit_cadence(const Session& s, CommandQueue& commands,
                                   const std::string& board, double meetings, double hours) {
    m_state.cadence.reset();
    m_compare.end_preview();
    const Dataset& d = s.dataset();
    const auto b = d.find_board(BoardId(board));
    if (b && d.boards[*b].meetings_per_year == meetings && d.boards[*b].meeting_hours == hours)
        return false;
    try {
        commands.push(ApplyEdit{cadence_edit(d, BoardId(board), Cadence{meetings, hours})});
        m_state.problems.clear();
        return true;
    } catch (const ScenarioError& e) {
        show_problems("Could not change the cadence", e.problems());
    } catch (const std::exception& e) {
        show_problems("Could not change the cadence", {e.what()});
    }
    return false;
}

// [SECTION] Drawing: boards

void ScenarioPanel::draw_contents(PanelContext& ctx) {
    const Session& s = ctx.session;
    if (!s.has_dataset()) {
        ImGui::TextUnformatted("No dataset open.");
        return;
    }
    // Ticks of boards the file no longer has (an undone merge's new board) go.
    std::erase_if(m_state.ticked,
                  [&](const std::string& id) { return !s.dataset().find_board(BoardId(id)); });

    const bool workshop = ctx.view.workshop.enabled;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("Changes measured from: %s.", m_compare.baseline_label().c_str());
    if (!workshop) {
        // On their own line: beside a long file name they were cut off in a 1280-wide window.
        if (ImGui::SmallButton("Reset baseline")) reset_baseline(s);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Make the file as it is now the baseline (the table then shows no change).");
        ImGui::SameLine();
        if (ImGui::SmallButton("Compare with a file\xE2\x80\xA6")) ctx.commands.push(BrowseScenarioBaseline{});
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Measure the changes from another dataset file: the original of a saved scenario, "
                "or another year's landscape.");
        ImGui::TextDisabled(
            "Every change is an ordinary edit: Ctrl+Z undoes it, File > Save as keeps the "
            "scenario as a new file.");
    }
    ImGui::PopTextWrapPos();

    if (!m_state.problems.empty()) {
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0, 1), "%s:", m_state.problems_heading.c_str());
        for (const auto& p : m_state.problems)
            ImGui::BulletText("%s", merge_problem_words(p, MergeWords::popup).c_str());
        if (ImGui::SmallButton("Dismiss")) m_state.problems.clear();
    }
    // In workshop mode the room reads the table: the board list folds away (one click opens
    // it), the ticked boards' cadences stay to be dragged live.
    if (ImGui::CollapsingHeader("Boards", workshop ? 0 : ImGuiTreeNodeFlags_DefaultOpen))
        draw_board_list(ctx);
    draw_ticked(ctx);
    draw_merge_popup(ctx);

    const ScenarioCompare& c = m_compare;
    char line[200];
    std::snprintf(line, sizeof line, "%s%s",
                  c.expected() ? "Expected attendance (no seats in this file)"
                               : "Load and expected attendance",
                  c.previewing() ? "  \xE2\x80\x94 preview, not yet an edit" : "");
    ImGui::Separator();
    ImGui::TextUnformatted(line);
    ImGui::SameLine();
    ImGui::TextDisabled("(recomputed in %.0f ms)", c.last_ms());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Each figure a year: before, after, \xCE\x94 (the change); largest change in hours first.");
    ImGui::PopTextWrapPos();
    ImGui::Checkbox("Only rows that change", &m_state.only_changed);
    ImGui::SameLine();
    const float sw = ImGui::GetFontSize() * 0.8f;
    ImGui::ColorButton("##saves", to_vec4(overlay_colour::saves), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(sw, sw));
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted("saves");
    ImGui::SameLine();
    ImGui::ColorButton("##gains", to_vec4(overlay_colour::gains), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(sw, sw));
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted("gains hours");
    if (ImGui::BeginTabBar("scenario_tabs")) {
        if (ImGui::BeginTabItem("Agencies###agencies")) {
            draw_table(ctx, true);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("People###people")) {
            draw_table(ctx, false);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void ScenarioPanel::draw_board_list(PanelContext& ctx) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const std::string kind_label =
        m_state.kind < 0 ? std::string("Every kind")
                         : std::string(board_kinds()[static_cast<std::size_t>(m_state.kind)].label);
    if (ImGui::BeginCombo("##kind", kind_label.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable("Every kind", m_state.kind < 0)) m_state.kind = -1;
        for (const BoardKindInfo& k : board_kinds()) {
            const int i = static_cast<int>(k.kind);
            if (ImGui::Selectable(std::string(k.label).c_str(), m_state.kind == i))
                m_state.kind = i;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    input_text_with_hint("##filter", "name or id", m_state.filter);
    ImGui::SameLine();
    if (ImGui::Button("Tick the selection")) tick_selection(s, ctx.view.selected);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The selected board; or, with a district selected on the map, the boards over it "
            "(of the kind chosen here).");
    ImGui::SameLine();
    if (ImGui::Button("Clear ticks")) m_state.ticked.clear();

    // Active top-level boards only: a merger or a cadence is about a board that meets today.
    std::vector<std::size_t> shown;
    const auto& active = s.derived().activity.board_active;
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        const Board& board = d.boards[b];
        if (board.parent || (b < active.size() && !active[b])) continue;
        if (m_state.kind >= 0 && static_cast<int>(board.kind) != m_state.kind) continue;
        if (!contains_ci(board.name, m_state.filter) &&
            !contains_ci(board.id.str(), m_state.filter))
            continue;
        shown.push_back(b);
    }
    const float rows = std::clamp(static_cast<float>(shown.size()), 3.0f, 8.0f);
    ImGui::BeginChild("boards", ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing()), true);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(shown.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const Board& board = d.boards[shown[static_cast<std::size_t>(i)]];
            bool on = ticked(board.id.str());
            ImGui::PushID(board.id.str().c_str());
            if (ImGui::Checkbox(board.name.c_str(), &on)) tick(board.id.str(), on);
            ImGui::SameLine();
            ImGui::TextDisabled("%s \xC2\xB7 %s \xC3\x97 %s h", board.id.str().c_str(),
                                scenario_number(board.meetings_per_year).c_str(),
                                scenario_number(board.meeting_hours).c_str());
            ImGui::PopID();
        }
    ImGui::EndChild();
    ImGui::TextDisabled("%zu boards listed, %zu ticked", shown.size(), m_state.ticked.size());
}

void ScenarioPanel::draw_ticked(PanelContext& ctx) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    ImGui::BeginDisabled(m_state.ticked.size() < 2);
    if (ImGui::Button("Merge\xE2\x80\xA6")) begin_merge(s);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(m_state.ticked.size() < 2 ? "tick two or more boards to merge them"
                                                  : "the ticked boards into one new board");
    if (m_state.ticked.empty()) return;
    // Cadence of each ticked board: dragging previews the change in the table; releasing (or
    // Enter after typing) makes it one edit.
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("cadences", 4, flags)) return;
    ImGui::TableSetupColumn("Ticked board", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Meetings a year", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Hours a meeting", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Hours a year", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    const std::vector<std::string> ticks = m_state.ticked;  // a commit may change the ticks
    for (const std::string& id : ticks) {
        const auto b = d.find_board(BoardId(id));
        if (!b) continue;
        const Board& board = d.boards[*b];
        const bool drafting = m_state.cadence && m_state.cadence->board == id;
        double meetings = drafting ? m_state.cadence->meetings_per_year : board.meetings_per_year;
        double hours = drafting ? m_state.cadence->meeting_hours : board.meeting_hours;
        ImGui::PushID(id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(board.name.c_str());
        const double zero = 0, most_meetings = 365, most_hours = 24;
        bool changed_now = false, committed = false, released = false;
        ImGui::TableSetColumnIndex(1);
        ImGui::SetNextItemWidth(-1);
        changed_now |=
            ImGui::DragScalar("##meetings", ImGuiDataType_Double, &meetings, 0.05f, &zero,
                              &most_meetings, "%.1f", ImGuiSliderFlags_AlwaysClamp);
        committed |= ImGui::IsItemDeactivatedAfterEdit();
        released |= ImGui::IsItemDeactivated();
        ImGui::TableSetColumnIndex(2);
        ImGui::SetNextItemWidth(-1);
        changed_now |= ImGui::DragScalar("##hours", ImGuiDataType_Double, &hours, 0.02f, &zero,
                                         &most_hours, "%.2f", ImGuiSliderFlags_AlwaysClamp);
        committed |= ImGui::IsItemDeactivatedAfterEdit();
        released |= ImGui::IsItemDeactivated();
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(scenario_number(meetings * hours).c_str());
        ImGui::PopID();
        if (changed_now) preview_cadence(s, id, meetings, hours);
        if (committed)
            commit_cadence(s, ctx.commands, id, meetings, hours);
        else if (released && drafting) {
            m_state.cadence.reset();
            m_compare.end_preview();
        }
    }
    ImGui::EndTable();
}

void ScenarioPanel::draw_merge_popup(PanelContext& ctx) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    if (m_state.open_merge_popup) {
        ImGui::OpenPopup("Merge boards");
        m_state.open_merge_popup = false;
    }
    m_merge_button.reset();
    if (!ImGui::BeginPopupModal("Merge boards", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (m_state.close_merge_popup) {
        m_state.close_merge_popup = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    MergeDraft& m = m_state.merge;
    std::set<BoardKind> kinds;
    std::string joined;
    double most_meetings = 0, most_hours = 0;
    ImGui::TextUnformatted("Merging, on the date below, into one new board:");
    for (const auto& id : m_state.ticked)
        if (const auto b = d.find_board(BoardId(id))) {
            const Board& board = d.boards[*b];
            ImGui::BulletText("%s (%s)", board.name.c_str(), id.c_str());
            kinds.insert(board.kind);
            joined += (joined.empty() ? "" : " + ") + board.name;
            most_meetings = std::max(most_meetings, board.meetings_per_year);
            most_hours = std::max(most_hours, board.meeting_hours);
        }
    const float w = ImGui::GetFontSize() * 24;
    ImGui::SetNextItemWidth(w);
    if (input_text_with_hint("Name", joined.c_str(), m.name) && !m.id_edited)
        m.id = derived_merge_id(s);
    ImGui::SetNextItemWidth(w);
    if (input_text("Id", m.id)) m.id_edited = true;
    if (m.id_edited) {
        ImGui::SameLine();
        if (ImGui::SmallButton("From the name")) {
            m.id_edited = false;
            m.id = derived_merge_id(s);
        }
    }
    ImGui::SetNextItemWidth(w);
    input_text("Date", m.date);
    ImGui::SameLine();
    ImGui::TextDisabled("(the boards end and the new one starts)");
    if (kinds.size() > 1) {
        ImGui::SetNextItemWidth(w);
        const std::string shown =
            m.kind < 0 ? std::string("choose: the boards' kinds differ")
                       : std::string(board_kinds()[static_cast<std::size_t>(m.kind)].label);
        if (ImGui::BeginCombo("Kind", shown.c_str())) {
            for (const BoardKindInfo& k : board_kinds())
                if (ImGui::Selectable(std::string(k.label).c_str(),
                                      m.kind == static_cast<int>(k.kind)))
                    m.kind = static_cast<int>(k.kind);
            ImGui::EndCombo();
        }
    }
    char hint[96];
    std::snprintf(hint, sizeof hint, "%sx%s (the largest)", scenario_number(most_meetings).c_str(),
                  scenario_number(most_hours).c_str());
    ImGui::SetNextItemWidth(w);
    input_text_with_hint("Cadence", hint, m.cadence);
    ImGui::SameLine();
    ImGui::TextDisabled("meetings a year x hours");
    if (!m_state.problems.empty()) {
        ImGui::Separator();
        for (const auto& p : m_state.problems)
            ImGui::TextColored(ImVec4(0.8f, 0.1f, 0, 1), "%s",
                               merge_problem_words(p, MergeWords::popup).c_str());
    }
    ImGui::Separator();
    if (ImGui::Button("Merge")) confirm_merge(s, ctx.commands);  // closes it on the next draw
    m_merge_button = std::pair{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] Drawing: the before / after tables

void ScenarioPanel::draw_table(PanelContext& ctx, bool agencies) {
    const int t = agencies ? 0 : 1;
    const std::vector<ScenarioRow>& rows = agencies ? m_agency_rows : m_people_rows;
    const ScenarioRow& totals = agencies ? m_agency_totals : m_people_totals;
    // Column groups with something in them: expected attendance (agencies, when any boards
    // expect them) and load (when the file has seats); a national file shows expected only.
    // In each group hours come first (what the rows are ranked by), then meetings.
    const bool show_expected =
        agencies && (totals.before.expected_meetings != 0 || totals.after.expected_meetings != 0);
    const bool show_load =
        !show_expected || totals.before.meetings != 0 || totals.after.meetings != 0;
    std::vector<Column> cols;
    const auto add_expected = [&] {
        cols.push_back({"Exp. hours", &AgencyFigures::expected_hours, 0});
        cols.push_back({"after###eh1", &AgencyFigures::expected_hours, 1});
        cols.push_back({"\xCE\x94###eh2", &AgencyFigures::expected_hours, 2});
        cols.push_back({"Exp. meetings", &AgencyFigures::expected_meetings, 0});
        cols.push_back({"after###em1", &AgencyFigures::expected_meetings, 1});
        cols.push_back({"\xCE\x94###em2", &AgencyFigures::expected_meetings, 2});
    };
    const auto add_load = [&] {
        cols.push_back({"Hours", &AgencyFigures::hours, 0});
        cols.push_back({"after###h1", &AgencyFigures::hours, 1});
        cols.push_back({"\xCE\x94###h2", &AgencyFigures::hours, 2});
        cols.push_back({"Meetings", &AgencyFigures::meetings, 0});
        cols.push_back({"after###m1", &AgencyFigures::meetings, 1});
        cols.push_back({"\xCE\x94###m2", &AgencyFigures::meetings, 2});
    };
    // The group the rows are ranked by comes first: load when the file has seats.
    if (show_load && !m_compare.expected()) add_load();
    if (show_expected) add_expected();
    if (show_load && m_compare.expected()) add_load();
    // Rows as the comparison orders them (largest change in hours first, DESIGN §8.3) until a
    // heading is clicked; the totals stay on top.
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    const int ncols = 1 + static_cast<int>(cols.size());
    if (!ImGui::BeginTable(agencies ? "agencies" : "people", ncols, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 2);  // the header and the totals row
    ImGui::TableSetupColumn(
        agencies ? "Agency" : "Person",
        ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_WidthFixed,
        std::min(ImGui::GetFontSize() * 15, ImGui::GetContentRegionAvail().x * 0.3f), 0);
    for (std::size_t c = 0; c < cols.size(); ++c)
        ImGui::TableSetupColumn(cols[c].label, ImGuiTableColumnFlags_PreferSortDescending, 0.0f,
                                static_cast<ImGuiID>(c + 1));
    ImGui::TableHeadersRow();

    auto& order = m_order[t];
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (m_order_version[t] != m_rows_version || m_order_only_changed[t] != m_state.only_changed ||
        (specs && specs->SpecsDirty) || order.size() > rows.size()) {
        order.clear();
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (!m_state.only_changed || changed(rows[r])) order.push_back(r);
        if (specs && specs->SpecsCount > 0) {
            const auto col = static_cast<std::size_t>(specs->Specs[0].ColumnUserID);
            const bool desc = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                if (col == 0)
                    return desc ? rows[a].name > rows[b].name : rows[a].name < rows[b].name;
                const double x = value(rows[a], cols[col - 1]), y = value(rows[b], cols[col - 1]);
                return desc ? x > y : x < y;
            });
        }
        if (specs) specs->SpecsDirty = false;
        m_order_version[t] = m_rows_version;
        m_order_only_changed[t] = m_state.only_changed;
    }

    const auto cell = [&](const ScenarioRow& r, const Column& c) {
        const double v = value(r, c);
        if (c.side != 2) {
            ImGui::TextUnformatted(scenario_number(v).c_str());
            return;
        }
        const std::string text = scenario_signed_number(v);
        if (text == "0")
            ImGui::TextDisabled("0");
        else
            ImGui::TextColored(to_vec4(v < 0 ? overlay_colour::saves : overlay_colour::gains), "%s",
                               text.c_str());
    };
    std::size_t changed_rows = 0;
    for (const auto& r : rows) changed_rows += changed(r);
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::TableSetColumnIndex(0);
    ImGui::Text("All %zu %s (%zu change)", rows.size(), agencies ? "agencies" : "people",
                changed_rows);
    for (std::size_t c = 0; c < cols.size(); ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c + 1));
        cell(totals, cols[c]);
    }
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(order.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const ScenarioRow& r = rows[order[static_cast<std::size_t>(i)]];
            ImGui::TableNextRow();
            ImGui::PushID(r.id.c_str());
            ImGui::TableSetColumnIndex(0);
            const bool selected = ctx.view.selected && *ctx.view.selected == r.id;
            if (ImGui::Selectable(r.name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns) &&
                ctx.session.scene().find(r.id))
                ctx.commands.push(SelectEntity{r.id, true});
            for (std::size_t c = 0; c < cols.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c + 1));
                cell(r, cols[c]);
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
}

}  // namespace boardscape::viewer
