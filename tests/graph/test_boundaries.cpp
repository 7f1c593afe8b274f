// Boundaries (DESIGN §4): relations on leaf sets, population shares, boards and meetings to
// attend, expected attendance, partners, coterminosity and straddling, on small fixtures
// built here.
#include "boardscape/analysis/boundaries.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <stdexcept>

using namespace boardscape;

namespace {

Area area(std::string id, std::optional<std::string> parent = std::nullopt,
          std::optional<double> population = std::nullopt) {
    Area a;
    a.id = AreaId(id);
    a.name = id;
    if (parent) a.parent = AreaId(*parent);
    a.population = population;
    return a;
}

Agency agency(std::string id, Sector sector, std::vector<std::string> footprint) {
    Agency a;
    a.id = AgencyId(id);
    a.name = id;
    a.sector = sector;
    for (auto& f : footprint) a.footprint.emplace_back(f);
    return a;
}

Board board(std::string id, BoardKind kind, std::vector<std::string> footprint, double meetings,
            std::optional<std::string> parent = std::nullopt) {
    Board b;
    b.id = BoardId(id);
    b.name = id;
    b.kind = kind;
    for (auto& f : footprint) b.footprint.emplace_back(f);
    b.meetings_per_year = meetings;
    b.meeting_hours = 2;
    if (parent) b.parent = BoardId(*parent);
    return b;
}

Person person(std::string id, std::optional<std::string> agency_id) {
    Person p;
    p.id = PersonId(id);
    p.name = id;
    if (agency_id) p.agency = AgencyId(*agency_id);
    return p;
}

Membership seat(std::string person_id, std::string board_id) {
    Membership m;
    m.person = PersonId(person_id);
    m.board = BoardId(board_id);
    return m;
}

// A county with three districts, a unitary next door and an unrelated area far away.
//
//   +------------------ shire (county) --------+   +------+   +-----------+
//   |  d1 (pop 100) | d2 (pop 200) | d3 (300)  |   | uni  |   | elsewhere |
//   +-------------------------------------------+   | 400  |   |    50     |
//                                                   +------+   +-----------+
//   Boards (meetings/year):  lscb-shire = shire (6)     lscb-uni = uni (4)
//                            csp-d1 = d1 (5)            hwb-shire = d1+d2+d3 (10)
//                            lscb-shire-sub: sub-group of lscb-shire (12, never counted here)
//                            old-sab = shire (3), ended 2014-01-01 (inactive on 2015-01-31)
//   Agencies:  pol = shire+uni          ccg-x = d3+uni (straddles the county)
//              shire-cc = shire         d1-dc = d1       uni-c = uni      far = elsewhere
Dataset county_fixture() {
    Dataset d;
    d.meta.title = "fixture";
    d.meta.as_of = Date{2015, 1, 31};
    d.areas = {area("shire"),          area("d1", "shire", 100), area("d2", "shire", 200),
               area("d3", "shire", 300), area("uni", std::nullopt, 400),
               area("elsewhere", std::nullopt, 50)};
    d.agencies = {agency("pol", Sector::police, {"shire", "uni"}),
                  agency("ccg-x", Sector::health_commissioner, {"d3", "uni"}),
                  agency("shire-cc", Sector::local_authority, {"shire"}),
                  agency("d1-dc", Sector::district_council, {"d1"}),
                  agency("uni-c", Sector::local_authority, {"uni"}),
                  agency("far", Sector::voluntary, {"elsewhere"})};
    d.boards = {board("lscb-shire", BoardKind::lscb, {"shire"}, 6),
                board("lscb-uni", BoardKind::lscb, {"uni"}, 4),
                board("csp-d1", BoardKind::csp, {"d1"}, 5),
                board("hwb-shire", BoardKind::hwb, {"d1", "d2", "d3"}, 10),
                board("lscb-shire-sub", BoardKind::lscb, {"shire"}, 12, "lscb-shire"),
                board("old-sab", BoardKind::sab, {"shire"}, 3)};
    d.boards[5].until = Date{2014, 1, 1};
    d.people = {person("p1", "pol"),      person("p2", "ccg-x"), person("p3", "shire-cc"),
                person("p4", std::nullopt), person("p5", "d1-dc"), person("p6", "far"),
                person("p7", "uni-c"),    person("p8", "pol")};
    d.memberships = {seat("p1", "lscb-shire"),     // police: agency_wider
                     seat("p2", "lscb-shire-sub"), // CCG via the sub-group: straddles
                     seat("p3", "lscb-shire"),     // county council: equal
                     seat("p4", "lscb-shire"),     // no agency: not a partner
                     seat("p5", "lscb-shire"),     // ended before the date: not counted
                     seat("p6", "lscb-uni"),       // disjoint partner
                     seat("p7", "lscb-uni"),       // equal
                     seat("p8", "csp-d1"),         // represents the district council
                     seat("p1", "old-sab")};       // inactive board
    d.memberships[4].until = Date{2014, 6, 1};
    d.memberships[7].represents = AgencyId("d1-dc");
    d.reindex();
    return d;
}

const AgencyBoundaries& agency_of(const BoundariesResult& r, const std::string& id) {
    auto it = std::find_if(r.agencies.begin(), r.agencies.end(),
                           [&](const AgencyBoundaries& a) { return a.id == id; });
    REQUIRE(it != r.agencies.end());
    return *it;
}

const BoardBoundaries& board_of(const BoundariesResult& r, const std::string& id) {
    auto it = std::find_if(r.boards.begin(), r.boards.end(),
                           [&](const BoardBoundaries& b) { return b.id == id; });
    REQUIRE(it != r.boards.end());
    return *it;
}

/// "board:relation" strings, for compact exact comparisons.
std::vector<std::string> relation_strings(const AgencyBoundaries& a) {
    std::vector<std::string> out;
    for (const auto& r : a.relations) out.push_back(r.board + ":" + std::string(to_string(r.relation)));
    return out;
}

}  // namespace

