// Scenario overlay: who gains and who saves. Agencies and people are filled by the sign of the
// change in their hours a year against the Scenario panel's baseline (dark cyan saves, crimson
// gains; agencies by expected hours when the file has no seats) and sized by how much; the
// unchanged step back in pale grey. Boards keep their kind colours, so the merged board and its
// predecessors still read as boards of their kind.
#include "overlays/overlay.hpp"

#include "canvas/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace boardscape::viewer {

std::string scenario_change_line(std::string_view who, const std::vector<double>& changes) {
    int saving = 0, gaining = 0;
    double saved = 0, gained = 0;
    for (const double d : changes) {
        if (d < 0) ++saving, saved -= d;
        if (d > 0) ++gaining, gained += d;
    }
    std::string line(who);
    line += ": ";
    if (saving == 0 && gaining == 0) return line + "no change";
    line += std::to_string(saving) + " save " + scenario_number(saved) + " h, " +
            std::to_string(gaining) + " gain " + scenario_number(gained) + " h";
    // The net change is the Scenario table's total row, with its minus sign.
    const double net = gained - saved;
    line += " (net ";
    line += scenario_signed_number(net);
    return line + " h)";
}

OverlayStyle scenario_overlay(const Session& s, const ScenarioCompare& scenario, bool anonymise) {
    OverlayStyle st;
    const Scene& sc = s.scene();
    const std::size_t n = sc.nodes.size();
    st.fill.assign(n, 0);
    st.size.assign(n, 1.0f);
    st.fade.assign(n, 0);
    st.highlight.assign(n, 0);
    const std::vector<double>& delta = scenario.node_delta();
    st.title = scenario.expected()
                   ? "Scenario: change in expected hours a year (no seats in this file)"
                   : "Scenario: change in hours a year";
    double most = 0;
    for (std::size_t i = 0; i < n && i < delta.size(); ++i)
        most = std::max(most, std::fabs(delta[i]));
    bool any_change = false;
    for (NodeIndex i = 0; i < n; ++i) {
        const SceneNode& node = sc.nodes[i];
        if (node.type == EntityType::area) {
            st.fade[i] = 1;
            continue;
        }
        if (node.type == EntityType::board) continue;
        const double d = i < delta.size() ? delta[i] : 0.0;
        if (d == 0 || most <= 0) {
            st.fill[i] = overlay_colour::faint;
            continue;
        }
        // Area ∝ change: the radius grows with its square root.
        const float t = static_cast<float>(std::sqrt(std::fabs(d) / most));
        st.fill[i] = d < 0 ? overlay_colour::saves : overlay_colour::gains;
        st.size[i] = node.type == EntityType::person ? 0.8f + 1.6f * t : 1.0f + 2.2f * t;
        st.highlight[i] = t >= 0.5f ? 2 : 1;
        any_change = true;
    }
    st.legend.push_back({LegendEntry::Swatch::square, overlay_colour::saves,
                         "Saves hours a year (size: how many)", 0});
    st.legend.push_back(
        {LegendEntry::Swatch::square, overlay_colour::gains, "Gains hours a year", 0});
    st.legend.push_back({LegendEntry::Swatch::square, overlay_colour::faint, "No change", 0});
    char line[240];
    if (!scenario.has_baseline()) {
        st.hint = "Open the Scenario panel (S) to merge boards or change a cadence.";
        return st;
    }
    // Agencies and people are counted apart, from the Scenario table's own rows: a person's
    // saved hours are also their agency's, so one sum of both would count the saving twice.
    st.summary.push_back("Against " + scenario.baseline_label() + ", hours a year:");
    std::vector<double> changes;
    for (const AgencyDelta& a : scenario.agencies())
        changes.push_back(scenario.primary_hours(a.delta));
    st.summary.push_back(
        scenario_change_line(scenario.expected() ? "Agencies (expected)" : "Agencies", changes));
    if (!scenario.expected()) {
        changes.clear();
        for (const PersonDelta& p : scenario.people()) changes.push_back(p.delta.hours);
        st.summary.push_back(scenario_change_line("People", changes));
    }
    // The biggest saver is named on the map as in the legend.
    std::optional<NodeIndex> top;
    for (NodeIndex i = 0; i < n && i < delta.size(); ++i)
        if (delta[i] < 0 && (!top || delta[i] < delta[*top])) top = i;
    if (top) {
        st.highlight[*top] = 2;
        std::snprintf(line, sizeof line, "Saves most: %s, %.0f h",
                      s.display_name(*top, anonymise).c_str(), -delta[*top]);
        st.summary.emplace_back(line);
    }
    if (!any_change)
        st.hint = "No change yet: merge boards or change a cadence in the Scenario panel, or compare with "
                  "the original there (Compare with a file\xE2\x80\xA6).";
    return st;
}

}  // namespace boardscape::viewer
