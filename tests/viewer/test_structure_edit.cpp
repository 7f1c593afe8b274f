// Structural edits the viewer issues (app/structure_edit.hpp): new entities from a dialog draft,
// memberships, relations and footprints — each one library Edit, checked before it is offered,
// with an exact inverse. Values follow the inline small landscape (fixture.hpp).
#include "app/app.hpp"
#include "app/structure_edit.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace boardscape;
using namespace boardscape::viewer;

namespace {

/// Applies a checked edit, returning the inverse (REQUIREs that the edit was offered).
Edit apply_checked(Dataset& d, const FieldEdit& r) {
    REQUIRE_MESSAGE(r.edit.has_value(), r.error);
    CHECK(r.error.empty());
    return apply_edit(d, *r.edit);
}

}  // namespace

TEST_CASE("structure edit: suggested ids are slugs, typed and unique") {
    Dataset d = viewer_test::small_landscape();
    CHECK(suggest_id(d, EntityType::board, "Shire Safeguarding Adults Board") == "board-shire-safeguarding-adults-board");
    CHECK(suggest_id(d, EntityType::person, "Vanessa O'Connell") == "person-vanessa-oconnell");
    CHECK(suggest_id(d, EntityType::area, "  East -- District ") == "area-east-district");
    CHECK(suggest_id(d, EntityType::agency, "") == "agency");
    CHECK(suggest_id(d, EntityType::person, "Zoë Ng") == "person-zo-ng");  // non-ASCII letters drop out

    // Taken ids get the next free number.
    NewEntityDraft draft;
    draft.type = EntityType::area;
    draft.name = "East";
    apply_checked(d, new_entity_edit(d, draft));
    CHECK(d.find("area-east"));
    CHECK(suggest_id(d, EntityType::area, "East") == "area-east-2");
    apply_checked(d, new_entity_edit(d, draft));
    CHECK(d.areas.back().id.str() == "area-east-2");
    CHECK(suggest_id(d, EntityType::area, "East") == "area-east-3");
}

TEST_CASE("structure edit: a new board is inserted last, validated, and undone exactly") {
    Dataset d = viewer_test::small_landscape();
    const std::string before = dataset_to_json_text(d);
    NewEntityDraft draft;
    draft.type = EntityType::board;
    draft.name = "Shire Safeguarding Adults Board";
    draft.kind = "sab";
    draft.footprint = {"shire"};
    draft.meetings_per_year = "4";
    draft.meeting_hours = "2.5";
    const FieldEdit r = new_entity_edit(d, draft);
    REQUIRE(r.edit);
    CHECK(r.edit->label == "add board");
    const Edit inverse = apply_checked(d, r);
    REQUIRE(d.boards.size() == 5);
    const Board& b = d.boards[4];
    CHECK(b.id.str() == "board-shire-safeguarding-adults-board");
    CHECK(b.kind == BoardKind::sab);
    CHECK(b.meetings_per_year == 4.0);
    CHECK(b.meeting_hours == 2.5);
    REQUIRE(b.footprint.size() == 1);
    CHECK(b.footprint[0].str() == "shire");
    apply_edit(d, inverse);
    CHECK(dataset_to_json_text(d) == before);
}

TEST_CASE("structure edit: refused drafts say why and change nothing") {
    const Dataset d = viewer_test::small_landscape();
    NewEntityDraft board;
    board.type = EntityType::board;
    board.name = "New board";
    board.kind = "sab";
    // No footprint: the validator's own message, pointing at the new board (index 4).
    FieldEdit r = new_entity_edit(d, board);
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("/boards/4/footprint") != std::string::npos);

    board.footprint = {"shire"};
    board.kind = "";
    CHECK(new_entity_edit(d, board).error == "choose a board kind");
    board.kind = "sab";
    board.meetings_per_year = "6x";
    CHECK(new_entity_edit(d, board).error == "meetings a year: not a number: \"6x\"");
    board.meetings_per_year = "-1";
    r = new_entity_edit(d, board);
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("/boards/4/meetings_per_year") != std::string::npos);

    // A taken id is a duplicate in the validator's words.
    NewEntityDraft person;
    person.type = EntityType::person;
    person.id = "alice";
    person.name = "Another Alice";
    r = new_entity_edit(d, person);
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("/people/4/id") != std::string::npos);

    // An empty name is refused; a person's agency must be an agency.
    person.id.clear();
    person.name.clear();
    CHECK_FALSE(new_entity_edit(d, person).edit);
    person.name = "Erin Example";
    person.agency = "lscb";
    r = new_entity_edit(d, person);
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("/people/4/agency") != std::string::npos);
    person.agency = "police";
    person.title = "Inspector";
    r = new_entity_edit(d, person);
    REQUIRE(r.edit);
    CHECK(r.edit->label == "add person");

    NewEntityDraft agency;
    agency.type = EntityType::agency;
    agency.name = "Shire Fire";
    agency.footprint = {"shire"};
    CHECK(new_entity_edit(d, agency).error == "choose a sector");
    agency.sector = "fire_rescue";
    CHECK(new_entity_edit(d, agency).edit);
}

