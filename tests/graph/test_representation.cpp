// Representation (DESIGN §4): expected sectors and roles per board kind, two-tier district
// councils, a district seat standing in for the council on a CSP, and other sectors.
#include "boardscape/analysis/representation.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace boardscape;

namespace {

Area area(std::string id, std::optional<std::string> parent = std::nullopt) {
    Area a;
    a.id = AreaId(id);
    a.name = id;
    if (parent) a.parent = AreaId(*parent);
    return a;
}

Agency agency(std::string id, Sector sector, std::string footprint) {
    Agency a;
    a.id = AgencyId(id);
    a.name = id;
    a.sector = sector;
    a.footprint.emplace_back(footprint);
    return a;
}

Board board(std::string id, BoardKind kind, std::string footprint,
            std::optional<std::string> parent = std::nullopt) {
    Board b;
    b.id = BoardId(id);
    b.name = id;
    b.kind = kind;
    b.footprint.emplace_back(footprint);
    b.meetings_per_year = 4;
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

Membership seat(std::string person_id, std::string board_id, Role role = Role::member,
                Seniority seniority = Seniority::unknown,
                Attendance attendance = Attendance::unknown) {
    Membership m;
    m.person = PersonId(person_id);
    m.board = BoardId(board_id);
    m.role = role;
    m.seniority = seniority;
    m.attendance = attendance;
    return m;
}

// A two-tier county and a unitary.
//
//   +------ shire (county) ------+   +-----+
//   |     d1      |      d2      |   | uni |
//   +----------------------------+   +-----+
//   lscb-shire = shire (two-tier: lists an area with children)   lscb-uni = uni
//   lscb-shire-sub: sub-group of lscb-shire        csp-d1 = d1    cypp-shire = shire (no rules)
//
// Seats, file order (S = senior, N = not senior, R/Sp/Nv = regular/sporadic/never):
//   lscb-shire  pa county council  member S R      pb police  chair S Sp
//               pc police member N R               pd NHS England member S Nv
//               pe, pf (no agency) lay_member      pg voluntary participating_observer
//               pa again as chair (same person: ignored)
//               ph district council member R       pj CCG (ended 2014: not counted)
//   lscb-shire-sub  pi school (a sub-group seat is not a seat at the board's table)
//   lscb-uni    pk unitary council member          pl district council member
//   csp-d1      pm district council member S R     pn police member     po county council
//   cypp-shire  pq school
Dataset two_tier_fixture() {
    Dataset d;
    d.meta.title = "fixture";
    d.meta.as_of = Date{2015, 1, 31};
    d.areas = {area("shire"), area("d1", "shire"), area("d2", "shire"), area("uni")};
    d.agencies = {agency("shire-cc", Sector::local_authority, "shire"),
                  agency("d1-dc", Sector::district_council, "d1"),
                  agency("pol", Sector::police, "shire"),
                  agency("nhse", Sector::nhs_england, "shire"),
                  agency("ccg", Sector::health_commissioner, "shire"),
                  agency("sch", Sector::school, "d2"),
                  agency("vol", Sector::voluntary, "shire"),
                  agency("uni-c", Sector::local_authority, "uni")};
    d.boards = {board("lscb-shire", BoardKind::lscb, "shire"),
                board("lscb-shire-sub", BoardKind::lscb, "shire", "lscb-shire"),
                board("lscb-uni", BoardKind::lscb, "uni"),
                board("csp-d1", BoardKind::csp, "d1"),
                board("cypp-shire", BoardKind::cypp, "shire")};
    d.people = {person("pa", "shire-cc"),   person("pb", "pol"),         person("pc", "pol"),
                person("pd", "nhse"),       person("pe", std::nullopt),  person("pf", std::nullopt),
                person("pg", "vol"),        person("ph", "d1-dc"),       person("pi", "sch"),
                person("pj", "ccg"),        person("pk", "uni-c"),       person("pl", "d1-dc"),
                person("pm", "d1-dc"),      person("pn", "pol"),         person("po", "shire-cc"),
                person("pq", "sch")};
    using A = Attendance;
    using S = Seniority;
    d.memberships = {
        seat("pa", "lscb-shire", Role::member, S::senior, A::regular),
        seat("pb", "lscb-shire", Role::chair, S::senior, A::sporadic),
        seat("pc", "lscb-shire", Role::member, S::not_senior, A::regular),
        seat("pd", "lscb-shire", Role::member, S::senior, A::never),
        seat("pe", "lscb-shire", Role::lay_member),
        seat("pf", "lscb-shire", Role::lay_member),
        seat("pg", "lscb-shire", Role::participating_observer),
        seat("pa", "lscb-shire", Role::chair, S::not_senior, A::never),  // second: ignored
        seat("ph", "lscb-shire", Role::member, S::unknown, A::regular),
        seat("pi", "lscb-shire-sub"),
        seat("pj", "lscb-shire", Role::member, S::senior, A::regular),
        seat("pk", "lscb-uni"),
        seat("pl", "lscb-uni"),
        seat("pm", "csp-d1", Role::member, S::senior, A::regular),
        seat("pn", "csp-d1"),
        seat("po", "csp-d1"),
        seat("pq", "cypp-shire"),
    };
    d.memberships[10].until = Date{2014, 1, 1};
    d.reindex();
    return d;
}

const BoardRepresentation& board_of(const RepresentationResult& r, const std::string& id) {
    auto it = std::find_if(r.boards.begin(), r.boards.end(),
                           [&](const BoardRepresentation& b) { return b.id == id; });
    REQUIRE(it != r.boards.end());
    return *it;
}

const SectorPresence& expected_of(const BoardRepresentation& b, Sector s) {
    auto it = std::find_if(b.expected.begin(), b.expected.end(),
                           [&](const SectorPresence& e) { return e.sector == s; });
    REQUIRE(it != b.expected.end());
    return *it;
}

bool expects(const BoardRepresentation& b, Sector s) {
    return std::any_of(b.expected.begin(), b.expected.end(),
                       [&](const SectorPresence& e) { return e.sector == s; });
}

/// "sector:seats" strings of other_sectors, in result order.
std::vector<std::string> others(const BoardRepresentation& b) {
    std::vector<std::string> out;
    for (const auto& o : b.other_sectors) out.push_back(o.sector + ":" + std::to_string(o.seats));
    return out;
}

/// {seats, senior, regular, sporadic, never, senior_regular}
std::vector<int> counts(const SectorPresence& e) {
    return {e.seats, e.senior, e.regular, e.sporadic, e.never, e.senior_regular};
}

}  // namespace

TEST_CASE("representation: lscb in a two-tier area expects the district council") {
    const RepresentationResult r = compute_representation(two_tier_fixture(), {});
    REQUIRE(r.as_of.has_value());
    std::vector<std::string> ids;
    for (const auto& b : r.boards) ids.push_back(b.id);
    // Active top-level boards by id; the sub-group is not reported on its own.
    CHECK(ids == std::vector<std::string>{"csp-d1", "cypp-shire", "lscb-shire", "lscb-uni"});

    const auto& b = board_of(r, "lscb-shire");
    CHECK(b.kind == BoardKind::lscb);
    std::vector<Sector> order;
    for (const auto& e : b.expected) order.push_back(e.sector);
    CHECK(order == std::vector<Sector>{Sector::local_authority, Sector::district_council,
                                       Sector::police, Sector::probation, Sector::youth_justice,
                                       Sector::nhs_england, Sector::health_commissioner,
                                       Sector::nhs_provider, Sector::cafcass, Sector::school,
                                       Sector::academy, Sector::fe_college});

    // pa's second membership (chair, never) is ignored: first in file order wins.
    const auto& la = expected_of(b, Sector::local_authority);
    CHECK(la.present);
    CHECK(counts(la) == std::vector<int>{1, 1, 1, 0, 0, 1});
    const auto& dc = expected_of(b, Sector::district_council);
    CHECK(dc.present);
    CHECK(counts(dc) == std::vector<int>{1, 0, 1, 0, 0, 0});
    const auto& pol = expected_of(b, Sector::police);
    CHECK(counts(pol) == std::vector<int>{2, 1, 1, 1, 0, 0});
    // Present even though its only seat never attends.
    const auto& nhse = expected_of(b, Sector::nhs_england);
    CHECK(nhse.present);
    CHECK(counts(nhse) == std::vector<int>{1, 1, 0, 0, 1, 0});
    // The CCG seat ended in 2014; the school sits only on the sub-group.
    CHECK_FALSE(expected_of(b, Sector::health_commissioner).present);
    CHECK(counts(expected_of(b, Sector::health_commissioner)) == std::vector<int>(6, 0));
    CHECK_FALSE(expected_of(b, Sector::school).present);
    CHECK_FALSE(expected_of(b, Sector::probation).present);

    // Roles, in role order: two lay members of two, one observer of one (pa's chair is ignored,
    // pb's chair is not an expected role).
    REQUIRE(b.roles.size() == 2);
    CHECK(b.roles[0].role == Role::lay_member);
    CHECK(b.roles[0].expected == 2);
    CHECK(b.roles[0].seats == 2);
    CHECK(b.roles[1].role == Role::participating_observer);
    CHECK(b.roles[1].expected == 1);
    CHECK(b.roles[1].seats == 1);

    CHECK(others(b) == std::vector<std::string>{"independent:2", "voluntary:1"});
}

TEST_CASE("representation: lscb in a unitary does not expect a district council") {
    const RepresentationResult r = compute_representation(two_tier_fixture(), {});
    const auto& b = board_of(r, "lscb-uni");
    CHECK(b.expected.size() == 11);
    CHECK_FALSE(expects(b, Sector::district_council));
    CHECK(counts(expected_of(b, Sector::local_authority)) == std::vector<int>{1, 0, 0, 0, 0, 0});
    // Not expected here, and on an lscb it does not stand in for the council.
    CHECK(others(b) == std::vector<std::string>{"district_council:1"});
    REQUIRE(b.roles.size() == 2);
    CHECK(b.roles[0].seats == 0);
    CHECK(b.roles[1].seats == 0);
}

TEST_CASE("representation: a district council seat satisfies a csp's local authority") {
    const RepresentationResult r = compute_representation(two_tier_fixture(), {});
    const auto& b = board_of(r, "csp-d1");
    std::vector<Sector> order;
    for (const auto& e : b.expected) order.push_back(e.sector);
    CHECK(order == std::vector<Sector>{Sector::local_authority, Sector::police,
                                       Sector::fire_rescue, Sector::probation,
                                       Sector::health_commissioner});
    // pm (district, senior, regular) and po (county) both count for local_authority.
    const auto& la = expected_of(b, Sector::local_authority);
    CHECK(la.present);
    CHECK(counts(la) == std::vector<int>{2, 1, 1, 0, 0, 1});
    CHECK(expected_of(b, Sector::police).seats == 1);
    CHECK_FALSE(expected_of(b, Sector::fire_rescue).present);
    CHECK(b.other_sectors.empty());
    CHECK(b.roles.empty());

    // A district seat alone is enough for the csp's council expectation.
    Dataset d = two_tier_fixture();
    d.memberships.erase(d.memberships.begin() + 15);  // po
    const RepresentationResult without_county = compute_representation(d, {});
    const auto& alone = board_of(without_county, "csp-d1");
    CHECK(expected_of(alone, Sector::local_authority).present);
    CHECK(expected_of(alone, Sector::local_authority).seats == 1);
}

TEST_CASE("representation: a kind without rules puts every seat in other_sectors") {
    const RepresentationResult r = compute_representation(two_tier_fixture(), {});
    const auto& b = board_of(r, "cypp-shire");
    CHECK(b.expected.empty());
    CHECK(b.roles.empty());
    CHECK(others(b) == std::vector<std::string>{"school:1"});
}

TEST_CASE("representation: the built-in rules are the DESIGN's lists") {
    const RepresentationRules& rules = default_representation_rules();
    CHECK(rules.kinds.size() == 13);
    for (BoardKind k : {BoardKind::cypp, BoardKind::childrens_trust, BoardKind::other})
        CHECK(rules.kinds.count(k) == 0);
    for (BoardKind k : {BoardKind::lscb, BoardKind::lscp}) {
        const KindRules& kr = rules.kinds.at(k);
        CHECK(kr.sectors.size() == 12);
        CHECK(kr.conditional == std::map<Sector, RuleCondition>{
                                    {Sector::district_council, RuleCondition::two_tier}});
        CHECK(kr.roles == std::map<Role, int>{{Role::lay_member, 2},
                                              {Role::participating_observer, 1}});
        CHECK(kr.satisfied_by.empty());
    }
    CHECK(rules.kinds.at(BoardKind::hwb).sectors ==
          std::vector<Sector>{Sector::local_authority, Sector::health_commissioner,
                              Sector::healthwatch, Sector::public_health});
    const KindRules& csp = rules.kinds.at(BoardKind::csp);
    CHECK(csp.sectors == std::vector<Sector>{Sector::local_authority, Sector::police,
                                             Sector::fire_rescue, Sector::probation,
                                             Sector::health_commissioner});
    CHECK(csp.satisfied_by == std::map<Sector, std::vector<Sector>>{
                                  {Sector::local_authority, {Sector::district_council}}});
    CHECK(rules.kinds.at(BoardKind::sab).sectors ==
          std::vector<Sector>{Sector::local_authority, Sector::health_commissioner,
                              Sector::police});
    CHECK(rules.kinds.at(BoardKind::lfjb).sectors ==
          std::vector<Sector>{Sector::cafcass, Sector::local_authority, Sector::judiciary});
    CHECK(to_string(RuleCondition::two_tier) == "two_tier");
}

// The 2024 kinds, as datasets/rules/expected-partners.json lists them (sources and the
// law/guidance status of each list are in that file and its README).
TEST_CASE("representation: the built-in rules for the board kinds of 2024") {
    const RepresentationRules& rules = default_representation_rules();
    using S = Sector;
    const std::map<Sector, RuleCondition> two_tier_districts{
        {S::district_council, RuleCondition::two_tier}};

    const KindRules& icp = rules.kinds.at(BoardKind::icp);
    CHECK(icp.sectors == std::vector<Sector>{S::health_commissioner, S::local_authority});
    CHECK(icp.conditional.empty());

    const KindRules& dalpb = rules.kinds.at(BoardKind::dalpb);
    CHECK(dalpb.sectors == std::vector<Sector>{S::local_authority, S::district_council,
                                               S::voluntary, S::health_commissioner, S::police});
    CHECK(dalpb.conditional == two_tier_districts);

    CHECK(rules.kinds.at(BoardKind::cdp).sectors ==
          std::vector<Sector>{S::local_authority, S::public_health, S::police, S::pcc,
                              S::probation, S::health_commissioner, S::secure_estate});

    const KindRules& svp = rules.kinds.at(BoardKind::svp);
    CHECK(svp.sectors == std::vector<Sector>{S::local_authority, S::district_council, S::police,
                                             S::fire_rescue, S::health_commissioner,
                                             S::probation, S::youth_justice});
    CHECK(svp.conditional == two_tier_districts);

    const KindRules& mappa = rules.kinds.at(BoardKind::mappa_smb);
    CHECK(mappa.sectors == std::vector<Sector>{S::police, S::probation, S::secure_estate,
                                               S::youth_justice, S::local_authority,
                                               S::health_commissioner});
    CHECK(mappa.roles == std::map<Role, int>{{Role::lay_member, 2}});

    CHECK(rules.kinds.at(BoardKind::lcjb).sectors ==
          std::vector<Sector>{S::pcc, S::police, S::probation, S::secure_estate,
                              S::youth_justice});
    CHECK(rules.kinds.at(BoardKind::yjmb).sectors ==
          std::vector<Sector>{S::local_authority, S::police, S::probation,
                              S::health_commissioner, S::youth_justice});

    // No stand-ins: a stand-in sector would also count as expected at every such board.
    for (BoardKind k : {BoardKind::icp, BoardKind::dalpb, BoardKind::cdp, BoardKind::svp,
                        BoardKind::mappa_smb, BoardKind::lcjb, BoardKind::yjmb}) {
        CHECK(rules.kinds.at(k).satisfied_by.empty());
        if (k != BoardKind::mappa_smb) CHECK(rules.kinds.at(k).roles.empty());
    }
}

// The two-tier test is on the areas the footprint lists, as DESIGN says: a board listing the
// districts themselves (no listed area has children) does not expect a district council.
//
//   shire (county) = d1 + d2      lscb-a = [shire] -> two-tier      lscb-b = [d1, d2] -> not
TEST_CASE("representation: two-tier means a listed footprint area has child areas") {
    Dataset d = two_tier_fixture();
    d.boards = {board("lscb-a", BoardKind::lscb, "shire"), board("lscb-b", BoardKind::lscb, "d1")};
    d.boards[1].footprint.emplace_back("d2");
    d.memberships = {seat("ph", "lscb-a"), seat("ph", "lscb-b")};
    d.reindex();
    const RepresentationResult r = compute_representation(d, {});
    REQUIRE(r.boards.size() == 2);
    CHECK(r.boards[0].expected.size() == 12);
    CHECK(expected_of(r.boards[0], Sector::district_council).present);
    CHECK(r.boards[0].other_sectors.empty());
    CHECK(r.boards[1].expected.size() == 11);
    CHECK_FALSE(expects(r.boards[1], Sector::district_council));
    CHECK(others(r.boards[1]) == std::vector<std::string>{"district_council:1"});
}
