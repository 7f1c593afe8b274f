// Overlap overlay: interlocks between top-level boards, weighted by shared people, and the
// people who sit on several boards emphasised (the review's "same people on multiple Boards").
#include "overlays/overlay.hpp"

#include "canvas/palette.hpp"

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
    st.title = "Overlap: boards sharing people";
    st.fade_membership_edges = true;

    int max_shared = 1;
    for (const auto& p : der.overlap.board_pairs) max_shared = std::max(max_shared, p.shared);
    for (const auto& p : der.overlap.board_pairs) {
        const auto a = sc.find(p.a), b = sc.find(p.b);
        if (!a || !b) continue;
        const float t = static_cast<float>(p.shared) / static_cast<float>(max_shared);
        st.edges.push_back({*a, *b, 1.5f + 7.0f * t, with_alpha(IM_COL32(90, 30, 110, 255), 0.35f + 0.55f * t)});
        st.fade[*a] = st.fade[*b] = 0;
    }
    for (NodeIndex i = 0; i < n; ++i) {
        if (sc.nodes[i].type == EntityType::board && !s.dataset().boards[sc.nodes[i].index].parent)
            st.fade[i] = 0;
        const int k = der.node_boards[i];
        if (sc.nodes[i].type == EntityType::person && k >= 2) {
            st.fade[i] = 0;
            st.fill[i] = okabe_ito::black;
            st.size[i] = 1.2f + 0.45f * static_cast<float>(std::min(k, 6));
        }
    }
    std::sort(st.edges.begin(), st.edges.end(),
              [](const OverlayEdge& x, const OverlayEdge& y) { return x.width < y.width; });

    st.legend.push_back({LegendEntry::Swatch::line, IM_COL32(90, 30, 110, 230),
                         "Boards sharing people (thicker: more)", 6});
    st.legend.push_back({LegendEntry::Swatch::disc, okabe_ito::black, "Person on 2+ boards", 0});
    char line[160];
    std::snprintf(line, sizeof line, "%d people sit on 2 or more boards", der.overlap.multi_board_people);
    st.summary.emplace_back(line);
    if (der.overlap.interlock_density) {
        std::snprintf(line, sizeof line, "%.0f%% of board pairs share someone",
                      *der.overlap.interlock_density * 100.0);
        st.summary.emplace_back(line);
    }
    if (!der.overlap.chairs_of_several.empty()) {
        std::snprintf(line, sizeof line, "%zu chairs chair 2+ boards", der.overlap.chairs_of_several.size());
        st.summary.emplace_back(line);
    }
    if (!der.overlap.board_pairs.empty()) {
        const auto& top = der.overlap.board_pairs.front();
        st.summary.push_back("Most shared: " + s.display_name(top.a, anonymise) + " & " +
                             s.display_name(top.b, anonymise) + " (" + std::to_string(top.shared) + ")");
    }
    return st;
}

}  // namespace boardscape::viewer