TEST_CASE("compare_footprints classifies sorted leaf sets") {
    using V = std::vector<std::size_t>;
    CHECK(compare_footprints(V{1, 2, 3}, V{1, 2, 3}) == BoundaryRelation::equal);
    CHECK(compare_footprints(V{1, 2, 3, 4}, V{2, 3}) == BoundaryRelation::agency_wider);
    CHECK(compare_footprints(V{2}, V{1, 2, 3}) == BoundaryRelation::agency_narrower);
    CHECK(compare_footprints(V{3, 4}, V{1, 2, 3}) == BoundaryRelation::straddles);
    CHECK(compare_footprints(V{4, 5}, V{1, 2, 3}) == BoundaryRelation::disjoint);
    CHECK(compare_footprints(V{}, V{1}) == BoundaryRelation::disjoint);
    CHECK(to_string(BoundaryRelation::agency_wider) == "agency_wider");
    CHECK(to_string(BoundaryRelation::straddles) == "straddles");
}

TEST_CASE("boundaries: relations per agency on the county fixture") {
    const Dataset d = county_fixture();
    const BoundariesResult r = compute_boundaries(d, {});
    REQUIRE(r.as_of.has_value());
    CHECK(r.as_of->str() == "2015-01-31");

    // Every agency appears; meetings_to_attend desc, ties by id (d1-dc < shire-cc at 21).
    std::vector<std::string> order;
    for (const auto& a : r.agencies) order.push_back(a.id);
    CHECK(order == std::vector<std::string>{"pol", "d1-dc", "shire-cc", "ccg-x", "uni-c", "far"});

    // Police cover the county and the unitary: wider than every board.
    const auto& pol = agency_of(r, "pol");
    CHECK(pol.sector == Sector::police);
    CHECK(relation_strings(pol) ==
          std::vector<std::string>{"csp-d1:agency_wider", "hwb-shire:agency_wider",
                                   "lscb-shire:agency_wider", "lscb-uni:agency_wider"});
    CHECK(pol.boards_to_attend == std::map<std::string, int>{{"csp", 1}, {"hwb", 1}, {"lscb", 2}});
    CHECK(pol.meetings_to_attend == doctest::Approx(25));  // 5 + 10 + 6 + 4
    for (const auto& rel : pol.relations) CHECK(rel.overlap_share == 1.0);

    // The CCG covers d3 and the unitary: it straddles the county boards (300 of 600).
    const auto& ccg = agency_of(r, "ccg-x");
    CHECK(relation_strings(ccg) == std::vector<std::string>{"hwb-shire:straddles",
                                                            "lscb-shire:straddles",
                                                            "lscb-uni:agency_wider"});
    CHECK(ccg.relations[0].overlap_share == doctest::Approx(0.5));
    CHECK(ccg.relations[1].overlap_share == doctest::Approx(0.5));
    CHECK(ccg.relations[2].overlap_share == 1.0);
    CHECK(ccg.boards_to_attend == std::map<std::string, int>{{"hwb", 1}, {"lscb", 2}});
    CHECK(ccg.meetings_to_attend == doctest::Approx(20));  // 10 + 6 + 4

    // The county council is equal to the county boards whether they list the county or its
    // three districts, and wider than the district CSP.
    const auto& cc = agency_of(r, "shire-cc");
    CHECK(relation_strings(cc) == std::vector<std::string>{"csp-d1:agency_wider",
                                                           "hwb-shire:equal", "lscb-shire:equal"});
    CHECK(cc.meetings_to_attend == doctest::Approx(21));

    // A district council is narrower than the county boards: 100 of 600 people.
    const auto& dc = agency_of(r, "d1-dc");
    CHECK(relation_strings(dc) == std::vector<std::string>{"csp-d1:equal",
                                                           "hwb-shire:agency_narrower",
                                                           "lscb-shire:agency_narrower"});
    CHECK(dc.relations[0].overlap_share == 1.0);
    CHECK(dc.relations[1].overlap_share == doctest::Approx(1.0 / 6.0));
    CHECK(dc.relations[2].overlap_share == doctest::Approx(1.0 / 6.0));
    CHECK(dc.boards_to_attend == std::map<std::string, int>{{"csp", 1}, {"hwb", 1}, {"lscb", 1}});
    CHECK(dc.meetings_to_attend == doctest::Approx(21));  // 5 + 10 + 6

    const auto& uni = agency_of(r, "uni-c");
    CHECK(relation_strings(uni) == std::vector<std::string>{"lscb-uni:equal"});
    CHECK(uni.boards_to_attend == std::map<std::string, int>{{"lscb", 1}});
    CHECK(uni.meetings_to_attend == doctest::Approx(4));

    // Disjoint from everything: listed, with nothing to attend.
    const auto& far = agency_of(r, "far");
    CHECK(far.relations.empty());
    CHECK(far.boards_to_attend.empty());
    CHECK(far.meetings_to_attend == 0);
}

