// What every analysis shares: options, the analysis date, which boards and memberships are
// active (DESIGN §3 "active at date D"), top-level boards, and footprint leaf sets.
#pragma once

#include "boardscape/model.hpp"

#include <optional>
#include <vector>

namespace boardscape {

struct AnalysisOptions {
    std::optional<Date> as_of;  // overrides meta.as_of
    double prep_factor = 0;     // load and expected attendance: hours × (1 + prep_factor)
    double travel_hours = 0;    // load and expected attendance: added per meeting
};

/// Hours a year one seat on `b` takes: meetings × (meeting_hours × (1 + prep_factor) +
/// travel_hours) (DESIGN §4 "Load"; expected attendance uses the same).
inline double seat_hours(const Board& b, const AnalysisOptions& opts) {
    return b.meetings_per_year * (b.meeting_hours * (1.0 + opts.prep_factor) + opts.travel_hours);
}

/// `opts.as_of`, else `meta.as_of`, else none (everything active).
std::optional<Date> analysis_date(const Dataset& d, const AnalysisOptions& opts);

/// Activity at one date, indexed like the dataset's vectors.
struct Activity {
    std::optional<Date> date;
    std::vector<bool> board_active;        /// by board index; a sub-group needs its parent active
    std::vector<bool> membership_counted;  /// by membership index; needs its board active too
    std::vector<std::size_t> top_level;    /// by board index: index of its top-level ancestor
};
Activity compute_activity(const Dataset& d, std::optional<Date> date);

/// Leaf-area indices of each area (by area index), sorted ascending.
std::vector<std::vector<std::size_t>> area_leaves(const Dataset& d);
/// The sorted, de-duplicated leaf set of a footprint.
std::vector<std::size_t> footprint_leaves(const Dataset& d,
                                          const std::vector<std::vector<std::size_t>>& leaves,
                                          const std::vector<AreaId>& footprint);

}  // namespace boardscape
