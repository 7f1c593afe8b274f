// Boundaries (DESIGN §4): relations on leaf sets, population shares, boards and meetings to
// attend, partners, coterminosity and straddling, on small fixtures built here.
#include "boardscape/analysis/boundaries.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

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
