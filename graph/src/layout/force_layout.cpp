// Multilevel Barnes–Hut spring-electrical layout (see force_layout.hpp for the model and why).
#include "boardscape/layout/force_layout.hpp"

#include "barnes_hut.hpp"
#include "parallel.hpp"
#include "rng.hpp"

#include <algorithm>
#ifdef BOARDSCAPE_LAYOUT_TRACE
#include <cstdio>
#include <cstdlib>
#endif
#include <cmath>
#include <numeric>
#include <utility>

namespace boardscape::layout {

using detail::parallel_for;

namespace {

// [SECTION] Tuning constants

#ifdef BOARDSCAPE_LAYOUT_TRACE
double env_or(const char* name, double fallback) {
    const char* v = std::getenv(name);
    return v ? std::atof(v) : fallback;
}
#define TUNABLE(type, name, value) const type name = static_cast<type>(env_or(#name, value));
#else
#define TUNABLE(type, name, value) constexpr type name = value;
#endif
TUNABLE(double, repulsion_c, 0.2)        // Hu's C: repulsion strength relative to springs
TUNABLE(double, theta, 1.2)              // Barnes–Hut opening criterion (cell width / distance)
TUNABLE(double, cooling, 0.9)            // Hu's adaptive step factor
TUNABLE(double, tolerance, 0.01)         // converged when the mean move < tolerance·K
TUNABLE(std::size_t, coarsest_size, 40)  // stop coarsening at this many nodes
TUNABLE(double, work_budget, 5e4)        // node-iterations allowed per level (caps iterations)
TUNABLE(int, min_level_iterations, 30)
TUNABLE(int, max_level_iterations, 300)
TUNABLE(double, fine_step, 0.5)          // first step on a prolonged level, in K
TUNABLE(double, jitter, 0.3)             // prolongation spread, in K·sqrt(cluster mass)
constexpr std::size_t parallel_grain = 2048;  // nodes per thread below which we stay serial

using detail::Rng;

bool finite(Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// [SECTION] Levels: a weighted graph in CSR form, and coarsening

struct Level {
    std::size_t n = 0;
    std::vector<std::uint32_t> offsets;  // size n+1
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    std::vector<double> mass;                // fine nodes each node stands for
    std::vector<std::uint32_t> coarse_of;    // node → its node in the next coarser level
};

struct WeightedEdge {
    std::uint32_t u, v;
    double w;
};

/// CSR from edges with u != v; merges parallel edges by adding weights.
Level make_level(std::size_t n, std::vector<WeightedEdge> edges, std::vector<double> mass) {
    for (auto& e : edges)
        if (e.u > e.v) std::swap(e.u, e.v);
    std::sort(edges.begin(), edges.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
        return a.u != b.u ? a.u < b.u : a.v < b.v;
    });
    std::vector<WeightedEdge> merged;
    merged.reserve(edges.size());
    for (const auto& e : edges) {
        if (!merged.empty() && merged.back().u == e.u && merged.back().v == e.v)
            merged.back().w += e.w;
        else merged.push_back(e);
    }
    Level lv;
    lv.n = n;
    lv.mass = std::move(mass);
    lv.offsets.assign(n + 1, 0);
    for (const auto& e : merged) {
        ++lv.offsets[e.u + 1];
        ++lv.offsets[e.v + 1];
    }
    for (std::size_t i = 0; i < n; ++i) lv.offsets[i + 1] += lv.offsets[i];
    lv.targets.resize(lv.offsets[n]);
    lv.weights.resize(lv.offsets[n]);
    std::vector<std::uint32_t> fill(lv.offsets.begin(), lv.offsets.end() - 1);
    for (const auto& e : merged) {
        lv.targets[fill[e.u]] = e.v;
        lv.weights[fill[e.u]++] = e.w;
        lv.targets[fill[e.v]] = e.u;
        lv.weights[fill[e.v]++] = e.w;
    }
    return lv;
}

/// One coarsening step. Pass 1 matches each node with its unmatched neighbour of largest
/// w/(mᵤ·mᵥ) (light partners first keeps clusters balanced). Pass 2 folds every node left
/// unmatched into its lightest neighbouring cluster: on heavy-tailed graphs the leaves of a
/// star cannot all match its hub, and without this coarsening stalls.
Level coarsen(Level& fine, Rng& rng) {
    const std::size_t n = fine.n;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.next() % i]);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return fine.offsets[a + 1] - fine.offsets[a] < fine.offsets[b + 1] - fine.offsets[b];
    });
    constexpr std::uint32_t none = 0xFFFFFFFFu;
    std::vector<std::uint32_t> cluster(n, none);
    std::vector<double> cmass;
    for (const std::uint32_t u : order) {
        if (cluster[u] != none) continue;
        std::uint32_t best = none;
        double best_score = -1;
        for (std::uint32_t k = fine.offsets[u]; k < fine.offsets[u + 1]; ++k) {
            const std::uint32_t v = fine.targets[k];
            if (cluster[v] != none) continue;
            const double score = fine.weights[k] / (fine.mass[u] * fine.mass[v]);
            if (score > best_score) {
                best_score = score;
                best = v;
            }
        }
        if (best == none) continue;
        cluster[u] = cluster[best] = static_cast<std::uint32_t>(cmass.size());
        cmass.push_back(fine.mass[u] + fine.mass[best]);
    }
    for (const std::uint32_t u : order) {
        if (cluster[u] != none) continue;
        std::uint32_t best = none;
        double best_mass = 0;
        for (std::uint32_t k = fine.offsets[u]; k < fine.offsets[u + 1]; ++k) {
            const std::uint32_t c = cluster[fine.targets[k]];
            if (c == none) continue;
            if (best == none || cmass[c] < best_mass) {
                best = c;
                best_mass = cmass[c];
            }
        }
        if (best == none) {
            cluster[u] = static_cast<std::uint32_t>(cmass.size());
            cmass.push_back(fine.mass[u]);
        } else {
            cluster[u] = best;
            cmass[best] += fine.mass[u];
        }
    }
    std::vector<WeightedEdge> edges;
    edges.reserve(fine.targets.size() / 2);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t k = fine.offsets[u]; k < fine.offsets[u + 1]; ++k) {
            const std::uint32_t v = fine.targets[k];
            if (u < v && cluster[u] != cluster[v])
                edges.push_back({cluster[u], cluster[v], fine.weights[k]});
        }
    fine.coarse_of = std::move(cluster);
    const std::size_t nc = cmass.size();
    return make_level(nc, std::move(edges), std::move(cmass));
}

