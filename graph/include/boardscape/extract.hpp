// Cutting a local map out of a larger (e.g. national) dataset: everything touching one area —
// the boards whose footprints reach it, the agencies whose footprints reach it, and, to a chosen
// depth, the other boards those agencies attend — as a smaller dataset a local board can open
// in the viewer and add its people to. Leaf-set meaning is preserved: every area a kept
// footprint names comes with its whole subtree.
#pragma once

#include "boardscape/model.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape {

/// No area, or more than one, matches what the user typed. `candidates` are ids of close or
/// equally good matches, for a "did you mean" message: for no match, up to 3 areas whose name
/// holds every typed word (file order), then the closest names by edit distance.
class AreaLookupError : public std::runtime_error {
public:
    AreaLookupError(std::string message, std::vector<std::string> candidates)
        : std::runtime_error(std::move(message)), m_candidates(std::move(candidates)) {}
    const std::vector<std::string>& candidates() const { return m_candidates; }

private:
    std::vector<std::string> m_candidates;
};

/// The area whose id, ONS code or name equals `query` (case-insensitive; ONS inverted names
/// such as "Bristol, City of" also match "City of Bristol"). Throws AreaLookupError.
std::size_t find_area_by_query(const Dataset& d, std::string_view query);

struct ExtractOptions {
    /// 0: boards and agencies whose footprints touch the area — a place's own landscape (Leeds
    /// in england-2024.json: its 9 boards and the 6 agencies that attend them). 1 (default):
    /// also every board those agencies attend — the partners' landscapes, often a region's
    /// (Leeds: 101 boards, since the Yorkshire and the Humber probation region attends the
    /// boards of all its 15 areas). 2: also the agencies on those boards and the boards they attend…
    int depth = 1;
};

struct ExtractResult {
    Dataset dataset;         // valid and indexed
    std::size_t area = 0;    // index of the chosen area in the input
    std::size_t boards_touching = 0;    // top-level boards whose footprint reaches the area
    std::size_t agencies_touching = 0;  // agencies whose footprint reaches the area
};

/// A board or agency "attends"/"touches" another by footprint intersection (on leaf sets), or,
/// for an agency and a board, by a membership representing the agency. Sub-groups come with
/// their top-level board; people come with their memberships on kept boards; relations between
/// kept boards are kept; successors are kept with the boards they succeed.
ExtractResult extract_area(const Dataset& d, std::size_t area, const ExtractOptions& opts);
/// The same around an agency's footprint (a police force area, an ICB, a probation region):
/// `area` in the result is the footprint's first area; the title names "<agency> area".
ExtractResult extract_agency_area(const Dataset& d, std::size_t agency, const ExtractOptions& opts);
/// The same around the union of `areas` (indices into d.areas, at least one); `name` goes in
/// the extract's title and description.
ExtractResult extract_areas(const Dataset& d, const std::vector<std::size_t>& areas, const std::string& name,
                            const ExtractOptions& opts);

}  // namespace boardscape
