// One field description drives every format: a column added to a description shows in the
// terminal table, CSV, Markdown, JSON and the XLSX workbook alike.
#include "report/report_schema.hpp"
#include "report/report_schema_json.hpp"

#include "boardscape/report/xlsx.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace boardscape;
using namespace boardscape::report;

namespace {

//   person  seats  hours  late_share      <- late_share: the column a test adds
//   p1          2   24.0       0.125
//   p2          1   12.0       -          (null)
struct Row {
    std::string id;
    int seats = 0;
    double hours = 0;
    std::optional<double> late;
};

schema::Schema<Row> description(bool with_late) {
    schema::Schema<Row> s{{
        {"id", "person", CellType::text, [](const Row& r) { return schema::Value(r.id); }, true},
        {"seats", "seats", CellType::integer,
         [](const Row& r) { return schema::Value(static_cast<long long>(r.seats)); }},
        {"hours", "hours", CellType::hours, [](const Row& r) { return schema::Value(r.hours); }},
    }, {}};
    if (with_late)
        s.fields.push_back({"late_share", "late_share", CellType::share, [](const Row& r) {
                                return r.late ? schema::Value(*r.late)
                                              : schema::Value(std::monostate{});
                            }});
    return s;
}

const std::vector<Row> k_rows = {{"p1", 2, 24, 0.125}, {"p2", 1, 12, std::nullopt}};

Table table(bool with_late) {
    Table t;
    t.id = "people";
    t.title = "People";
    schema::fill_table(t, description(with_late), k_rows, nullptr);
    return t;
}

std::string unzip(const std::string& bytes, const std::string& member) {
    const auto dir = std::filesystem::temp_directory_path() / "boardscape-schema-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "t.xlsx";
    std::ofstream(file, std::ios::binary) << bytes;
    const auto out = dir / "out.xml";
    const std::string cmd =
        "unzip -p '" + file.string() + "' '" + member + "' > '" + out.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(out, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove_all(dir);
    return text;
}

}  // namespace

TEST_CASE("report schema: a column added to one description shows in every format") {
    const Table before = table(false);
    const Table after = table(true);
    REQUIRE(before.columns.size() == 3);
    REQUIRE(after.columns.size() == 4);
    CHECK(after.columns[3].name == "late_share");
    CHECK(after.columns[3].align == Align::right);
    CHECK(after.columns[3].type == CellType::share);

    CHECK(render_csv(before) == "person,seats,hours\r\np1,2,24.0\r\np2,1,12.0\r\n");
    CHECK(render_csv(after) ==
          "person,seats,hours,late_share\r\np1,2,24.0,0.125\r\np2,1,12.0,\r\n");
    CHECK(render_markdown(after) ==
          "### People\n\n| person | seats | hours | late_share |\n"
          "| --- | ---: | ---: | ---: |\n| p1 | 2 | 24.0 | 0.125 |\n| p2 | 1 | 12.0 | - |\n");
    CHECK(render_text(after) ==
          "People\nperson  seats  hours  late_share\n------  -----  -----  ----------\n"
          "p1          2   24.0       0.125\np2          1   12.0           -\n");

    CHECK(schema::rows_json(description(false), k_rows).dump() ==
          R"([{"id":"p1","seats":2,"hours":24.0},{"id":"p2","seats":1,"hours":12.0}])");
    CHECK(schema::rows_json(description(true), k_rows).dump() ==
          R"([{"id":"p1","seats":2,"hours":24.0,"late_share":0.125},)"
          R"({"id":"p2","seats":1,"hours":12.0,"late_share":null}])");

    // XLSX: sheet 2 is the table (sheet 1 says what the file is). D1 is the new header and D2
    // the share stored as a number (no t="s"); D3 (null) is left empty.
    const std::string sheet =
        unzip(xlsx_workbook({after}, WorkbookAbout{"test", "t.json", "T", "", {}}),
              "xl/worksheets/sheet2.xml");
    CHECK(sheet.find(R"(<c r="D1" s=)") != std::string::npos);
    const auto d2 = sheet.find(R"(<c r="D2")");
    REQUIRE(d2 != std::string::npos);
    const std::string cell = sheet.substr(d2, sheet.find("</c>", d2) - d2);
    CHECK(cell.find("t=\"s\"") == std::string::npos);
    CHECK(cell.find("<v>0.125</v>") != std::string::npos);
    CHECK(sheet.find(R"(<c r="D3")") == std::string::npos);
    CHECK(sheet.find(R"(state="frozen")") != std::string::npos);
}

TEST_CASE("report schema: format_cell by cell type") {
    CHECK(schema::format_cell(schema::Value(2.0), CellType::hours) == "2.0");
    CHECK(schema::format_cell(schema::Value(1.0 / 3), CellType::share) == "0.333");
    CHECK(schema::format_cell(schema::Value(std::monostate{}), CellType::integer).empty());
    CHECK(schema::format_cell(schema::Value(schema::Counts{{"a", 1}, {"b", 3}}), CellType::text) ==
          "b 3, a 1");
    CHECK(schema::format_cell(schema::Value(schema::Counts{{"a", 1}, {"b", 3}}),
                              CellType::integer) == "4");
    CHECK(schema::format_cell(schema::Value(schema::Strings{"x", "y"}), CellType::integer) ==
          "2");
    CHECK(schema::format_cell(schema::Value(schema::Strings{"x", "y"}), CellType::text) ==
          "x, y");
}

namespace {

// A board with a nested list of its seats by kind of agency, described once:
//
//   board  kind   seats (nested)                     kind columns (spread), change (signed)
//   b1     lscb   police 2, council 1 (share 0.5)    lscb 1          +1.5
//   b2     hwb    council 3 (share -)                hwb 2           -2.0
struct Seat {
    std::string sector;
    int seats = 0;
    std::optional<double> share;
};
struct BoardRow {
    std::string id;
    std::map<std::string, int> by_kind;
    double change = 0;
    std::vector<Seat> seats;
};

schema::Schema<BoardRow> board_description() {
    using schema::Value;
    schema::Schema<Seat> seat{{
        {"sector", "sector", CellType::text, [](const Seat& s) { return Value(s.sector); }},
        {"seats", "seats", CellType::integer,
         [](const Seat& s) { return Value(static_cast<long long>(s.seats)); }},
        schema::omit_null(schema::Field<Seat>{"share", "share", CellType::share, [](const Seat& s) {
                                                  return s.share ? Value(*s.share) : Value();
                                              }}),
    }};
    schema::Schema<BoardRow> s{{
        {"id", "board", CellType::text, [](const BoardRow& b) { return Value(b.id); }},
        schema::spread(schema::Field<BoardRow>{"", "by_kind", CellType::integer,
                                               [](const BoardRow& b) { return Value(b.by_kind); }},
                       &schema::kind_less),
        schema::signed_change(schema::Field<BoardRow>{
            "change", "change", CellType::hours, [](const BoardRow& b) { return Value(b.change); }}),
    }};
    s.nested.push_back(schema::nested<BoardRow>(
        "seats", "seats", seat, [](const BoardRow& b) -> const std::vector<Seat>& { return b.seats; }));
    return s;
}

const std::vector<BoardRow> k_boards = {
    {"b1", {{"lscb", 1}}, 1.5, {{"police", 2, 0.5}, {"council", 1, std::nullopt}}},
    {"b2", {{"hwb", 2}}, -2, {{"council", 3, std::nullopt}}},
};

}  // namespace

TEST_CASE("report schema: nested lists, spread columns, omitted nulls and signed changes") {
    Table t;
    t.id = "boards";
    t.title = "Boards";
    schema::fill_table(t, board_description(), k_boards, nullptr);
    // Kind columns in vocabulary order (lscb before hwb), 0 where a board has none.
    CHECK(render_csv(t) == "board,lscb,hwb,change\r\nb1,1,0,+1.5\r\nb2,0,2,-2.0\r\n");
    REQUIRE(t.numbers.size() == 2);
    CHECK(t.numbers[0][3] == 1.5);  // the number behind "+1.5"
    CHECK(std::isnan(t.numbers[0][0]));

    Table seats;
    seats.id = "seats";
    seats.title = "Seats";
    schema::fill_nested_table(seats, board_description(), "seats", k_boards);
    CHECK(render_csv(seats) ==
          "board,sector,seats,share\r\nb1,police,2,0.5\r\nb1,council,1,\r\nb2,council,3,\r\n");

    // JSON nests the list in each board; a null share is left out, not written as null.
    CHECK(schema::rows_json(board_description(), k_boards).dump() ==
          R"([{"id":"b1","change":1.5,"seats":[{"sector":"police","seats":2,"share":0.5},)"
          R"({"sector":"council","seats":1}]},)"
          R"({"id":"b2","change":-2.0,"seats":[{"sector":"council","seats":3}]}])");
}

TEST_CASE("report CSV writes formula-looking text as text, numbers as numbers") {
    CHECK(spreadsheet_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")");
    CHECK(spreadsheet_safe("+44 Bob") == "'+44 Bob");
    CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
    CHECK(spreadsheet_safe("-Smith") == "'-Smith");
    CHECK(spreadsheet_safe("-8.0") == "-8.0");
    CHECK(spreadsheet_safe("+1.5") == "+1.5");  // a signed change stays a number
    CHECK(spreadsheet_safe("Ann") == "Ann");
    CHECK(spreadsheet_safe("") == "");
}