// [SECTION] One component's simulation

struct ComponentSim {
    std::vector<std::uint32_t> nodes;  // global node ids, ascending
    std::vector<Level> levels;         // [0] is the component itself
    std::size_t level = 0;             // the level being refined
    std::vector<Vec2> p;               // positions at `level`, local coordinates
    std::vector<char> pinned;          // only at level 0 (pinned components are single-level)
    double step = 0;
    double energy = 0;
    int progress = 0;
    int iterations = 0;  // on the current level
    int cap = 0;         // iteration cap for the current level
    bool done = false;
    bool anchored = false;  // has pinned nodes or initial positions: stays in global coordinates
    // Stress polish (small components only): hop distances, row-major n×n.
    bool polishing = false;
    int polish_iterations = 0;
    std::vector<std::uint16_t> hops;
    detail::QuadTree tree;
    std::vector<double> fx, fy;
};

int level_cap(std::size_t n, int user_cap) {
    const double by_budget = work_budget / static_cast<double>(std::max<std::size_t>(n, 1));
    int cap = static_cast<int>(std::clamp(by_budget, double(min_level_iterations),
                                          double(max_level_iterations)));
    if (user_cap > 0) cap = std::min(cap, user_cap);
    return cap;
}

// [SECTION] Stress polish for small components

