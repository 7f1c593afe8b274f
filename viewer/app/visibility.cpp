#include "app/visibility.hpp"

#include <cctype>

namespace boardscape::viewer {

bool contains_folded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > haystack.size()) return false;
    const auto fold = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size() && fold(haystack[i + j]) == fold(needle[j])) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

Visibility compute_visibility(const Session& s, const Filters& f, bool anonymise) {
    Visibility v;
    const Scene& scene = s.scene();
    const Derived& der = s.derived();
    const Dataset& d = s.dataset();
    const std::size_t n = scene.nodes.size();
    v.node_visible.assign(n, 1);
    for (NodeIndex i = 0; i < n; ++i) {
        const SceneNode& node = scene.nodes[i];
        bool filtered = false;
        switch (node.type) {
        case EntityType::board:
            filtered = !f.board_kind_shown[static_cast<std::size_t>(d.boards[node.index].kind)];
            break;
        case EntityType::agency:
        case EntityType::person:
            filtered = !f.sector_shown[static_cast<std::size_t>(s.node_sector(i))] ||
                       (node.type == EntityType::person && !f.show_people);
            break;
        case EntityType::area: filtered = !f.show_areas; break;
        }
        const bool inactive = !f.show_inactive && i < der.node_active.size() && !der.node_active[i];
        if (filtered) ++v.hidden_by_filters;
        else if (inactive) ++v.hidden_inactive;
        v.node_visible[i] = !filtered && !inactive;
    }
    v.edge_visible.assign(scene.edges.size(), 0);
    for (std::size_t e = 0; e < scene.edges.size(); ++e) {
        const SceneEdge& ed = scene.edges[e];
        const bool active = f.show_inactive || e >= der.edge_active.size() || der.edge_active[e];
        v.edge_visible[e] = v.node_visible[ed.u] && v.node_visible[ed.v] && active;
    }
    if (!f.search.empty()) {
        v.search_match.assign(n, 0);
        for (NodeIndex i = 0; i < n; ++i) {
            // Anonymised people are searchable by their shown name only: a search by a real
            // name must not reveal which node it is.
            const bool hit = contains_folded(s.display_name(i, anonymise), f.search) ||
                             contains_folded(s.display_id(i, anonymise), f.search);
            v.search_match[i] = hit;
            v.search_matches += hit;
        }
    }
    return v;
}

}  // namespace boardscape::viewer
