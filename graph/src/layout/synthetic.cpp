// Synthetic index graphs (see synthetic.hpp).
#include "boardscape/layout/synthetic.hpp"

#include "rng.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace boardscape::layout {

using detail::Rng;

LayoutGraph grid_graph(std::size_t rows, std::size_t cols) {
    LayoutGraph g;
    g.node_count = rows * cols;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            const auto i = static_cast<std::uint32_t>(r * cols + c);
            if (c + 1 < cols) g.edges.push_back({i, i + 1, 1});
            if (r + 1 < rows) g.edges.push_back({i, static_cast<std::uint32_t>(i + cols), 1});
        }
    return g;
}

namespace {

/// Pareto sample with minimum `lo` and tail exponent `alpha` (P(X > x) = (lo/x)^alpha).
double pareto(Rng& rng, double lo, double alpha) {
    return lo / std::pow(1.0 - rng.uniform(), 1.0 / alpha);
}

/// Draws an index in [begin, end) proportional to weights via the prefix sums `cum`.
std::uint32_t draw(Rng& rng, const std::vector<double>& cum, std::size_t begin, std::size_t end) {
    const double lo = begin == 0 ? 0.0 : cum[begin - 1];
    const double target = lo + rng.uniform() * (cum[end - 1] - lo);
    const auto it = std::upper_bound(cum.begin() + static_cast<std::ptrdiff_t>(begin),
                                     cum.begin() + static_cast<std::ptrdiff_t>(end), target);
    const auto k = static_cast<std::size_t>(it - cum.begin());
    return static_cast<std::uint32_t>(std::min(k, end - 1));
}

}  // namespace

LayoutGraph community_graph(std::size_t n, std::size_t m, std::uint64_t seed) {
    LayoutGraph g;
    g.node_count = n;
    if (n < 2) return g;
    Rng rng(seed);
    // Communities: contiguous id ranges with power-law sizes.
    std::vector<std::size_t> start_of;  // community → first node
    std::vector<std::uint32_t> comm(n);
    const double max_size = std::max(4.0, static_cast<double>(n) / 8);
    for (std::size_t at = 0; at < n;) {
        const auto size = static_cast<std::size_t>(std::min(pareto(rng, 8, 1.3), max_size));
        const std::size_t end = std::min(n, at + std::max<std::size_t>(size, 2));
        for (std::size_t i = at; i < end; ++i) comm[i] = static_cast<std::uint32_t>(start_of.size());
        start_of.push_back(at);
        at = end;
    }
    start_of.push_back(n);
    // Node weights: heavy-tailed (degree exponent ≈ 2.5), capped so no node is adjacent to all.
    std::vector<double> cum(n);
    const double cap = std::sqrt(static_cast<double>(n)) * 4;
    double acc = 0;
    for (std::size_t i = 0; i < n; ++i) {
        acc += std::min(pareto(rng, 1, 1.5), cap);
        cum[i] = acc;
    }
    const std::size_t max_edges = n * (n - 1) / 2;
    m = std::min(m, max_edges);
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(m * 2);
    auto add = [&](std::uint32_t u, std::uint32_t v) {
        if (u == v) return false;
        const std::uint64_t key = (std::uint64_t{std::min(u, v)} << 32) | std::max(u, v);
        if (!seen.insert(key).second) return false;
        g.edges.push_back({u, v, 1});
        return true;
    };
    std::size_t attempts = 0;
    while (g.edges.size() < m && attempts < m * 50) {
        ++attempts;
        const std::uint32_t u = draw(rng, cum, 0, n);
        const std::uint32_t c = comm[u];
        const bool inside = rng.uniform() < 0.8 && start_of[c + 1] - start_of[c] > 1;
        const std::uint32_t v = inside ? draw(rng, cum, start_of[c], start_of[c + 1])
                                       : draw(rng, cum, 0, n);
        add(u, v);
    }
    // Join every other component to the first by one edge between weighted-random nodes.
    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](std::uint32_t a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    };
    for (const auto& e : g.edges) {
        const std::uint32_t a = find(e.u), b = find(e.v);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        if (find(i) == find(0)) continue;
        std::uint32_t v = draw(rng, cum, 0, n);
        while (find(v) != find(0)) v = draw(rng, cum, 0, n);
        add(i, v);
        parent[find(i)] = find(0);
    }
    return g;
}

}  // namespace boardscape::layout
