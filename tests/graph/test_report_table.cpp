// Number formatting and the table renderers of boardscape/report (terminal text, CSV, Markdown),
// on small hand-made tables.
#include "boardscape/report/report_table.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace boardscape;
using namespace boardscape::report;

namespace {

//   Load (test)
//   person  name            hours
//   ------  --------------  -----
//   p1      Ann "A", Smith   24.0
//   p22     |pipe|            3.5
//   p3      -                 0.0      <- empty name shows as "-"
Table sample() {
    Table t;
    t.id = "people";
    t.title = "Load (test)";
    t.columns = {{"person", Align::left}, {"name", Align::left}, {"hours", Align::right}};
    t.rows = {{"p1", "Ann \"A\", Smith", "24.0"}, {"p22", "|pipe|", "3.5"}, {"p3", "", "0.0"}};
    t.note = "a note";
    return t;
}

}  // namespace

TEST_CASE("format_number: up to 3 decimals, no trailing zeros") {
    CHECK(format_number(2) == "2");
    CHECK(format_number(0.5) == "0.5");
    CHECK(format_number(1.0 / 3.0) == "0.333");
    CHECK(format_number(2.0 / 3.0) == "0.667");
    CHECK(format_number(10.25) == "10.25");
    CHECK(format_number(-0.0001) == "0");
    CHECK(format_number(-1.5) == "-1.5");
    CHECK(format_number(1234567) == "1234567");
    CHECK(format_number(0.123456, 1) == "0.1");
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN()).empty());
    CHECK(format_number(std::numeric_limits<double>::infinity()).empty());
    CHECK(format_hours(12) == "12.0");
    CHECK(format_hours(0.25) == "0.2");  // round-half-even on the binary value 0.25
    CHECK(format_hours(7.96) == "8.0");
    CHECK(format_hours(-0.01) == "0.0");
    CHECK(format_optional(std::nullopt).empty());
    CHECK(format_optional(0.25) == "0.25");
}

TEST_CASE("render_text aligns columns, right-aligns numbers and shows nulls as -") {
    const std::string text = render_text(sample());
    CHECK(text ==
          "Load (test)\n"
          "person  name            hours\n"
          "------  --------------  -----\n"
          "p1      Ann \"A\", Smith   24.0\n"
          "p22     |pipe|            3.5\n"
          "p3      -                 0.0\n"
          "a note\n");
}

TEST_CASE("render_text: empty tables, long cells, UTF-8 widths, no trailing blanks") {
    Table t;
    t.title = "Nothing";
    t.columns = {{"a", Align::left}};
    CHECK(render_text(t) == "Nothing\n(none)\n");

    Table u;
    u.title = "T";
    u.columns = {{"name", Align::left}, {"n", Align::right}, {"last", Align::left}};
    u.rows = {{"Zoë Ångström", "1", "x"}, {"abcdefghij", "22", "a much longer cell"}};
    TextOptions opts;
    opts.max_cell_width = 8;
    // "Zoë Ångström" is 12 code points: cut to 5 + "..."; widths count code points, not bytes.
    CHECK(render_text(u, opts) ==
          "T\n"
          "name       n  last\n"
          "--------  --  --------\n"
          "Zoë Å...   1  x\n"
          "abcde...  22  a muc...\n");
}

TEST_CASE("render_csv quotes per RFC 4180 and ends records with CRLF") {
    CHECK(render_csv(sample()) ==
          "person,name,hours\r\n"
          "p1,\"Ann \"\"A\"\", Smith\",24.0\r\n"
          "p22,|pipe|,3.5\r\n"
          "p3,,0.0\r\n");
    Table t;
    t.columns = {{"a", Align::left}, {"b", Align::left}};
    t.rows = {{"line\nbreak", "cr\rhere"}};
    CHECK(render_csv(t) == "a,b\r\n\"line\nbreak\",\"cr\rhere\"\r\n");
}