/// Small components end with a few rounds of stress majorization (Gansner, Koren & North
/// 2004) started from the force layout: on small graphs it is cheap (O(n²) per round), it
/// minimises exactly the stress the benchmark reports, and it evens out the local distortions
/// a spring-electrical layout leaves (stretched leaves, squashed hubs). Big graphs skip it.
constexpr std::size_t polish_max_nodes = 2000;
constexpr int polish_max_iterations = 5;  // more rounds trade crossings for stress

bool start_polish(ComponentSim& s, double K) {
    const Level& lv = s.levels[0];
    const std::size_t n = lv.n;
    if (n < 3 || n > polish_max_nodes || s.polishing) return false;
    s.hops.assign(n * n, 0);
    std::vector<std::uint32_t> queue(n);
    std::vector<char> seen(n);
    for (std::size_t src = 0; src < n; ++src) {
        std::fill(seen.begin(), seen.end(), 0);
        std::uint16_t* row = s.hops.data() + src * n;
        std::size_t head = 0, tail = 0;
        queue[tail++] = static_cast<std::uint32_t>(src);
        seen[src] = 1;
        while (head < tail) {
            const std::uint32_t u = queue[head++];
            for (std::uint32_t k = lv.offsets[u]; k < lv.offsets[u + 1]; ++k) {
                const std::uint32_t v = lv.targets[k];
                if (seen[v]) continue;
                seen[v] = 1;
                row[v] = static_cast<std::uint16_t>(std::min<int>(row[u] + 1, 65535));
                queue[tail++] = v;
            }
        }
    }
    // Rescale the force layout to hop units first (the scale that minimises stress), unless
    // pinned nodes fix the scale.
    if (s.pinned.empty() || std::find(s.pinned.begin(), s.pinned.end(), 1) == s.pinned.end()) {
        double num = 0, den = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                const double d = s.hops[i * n + j] * K;
                const double e = std::hypot(s.p[i].x - s.p[j].x, s.p[i].y - s.p[j].y);
                num += e / d;
                den += e * e / (d * d);
            }
        if (den > 0 && num > 0 && std::isfinite(num / den))
            for (auto& q : s.p) q = {q.x * num / den, q.y * num / den};
    }
    s.polishing = true;
    s.polish_iterations = 0;
    return true;
}

/// One Jacobi round of localized stress majorization with weights 1/d²; pinned nodes stay.
void polish_iterate(ComponentSim& s, double K, int threads) {
    const std::size_t n = s.levels[0].n;
    std::vector<Vec2> next(s.p);
    const bool has_pins = !s.pinned.empty();
    parallel_for(n, threads, 512, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) {
            if (has_pins && s.pinned[i]) continue;
            const std::uint16_t* row = s.hops.data() + i * n;
            double sx = 0, sy = 0, sw = 0;
            for (std::size_t j = 0; j < n; ++j) {
                if (j == i) continue;
                const double d = row[j] * K;
                const double w = 1.0 / (d * d);
                const double dx = s.p[i].x - s.p[j].x, dy = s.p[i].y - s.p[j].y;
                const double e2 = dx * dx + dy * dy;
                double tx = s.p[j].x, ty = s.p[j].y;
                if (e2 > 0) {
                    const double f = d / std::sqrt(e2);
                    tx += f * dx;
                    ty += f * dy;
                }
                sx += w * tx;
                sy += w * ty;
                sw += w;
            }
            if (sw > 0 && std::isfinite(sx) && std::isfinite(sy)) next[i] = {sx / sw, sy / sw};
        }
    });
    double moved = 0;
    for (std::size_t i = 0; i < n; ++i)
        moved = std::max(moved, std::hypot(next[i].x - s.p[i].x, next[i].y - s.p[i].y));
    s.p = std::move(next);
    if (++s.polish_iterations >= polish_max_iterations || moved < 1e-3 * K) {
        s.polishing = false;
        s.hops.clear();
        s.hops.shrink_to_fit();
        s.done = true;
    }
}