TEST_CASE("boundaries: inactive boards and sub-groups are not boards to attend") {
    const BoundariesResult r = compute_boundaries(county_fixture(), {});
    std::vector<std::string> ids;
    for (const auto& b : r.boards) ids.push_back(b.id);
    // By id; old-sab ended in 2014 and lscb-shire-sub is a sub-group.
    CHECK(ids == std::vector<std::string>{"csp-d1", "hwb-shire", "lscb-shire", "lscb-uni"});
    for (const auto& a : r.agencies) {
        CHECK(a.boards_to_attend.count("sab") == 0);
        for (const auto& rel : a.relations) {
            CHECK(rel.board != "old-sab");
            CHECK(rel.board != "lscb-shire-sub");
        }
    }

    // With no date at all, old-sab counts again: the police then have 3 more meetings.
    Dataset d = county_fixture();
    d.meta.as_of.reset();
    const BoundariesResult all = compute_boundaries(d, {});
    CHECK_FALSE(all.as_of.has_value());
    CHECK(agency_of(all, "pol").meetings_to_attend == doctest::Approx(28));
    CHECK(agency_of(all, "pol").boards_to_attend.at("sab") == 1);

    // --as-of overrides meta.as_of: on 2013-06-01 old-sab is active.
    AnalysisOptions opts;
    opts.as_of = Date{2013, 6, 1};
    const BoundariesResult early = compute_boundaries(county_fixture(), opts);
    CHECK(early.as_of->str() == "2013-06-01");
    CHECK(early.boards.size() == 5);
}

