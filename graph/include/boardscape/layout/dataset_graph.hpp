// The layout graph of a dataset: one node per entity, edges for the ties people see when they
// read the landscape (seats, employers, sub-groups, relations, footprints, area nesting).
// `boardscape layout` lays out a JSON file through this, and the benchmark uses it too.
#pragma once

#include "boardscape/layout/force_layout.hpp"
#include "boardscape/model.hpp"

#include <string>
#include <vector>

namespace boardscape::layout {

struct DatasetGraph {
    std::vector<std::string> ids;  // indexed by node: areas, agencies, boards, people (file order)
    LayoutGraph graph;
};

/// Edges (weight): membership person–board (1, once per pair), person–agency (1), sub-group–
/// parent (1), relation board–board (1), area–parent area (1), board or agency footprint area
/// (0.3: footprints are many and would otherwise pull everything onto the areas).
DatasetGraph dataset_graph(const Dataset& d);

}  // namespace boardscape::layout
