// JSON text of each analysis result with exactly the field names and order of DESIGN §5
// (`boardscape report … --format json`). Every report carries "as_of" (null when none);
// optional values are null, except a boundary relation's "overlap_share", which is omitted.
// The output is 2-space indented and ends with a newline.
#pragma once

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"

#include <string>

namespace boardscape::report {

/// Adds "estimated" (were brokers sampled?) after "brokers".
std::string to_json(const OverlapResult& r);
std::string to_json(const BoundariesResult& r);
/// Adds "prep_factor" and "travel_hours" after "as_of".
std::string to_json(const LoadReport& r);
std::string to_json(const RepresentationResult& r);

}  // namespace boardscape::report
