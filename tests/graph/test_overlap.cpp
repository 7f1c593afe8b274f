// Overlap between top-level boards (DESIGN §4 "Overlap"): pairs, Newman weights, density,
// chairs of several, and brokers (betweenness) checked against values worked out on paper.
#include "boardscape/analysis/overlap.hpp"

#include "test_common_fixture.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace boardscape;
using namespace boardscape::test;

namespace {

// At 2015-06-01. Top-level boards csp, hwb, lscb, sab (no members); lscb-exec is a sub-group
// of lscb; old ended in 2014 and does not count at all.
//
//             lscb ── lscb-exec        hwb        csp        sab
//   alice     chair                    chair      member                (k = 3)
//   bob       member                   member                            (k = 2)
//   carol               chair                     chair                 (k = 2: lscb via exec)
//   dan       member    member                                           (k = 1)
//   erin                               chair*     member                (k = 1)
//   (*erin's hwb chair ended 2015-01-01; alice also sat on `old`.)
//
// members: lscb {alice,bob,carol,dan}=4  hwb {alice,bob}=2  csp {alice,carol,erin}=3
//   csp–lscb: shared {alice,carol}=2, union 5 → jaccard 0.4, min 2/3, newman 1/2 + 1/1 = 1.5
//   hwb–lscb: shared {alice,bob}=2,   union 4 → jaccard 0.5, min 1,   newman 1/2 + 1/1 = 1.5
//   csp–hwb:  shared {alice}=1,       union 4 → jaccard 0.25, min 1/2, newman 1/2
// interlock density: 3 pairs of 4·3/2 = 6 → 0.5. chairs of several: alice only (carol's exec
// chair is a sub-group's).
Dataset overlap_fixture() {
    Dataset d;
    d.meta.as_of = day("2015-06-01");
    d.boards = {make_board("lscb", {.kind = BoardKind::lscb}),
                make_board("lscb-exec", {.parent = "lscb"}),
                make_board("hwb", {.kind = BoardKind::hwb}),
                make_board("csp", {.kind = BoardKind::csp}),
                make_board("sab", {.kind = BoardKind::sab}),
                make_board("old", {.until = "2014-04-01"})};
    d.people = {make_person("alice"), make_person("bob"), make_person("carol"),
                make_person("dan"), make_person("erin")};
    d.memberships = {make_member("alice", "lscb", {.role = Role::chair}),
                     make_member("alice", "hwb", {.role = Role::chair}),
                     make_member("alice", "csp"),
                     make_member("alice", "old", {.role = Role::chair}),
                     make_member("bob", "lscb"),
                     make_member("bob", "hwb"),
                     make_member("carol", "lscb-exec", {.role = Role::chair}),
                     make_member("carol", "csp", {.role = Role::chair}),
                     make_member("dan", "lscb"),
                     make_member("dan", "lscb-exec"),
                     make_member("erin", "hwb", {.role = Role::chair, .until = "2015-01-01"}),
                     make_member("erin", "csp")};
    d.reindex();
    return d;
}

OverlapOptions no_brokers() {
    OverlapOptions o;
    o.brokers = false;
    return o;
}

std::map<std::string, double> broker_map(const OverlapResult& r) {
    std::map<std::string, double> m;
    for (const Broker& b : r.brokers) m[b.id] = b.betweenness;
    return m;
}

}  // namespace

TEST_CASE("overlap: pairs, jaccard, min_overlap and Newman weights") {
    const OverlapResult r = compute_overlap(overlap_fixture(), {}, no_brokers());
    REQUIRE(r.as_of == day("2015-06-01"));
    REQUIRE(r.board_pairs.size() == 3);

    const BoardPair& p0 = r.board_pairs[0];
    CHECK(p0.a == "csp");
    CHECK(p0.b == "lscb");
    CHECK(p0.shared == 2);
    CHECK(p0.jaccard == doctest::Approx(0.4));
    CHECK(p0.min_overlap == doctest::Approx(2.0 / 3.0));
    CHECK(p0.newman_weight == doctest::Approx(1.5));

    const BoardPair& p1 = r.board_pairs[1];
    CHECK(p1.a == "hwb");
    CHECK(p1.b == "lscb");
    CHECK(p1.shared == 2);
    CHECK(p1.jaccard == doctest::Approx(0.5));
    CHECK(p1.min_overlap == doctest::Approx(1.0));
    CHECK(p1.newman_weight == doctest::Approx(1.5));

    const BoardPair& p2 = r.board_pairs[2];
    CHECK(p2.a == "csp");
    CHECK(p2.b == "hwb");
    CHECK(p2.shared == 1);
    CHECK(p2.jaccard == doctest::Approx(0.25));
    CHECK(p2.min_overlap == doctest::Approx(0.5));
    CHECK(p2.newman_weight == doctest::Approx(0.5));  // alice on three boards: 1/(3−1)

    CHECK(r.brokers.empty());
    CHECK_FALSE(r.brokers_estimated);
}

