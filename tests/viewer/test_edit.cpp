// Editing through the library: document edits are boardscape::Edit values applied by the App,
// undone and redone from one ordered history with node moves, and saved atomically. Runs on
// the inline small landscape (fixture.hpp) with no GL.
#include "app/app.hpp"
#include "app/field_edit.hpp"
#include "boardscape/edit.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace boardscape;
using namespace boardscape::viewer;
namespace fs = std::filesystem;

namespace {

fs::path temp_file(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / "boardscape-viewer-edit-tests";
    fs::create_directories(dir);
    const fs::path p = dir / name;
    fs::remove(p);
    return p;
}

/// bob joins csp-north: the membership the tests add (index 7 = after the seven in the fixture).
ApplyEdit add_bob_to_csp() {
    Membership m;
    m.person = PersonId{"bob"};
    m.board = BoardId{"csp-north"};
    m.role = Role::member;
    return ApplyEdit{Edit{edit::InsertMembership{m, 7}, "add membership"}};
}
}  // namespace

TEST_CASE("viewer edit: add membership, undo, redo, save, reload") {
    const fs::path file = temp_file("cycle.json");
    save_dataset_file(viewer_test::small_landscape(), file);
    App app(viewer_test::headless_options());
    REQUIRE(app.open_file(file));
    const std::string before = dataset_to_json_text(app.session().dataset());
    CHECK_FALSE(app.unsaved());

    app.apply_now(add_bob_to_csp());
    REQUIRE(app.session().dataset().memberships.size() == 8);
    CHECK(app.session().dataset().memberships[7].person.str() == "bob");
    CHECK(app.unsaved());
    CHECK(app.window_title().find(" *") != std::string::npos);
    REQUIRE(app.history().next_undo() != nullptr);
    CHECK(describe(*app.history().next_undo()) == "add membership");
    // The scene follows: bob now has an edge to csp-north; positions cover every node.
    CHECK(app.positions().size() == app.session().scene().nodes.size());

    app.apply_now(Undo{});
    CHECK(app.session().dataset().memberships.size() == 7);
    CHECK(dataset_to_json_text(app.session().dataset()) == before);
    CHECK_FALSE(app.unsaved());  // back at the saved point
    REQUIRE(app.history().next_redo() != nullptr);
    CHECK(describe(*app.history().next_redo()) == "add membership");

    app.apply_now(Redo{});
    CHECK(app.session().dataset().memberships.size() == 8);
    CHECK(app.unsaved());

    app.apply_now(Save{});
    CHECK_FALSE(app.unsaved());
    CHECK(app.window_title().find(" *") == std::string::npos);

    const LoadResult reloaded = load_dataset_file(file);
    REQUIRE(reloaded.dataset.memberships.size() == 8);
    CHECK(reloaded.dataset.memberships[7].person.str() == "bob");
    CHECK(reloaded.dataset.memberships[7].board.str() == "csp-north");
    CHECK(reloaded.dataset.memberships[7].role == Role::member);
    // The version the save replaced stays beside it as FILE.bak.
    CHECK(load_dataset_file(backup_path(file)).dataset.memberships.size() == 7);

    // Undoing past the save makes the document dirty again.
    app.apply_now(Undo{});
    CHECK(app.unsaved());
}

TEST_CASE("viewer edit: moves and edits share one ordered history") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const auto alice = *app.session().scene().find("alice");
    const WorldPoint start = app.positions()[alice];
    app.apply_now(add_bob_to_csp());
    app.apply_now(MoveNode{"alice", {start.x + 3, start.y}, true, true, start, false});
    CHECK(describe(*app.history().next_undo()) == "move node");
    app.apply_now(Undo{});
    CHECK(describe(*app.history().next_undo()) == "add membership");
    CHECK(app.session().dataset().memberships.size() == 8);
    app.apply_now(Undo{});
    CHECK(app.session().dataset().memberships.size() == 7);
    CHECK_FALSE(app.history().can_undo());
}