TEST_CASE("boundaries: partners, coterminosity and straddling per board") {
    const BoundariesResult r = compute_boundaries(county_fixture(), {});

    // Police (wider), CCG via the sub-group (straddles), county council (equal); the seat with
    // no agency and the ended district seat are not partners. 1 of 3 equal.
    const auto& shire = board_of(r, "lscb-shire");
    CHECK(shire.kind == BoardKind::lscb);
    CHECK(shire.partners == std::vector<std::string>{"ccg-x", "pol", "shire-cc"});
    REQUIRE(shire.coterminosity.has_value());
    CHECK(*shire.coterminosity == doctest::Approx(1.0 / 3.0));
    CHECK(shire.straddling == std::vector<std::string>{"ccg-x"});

    // A disjoint partner (far) and an equal one (uni-c): 1 of 2.
    const auto& uni = board_of(r, "lscb-uni");
    CHECK(uni.partners == std::vector<std::string>{"far", "uni-c"});
    CHECK(*uni.coterminosity == doctest::Approx(0.5));
    CHECK(uni.straddling.empty());

    // p8 works for the police but represents the district council, which is equal.
    const auto& csp = board_of(r, "csp-d1");
    CHECK(csp.partners == std::vector<std::string>{"d1-dc"});
    CHECK(*csp.coterminosity == 1.0);

    // No counted memberships: no partners, coterminosity null.
    const auto& hwb = board_of(r, "hwb-shire");
    CHECK(hwb.partners.empty());
    CHECK_FALSE(hwb.coterminosity.has_value());
    CHECK(hwb.straddling.empty());
}

// Population shares need every leaf of the board to have a population, summing to > 0.
//
//   +-------+-------+   +-------+
//   | x: 10 | y: ?  |   | z: 0  |
//   +-------+-------+   +-------+
//   board-xy = x+y   board-x = x   board-z = z      agency a = x+y+z
TEST_CASE("boundaries: overlap_share omitted when a leaf lacks a population or the sum is 0") {
    Dataset d;
    d.areas = {area("x", std::nullopt, 10), area("y"), area("z", std::nullopt, 0)};
    d.agencies = {agency("a", Sector::police, {"x", "y", "z"})};
    d.boards = {board("board-xy", BoardKind::csp, {"x", "y"}, 1),
                board("board-x", BoardKind::csp, {"x"}, 2),
                board("board-z", BoardKind::sab, {"z"}, 0.5)};
    d.reindex();
    const BoundariesResult r = compute_boundaries(d, {});
    REQUIRE(r.agencies.size() == 1);
    const auto& a = r.agencies[0];
    REQUIRE(a.relations.size() == 3);
    CHECK(a.relations[0].board == "board-x");
    CHECK(a.relations[0].relation == BoundaryRelation::agency_wider);
    CHECK(a.relations[0].overlap_share == 1.0);
    CHECK(a.relations[1].board == "board-xy");
    CHECK(a.relations[1].relation == BoundaryRelation::agency_wider);
    CHECK_FALSE(a.relations[1].overlap_share.has_value());  // y has no population
    CHECK(a.relations[2].board == "board-z");
    CHECK_FALSE(a.relations[2].overlap_share.has_value());  // population sums to 0
    CHECK(a.boards_to_attend == std::map<std::string, int>{{"csp", 2}, {"sab", 1}});
    CHECK(a.meetings_to_attend == doctest::Approx(3.5));  // fractional cadences add up
}