TEST_CASE("overlap: people, multi-board people, density, chairs of several") {
    const OverlapResult r = compute_overlap(overlap_fixture(), {}, no_brokers());
    REQUIRE(r.people.size() == 5);
    const std::vector<std::pair<std::string, int>> expected = {
        {"alice", 3}, {"bob", 2}, {"carol", 2}, {"dan", 1}, {"erin", 1}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(r.people[i].id == expected[i].first);
        CHECK(r.people[i].boards == expected[i].second);
    }
    CHECK(r.multi_board_people == 3);
    REQUIRE(r.interlock_density.has_value());
    CHECK(*r.interlock_density == doctest::Approx(0.5));
    CHECK(r.chairs_of_several == std::vector<std::string>{"alice"});
}

TEST_CASE("overlap: without a date, the ended board and memberships count again") {
    AnalysisOptions opts;
    Dataset d = overlap_fixture();
    d.meta.as_of.reset();
    const OverlapResult r = compute_overlap(d, opts, no_brokers());
    // 5 top-level boards now (old too); alice k = 4, erin k = 2.
    CHECK(r.people[0].id == "alice");
    CHECK(r.people[0].boards == 4);
    CHECK(r.multi_board_people == 4);
    // Pairs: csp–lscb, hwb–lscb, csp–hwb, and alice's old with csp, hwb, lscb → 6 of 10.
    CHECK(r.board_pairs.size() == 6);
    CHECK(*r.interlock_density == doctest::Approx(0.6));
    // csp–hwb now shares alice (k = 4 → 1/3) and erin (k = 2 → 1).
    bool found = false;
    for (const BoardPair& p : r.board_pairs)
        if (p.a == "csp" && p.b == "hwb") {
            found = true;
            CHECK(p.shared == 2);
            CHECK(p.newman_weight == doctest::Approx(1.0 / 3.0 + 1.0));
        }
    CHECK(found);
}

TEST_CASE("overlap: interlock density is null with fewer than two top-level boards") {
    Dataset d;
    d.boards = {make_board("only"), make_board("sub", {.parent = "only"})};
    d.people = {make_person("p")};
    d.memberships = {make_member("p", "only"), make_member("p", "sub")};
    d.reindex();
    const OverlapResult r = compute_overlap(d, {});
    CHECK_FALSE(r.interlock_density.has_value());
    CHECK(r.board_pairs.empty());
    // Brokers graph: p — only (N = 2) → both 0.
    REQUIRE(r.brokers.size() == 2);
    CHECK(r.brokers[0].id == "only");
    CHECK(r.brokers[0].type == EntityType::board);
    CHECK(r.brokers[0].betweenness == 0.0);
    CHECK(r.brokers[1].id == "p");
    CHECK(r.brokers[1].type == EntityType::person);
}

// A path through two boards:   p1 ── B1 ── p2 ── B2 ── p3
// Betweenness of position i on a 5-path is i·(4−i) pairs: B1 3, p2 4, B2 3, ends 0.
// Normalised by (N−1)(N−2)/2 = 4·3/2 = 6: B1 0.5, p2 2/3, B2 0.5.
TEST_CASE("brokers on a path, worked on paper") {
    Dataset d;
    d.boards = {make_board("B1"), make_board("B2")};
    d.people = {make_person("p1"), make_person("p2"), make_person("p3")};
    d.memberships = {make_member("p1", "B1"), make_member("p2", "B1"), make_member("p2", "B2"),
                     make_member("p3", "B2")};
    d.reindex();
    const OverlapResult r = compute_overlap(d, {});
    CHECK_FALSE(r.brokers_estimated);
    REQUIRE(r.brokers.size() == 5);
    CHECK(r.brokers[0].id == "p2");
    CHECK(r.brokers[0].betweenness == doctest::Approx(2.0 / 3.0));
    CHECK(r.brokers[1].id == "B1");  // tie with B2, broken by id
    CHECK(r.brokers[1].type == EntityType::board);
    CHECK(r.brokers[1].betweenness == doctest::Approx(0.5));
    CHECK(r.brokers[2].id == "B2");
    CHECK(r.brokers[2].betweenness == doctest::Approx(0.5));
    CHECK(r.brokers[3].id == "p1");
    CHECK(r.brokers[3].betweenness == 0.0);
    CHECK(r.brokers[4].id == "p3");
}