/// One force iteration of Hu's spring-electrical model with adaptive step length.
void iterate(ComponentSim& s, double K, int threads) {
    const Level& lv = s.levels[s.level];
    const std::size_t n = lv.n;
    s.tree.build(s.p, lv.mass, K * 1e-6, K * 1e-3);
    s.fx.resize(n);
    s.fy.resize(n);
    const double ck2 = repulsion_c * K * K;
    parallel_for(n, threads, parallel_grain, [&](std::size_t b, std::size_t e) {
        const auto& order = s.tree.order();
        for (std::size_t t = b; t < e; ++t) {
            const std::uint32_t i = order[t];
            double rx = 0, ry = 0;
            s.tree.repulsion(i, s.p[i].x, s.p[i].y, theta, rx, ry);
            const double mi = lv.mass[i];
            double fx = ck2 * mi * rx, fy = ck2 * mi * ry;
            for (std::uint32_t k = lv.offsets[i]; k < lv.offsets[i + 1]; ++k) {
                const std::uint32_t j = lv.targets[k];
                const double dx = s.p[j].x - s.p[i].x;
                const double dy = s.p[j].y - s.p[i].y;
                const double d = std::sqrt(dx * dx + dy * dy);
                const double a = lv.weights[k] * d / K;
                fx += a * dx;
                fy += a * dy;
            }
            s.fx[i] = fx;
            s.fy[i] = fy;
        }
    });
    double energy = 0, moved = 0;
    std::size_t movable = 0;
    const bool has_pins = s.level == 0 && !s.pinned.empty();
    for (std::size_t i = 0; i < n; ++i) {
        if (has_pins && s.pinned[i]) continue;
        ++movable;
        const double f2 = s.fx[i] * s.fx[i] + s.fy[i] * s.fy[i];
        if (!(f2 > 0) || !std::isfinite(f2)) continue;
        energy += f2;
        const double f = std::sqrt(f2);
        s.p[i].x += s.step * s.fx[i] / f;
        s.p[i].y += s.step * s.fy[i] / f;
        moved += s.step;
    }
    if (!std::isfinite(energy)) energy = s.energy;  // keep the schedule sane on overflow
    if (s.iterations > 0 && energy < s.energy) {
        if (++s.progress >= 5) {
            s.progress = 0;
            s.step /= cooling;
        }
    } else {
        s.progress = 0;
        s.step *= cooling;
    }
    s.energy = energy;
    ++s.iterations;
    const double mean_move = movable > 0 ? moved / static_cast<double>(movable) : 0;
    if (movable == 0 || mean_move < tolerance * K || s.iterations >= s.cap) {
#ifdef BOARDSCAPE_LAYOUT_TRACE
        std::fprintf(stderr, "level %zu n=%zu iterations=%d step=%g\n", s.level, n, s.iterations, s.step);
#endif
        if (s.level == 0) {
            if (!start_polish(s, K)) s.done = true;
            return;
        }
        // Prolong: children start at their cluster's place, spread by a little jitter so
        // the next level's forces can tell them apart.
        const Level& fine = s.levels[s.level - 1];
        std::vector<Vec2> np(fine.n);
        Rng rng(0x51ED270B3A7C4D1FULL ^ (s.level * 0x9E3779B97F4A7C15ULL) ^ s.nodes.size());
        for (std::size_t i = 0; i < fine.n; ++i) {
            const std::uint32_t c = fine.coarse_of[i];
            const double r = jitter * K * std::sqrt(lv.mass[c]) * rng.uniform();
            const double a = 6.283185307179586 * rng.uniform();
            np[i] = {s.p[c].x + r * std::cos(a), s.p[c].y + r * std::sin(a)};
        }
        s.p = std::move(np);
        --s.level;
        s.iterations = 0;
        s.progress = 0;
        s.energy = 0;
        s.step = fine_step * K;
        s.cap = 0;
    }
}

// [SECTION] Packing components side by side

struct Box {
    double x0, y0, x1, y1;
};

