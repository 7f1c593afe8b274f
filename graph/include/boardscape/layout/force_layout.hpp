// Force-directed layout for the board landscape and for large synthetic graphs.
// Input is an index graph (nodes 0..n-1, weighted undirected edges); output is positions in
// world units. Deterministic for a given seed. LayoutStepper does bounded work per call so the
// viewer can run it on a worker thread while frames stay smooth; pinned nodes never move.
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
    double weight = 1;
};

struct LayoutGraph {
    std::size_t node_count = 0;
    std::vector<LayoutEdge> edges;
};

struct LayoutOptions {
    std::uint64_t seed = 1;
    int max_iterations = 0;  // 0: the engine's own convergence rule
    int threads = 0;         // 0: use the hardware's cores
};

/// Runs a layout. `initial` (size n or empty) seeds positions; `pinned` (size n or empty) marks
/// nodes that keep their initial position. Never returns NaN or infinity.
std::vector<Vec2> run_layout(const LayoutGraph& g, const LayoutOptions& opts,
                             const std::vector<Vec2>& initial = {},
                             const std::vector<bool>& pinned = {});

/// Incremental layout: call step() repeatedly; each call does bounded work.
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
    const std::vector<Vec2>& positions() const;
    /// Moves (and optionally pins) one node, e.g. while the user drags it.
    void set_position(std::size_t node, Vec2 p, bool pin);
    void set_pinned(std::size_t node, bool pin);
    /// Restarts cooling (e.g. after the user moved nodes) without resetting positions.
    void reheat();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace boardscape::layout
