// "What if": scenario operations over a dataset (DESIGN §8.3) — merge boards into one, change a
// board's cadence, end a board — each built as one undoable Edit (edit.hpp), so the command line
// and the viewer's Scenario panel make exactly the same change and the viewer can undo it.
// A merge dates everything at D: the file before D is unchanged, at or after D shows the merger.
#pragma once

#include "boardscape/edit.hpp"
#include "boardscape/model.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boardscape {

/// Why a scenario cannot be built: one message per problem, all of them at once, e.g.
/// "unknown board 'sab-hartlepol' (did you mean 'sab-hartlepool'?)".
class ScenarioError : public std::runtime_error {
public:
    explicit ScenarioError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    std::vector<std::string> m_problems;
};

// [SECTION] Values

/// A board's cadence: meetings a year and, when given, hours a meeting (else unchanged).
struct Cadence {
    double meetings_per_year = 0;
    std::optional<double> meeting_hours;
};
/// "N" or "NxH" (N, H finite numbers ≥ 0: "4", "4x2.5"); nullopt otherwise.
std::optional<Cadence> parse_cadence(std::string_view text);

/// The id a new board gets from its name: lower case ASCII letters and digits, every other run
/// of characters one '-' ("Tees SAB (joint)" → "tees-sab-joint"); "" when nothing is left.
std::string id_from_name(std::string_view name);

/// Today's date (UTC), the last fallback for D.
Date today_utc();
/// D: `date`, else the file's meta.as_of, else `today`.
Date scenario_date(const Dataset& d, const std::optional<Date>& date, const Date& today);

struct MergeSpec {
    std::vector<BoardId> boards;     /// ≥ 2 distinct top-level boards, active at D
    std::string new_id;              /// "": id_from_name(name)
    std::string name;                /// "": the merged boards' names joined with " + "
    std::optional<BoardKind> kind;   /// needed when the boards' kinds differ
    std::optional<Cadence> cadence;  /// default: the largest meetings and hours of the boards
};

// [SECTION] Operations as edits (each throws ScenarioError, leaving nothing changed)

/// The merger at `date` as one Compound edit (label "merge boards into 'NEW'"): the new board
/// (footprint = union in order, cadence), the merged boards ended with successor = new, each
/// live sub-group ended with successor = its copy SUBID-NEWID (parent = the new board or the
/// copy of its parent, from D), memberships active at D ended and one seat per person added
/// on the replacement (role precedence chair … officer = enum order, other fields from the
/// winning membership, ties to the first in file order; later-starting memberships are moved),
/// relations re-pointed (self-relations and duplicates dropped), the new board placed at the
/// merged boards' mean position, and meta.as_of raised to D so the file opens on the merger.
Edit merge_edit(const Dataset& d, const MergeSpec& spec, const Date& date);
/// The id merge_edit would give the new board (spec.new_id or the one derived from the name).
std::string merged_board_id(const Dataset& d, const MergeSpec& spec);

/// Sets a board's meetings a year (and hours a meeting when given). A cadence is not dated in
/// format version 1, so this changes the board at every date.
Edit cadence_edit(const Dataset& d, const BoardId& board, const Cadence& cadence);
/// Ends a board at `date` (until = D); it must be active then.
Edit end_board_edit(const Dataset& d, const BoardId& board, const Date& date);

// [SECTION] A whole scenario as a pure function (the command line's `scenario`)

struct ScenarioSpec {
    std::optional<Date> date;  /// D; see scenario_date
    std::optional<MergeSpec> merge;
    /// Applied after the merge, so they may name the new board or a sub-group copy; a cadence
    /// for the new board itself sets the merged cadence.
    std::vector<std::pair<BoardId, Cadence>> cadences;
    std::vector<BoardId> ends;  /// applied last
};
struct ScenarioResult {
    Dataset dataset;                 /// validated
    Date date;                       /// D as used
    std::optional<std::string> merged_id;
    std::vector<Edit> edits;         /// as applied to the input, in order (for undo or replay)
};
/// Applies `spec` to a copy of `d`. A board may be given by its id or by its exact name (case
/// and extra spaces aside, as import-members matches names). Throws ScenarioError with every
/// problem found.
ScenarioResult apply_scenario(const Dataset& d, const ScenarioSpec& spec, const Date& today);

}  // namespace boardscape