TEST_CASE("render_markdown makes a GitHub table with alignment and escaped pipes") {
    CHECK(render_markdown(sample()) ==
          "### Load (test)\n"
          "\n"
          "| person | name | hours |\n"
          "| --- | --- | ---: |\n"
          "| p1 | Ann \"A\", Smith | 24.0 |\n"
          "| p22 | \\|pipe\\| | 3.5 |\n"
          "| p3 | - | 0.0 |\n"
          "\n"
          "_a note_\n");
}

TEST_CASE("render joins tables with a blank line, parse_table_format") {
    Table a = sample();
    a.note.clear();
    Table b;
    b.title = "B";
    b.columns = {{"x", Align::right}};
    b.rows = {{"1"}};
    CHECK(render({a, b}, TableFormat::csv) == render_csv(a) + "\r\n" + render_csv(b));
    CHECK(render({a, b}, TableFormat::text) == render_text(a) + "\n" + render_text(b));
    CHECK(parse_table_format("table") == TableFormat::text);
    CHECK(parse_table_format("csv") == TableFormat::csv);
    CHECK(parse_table_format("md") == TableFormat::markdown);
    CHECK_FALSE(parse_table_format("json").has_value());
}

TEST_CASE("load_tables: one row per entry, names, hours to one decimal") {
    LoadReport r;
    r.as_of = Date{2015, 1, 31};
    r.people = {{"p1", 2, 2, 10, 24, 18}, {"p2", 1, 1, 6.5, 12.25, 0}};
    r.agencies = {{"la", Sector::local_authority, 2, 1, 2, 10, 24, 18}};
    BoardLoad b;
    b.id = "b1";
    b.seats = 3;
    b.seats_by_group = {{"council", 1}, {"health", 2}};
    b.largest_group = "health";
    b.largest_group_seats = 2;
    r.boards = {b};
    const auto tables = load_tables(r);
    REQUIRE(tables.size() == 3);
    CHECK(tables[0].id == "people");
    CHECK(tables[0].title == "Load by person: meetings and hours a year - as of 2015-01-31");
    REQUIRE(tables[0].rows.size() == 2);
    CHECK(tables[0].rows[1] == std::vector<std::string>{"p2", "1", "1", "6.5", "12.2", "0.0"});
    CHECK(tables[1].rows[0][1] == "local_authority");
    // Largest group first in the list; no largest sector on this hand-made board → null.
    CHECK(tables[2].rows[0] ==
          std::vector<std::string>{"b1", "3", "health", "2", "", "0", "health 2, council 1"});
    r.prep_factor = 0.5;
    r.travel_hours = 1;
    CHECK(load_tables(r)[0].title ==
          "Load by person: meetings and hours a year (prep factor 0.5, travel 1 h a meeting) - "
          "as of 2015-01-31");
}

TEST_CASE("representation matrix: sectors and roles as columns, absent and not-expected") {
    RepresentationResult r;
    BoardRepresentation b1;
    b1.id = "b1";
    b1.kind = BoardKind::lscb;
    b1.expected = {{Sector::police, true, 2, 1, 1, 0, 0, 1}, {Sector::cafcass, false}};
    b1.roles = {{Role::lay_member, 2, 1}};
    b1.other_sectors = {{"voluntary", 2}, {"independent", 1}};
    BoardRepresentation b2;
    b2.id = "b2";
    b2.kind = BoardKind::hwb;
    b2.expected = {{Sector::local_authority, true, 1, 1, 1, 0, 0, 1}};
    r.boards = {b1, b2};
    const auto tables = representation_tables(r);
    REQUIRE(tables.size() == 4);
    const Table& m = tables[0];
    std::vector<std::string> names;
    for (const auto& c : m.columns) names.push_back(c.name);
    // Sectors in vocabulary order, then roles, then everything else.
    CHECK(names == std::vector<std::string>{"board", "kind", "local_authority", "police", "cafcass",
                                            "lay_member", "other_sectors"});
    CHECK(m.rows[0] == std::vector<std::string>{"b1", "lscb", "", "2 (1)", "absent", "1/2",
                                                "voluntary 2, independent 1"});
    CHECK(m.rows[1] == std::vector<std::string>{"b2", "hwb", "1 (1)", "", "", "", ""});
    CHECK(tables[1].detail);
    CHECK(tables[1].rows.size() == 3);
    CHECK(tables[1].rows[1] ==
          std::vector<std::string>{"b1", "cafcass", "absent", "0", "0", "0", "0", "0", "0"});
}