// The population of an agency's part of a board counts only leaves inside the board.
//
//   county c: a1 (pop 30) | a2 (pop 70)      agency n = a2 + b (pop 1000, outside)
//   board = c
TEST_CASE("boundaries: straddling share counts only the board's leaves") {
    Dataset d;
    d.areas = {area("c"), area("a1", "c", 30), area("a2", "c", 70), area("b", std::nullopt, 1000)};
    d.agencies = {agency("n", Sector::nhs_provider, {"a2", "b"})};
    d.boards = {board("board", BoardKind::hwb, {"c"}, 4)};
    d.reindex();
    const BoundariesResult r = compute_boundaries(d, {});
    REQUIRE(r.agencies[0].relations.size() == 1);
    CHECK(r.agencies[0].relations[0].relation == BoundaryRelation::straddles);
    CHECK(r.agencies[0].relations[0].overlap_share == doctest::Approx(0.7));
}

// [SECTION] Expected attendance (DESIGN §4): who must attend, not just whose patch it is

namespace {

// The rules' entries these tests need, as the built-in file has them (Working Together 2018,
// Crime and Disorder Act 1998 s5, Health and Social Care Act 2012 s194, Care Act 2014 s43),
// written out so the hand-computed values below do not move if the shipped rules grow.
constexpr const char* k_rules = R"({
  "lscp": {"sectors": ["local_authority", "district_council", "police", "probation",
                       "youth_justice", "nhs_england", "health_commissioner", "nhs_provider",
                       "cafcass", "school", "academy", "fe_college"],
           "roles": {}, "conditional": {"district_council": "two_tier"}},
  "csp": {"sectors": ["local_authority", "police", "fire_rescue", "probation",
                      "health_commissioner"],
          "roles": {}, "satisfied_by": {"local_authority": ["district_council"]}},
  "hwb": {"sectors": ["local_authority", "health_commissioner", "healthwatch", "public_health"],
          "roles": {}},
  "sab": {"sectors": ["local_authority", "health_commissioner", "police"], "roles": {}}
})";

const RepresentationRules& test_rules() {
    static const RepresentationRules rules = parse_representation_rules(k_rules, "test-rules");
    return rules;
}

// A county with two districts and a unitary next door; no people at all (a national file).
//
//   +---------- shire (county) ----------+   +-------+   +-----------+
//   |      d1         |       d2         |   |  uni  |   | elsewhere |
//   +------------------------------------+   +-------+   +-----------+
//
//   Boards (meetings a year × hours each), as of 2024-07-01:
//     lscp-shire  lscp [shire] 4×3   two-tier: it lists shire, which has child areas
//     lscp-uni    lscp [uni]   6×2
//     csp-d1      csp  [d1]    4×2   a district CSP
//     csp-uni     csp  [uni]   5×2
//     hwb-shire   hwb  [shire] 10×2
//     sab-shire   sab  [shire] 3×2
//     old-sab-uni sab  [uni]   4×2   ended 2020-03-31: inactive, never counted
//     lscp-sub    lscp [shire] 12×1  sub-group of lscp-shire: never counted
//   Agencies:
//     pol       police              [shire, uni]   across the county and the unitary
//     d1-dc     district_council    [d1]
//     ccg       health_commissioner [d2, uni]      straddles the county's boards
//     shire-cc  local_authority     [shire]
//     uni-c     local_authority     [uni]
//     far       voluntary           [elsewhere]
Dataset expected_fixture() {
    Dataset d;
    d.meta.title = "expected attendance";
    d.meta.as_of = Date{2024, 7, 1};
    d.areas = {area("shire"), area("d1", "shire"), area("d2", "shire"), area("uni"),
               area("elsewhere")};
    d.agencies = {agency("pol", Sector::police, {"shire", "uni"}),
                  agency("d1-dc", Sector::district_council, {"d1"}),
                  agency("ccg", Sector::health_commissioner, {"d2", "uni"}),
                  agency("shire-cc", Sector::local_authority, {"shire"}),
                  agency("uni-c", Sector::local_authority, {"uni"}),
                  agency("far", Sector::voluntary, {"elsewhere"})};
    d.boards = {board("lscp-shire", BoardKind::lscp, {"shire"}, 4),
                board("lscp-uni", BoardKind::lscp, {"uni"}, 6),
                board("csp-d1", BoardKind::csp, {"d1"}, 4),
                board("csp-uni", BoardKind::csp, {"uni"}, 5),
                board("hwb-shire", BoardKind::hwb, {"shire"}, 10),
                board("sab-shire", BoardKind::sab, {"shire"}, 3),
                board("old-sab-uni", BoardKind::sab, {"uni"}, 4),
                board("lscp-sub", BoardKind::lscp, {"shire"}, 12, "lscp-shire")};
    d.boards[0].meeting_hours = 3;  // every other board meets for 2 hours (board() default)
    d.boards[6].until = Date{2020, 3, 31};
    d.boards[7].meeting_hours = 1;
    d.reindex();
    return d;
}

