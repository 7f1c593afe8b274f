// Resolves each membership's board, person and represented agency to vector indices once, so
// the boundaries and representation analyses do not repeat id lookups per seat. Private to
// graph/src/analysis.
#pragma once

#include "boardscape/analysis/common.hpp"
#include "boardscape/model.hpp"

#include <cstddef>
#include <vector>

namespace boardscape::detail {

inline constexpr std::size_t k_no_index = static_cast<std::size_t>(-1);

struct SeatRefs {
    std::vector<std::size_t> board;   /// by membership index: board index, k_no_index if unknown
    std::vector<std::size_t> person;  /// by membership index: person index, k_no_index if unknown
    std::vector<std::size_t> agency;  /// by membership index: represented agency, k_no_index = none
};

/// Same answers as Dataset::find_board / find_person / represented_agency per membership.
SeatRefs resolve_seats(const Dataset& d);

/// compute_activity with the memberships already resolved (each analysis resolves them once
/// and shares the result, instead of two lookups per membership in the Dataset's own index).
Activity compute_activity(const Dataset& d, std::optional<Date> date, const SeatRefs& refs);

}  // namespace boardscape::detail