TEST_CASE("structure edit: memberships are added and removed, each with an exact inverse") {
    Dataset d = viewer_test::small_landscape();
    const std::string before = dataset_to_json_text(d);
    const Edit undo_add = apply_checked(d, add_membership_edit(d, "dave", "hwb"));
    REQUIRE(d.memberships.size() == 8);
    CHECK(d.memberships[7].person.str() == "dave");
    CHECK(d.memberships[7].board.str() == "hwb");
    CHECK(d.memberships[7].role == Role::member);
    apply_edit(d, undo_add);
    CHECK(dataset_to_json_text(d) == before);

    CHECK_FALSE(add_membership_edit(d, "dave", "police").edit);  // not a board

    const FieldEdit rm = remove_membership_edit(d, 2);  // bob on the LSCB
    REQUIRE(rm.edit);
    CHECK(rm.edit->label == "remove membership");
    const Edit undo_rm = apply_checked(d, rm);
    CHECK(d.memberships.size() == 6);
    CHECK(d.memberships[2].person.str() == "bob");
    CHECK(d.memberships[2].board.str() == "hwb");
    apply_edit(d, undo_rm);
    CHECK(dataset_to_json_text(d) == before);
    CHECK(remove_membership_edit(d, 7).error == "no such membership");
}

TEST_CASE("structure edit: relations between boards") {
    Dataset d = viewer_test::small_landscape();
    const std::string before = dataset_to_json_text(d);
    CHECK(add_relation_edit(d, "lscb", "hwb", "protocol").error == "that relation is already there");
    CHECK(add_relation_edit(d, "lscb", "lscb", "protocol").error == "a board cannot have a relation with itself");
    CHECK(add_relation_edit(d, "lscb", "hwb", "friends").error == "unknown relation kind \"friends\"");
    const FieldEdit bad = add_relation_edit(d, "lscb", "police", "reports_to");
    CHECK_FALSE(bad.edit);
    CHECK(bad.error.find("/relations/1/to") != std::string::npos);

    const Edit undo_add = apply_checked(d, add_relation_edit(d, "csp-north", "hwb", "reports_to"));
    REQUIRE(d.relations.size() == 2);
    CHECK(d.relations[1].from.str() == "csp-north");
    CHECK(d.relations[1].kind == RelationKind::reports_to);
    apply_edit(d, undo_add);
    CHECK(dataset_to_json_text(d) == before);

    const Edit undo_rm = apply_checked(d, remove_relation_edit(d, 0));
    CHECK(d.relations.empty());
    apply_edit(d, undo_rm);
    CHECK(dataset_to_json_text(d) == before);
}

TEST_CASE("structure edit: footprints gain and lose areas but never become empty") {
    Dataset d = viewer_test::small_landscape();
    const std::string before = dataset_to_json_text(d);
    const Edit undo_add = apply_checked(d, footprint_edit(d, "ccg", "south", true));
    REQUIRE(d.agencies[2].footprint.size() == 2);
    CHECK(d.agencies[2].footprint[1].str() == "south");
    CHECK(footprint_edit(d, "ccg", "south", true).error == "that area is already in the footprint");
    const Edit undo_remove = apply_checked(d, footprint_edit(d, "ccg", "north", false));
    REQUIRE(d.agencies[2].footprint.size() == 1);
    CHECK(footprint_edit(d, "ccg", "south", false).error ==
          "a footprint needs at least one area: add another first");
    CHECK(footprint_edit(d, "alice", "south", true).error == "only boards and agencies have a footprint");
    const FieldEdit not_area = footprint_edit(d, "csp-north", "police", true);
    CHECK_FALSE(not_area.edit);
    CHECK(not_area.error.find("/boards/2/footprint/1") != std::string::npos);

    apply_edit(d, undo_remove);
    apply_edit(d, undo_add);
    CHECK(dataset_to_json_text(d) == before);
}