using Counts = std::map<std::string, int>;

}  // namespace

TEST_CASE("expected attendance: police, district, straddling commissioner, by hand") {
    const BoundariesResult r = compute_boundaries(expected_fixture(), {}, test_rules());
    CHECK(r.rules == "built-in");  // the caller names a rules file; the analysis cannot

    // Police across the county and the unitary. Patch: both lscps, both csps, the hwb and the
    // sab = 6 boards, 4 + 6 + 4 + 5 + 10 + 3 = 32 meetings (old-sab-uni inactive, lscp-sub a
    // sub-group). Expected: not the hwb (police are no statutory member of an HWB), so
    // 5 boards, 32 - 10 = 22 meetings; hours 4×3 + 6×2 + 4×2 + 5×2 + 3×2 = 12+12+8+10+6 = 48.
    const auto& pol = agency_of(r, "pol");
    CHECK(pol.boards_to_attend == Counts{{"lscp", 2}, {"hwb", 1}, {"csp", 2}, {"sab", 1}});
    CHECK(pol.meetings_to_attend == 32);
    CHECK(pol.expected_boards == Counts{{"lscp", 2}, {"csp", 2}, {"sab", 1}});
    CHECK(pol.expected_boards.count("hwb") == 0);
    CHECK(pol.expected_meetings == 22);
    CHECK(pol.expected_hours == 48);
    // Each relation says whether it is one of the expected boards (the viewer marks them).
    for (const auto& rel : pol.relations) {
        CAPTURE(rel.board);
        CHECK(rel.expected == (rel.board != "hwb-shire"));
    }

    // District council d1: patch lscp-shire, csp-d1, hwb-shire, sab-shire (21 meetings).
    // Expected at csp-d1 through satisfied_by (local_authority ← district_council: a district
    // CSP's council is the district) and at lscp-shire through two_tier (it lists the county,
    // which has districts); not at the hwb or the sab. 4 + 4 = 8 meetings, 12 + 8 = 20 hours.
    const auto& dc = agency_of(r, "d1-dc");
    CHECK(dc.boards_to_attend == Counts{{"lscp", 1}, {"hwb", 1}, {"csp", 1}, {"sab", 1}});
    CHECK(dc.meetings_to_attend == 21);
    CHECK(dc.expected_boards == Counts{{"lscp", 1}, {"csp", 1}});
    CHECK(dc.expected_meetings == 8);
    CHECK(dc.expected_hours == 20);

    // Commissioner over d2 and the unitary: it straddles lscp-shire, hwb-shire and sab-shire
    // and is wider than lscp-uni and csp-uni; csp-d1 is outside it. Expected on all five:
    // 4 + 6 + 5 + 10 + 3 = 28 meetings, 12 + 12 + 10 + 20 + 6 = 60 hours.
    const auto& ccg = agency_of(r, "ccg");
    CHECK(relation_strings(ccg) ==
          std::vector<std::string>{"csp-uni:agency_wider", "hwb-shire:straddles",
                                   "lscp-shire:straddles", "lscp-uni:agency_wider",
                                   "sab-shire:straddles"});
    CHECK(ccg.expected_boards == Counts{{"lscp", 2}, {"hwb", 1}, {"csp", 1}, {"sab", 1}});
    CHECK(ccg.expected_meetings == 28);
    CHECK(ccg.expected_meetings == ccg.meetings_to_attend);
    CHECK(ccg.expected_hours == 60);

    // The county council is expected everywhere in its patch: 4 + 4 + 10 + 3 = 21 meetings,
    // 12 + 8 + 20 + 6 = 46 hours; the unitary's council at lscp-uni and csp-uni (old-sab-uni
    // is inactive): 6 + 5 = 11 meetings, 12 + 10 = 22 hours.
    CHECK(agency_of(r, "shire-cc").expected_meetings == 21);
    CHECK(agency_of(r, "shire-cc").expected_hours == 46);
    CHECK(agency_of(r, "uni-c").expected_boards == Counts{{"lscp", 1}, {"csp", 1}});
    CHECK(agency_of(r, "uni-c").expected_hours == 22);

    // Outside every board: listed, nothing expected.
    CHECK(agency_of(r, "far").expected_boards.empty());
    CHECK(agency_of(r, "far").expected_hours == 0);

    // The order is still the patch's: meetings_to_attend desc, then id (DESIGN §5).
    std::vector<std::string> order;
    for (const auto& a : r.agencies) order.push_back(a.id);
    CHECK(order == std::vector<std::string>{"pol", "ccg", "d1-dc", "shire-cc", "uni-c", "far"});
}