TEST_CASE("viewer edit: delete with dependents is one step and undo restores the text exactly") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const std::string before = dataset_to_json_text(app.session().dataset());
    app.apply_now(SelectEntity{std::string("lscb"), false});

    // lscb goes with its 3 memberships (alice, bob, carol), its sub-group lscb-sub with dave's
    // membership, and the lscb -> hwb protocol.
    const Edit removal = removal_edit(app.session().dataset(), "lscb");
    app.apply_now(ApplyEdit{removal});
    const Dataset& d = app.session().dataset();
    CHECK(d.boards.size() == 2);
    CHECK(d.memberships.size() == 3);
    CHECK(d.relations.empty());
    CHECK(app.session().scene().nodes.size() == 12);  // 14 nodes less lscb and lscb-sub
    CHECK(app.positions().size() == 12);
    CHECK_FALSE(app.view().selected.has_value());  // the selection went with the board

    app.apply_now(Undo{});
    CHECK(dataset_to_json_text(app.session().dataset()) == before);
    CHECK(app.session().scene().nodes.size() == 14);
    CHECK(app.positions().size() == 14);
}

TEST_CASE("viewer edit: an edit the validator refuses is not applied nor recorded") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const std::string before = dataset_to_json_text(app.session().dataset());
    Board b = app.session().dataset().boards[0];
    b.meetings_per_year = -1;
    const Edit bad{edit::ReplaceEntity{b, 0}, "edit meetings a year"};
    CHECK_FALSE(check_edit(app.session().dataset(), bad).empty());
    app.apply_now(ApplyEdit{bad});
    CHECK(dataset_to_json_text(app.session().dataset()) == before);
    CHECK_FALSE(app.history().can_undo());
    CHECK_FALSE(app.unsaved());
    CHECK_FALSE(app.problems().lines.empty());
}

TEST_CASE("viewer edit: dropping a person on a board adds a member, one undo step") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const auto dave = *app.session().scene().find("dave");
    const WorldPoint start = app.positions()[dave];
    const WorldPoint over{start.x + 4, start.y + 4};
    app.apply_now(MoveNode{"dave", over, true, false, std::nullopt, false});  // live drag
    app.apply_now(DropOnNode{"dave", "hwb", start, over});
    const Dataset& d = app.session().dataset();
    REQUIRE(d.memberships.size() == 8);
    CHECK(d.memberships[7].person.str() == "dave");
    CHECK(d.memberships[7].board.str() == "hwb");
    CHECK(d.memberships[7].role == Role::member);
    const auto dave_after = *app.session().scene().find("dave");
    CHECK(app.positions()[dave_after].x == doctest::Approx(start.x));  // back where it was
    CHECK_FALSE(app.pinned()[dave_after]);
    CHECK(describe(*app.history().next_undo()) == "add membership");
    app.apply_now(Undo{});
    CHECK(app.session().dataset().memberships.size() == 7);
    CHECK_FALSE(app.history().can_undo());  // the drag itself left no step

    // A board dropped on a person is just a move.
    const auto hwb = *app.session().scene().find("hwb");
    const WorldPoint hs = app.positions()[hwb];
    app.apply_now(DropOnNode{"hwb", "dave", hs, {hs.x + 2, hs.y}});
    CHECK(app.session().dataset().memberships.size() == 7);
    CHECK(describe(*app.history().next_undo()) == "move node");
}

