// Synthetic index graphs for layout benchmarks and tests: a rectangular grid and a seeded
// heavy-tailed community graph (power-law community sizes and node degrees, like the
// people–board projections of big landscapes, but of any size).
#pragma once

#include "boardscape/layout/force_layout.hpp"

#include <cstddef>
#include <cstdint>

namespace boardscape::layout {

/// rows × cols grid; node r·cols + c; edges to the right and downward neighbours.
LayoutGraph grid_graph(std::size_t rows, std::size_t cols);

/// n nodes, about m edges (exactly m distinct simple edges, plus one extra edge per component
/// beyond the first to keep it connected). Community sizes and node weights follow power laws;
/// 80% of edges fall inside a community; endpoints are drawn proportional to node weight
/// (Chung–Lu), so degrees are heavy-tailed. Deterministic for a seed.
LayoutGraph community_graph(std::size_t n, std::size_t m, std::uint64_t seed = 1);

}  // namespace boardscape::layout
