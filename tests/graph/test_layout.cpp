// Force layout: determinism, untangling, component packing, pinning and degenerate inputs.
// Correctness only; timings live in bench/.
#include "boardscape/layout/force_layout.hpp"
#include "boardscape/layout/metrics.hpp"
#include "boardscape/layout/synthetic.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace boardscape::layout;

namespace {

bool all_finite(const std::vector<Vec2>& p) {
    return std::all_of(p.begin(), p.end(),
                       [](Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); });
}

struct Box {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void add(Vec2 p) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    bool overlaps(const Box& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};

}  // namespace

TEST_CASE("layout: the same seed gives the same positions, another seed others") {
    const LayoutGraph g = community_graph(300, 900, 3);
    LayoutOptions o;
    o.seed = 42;
    const auto a = run_layout(g, o);
    const auto b = run_layout(g, o);
    REQUIRE(a.size() == 300);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].x == b[i].x);
        CHECK(a[i].y == b[i].y);
    }
    o.seed = 43;
    const auto c = run_layout(g, o);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differ += (a[i].x != c[i].x || a[i].y != c[i].y);
    CHECK(differ > 250);
}

TEST_CASE("layout: results do not depend on the number of threads") {
    // Big enough (≥ 2 × 2048 nodes) that two threads really split the force loop.
    const LayoutGraph g = community_graph(5000, 10000, 9);
    LayoutOptions o;
    o.max_iterations = 20;
    o.threads = 1;
    const auto one = run_layout(g, o);
    o.threads = 2;
    const auto two = run_layout(g, o);
    REQUIRE(one.size() == two.size());
    std::size_t same = 0;
    for (std::size_t i = 0; i < one.size(); ++i) same += (one[i].x == two[i].x && one[i].y == two[i].y);
    CHECK(same == one.size());
}

TEST_CASE("layout: a grid untangles") {
    // 30 × 30 grid: a good layout keeps every node's 2–4 grid neighbours as its nearest
    // nodes and draws no edge across another.
    const LayoutGraph g = grid_graph(30, 30);
    const auto p = run_layout(g, LayoutOptions{});
    CHECK(neighbourhood_preservation(g, p) >= 0.7);
    const CrossingCount c = edge_crossings(g, p);
    CHECK_FALSE(c.estimated);
    CHECK(c.count == 0);
}

TEST_CASE("layout: components are packed apart and stay in view") {
    // Components: a 12-cycle (0..11), a path 12-13-14-15-16, a triangle 17-18-19, node 20 alone.
    LayoutGraph g;
    g.node_count = 21;
    for (std::uint32_t i = 0; i < 12; ++i) g.edges.push_back({i, (i + 1) % 12, 1});
    for (std::uint32_t i = 12; i < 16; ++i) g.edges.push_back({i, i + 1, 1});
    g.edges.push_back({17, 18, 1});
    g.edges.push_back({18, 19, 1});
    g.edges.push_back({19, 17, 1});
    const auto p = run_layout(g, LayoutOptions{});
    REQUIRE(all_finite(p));
    const std::vector<std::vector<std::uint32_t>> comps = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {12, 13, 14, 15, 16}, {17, 18, 19}, {20}};
    std::vector<Box> boxes(comps.size());
    Box all;
    for (std::size_t c = 0; c < comps.size(); ++c)
        for (const auto v : comps[c]) {
            boxes[c].add(p[v]);
            all.add(p[v]);
        }
    for (std::size_t a = 0; a < boxes.size(); ++a)
        for (std::size_t b = a + 1; b < boxes.size(); ++b) CHECK_FALSE(boxes[a].overlaps(boxes[b]));
    // "In view": the packed drawing is compact (not drifting off) and centred on the origin.
    CHECK(all.x1 - all.x0 < 20);
    CHECK(all.y1 - all.y0 < 20);
    CHECK(std::abs((all.x0 + all.x1) / 2) < 1e-9);
    CHECK(std::abs((all.y0 + all.y1) / 2) < 1e-9);
}

