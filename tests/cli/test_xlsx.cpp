// `report … --format xlsx` and `compare --format xlsx`: the workbook is read back with unzip and
// its XML checked (sheet names, numbers stored as numbers, the frozen header, the about sheet).
#include "fixtures.hpp"
#include "run_cli.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace cli_test;

namespace {

std::string unzip(const TempDir& tmp, const std::string& xlsx, const std::string& member) {
    const std::string out = tmp.file("member.xml");
    const std::string cmd = "unzip -p '" + xlsx + "' '" + member + "' > '" + out + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return read_file(out);
}

/// The XML of cell `ref` ("E2") in `sheet`, "" when absent.
std::string cell(const std::string& sheet, const std::string& ref) {
    const auto at = sheet.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) return {};
    return sheet.substr(at, sheet.find("</c>", at) + 4 - at);
}

}  // namespace

// k_small at its as_of 2015-06-30, load by person (hours desc):
//   p1  b1 6×2 h + b2 4×3 h   seats 2  boards 2  meetings 10  hours 24.0
//   p3  b1s 10×1 h + b2 4×3 h seats 2  boards 2  meetings 14  hours 22.0
//   p2  b1 6×2 h (b3 ended)   seats 1  boards 1  meetings 6   hours 12.0
TEST_CASE("report --format xlsx: about sheet, one sheet per table, numbers as numbers") {
    const TempDir tmp;
    const std::string in = tmp.write("small.json", k_small);
    const std::string out = tmp.file("load.xlsx");
    const RunResult r = run_boardscape(
        {"report", "load", in, "--format", "xlsx", "-o", out, "--prep-factor", "0"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());

    const std::string book = unzip(tmp, out, "xl/workbook.xml");
    CHECK(contains(book, R"(<sheet name="about" sheetId="1")"));
    CHECK(contains(book, R"(<sheet name="people" sheetId="2")"));
    CHECK(contains(book, R"(<sheet name="agencies" sheetId="3")"));
    CHECK(contains(book, R"(<sheet name="boards" sheetId="4")"));

    const std::string people = unzip(tmp, out, "xl/worksheets/sheet2.xml");
    CHECK(contains(people, R"(state="frozen")"));
    // Row 2 is p1: C seats 2, D boards 2, E meetings 10, F hours 24 — all numbers (no t="s").
    for (const auto& [ref, v] : std::vector<std::pair<std::string, std::string>>{
             {"C2", "2"}, {"D2", "2"}, {"E2", "10"}, {"F2", "24"}, {"E3", "14"}, {"F4", "12"}}) {
        const std::string c = cell(people, ref);
        CAPTURE(ref);
        CHECK(contains(c, "<v>" + v + "</v>"));
        CHECK_FALSE(contains(c, "t=\"s\""));
    }
    CHECK(contains(cell(people, "A2"), "t=\"s\""));  // the id is text

    const std::string strings = unzip(tmp, out, "xl/sharedStrings.xml");
    for (const char* s : {"boardscape report load", "Small test landscape", "2015-06-30",
                          "--prep-factor", "boardscape", "p1", "Pat One",
                          "attended_hours weights each seat by attendance"})
        CHECK_MESSAGE(contains(strings, s), s);

    // Hours carry a one-decimal format, shares three decimals.
    const std::string styles = unzip(tmp, out, "xl/styles.xml");
    CHECK(contains(styles, R"(formatCode="0.0")"));
}

TEST_CASE("report --format xlsx: usage errors, unwritable target, nothing written on error") {
    const TempDir tmp;
    const std::string in = tmp.write("small.json", k_small);
    const RunResult no_out = run_boardscape({"report", "load", in, "--format", "xlsx"});
    CHECK(no_out.exit_code == 2);
    CHECK(contains(no_out.err, "--format xlsx needs an output file"));
    CHECK(run_boardscape({"report", "load", in, "--format", "xlsx", "-o", "-"}).exit_code == 2);

    const RunResult unwritable = run_boardscape(
        {"report", "load", in, "--format", "xlsx", "-o", tmp.file("no-such-dir/x.xlsx")});
    CHECK(unwritable.exit_code == 1);
    CHECK(contains(unwritable.err, "cannot write"));

    const std::string bad = tmp.write("bad.json", "{");
    const std::string out = tmp.file("bad.xlsx");
    CHECK(run_boardscape({"report", "load", bad, "--format", "xlsx", "-o", out}).exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("report --format xlsx: every kind writes a workbook, companions included") {
    const TempDir tmp;
    const std::string in = tmp.write("small.json", k_small);
    for (const char* kind : {"overlap", "boundaries", "load", "representation"}) {
        CAPTURE(kind);
        const std::string out = tmp.file(std::string(kind) + ".xlsx");
        REQUIRE(run_boardscape({"report", kind, in, "--format", "xlsx", "-o", out}).exit_code ==
                0);
        const std::string book = unzip(tmp, out, "xl/workbook.xml");
        CHECK(contains(book, R"(<sheet name="about")"));
        if (std::string(kind) == "boundaries") CHECK(contains(book, R"(<sheet name="relations")"));
        if (std::string(kind) == "representation") CHECK(contains(book, R"(<sheet name="roles")"));
    }
}

TEST_CASE("compare --format xlsx writes the comparison's tables") {
    const TempDir tmp;
    const std::string in = tmp.write("small.json", k_small);
    const std::string out = tmp.file("cmp.xlsx");
    const RunResult r = run_boardscape({"compare", in, in, "--format", "xlsx", "-o", out});
    REQUIRE(r.exit_code == 0);
    const std::string book = unzip(tmp, out, "xl/workbook.xml");
    CHECK(contains(book, R"(<sheet name="about")"));
    CHECK(contains(book, R"(<sheet name="totals")"));
    CHECK(contains(unzip(tmp, out, "xl/sharedStrings.xml"), "boardscape compare"));
    CHECK(run_boardscape({"compare", in, in, "--format", "xlsx"}).exit_code == 2);
}

// With --prep-factor 0.01, p1's hours are 6×2×1.01 + 4×3×1.01 = 24.24: the text formats show
// 24.2, the workbook stores 24.24 (a sum in Excel adds what the analysis computed) and shows
// it with the one-decimal format.
TEST_CASE("report --format xlsx: full-precision numbers, display-rounded text formats") {
    const TempDir tmp;
    const std::string in = tmp.write("small.json", k_small);
    const std::string out = tmp.file("load.xlsx");
    REQUIRE(run_boardscape({"report", "load", in, "--format", "xlsx", "-o", out, "--prep-factor",
                            "0.01"})
                .exit_code == 0);
    const std::string people = unzip(tmp, out, "xl/worksheets/sheet2.xml");
    const std::string f2 = cell(people, "F2");
    CHECK(contains(f2, "<v>24.24</v>"));
    CHECK_FALSE(contains(f2, "t=\"s\""));
    const RunResult csv = run_boardscape({"report", "load", in, "--format", "csv", "--table",
                                          "people", "--prep-factor", "0.01"});
    CHECK(contains(csv.out, "p1,Pat One,2,2,10,24.2,"));
}

// k_small at 2015-06-30: 4 boards of which 3 active (b3 ended 2015-01-01); 3 top-level (b1,
// b2, b3), 2 active; 6 memberships, 5 counted (p2 on b3 is not).
TEST_CASE("summary --format xlsx: one sheet per table, counts as numbers") {
    const TempDir tmp;
    const std::string in = tmp.write("small.json", k_small);
    const std::string out = tmp.file("summary.xlsx");
    CHECK(run_boardscape({"summary", in, "--format", "xlsx"}).exit_code == 2);
    const RunResult r = run_boardscape({"summary", in, "--format", "xlsx", "-o", out});
    REQUIRE(r.exit_code == 0);
    const std::string book = unzip(tmp, out, "xl/workbook.xml");
    CHECK(contains(book, R"(<sheet name="counts" sheetId="2")"));
    CHECK(contains(book, R"(<sheet name="board_kinds" sheetId="3")"));
    CHECK(contains(book, R"(<sheet name="agency_sectors" sheetId="4")"));
    const std::string counts = unzip(tmp, out, "xl/worksheets/sheet2.xml");
    // Rows: 2 areas, 3 agencies, 4 boards, 5 top-level boards, 6 people, 7 memberships.
    CHECK(contains(cell(counts, "B4"), "<v>4</v>"));
    CHECK(contains(cell(counts, "C4"), "<v>3</v>"));
    CHECK(contains(cell(counts, "C5"), "<v>2</v>"));
    CHECK(contains(cell(counts, "C7"), "<v>5</v>"));
    CHECK(cell(counts, "C2").empty());  // areas have no dates: no active count
    CHECK(contains(unzip(tmp, out, "xl/sharedStrings.xml"), "boardscape summary"));
    // -o also works for the text formats.
    const std::string json_out = tmp.file("summary.json");
    REQUIRE(run_boardscape({"summary", in, "--format", "json", "-o", json_out}).exit_code == 0);
    CHECK(contains(read_file(json_out), R"("memberships": {)"));
}
