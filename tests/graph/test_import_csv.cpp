// The CSV reader and ONS header recognition: quoting, line ends, BOM, Windows-1252, locations.
#include <doctest/doctest.h>

#include "boardscape/import/csv.hpp"
#include "boardscape/import/ons_columns.hpp"

using namespace boardscape::import;

TEST_CASE("csv: quoted and unquoted fields, doubled quotes, embedded commas and line ends") {
    const auto t = parse_csv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",2,\n", "t.csv");
    REQUIRE(t.header.size() == 3);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[1].text == "x, y");
    CHECK(t.rows[0].cells[2].text == "say \"hi\"");
    CHECK(t.rows[1].cells[0].text == "multi\nline");
    CHECK(t.rows[1].line == 3);
    CHECK(t.rows[1].cells[1].line == 4);  // after the embedded line end
    CHECK(t.rows[1].cells[2].text.empty());
    CHECK_FALSE(t.transcoded);
}

TEST_CASE("csv: CRLF and CR line ends, a BOM, blank lines, and cell columns") {
    const auto crlf = parse_csv("\xEF\xBB\xBFLAD19CD,LAD19NM\r\nE06000001,Hartlepool\r\n\r\nE06000002,Middlesbrough\r\n", "c.csv");
    CHECK(crlf.had_bom);
    CHECK(crlf.header[0].text == "LAD19CD");
    REQUIRE(crlf.rows.size() == 2);
    CHECK(crlf.rows[1].line == 4);
    CHECK(crlf.rows[0].cells[1].text == "Hartlepool");  // no stray \r
    CHECK(crlf.rows[0].cells[1].column == 11);
    const auto cr = parse_csv("a,b\r1,2\r3,4", "cr.csv");
    REQUIRE(cr.rows.size() == 2);
    CHECK(cr.rows[1].cells[1].text == "4");
    CHECK(cr.rows[1].line == 3);
}

TEST_CASE("csv: Windows-1252 bytes are transcoded, valid UTF-8 is left alone") {
    // 0x92 is a right single quote in Windows-1252 (the ONS 2013 CCG names file has one).
    const auto t = parse_csv("CCG13CD,CCG13NM\nE38000202,NHS Central London (Westminster)\x92s\n", "w.csv");
    CHECK(t.transcoded);
    CHECK(t.rows[0].cells[1].text == "NHS Central London (Westminster)\xE2\x80\x99s");
    const auto u = parse_csv("a\nCaf\xC3\xA9\n", "u.csv");
    CHECK_FALSE(u.transcoded);
    CHECK(u.rows[0].cells[0].text == "Caf\xC3\xA9");
    CHECK(is_valid_utf8("\xE2\x82\xAC"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));  // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
    CHECK(windows1252_to_utf8("\x80") == "\xE2\x82\xAC");
    CHECK(windows1252_to_utf8("\xE9") == "\xC3\xA9");
}

TEST_CASE("csv: malformed input names the line and column") {
    try {
        (void)parse_csv("a,b\n1,\"open\n", "bad.csv");
        FAIL("expected an error");
    } catch (const ImportError& e) {
        CHECK(e.line() == 2);
        CHECK(e.column() == 3);
        CHECK(std::string(e.what()).rfind("bad.csv:2:3: error: quoted field", 0) == 0);
    }
    CHECK_THROWS_AS((void)parse_csv("a,b\n\"x\"y,2\n", "q.csv"), ImportError);
    try {
        (void)parse_csv("a,b\n1,2,3\n", "wide.csv");
        FAIL("expected an error");
    } catch (const ImportError& e) {
        CHECK(e.line() == 2);
        CHECK(e.column() == 5);
    }
    CHECK_THROWS_AS((void)parse_csv("", "empty.csv"), ImportError);
}

TEST_CASE("ons columns: every vintage's header style is recognised") {
    struct Case {
        const char* header;
        OnsEntity entity;
        OnsField field;
        int year;  // 0: none
    };
    const Case cases[] = {
        {"LAD19CD", OnsEntity::district, OnsField::code, 2019},
        {"LAD19NM", OnsEntity::district, OnsField::name, 2019},
        {"ltla24_code", OnsEntity::district, OnsField::code, 2024},
        {"LTLA18NM", OnsEntity::district, OnsField::name, 2018},
        {"CCG15CD", OnsEntity::ccg, OnsField::code, 2015},
        {"CCG13CDH", OnsEntity::ccg, OnsField::alt_code, 2013},
        {"ccg15_code_h", OnsEntity::ccg, OnsField::alt_code, 2015},
        {"icb24_code_nhs", OnsEntity::icb, OnsField::alt_code, 2024},
        {"utla_code", OnsEntity::upper_tier, OnsField::code, 0},
        {"UTLA19NM", OnsEntity::upper_tier, OnsField::name, 2019},
        {"pfa24_code", OnsEntity::police_area, OnsField::code, 2024},
        {"CTY15CD", OnsEntity::county, OnsField::code, 2015},
        {"NHSAT13NM", OnsEntity::nhs_area_team, OnsField::name, 2013},
        {"CSP19NMW", OnsEntity::csp, OnsField::welsh_name, 2019},
        {"lsoa21_count", OnsEntity::lsoa, OnsField::count, 2021},
        {"lad_lsoa21_total", OnsEntity::district, OnsField::total, 0},
        {"pcc_region_name", OnsEntity::police_area, OnsField::name, 0},
        {"probation_region_name", OnsEntity::probation_region, OnsField::name, 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.header);
        const auto col = parse_ons_column(c.header);
        REQUIRE(col.has_value());
        CHECK(col->entity == c.entity);
        CHECK(col->field == c.field);
        CHECK(col->year.value_or(0) == c.year);
    }
    for (const char* h : {"FID", "GlobalID", "share_of_lad_lsoas", "gss-code", "LAD123CD"}) {
        CAPTURE(h);
        CHECK_FALSE(parse_ons_column(h).has_value());
    }
}

TEST_CASE("csv: comma or semicolon is decided from the header line, quoted cells are marked") {
    CHECK(detect_delimiter("a;b;c\n1,5;2;3\n") == ';');
    CHECK(detect_delimiter("\"x;y\",b\n") == ',');  // the ';' is inside quotes
    CHECK(detect_delimiter("a\n;;;\n") == ',');     // only the header counts
    CsvOptions o;
    o.delimiter = 0;
    const auto t = parse_csv("person;board\n\"\";\"Smith; Jo\"\n", "s.csv", o);
    CHECK(t.delimiter == ';');
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].cells[0].quoted);
    CHECK(t.rows[0].cells[0].text.empty());
    CHECK(t.rows[0].cells[1].text == "Smith; Jo");
    o.keep_extra_fields = true;
    const auto extra = parse_csv("a;b\n1;2;3\n", "e.csv", o);
    CHECK(extra.rows[0].cells.size() == 3);
}
