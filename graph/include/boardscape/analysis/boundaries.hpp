// Boundary mismatch between agencies' and top-level boards' footprints, compared on leaf sets
// (DESIGN §4 "Boundaries"), with population shares where every leaf has a population.
#pragma once

#include "boardscape/analysis/common.hpp"

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
};
struct AgencyBoundaries {
    std::string id;
    Sector sector = Sector::other;
    std::map<std::string, int> boards_to_attend;  /// board kind → count (kinds with 0 omitted)
    double meetings_to_attend = 0;
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
    std::vector<AgencyBoundaries> agencies;  /// meetings_to_attend desc, then id
    std::vector<BoardBoundaries> boards;     /// by id
};

BoundariesResult compute_boundaries(const Dataset& d, const AnalysisOptions& opts);

}  // namespace boardscape
