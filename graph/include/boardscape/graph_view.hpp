// A Boost.Graph view of a whole Dataset: one vertex per entity (areas, agencies, boards, people
// in that order, each in file order) and one typed, directed edge per link in the model.
// Pulls in boost/graph/adjacency_list.hpp: include it only where the Boost view is needed.
#pragma once

#include "boardscape/model.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace boardscape {

struct GraphVertex {
    EntityType type = EntityType::area;
    std::size_t index = 0;  // index in the dataset's vector for `type`
    std::string id;
    std::string name;
    std::string kind;    // board kind or area kind ("" when none)
    std::string sector;  // agency sector ("" for other types)
};

enum class EdgeType { membership, relation, subgroup_of, covers, part_of, works_for };
std::string_view to_string(EdgeType t);

/// Edge direction: membership person→board, relation from→to, subgroup_of board→parent,
/// covers board/agency→area, part_of area→parent, works_for person→agency.
struct GraphEdge {
    EdgeType type = EdgeType::membership;
    /// Membership index for `membership`, relation index for `relation`; npos otherwise.
    std::size_t index = static_cast<std::size_t>(-1);
};

using ModelGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         GraphVertex, GraphEdge>;

struct GraphView {
    ModelGraph graph;
    /// First vertex of each entity type: vertex = offset[type] + index in that type's vector.
    std::size_t area_offset = 0, agency_offset = 0, board_offset = 0, person_offset = 0;

    std::size_t vertex_of(EntityRef r) const;
    std::optional<std::size_t> vertex_of(const Dataset& d, std::string_view id) const;
};

/// Builds the view over every entity and link, active or not. References that do not resolve
/// (never in a validated dataset) are skipped.
GraphView build_graph_view(const Dataset& d);

}  // namespace boardscape
