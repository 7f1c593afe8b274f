// The drawable graph derived from a Dataset: one node per entity (areas, agencies, boards,
// people) and typed edges (memberships, employment, sub-groups, relations, footprints). Built
// once per loaded dataset; the canvas, hit testing, the layout and the overlays index into it.
#pragma once

#include "boardscape/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace boardscape::viewer {

using NodeIndex = std::uint32_t;

enum class EdgeType : std::uint8_t { membership, works_for, subgroup_of, relation, covers, part_of };
inline constexpr int edge_type_count = 6;
std::string_view to_string(EdgeType t);

struct SceneNode {
    EntityType type = EntityType::board;
    std::size_t index = 0;  // into the dataset vector of `type`
    std::string id;
};

struct SceneEdge {
    NodeIndex u = 0;
    NodeIndex v = 0;
    EdgeType type = EdgeType::membership;
    std::size_t index = 0;  // membership or relation index where it applies
};

struct Scene {
    std::vector<SceneNode> nodes;
    std::vector<SceneEdge> edges;
    /// Node indices adjacent to each node (by node index), de-duplicated.
    std::vector<std::vector<NodeIndex>> neighbours;
    /// Edge indices touching each node (by node index).
    std::vector<std::vector<std::uint32_t>> incident;
    /// Nodes in label priority order: top-level boards by size, agencies by seats, sub-groups,
    /// people by number of boards, then areas.
    std::vector<NodeIndex> label_order;

    std::optional<NodeIndex> find(std::string_view id) const;

    std::unordered_map<std::string, NodeIndex> m_by_id;
};

Scene build_scene(const Dataset& d);

/// Nodes within `hops` edges of `start` (including it), as a per-node flag vector.
std::vector<bool> ego_network(const Scene& s, NodeIndex start, int hops);

}  // namespace boardscape::viewer