// A star: board H with four members:
//
//     a   b
//      \ /
//       H
//      / \   (members a, b, c, d)
//     c   d
// Every one of the C(4,2) = 6 leaf pairs passes through H; normalised by (5−1)(5−2)/2 = 6 → 1.
// A second membership of a on H (duplicate pair) and a sub-group seat of b both add no edge.
TEST_CASE("brokers on a star, worked on paper") {
    Dataset d;
    d.boards = {make_board("H"), make_board("H-sub", {.parent = "H"})};
    d.people = {make_person("a"), make_person("b"), make_person("c"), make_person("d")};
    d.memberships = {make_member("a", "H"), make_member("a", "H", {.role = Role::chair}),
                     make_member("b", "H-sub"), make_member("c", "H"), make_member("d", "H")};
    d.reindex();
    const OverlapResult r = compute_overlap(d, {});
    REQUIRE(r.brokers.size() == 5);  // H-sub is not a vertex: sub-group seats count on H
    CHECK(r.brokers[0].id == "H");
    CHECK(r.brokers[0].betweenness == doctest::Approx(1.0));
    for (std::size_t i = 1; i < 5; ++i) CHECK(r.brokers[i].betweenness == 0.0);
    CHECK(r.brokers[1].id == "a");
    CHECK(r.brokers[4].id == "d");
}

TEST_CASE("brokers on the overlap fixture: exact on paper, and the all-pivot estimate matches") {
    const Dataset d = overlap_fixture();
    const OverlapResult exact = compute_overlap(d, {});
    CHECK_FALSE(exact.brokers_estimated);
    OverlapOptions sampled;
    sampled.exact_broker_limit = 0;  // force the estimate
    sampled.sample_sources = 100;    // ≥ N = 8
    const OverlapResult est = compute_overlap(d, {}, sampled);
    CHECK(est.brokers_estimated);
    REQUIRE(est.brokers.size() == exact.brokers.size());
    REQUIRE(exact.brokers.size() == 8);  // 5 people + csp, hwb, lscb (sab has no members)
    const auto e = broker_map(exact), s = broker_map(est);
    for (const auto& [id, value] : e) CHECK(s.at(id) == doctest::Approx(value));

    // On paper (raw pair-dependency sums over the 28 pairs; they add up to Σ(dist − 1) = 29):
    //   lscb 10, alice 7, csp 41/6, carol 8/3, bob 4/3, hwb 7/6, dan 0, erin 0.
    // Normalised by (8−1)(8−2)/2 = 21.
    REQUIRE(exact.brokers.size() == 8);
    const std::vector<std::pair<std::string, double>> on_paper = {
        {"lscb", 10.0 / 21}, {"alice", 7.0 / 21},     {"csp", 41.0 / 6 / 21},
        {"carol", 8.0 / 3 / 21}, {"bob", 4.0 / 3 / 21}, {"hwb", 7.0 / 6 / 21},
        {"dan", 0.0},        {"erin", 0.0}};
    for (std::size_t i = 0; i < on_paper.size(); ++i) {
        CHECK(exact.brokers[i].id == on_paper[i].first);
        CHECK(exact.brokers[i].betweenness == doctest::Approx(on_paper[i].second));
    }
}

TEST_CASE("sampled brokers with fewer pivots are seeded and deterministic") {
    const Dataset d = overlap_fixture();
    OverlapOptions sampled;
    sampled.exact_broker_limit = 0;
    sampled.sample_sources = 3;
    sampled.sample_seed = 7;
    const OverlapResult a = compute_overlap(d, {}, sampled);
    const OverlapResult b = compute_overlap(d, {}, sampled);
    CHECK(a.brokers_estimated);
    REQUIRE(a.brokers.size() == b.brokers.size());
    for (std::size_t i = 0; i < a.brokers.size(); ++i) {
        CHECK(a.brokers[i].id == b.brokers[i].id);
        CHECK(a.brokers[i].betweenness == b.brokers[i].betweenness);
    }
}
