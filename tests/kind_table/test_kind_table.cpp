// Adding a board kind is one row in graph/include/boardscape/board_kinds.def. This suite is
// built with BOARDSCAPE_TEST_ONLY_KIND, which switches on a test-only row (`test_kind`, "TK",
// colour #123456, 5 meetings × 1.5 h), and checks that the row alone reaches every user of the
// vocabulary: the validator and its suggestions, the analyses and report tables, the rules
// parser, the importer's default cadence column and the viewer's legend and filters.
#include "app/kind_legend.hpp"
#include "app/vocab_labels.hpp"
#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"
#include "boardscape/report/report_table.hpp"
#include "canvas/palette.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace boardscape;

#ifndef BOARDSCAPE_TEST_ONLY_KIND
#error "this suite must be compiled with BOARDSCAPE_TEST_ONLY_KIND"
#endif

namespace {

//   area "shire"  ── board "tb" (test_kind, 5 × 1.5 h), board "h" (hwb)
//   agency "pol" (police) covers shire; person "p" from pol sits on tb
std::string fixture(std::string_view kind) {
    return R"({"format": "boardscape", "version": 1,
  "areas": [{"id": "shire", "name": "Shire"}],
  "agencies": [{"id": "pol", "name": "Shire Police", "sector": "police", "footprint": ["shire"]}],
  "boards": [{"id": "tb", "name": "Test board", "kind": ")" +
           std::string(kind) + R"(", "footprint": ["shire"],
              "meetings_per_year": 5, "meeting_hours": 1.5},
             {"id": "h", "name": "Shire HWB", "kind": "hwb", "footprint": ["shire"],
              "meetings_per_year": 6, "meeting_hours": 3}],
  "people": [{"id": "p", "name": "P", "agency": "pol"}],
  "memberships": [{"person": "p", "board": "tb", "role": "member"}]})";
}

}  // namespace

TEST_CASE("kind table: the test-only row is a kind like any other") {
    REQUIRE(board_kind_count == 17);
    CHECK(board_kinds().back().kind == BoardKind::other);
    const BoardKindInfo& row = info(BoardKind::test_kind);
    CHECK(row.id == "test_kind");
    CHECK(to_string(BoardKind::test_kind) == "test_kind");
    CHECK(parse_board_kind("test_kind") == BoardKind::test_kind);
    CHECK(row.meetings_per_year == 5);
    CHECK(row.meeting_hours == 1.5);
}

TEST_CASE("kind table: the validator accepts the new kind and suggests it for a typo") {
    const LoadResult ok = parse_dataset(fixture("test_kind"), "t.json");
    CHECK(ok.dataset.boards[0].kind == BoardKind::test_kind);

    try {
        (void)parse_dataset(fixture("tset_kind"), "t.json");
        FAIL("a misspelt kind loaded");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const Diagnostic& d = e.diagnostics()[0];
        CHECK(d.pointer == "/boards/0/kind");
        CHECK(d.message.find("yjmb, test_kind, other") != std::string::npos);
        CHECK(d.message.find("did you mean 'test_kind'?") != std::string::npos);
    }
}

TEST_CASE("kind table: reports count the new kind in its own column") {
    const LoadResult r = parse_dataset(fixture("test_kind"), "t.json");
    const BoundariesResult b = compute_boundaries(r.dataset, {});
    REQUIRE(b.agencies.size() == 1);
    CHECK(b.agencies[0].boards_to_attend ==
          std::map<std::string, int>{{"hwb", 1}, {"test_kind", 1}});
    CHECK(b.agencies[0].meetings_to_attend == 11);  // 5 + 6
    const auto tables = report::boundaries_tables(b, &r.dataset);
    // The agencies table's kind columns break down expected boards (none here: no rules name
    // test_kind); the agency_kinds table lists every patch kind, in table order: hwb (row 3)
    // before test_kind (before `other`).
    REQUIRE(tables.at(2).id == "agency_kinds");
    std::vector<std::string> kinds;
    for (const auto& row : tables.at(2).rows) kinds.push_back(row.at(1));
    CHECK(kinds == std::vector<std::string>{"hwb", "test_kind"});
    // With rules expecting the agency's sector at test_kind, it gets its own expected column.
    const RepresentationRules rules = parse_representation_rules(
            R"({"test_kind": {"sectors": ["police"]}})", "rules.json");
    const BoundariesResult e = compute_boundaries(r.dataset, {}, rules);
    const auto expected_tables = report::boundaries_tables(e, &r.dataset);
    std::vector<std::string> columns;
    for (const auto& c : expected_tables.at(0).columns) columns.push_back(c.name);
    CHECK(std::find(columns.begin(), columns.end(), "test_kind") != columns.end());
}

TEST_CASE("kind table: rules files may name the new kind") {
    const RepresentationRules rules = parse_representation_rules(
            R"({"test_kind": {"_source": "fixture", "sectors": ["police"]}})", "rules.json");
    REQUIRE(rules.kinds.count(BoardKind::test_kind) == 1);
    const LoadResult r = parse_dataset(fixture("test_kind"), "t.json");
    const RepresentationResult rep = compute_representation(r.dataset, {}, rules);
    REQUIRE(rep.boards.size() == 2);  // h, tb by id
    CHECK(rep.boards[1].id == "tb");
    REQUIRE(rep.boards[1].expected.size() == 1);
    CHECK(rep.boards[1].expected[0].sector == Sector::police);
    CHECK(rep.boards[1].expected[0].present);
}

TEST_CASE("kind table: the viewer's labels, colour, legend and filters read the row") {
    using namespace boardscape::viewer;
    CHECK(label(BoardKind::test_kind) == "Test-only board kind");
    CHECK(short_label(BoardKind::test_kind) == "TK");
    CHECK(board_kind_colour(BoardKind::test_kind) == IM_COL32(0x12, 0x34, 0x56, 255));

    const LoadResult r = parse_dataset(fixture("test_kind"), "t.json");
    CHECK(board_kinds_present(r.dataset) ==
          std::vector<BoardKind>{BoardKind::hwb, BoardKind::test_kind});
    const auto legend = board_kind_legend(r.dataset);
    REQUIRE(legend.size() == 2);
    CHECK(legend[1].text == "TK \xE2\x80\x94 Test-only board kind");
    CHECK(legend[1].rgb == 0x123456u);
}
