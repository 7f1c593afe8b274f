// Activity at a date (DESIGN §3), the analysis date, and footprint leaf sets.
#include "boardscape/analysis/common.hpp"

#include "test_common_fixture.hpp"

#include <doctest/doctest.h>

using namespace boardscape;
using namespace boardscape::test;

namespace {

// Boards at 2015-06-01 (from inclusive, until exclusive):
//
//   0 A   from 2010-01-01                active
//   1 └─ A1                              active
//   2 B   from 2016-01-01                not yet started
//   3 └─ B1          (no dates)          inactive: parent inactive
//   4    └─ B1x      (no dates)          inactive: grandparent inactive
//   5 C   until 2015-06-01               ended that very day
//   6 D   until 2015-06-02               active (last day)
//
// Memberships:
//   0 p1 A   until 2015-01-01            ended
//   1 p1 A1  from 2015-06-01             counted (from is inclusive)
//   2 p2 B1                              board inactive
//   3 p2 D   from 2015-06-02             not started
//   4 p2 D                               counted
//   5 p2 C                               board ended
Dataset dated_fixture() {
    Dataset d;
    d.boards = {make_board("A", {.from = "2010-01-01"}),
                make_board("A1", {.parent = "A"}),
                make_board("B", {.from = "2016-01-01"}),
                make_board("B1", {.parent = "B"}),
                make_board("B1x", {.parent = "B1"}),
                make_board("C", {.until = "2015-06-01"}),
                make_board("D", {.until = "2015-06-02"})};
    d.people = {make_person("p1"), make_person("p2")};
    d.memberships = {make_member("p1", "A", {.until = "2015-01-01"}),
                     make_member("p1", "A1", {.from = "2015-06-01"}),
                     make_member("p2", "B1"),
                     make_member("p2", "D", {.from = "2015-06-02"}),
                     make_member("p2", "D"),
                     make_member("p2", "C")};
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("activity at a date: ended memberships, unstarted boards, inactive parents") {
    const Dataset d = dated_fixture();
    const Activity act = compute_activity(d, day("2015-06-01"));
    REQUIRE(act.date == day("2015-06-01"));
    CHECK(act.board_active == std::vector<bool>{true, true, false, false, false, false, true});
    CHECK(act.membership_counted == std::vector<bool>{false, true, false, false, true, false});
    CHECK(act.top_level == std::vector<std::size_t>{0, 0, 2, 2, 2, 5, 6});
}

TEST_CASE("activity later: B has started, so its sub-groups are active too") {
    const Dataset d = dated_fixture();
    const Activity act = compute_activity(d, day("2016-01-01"));
    CHECK(act.board_active == std::vector<bool>{true, true, true, true, true, false, false});
    CHECK(act.membership_counted == std::vector<bool>{false, true, true, false, false, false});
}

TEST_CASE("activity without a date: everything is active") {
    const Dataset d = dated_fixture();
    const Activity act = compute_activity(d, std::nullopt);
    CHECK_FALSE(act.date.has_value());
    CHECK(act.board_active == std::vector<bool>(7, true));
    CHECK(act.membership_counted == std::vector<bool>(6, true));
    CHECK(act.top_level == std::vector<std::size_t>{0, 0, 2, 2, 2, 5, 6});
}

TEST_CASE("analysis date: --as-of, else meta.as_of, else none") {
    Dataset d = dated_fixture();
    AnalysisOptions opts;
    CHECK_FALSE(analysis_date(d, opts).has_value());
    d.meta.as_of = day("2015-01-31");
    CHECK(analysis_date(d, opts) == day("2015-01-31"));
    opts.as_of = day("2014-04-01");
    CHECK(analysis_date(d, opts) == day("2014-04-01"));
}

TEST_CASE("a parent cycle (never valid) does not hang the activity walk") {
    Dataset d;
    d.boards = {make_board("X", {.parent = "Y"}), make_board("Y", {.parent = "X"})};
    d.reindex();
    const Activity act = compute_activity(d, day("2015-01-01"));
    CHECK(act.board_active.size() == 2);
    CHECK(act.top_level.size() == 2);
}

// Areas (listed children first, to show order does not matter):
//
//   K (county)             U (unitary, no children)
//   ├─ K1 (district)
//   ├─ K2 (district)
//   └─ K3 (district)
//      ├─ K3a (ward)
//      └─ K3b (ward)
//
// Indices: 0 K3a, 1 K1, 2 K, 3 K2, 4 K3, 5 K3b, 6 U
TEST_CASE("footprint leaves of a county with districts") {
    Dataset d;
    d.areas = {make_area("K3a", "K3"), make_area("K1", "K"), make_area("K"),
               make_area("K2", "K"),   make_area("K3", "K"), make_area("K3b", "K3"),
               make_area("U")};
    d.reindex();
    const auto leaves = area_leaves(d);
    REQUIRE(leaves.size() == 7);
    CHECK(leaves[0] == std::vector<std::size_t>{0});           // K3a
    CHECK(leaves[1] == std::vector<std::size_t>{1});           // K1
    CHECK(leaves[2] == std::vector<std::size_t>{0, 1, 3, 5});  // K: K3a K1 K2 K3b
    CHECK(leaves[3] == std::vector<std::size_t>{3});           // K2
    CHECK(leaves[4] == std::vector<std::size_t>{0, 5});        // K3
    CHECK(leaves[6] == std::vector<std::size_t>{6});           // U

    const std::vector<AreaId> county_plus{AreaId("K"), AreaId("K1"), AreaId("U")};
    CHECK(footprint_leaves(d, leaves, county_plus) == std::vector<std::size_t>{0, 1, 3, 5, 6});
    const std::vector<AreaId> districts{AreaId("K3"), AreaId("K2")};
    CHECK(footprint_leaves(d, leaves, districts) == std::vector<std::size_t>{0, 3, 5});
    // The county and the union of all its districts have the same leaf set.
    const std::vector<AreaId> all_districts{AreaId("K1"), AreaId("K2"), AreaId("K3")};
    CHECK(footprint_leaves(d, leaves, all_districts) ==
          footprint_leaves(d, leaves, std::vector<AreaId>{AreaId("K")}));
}