TEST_CASE("viewer edit: inspector field values are validated and refused values not applied") {
    const Dataset d = viewer_test::small_landscape();
    CHECK(field_text(d, "lscb", EntityField::meetings_per_year) == "6");
    CHECK(field_text(d, "alice", EntityField::title) == "Detective Superintendent");
    CHECK(field_text(d, "police", EntityField::sector) == "police");
    CHECK(field_text(d, 0, MembershipField::role) == "chair");
    CHECK_FALSE(has_field(EntityType::person, EntityField::meetings_per_year));

    // Unchanged text: nothing to do, no error.
    FieldEdit same = entity_field_edit(d, "lscb", EntityField::meetings_per_year, "6");
    CHECK_FALSE(same.edit.has_value());
    CHECK(same.error.empty());
    // Not a number: refused before the validator.
    FieldEdit nan = entity_field_edit(d, "lscb", EntityField::meetings_per_year, "6x");
    CHECK_FALSE(nan.edit.has_value());
    CHECK(nan.error == "not a number: \"6x\"");
    // A number the validator refuses: its message, with the JSON pointer of the field.
    FieldEdit neg = entity_field_edit(d, "lscb", EntityField::meetings_per_year, "-2");
    CHECK_FALSE(neg.edit.has_value());
    CHECK(neg.error.find("/boards/0/meetings_per_year") != std::string::npos);
    FieldEdit bad_sector = entity_field_edit(d, "police", EntityField::sector, "wizards");
    CHECK_FALSE(bad_sector.edit.has_value());
    CHECK_FALSE(bad_sector.error.empty());
    FieldEdit empty_name = entity_field_edit(d, "lscb", EntityField::name, "");
    CHECK_FALSE(empty_name.edit.has_value());
    CHECK_FALSE(empty_name.error.empty());

    // Through the app: a good value applies and undoes; a refused one leaves the dataset alone.
    App app(viewer_test::headless_options());
    app.set_dataset(d, "small.json");
    FieldEdit ok = entity_field_edit(app.session().dataset(), "lscb", EntityField::meetings_per_year, "12");
    REQUIRE(ok.edit.has_value());
    app.apply_now(ApplyEdit{*ok.edit});
    CHECK(app.session().dataset().boards[0].meetings_per_year == 12.0);
    CHECK(describe(*app.history().next_undo()) == "edit board meetings a year");
    FieldEdit role = membership_field_edit(app.session().dataset(), 1, MembershipField::role, "vice_chair");
    REQUIRE(role.edit.has_value());
    app.apply_now(ApplyEdit{*role.edit});
    CHECK(app.session().dataset().memberships[1].role == Role::vice_chair);
    app.apply_now(Undo{});
    app.apply_now(Undo{});
    CHECK(app.session().dataset().boards[0].meetings_per_year == 6.0);
    CHECK(app.session().dataset().memberships[1].role == Role::member);
}

TEST_CASE("viewer edit: quitting with unsaved changes asks first") {
    App clean(viewer_test::headless_options());
    clean.set_dataset(viewer_test::small_landscape(), "small.json");
    clean.request_quit();
    CHECK(clean.wants_quit());

    App edited(viewer_test::headless_options());
    edited.set_dataset(viewer_test::small_landscape(), "small.json");
    edited.apply_now(add_bob_to_csp());
    edited.request_quit();
    CHECK_FALSE(edited.wants_quit());
    CHECK(edited.quit_prompt_open());
}

