// Comparing two landscapes (DESIGN §8.3 `compare`): a scenario with its original, two dates of
// one file, or the 2015 and 2024 national files. Per agency: expected attendance (boundaries)
// and load before, after and the change; per person: load; and which boards and memberships
// were added, removed or changed. Each side's figures are a value of their own, so the viewer
// computes the unchanged side once and only recomputes the edited side on every change.
#pragma once

#include "boardscape/analysis/common.hpp"
#include "boardscape/analysis/representation.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace boardscape {

struct CompareOptions {
    std::optional<Date> before_as_of;  /// else the before file's own meta.as_of
    std::optional<Date> after_as_of;   /// else the after file's own meta.as_of
    double prep_factor = 0;            /// as for load and expected_hours
    double travel_hours = 0;
    const RepresentationRules* rules = nullptr;  /// nullptr: the built-in rules
};

/// An agency's annual figures at one date: expected attendance (DESIGN §4 boundaries) and load.
struct AgencyFigures {
    double expected_meetings = 0;
    double expected_hours = 0;
    double meetings = 0;
    double hours = 0;
};
/// A person's annual load at one date.
struct PersonFigures {
    double meetings = 0;
    double hours = 0;
};

/// One side of a comparison: every agency's figures and those of every person with a counted
/// membership, keyed by id.
struct LandscapeFigures {
    std::optional<Date> as_of;
    std::unordered_map<std::string, AgencyFigures> agencies;
    std::unordered_map<std::string, PersonFigures> people;
};
/// Runs boundaries (expected attendance) and load on `d` at `as_of` (else d's meta.as_of).
LandscapeFigures landscape_figures(const Dataset& d, const std::optional<Date>& as_of,
                                   const CompareOptions& opts = {});

struct AgencyDelta {
    std::string id;         /// the after file's id (the before file's when only there)
    std::string before_id;  /// set only when matched to a different id by ONS codes
    AgencyFigures before, after, delta;  /// missing on a side: zeros there
};
struct PersonDelta {
    std::string id;
    PersonFigures before, after, delta;
};
/// A membership's identity (DESIGN §8.3): person + board + from.
struct MembershipKey {
    std::string person;
    std::string board;
    std::optional<Date> from;
    friend auto operator<=>(const MembershipKey&, const MembershipKey&) = default;
};
struct BoardChanges {
    std::vector<std::string> added, removed, changed;  /// ids, sorted
};
struct MembershipChanges {
    std::vector<MembershipKey> added, removed, changed;  /// sorted by person, board, from
};

struct Comparison {
    std::optional<Date> as_of_before, as_of_after;
    std::vector<AgencyDelta> agencies;  /// |delta.hours| desc, then id; every agency of both
    std::vector<PersonDelta> people;    /// |delta.hours| desc, then id
    BoardChanges boards;
    MembershipChanges memberships;
    /// Agencies matched on both sides (by id or ONS codes) and boards with an id on both: when
    /// both are 0 the files are unrelated rather than a scenario of one another.
    std::size_t shared_agencies = 0, shared_boards = 0;
    /// Sums over the lists above (what the viewer shows at the top of its table).
    AgencyFigures agency_totals_before, agency_totals_after, agency_totals_delta;
    PersonFigures people_totals_before, people_totals_after, people_totals_delta;
};

/// Compares `after` with `before`. Agencies match by id; an agency left unmatched on both
/// sides matches one of the same sector whose footprint areas carry exactly the same ONS codes
/// (all coded), when that match is unique on both sides (a council re-keyed between the
/// national files; a CCG and the ICB on the same patch). People match by id.
Comparison compare(const Dataset& before, const Dataset& after, const CompareOptions& opts = {});
/// The same from figures already computed (the viewer keeps the before side's).
Comparison compare(const Dataset& before, const LandscapeFigures& before_figures,
                   const Dataset& after, const LandscapeFigures& after_figures);

}  // namespace boardscape
