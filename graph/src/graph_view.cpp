// Builds the Boost.Graph view of a Dataset (see graph_view.hpp for vertex order and edges).
#include "boardscape/graph_view.hpp"

namespace boardscape {

std::string_view to_string(EdgeType t) {
    switch (t) {
        case EdgeType::membership: return "membership";
        case EdgeType::relation: return "relation";
        case EdgeType::subgroup_of: return "subgroup_of";
        case EdgeType::covers: return "covers";
        case EdgeType::part_of: return "part_of";
        case EdgeType::works_for: return "works_for";
    }
    return "edge";
}

std::size_t GraphView::vertex_of(EntityRef r) const {
    switch (r.type) {
        case EntityType::area: return area_offset + r.index;
        case EntityType::agency: return agency_offset + r.index;
        case EntityType::board: return board_offset + r.index;
        case EntityType::person: return person_offset + r.index;
    }
    return r.index;
}

std::optional<std::size_t> GraphView::vertex_of(const Dataset& d, std::string_view id) const {
    auto r = d.find(id);
    if (!r) return std::nullopt;
    return vertex_of(*r);
}

GraphView build_graph_view(const Dataset& d) {
    GraphView v;
    v.area_offset = 0;
    v.agency_offset = d.areas.size();
    v.board_offset = v.agency_offset + d.agencies.size();
    v.person_offset = v.board_offset + d.boards.size();
    ModelGraph& g = v.graph;
    g = ModelGraph(v.person_offset + d.people.size());

    for (std::size_t i = 0; i < d.areas.size(); ++i) {
        const Area& a = d.areas[i];
        g[v.area_offset + i] = {EntityType::area, i, a.id.value, a.name, a.kind.value_or(""), ""};
    }
    for (std::size_t i = 0; i < d.agencies.size(); ++i) {
        const Agency& a = d.agencies[i];
        g[v.agency_offset + i] = {EntityType::agency, i, a.id.value, a.name, "",
                                  std::string(to_string(a.sector))};
    }
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        const Board& b = d.boards[i];
        g[v.board_offset + i] = {EntityType::board, i, b.id.value, b.name,
                                 std::string(to_string(b.kind)), ""};
    }
    for (std::size_t i = 0; i < d.people.size(); ++i) {
        const Person& p = d.people[i];
        g[v.person_offset + i] = {EntityType::person, i, p.id.value, p.name, "", ""};
    }

    auto link = [&](std::size_t from, std::size_t to, EdgeType t, std::size_t index) {
        boost::add_edge(from, to, GraphEdge{t, index}, g);
    };
    constexpr std::size_t none = static_cast<std::size_t>(-1);

    // Entity-owned links first, in entity order, then memberships and relations in file order.
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (d.areas[i].parent)
            if (auto p = d.find_area(*d.areas[i].parent))
                link(v.area_offset + i, v.area_offset + *p, EdgeType::part_of, none);
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        for (const AreaId& a : d.agencies[i].footprint)
            if (auto ai = d.find_area(a))
                link(v.agency_offset + i, v.area_offset + *ai, EdgeType::covers, none);
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        const Board& b = d.boards[i];
        if (b.parent)
            if (auto p = d.find_board(*b.parent))
                link(v.board_offset + i, v.board_offset + *p, EdgeType::subgroup_of, none);
        for (const AreaId& a : b.footprint)
            if (auto ai = d.find_area(a))
                link(v.board_offset + i, v.area_offset + *ai, EdgeType::covers, none);
    }
    for (std::size_t i = 0; i < d.people.size(); ++i)
        if (d.people[i].agency)
            if (auto a = d.find_agency(*d.people[i].agency))
                link(v.person_offset + i, v.agency_offset + *a, EdgeType::works_for, none);
    for (std::size_t i = 0; i < d.memberships.size(); ++i) {
        auto p = d.find_person(d.memberships[i].person);
        auto b = d.find_board(d.memberships[i].board);
        if (p && b) link(v.person_offset + *p, v.board_offset + *b, EdgeType::membership, i);
    }
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        auto f = d.find_board(d.relations[i].from);
        auto t = d.find_board(d.relations[i].to);
        if (f && t) link(v.board_offset + *f, v.board_offset + *t, EdgeType::relation, i);
    }
    return v;
}

}  // namespace boardscape
