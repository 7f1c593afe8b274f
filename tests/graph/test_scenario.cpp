// Scenario operations on the hand fixture of scenario_fixture.hpp (DESIGN §8.3): the merger's
// boards, sub-group copies, seats, relations and layout; history before D unchanged; the
// operations as undoable edits; every refusal with its message.
#include "scenario_fixture.hpp"

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"
#include "boardscape/report/report_json.hpp"
#include "boardscape/scenario.hpp"

#include <doctest/doctest.h>

using namespace boardscape;

namespace {

Dataset fixture() { return parse_dataset(scenario_test::k_fixture, "fixture.json").dataset; }
Date day(const char* s) { return *Date::parse(s); }

MergeSpec tees() {
    MergeSpec m;
    m.boards = {BoardId("sab_c"), BoardId("sab_u")};
    m.name = "Tees SAB";
    return m;
}

ScenarioResult merged() {
    ScenarioSpec spec;
    spec.date = day("2024-04-01");
    spec.merge = tees();
    return apply_scenario(fixture(), spec, day("2030-01-01"));
}

const Board& board(const Dataset& d, const char* id) { return d.boards.at(*d.find_board(BoardId(id))); }

std::vector<std::string> problems_of(const Dataset& d, const ScenarioSpec& spec) {
    try {
        apply_scenario(d, spec, day("2030-01-01"));
    } catch (const ScenarioError& e) {
        return e.problems();
    }
    return {};
}

}  // namespace

TEST_CASE("merge: the new board has the footprint union and the largest cadence, from D") {
    const ScenarioResult r = merged();
    const Dataset& d = r.dataset;
    REQUIRE(r.merged_id == std::optional<std::string>("tees-sab"));  // derived from the name
    CHECK(r.date == day("2024-04-01"));
    const Board& t = board(d, "tees-sab");
    CHECK(t.name == "Tees SAB");
    CHECK(t.kind == BoardKind::sab);
    REQUIRE(t.footprint.size() == 2);
    CHECK(t.footprint[0].value == "c");
    CHECK(t.footprint[1].value == "u");
    CHECK(t.meetings_per_year == 6);  // max(4, 6)
    CHECK(t.meeting_hours == 2);      // max(2, 1.5)
    CHECK(t.from == day("2024-04-01"));
    CHECK_FALSE(t.until);
    CHECK_FALSE(t.parent);
    for (const char* id : {"sab_c", "sab_u"}) {
        CHECK(board(d, id).until == day("2024-04-01"));
        CHECK(board(d, id).successor == std::optional<BoardId>(BoardId("tees-sab")));
    }
    CHECK(d.meta.as_of == day("2024-04-01"));  // raised from 2024-03-01 to D
    // The new board sits at the mean of the merged boards' positions (0,0) and (10,4).
    CHECK(d.layout.positions.at("tees-sab") == std::array<double, 2>{5, 2});
}

TEST_CASE("merge: a live sub-group is copied as SUBID-NEWID, an ended one is left alone") {
    const Dataset d = merged().dataset;
    const Board& copy = board(d, "sab_c_sg-tees-sab");
    CHECK(copy.name == "County SAB review group");
    CHECK(copy.parent == std::optional<BoardId>(BoardId("tees-sab")));
    CHECK(copy.from == day("2024-04-01"));
    CHECK(copy.meetings_per_year == 3);
    CHECK(copy.meeting_hours == 1);
    const Board& sg = board(d, "sab_c_sg");
    CHECK(sg.until == day("2024-04-01"));
    CHECK(sg.successor == std::optional<BoardId>(BoardId("sab_c_sg-tees-sab")));
    CHECK(sg.parent == std::optional<BoardId>(BoardId("sab_c")));
    const Board& old = board(d, "sab_c_old");
    CHECK(old.until == day("2020-01-01"));
    CHECK_FALSE(old.successor);
    CHECK_FALSE(d.find("sab_c_old-tees-sab"));
    CHECK(d.boards.size() == 7);  // 5 + the new board + one copy
}

