// Boundary mismatch between agencies' and top-level boards' footprints, compared on leaf sets
// (DESIGN §4 "Boundaries"), with population shares where every leaf has a population, and
// each agency's expected attendance: the boards in its patch whose kind expects its sector
// under the representation rules (DESIGN §4 "Expected attendance").
#pragma once

#include "boardscape/analysis/common.hpp"
#include "boardscape/analysis/representation.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace boardscape {

enum class BoundaryRelation { equal, agency_wider, agency_narrower, straddles, disjoint };
std::string_view to_string(BoundaryRelation r);

/// Relation of agency leaf set `a` to board leaf set `b` (both sorted, de-duplicated).
BoundaryRelation compare_footprints(const std::vector<std::size_t>& a,
                                    const std::vector<std::size_t>& b);

struct AgencyBoardRelation {
    std::string board;
    BoundaryRelation relation = BoundaryRelation::disjoint;
    std::optional<double> overlap_share;  // pop(a ∩ b) / pop(b) when every leaf of b has one
    bool expected = false;  /// the board's kind expects the agency's sector (counted in expected_*)
};
struct AgencyBoundaries {
    std::string id;
    Sector sector = Sector::other;
    /// The patch: every active top-level board whose footprint meets the agency's.
    std::map<std::string, int> boards_to_attend;  /// board kind → count (kinds with 0 omitted)
    double meetings_to_attend = 0;
    /// The statutory duty: those of the patch's boards whose kind expects the agency's sector.
    std::map<std::string, int> expected_boards;  /// board kind → count (kinds with 0 omitted)
    double expected_meetings = 0;
    double expected_hours = 0;  /// meetings × (meeting_hours × (1 + prep_factor) + travel_hours)
    std::vector<AgencyBoardRelation> relations;  /// every non-disjoint active top-level board, by id
};
struct BoardBoundaries {
    std::string id;
    BoardKind kind = BoardKind::other;
    std::vector<std::string> partners;  /// agency ids, sorted
    std::optional<double> coterminosity;
    std::vector<std::string> straddling;  /// agency ids, sorted
};
struct BoundariesResult {
    std::optional<Date> as_of;
    double prep_factor = 0;   /// the options expected_hours was computed with
    double travel_hours = 0;
    /// Where the expected partners came from: "built-in", or a rules file's name (set by the
    /// caller that read the file; the analysis only sees the parsed rules).
    std::string rules = "built-in";
    std::vector<AgencyBoundaries> agencies;  /// meetings_to_attend desc, then id
    std::vector<BoardBoundaries> boards;     /// by id
};

/// Throws std::range_error when an expected_hours total overflows (absurd cadences or options).
BoundariesResult compute_boundaries(const Dataset& d, const AnalysisOptions& opts,
                                    const RepresentationRules& rules =
                                        default_representation_rules());

}  // namespace boardscape