/// Shelf packing: components in a stable order (largest first), rows about as wide as the
/// square root of the total area, so the whole drawing stays roughly square.
std::vector<Vec2> pack_offsets(const std::vector<Box>& boxes, double gap) {
    const std::size_t c = boxes.size();
    std::vector<Vec2> offsets(c);
    if (c == 0) return offsets;
    double area = 0, widest = 0;
    for (const auto& b : boxes) {
        area += (b.x1 - b.x0 + gap) * (b.y1 - b.y0 + gap);
        widest = std::max(widest, b.x1 - b.x0 + gap);
    }
    const double row_width = std::max(widest, std::sqrt(area) * 1.1);
    double cx = 0, cy = 0, row_h = 0, total_w = 0;
    for (std::size_t k = 0; k < c; ++k) {
        const double w = boxes[k].x1 - boxes[k].x0 + gap;
        const double h = boxes[k].y1 - boxes[k].y0 + gap;
        if (cx > 0 && cx + w > row_width) {
            cy += row_h;
            cx = 0;
            row_h = 0;
        }
        offsets[k] = {cx - boxes[k].x0, cy - boxes[k].y0};
        cx += w;
        total_w = std::max(total_w, cx);
        row_h = std::max(row_h, h);
    }
    const double total_h = cy + row_h;
    for (auto& o : offsets) {
        o.x -= (total_w - gap) / 2;
        o.y -= (total_h - gap) / 2;
    }
    return offsets;
}

}  // namespace

// [SECTION] Stepper

struct LayoutStepper::Impl {
    LayoutOptions opts;
    std::size_t n = 0;
    double K = 1;
    int threads = 1;
    std::vector<ComponentSim> comps;         // largest first
    std::vector<std::uint32_t> comp_of;      // node → index in comps
    std::vector<std::uint32_t> local_of;     // node → index within its component
    std::vector<Vec2> positions;
    std::vector<Vec2> offsets;               // per component, while packing
    bool packing = true;
    bool done = false;

    void publish();
    void start_component(ComponentSim& s, const std::vector<Vec2>& initial, Rng& rng);
};

void LayoutStepper::Impl::start_component(ComponentSim& s, const std::vector<Vec2>& initial,
                                          Rng& rng) {
    Level& base = s.levels[0];
    const bool multilevel = opts.multilevel && !s.anchored;
    if (multilevel) {
        while (s.levels.back().n > coarsest_size && s.levels.size() < 40) {
            Level next = coarsen(s.levels.back(), rng);
            if (next.n * 10 > s.levels.back().n * 9) break;  // stalled: not worth a level
            s.levels.push_back(std::move(next));
        }
        s.levels.back().coarse_of.clear();
    }
    s.level = s.levels.size() - 1;
    const Level& top = s.levels[s.level];
    double total_mass = 0;
    for (const double m : top.mass) total_mass += m;
    const double side = K * std::sqrt(total_mass);
    s.p.resize(top.n);
    for (std::size_t i = 0; i < top.n; ++i) {
        s.p[i].x = side * rng.uniform();
        s.p[i].y = side * rng.uniform();
    }
    s.step = std::max(K, 0.1 * side);
    if (s.anchored) {
        // Refine from the given positions; nodes without one start at a neighbour's place.
        for (std::size_t i = 0; i < base.n; ++i) {
            const std::uint32_t g = s.nodes[i];
            if (g < initial.size() && finite(initial[g])) {
                s.p[i].x = initial[g].x;
                s.p[i].y = initial[g].y;
            }
        }
        s.step = K;
    }
    s.cap = level_cap(top.n, opts.max_iterations);
    s.done = top.n <= 1;
}

