// The Scenario panel in real ImGui frames (no GL): S opens it, three boards are ticked and merged
// by clicking its Merge… popup's Merge button, the before / after table shows the hand-computed
// changes, and Ctrl+Z brings everything back; a cadence previews while dragged and lands as one
// edit; on the map, clicked districts tick their boards and the map's key shows the saving.
//
//        county ⊃ {a, b, c}                      police (county)   health (county, ICB)
//                                                council-a (a)  council-b (b)  council-c (c)
//   sab-a (a) 6 × 2 h     sab-b (b) 4 × 2 h     sab-c (c) 2 × 3 h       (meetings a year × hours)
//     pam (police) ────────── on all three
//     hal (health) ────────── sab-a, sab-b
//     cara (council-a) ────── sab-a
//
// Before: pam 6+4+2 = 12 meetings, 12+8+6 = 26 h; hal 10 meetings, 20 h; cara 6, 12 h. Expected
// attendance (SABs expect councils, the ICB and the police): police and health 12 / 26 h,
// council-a 6 / 12, council-b 4 / 8, council-c 2 / 6.
// Merged at 4 × 2 h over {a, b, c}: every seat and every expected board is 4 meetings, 8 h. So
// pam and police −8 meetings / −18 h; hal −6 / −12 (health's expected −8 / −18); cara and
// council-a −2 / −4; council-c's expected +2 / +2 (it gains); council-b unchanged.
#include "app/app.hpp"
#include "boardscape/dataset_json.hpp"
#include "boardscape/scenario.hpp"
#include "canvas/palette.hpp"
#include "fixture.hpp"
#include "frame_rig.hpp"
#include "overlays/overlay.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

using namespace boardscape;
using namespace boardscape::viewer;

namespace {

const char* const k_three_sabs = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "Three SABs", "as_of": "2024-07-01"},
  "areas": [
    {"id": "county", "name": "County", "kind": "county"},
    {"id": "a", "name": "A District", "parent": "county"},
    {"id": "b", "name": "B District", "parent": "county"},
    {"id": "c", "name": "C District", "parent": "county"}
  ],
  "agencies": [
    {"id": "police", "name": "County Police", "sector": "police", "footprint": ["county"]},
    {"id": "health", "name": "County ICB", "sector": "health_commissioner", "footprint": ["county"]},
    {"id": "council-a", "name": "A Council", "sector": "local_authority", "footprint": ["a"]},
    {"id": "council-b", "name": "B Council", "sector": "local_authority", "footprint": ["b"]},
    {"id": "council-c", "name": "C Council", "sector": "local_authority", "footprint": ["c"]}
  ],
  "boards": [
    {"id": "sab-a", "name": "A SAB", "kind": "sab", "footprint": ["a"], "meetings_per_year": 6, "meeting_hours": 2},
    {"id": "sab-b", "name": "B SAB", "kind": "sab", "footprint": ["b"], "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "sab-c", "name": "C SAB", "kind": "sab", "footprint": ["c"], "meetings_per_year": 2, "meeting_hours": 3}
  ],
  "people": [
    {"id": "pam", "name": "Pam Police", "agency": "police"},
    {"id": "hal", "name": "Hal Health", "agency": "health"},
    {"id": "cara", "name": "Cara Council", "agency": "council-a"}
  ],
  "memberships": [
    {"person": "pam", "board": "sab-a", "role": "member"},
    {"person": "pam", "board": "sab-b", "role": "member"},
    {"person": "pam", "board": "sab-c", "role": "chair"},
    {"person": "hal", "board": "sab-a", "role": "member"},
    {"person": "hal", "board": "sab-b", "role": "member"},
    {"person": "cara", "board": "sab-a", "role": "member"}
  ]
})";

