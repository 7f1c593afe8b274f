// Layout quality metrics on tiny drawings whose values were worked out by hand.
#include "boardscape/layout/metrics.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace boardscape::layout;

namespace {

LayoutGraph path3() {
    LayoutGraph g;
    g.node_count = 3;
    g.edges = {{0, 1, 1}, {1, 2, 1}};
    return g;
}

}  // namespace

TEST_CASE("stress: a straight path is perfect at any scale") {
    // 0 — 1 — 2 drawn on a line, spacing 5: every e/d is 5, the best scale makes it exact.
    const auto g = path3();
    CHECK(scale_normalised_stress(g, {{0, 0}, {5, 0}, {10, 0}}) == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("stress: a bent path, by hand") {
    //   2
    //   |        pairs from every source: (0,1) (1,2) d=1 e=1, and (0,2) d=2 e=√2.
    // 0-1        r = e/d over the 6 ordered pairs: 1,1,1,1, √2/2, √2/2
    // Σr = 4+√2, Σr² = 5; best α = Σr/Σr²; mean (αr−1)² = (6 − (4+√2)²/5)/6 = (12 − 8√2)/30.
    const auto g = path3();
    const double expected = (12 - 8 * std::sqrt(2.0)) / 30;
    CHECK(scale_normalised_stress(g, {{0, 0}, {1, 0}, {1, 1}}) == doctest::Approx(expected));
    // Scale invariance.
    CHECK(scale_normalised_stress(g, {{0, 0}, {7, 0}, {7, 7}}) == doctest::Approx(expected));
}

TEST_CASE("stress: degenerate inputs") {
    CHECK(scale_normalised_stress(LayoutGraph{}, {}) == 0);
    const auto g = path3();
    CHECK(scale_normalised_stress(g, {{1, 1}, {1, 1}, {1, 1}}) == 1);  // all on one point
    CHECK(scale_normalised_stress(g, {{0, 0}}) == 0);                  // wrong size
}

TEST_CASE("neighbourhood preservation, by hand") {
    // 0 — 1 — 2 with 2 drawn next to 0: x = 0, 10, 1.
    // node 0: neighbours {1}, nearest {2} → 0; node 1: {0,2} vs nearest two {2,0} → 1;
    // node 2: {1} vs nearest {0} → 0. Mean 1/3.
    const auto g = path3();
    CHECK(neighbourhood_preservation(g, {{0, 0}, {10, 0}, {1, 0}}) == doctest::Approx(1.0 / 3));
    CHECK(neighbourhood_preservation(g, {{0, 0}, {1, 0}, {2, 0}}) == doctest::Approx(1.0));
    LayoutGraph lonely;
    lonely.node_count = 2;
    CHECK(neighbourhood_preservation(lonely, {{0, 0}, {1, 0}}) == 1);
}

TEST_CASE("edge crossings, by hand") {
    // K4 on a unit square: 3-2      the sides share endpoints; only the diagonals
    //                      |X|      0-2 and 1-3 cross: 1.
    //                      0-1
    LayoutGraph k4;
    k4.node_count = 4;
    k4.edges = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 0, 1}, {0, 2, 1}, {1, 3, 1}, {1, 3, 1}};
    const std::vector<Vec2> square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    const CrossingCount exact = edge_crossings(k4, square);
    CHECK(exact.count == 1);  // the duplicate 1-3 is one edge
    CHECK_FALSE(exact.estimated);
    // Sampling every edge gives the exact total back, labelled as an estimate.
    const CrossingCount sampled = edge_crossings(k4, square, 0, 100);
    CHECK(sampled.count == 1);
    CHECK(sampled.estimated);
    // Two crossing diagonals and a far parallel edge: X plus — : 1.
    LayoutGraph x;
    x.node_count = 6;
    x.edges = {{0, 1, 1}, {2, 3, 1}, {4, 5, 1}};
    CHECK(edge_crossings(x, {{0, 0}, {2, 2}, {0, 2}, {2, 0}, {5, 0}, {6, 0}}).count == 1);
    // Touching at a point that is not a shared node is not a proper crossing: T shape.
    CHECK(edge_crossings(x, {{0, 0}, {2, 0}, {1, 0}, {1, 3}, {5, 0}, {6, 0}}).count == 0);
}

TEST_CASE("measure_layout bundles the three") {
    const auto g = path3();
    const LayoutQuality q = measure_layout(g, {{0, 0}, {1, 0}, {2, 0}});
    CHECK(q.stress == doctest::Approx(0).epsilon(1e-12));
    CHECK(q.neighbourhood == doctest::Approx(1));
    CHECK(q.crossings.count == 0);
}
