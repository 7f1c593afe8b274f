// Members from a spreadsheet (DESIGN §8.1): a CSV with one row per seat — person, board,
// agency, role, … — matched against a BASE dataset and turned into new people, new seats and
// updated seats.
//
// Two steps, so that the command line and the viewer share every rule:
//   1. plan_members_import(BASE, sheet bytes, options) is pure: it reads the sheet, matches every
//      row and returns a MembersPlan — what would be added or changed and every problem with its
//      line and column — and writes nothing. `--dry-run` prints it; the viewer's preview lists
//      it.
//   2. members_edit(BASE, plan) turns a plan without errors into ONE Edit (a Compound of
//      InsertEntity / ReplaceEntity / InsertMembership / ReplaceMembership, all appended or
//      replaced in place, so indices never shift under each other). An Edit rather than a new
//      Dataset because that is what the viewer's History takes: the whole import becomes one
//      undoable step with an exact inverse, and apply_edit validates the result with the file
//      format's own validator, refusing (and leaving the dataset untouched) if it would not
//      validate.
//   3. apply_members_plan(BASE, plan) is the same change made directly on a copy, for the
//      command line: a 10 000-row sheet makes some 14 000 edit values and their inverses,
//      and apply_edit serialises the whole dataset once more to validate it, which a batch
//      run that validates the text it writes does not need (about a tenth of the national
//      benchmark's CPU time). Both walk the plan in the same order and a test checks that
//      they give the same dataset.
//
// Matching. `board`, `agency` and `represents` match an id of the right entity type, else a
// name (case-insensitive, runs of spaces collapsed); two candidates is an error naming both. A
// person matches by `person_id`; else by name and agency (name alone when the row has no
// agency and exactly one person has that name); else a new person is created with a readable
// id, "p-" + the name as a slug, made unique in the file. A membership is identified by person
// + board + `from`: a row that names an existing one updates it (only the cells that are filled
// and differ), so re-importing the same sheet changes nothing. An empty cell never erases what
// BASE holds.
#pragma once

#include "boardscape/dataset_json.hpp"
#include "boardscape/edit.hpp"
#include "boardscape/model.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::import {

struct MembersOptions {
    /// Create agencies the sheet names but BASE lacks (needs a `sector` column; the new agency's
    /// footprint is the union of the footprints of the boards it sits on in the sheet). Boards
    /// are never created: a misspelt board must be an error, not a new board.
    bool create_missing = false;
};

/// One problem in the sheet, at a 1-based line and column (column 0: the whole line).
struct SheetDiagnostic {
    Severity severity = Severity::error;
    int line = 0;
    int column = 0;
    std::string message;
};
/// "SHEET:LINE:COL: error: MESSAGE" (or "warning"); "SHEET:LINE: …" when the column is 0.
std::string format_sheet_diagnostic(std::string_view sheet, const SheetDiagnostic& d);

/// A seat whose fields the sheet changes: `before` is BASE's, `after` the result.
struct SeatUpdate {
    std::size_t index = 0;  // in BASE's memberships
    Membership before;
    Membership after;
    int line = 0;  // the sheet row that changes it
};

/// A person whose title the sheet changes.
struct PersonUpdate {
    std::size_t index = 0;  // in BASE's people
    Person before;
    Person after;
    int line = 0;
};

template <class T>
struct Sourced {
    T value;
    int line = 0;  // the first sheet row that produced it
};

struct MembersPlan {
    std::string sheet;                            // the sheet's name, as given, for messages
    std::size_t rows = 0;                         // data rows read (blank lines skipped)
    std::vector<SheetDiagnostic> diagnostics;     // errors and warnings in line order
    std::vector<Sourced<Agency>> agencies_added;  // only with create_missing
    std::vector<Sourced<Person>> people_added;
    std::vector<PersonUpdate> people_updated;
    std::vector<Sourced<Membership>> seats_added;
    std::vector<SeatUpdate> seats_updated;
    std::size_t seats_unchanged = 0;  // rows naming an existing seat with nothing to change
    bool read_as_windows1252 = false;
    char delimiter = ',';

    std::size_t error_count() const;
    bool ok() const { return error_count() == 0; }
    /// True when applying the plan would change nothing.
    bool no_change() const {
        return agencies_added.empty() && people_added.empty() && people_updated.empty() &&
               seats_added.empty() && seats_updated.empty();
    }
};

/// Reads the sheet's bytes (UTF-8 with or without BOM, or Windows-1252; comma or semicolon
/// separated) and matches it against `base` (validated and indexed). Never throws for bad
/// input: every problem is a diagnostic in the plan. `sheet_name` is only used in messages.
MembersPlan plan_members_import(const Dataset& base, std::string_view sheet_bytes,
                                std::string_view sheet_name, const MembersOptions& options = {});

/// The plan as one undoable edit (see the file comment), labelled
/// "import members from SHEET". Throws EditError when the plan has errors.
Edit members_edit(const Dataset& base, const MembersPlan& plan);

/// What an update changes, field by field: {"role: member -> chair", "until: (none) ->
/// 2025-03-31"}, for the dry run and the viewer's preview.
std::vector<std::string> describe_changes(const SeatUpdate& u);
std::vector<std::string> describe_changes(const PersonUpdate& u);

/// The file's meta after the plan, or nothing when the plan adds no person and no seat: the
/// sheet's file name joins `sources` ("Members: leeds.csv (boardscape import-members)") and a
/// national file's closing "No people or memberships: add your own." becomes "People and
/// seats were added from members sheets (see sources).", so an extract filled with members no
/// longer says it has none. members_edit and apply_members_plan both apply it.
std::optional<Meta> meta_after_import(const Dataset& base, const MembersPlan& plan);

/// BASE with the plan applied (not validated: the caller validates what it writes). Throws
/// EditError when the plan has errors.
Dataset apply_members_plan(const Dataset& base, const MembersPlan& plan);

/// The headers the sheet understands, in the template's order.
std::span<const std::string_view> members_columns();

/// "Ann Example" → "p-ann-example", "Siân Jones" → "p-sian-jones": the readable id a new person
/// gets before it is made unique ("p-person" when the name has no letters or digits).
std::string person_slug(std::string_view name);

}  // namespace boardscape::import