TEST_CASE("overlap and boundaries tables") {
    OverlapResult o;
    o.board_pairs = {{"a", "b", 2, 2.0 / 3.0, 1, 2}};
    o.people = {{"p1", 2}, {"p2", 1}};
    o.multi_board_people = 1;
    o.chairs_of_several = {"p1"};
    o.brokers = {{"a", EntityType::board, 0.5}};
    const auto ot = overlap_tables(o);
    REQUIRE(ot.size() == 4);
    CHECK(ot[0].rows[2] == std::vector<std::string>{"interlock_density", ""});
    CHECK(ot[1].rows[0] == std::vector<std::string>{"a", "b", "2", "0.667", "1", "2"});
    CHECK(ot[2].rows[0] == std::vector<std::string>{"p1", "2", "yes"});
    CHECK(ot[2].rows[1] == std::vector<std::string>{"p2", "1", ""});
    CHECK(ot[3].rows[0] == std::vector<std::string>{"a", "board", "0.5"});

    BoundariesResult b;
    AgencyBoundaries ag;
    ag.id = "pol";
    ag.sector = Sector::police;
    ag.boards_to_attend = {{"sab", 1}, {"lscb", 2}};
    ag.meetings_to_attend = 16;
    // Expected: one of the two lscbs and the sab (say 4 + 6 meetings, 30.5 hours); the hwb of
    // its patch expects no police, so the kind columns (expected, by kind) never list it.
    ag.boards_to_attend["hwb"] = 1;
    ag.expected_boards = {{"sab", 1}, {"lscb", 1}};
    ag.expected_meetings = 10;
    ag.expected_hours = 30.5;
    ag.relations = {{"b1", BoundaryRelation::straddles, 0.4}, {"b2", BoundaryRelation::equal, {}}};
    b.agencies = {ag};
    b.boards = {{"b1", BoardKind::lscb, {"la", "pol"}, 0.5, {"pol"}}};
    b.rules = "mine.json";
    const auto bt = boundaries_tables(b);
    REQUIRE(bt.size() == 4);
    std::vector<std::string> names;
    for (const auto& c : bt[0].columns) names.push_back(c.name);
    // Expected first, then the patch (DESIGN §4 "Expected attendance").
    CHECK(names == std::vector<std::string>{"agency", "sector", "expected_boards",
                                            "expected_meetings", "expected_hours", "lscb", "sab",
                                            "boards_to_attend", "meetings_to_attend",
                                            "straddles"});
    CHECK(bt[0].rows[0] ==
          std::vector<std::string>{"pol", "police", "2", "10", "30.5", "1", "1", "4", "16", "1"});
    CHECK(bt[0].note.find("statutory/expected partner (rules: mine.json)") != std::string::npos);
    CHECK(bt[0].note.find("patch: every board whose footprint meets the agency's") !=
          std::string::npos);
    CHECK(bt[1].rows[0] == std::vector<std::string>{"b1", "lscb", "2", "0.5", "pol"});
    // The companion by kind: every patch kind, vocabulary order, with both counts.
    CHECK(bt[2].id == "agency_kinds");
    CHECK(bt[2].detail);
    CHECK(bt[2].rows == std::vector<std::vector<std::string>>{{"pol", "lscb", "1", "2"},
                                                              {"pol", "hwb", "0", "1"},
                                                              {"pol", "sab", "1", "1"}});
    CHECK(bt[3].rows[1] == std::vector<std::string>{"pol", "b2", "equal", ""});
}
