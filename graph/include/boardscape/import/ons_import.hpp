// Building a national landscape (areas, statutory boards, police, health, probation and NHS
// England agencies) from official ONS lookup CSVs. Tables are recognised by their headers
// (ons_columns.hpp), so users can drop newly published lookups into a folder and re-run
// `boardscape import-ons`. Every problem in the inputs is an ImportError naming FILE:LINE:COL.
#pragma once

#include "boardscape/import/csv.hpp"
#include "boardscape/import/ons_columns.hpp"
#include "boardscape/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::import {

/// The last sentence of a national file's description. import-members replaces it once people
/// are added (see meta_after_import in members.hpp).
inline constexpr std::string_view k_no_people_sentence = "No people or memberships: add your own.";

// [SECTION] Input tables

/// What a lookup table is used for, decided from its recognised columns.
enum class TableRole {
    tiers,         // LTLA/LAD → UTLA
    county_tiers,  // LAD → CTY (an E10 county is the upper tier, otherwise the district itself)
    csp,           // LAD → CSP → PFA
    health,        // LAD × health commissioner with LSOA counts
    nhs_areas,     // CCG → NHS England area team / local office
    probation,     // police force area (by name) → probation region
    district_chain // LAD16 → … → LAD24: each district's code in a later vintage (lineage)
};
std::string_view to_string(TableRole r);

/// The role a header implies, or none. `vintage` gets the newest 2-digit year among the columns
/// that name geographies (LSOA census years do not count).
std::optional<TableRole> classify_columns(const std::vector<OnsColumn>& cols,
                                          std::optional<int>& vintage);

struct ImportSources {
    std::optional<std::filesystem::path> tiers;  // tiers or county_tiers table
    std::optional<std::filesystem::path> csp;
    std::optional<std::filesystem::path> health;
    std::optional<std::filesystem::path> nhs_areas;
    std::optional<std::filesystem::path> probation;
    std::optional<std::filesystem::path> district_chain;  // only used with a successor file
};

/// Scans `dir` (not recursively) for *.csv files and picks one table per role for `year`: the
/// newest vintage not after `year`, else the oldest after it (LTLA→UTLA tables are preferred to
/// LAD→CTY ones). The undated probation table is used from 2021 (the unified Probation Service)
/// on. `notes` receives one line per choice.
ImportSources discover_sources(const std::filesystem::path& dir, int year,
                               std::vector<std::string>& notes);

// [SECTION] Options

struct Cadence {
    double meetings_per_year = 0;
    double meeting_hours = 0;
};
/// Documented defaults, the cadence column of the kind table (board_kinds.def): lscb, lscp,
/// sab, hwb 6 a year × 3 h; every other kind 4 × 2 h.
std::map<BoardKind, Cadence> default_cadences();

/// A board that serves several upper-tier authorities, modelled only where a public source
/// says so. Applies to imports whose analysis date falls in [from, until).
///
/// An all-age partnership is one board doing two duties: kind `lscp` with `also` = {sab}
/// (written `lscp+sab` in the CSV). It may cover a single authority; it takes the place of
/// that authority's children's partnership and of its Safeguarding Adults Board, so its
/// meetings are counted once (the SAB's statutory partners — council, ICB, police — are all
/// children's partners too, so nothing expected is lost; datasets/rules/README.md).
struct JointBoard {
    BoardKind kind = BoardKind::other;
    std::vector<BoardKind> also;     // other duties this board does (all-age: sab)
    std::string name;
    std::vector<std::string> codes;  // UTLA GSS codes it covers
    Date from{1900, 1, 1};
    Date until{9999, 12, 31};
    std::string source;  // where the fact comes from (a URL or document)
};
/// The joint boards this project could confirm: datasets/joint-boards.csv, compiled in (see
/// datasets/NATIONAL.md for how they were found).
std::vector<JointBoard> builtin_joint_boards();
/// Reads joint boards from a CSV with columns kind,name,codes (';'-separated),from,until,source;
/// `kind` is a board kind, or `lscp+sab` for an all-age partnership.
std::vector<JointBoard> read_joint_boards_csv(const std::filesystem::path& path);
std::vector<JointBoard> parse_joint_boards_csv(std::string_view text, std::string file);

struct ImportOptions {
    int year = 2024;
    std::optional<Date> as_of;  // default: 1 July of `year`
    /// A district goes wholly to the health commissioner holding the largest share of its
    /// LSOAs; it is split into parts (one per commissioner) only when two or more hold at least
    /// this share, or when a commissioner would otherwise cover no area at all.
    double split_share = 0.5;
    std::map<BoardKind, Cadence> cadences = default_cadences();
    std::vector<JointBoard> joint_boards = builtin_joint_boards();
    /// A later landscape (e.g. england-2024.json). When given, each LSCB gets the partnership
    /// there that covers most of its LSOAs as its `successor` (added to this file, from
    /// 29 Sep 2019), and a note maps each CCG to the ICB holding most of its LSOAs. District
    /// codes are carried forward through `district_chain` when that table is given.
    const Dataset* successors = nullptr;
    std::string successors_label;  // its file name, for notes
};

struct ImportResult {
    Dataset dataset;                 // indexed; valid per DESIGN §3
    std::vector<std::string> notes;  // what was assumed, folded or matched by name
};

/// Builds the landscape. Needs at least `tiers`, `csp` and `health`; `nhs_areas` and
/// `probation` add those agencies when given. Throws ImportError.
ImportResult import_ons(const ImportSources& sources, const ImportOptions& options);

// [SECTION] Helpers shared with the CLI and tests

/// Lower-case ASCII slug: "Bristol, City of" → "bristol-city-of".
std::string slugify(std::string_view s);
/// ONS inverted names made readable: "Bristol, City of" → "City of Bristol".
std::string display_name(std::string_view ons_name);

}  // namespace boardscape::import
