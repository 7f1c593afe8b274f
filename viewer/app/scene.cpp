#include "app/scene.hpp"

#include <algorithm>
#include <deque>

namespace boardscape::viewer {

std::string_view to_string(EdgeType t) {
    switch (t) {
    case EdgeType::membership: return "membership";
    case EdgeType::works_for: return "works_for";
    case EdgeType::subgroup_of: return "subgroup_of";
    case EdgeType::relation: return "relation";
    case EdgeType::covers: return "covers";
    case EdgeType::part_of: return "part_of";
    }
    return "membership";
}

std::optional<NodeIndex> Scene::find(std::string_view id) const {
    const auto it = m_by_id.find(std::string(id));
    if (it == m_by_id.end()) return std::nullopt;
    return it->second;
}

Scene build_scene(const Dataset& d) {
    Scene s;
    const auto add_node = [&](EntityType t, std::size_t i, const std::string& id) {
        s.m_by_id.emplace(id, static_cast<NodeIndex>(s.nodes.size()));
        s.nodes.push_back({t, i, id});
    };
    // Order here only fixes indices; the canvas draws by type (areas under people under boards).
    for (std::size_t i = 0; i < d.areas.size(); ++i) add_node(EntityType::area, i, d.areas[i].id.str());
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        add_node(EntityType::agency, i, d.agencies[i].id.str());
    for (std::size_t i = 0; i < d.boards.size(); ++i) add_node(EntityType::board, i, d.boards[i].id.str());
    for (std::size_t i = 0; i < d.people.size(); ++i) add_node(EntityType::person, i, d.people[i].id.str());

    const auto add_edge = [&](const std::string& a, const std::string& b, EdgeType t, std::size_t idx) {
        const auto u = s.find(a);
        const auto v = s.find(b);
        if (!u || !v || *u == *v) return;
        s.edges.push_back({*u, *v, t, idx});
    };
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (d.areas[i].parent) add_edge(d.areas[i].id.str(), d.areas[i].parent->str(), EdgeType::part_of, i);
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        for (const auto& a : d.agencies[i].footprint) add_edge(d.agencies[i].id.str(), a.str(), EdgeType::covers, i);
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        const Board& b = d.boards[i];
        if (b.parent) add_edge(b.id.str(), b.parent->str(), EdgeType::subgroup_of, i);
        for (const auto& a : b.footprint) add_edge(b.id.str(), a.str(), EdgeType::covers, i);
    }
    for (std::size_t i = 0; i < d.people.size(); ++i)
        if (d.people[i].agency) add_edge(d.people[i].id.str(), d.people[i].agency->str(), EdgeType::works_for, i);
    for (std::size_t i = 0; i < d.memberships.size(); ++i)
        add_edge(d.memberships[i].person.str(), d.memberships[i].board.str(), EdgeType::membership, i);
    for (std::size_t i = 0; i < d.relations.size(); ++i)
        add_edge(d.relations[i].from.str(), d.relations[i].to.str(), EdgeType::relation, i);

    s.neighbours.assign(s.nodes.size(), {});
    s.incident.assign(s.nodes.size(), {});
    for (std::uint32_t e = 0; e < s.edges.size(); ++e) {
        const SceneEdge& ed = s.edges[e];
        s.neighbours[ed.u].push_back(ed.v);
        s.neighbours[ed.v].push_back(ed.u);
        s.incident[ed.u].push_back(e);
        s.incident[ed.v].push_back(e);
    }
    for (auto& n : s.neighbours) {
        std::sort(n.begin(), n.end());
        n.erase(std::unique(n.begin(), n.end()), n.end());
    }

    // Label priority: a rank per type, then a weight within the type (larger first).
    std::vector<int> seats(s.nodes.size(), 0);
    for (const auto& e : s.edges)
        if (e.type == EdgeType::membership || e.type == EdgeType::works_for) {
            ++seats[e.u];
            ++seats[e.v];
        }
    const auto rank = [&](NodeIndex n) {
        const SceneNode& node = s.nodes[n];
        switch (node.type) {
        case EntityType::board: return d.boards[node.index].parent ? 2 : 0;
        case EntityType::agency: return 1;
        case EntityType::person: return 3;
        case EntityType::area: return 4;
        }
        return 5;
    };
    s.label_order.resize(s.nodes.size());
    for (NodeIndex i = 0; i < s.nodes.size(); ++i) s.label_order[i] = i;
    std::stable_sort(s.label_order.begin(), s.label_order.end(), [&](NodeIndex a, NodeIndex b) {
        const int ra = rank(a), rb = rank(b);
        if (ra != rb) return ra < rb;
        if (seats[a] != seats[b]) return seats[a] > seats[b];
        return s.nodes[a].id < s.nodes[b].id;
    });
    return s;
}

std::vector<bool> ego_network(const Scene& s, NodeIndex start, int hops) {
    std::vector<bool> in(s.nodes.size(), false);
    if (start >= s.nodes.size()) return in;
    std::vector<int> depth(s.nodes.size(), -1);
    std::deque<NodeIndex> queue{start};
    depth[start] = 0;
    in[start] = true;
    while (!queue.empty()) {
        const NodeIndex n = queue.front();
        queue.pop_front();
        if (depth[n] >= hops) continue;
        for (NodeIndex m : s.neighbours[n]) {
            if (depth[m] >= 0) continue;
            depth[m] = depth[n] + 1;
            in[m] = true;
            queue.push_back(m);
        }
    }
    return in;
}

}  // namespace boardscape::viewer
