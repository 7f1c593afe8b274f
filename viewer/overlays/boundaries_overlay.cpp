// Boundaries overlay: with an agency selected, every top-level board coloured by how its
// footprint relates to the agency's (equal / agency wider / narrower / straddles), plus the
// agency's boards to attend. Boards that expect the agency (its sector is a statutory partner
// of their kind) are drawn in full and larger: those are its duty; the rest of its patch is
// drawn faded (rings would merge into one dark mass where a force meets 100+ boards). Without
// an agency selected, the one cutting across boards most is shown.
#include "overlays/overlay.hpp"

#include "app/vocab_labels.hpp"
#include "canvas/palette.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace boardscape::viewer {

// Ink, not hue (palette.hpp): same footprint is solid black; a board inside the agency's area
// is white with a black dot (it sits inside); a board wider than the agency is black with a
// white dot (the agency is the small part); a straddling board is hatched (cut across); no
// overlap is pale grey.
ImU32 boundary_colour(BoundaryRelation r) {
    switch (r) {
    case BoundaryRelation::equal:
    case BoundaryRelation::agency_narrower: return overlay_colour::ink;
    case BoundaryRelation::agency_wider:
    case BoundaryRelation::straddles: return overlay_colour::paper;
    case BoundaryRelation::disjoint: return overlay_colour::faint;
    }
    return overlay_colour::faint;
}

NodeMark boundary_mark(BoundaryRelation r) {
    switch (r) {
    case BoundaryRelation::agency_wider:
    case BoundaryRelation::agency_narrower: return NodeMark::centre_dot;
    case BoundaryRelation::straddles: return NodeMark::hatch;
    case BoundaryRelation::equal:
    case BoundaryRelation::disjoint: return NodeMark::none;
    }
    return NodeMark::none;
}

OverlayStyle boundaries_overlay(const Session& s, std::optional<NodeIndex> selected, bool anonymise) {
    OverlayStyle st;
    const Scene& sc = s.scene();
    const Derived& der = s.derived();
    const std::size_t n = sc.nodes.size();
    st.fill.assign(n, 0);
    st.size.assign(n, 1.0f);
    st.fade.assign(n, 1);
    st.mark.assign(n, NodeMark::none);
    st.highlight.assign(n, 0);
    st.fade_membership_edges = true;
    st.title = "Boundaries: board footprints against one agency's";

    std::optional<std::size_t> agency_row;
    if (selected && *selected < n && sc.nodes[*selected].type == EntityType::agency &&
        der.bnd_of_agency[*selected] != static_cast<std::size_t>(-1))
        agency_row = der.bnd_of_agency[*selected];
    if (!agency_row && !der.boundaries.agencies.empty()) {
        // No agency chosen: show the one whose footprint cuts across boards in the most ways
        // (the mismatch story), ties to the one with most meetings to attend (the list order).
        int best = -1;
        for (std::size_t i = 0; i < der.boundaries.agencies.size(); ++i) {
            bool seen[5] = {false, false, false, false, false};
            for (const auto& rel : der.boundaries.agencies[i].relations) seen[static_cast<int>(rel.relation)] = true;
            const int variety = seen[0] + seen[1] + seen[2] + seen[3] * 2;  // straddling counts double
            if (variety > best) {
                best = variety;
                agency_row = i;
            }
        }
        st.hint = "No agency selected: showing the one whose boundary cuts across boards most. Click an agency (square).";
    }
    for (const auto& rel : {BoundaryRelation::equal, BoundaryRelation::agency_wider,
                            BoundaryRelation::agency_narrower, BoundaryRelation::straddles,
                            BoundaryRelation::disjoint}) {
        const char* text = "";
        switch (rel) {
        case BoundaryRelation::equal: text = "Same footprint as the agency"; break;
        case BoundaryRelation::agency_wider: text = "Inside the agency's area (agency wider)"; break;
        case BoundaryRelation::agency_narrower: text = "Wider than the agency (agency narrower)"; break;
        case BoundaryRelation::straddles: text = "Straddles the agency's boundary"; break;
        case BoundaryRelation::disjoint: text = "No overlap"; break;
        }
        st.legend.push_back({LegendEntry::Swatch::disc, boundary_colour(rel), text, 0, boundary_mark(rel)});
    }
    st.legend.push_back({LegendEntry::Swatch::disc, with_alpha(boundary_colour(BoundaryRelation::agency_wider), 0.35f),
                         "Faded: in its patch, but its kind does not expect this agency", 0});
    if (!agency_row) {
        st.hint = "No agencies in this dataset.";
        return st;
    }
    const AgencyBoundaries& ab = der.boundaries.agencies[*agency_row];
    const auto agency_node = sc.find(ab.id);
    st.subject = agency_node;
    for (NodeIndex i = 0; i < n; ++i) {
        const SceneNode& node = sc.nodes[i];
        if (node.type == EntityType::board && !s.dataset().boards[node.index].parent && der.node_active[i]) {
            st.fill[i] = boundary_colour(BoundaryRelation::disjoint);
            st.fade[i] = 0;
        }
    }
    for (const auto& rel : ab.relations)
        if (auto b = sc.find(rel.board)) {
            st.fill[*b] = boundary_colour(rel.relation);
            st.mark[*b] = boundary_mark(rel.relation);
            // The boards it must attend stand out; the rest of its patch fades.
            st.size[*b] = rel.expected ? 1.3f : 1.0f;
            st.fade[*b] = rel.expected ? 0 : 1;
            st.highlight[*b] = rel.expected ? 1 : 0;
        }
    if (agency_node) {
        st.fade[*agency_node] = 0;
        st.size[*agency_node] = 1.8f;
        st.fill[*agency_node] = overlay_colour::ink;
        st.highlight[*agency_node] = 2;
        for (const auto& rel : ab.relations)
            if (auto b = sc.find(rel.board); b && rel.expected)
                st.edges.push_back({*agency_node, *b, 1.5f, with_alpha(overlay_colour::line, 0.8f)});
    }
    st.title = "Boundaries: " + (agency_node ? s.display_name(*agency_node, anonymise) : ab.id);
    // Both numbers, duty first: the patch alone overstates it (a police force is in every
    // HWB's area but no statutory member of one).
    char line[240];
    std::snprintf(line, sizeof line,
                  "%s must attend %.0f meetings a year as a statutory partner (%.0f in its patch):",
                  std::string(label(ab.sector)).c_str(), ab.expected_meetings, ab.meetings_to_attend);
    st.summary.emplace_back(line);
    std::vector<std::pair<std::string, int>> kinds(ab.boards_to_attend.begin(), ab.boards_to_attend.end());
    std::stable_sort(kinds.begin(), kinds.end(), [](const auto& x, const auto& y) {
        return parse_board_kind(x.first) < parse_board_kind(y.first);  // vocabulary order
    });
    for (const auto& [kind, count] : kinds) {
        std::string k = kind;
        if (auto bk = parse_board_kind(kind)) k = std::string(short_label(*bk));
        const auto e = ab.expected_boards.find(kind);
        const int expected = e == ab.expected_boards.end() ? 0 : e->second;
        std::snprintf(line, sizeof line, "  %d × %s expected (of %d in its patch)", expected, k.c_str(),
                      count);
        st.summary.emplace_back(line);
    }
    std::snprintf(line, sizeof line, "Expected: %.0f hours a year (meetings × their length; %s rules)",
                  ab.expected_hours, der.boundaries.rules.c_str());
    st.summary.emplace_back(line);
    return st;
}

}  // namespace boardscape::viewer