TEST_CASE("layout: pinned nodes do not move") {
    // Path 0-1-2-3-4-5 with both ends pinned far apart; the rest must settle between them.
    LayoutGraph g;
    g.node_count = 6;
    for (std::uint32_t i = 0; i < 5; ++i) g.edges.push_back({i, i + 1, 1});
    std::vector<Vec2> initial(6, Vec2{3, 3});
    initial[0] = {0, 0};
    initial[5] = {10, 0};
    std::vector<bool> pinned(6, false);
    pinned[0] = pinned[5] = true;
    const auto p = run_layout(g, LayoutOptions{}, initial, pinned);
    CHECK(p[0].x == 0);
    CHECK(p[0].y == 0);
    CHECK(p[5].x == 10);
    CHECK(p[5].y == 0);
    for (std::size_t i = 1; i < 5; ++i) {
        CHECK(p[i].x > -1);
        CHECK(p[i].x < 11);
    }

    SUBCASE("through the stepper, while dragging") {
        LayoutStepper s(g, LayoutOptions{});
        s.step(3);
        s.set_position(2, Vec2{-7, 4}, true);
        for (int k = 0; k < 50; ++k) s.step(1);
        CHECK(s.positions()[2].x == -7);
        CHECK(s.positions()[2].y == 4);
        s.set_pinned(2, false);
        s.reheat();
        CHECK_FALSE(s.converged());
        while (s.step(16)) {
        }
        CHECK(all_finite(s.positions()));
    }
}

TEST_CASE("layout: degenerate inputs give finite positions") {
    LayoutOptions o;
    SUBCASE("empty graph") {
        CHECK(run_layout(LayoutGraph{}, o).empty());
        LayoutStepper s(LayoutGraph{}, o);
        CHECK_FALSE(s.step());
        CHECK(s.converged());
    }
    SUBCASE("one node, with a self-loop") {
        LayoutGraph g;
        g.node_count = 1;
        g.edges.push_back({0, 0, 1});
        const auto p = run_layout(g, o);
        REQUIRE(p.size() == 1);
        CHECK(all_finite(p));
    }
    SUBCASE("coincident start, multi-edges, self-loops, bad ids and weights") {
        LayoutGraph g;
        g.node_count = 5;
        g.edges = {{0, 1, 1}, {0, 1, 1}, {1, 1, 1}, {1, 2, std::numeric_limits<double>::quiet_NaN()},
                   {2, 3, -4}, {3, 4, 1e300}, {4, 99, 1}, {99, 98, 1}};
        const std::vector<Vec2> same(5, Vec2{1, 1});
        const auto p = run_layout(g, o, same);
        REQUIRE(p.size() == 5);
        CHECK(all_finite(p));
        // They were pushed apart, not left on one point.
        CHECK(std::hypot(p[0].x - p[1].x, p[0].y - p[1].y) > 1e-3);
    }
    SUBCASE("non-finite initial positions and options") {
        LayoutGraph g = grid_graph(3, 3);
        std::vector<Vec2> init(9, Vec2{std::numeric_limits<double>::infinity(), 0});
        o.edge_length = -1;
        const auto p = run_layout(g, o, init);
        CHECK(all_finite(p));
    }
    SUBCASE("many isolated nodes") {
        LayoutGraph g;
        g.node_count = 500;
        const auto p = run_layout(g, o);
        CHECK(all_finite(p));
        Box all;
        for (const auto v : p) all.add(v);
        CHECK(all.x1 - all.x0 < 100);
    }
}

TEST_CASE("layout: the stepper does bounded work and converges") {
    const LayoutGraph g = community_graph(400, 1200, 2);
    LayoutStepper s(g, LayoutOptions{});
    REQUIRE(s.positions().size() == 400);
    int calls = 0;
    while (s.step(1)) ++calls;
    CHECK(calls > 10);  // one iteration per call: many calls, not one big run
    CHECK(s.converged());
    CHECK(all_finite(s.positions()));
}