TEST_CASE("expected attendance: an inactive board and a sub-group never count") {
    // As of 2024 old-sab-uni has ended: the police are expected at one sab (3 meetings).
    const BoundariesResult now = compute_boundaries(expected_fixture(), {}, test_rules());
    CHECK(agency_of(now, "pol").expected_boards.at("sab") == 1);
    // lscp-sub (12 meetings, lscp, over the county) would make pol's lscps 3: it never does.
    CHECK(agency_of(now, "pol").expected_boards.at("lscp") == 2);

    // On 2019-01-01 old-sab-uni is active: police +1 sab, +4 meetings (26), +4×2 = 8 hours (56);
    // the unitary council too (11 + 4 = 15 meetings). The sub-group still does not count.
    AnalysisOptions early;
    early.as_of = Date{2019, 1, 1};
    const BoundariesResult then = compute_boundaries(expected_fixture(), early, test_rules());
    const auto& pol = agency_of(then, "pol");
    CHECK(pol.expected_boards == Counts{{"lscp", 2}, {"csp", 2}, {"sab", 2}});
    CHECK(pol.expected_meetings == 26);
    CHECK(pol.expected_hours == 56);
    CHECK(agency_of(then, "uni-c").expected_meetings == 15);
}

TEST_CASE("expected attendance: two_tier needs a listed area with child areas") {
    // The same county board listing its two districts instead of the county: the leaf set is
    // the same (the patch does not change) but no listed area has children, so the district
    // council is not expected there (as representation decides). d1-dc keeps only csp-d1:
    // 4 meetings, 8 hours.
    Dataset d = expected_fixture();
    d.boards[0].footprint = {AreaId("d1"), AreaId("d2")};
    d.reindex();
    const BoundariesResult r = compute_boundaries(d, {}, test_rules());
    const auto& dc = agency_of(r, "d1-dc");
    CHECK(dc.boards_to_attend.at("lscp") == 1);
    CHECK(dc.expected_boards == Counts{{"csp", 1}});
    CHECK(dc.expected_meetings == 4);
    CHECK(dc.expected_hours == 8);
}

