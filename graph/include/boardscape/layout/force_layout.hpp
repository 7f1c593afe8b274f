// Force-directed layout for the board landscape and for large synthetic graphs.
// Input is an index graph (nodes 0..n-1, weighted undirected edges); output is positions in
// world units. Deterministic for a given seed (and independent of the thread count).
// LayoutStepper does bounded work per call so the viewer can run it on a worker thread while
// frames stay smooth; pinned nodes never move.
//
// Engine: the spring-electrical model of Fruchterman–Reingold in Hu's formulation (attraction
// d²/K along edges, repulsion C·K²·mᵢmⱼ/d between all pairs), repulsion approximated with a
// Barnes–Hut quadtree (O(n log n) per iteration), Hu's adaptive step length, and a multilevel
// scheme (matching plus star collapse, so heavy-tailed graphs still coarsen) where the coarse
// layout seeds the finer one. We chose FR-with-quadtree over ForceAtlas2 because its energy is
// what stress rewards (edge lengths near K everywhere, while ForceAtlas2's linear attraction and
// degree-weighted repulsion deliberately stretch hubs apart), and because its multilevel
// behaviour is well understood (it is what Graphviz sfdp does, our reference in bench/).
// Components of at most 2000 nodes finish with a few rounds of stress majorization (exact
// hop distances, O(n²) each), which removes the uneven edge lengths spring-electrical layouts
// leave on small graphs. Disconnected components are laid out separately and packed side by
// side in shelves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace boardscape::layout {

struct Vec2 {
    double x = 0;
    double y = 0;
};

struct LayoutEdge {
    std::uint32_t u = 0;
    std::uint32_t v = 0;
    double weight = 1;  // > 0; non-finite or non-positive weights count as 1
};

/// Nodes are 0..node_count-1. Edges naming a node ≥ node_count are ignored; self-loops are
/// ignored; parallel edges add their weights.
struct LayoutGraph {
    std::size_t node_count = 0;
    std::vector<LayoutEdge> edges;
};

struct LayoutOptions {
    std::uint64_t seed = 1;
    int max_iterations = 0;    // 0: the engine's own convergence rule; else a cap per level
    int threads = 0;           // 0: use the hardware's cores
    double edge_length = 1.0;  // the natural edge length K, in world units
    bool multilevel = true;    // false: one level only (slower on big graphs; for comparisons)
};

/// Runs a layout to convergence. `initial` (size n or empty) seeds positions: when given, the
/// engine refines from it (one level, gentle start) instead of starting afresh. `pinned` (size n
/// or empty) marks nodes that keep their initial position. With neither, components are packed
/// side by side around the origin. Never returns NaN or infinity.
std::vector<Vec2> run_layout(const LayoutGraph& g, const LayoutOptions& opts,
                             const std::vector<Vec2>& initial = {},
                             const std::vector<bool>& pinned = {});

/// Incremental layout: call step() repeatedly; each call does bounded work (about
/// `max_iterations` force iterations over the current level, O(n log n) each).
/// Not thread-safe: drive it from one thread and copy positions() out under your own lock.
class LayoutStepper {
public:
    LayoutStepper(LayoutGraph g, LayoutOptions opts, std::vector<Vec2> initial = {},
                  std::vector<bool> pinned = {});
    ~LayoutStepper();
    LayoutStepper(LayoutStepper&&) noexcept;
    LayoutStepper& operator=(LayoutStepper&&) noexcept;

    /// Advances by at most `max_iterations`; returns true while not yet converged.
    bool step(int max_iterations = 1);
    bool converged() const;
    /// Indexed by node; world units. While coarse levels run, a node shows its cluster's place.
    const std::vector<Vec2>& positions() const;
    /// Moves (and optionally pins) one node, e.g. while the user drags it. Any call to this,
    /// set_pinned or reheat freezes where components were packed, so pinned nodes stay put.
    void set_position(std::size_t node, Vec2 p, bool pin);
    void set_pinned(std::size_t node, bool pin);
    /// Restarts cooling (e.g. after the user moved nodes) without resetting positions.
    void reheat();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace boardscape::layout