TEST_CASE("merge: one seat per person from D, role by precedence, fields from the winner") {
    const Dataset d = merged().dataset;
    REQUIRE(d.memberships.size() == 16);  // 11 + ann, bob, cat, cat (copy), gus
    // Active at D: ended at D. Ended before D (dan): untouched.
    for (std::size_t i : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 10u})
        CHECK(d.memberships[i].until == day("2024-04-01"));
    CHECK(d.memberships[7].until == day("2023-01-01"));
    CHECK(d.memberships[7].board.value == "sab_u");
    // eve starts after D: her membership moves to the new board with its own dates.
    CHECK(d.memberships[8].board.value == "tees-sab");
    CHECK(d.memberships[8].from == day("2024-06-01"));
    CHECK_FALSE(d.memberships[8].until);
    CHECK(d.memberships[9].board.value == "hwb_u");
    CHECK_FALSE(d.memberships[9].until);

    const auto& ann = d.memberships[11];
    CHECK(ann.person.value == "ann");
    CHECK(ann.board.value == "tees-sab");
    CHECK(ann.role == Role::chair);  // chair (sab_c) beats member (sab_u)
    CHECK(ann.from == day("2024-04-01"));
    CHECK_FALSE(ann.until);

    const auto& bob = d.memberships[12];  // vice_chair (sab_u) beats member (sab_c)
    CHECK(bob.person.value == "bob");
    CHECK(bob.role == Role::vice_chair);
    CHECK(bob.attendance == Attendance::sporadic);  // from the winner...
    CHECK(bob.seniority == Seniority::unknown);     // ...not the loser's "senior"
    CHECK_FALSE(bob.represents);

    const auto& cat = d.memberships[13];  // adviser twice: the first in file order (sab_c) wins
    CHECK(cat.person.value == "cat");
    CHECK(cat.board.value == "tees-sab");
    CHECK(cat.role == Role::adviser);
    CHECK(cat.seniority == Seniority::senior);
    CHECK_FALSE(cat.source);

    const auto& cat_sg = d.memberships[14];
    CHECK(cat_sg.person.value == "cat");
    CHECK(cat_sg.board.value == "sab_c_sg-tees-sab");
    CHECK(cat_sg.role == Role::member);
    CHECK(cat_sg.from == day("2024-04-01"));

    CHECK(d.memberships[15].person.value == "gus");
    CHECK(d.memberships[15].board.value == "tees-sab");
}

TEST_CASE("merge: relations re-pointed, the self-relation and the duplicate dropped") {
    const Dataset d = merged().dataset;
    REQUIRE(d.relations.size() == 2);
    // r0 sab_c→sab_u became tees-sab→tees-sab (dropped); r1 sab_c→hwb_u re-pointed; r2
    // sab_u→hwb_u reports_to became the same as r1 (dropped); r3 hwb_u→sab_u re-pointed.
    CHECK(d.relations[0].from.value == "tees-sab");
    CHECK(d.relations[0].to.value == "hwb_u");
    CHECK(d.relations[0].kind == RelationKind::reports_to);
    CHECK(d.relations[1].from.value == "hwb_u");
    CHECK(d.relations[1].to.value == "tees-sab");
    CHECK(d.relations[1].kind == RelationKind::protocol);
}

TEST_CASE("merge: before D every analysis equals the original's") {
    const Dataset original = fixture();
    const Dataset after = merged().dataset;
    for (const char* date : {"2024-03-31", "2016-01-01", "2021-06-30"}) {
        CAPTURE(date);
        AnalysisOptions o;
        o.as_of = day(date);
        CHECK(report::to_json(compute_load(after, o)) == report::to_json(compute_load(original, o)));
        CHECK(report::to_json(compute_boundaries(after, o)) ==
              report::to_json(compute_boundaries(original, o)));
        CHECK(report::to_json(compute_overlap(after, o)) ==
              report::to_json(compute_overlap(original, o)));
        CHECK(report::to_json(compute_representation(after, o)) ==
              report::to_json(compute_representation(original, o)));
    }
    // At D the merger shows: four seats on the new board (ann, bob, cat, gus), five from
    // 2024-06-01 when eve's seat starts.
    AnalysisOptions at_d;
    at_d.as_of = day("2024-04-01");
    const LoadReport load = compute_load(after, at_d);
    int seats = -1;
    for (const auto& b : load.boards)
        if (b.id == "tees-sab") seats = b.seats;
    CHECK(seats == 4);
    at_d.as_of = day("2024-07-01");
    for (const auto& b : compute_load(after, at_d).boards)
        if (b.id == "tees-sab") seats = b.seats;
    CHECK(seats == 5);
}