TEST_CASE("expected attendance: prep factor and travel hours price each expected meeting") {
    // Police with --prep-factor 0.5 --travel-hours 1: a meeting costs hours × 1.5 + 1.
    //   lscp-shire 4 × (3×1.5 + 1) = 22     lscp-uni 6 × (2×1.5 + 1) = 24
    //   csp-d1     4 × 4 = 16               csp-uni  5 × 4 = 20          sab-shire 3 × 4 = 12
    //   total 94 (the hwb, 10 × 4 = 40, is patch only). Meetings are unchanged: 22.
    AnalysisOptions opts;
    opts.prep_factor = 0.5;
    opts.travel_hours = 1;
    const BoundariesResult r = compute_boundaries(expected_fixture(), opts, test_rules());
    CHECK(r.prep_factor == 0.5);
    CHECK(r.travel_hours == 1);
    CHECK(agency_of(r, "pol").expected_meetings == 22);
    CHECK(agency_of(r, "pol").expected_hours == 94);
    // District council: lscp-shire 22 + csp-d1 16 = 38.
    CHECK(agency_of(r, "d1-dc").expected_hours == 38);

    // Overflowing hours are an error with the agency's id, never inf in a report.
    AnalysisOptions absurd;
    absurd.prep_factor = 1e308;
    CHECK_THROWS_AS(compute_boundaries(expected_fixture(), absurd, test_rules()),
                    std::range_error);
}

TEST_CASE("expected attendance: the rules decide, and representation agrees") {
    // Rules in which only the hwb expects anyone, and only the police: pol's expected boards
    // are the hwb alone (10 meetings, 10 × 2 = 20 hours) and the councils expect nothing.
    const RepresentationRules hwb_police = parse_representation_rules(
        R"({"hwb": {"sectors": ["police"], "roles": {}}})", "hwb-police");
    const BoundariesResult r = compute_boundaries(expected_fixture(), {}, hwb_police);
    CHECK(agency_of(r, "pol").expected_boards == Counts{{"hwb", 1}});
    CHECK(agency_of(r, "pol").expected_meetings == 10);
    CHECK(agency_of(r, "pol").expected_hours == 20);
    CHECK(agency_of(r, "shire-cc").expected_boards.empty());

    // board_expectation is the one place the rules are applied: representation's expected
    // sectors are its sectors, board by board.
    const Dataset d = expected_fixture();
    const auto has_children = areas_with_children(d);
    const RepresentationResult rep = compute_representation(d, {}, test_rules());
    REQUIRE(rep.boards.size() == 6);  // active top-level boards
    for (const auto& b : rep.boards) {
        CAPTURE(b.id);
        const Board& board = d.boards[*d.find_board(BoardId(b.id))];
        const BoardExpectation e = board_expectation(test_rules(), d, board, has_children);
        std::vector<Sector> rep_sectors;
        for (const auto& s : b.expected) rep_sectors.push_back(s.sector);
        CHECK(rep_sectors == e.sectors);
    }
    const BoardExpectation csp_d1 =
        board_expectation(test_rules(), d, d.boards[2], has_children);
    CHECK(csp_d1.expects(Sector::district_council));  // satisfied_by, not itself listed
    CHECK(csp_d1.slot[static_cast<std::size_t>(Sector::district_council)] ==
          csp_d1.slot[static_cast<std::size_t>(Sector::local_authority)]);
    CHECK_FALSE(csp_d1.expects(Sector::public_health));
    CHECK(board_expectation(test_rules(), d, d.boards[0], has_children)
              .expects(Sector::district_council));  // two_tier
    CHECK_FALSE(board_expectation(test_rules(), d, d.boards[1], has_children)
                    .expects(Sector::district_council));  // a unitary's lscp
}

TEST_CASE("expected attendance: the built-in rules by default") {
    // Callers that pass no rules get the shipped ones, which agree with the test rules on
    // these four kinds: police 5 boards (no hwb), 22 meetings; district 8 meetings.
    const BoundariesResult r = compute_boundaries(expected_fixture(), {});
    CHECK(agency_of(r, "pol").expected_boards.count("hwb") == 0);
    CHECK(agency_of(r, "pol").expected_meetings == 22);
    CHECK(agency_of(r, "d1-dc").expected_meetings == 8);
}