struct ScenarioRig : viewer_test::FrameDriver {
    ScenarioRig()
        : FrameDriver(options(), parse_dataset(k_three_sabs, "three-sabs.json").dataset, "three-sabs.json") {
        frames(2);
    }
    static AppOptions options() {
        AppOptions o;
        o.threaded_layout = false;
        o.remember_recent = false;
        return o;
    }
    ScenarioPanel& panel() { return app.scenario_panel(); }
};

const ScenarioRow* row(const std::vector<ScenarioRow>& rows, const std::string& id) {
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const ScenarioRow& r) { return r.id == id; });
    return it == rows.end() ? nullptr : &*it;
}

bool all_zero(const std::vector<ScenarioRow>& rows) {
    return std::all_of(rows.begin(), rows.end(), [](const ScenarioRow& r) {
        return r.delta.meetings == 0 && r.delta.hours == 0 && r.delta.expected_meetings == 0 &&
               r.delta.expected_hours == 0;
    });
}

bool drawn(App& app, const std::string& text) {
    const auto& lines = app.text_log().lines;
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_SUITE("viewer scenario") {

TEST_CASE("Scenario panel: merge three boards, the table shows each change, undo brings back zero") {
    ScenarioRig rig;
    rig.app.text_log().enabled = true;
    const std::string original = dataset_to_json_text(rig.app.session().dataset());
    rig.app.apply_now(SelectEntity{"sab-a", false});
    rig.key('S');
    ScenarioPanel& panel = rig.panel();
    REQUIRE(panel.visible);
    CHECK(panel.ticked("sab-a"));  // the selection is ticked
    CHECK(rig.app.view().overlay == Overlay::scenario);
    CHECK(ImGui::FindWindowByName("Scenario") != nullptr);
    CHECK(all_zero(panel.agency_rows()));

    panel.tick("sab-b", true);
    panel.tick("sab-c", true);
    panel.begin_merge(rig.app.session());  // what "Merge…" does
    rig.frame();
    const ImGuiWindow* popup = ImGui::FindWindowByName("Merge boards");
    REQUIRE(popup);
    CHECK(popup->Active);
    CHECK(panel.merge_draft().date == "2024-07-01");  // the file's as_of
    panel.merge_draft().name = "County SAB";
    panel.merge_draft().id = panel.derived_merge_id(rig.app.session());
    CHECK(panel.merge_draft().id == "county-sab");
    panel.merge_draft().cadence = "4x2";
    // Click the popup's Merge button.
    rig.frame();
    const auto button = panel.merge_button_rect();
    REQUIRE(button);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((button->first.x + button->second.x) / 2, (button->first.y + button->second.y) / 2);
    rig.frame();
    io.MouseDown[0] = true;
    rig.frame();
    io.MouseDown[0] = false;
    rig.frames(3);
    CHECK(panel.state().problems.empty());
    REQUIRE(rig.app.session().dataset().find_board(BoardId("county-sab")));
    REQUIRE(rig.app.history().next_undo());
    CHECK(describe(*rig.app.history().next_undo()) == "merge boards into 'county-sab'");

    const auto& agencies = panel.agency_rows();
    const ScenarioRow* police = row(agencies, "police");
    REQUIRE(police);
    CHECK(police->before.meetings == 12);
    CHECK(police->before.hours == 26);
    CHECK(police->after.meetings == 4);
    CHECK(police->after.hours == 8);
    CHECK(police->delta.meetings == -8);
    CHECK(police->delta.hours == -18);
    CHECK(police->delta.expected_meetings == -8);
    CHECK(police->delta.expected_hours == -18);
    const ScenarioRow* health = row(agencies, "health");
    REQUIRE(health);
    CHECK(health->delta.meetings == -6);
    CHECK(health->delta.hours == -12);
    CHECK(health->before.expected_hours == 26);
    CHECK(health->delta.expected_hours == -18);
    const ScenarioRow* council_a = row(agencies, "council-a");
    REQUIRE(council_a);
    CHECK(council_a->delta.hours == -4);
    CHECK(council_a->delta.expected_meetings == -2);
    const ScenarioRow* council_c = row(agencies, "council-c");
    REQUIRE(council_c);
    CHECK(council_c->before.expected_hours == 6);
    CHECK(council_c->after.expected_hours == 8);
    CHECK(council_c->delta.expected_meetings == 2);
    CHECK(council_c->delta.expected_hours == 2);
    // Largest change in hours first (DESIGN §8.3), ties by id.
    REQUIRE(agencies.size() == 5);
    CHECK(agencies[0].id == "police");
    CHECK(agencies[1].id == "health");
    CHECK(agencies[2].id == "council-a");
    CHECK(agencies[3].id == "council-b");
    CHECK(agencies[4].id == "council-c");
    // Totals at the top: 28 → 12 meetings, 58 → 24 h; expected 36 → 20, 78 → 40 h.
    CHECK(panel.agency_totals().delta.meetings == -16);
    CHECK(panel.agency_totals().delta.hours == -34);
    CHECK(panel.agency_totals().before.expected_hours == 78);
    CHECK(panel.agency_totals().delta.expected_hours == -38);

    const ScenarioRow* pam = row(panel.people_rows(), "pam");
    REQUIRE(pam);
    CHECK(pam->name == "Pam Police");
    CHECK(pam->delta.meetings == -8);
    CHECK(pam->delta.hours == -18);
    CHECK(row(panel.people_rows(), "hal")->delta.hours == -12);
    CHECK(row(panel.people_rows(), "cara")->delta.hours == -4);
    CHECK(panel.people_totals().delta.hours == -34);

    // What the window drew: the totals row and police's change with a real minus sign.
    rig.frame();
    CHECK(drawn(rig.app, "All 5 agencies (4 change)"));
    CHECK(drawn(rig.app, "\xE2\x88\x92" "18"));
    // The overlay colours agencies by the hours of their seats (this file has seats): police
    // and cara save; council-c's gain is in expected attendance only, so it stays neutral.
    CHECK_FALSE(ImGui::FindWindowByName("Merge boards")->Active);
    const Scene& sc = rig.app.session().scene();
    CHECK(rig.app.overlay().fill[*sc.find("police")] == overlay_colour::saves);
    CHECK(rig.app.overlay().fill[*sc.find("cara")] == overlay_colour::saves);
    CHECK(rig.app.overlay().fill[*sc.find("council-c")] == overlay_colour::faint);
    CHECK(rig.app.overlay().fill[*sc.find("council-b")] == overlay_colour::faint);
    // The legend counts agencies and people apart (a person's hours are also their agency's):
    // police, health and council-a save 18 + 12 + 4 = 34 h, as do pam, hal and cara; the net
    // is the table's total row, −34 h. One sum of both would say "6 save 68 h".
    const auto& summary = rig.app.overlay().summary;
    REQUIRE(summary.size() >= 3);
    CHECK(summary[0] == "Against three-sabs.json as opened, hours a year:");
    CHECK(summary[1] == "Agencies: 3 save 34 h, 0 gain 0 h (net \xE2\x88\x92" "34 h)");
    CHECK(summary[2] == "People: 3 save 34 h, 0 gain 0 h (net \xE2\x88\x92" "34 h)");

    // Ctrl+Z: one step undoes the merger; the table is back to no change.
    ImGui::GetIO().KeyCtrl = true;
    rig.key('Z');
    ImGui::GetIO().KeyCtrl = false;
    CHECK(dataset_to_json_text(rig.app.session().dataset()) == original);
    rig.frame();
    CHECK(all_zero(panel.agency_rows()));
    CHECK(all_zero(panel.people_rows()));
    CHECK(panel.agency_totals().delta.hours == 0);
    CHECK(panel.state().ticked.empty());  // the new board's tick went with it
}

TEST_CASE("Scenario panel: a merge with problems lists each one and changes nothing") {
    ScenarioRig rig;
    rig.key('S');
    ScenarioPanel& panel = rig.panel();
    panel.tick("sab-a", true);
    panel.tick("sab-b", true);
    panel.begin_merge(rig.app.session());
    panel.merge_draft().id = "sab-c";  // taken
    panel.merge_draft().id_edited = true;
    panel.merge_draft().date = "2030-01-01";
    panel.merge_draft().cadence = "often";
    CHECK_FALSE(panel.confirm_merge(rig.app.session(), rig.app.commands()));
    CHECK(panel.state().problems.size() == 1);  // the cadence, before the library is asked
    panel.merge_draft().cadence.clear();
    CHECK_FALSE(panel.confirm_merge(rig.app.session(), rig.app.commands()));
    const auto& p = panel.state().problems;
    CHECK_FALSE(p.empty());
    CHECK(std::any_of(p.begin(), p.end(), [](const std::string& s) { return s.find("sab-c") != std::string::npos; }));
    CHECK(rig.app.commands().empty());
    rig.frame();
    CHECK_FALSE(rig.app.history().can_undo());
    // The library's words name `boardscape scenario`'s options; the popup names its fields.
    const auto used = std::find_if(p.begin(), p.end(), [](const std::string& s) { return s.find("sab-c") != std::string::npos; });
    REQUIRE(used != p.end());
    CHECK(used->ends_with("; choose another with --id"));
    CHECK(merge_problem_words(*used, MergeWords::popup).ends_with("; type another in Id"));
    CHECK(merge_problem_words(*used, MergeWords::options).ends_with("; choose another with --merge-id"));
}

TEST_CASE("Scenario merge problems: the library's option words become the popup's or --merge-*'s") {
    const std::string kinds = "boards of different kinds: 'a' is sab, 'b' is csp (give --kind KIND to merge them as one kind)";
    CHECK(merge_problem_words(kinds, MergeWords::popup) ==
          "boards of different kinds: 'a' is sab, 'b' is csp (choose a Kind to merge them as one kind)");
    CHECK(merge_problem_words(kinds, MergeWords::options) ==
          "boards of different kinds: 'a' is sab, 'b' is csp (give --merge-kind KIND to merge them as one kind)");
    CHECK(merge_problem_words("no id can be derived from the name '+'; give one with --id", MergeWords::popup) ==
          "no id can be derived from the name '+'; type one in Id");
    CHECK(merge_problem_words("board 'x' is not active on 2030-01-01", MergeWords::options) ==
          "board 'x' is not active on 2030-01-01");
}

TEST_CASE("Scenario panel: a cadence previews while dragged, lands as one edit and undoes") {
    ScenarioRig rig;
    rig.key('S');
    ScenarioPanel& panel = rig.panel();
    panel.tick("sab-c", true);
    const auto revision = rig.app.session().revision();
    // Dragging sab-c from 2 to 6 meetings of 3 h: pam (and police) +4 meetings, +12 h a year.
    panel.preview_cadence(rig.app.session(), "sab-c", 6, 3);
    rig.frame();
    CHECK(rig.app.session().revision() == revision);  // no edit yet
    CHECK(panel.compare().previewing());
    CHECK(row(panel.people_rows(), "pam")->delta.hours == 12);
    CHECK(row(panel.agency_rows(), "council-c")->delta.expected_hours == 12);
    CHECK(rig.app.session().dataset().boards[2].meetings_per_year == 2);

    // Release: one cadence edit.
    CHECK(panel.commit_cadence(rig.app.session(), rig.app.commands(), "sab-c", 6, 3));
    rig.frame();
    CHECK(rig.app.session().dataset().boards[2].meetings_per_year == 6);
    CHECK_FALSE(panel.compare().previewing());
    CHECK(row(panel.people_rows(), "pam")->delta.meetings == 4);
    CHECK(row(panel.people_rows(), "pam")->delta.hours == 12);
    rig.app.apply_now(Undo{});
    rig.frame();
    CHECK(rig.app.session().dataset().boards[2].meetings_per_year == 2);
    CHECK(all_zero(panel.people_rows()));
}

TEST_CASE("Scenario panel: anonymised people keep their pseudonyms in the table") {
    ScenarioRig rig;
    rig.app.apply_now(SetAnonymise{true});
    rig.key('S');
    rig.panel().preview_cadence(rig.app.session(), "sab-c", 6, 3);
    rig.frame();
    const ScenarioRow* pam = row(rig.panel().people_rows(), "pam");
    REQUIRE(pam);
    CHECK(pam->name.find("Pam") == std::string::npos);
    CHECK(pam->name == rig.app.session().display_name("pam", true));
}

}  // TEST_SUITE

namespace {

// Four Tees districts with real ONS codes (as in test_map_view.cpp): two partnerships, one
// police force over all four. LSCPs expect the police, so it attends hs and st: 12 meetings,
// 36 h a year. Merged at 4 × 3 h: 4 meetings, 12 h, −24 h shared over its 4 districts.
//        H(8,18)                 hs = Hartlepool + Stockton partnership
//   S(7,17)  M(8,17)  R(9,17)    st = South Tees partnership (M + R)
const char* const k_tees = viewer_test::tees_json;

bool legend_says(const std::vector<LegendEntry>& legend, const std::string& text) {
    return std::any_of(legend.begin(), legend.end(), [&](const LegendEntry& e) { return e.text == text; });
}

}  // namespace

TEST_SUITE("viewer scenario") {

TEST_CASE("Scenario panel on the map: districts clicked tick their boards, the map shows the saving") {
    viewer_test::FrameDriver rig(ScenarioRig::options(), parse_dataset(k_tees, "tees.json").dataset, "tees.json");
    rig.frames(2);
    rig.key('M');
    rig.key('S');
    ScenarioPanel& panel = rig.app.scenario_panel();
    REQUIRE(panel.visible);
    CHECK(rig.app.view().map.measure == MapMeasure::scenario);
    // A click on Middlesbrough, then "Tick the selection": the boards over it (hwb-h is not).
    const map::MapResult* m = rig.app.map_view().result();
    REQUIRE(m);
    for (const char* code : {"E06000002", "E06000001"}) {
        std::size_t cell = 0;
        for (std::size_t c = 0; c < m->cells.size(); ++c)
            if (m->hexes->hexes[m->cells[c].hex].code == code) cell = c;
        const auto p = rig.app.map_view().cell_screen_position(cell);
        REQUIRE(p);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(p->x, p->y);
        rig.frame();
        io.MouseDown[0] = true;
        rig.frame();
        io.MouseDown[0] = false;
        rig.frame();
        panel.tick_selection(rig.app.session(), rig.app.view().selected);
    }
    CHECK(rig.app.view().selected == std::optional<std::string>("h"));
    // Middlesbrough ticked st; Hartlepool ticked hs and its HWB (no kind filter is set).
    CHECK(panel.ticked("st"));
    CHECK(panel.ticked("hs"));
    CHECK(panel.ticked("hwb-h"));
    panel.tick("hwb-h", false);

    panel.begin_merge(rig.app.session());
    panel.merge_draft().name = "Tees Safeguarding Children Partnership";
    panel.merge_draft().cadence = "4x3";
    REQUIRE(panel.confirm_merge(rig.app.session(), rig.app.commands()));
    rig.frames(3);
    const ScenarioRow* police = row(panel.agency_rows(), "cleveland-police");
    REQUIRE(police);
    CHECK(police->before.expected_hours == 36);
    CHECK(police->after.expected_hours == 12);
    CHECK(police->delta.expected_meetings == -8);
    CHECK(police->delta.expected_hours == -24);
    CHECK(panel.compare().expected());  // no seats: the map and the ranking use expected hours
    const auto legend = rig.app.map_view().legend(rig.app.session(), rig.app.view().map);
    CHECK(legend_says(legend, "Saves hours (darker: more; 24 h in all)"));
    CHECK(legend_says(legend, "Gains hours (0 h in all)"));

    rig.app.apply_now(Undo{});
    rig.frames(2);
    CHECK(legend_says(rig.app.map_view().legend(rig.app.session(), rig.app.view().map),
                      "Saves hours (darker: more; 0 h in all)"));
}

TEST_CASE("Scenario panel: a saved scenario compared with its original file shows the merger's changes") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "boardscape-viewer-baseline-tests";
    fs::create_directories(dir);
    const fs::path original = dir / "three-sabs.json";
    {
        std::ofstream out(original);
        out << k_three_sabs;
    }
    // The scenario as `boardscape scenario --merge sab-a,sab-b,sab-c --cadence …` would save it.
    Dataset merged = parse_dataset(k_three_sabs, "three-sabs.json").dataset;
    MergeSpec spec;
    spec.boards = {BoardId("sab-a"), BoardId("sab-b"), BoardId("sab-c")};
    spec.name = "County SAB";
    spec.cadence = Cadence{4, 2};
    apply_edit(merged, merge_edit(merged, spec, Date::parse("2024-07-01").value()));

    viewer_test::FrameDriver rig(ScenarioRig::options(), merged, "merged.json");
    rig.frames(2);
    rig.app.open_scenario();
    rig.frames(2);
    ScenarioPanel& panel = rig.app.scenario_panel();
    CHECK(panel.compare().baseline_label() == "merged.json as opened");
    CHECK(all_zero(panel.agency_rows()));  // reopened, the scenario is its own baseline

    // "Compare with a file…" opens the file browser; choosing the original sets the baseline.
    rig.app.apply_now(BrowseScenarioBaseline{});
    rig.frames(2);
    const ImGuiWindow* files = ImGui::FindWindowByName("Files");
    REQUIRE(files != nullptr);
    CHECK(files->Active);
    rig.app.apply_now(SetScenarioBaseline{original});
    rig.frames(2);
    CHECK(panel.compare().baseline_label() == "three-sabs.json");
    CHECK(rig.app.status() == "Scenario baseline: three-sabs.json");
    const ScenarioRow* police = row(panel.agency_rows(), "police");
    REQUIRE(police != nullptr);
    CHECK(police->before.hours == 26);
    CHECK(police->after.hours == 8);
    CHECK(police->delta.hours == -18);
    const ScenarioRow* council_c = row(panel.agency_rows(), "council-c");
    REQUIRE(council_c != nullptr);
    CHECK(council_c->delta.expected_hours == 2);
    CHECK(rig.app.history().next_undo() == nullptr);  // comparing edits nothing

    // A file that does not load is reported and the baseline stays.
    const fs::path broken = dir / "broken.json";
    {
        std::ofstream out(broken);
        out << "{\"format\": \"boardscape\", \"version\": 1,";
    }
    CHECK_FALSE(rig.app.set_scenario_baseline(broken));
    CHECK(panel.compare().baseline_label() == "three-sabs.json");
    CHECK(rig.app.problems().heading == "Could not compare with broken.json \xE2\x80\x94 the baseline stays three-sabs.json.");
    REQUIRE_FALSE(rig.app.problems().lines.empty());
    CHECK(rig.app.problems().lines[0].find("broken.json:1:39: error: ") != std::string::npos);
}

TEST_CASE("Scenario legend line: saves and gains apart, net as the table's total") {
    // −18, −4 save 22 h; +2.5 gains; net −19.5. No change at all says so.
    CHECK(scenario_change_line("Agencies", {-18, 0, 2.5, -4}) ==
          "Agencies: 2 save 22 h, 1 gain 2.5 h (net \xE2\x88\x92" "19.5 h)");
    CHECK(scenario_change_line("People", {3, 0}) == "People: 0 save 0 h, 1 gain 3 h (net +3 h)");
    CHECK(scenario_change_line("People", {0, 0}) == "People: no change");
    CHECK(scenario_change_line("People", {}) == "People: no change");
}

}  // TEST_SUITE
