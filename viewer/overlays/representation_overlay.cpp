// Representation overlay: each top-level board ringed by its expected partner sectors — one
// segment per sector: present with a senior, regular seat; present but weak (junior or
// irregular); absent. Boards of kinds without statutory partners get no ring.
#include "overlays/overlay.hpp"

#include "canvas/palette.hpp"

#include <cstdio>

namespace boardscape::viewer {

OverlayStyle representation_overlay(const Session& s, bool anonymise) {
    (void)anonymise;
    OverlayStyle st;
    const Scene& sc = s.scene();
    const Derived& der = s.derived();
    const std::size_t n = sc.nodes.size();
    st.fill.assign(n, 0);
    st.size.assign(n, 1.0f);
    st.fade.assign(n, 1);
    st.rings.assign(n, {});
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
        for (const SectorPresence& sp : br.expected) {
            ImU32 c = rep_absent;
            if (sp.present && sp.senior_regular > 0) {
                c = rep_strong;
                ++strong;
            } else if (sp.present) {
                c = rep_weak;
                ++weak;
            } else {
                ++absent;
            }
            st.rings[i].push_back(c);
        }
    }
    st.legend.push_back({LegendEntry::Swatch::ring, rep_strong, "Present, senior and regular", 0});
    st.legend.push_back({LegendEntry::Swatch::ring, rep_weak, "Present but junior or irregular", 0});
    st.legend.push_back({LegendEntry::Swatch::ring, rep_absent, "Expected partner absent", 0});
    char line[160];
    std::snprintf(line, sizeof line, "%d boards with statutory partners", boards);
    st.summary.emplace_back(line);
    std::snprintf(line, sizeof line, "%d strong, %d weak, %d absent partner sectors", strong, weak, absent);
    st.summary.emplace_back(line);
    st.hint = "One ring segment per expected sector; click a board for the details.";
    return st;
}

}  // namespace boardscape::viewer