TEST_CASE("viewer edit: unsaved changes autosave after 60 s and the next start offers them") {
    const fs::path file = temp_file("autosave.json");
    const fs::path recovery = App::recovery_path(file);
    CHECK(recovery.filename() == ".autosave.json.recovery.json");
    fs::remove(recovery);
    save_dataset_file(viewer_test::small_landscape(), file);
    {
        App app(viewer_test::headless_options());
        REQUIRE(app.open_file(file));
        CHECK_FALSE(app.recovery_offered());
        app.autosave_tick(100);  // nothing unsaved: nothing written
        app.apply_now(add_bob_to_csp());
        app.autosave_tick(200);  // the clock starts when changes appear
        app.autosave_tick(259);
        CHECK_FALSE(fs::exists(recovery));
        app.autosave_tick(260);
        CHECK(fs::exists(recovery));
        CHECK(load_dataset_file(file).dataset.memberships.size() == 7);  // the file itself untouched
    }  // closed without saving (a crash, as far as the file knows)
    App next(viewer_test::headless_options());
    REQUIRE(next.open_file(file));
    REQUIRE(next.recovery_offered());
    CHECK(next.session().dataset().memberships.size() == 7);
    next.apply_now(RestoreRecovery{true});
    CHECK_FALSE(next.recovery_offered());
    CHECK(next.session().dataset().memberships.size() == 8);
    CHECK(next.session().path() == file);
    CHECK(next.unsaved());
    next.apply_now(Save{});
    CHECK_FALSE(next.unsaved());
    CHECK_FALSE(fs::exists(recovery));  // saving removes it
    CHECK(load_dataset_file(file).dataset.memberships.size() == 8);

    // Discarding an offer deletes the recovery file.
    next.apply_now(add_bob_to_csp());  // (a second, duplicate seat is still a valid file)
    next.autosave_tick(0);
    next.autosave_tick(60);
    REQUIRE(fs::exists(recovery));
    App third(viewer_test::headless_options());
    REQUIRE(third.open_file(file));
    REQUIRE(third.recovery_offered());
    third.apply_now(RestoreRecovery{false});
    CHECK_FALSE(fs::exists(recovery));
    CHECK(third.session().dataset().memberships.size() == 8);
}

TEST_CASE("viewer: opening a CSV file says what to do with it, not a JSON syntax error") {
    // By its name, and by a first line that reads as a CSV header whatever the name.
    const fs::path named = temp_file("members.CSV");
    const fs::path sniffed = temp_file("members-sheet.txt");
    for (const fs::path& p : {named, sniffed}) {
        std::ofstream out(p);
        out << "\xEF\xBB\xBFperson;board;agency\nAlice Archer;lscb;police\n";
    }
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    for (const fs::path& p : {named, sniffed}) {
        CAPTURE(p);
        CHECK_FALSE(app.open_file(p));
        CHECK(app.problems().heading == "Could not open " + p.filename().string() +
                                            " \xE2\x80\x94 the current map stays open.");
        REQUIRE(app.problems().lines.size() == 1);
        CHECK(app.problems().lines[0] ==
              "this is a CSV file: use File > Import members\xE2\x80\xA6 for a members sheet, or "
              "`boardscape import-csv DIR` for an exported dataset");
        CHECK(app.session().dataset().boards.size() == 4);  // the open map stays
    }
    // A truncated JSON dataset still gets its syntax error.
    const fs::path broken = temp_file("broken.json");
    {
        std::ofstream out(broken);
        out << "{\"format\": \"boardscape\",\n";
    }
    CHECK_FALSE(app.open_file(broken));
    REQUIRE_FALSE(app.problems().lines.empty());
    CHECK(app.problems().lines[0].find("CSV") == std::string::npos);
}

TEST_CASE("viewer edit: without recovery (headless pictures) a leftover autosave is neither offered nor written") {
    const fs::path file = temp_file("no-recovery.json");
    const fs::path recovery = App::recovery_path(file);
    save_dataset_file(viewer_test::small_landscape(), file);
    // A leftover autosave with one seat more than the file (8 against 7).
    Dataset changed = viewer_test::small_landscape();
    changed.memberships.push_back(changed.memberships.front());
    save_dataset_file(changed, recovery);
    AppOptions o = viewer_test::headless_options();
    o.recovery = false;
    App app(o);
    REQUIRE(app.open_file(file));
    CHECK_FALSE(app.recovery_offered());
    CHECK(app.session().dataset().memberships.size() == 7);
    // Unsaved changes for longer than a minute write nothing, and the old autosave is kept
    // for the next interactive start.
    fs::remove(recovery);
    app.apply_now(add_bob_to_csp());
    app.autosave_tick(0);
    app.autosave_tick(61);
    app.autosave_tick(200);
    CHECK_FALSE(fs::exists(recovery));
}
