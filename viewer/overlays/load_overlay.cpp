// Load overlay: node size and heat by hours a year — people and agencies by the meeting hours
// their seats demand, boards by the person-hours they consume. Heat is relative within each
// node type (a person's 60 hours and an agency's 900 are different questions). A file with no
// counted seats (the national files have no people) would be all zeros, so it shows expected
// attendance instead: agencies by the hours the boards expecting their sector ask of them
// (boards faded), labelled "expected" throughout.
#include "overlays/overlay.hpp"

#include "canvas/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace boardscape::viewer {

OverlayStyle load_overlay(const Session& s, bool anonymise) {
    OverlayStyle st;
    const Scene& sc = s.scene();
    const Derived& der = s.derived();
    const std::size_t n = sc.nodes.size();
    st.fill.assign(n, 0);
    st.size.assign(n, 1.0f);
    st.fade.assign(n, 0);
    st.highlight.assign(n, 0);
    const bool expected = der.expected_load;
    const std::vector<double>& hours = expected ? der.node_expected_hours : der.node_hours;
    st.title = expected ? "Load: expected meeting hours a year (no seats in this file)"
                        : "Load: meeting hours a year";
    double max_by_type[4] = {0, 0, 0, 0};
    for (NodeIndex i = 0; i < n; ++i) {
        auto& m = max_by_type[static_cast<int>(sc.nodes[i].type)];
        m = std::max(m, hours[i]);
    }
    for (NodeIndex i = 0; i < n; ++i) {
        const SceneNode& node = sc.nodes[i];
        if (node.type == EntityType::area) {
            st.fade[i] = 1;
            continue;
        }
        // Expected attendance is about agencies: coloured boards would bury the agencies'
        // squares, so they step back.
        if (expected && node.type != EntityType::agency) {
            st.fade[i] = 1;
            continue;
        }
        const double mx = max_by_type[static_cast<int>(node.type)];
        const double h = hours[i];
        if (mx <= 0 || h <= 0) {
            st.fade[i] = 1;
            continue;
        }
        // Area ∝ hours: radius grows with the square root.
        const float t = static_cast<float>(std::sqrt(h / mx));
        st.fill[i] = heat_colour(0.1f + 0.9f * t);
        st.size[i] = expected ? 0.9f + 2.6f * t : 0.7f + 1.8f * t;
        // The busiest are named first: boards and agencies, then people.
        if (t >= 0.7f) st.highlight[i] = node.type == EntityType::person ? 1 : 2;
    }
    st.legend.push_back({LegendEntry::Swatch::gradient, 0,
                         expected ? "Expected hours a year: few → the busiest agency's (size too)"
                                  : "Hours a year: few → the busiest of its type (size too)",
                         0});
    char line[240];
    if (expected) {
        std::snprintf(line, sizeof line,
                      "No seats recorded here, so each agency shows the hours it owes as a "
                      "statutory partner: the boards in its area whose kind expects its sector "
                      "(%s rules).",
                      der.boundaries.rules.c_str());
        st.summary.emplace_back(line);
    }
    const auto top = [&](EntityType t, const char* what) {
        double best = 0;
        std::optional<NodeIndex> who;
        for (NodeIndex i = 0; i < n; ++i)
            if (sc.nodes[i].type == t && hours[i] > best) {
                best = hours[i];
                who = i;
            }
        if (who) {
            st.highlight[*who] = 2;  // named on the map as in the legend
            std::snprintf(line, sizeof line, "Busiest %s: %s, %.0f h", what,
                          s.display_name(*who, anonymise).c_str(), best);
            st.summary.emplace_back(line);
        }
    };
    if (expected) {
        top(EntityType::agency, "agency (expected)");
    } else {
        top(EntityType::agency, "agency");
        top(EntityType::person, "person");
        top(EntityType::board, "board (person-hours)");
    }
    if (der.load.prep_factor > 0 || der.load.travel_hours > 0) {
        std::snprintf(line, sizeof line, "Includes prep ×%.2f and %.1f h travel a meeting", der.load.prep_factor,
                      der.load.travel_hours);
        st.summary.emplace_back(line);
    } else {
        st.summary.emplace_back("Meeting time only (no preparation or travel)");
    }
    return st;
}

}  // namespace boardscape::viewer