TEST_CASE("merge as an edit: apply, then undo restores the file exactly") {
    Dataset d = fixture();
    const std::string before = dataset_to_json_text(d);
    History h;
    h.apply(d, merge_edit(d, tees(), day("2024-04-01")));
    CHECK(h.undo_label() == "merge boards into 'tees-sab'");
    CHECK(d.find("tees-sab"));
    const std::string after = dataset_to_json_text(d);
    h.undo(d);
    CHECK(dataset_to_json_text(d) == before);
    h.redo(d);
    CHECK(dataset_to_json_text(d) == after);

    // A cadence edit on the new board and an end, each one undo step.
    h.apply(d, cadence_edit(d, BoardId("tees-sab"), Cadence{12, 1.5}));
    CHECK(board(d, "tees-sab").meetings_per_year == 12);
    CHECK(board(d, "tees-sab").meeting_hours == 1.5);
    h.apply(d, end_board_edit(d, BoardId("hwb_u"), day("2024-05-01")));
    CHECK(board(d, "hwb_u").until == day("2024-05-01"));
    h.undo(d);
    h.undo(d);
    CHECK(dataset_to_json_text(d) == after);
}

TEST_CASE("scenario: --cadence on the new board sets the merged cadence, others change theirs") {
    ScenarioSpec spec;
    spec.date = day("2024-04-01");
    spec.merge = tees();
    spec.cadences = {{BoardId("tees-sab"), Cadence{8, std::nullopt}},
                     {BoardId("hwb_u"), Cadence{10, 0.5}}};
    spec.ends = {BoardId("hwb_u")};
    const Dataset d = apply_scenario(fixture(), spec, day("2030-01-01")).dataset;
    CHECK(board(d, "tees-sab").meetings_per_year == 8);
    CHECK(board(d, "tees-sab").meeting_hours == 2);  // hours not given: the largest stays
    CHECK(board(d, "hwb_u").meetings_per_year == 10);
    CHECK(board(d, "hwb_u").meeting_hours == 0.5);
    CHECK(board(d, "hwb_u").until == day("2024-04-01"));  // the end keeps the new cadence
}

TEST_CASE("scenario: D is --date, else the file's as_of, else today") {
    Dataset d = fixture();
    CHECK(scenario_date(d, day("2025-01-01"), day("2030-01-01")) == day("2025-01-01"));
    CHECK(scenario_date(d, std::nullopt, day("2030-01-01")) == day("2024-03-01"));
    d.meta.as_of.reset();
    CHECK(scenario_date(d, std::nullopt, day("2030-01-01")) == day("2030-01-01"));
}

TEST_CASE("cadences and ids: parse_cadence and id_from_name") {
    CHECK(parse_cadence("4")->meetings_per_year == 4);
    CHECK_FALSE(parse_cadence("4")->meeting_hours);
    CHECK(parse_cadence("4x2.5")->meeting_hours == 2.5);
    for (const char* bad : {"", "x2", "4x", "-1", "4x-2", "four", "1e400", "nan", "4x2x3", "4 "})
        CHECK_FALSE(parse_cadence(bad));
    CHECK(id_from_name("Tees SAB (joint)") == "tees-sab-joint");
    CHECK(id_from_name("  Kent & Medway SAB ") == "kent-medway-sab");
    CHECK(id_from_name("---").empty());
}

