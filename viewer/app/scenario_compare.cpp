#include "app/scenario_compare.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace boardscape::viewer {

std::string scenario_number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 0.05)
        std::snprintf(buf, sizeof buf, "%.0f", std::round(v) == 0 ? 0.0 : v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string scenario_signed_number(double v) {
    if (std::fabs(v) < 0.05) return "0";
    return (v > 0 ? "+" : "\xE2\x88\x92") + scenario_number(std::fabs(v));
}

void ScenarioCompare::set_baseline(const Dataset& d, std::string label) {
    m_baseline = d;
    m_baseline->reindex();
    m_baseline_label = std::move(label);
    m_baseline_figures.reset();
    m_have_key = false;
    end_preview();
}

void ScenarioCompare::clear() {
    m_baseline.reset();
    m_baseline_label.clear();
    m_baseline_figures.reset();
    m_have_key = false;
    end_preview();
    m_comparison = {};
    m_agencies.clear();
    m_people.clear();
    m_node_delta.clear();
    m_agency_delta.clear();
    ++m_version;
}

void ScenarioCompare::preview_cadence(const Session& s, const std::string& board,
                                      double meetings_per_year, double meeting_hours) {
    if (!s.has_dataset()) return;
    // One copy per drag: later changes of the same drag only set two numbers in it.
    if (!m_preview || m_preview_revision != s.revision()) {
        m_preview = s.dataset();
        m_preview_revision = s.revision();
    }
    const auto b = m_preview->find_board(BoardId(board));
    if (!b) return;
    Board& target = m_preview->boards[*b];
    if (target.meetings_per_year == meetings_per_year && target.meeting_hours == meeting_hours &&
        m_key_previewing)
        return;
    target.meetings_per_year = meetings_per_year;
    target.meeting_hours = meeting_hours;
    ++m_preview_serial;
}

void ScenarioCompare::end_preview() {
    if (m_preview) ++m_preview_serial;
    m_preview.reset();
}

bool ScenarioCompare::update(const Session& s, const std::optional<Date>& as_of) {
    if (!s.has_dataset() || !m_baseline) return false;
    // A preview copied from an older revision is stale: the edit it previewed has landed (or
    // something else changed the file).
    if (m_preview && m_preview_revision != s.revision()) end_preview();
    const bool previewing = m_preview.has_value();
    if (m_have_key && m_key_revision == s.revision() && m_key_as_of == as_of &&
        m_key_preview == m_preview_serial && m_key_previewing == previewing)
        return false;
    const auto t0 = std::chrono::steady_clock::now();
    m_have_key = true;
    m_key_revision = s.revision();
    m_key_as_of = as_of;
    m_key_preview = m_preview_serial;
    m_key_previewing = previewing;

    if (!m_baseline_figures || m_baseline_as_of != as_of) {
        m_baseline_figures = landscape_figures(*m_baseline, as_of);
        m_baseline_as_of = as_of;
    }
    const Dataset& after = previewing ? *m_preview : s.dataset();
    m_comparison =
        compare(*m_baseline, *m_baseline_figures, after, landscape_figures(after, as_of));

    // Which hours rank agencies: with no seats on either side (the national files) every load
    // figure is 0, so expected attendance is what changes.
    m_expected =
        m_comparison.agency_totals_before.hours == 0 && m_comparison.agency_totals_after.hours == 0;
    m_agencies = m_comparison.agencies;
    std::stable_sort(m_agencies.begin(), m_agencies.end(),
                     [&](const AgencyDelta& a, const AgencyDelta& b) {
                         const double x = std::fabs(primary_hours(a.delta)),
                                      y = std::fabs(primary_hours(b.delta));
                         if (x != y) return x > y;
                         return a.id < b.id;
                     });
    m_people = m_comparison.people;  // already |Δ hours| desc, then id (DESIGN §8.3)

    const Dataset& d = s.dataset();
    m_agency_delta.assign(d.agencies.size(), 0.0);
    std::unordered_map<std::string, double> agency_by_id, person_by_id;
    for (const auto& a : m_agencies) agency_by_id[a.id] = primary_hours(a.delta);
    for (const auto& p : m_people) person_by_id[p.id] = p.delta.hours;
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        if (const auto it = agency_by_id.find(d.agencies[i].id.str()); it != agency_by_id.end())
            m_agency_delta[i] = it->second;
    const Scene& sc = s.scene();
    m_node_delta.assign(sc.nodes.size(), 0.0);
    for (NodeIndex n = 0; n < sc.nodes.size(); ++n) {
        const SceneNode& node = sc.nodes[n];
        if (node.type == EntityType::agency && node.index < m_agency_delta.size())
            m_node_delta[n] = m_agency_delta[node.index];
        else if (node.type == EntityType::person)
            if (const auto it = person_by_id.find(node.id); it != person_by_id.end())
                m_node_delta[n] = it->second;
    }
    ++m_version;
    m_last_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return true;
}

}  // namespace boardscape::viewer
