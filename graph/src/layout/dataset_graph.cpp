// The layout graph of a dataset (see dataset_graph.hpp).
#include "boardscape/layout/dataset_graph.hpp"

#include <algorithm>

namespace boardscape::layout {

DatasetGraph dataset_graph(const Dataset& d) {
    DatasetGraph out;
    out.ids.reserve(d.areas.size() + d.agencies.size() + d.boards.size() + d.people.size());
    const auto area0 = static_cast<std::uint32_t>(0);
    const auto agency0 = static_cast<std::uint32_t>(d.areas.size());
    const auto board0 = static_cast<std::uint32_t>(agency0 + d.agencies.size());
    const auto person0 = static_cast<std::uint32_t>(board0 + d.boards.size());
    for (const auto& a : d.areas) out.ids.push_back(a.id.str());
    for (const auto& a : d.agencies) out.ids.push_back(a.id.str());
    for (const auto& b : d.boards) out.ids.push_back(b.id.str());
    for (const auto& p : d.people) out.ids.push_back(p.id.str());
    out.graph.node_count = out.ids.size();
    auto& edges = out.graph.edges;
    auto idx = [](std::optional<std::size_t> i, std::uint32_t base) {
        return static_cast<std::uint32_t>(base + *i);
    };
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (d.areas[i].parent)
            if (auto p = d.find_area(*d.areas[i].parent))
                edges.push_back({area0 + static_cast<std::uint32_t>(i), idx(p, area0), 1});
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        for (const auto& a : d.agencies[i].footprint)
            if (auto p = d.find_area(a))
                edges.push_back({agency0 + static_cast<std::uint32_t>(i), idx(p, area0), 0.3});
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        const auto b = board0 + static_cast<std::uint32_t>(i);
        for (const auto& a : d.boards[i].footprint)
            if (auto p = d.find_area(a)) edges.push_back({b, idx(p, area0), 0.3});
        if (d.boards[i].parent)
            if (auto p = d.find_board(*d.boards[i].parent)) edges.push_back({b, idx(p, board0), 1});
    }
    for (std::size_t i = 0; i < d.people.size(); ++i)
        if (d.people[i].agency)
            if (auto p = d.find_agency(*d.people[i].agency))
                edges.push_back({person0 + static_cast<std::uint32_t>(i), idx(p, agency0), 1});
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seats;
    for (const auto& m : d.memberships) {
        const auto p = d.find_person(m.person);
        const auto b = d.find_board(m.board);
        if (p && b) seats.emplace_back(idx(p, person0), idx(b, board0));
    }
    std::sort(seats.begin(), seats.end());
    seats.erase(std::unique(seats.begin(), seats.end()), seats.end());
    for (const auto& [p, b] : seats) edges.push_back({p, b, 1});
    for (const auto& r : d.relations) {
        const auto a = d.find_board(r.from);
        const auto b = d.find_board(r.to);
        if (a && b) edges.push_back({idx(a, board0), idx(b, board0), 1});
    }
    return out;
}

}  // namespace boardscape::layout
