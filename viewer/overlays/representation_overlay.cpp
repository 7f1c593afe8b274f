// Representation overlay: each top-level board ringed by its expected partner sectors — one
// segment per sector, clockwise from 12 o'clock in the rules' order: solid ink when present with
// a senior, regular seat; dashed when present but weak (junior or irregular); hollow (an empty
// slot) when absent. Boards of kinds without statutory partners get no ring. Segments are named
// on hover (canvas) and, for the selected board, in the legend.
#include "overlays/overlay.hpp"

#include "app/vocab_labels.hpp"
#include "boardscape/plural.hpp"
#include "canvas/palette.hpp"

#include <cstdio>

namespace boardscape::viewer {

OverlayStyle representation_overlay(const Session& s, std::optional<NodeIndex> selected, bool anonymise) {
    OverlayStyle st;
    const Scene& sc = s.scene();
    const Derived& der = s.derived();
    const std::size_t n = sc.nodes.size();
    st.fill.assign(n, 0);
    st.size.assign(n, 1.0f);
    st.fade.assign(n, 1);
    st.rings.assign(n, {});
    st.highlight.assign(n, 0);
    st.fade_membership_edges = true;
    st.title = "Representation: expected partners at each board";
    int boards = 0, absent = 0, weak = 0, strong = 0;
    for (NodeIndex i = 0; i < n; ++i) {
        const std::size_t row = der.rep_of_board[i];
        if (row == static_cast<std::size_t>(-1)) continue;
        const BoardRepresentation& br = der.representation.boards[row];
        st.fade[i] = 0;
        if (br.expected.empty()) continue;
        ++boards;
        st.size[i] = 1.5f;
        st.highlight[i] = 1;
        for (const SectorPresence& sp : br.expected) {
            RingSegment seg;
            seg.label = std::string(label(sp.sector));
            if (sp.present && sp.senior_regular > 0) {
                seg.style = RingStyle::solid;
                seg.status = "present, senior and regular";
                ++strong;
            } else if (sp.present) {
                seg.style = RingStyle::dashed;
                seg.status = "present, junior or irregular";
                ++weak;
            } else {
                seg.style = RingStyle::hollow;
                seg.status = "absent";
                ++absent;
                st.highlight[i] = 2;  // a board missing a partner is the story: named first
            }
            st.rings[i].push_back(std::move(seg));
        }
    }
    st.legend.push_back({LegendEntry::Swatch::ring, overlay_colour::ink, "Present, senior and regular", 0,
                         NodeMark::none, RingStyle::solid});
    st.legend.push_back({LegendEntry::Swatch::ring, overlay_colour::ink, "Present but junior or irregular", 0,
                         NodeMark::none, RingStyle::dashed});
    st.legend.push_back({LegendEntry::Swatch::ring, overlay_colour::ink, "Expected partner absent (empty)", 0,
                         NodeMark::none, RingStyle::hollow});
    char line[160];
    st.summary.push_back(count_noun(boards, "board") + " with statutory partners");
    std::snprintf(line, sizeof line, "%d strong, %d weak, %d absent partner sectors", strong, weak, absent);
    st.summary.emplace_back(line);
    // The selected board's segments, named in ring order, so a room can read which is which.
    // Grouped by how they are present, so a long ring stays three lines.
    if (selected && *selected < n && !st.rings[*selected].empty()) {
        st.summary.push_back(s.display_name(*selected, anonymise) + ":");
        const std::pair<RingStyle, const char*> groups[] = {
            {RingStyle::hollow, "Absent: "}, {RingStyle::dashed, "Junior or irregular: "}, {RingStyle::solid, "Senior and regular: "}};
        for (const auto& [style, heading] : groups) {
            std::string names;
            for (const RingSegment& seg : st.rings[*selected])
                if (seg.style == style) names += (names.empty() ? "" : ", ") + seg.label;
            if (!names.empty()) st.summary.push_back("  " + std::string(heading) + names);
        }
    }
    st.hint = "One ring segment per expected sector, clockwise from the top; point at a board to name them.";
    return st;
}

}  // namespace boardscape::viewer