void LayoutStepper::Impl::publish() {
    // Local → global: every fine node shows its ancestor's place at the current level.
    std::vector<Box> boxes(comps.size());
    for (std::size_t c = 0; c < comps.size(); ++c) {
        auto& s = comps[c];
        Box b{0, 0, 0, 0};
        bool first = true;
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            std::uint32_t a = static_cast<std::uint32_t>(i);
            for (std::size_t l = 0; l < s.level; ++l) a = s.levels[l].coarse_of[a];
            Vec2 p{s.p[a].x, s.p[a].y};
            if (!finite(p)) p = {0, 0};  // cannot happen; belt and braces for the contract
            positions[s.nodes[i]] = p;
            if (first) b = {p.x, p.y, p.x, p.y};
            b = {std::min(b.x0, p.x), std::min(b.y0, p.y), std::max(b.x1, p.x),
                 std::max(b.y1, p.y)};
            first = false;
        }
        boxes[c] = b;
    }
    if (packing) {
        std::vector<Box> loose;
        std::vector<std::size_t> which;
        for (std::size_t c = 0; c < comps.size(); ++c)
            if (!comps[c].anchored) {
                loose.push_back(boxes[c]);
                which.push_back(c);
            }
        const auto packed = pack_offsets(loose, 2 * K);
        offsets.assign(comps.size(), Vec2{});
        for (std::size_t k = 0; k < which.size(); ++k) offsets[which[k]] = packed[k];
    }
    if (offsets.size() != comps.size()) offsets.assign(comps.size(), Vec2{});
    for (std::size_t c = 0; c < comps.size(); ++c) {
        if (comps[c].anchored) continue;
        for (const std::uint32_t g : comps[c].nodes) {
            positions[g].x += offsets[c].x;
            positions[g].y += offsets[c].y;
        }
    }
}

LayoutStepper::LayoutStepper(LayoutGraph g, LayoutOptions opts, std::vector<Vec2> initial,
                             std::vector<bool> pinned)
    : m_impl(std::make_unique<Impl>()) {
    Impl& im = *m_impl;
    im.opts = opts;
    im.n = g.node_count;
    im.K = std::isfinite(opts.edge_length) && opts.edge_length > 0 ? opts.edge_length : 1.0;
    im.threads = detail::resolve_threads(opts.threads);
    const std::size_t n = im.n;
    if (initial.size() != n) initial.clear();
    if (pinned.size() != n) pinned.clear();
    const bool any_pinned = std::find(pinned.begin(), pinned.end(), true) != pinned.end();
    im.packing = initial.empty() && !any_pinned;

    // Components with a union-find over the valid edges.
    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](std::uint32_t a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    };
    std::vector<LayoutEdge> edges;
    edges.reserve(g.edges.size());
    for (auto e : g.edges) {
        if (e.u >= n || e.v >= n || e.u == e.v) continue;
        if (!std::isfinite(e.weight) || e.weight <= 0) e.weight = 1;
        e.weight = std::min(e.weight, 1e6);
        edges.push_back(e);
        const std::uint32_t a = find(e.u), b = find(e.v);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    std::vector<std::uint32_t> root_comp(n, 0xFFFFFFFFu);
    std::vector<std::vector<std::uint32_t>> members;
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t r = find(i);
        if (root_comp[r] == 0xFFFFFFFFu) {
            root_comp[r] = static_cast<std::uint32_t>(members.size());
            members.emplace_back();
        }
        members[root_comp[r]].push_back(i);
    }
    // Largest first, ties by smallest node id (members are discovered in id order).
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return members[a].size() > members[b].size();
    });
    im.comps.resize(members.size());
    im.comp_of.assign(n, 0);
    im.local_of.assign(n, 0);
    for (std::size_t c = 0; c < order.size(); ++c) {
        auto& s = im.comps[c];
        s.nodes = std::move(members[order[c]]);
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            im.comp_of[s.nodes[i]] = static_cast<std::uint32_t>(c);
            im.local_of[s.nodes[i]] = static_cast<std::uint32_t>(i);
        }
    }
    std::vector<std::vector<WeightedEdge>> comp_edges(im.comps.size());
    for (const auto& e : edges)
        comp_edges[im.comp_of[e.u]].push_back({im.local_of[e.u], im.local_of[e.v], e.weight});
    Rng rng(opts.seed);
    for (std::size_t c = 0; c < im.comps.size(); ++c) {
        auto& s = im.comps[c];
        s.levels.push_back(make_level(s.nodes.size(), std::move(comp_edges[c]),
                                      std::vector<double>(s.nodes.size(), 1.0)));
        s.anchored = !im.packing;
        if (any_pinned) {
            s.pinned.assign(s.nodes.size(), 0);
            for (std::size_t i = 0; i < s.nodes.size(); ++i) s.pinned[i] = pinned[s.nodes[i]];
        }
        Rng comp_rng(rng.next());
        im.start_component(s, initial, comp_rng);
    }
    im.positions.assign(n, Vec2{});
    im.publish();
    im.done = std::all_of(im.comps.begin(), im.comps.end(),
                          [](const ComponentSim& s) { return s.done; });
}