TEST_CASE("scenario refusals, each with its message, nothing changed") {
    const Dataset d = fixture();
    const auto with_merge = [](std::vector<const char*> ids) {
        ScenarioSpec s;
        s.date = day("2024-04-01");
        s.merge = MergeSpec{};
        for (const char* id : ids) s.merge->boards.emplace_back(id);
        s.merge->name = "Tees SAB";
        return s;
    };
    ScenarioSpec s = with_merge({"sab_c", "hwb_u"});
    CHECK(problems_of(d, s) ==
          std::vector<std::string>{"boards of different kinds: 'sab_c' is sab, 'hwb_u' is hwb "
                                   "(give --kind KIND to merge them as one kind)"});
    s.merge->kind = BoardKind::sab;
    CHECK(problems_of(d, s).empty());

    CHECK(problems_of(d, with_merge({"sab_c", "sab_uu"})) ==
          std::vector<std::string>{"unknown board 'sab_uu' (did you mean 'sab_u'?)"});
    CHECK(problems_of(d, with_merge({"sab_c", "pol"})) ==
          std::vector<std::string>{"'pol' is an agency, not a board"});
    CHECK(problems_of(d, with_merge({"sab_c_sg", "sab_u"})) ==
          std::vector<std::string>{"'sab_c_sg' is a sub-group of 'sab_c'; merge top-level boards "
                                   "(their sub-groups move with them)"});
    CHECK(problems_of(d, with_merge({"sab_c"})) ==
          std::vector<std::string>{"a merge needs at least two boards"});
    CHECK(problems_of(d, with_merge({"sab_c", "sab_c"})) ==
          std::vector<std::string>{"board 'sab_c' is listed twice"});

    s = with_merge({"sab_c", "sab_u"});
    s.merge->new_id = "hwb_u";
    CHECK(problems_of(d, s) ==
          std::vector<std::string>{"id 'hwb_u' is already used by board 'Unitary HWB'; choose "
                                   "another with --id"});
    s.merge->new_id.clear();
    s.merge->name = "Pol";
    CHECK(problems_of(d, s) ==
          std::vector<std::string>{"id 'pol' (derived from the name) is already used by agency "
                                   "'Police'; choose another with --id"});

    s = with_merge({"sab_c", "sab_u"});
    s.date = day("2014-01-01");  // sab_c starts 2015-04-01
    CHECK(problems_of(d, s) ==
          std::vector<std::string>{"board 'sab_c' is not active on 2014-01-01 (from 2015-04-01)"});

    ScenarioSpec c;
    c.date = day("2024-04-01");
    c.cadences = {{BoardId("hwb_uu"), Cadence{4, std::nullopt}}};
    c.ends = {BoardId("sab_c_old"), BoardId("nobody")};
    CHECK(problems_of(d, c) ==
          std::vector<std::string>{"unknown board 'hwb_uu' (did you mean 'hwb_u'?)",
                                   "board 'sab_c_old' is not active on 2024-04-01 (until "
                                   "2020-01-01)",
                                   "unknown board 'nobody'"});
    // merge_edit throws too, leaving the dataset as it was.
    CHECK_THROWS_AS(merge_edit(d, with_merge({"sab_c", "x"}).merge.value(), day("2024-04-01")),
                    ScenarioError);
}

TEST_CASE("scenario: boards may be named by their exact name, a near name suggests the id") {
    Dataset d = fixture();
    ScenarioSpec s;
    s.date = day("2024-04-01");
    s.merge = MergeSpec{};
    s.merge->boards = {BoardId("county  sab"), BoardId(" UNITARY SAB")};  // case, spaces aside
    s.merge->new_id = "tsab";
    s.cadences = {{BoardId("Unitary HWB"), Cadence{12, std::nullopt}}};
    const ScenarioResult r = apply_scenario(d, s, day("2030-01-01"));
    CHECK(r.merged_id == std::optional<std::string>("tsab"));
    CHECK(board(r.dataset, "sab_c").successor == BoardId("tsab"));
    CHECK(board(r.dataset, "sab_u").successor == BoardId("tsab"));
    CHECK(board(r.dataset, "hwb_u").meetings_per_year == 12);

    // No id is near 'Unitary SABB'; the name 'Unitary SAB' is one edit away.
    s.merge->boards = {BoardId("sab_c"), BoardId("Unitary SABB")};
    s.cadences.clear();
    CHECK(problems_of(d, s) ==
          std::vector<std::string>{
              "unknown board 'Unitary SABB' (did you mean 'sab_u', Unitary SAB?)"});

    // A name two boards share names neither.
    d.boards[*d.find_board(BoardId("hwb_u"))].name = "Unitary SAB";
    s.merge->boards = {BoardId("sab_c"), BoardId("unitary sab")};
    CHECK(problems_of(d, s) ==
          std::vector<std::string>{"'unitary sab' is the name of more than one board "
                                   "('sab_u', 'hwb_u'); give the id"});
}
