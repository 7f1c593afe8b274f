// Edits and their inverses, deletion with dependents, and the undo history.
#include "boardscape/dataset_json.hpp"
#include "boardscape/edit.hpp"

#include <doctest/doctest.h>

using namespace boardscape;

namespace {

//   county ── district-a, district-b
//   lscb (county) ─ lscb-scr (sub-group)        hwb (county)
//   police (county)   ann → lscb (chair), lscb-scr;  bob → hwb (represents police)
const char* k_fixture = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "edit fixture"},
  "areas": [
    {"id": "county", "name": "County"},
    {"id": "district-a", "name": "District A", "parent": "county"},
    {"id": "district-b", "name": "District B", "parent": "county"}
  ],
  "agencies": [{"id": "police", "name": "Police", "sector": "police", "footprint": ["county"]}],
  "boards": [
    {"id": "lscb", "name": "LSCB", "kind": "lscb", "footprint": ["county"],
     "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "lscb-scr", "name": "SCR group", "kind": "lscb", "footprint": ["county"],
     "parent": "lscb", "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "hwb", "name": "HWB", "kind": "hwb", "footprint": ["district-a", "district-b"],
     "meetings_per_year": 6, "meeting_hours": 2}
  ],
  "people": [
    {"id": "ann", "name": "Ann Example"},
    {"id": "bob", "name": "Bob Example", "agency": "police"}
  ],
  "memberships": [
    {"person": "ann", "board": "lscb", "role": "chair"},
    {"person": "ann", "board": "lscb-scr", "role": "member"},
    {"person": "bob", "board": "hwb", "role": "member", "represents": "police"}
  ],
  "relations": [{"from": "lscb", "to": "hwb", "kind": "protocol"}],
  "layout": {"positions": {"lscb": [1, 2]}, "pinned": ["lscb"]}
})";

Dataset fixture() { return parse_dataset(k_fixture, "fixture.json").dataset; }

}  // namespace

TEST_CASE("an insert is undone by its inverse, and the text round-trips exactly") {
    Dataset d = fixture();
    const std::string before = dataset_to_json_text(d);
    Membership m;
    m.person = PersonId("bob");
    m.board = BoardId("lscb");
    m.role = Role::member;
    Edit inverse = apply_edit(d, {edit::InsertMembership{m, 99}, "add membership"});
    REQUIRE(d.memberships.size() == 4);
    CHECK(d.memberships[3].board.value == "lscb");  // index clamped to the end
    apply_edit(d, inverse);
    CHECK(dataset_to_json_text(d) == before);
}

TEST_CASE("an invalid edit is refused with the validator's pointer and changes nothing") {
    Dataset d = fixture();
    const std::string before = dataset_to_json_text(d);
    Membership m;
    m.person = PersonId("bob");
    m.board = BoardId("lscbb");  // typo
    try {
        apply_edit(d, {edit::InsertMembership{m, 0}, "add membership"});
        FAIL("expected EditError");
    } catch (const EditError& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].rfind("/memberships/0/board: ", 0) == 0);
        CHECK(e.problems()[0].find("lscb") != std::string::npos);
    }
    CHECK(dataset_to_json_text(d) == before);
    CHECK(d.find("lscb").has_value());
}

TEST_CASE("a duplicate id and a negative cadence are refused") {
    Dataset d = fixture();
    Person dup;
    dup.id = PersonId("hwb");
    dup.name = "Clash";
    CHECK_FALSE(check_edit(d, {edit::InsertEntity{dup, 0}, ""}).empty());
    Board b = d.boards[2];
    b.meetings_per_year = -1;
    auto problems = check_edit(d, {edit::ReplaceEntity{b, 2}, ""});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("/boards/2/meetings_per_year: ", 0) == 0);
    CHECK(d.boards[2].meetings_per_year == 6);  // check_edit never changes the dataset
}

TEST_CASE("renaming an id that others refer to is refused") {
    Dataset d = fixture();
    Agency a = d.agencies[0];
    a.id = AgencyId("police-2");
    CHECK_THROWS_AS(apply_edit(d, {edit::ReplaceEntity{a, 0}, ""}), EditError);
    CHECK(d.agencies[0].id.value == "police");
}

TEST_CASE("dependents of a board list its memberships, sub-group and relation") {
    Dataset d = fixture();
    auto deps = dependents(d, "lscb");
    // /boards/1 (sub-group), /memberships/0, /relations/0
    REQUIRE(deps.size() == 3);
    CHECK(deps[0].pointer == "/boards/1");
    CHECK(deps[1].pointer == "/memberships/0");
    CHECK(deps[2].pointer == "/relations/0");
}

TEST_CASE("deleting a board takes its sub-group, memberships, relation and layout, undo restores all") {
    Dataset d = fixture();
    const std::string before = dataset_to_json_text(d);
    History h;
    h.apply(d, removal_edit(d, "lscb"));
    CHECK(h.undo_label() == "delete board 'LSCB'");
    CHECK(d.boards.size() == 1);
    CHECK(d.boards[0].id.value == "hwb");
    CHECK(d.memberships.size() == 1);  // only bob's hwb seat
    CHECK(d.relations.empty());
    CHECK(d.layout.positions.empty());
    CHECK(d.layout.pinned.empty());
    CHECK(h.dirty());
    h.undo(d);
    CHECK(dataset_to_json_text(d) == before);
    CHECK_FALSE(h.dirty());
    h.redo(d);
    CHECK(d.boards.size() == 1);
}

TEST_CASE("deleting an agency clears a seat's represents and a person's agency") {
    Dataset d = fixture();
    apply_edit(d, removal_edit(d, "police"));
    CHECK(d.agencies.empty());
    CHECK_FALSE(d.memberships[2].represents.has_value());
    CHECK_FALSE(d.people[1].agency.has_value());
}

TEST_CASE("deleting the only area of a footprint is refused with a reason") {
    Dataset d = fixture();
    CHECK_THROWS_AS(removal_edit(d, "county"), EditError);
    // district-a is one of two in the HWB footprint: it just leaves it.
    apply_edit(d, removal_edit(d, "district-a"));
    REQUIRE(d.boards[2].footprint.size() == 1);
    CHECK(d.boards[2].footprint[0].value == "district-b");
}

TEST_CASE("history: a new edit after undo drops the redo stack and the saved point") {
    Dataset d = fixture();
    History h;
    Board b = d.boards[2];
    b.name = "Health and Wellbeing Board";
    h.apply(d, {edit::ReplaceEntity{b, 2}, "rename board"});
    h.mark_saved();
    h.undo(d);
    CHECK(h.dirty());
    CHECK(h.can_redo());
    CHECK(h.redo_label() == "rename board");
    b.name = "HWB (renamed again)";
    h.apply(d, {edit::ReplaceEntity{b, 2}, "rename board"});
    CHECK_FALSE(h.can_redo());
    CHECK(h.dirty());  // the saved state is no longer reachable
    CHECK(d.boards[2].name == "HWB (renamed again)");
}

TEST_CASE("layout edits skip validation and undo to the previous pin state") {
    Dataset d = fixture();
    Edit inverse = apply_edit(d, {edit::SetLayout{"hwb", std::array<double, 2>{5, 6}, true}, ""});
    CHECK(d.layout.positions.at("hwb")[0] == 5);
    CHECK(d.layout.pinned.size() == 2);
    apply_edit(d, inverse);
    CHECK(d.layout.positions.count("hwb") == 0);
    CHECK(d.layout.pinned.size() == 1);
}