TEST_CASE("structure edit: a new entity through the App is one undo step and gets a place") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json", {});
    const std::size_t nodes = app.session().scene().nodes.size();
    NewEntityDraft draft;
    draft.type = EntityType::person;
    draft.name = "Erin Example";
    draft.agency = "council";
    FieldEdit r = new_entity_edit(app.session().dataset(), draft);
    REQUIRE(r.edit);
    app.apply_now(ApplyEdit{std::move(*r.edit)});
    CHECK(app.session().scene().nodes.size() == nodes + 1);
    CHECK(app.positions().size() == nodes + 1);
    REQUIRE(app.history().next_undo());
    CHECK(describe(*app.history().next_undo()) == "add person");
    CHECK(app.unsaved());
    app.apply_now(Undo{});
    CHECK(app.session().scene().nodes.size() == nodes);
    CHECK_FALSE(app.session().dataset().find("person-erin-example"));
    CHECK_FALSE(app.unsaved());
}

TEST_CASE("the state file names no person while anonymising") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json", {});
    app.apply_now(SelectEntity{"alice", false});
    CHECK(nlohmann::json::parse(app.state_json())["selected"] == "alice");
    app.apply_now(SetAnonymise{true});
    const std::string state = app.state_json();
    CHECK(nlohmann::json::parse(state)["selected"] == "person");
    CHECK(state.find("alice") == std::string::npos);
    CHECK(state.find("Alice") == std::string::npos);
    app.apply_now(SelectEntity{"lscb", false});  // boards are not people: shown as they are
    CHECK(nlohmann::json::parse(app.state_json())["selected"] == "lscb");
}

TEST_CASE("field edit: references, dates, codes and numbers, empty clears, the validator decides") {
    Dataset d = viewer_test::small_landscape();
    const std::string before = dataset_to_json_text(d);

    // A person's agency: an id, checked as a reference (wrong type named, closest id suggested).
    CHECK(field_text(d, "bob", EntityField::agency) == "council");
    FieldEdit r = entity_field_edit(d, "bob", EntityField::agency, "polise");
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("/people/1/agency") != std::string::npos);
    CHECK(r.error.find("police") != std::string::npos);  // "did you mean"
    CHECK_FALSE(entity_field_edit(d, "bob", EntityField::agency, "lscb").edit);  // a board, not an agency
    Edit undo = apply_checked(d, entity_field_edit(d, "bob", EntityField::agency, ""));
    CHECK_FALSE(d.people[1].agency);
    apply_edit(d, undo);

    // An area's parent, code and population.
    CHECK(field_text(d, "north", EntityField::parent) == "shire");
    r = entity_field_edit(d, "shire", EntityField::parent, "north");  // a cycle
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("cycle") != std::string::npos);
    apply_checked(d, entity_field_edit(d, "shire", EntityField::code, "E10000016"));
    CHECK(d.areas[0].code == std::optional<std::string>("E10000016"));
    CHECK(field_text(d, "north", EntityField::population) == "100");
    CHECK(entity_field_edit(d, "north", EntityField::population, "many").error == "not a number: \"many\"");
    CHECK_FALSE(entity_field_edit(d, "north", EntityField::population, "-5").edit);
    apply_checked(d, entity_field_edit(d, "north", EntityField::population, ""));
    CHECK_FALSE(d.areas[1].population);

    // A board's dates and successor.
    CHECK(entity_field_edit(d, "lscb", EntityField::from, "2015-13-01").error ==
          "not a date (YYYY-MM-DD): \"2015-13-01\"");
    apply_checked(d, entity_field_edit(d, "lscb", EntityField::from, "2010-04-01"));
    r = entity_field_edit(d, "lscb", EntityField::until, "2009-01-01");  // before from
    CHECK_FALSE(r.edit);
    CHECK(r.error.find("/boards/0/until") != std::string::npos);
    apply_checked(d, entity_field_edit(d, "lscb", EntityField::until, "2019-09-29"));
    apply_checked(d, entity_field_edit(d, "lscb", EntityField::successor, "hwb"));
    CHECK(field_text(d, "lscb", EntityField::successor) == "hwb");
    CHECK(field_text(d, "lscb", EntityField::until) == "2019-09-29");
    CHECK_FALSE(has_field(EntityType::person, EntityField::successor));
    CHECK(has_field(EntityType::board, EntityField::parent));

    // Membership represents, dates and source.
    CHECK(field_text(d, 0, MembershipField::source) == "Minutes by Alice Archer");
    apply_checked(d, membership_field_edit(d, 0, MembershipField::source, ""));
    CHECK_FALSE(d.memberships[0].source);
    apply_checked(d, membership_field_edit(d, 3, MembershipField::represents, "police"));
    CHECK(d.memberships[3].represents->str() == "police");
    CHECK_FALSE(membership_field_edit(d, 3, MembershipField::represents, "alice").edit);
    apply_checked(d, membership_field_edit(d, 3, MembershipField::from, "2014-01-01"));
    CHECK_FALSE(membership_field_edit(d, 3, MembershipField::until, "2013-01-01").edit);
    CHECK(dataset_to_json_text(d) != before);
}

