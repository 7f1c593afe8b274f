// Layout quality metrics, so the benchmark (and tests) can compare engines on numbers rather
// than screenshots. All are deterministic for a given seed; the sampled ones say so.
// Graph distances are hop counts (BFS); edge weights are ignored here.
#pragma once

#include "boardscape/layout/force_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace boardscape::layout {

/// Scale-normalised stress: with d = hop distance and e = layout distance over pairs (s, v)
/// where s is one of `sources` nodes sampled uniformly (all nodes when n ≤ sources) and v is
/// reachable from s, the mean of (α·e/d − 1)² where α minimises it (weights 1/d², so α =
/// Σ(e/d) / Σ(e²/d²)). 0 is perfect; invariant to uniform scaling. 0 when there are no pairs.
double scale_normalised_stress(const LayoutGraph& g, const std::vector<Vec2>& pos,
                               std::size_t sources = 128, std::uint64_t seed = 1);

/// Neighbourhood preservation: mean over nodes with neighbours (sampled uniformly down to
/// `sample` nodes when there are more) of the Jaccard index between a node's graph neighbours
/// and its k nearest other nodes in the layout, k = its number of distinct neighbours. 1 is
/// perfect. 1 when no node has a neighbour.
double neighbourhood_preservation(const LayoutGraph& g, const std::vector<Vec2>& pos,
                                  std::size_t sample = 4000, std::uint64_t seed = 1);

struct CrossingCount {
    double count = 0;        // pairs of edges that properly cross (edges sharing a node never)
    bool estimated = false;  // true when sampled: then count is an estimate of the total
};

/// Edge crossings over distinct non-loop edges: exact when there are at most `exact_limit`,
/// else estimated from `sample` edges each tested against all others.
CrossingCount edge_crossings(const LayoutGraph& g, const std::vector<Vec2>& pos,
                             std::size_t exact_limit = 20000, std::size_t sample = 1500,
                             std::uint64_t seed = 1);

struct LayoutQuality {
    double stress = 0;
    double neighbourhood = 0;
    CrossingCount crossings;
};

LayoutQuality measure_layout(const LayoutGraph& g, const std::vector<Vec2>& pos,
                             std::uint64_t seed = 1);

}  // namespace boardscape::layout
