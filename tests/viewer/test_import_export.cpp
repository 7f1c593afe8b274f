// File > Import members…, File > Export > CSV folder… and > XLSX report…: the preview panel's
// plan, the Import button's one undoable step, the dataset written as a CSV folder, and a
// report written as a workbook (read back with unzip). Inline sheets against the
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

#include <cstdlib>
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

/// One member of a zip file (unzip -p), "" when it cannot be read.
std::string unzip_member(const fs::path& zip, const std::string& member) {
    const fs::path out = temp_dir() / "member.xml";
    const std::string cmd = "unzip -p '" + zip.string() + "' '" + member + "' > '" + out.string() + "'";
    if (std::system(cmd.c_str()) != 0) return {};
    std::ifstream in(out, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// The <v> of cell `ref` in a sheet's XML ("" when absent).
std::string cell_value(const std::string& sheet, const std::string& ref) {
    const auto at = sheet.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) return {};
    const auto end = sheet.find("</c>", at);
    const auto v = sheet.find("<v>", at);
    if (v == std::string::npos || v > end) return {};
    return sheet.substr(v + 3, sheet.find("</v>", v) - v - 3);
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
    CHECK(app.status() == "Wrote the dataset as CSV files in small-csv/");
    // A save says so; opening another file clears the line (its exports are not this one's).
    app.apply_now(SaveAs{temp_dir() / "small-saved.json"});
    CHECK(app.status() == "Saved small-saved.json");
    app.set_dataset(viewer_test::small_landscape(), "other.json");
    CHECK(app.status().empty());
    app.apply_now(ExportCsvFolder{dir});
    for (const char* name : dataset_csv_files) CHECK(fs::is_regular_file(dir / name));
    CHECK(fs::is_regular_file(dir / dataset_csv_meta_file));
    std::ifstream in(dir / "people.csv", std::ios::binary);
    const std::string people((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    int lines = 0;
    for (char c : people) lines += c == '\n';
    CHECK(lines == 5);  // header + alice, bob, carol, dave
}

// The small landscape as of 2015-01-31, load by person, hours first:
//   alice  lscb 6×3 + hwb 4×2 + csp-north 4×2 = 34 h   bob 26 h   carol 18 h   dave 8 h
// Sheet 2 of a load workbook is "people": A person, B name, C seats, D boards, E meetings,
// F hours.
TEST_CASE("viewer export XLSX report: the library's workbook at the view's date, a status line") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const fs::path file = temp_dir() / "small-load.xlsx";
    fs::remove(file);
    app.apply_now(ExportXlsxReport{file, "load"});
    REQUIRE(fs::is_regular_file(file));
    CHECK(app.status() == "Wrote small-load.xlsx (load report, 3 tables)");
    const std::string people = unzip_member(file, "xl/worksheets/sheet2.xml");
    CHECK(people.find(R"(<c r="F2" s=")") != std::string::npos);
    CHECK(cell_value(people, "F2") == "34");
    CHECK(cell_value(people, "F5") == "8");
    const std::string strings = unzip_member(file, "xl/sharedStrings.xml");
    CHECK(strings.find("Alice Archer") != std::string::npos);
    CHECK(strings.find("2015-01-31") != std::string::npos);
    CHECK(strings.find("boardscape-viewer") != std::string::npos);

    // Names hidden: the workbook is the anonymised copy's, as the CLI's --anonymise writes it.
    app.apply_now(SetAnonymise{true});
    app.apply_now(ExportXlsxReport{file, "load"});
    const std::string hidden = unzip_member(file, "xl/sharedStrings.xml");
    for (const char* n : viewer_test::person_names) CHECK_MESSAGE(hidden.find(n) == std::string::npos, n);
    CHECK(cell_value(unzip_member(file, "xl/worksheets/sheet2.xml"), "F2") == "34");

    // An unknown kind and an unwritable path: a status line and the errors panel, no crash.
    app.apply_now(ExportXlsxReport{file, "nonsense"});
    CHECK(app.status() == "Could not export: no report kind 'nonsense'");
    app.apply_now(ExportXlsxReport{temp_dir() / "no-such-folder" / "x.xlsx", "overlap"});
    CHECK(app.status() == "Could not write x.xlsx");
    CHECK_FALSE(app.problems().lines.empty());
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

// "Create missing agencies": Shire Voluntary Action is not in the small landscape.
//   no sector column        1 person,board,agency,role
//                           2 Erin Evans,lscb,Shire Voluntary Action,member
//     off: error (no agency); on: error (needs a 'sector' column); Import stays disabled.
//   with a sector column    ...,role,sector / ...,member,voluntary
//     on: one agency created (sector voluntary, footprint = lscb's [shire]), Erin and her seat.
TEST_CASE("viewer import members: the create-missing checkbox re-plans with the library's option") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const fs::path plain = write_sheet("missing.csv",
                                       "person,board,agency,role\n"
                                       "Erin Evans,lscb,Shire Voluntary Action,member\n");
    app.apply_now(PreviewMembersImport{plain});
    const ImportMembersPanel& panel = app.import_members_panel();
    CHECK_FALSE(panel.create_missing());
    CHECK_FALSE(panel.can_import());
    REQUIRE(panel.plan().error_count() == 1);
    CHECK(panel.plan().diagnostics[0].message.find("no agency with the id or name") != std::string::npos);

    app.apply_now(panel.create_missing_command(true));  // what ticking the box queues
    CHECK(panel.create_missing());
    CHECK_FALSE(panel.can_import());
    REQUIRE(panel.plan().error_count() == 1);
    CHECK(panel.plan().diagnostics[0].message.find("needs a 'sector' column") != std::string::npos);

    const fs::path with_sector = write_sheet("missing-sector.csv",
                                             "person,board,agency,role,sector\n"
                                             "Erin Evans,lscb,Shire Voluntary Action,member,voluntary\n");
    app.apply_now(PreviewMembersImport{with_sector, true});
    REQUIRE(panel.can_import());
    REQUIRE(panel.plan().agencies_added.size() == 1);
    app.apply_now(*panel.import_command());
    const Dataset& d = app.session().dataset();
    CHECK(d.agencies.size() == 4);
    const Agency& created = d.agencies.back();
    CHECK(created.name == "Shire Voluntary Action");
    CHECK(created.sector == Sector::voluntary);
    REQUIRE(created.footprint.size() == 1);
    CHECK(created.footprint[0].str() == "shire");
    CHECK(d.people.size() == 5);
    CHECK(d.memberships.size() == 8);
    app.apply_now(Undo{});  // one step
    CHECK(app.session().dataset().agencies.size() == 3);
}
