// Representation against the expected partners of each board kind (DESIGN §4
// "Representation"); the rules are data (datasets/rules/expected-partners.json, compiled in).
#pragma once

#include "boardscape/analysis/common.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape {

/// When a conditionally expected sector is expected. `two_tier`: the board's footprint lists
/// an area that has child areas (a county with districts below it).
enum class RuleCondition { two_tier };
std::string_view to_string(RuleCondition c);

struct KindRules {
    std::vector<Sector> sectors;
    std::map<Role, int> roles;  // role → expected seats
    /// Sectors of `sectors` expected only when their condition holds for the board.
    std::map<Sector, RuleCondition> conditional;
    /// Expected sector → other sectors whose seats count towards it when they are not
    /// themselves expected on the board (a district council seat on a csp is the council).
    std::map<Sector, std::vector<Sector>> satisfied_by;
};
/// Expected partners per board kind. Kinds not present expect nothing.
struct RepresentationRules {
    std::map<BoardKind, KindRules> kinds;
};

/// Which sectors one board expects under its kind's rules: the single place where
/// `conditional` and `satisfied_by` are applied, shared by representation and by boundaries'
/// expected attendance so the two can never disagree (DESIGN §4).
struct BoardExpectation {
    static constexpr int k_none = -1;
    static constexpr std::size_t k_sectors = static_cast<std::size_t>(Sector::independent) + 1;

    std::vector<Sector> sectors;  /// expected on this board, in rules order (conditions applied)
    /// By sector: the index into `sectors` a seat of that sector counts towards — its own entry
    /// when it is expected, else the first expected sector whose `satisfied_by` lists it — or
    /// k_none. `slot[district_council]` is the local_authority entry on a unitary csp.
    std::array<int, k_sectors> slot;

    /// The board expects an agency of sector `s`: `s` is expected itself or stands in for an
    /// expected sector that is not.
    bool expects(Sector s) const { return slot[static_cast<std::size_t>(s)] != k_none; }
};

/// By area index: true when some area names it as `parent` (a county with districts below).
std::vector<bool> areas_with_children(const Dataset& d);

/// The expectation of board `b` under `rules`; `has_children` is areas_with_children(d).
/// `two_tier` holds when b's footprint lists an area with child areas. Kinds without rules
/// expect nothing.
BoardExpectation board_expectation(const RepresentationRules& rules, const Dataset& d,
                                   const Board& b, const std::vector<bool>& has_children);

/// The built-in rules (the text of datasets/rules/expected-partners.json compiled in).
const RepresentationRules& default_representation_rules();
/// Parses a rules file of the same shape; throws LoadError with pointers on bad input.
RepresentationRules parse_representation_rules(std::string_view text, std::string_view file);

struct SectorPresence {
    Sector sector = Sector::other;
    bool present = false;  // status: present / absent
    int seats = 0, senior = 0, regular = 0, sporadic = 0, never = 0, senior_regular = 0;
};
struct RolePresence {
    Role role = Role::member;
    int expected = 0;
    int seats = 0;
};
struct SectorSeats {
    std::string sector;  // includes "independent"
    int seats = 0;
};
struct BoardRepresentation {
    std::string id;
    BoardKind kind = BoardKind::other;
    std::vector<SectorPresence> expected;  /// in rules order
    std::vector<RolePresence> roles;       /// in role order
    std::vector<SectorSeats> other_sectors;  /// seats desc, then sector
};
struct RepresentationResult {
    std::optional<Date> as_of;
    std::vector<BoardRepresentation> boards;  /// active top-level boards, by id
};

RepresentationResult compute_representation(const Dataset& d, const AnalysisOptions& opts,
                                            const RepresentationRules& rules =
                                                default_representation_rules());

}  // namespace boardscape
