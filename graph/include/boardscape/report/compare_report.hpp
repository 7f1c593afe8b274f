// `boardscape compare` output: the JSON of DESIGN §8.3 and the tables every other format
// (terminal, CSV, Markdown) renders, built once from a Comparison.
#pragma once

#include "boardscape/compare.hpp"
#include "boardscape/report/report_table.hpp"

#include <string>
#include <vector>

namespace boardscape::report {

/// DESIGN §8.3 field names and order, plus "before_id" on an agency matched by ONS codes and
/// "totals" (the sums over agencies and people). 2-space indent, newline at the end.
std::string to_json(const Comparison& c);

/// Tables: totals; agencies and people whose figures changed (the note says how many did not;
/// JSON lists them all); boards and memberships added, removed or changed. Names come from
/// `after`, else `before` (either may be null).
std::vector<Table> compare_tables(const Comparison& c, const Dataset* before = nullptr,
                                  const Dataset* after = nullptr);

}  // namespace boardscape::report