TEST_CASE("field edit: a relation's kind and note") {
    Dataset d = viewer_test::small_landscape();
    const std::string before = dataset_to_json_text(d);
    CHECK(field_text(d, 0, RelationField::kind) == "protocol");
    CHECK(field_text(d, 0, RelationField::note) == "");
    CHECK(relation_field_edit(d, 0, RelationField::kind, "friends").error == "unknown relation kind \"friends\"");
    CHECK_FALSE(relation_field_edit(d, 0, RelationField::kind, "protocol").edit);  // unchanged: nothing to do
    const FieldEdit k = relation_field_edit(d, 0, RelationField::kind, "reports_to");
    REQUIRE(k.edit);
    CHECK(k.edit->label == "edit relation kind");
    const Edit undo_kind = apply_checked(d, k);
    CHECK(d.relations[0].kind == RelationKind::reports_to);
    const Edit undo_note = apply_checked(d, relation_field_edit(d, 0, RelationField::note, "annual report in March"));
    CHECK(d.relations[0].note == std::optional<std::string>("annual report in March"));
    CHECK(relation_field_edit(d, 1, RelationField::note, "x").error == "no such relation");
    apply_edit(d, undo_note);
    apply_edit(d, undo_kind);
    CHECK(dataset_to_json_text(d) == before);
}

TEST_CASE("edits keep every node where it is, and a new node lands beside its agency") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json", {});
    REQUIRE(app.settle_layout(20000));
    const Scene& before = app.session().scene();
    std::map<std::string, WorldPoint> was;
    for (NodeIndex i = 0; i < before.nodes.size(); ++i) was[before.nodes[i].id] = app.positions()[i];
    const auto same_places = [&](const char* step) {
        INFO(step);
        const Scene& s = app.session().scene();
        for (NodeIndex i = 0; i < s.nodes.size(); ++i)
            if (const auto it = was.find(s.nodes[i].id); it != was.end()) {
                INFO(s.nodes[i].id);
                CHECK(std::abs(app.positions()[i].x - it->second.x) < 1e-9);
                CHECK(std::abs(app.positions()[i].y - it->second.y) < 1e-9);
            }
    };
    // A membership (no new node): nothing moves, even after the layout has run again.
    Membership m;
    m.person = PersonId{"bob"};
    m.board = BoardId{"csp-north"};
    m.role = Role::member;
    app.apply_now(ApplyEdit{Edit{edit::InsertMembership{m, 7}, "add membership"}});
    app.settle_layout(20000);
    same_places("add membership");
    // A new person of the council: placed next to the council, and nothing else moves.
    NewEntityDraft draft;
    draft.type = EntityType::person;
    draft.name = "Erin Example";
    draft.agency = "council";
    FieldEdit r = new_entity_edit(app.session().dataset(), draft);
    REQUIRE(r.edit);
    app.apply_now(ApplyEdit{std::move(*r.edit)});
    app.settle_layout(20000);
    same_places("add person");
    const Scene& s = app.session().scene();
    const auto erin = s.find("person-erin-example");
    const auto council = s.find("council");
    REQUIRE(erin);
    REQUIRE(council);
    // The nearest placed node to the new person is its agency or one of the agency's people.
    double d_council = std::hypot(app.positions()[*erin].x - app.positions()[*council].x,
                                  app.positions()[*erin].y - app.positions()[*council].y);
    double spread = 0;  // the map's size, for scale
    for (const auto& [id, p] : was)
        for (const auto& [id2, q] : was) spread = std::max(spread, std::hypot(p.x - q.x, p.y - q.y));
    CHECK(d_council < 0.5 * spread);
    // Undo: the person goes, everything else still where it was.
    app.apply_now(Undo{});
    app.settle_layout(20000);
    same_places("undo");
}
