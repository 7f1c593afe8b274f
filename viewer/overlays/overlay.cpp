#include "overlays/overlay.hpp"

namespace boardscape::viewer {

OverlayStyle build_overlay(Overlay kind, const Session& s, std::optional<NodeIndex> selected,
                           bool anonymise, const ScenarioCompare* scenario) {
    OverlayStyle st;
    if (s.has_dataset()) {
        switch (kind) {
        case Overlay::none: break;
        case Overlay::overlap: st = overlap_overlay(s, anonymise); break;
        case Overlay::boundaries: st = boundaries_overlay(s, selected, anonymise); break;
        case Overlay::load: st = load_overlay(s, anonymise); break;
        case Overlay::representation: st = representation_overlay(s, selected, anonymise); break;
        case Overlay::scenario:
            if (scenario) st = scenario_overlay(s, *scenario, anonymise);
            break;
        }
    }
    st.kind = kind;
    const std::size_t n = s.scene().nodes.size();
    st.fill.resize(n, 0);
    st.size.resize(n, 1.0f);
    st.fade.resize(n, 0);
    st.rings.resize(n);
    st.mark.resize(n, NodeMark::none);
    st.highlight.resize(n, 0);
    return st;
}

}  // namespace boardscape::viewer
