// Boost.Graph Fruchterman–Reingold as a small-graph baseline for the benchmark.
#pragma once

#include "boardscape/layout/force_layout.hpp"

#include <cstdint>
#include <vector>

namespace boardscape::bench {

std::vector<layout::Vec2> boost_fr_layout(const layout::LayoutGraph& g, std::uint64_t seed);

}  // namespace boardscape::bench