LayoutStepper::~LayoutStepper() = default;
LayoutStepper::LayoutStepper(LayoutStepper&&) noexcept = default;
LayoutStepper& LayoutStepper::operator=(LayoutStepper&&) noexcept = default;

bool LayoutStepper::step(int max_iterations) {
    Impl& im = *m_impl;
    if (im.done) return false;
    for (int it = 0; it < std::max(max_iterations, 1); ++it) {
        bool any = false;
        for (auto& s : im.comps) {
            if (s.done) continue;
            if (s.cap == 0) s.cap = level_cap(s.levels[s.level].n, im.opts.max_iterations);
            if (s.polishing) polish_iterate(s, im.K, im.threads);
            else iterate(s, im.K, im.threads);
            any = true;
        }
        if (!any) break;
    }
    im.publish();
    im.done = std::all_of(im.comps.begin(), im.comps.end(),
                          [](const ComponentSim& s) { return s.done; });
    return !im.done;
}

bool LayoutStepper::converged() const { return m_impl->done; }

const std::vector<Vec2>& LayoutStepper::positions() const { return m_impl->positions; }

void LayoutStepper::set_position(std::size_t node, Vec2 p, bool pin) {
    Impl& im = *m_impl;
    if (node >= im.n || !finite(p)) return;
    im.packing = false;
    auto& s = im.comps[im.comp_of[node]];
    const std::uint32_t i = im.local_of[node];
    const Vec2 off = s.anchored ? Vec2{} : im.offsets[im.comp_of[node]];
    // Collapse to the finest level so the node can move on its own.
    if (s.level > 0) {
        std::vector<Vec2> np(s.nodes.size());
        for (std::size_t k = 0; k < s.nodes.size(); ++k)
            np[k] = {im.positions[s.nodes[k]].x - off.x, im.positions[s.nodes[k]].y - off.y};
        s.p = std::move(np);
        s.level = 0;
        s.iterations = 0;
        s.cap = 0;
        s.step = im.K;
    }
    s.p[i].x = p.x - off.x;
    s.p[i].y = p.y - off.y;
    im.positions[node] = p;
    if (pin) set_pinned(node, true);
}

void LayoutStepper::set_pinned(std::size_t node, bool pin) {
    Impl& im = *m_impl;
    if (node >= im.n) return;
    im.packing = false;
    auto& s = im.comps[im.comp_of[node]];
    if (s.pinned.empty()) s.pinned.assign(s.nodes.size(), 0);
    if (s.level > 0) set_position(node, im.positions[node], false);
    s.pinned[im.local_of[node]] = pin ? 1 : 0;
}

void LayoutStepper::reheat() {
    Impl& im = *m_impl;
    im.packing = false;
    for (auto& s : im.comps) {
        if (s.nodes.size() <= 1) continue;
        if (s.level > 0) continue;  // still running its multilevel schedule
        s.done = false;
        s.polishing = false;
        s.hops.clear();
        s.iterations = 0;
        s.progress = 0;
        s.energy = 0;
        s.cap = 0;
        s.step = im.K;
    }
    im.done = std::all_of(im.comps.begin(), im.comps.end(),
                          [](const ComponentSim& s) { return s.done; });
}

std::vector<Vec2> run_layout(const LayoutGraph& g, const LayoutOptions& opts,
                             const std::vector<Vec2>& initial, const std::vector<bool>& pinned) {
    LayoutStepper stepper(g, opts, initial, pinned);
    while (stepper.step(64)) {
    }
    return stepper.positions();
}

}  // namespace boardscape::layout
