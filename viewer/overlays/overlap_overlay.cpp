// Overlap overlay: interlocks between top-level boards, weighted by shared people, and the
// people who sit on several boards emphasised (the review's "same people on multiple Boards").
#include "overlays/overlay.hpp"

#include "canvas/palette.hpp"
#include "boardscape/plural.hpp"

#include <algorithm>
#include <cstdio>

namespace boardscape::viewer {

OverlayStyle overlap_overlay(const Session& s, bool anonymise) {
    OverlayStyle st;
    const Scene& sc = s.scene();
    const Derived& der = s.derived();
    const std::size_t n = sc.nodes.size();
    st.fill.assign(n, 0);
    st.size.assign(n, 1.0f);
    st.fade.assign(n, 1);
    st.highlight.assign(n, 0);
    st.title = "Overlap: boards sharing people";
    st.fade_membership_edges = true;

    int max_shared = 1;
    for (const auto& p : der.overlap.board_pairs) max_shared = std::max(max_shared, p.shared);
    for (const auto& p : der.overlap.board_pairs) {
        const auto a = sc.find(p.a), b = sc.find(p.b);
        if (!a || !b) continue;
        const float t = static_cast<float>(p.shared) / static_cast<float>(max_shared);
        st.edges.push_back({*a, *b, 1.5f + 7.0f * t, with_alpha(overlay_colour::line, 0.8f + 0.2f * t)});
        st.fade[*a] = st.fade[*b] = 0;
        st.highlight[*a] = st.highlight[*b] = 2;
    }
    for (NodeIndex i = 0; i < n; ++i) {
        if (sc.nodes[i].type == EntityType::board && !s.dataset().boards[sc.nodes[i].index].parent)
            st.fade[i] = 0;
        const int k = der.node_boards[i];
        if (sc.nodes[i].type == EntityType::person && k >= 2) {
            st.fade[i] = 0;
            st.fill[i] = overlay_colour::ink;
            if (k >= 3) st.highlight[i] = 1;  // after the boards: their names come first
            st.size[i] = 1.2f + 0.45f * static_cast<float>(std::min(k, 6));
        }
    }
    std::sort(st.edges.begin(), st.edges.end(),
              [](const OverlayEdge& x, const OverlayEdge& y) { return x.width < y.width; });

    st.legend.push_back({LegendEntry::Swatch::line, overlay_colour::line, "Boards sharing people (thicker: more)", 6});
    st.legend.push_back({LegendEntry::Swatch::disc, overlay_colour::ink, "Person on 2+ boards", 0});
    char line[160];
    st.summary.push_back(count_people(der.overlap.multi_board_people) +
                         (der.overlap.multi_board_people == 1 ? " sits" : " sit") + " on 2 or more boards");
    if (der.overlap.interlock_density) {
        std::snprintf(line, sizeof line, "%.0f%% of board pairs share someone",
                      *der.overlap.interlock_density * 100.0);
        st.summary.emplace_back(line);
    }
    if (!der.overlap.chairs_of_several.empty()) {
        const auto chairs = static_cast<long long>(der.overlap.chairs_of_several.size());
        st.summary.push_back(count_noun(chairs, "chair") + (chairs == 1 ? " chairs" : " chair") + " 2+ boards");
    }
    if (!der.overlap.board_pairs.empty()) {
        const auto& top = der.overlap.board_pairs.front();
        st.summary.push_back("Most shared: " + s.display_name(top.a, anonymise) + " & " +
                             s.display_name(top.b, anonymise) + " (" + std::to_string(top.shared) + ")");
    }
    return st;
}

}  // namespace boardscape::viewer
