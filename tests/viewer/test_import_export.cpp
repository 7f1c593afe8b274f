// File > Import members… and File > Export > CSV folder…: the preview panel's plan, the Import
// button's one undoable step, and the dataset written as a CSV folder. Inline sheets against the
// small landscape (fixture.hpp); no GL.
//
//   bad sheet                                   good sheet
//   1 person,board,agency,role                  1 person,board,agency,role
//   2 Erin Evans,lscb,police,member    (new)    2 Erin Evans,lscb,police,member    (new)
//   3 Frank Foster,hwb,council,member  (new)    3 Frank Foster,hwb,council,member  (new)
//   4 Gina Green,nowhere,police,member (error:  4 Bob Bellamy,lscb,council,chair   (update)
//                 no board "nowhere", column 12)
#include "app/app.hpp"
#include "boardscape/dataset_csv.hpp"
#include "fixture.hpp"
#include "frame_rig.hpp"

#include <imgui.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace boardscape;
using namespace boardscape::viewer;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir() {
    const fs::path dir = fs::temp_directory_path() / "boardscape-viewer-import-tests";
    fs::create_directories(dir);
    return dir;
}

fs::path write_sheet(const std::string& name, const std::string& text) {
    const fs::path p = temp_dir() / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

}  // namespace

TEST_CASE("viewer import members: an error disables Import and names its line") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const fs::path sheet = write_sheet("bad.csv",
                                       "person,board,agency,role\n"
                                       "Erin Evans,lscb,police,member\n"
                                       "Frank Foster,hwb,council,member\n"
                                       "Gina Green,nowhere,police,member\n");
    app.apply_now(PreviewMembersImport{sheet});
    const ImportMembersPanel& panel = app.import_members_panel();
    CHECK(panel.visible);
    CHECK(panel.plan().rows == 3);
    CHECK(panel.plan().seats_added.size() == 2);
    CHECK(panel.plan().error_count() == 1);
    REQUIRE_FALSE(panel.plan().diagnostics.empty());
    const auto& d = panel.plan().diagnostics.front();
    CHECK(d.severity == Severity::error);
    CHECK(d.line == 4);
    CHECK(d.column == 12);  // the cell starts after "Gina Green," (11 characters)
    CHECK(import::format_sheet_diagnostic(panel.plan().sheet, d).rfind("bad.csv:4:12: error: ", 0) == 0);
    CHECK_FALSE(panel.can_import());
    CHECK_FALSE(panel.import_command().has_value());
}

TEST_CASE("viewer import members: one undoable step, undo restores exactly, redo re-applies") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const std::string before = dataset_to_json_text(app.session().dataset());
    const fs::path sheet = write_sheet("good.csv",
                                       "person,board,agency,role\n"
                                       "Erin Evans,lscb,police,member\n"
                                       "Frank Foster,hwb,council,member\n"
                                       "Bob Bellamy,lscb,council,chair\n");
    app.apply_now(PreviewMembersImport{sheet});
    const ImportMembersPanel& panel = app.import_members_panel();
    CHECK(panel.plan().ok());
    CHECK(panel.plan().people_added.size() == 2);
    CHECK(panel.plan().seats_added.size() == 2);
    REQUIRE(panel.plan().seats_updated.size() == 1);
    CHECK(import::describe_changes(panel.plan().seats_updated[0]) == std::vector<std::string>{"role: member -> chair"});
    REQUIRE(panel.can_import());
    const auto command = panel.import_command();
    REQUIRE(command.has_value());
    app.apply_now(*command);
    CHECK_FALSE(panel.visible);  // the dataset changed: the preview closes

    const Dataset& after = app.session().dataset();
    CHECK(after.people.size() == 6);        // 4 + Erin + Frank
    CHECK(after.memberships.size() == 9);   // 7 + 2
    CHECK(after.memberships[2].role == Role::chair);  // bob on lscb
    const std::string imported = dataset_to_json_text(after);
    REQUIRE(app.history().next_undo() != nullptr);
    CHECK(describe(*app.history().next_undo()) == "import members from good.csv");

    app.apply_now(Undo{});  // ONE step undoes the whole import
    CHECK(dataset_to_json_text(app.session().dataset()) == before);
    CHECK_FALSE(app.history().can_undo());
    app.apply_now(Redo{});
    CHECK(dataset_to_json_text(app.session().dataset()) == imported);
}

TEST_CASE("viewer export CSV folder: writes the six CSVs and meta.json") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const fs::path dir = temp_dir() / "small-csv";
    fs::remove_all(dir);
    app.apply_now(ExportCsvFolder{dir});
    for (const char* name : dataset_csv_files) CHECK(fs::is_regular_file(dir / name));
    CHECK(fs::is_regular_file(dir / dataset_csv_meta_file));
    std::ifstream in(dir / "people.csv", std::ios::binary);
    const std::string people((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int lines = 0;
    for (char c : people) lines += c == '\n';
    CHECK(lines == 5);  // header + alice, bob, carol, dave
}

TEST_CASE("viewer import members: the preview draws in a frame with errors listed") {
    viewer_test::FrameDriver rig(viewer_test::headless_options(), viewer_test::small_landscape(), "small.json");
    App& app = rig.app;
    app.apply_now(PreviewMembersImport{write_sheet("frame.csv",
                                                   "person,board,agency,role\n"
                                                   "Gina Green,nowhere,police,member\n")});
    rig.frames(2);
    CHECK(app.import_members_panel().visible);
    CHECK(app.import_members_panel().plan().error_count() == 1);
    CHECK(app.history().can_undo() == false);  // drawing queued nothing
}
