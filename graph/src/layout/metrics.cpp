// Layout quality metrics (see metrics.hpp).
#include "boardscape/layout/metrics.hpp"

#include "rng.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace boardscape::layout {

using detail::Rng;

namespace {

// [SECTION] Shared helpers

/// Distinct neighbours per node (CSR), ignoring self-loops, parallel edges and bad ids.
struct Adjacency {
    std::vector<std::uint32_t> offsets, targets;
};

Adjacency adjacency(const LayoutGraph& g) {
    const std::size_t n = g.node_count;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(g.edges.size() * 2);
    for (const auto& e : g.edges) {
        if (e.u >= n || e.v >= n || e.u == e.v) continue;
        pairs.emplace_back(e.u, e.v);
        pairs.emplace_back(e.v, e.u);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    Adjacency a;
    a.offsets.assign(n + 1, 0);
    for (const auto& p : pairs) ++a.offsets[p.first + 1];
    for (std::size_t i = 0; i < n; ++i) a.offsets[i + 1] += a.offsets[i];
    a.targets.reserve(pairs.size());
    for (const auto& p : pairs) a.targets.push_back(p.second);
    return a;
}

/// `k` distinct indices of [0, n) (all of them when k ≥ n), ascending.
std::vector<std::uint32_t> sample_nodes(std::size_t n, std::size_t k, std::uint64_t seed) {
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    if (k >= n) return all;
    Rng rng(seed);
    for (std::size_t i = 0; i < k; ++i) std::swap(all[i], all[i + rng.below(n - i)]);
    all.resize(k);
    std::sort(all.begin(), all.end());
    return all;
}

double dist(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

// [SECTION] Stress

double scale_normalised_stress(const LayoutGraph& g, const std::vector<Vec2>& pos,
                               std::size_t sources, std::uint64_t seed) {
    const std::size_t n = g.node_count;
    if (n < 2 || pos.size() != n) return 0;
    const Adjacency a = adjacency(g);
    std::vector<std::int32_t> depth(n);
    std::vector<std::uint32_t> queue(n);
    // Accumulate Σ e/d, Σ e²/d² and the pair count; then the optimal α and mean residual
    // follow in closed form: mean (αr − 1)² = (α²·Σr² − 2α·Σr + count) / count.
    double sum_r = 0, sum_r2 = 0, count = 0;
    for (const std::uint32_t s : sample_nodes(n, sources, seed)) {
        std::fill(depth.begin(), depth.end(), -1);
        depth[s] = 0;
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        while (head < tail) {
            const std::uint32_t u = queue[head++];
            for (std::uint32_t k = a.offsets[u]; k < a.offsets[u + 1]; ++k) {
                const std::uint32_t v = a.targets[k];
                if (depth[v] >= 0) continue;
                depth[v] = depth[u] + 1;
                queue[tail++] = v;
                const double r = dist(pos[s], pos[v]) / depth[v];
                if (!std::isfinite(r)) continue;
                sum_r += r;
                sum_r2 += r * r;
                count += 1;
            }
        }
    }
    if (count == 0) return 0;
    if (sum_r2 <= 0) return 1;  // everything on one point: the best scale is 0
    const double alpha = sum_r / sum_r2;
    return std::max(0.0, (alpha * alpha * sum_r2 - 2 * alpha * sum_r + count) / count);
}

// [SECTION] Neighbourhood preservation

double neighbourhood_preservation(const LayoutGraph& g, const std::vector<Vec2>& pos,
                                  std::size_t sample, std::uint64_t seed) {
    const std::size_t n = g.node_count;
    if (pos.size() != n) return 0;
    const Adjacency a = adjacency(g);
    std::vector<std::uint32_t> with_neighbours;
    for (std::uint32_t i = 0; i < n; ++i)
        if (a.offsets[i + 1] > a.offsets[i]) with_neighbours.push_back(i);
    if (with_neighbours.empty()) return 1;
    std::vector<std::uint32_t> chosen;
    for (const std::uint32_t k : sample_nodes(with_neighbours.size(), sample, seed))
        chosen.push_back(with_neighbours[k]);
    std::vector<std::pair<double, std::uint32_t>> d(n > 0 ? n - 1 : 0);
    std::vector<std::uint32_t> near;
    double total = 0;
    for (const std::uint32_t i : chosen) {
        std::size_t m = 0;
        for (std::uint32_t j = 0; j < n; ++j)
            if (j != i) {
                const double dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
                d[m++] = {dx * dx + dy * dy, j};
            }
        const std::size_t k = a.offsets[i + 1] - a.offsets[i];
        std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k - 1), d.begin() +
                                                        static_cast<std::ptrdiff_t>(m));
        near.clear();
        for (std::size_t q = 0; q < k; ++q) near.push_back(d[q].second);
        std::sort(near.begin(), near.end());
        std::size_t shared = 0;
        for (std::uint32_t q = a.offsets[i]; q < a.offsets[i + 1]; ++q)
            if (std::binary_search(near.begin(), near.end(), a.targets[q])) ++shared;
        total += static_cast<double>(shared) / static_cast<double>(2 * k - shared);
    }
    return total / static_cast<double>(chosen.size());
}

// [SECTION] Edge crossings

namespace {

struct Segment {
    std::uint32_t u, v;
    double x0, y0, x1, y1;  // x0 ≤ x1
    double lo_y, hi_y;
};

double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool cross(const Segment& a, const Segment& b) {
    if (a.u == b.u || a.u == b.v || a.v == b.u || a.v == b.v) return false;
    if (b.x0 > a.x1 || a.x0 > b.x1 || b.lo_y > a.hi_y || a.lo_y > b.hi_y) return false;
    const double d1 = orient(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0);
    const double d2 = orient(a.x0, a.y0, a.x1, a.y1, b.x1, b.y1);
    const double d3 = orient(b.x0, b.y0, b.x1, b.y1, a.x0, a.y0);
    const double d4 = orient(b.x0, b.y0, b.x1, b.y1, a.x1, a.y1);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

}  // namespace

CrossingCount edge_crossings(const LayoutGraph& g, const std::vector<Vec2>& pos,
                             std::size_t exact_limit, std::size_t sample, std::uint64_t seed) {
    CrossingCount result;
    const std::size_t n = g.node_count;
    if (pos.size() != n) return result;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const auto& e : g.edges)
        if (e.u < n && e.v < n && e.u != e.v)
            pairs.emplace_back(std::min(e.u, e.v), std::max(e.u, e.v));
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<Segment> segs;
    segs.reserve(pairs.size());
    for (const auto& [u, v] : pairs) {
        Vec2 p = pos[u], q = pos[v];
        if (q.x < p.x) std::swap(p, q);
        segs.push_back({u, v, p.x, p.y, q.x, q.y, std::min(p.y, q.y), std::max(p.y, q.y)});
    }
    // Sweep in x: a segment can only cross those that start before it ends.
    std::sort(segs.begin(), segs.end(),
              [](const Segment& a, const Segment& b) { return a.x0 < b.x0; });
    const std::size_t m = segs.size();
    if (m <= exact_limit) {
        double count = 0;
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = i + 1; j < m && segs[j].x0 <= segs[i].x1; ++j)
                if (cross(segs[i], segs[j])) count += 1;
        result.count = count;
        return result;
    }
    double found = 0;
    const auto chosen = sample_nodes(m, sample, seed);
    for (const std::uint32_t i : chosen)
        for (std::size_t j = 0; j < m && segs[j].x0 <= segs[i].x1; ++j)
            if (j != i && cross(segs[i], segs[j])) found += 1;
    // Each crossing involves two edges: Σ over all edges of their crossings is twice the total.
    result.count = std::round(found * static_cast<double>(m) / static_cast<double>(chosen.size()) / 2);
    result.estimated = true;
    return result;
}

LayoutQuality measure_layout(const LayoutGraph& g, const std::vector<Vec2>& pos,
                             std::uint64_t seed) {
    LayoutQuality q;
    q.stress = scale_normalised_stress(g, pos, 128, seed);
    q.neighbourhood = neighbourhood_preservation(g, pos, 4000, seed);
    q.crossings = edge_crossings(g, pos, 20000, 1500, seed);
    return q;
}

}  // namespace boardscape::layout
