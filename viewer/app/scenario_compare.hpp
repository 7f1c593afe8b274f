// The Scenario panel's numbers: a baseline (the dataset as the scenario began: when the file was
// opened, or when the planner pressed "Reset baseline") and the comparison of the open dataset —
// or of a preview of a cadence being dragged — with it (boardscape/compare.hpp, DESIGN §8.3).
// The baseline's figures are computed once; after each edit only the edited side is recomputed,
// and only when the session's revision, the date or the preview changed — never per frame.
#pragma once

#include "app/session.hpp"
#include "boardscape/compare.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

/// A figure as the Scenario table and legend show it: "6", "2.5" (whole numbers without
/// decimals, else one).
std::string scenario_number(double v);
/// A change: "+8", "\u22128" (the minus sign), "0".
std::string scenario_signed_number(double v);

class ScenarioCompare {
public:
    /// Makes `d` the baseline (a copy); its figures are computed on the next update().
    void set_baseline(const Dataset& d, std::string label);
    bool has_baseline() const { return m_baseline.has_value(); }
    /// "england-2024.json as opened" (what the panel says the changes are measured from).
    const std::string& baseline_label() const { return m_baseline_label; }
    const Dataset* baseline() const { return m_baseline ? &*m_baseline : nullptr; }
    void clear();

    /// Recomputes when the session's revision, the date (`as_of`, nullopt: each side's own
    /// meta.as_of) or the preview changed since the last call. Returns whether it did.
    bool update(const Session& s, const std::optional<Date>& as_of);

    /// While a cadence is being dragged: compare a copy of the open dataset with `board`'s
    /// cadence changed, without an edit (apply_edit validates the whole file, ~40 ms on the
    /// national file; this costs one side's figures). Ends when the session changes.
    void preview_cadence(const Session& s, const std::string& board, double meetings_per_year,
                         double meeting_hours);
    void end_preview();
    bool previewing() const { return m_preview.has_value(); }

    const Comparison& comparison() const { return m_comparison; }
    /// Agencies and people, largest change in hours first (see primary_hours), ties by id.
    const std::vector<AgencyDelta>& agencies() const { return m_agencies; }
    const std::vector<PersonDelta>& people() const { return m_people; }
    /// No counted seat on either side (the national files): agencies' "hours" are expected
    /// hours (DESIGN §4 expected attendance), as in the load overlay.
    bool expected() const { return m_expected; }
    /// The hours that rank and colour an agency: expected hours when expected(), else load hours.
    double primary_hours(const AgencyFigures& f) const {
        return m_expected ? f.expected_hours : f.hours;
    }
    /// By node of the session's scene: the change in hours a year (agencies: primary_hours;
    /// people: load hours; boards and areas 0).
    const std::vector<double>& node_delta() const { return m_node_delta; }
    /// By agency index of the session's dataset: the change in primary hours.
    const std::vector<double>& agency_delta() const { return m_agency_delta; }
    /// Goes up with every recompute (caches of the overlay and the map key on it).
    std::uint64_t version() const { return m_version; }
    /// Wall time of the last recompute (ms).
    double last_ms() const { return m_last_ms; }

private:
    std::optional<Dataset> m_baseline;
    std::string m_baseline_label;
    std::optional<LandscapeFigures> m_baseline_figures;
    std::optional<Date> m_baseline_as_of;  // the date m_baseline_figures were computed for

    std::optional<Dataset> m_preview;
    std::uint64_t m_preview_revision = 0;  // the session revision the preview was copied from
    std::uint64_t m_preview_serial = 0;    // goes up with every preview change

    bool m_have_key = false;
    std::uint64_t m_key_revision = 0;
    std::optional<Date> m_key_as_of;
    std::uint64_t m_key_preview = 0;
    bool m_key_previewing = false;

    Comparison m_comparison;
    std::vector<AgencyDelta> m_agencies;
    std::vector<PersonDelta> m_people;
    bool m_expected = false;
    std::vector<double> m_node_delta;
    std::vector<double> m_agency_delta;
    std::uint64_t m_version = 0;
    double m_last_ms = 0;
};

}  // namespace boardscape::viewer
