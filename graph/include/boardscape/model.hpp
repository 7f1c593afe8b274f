// The Boardscape model: areas, agencies, boards, people, memberships and relations as plain
// structs with strong id types, mirroring file format version 1 (DESIGN.md §3).
// A Dataset is only ever built by the loader (which validates it) or by code that keeps the
// same invariants; analyses take a validated Dataset and never re-check references.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace boardscape {

// [SECTION] Strong ids

/// An id string tagged with the entity type it names, so a BoardId cannot be passed where an
/// AgencyId is expected. All ids share one namespace in a file.
template <class Tag>
struct Id {
    std::string value;

    Id() = default;
    explicit Id(std::string v) : value(std::move(v)) {}
    const std::string& str() const { return value; }
    bool empty() const { return value.empty(); }
    friend bool operator==(const Id&, const Id&) = default;
    friend auto operator<=>(const Id& a, const Id& b) { return a.value <=> b.value; }
};

struct AreaTag {};
struct AgencyTag {};
struct BoardTag {};
struct PersonTag {};
using AreaId = Id<AreaTag>;
using AgencyId = Id<AgencyTag>;
using BoardId = Id<BoardTag>;
using PersonId = Id<PersonTag>;

// [SECTION] Vocabularies (closed lists; string forms are the file format's)

/// Board kinds come from the one table in board_kinds.def (ids, labels, colours, legal basis,
/// default cadence); `other` is always the last value.
enum class BoardKind {
#define BOARDSCAPE_BOARD_KIND(id, ...) id,
#include "boardscape/board_kinds.def"
#undef BOARDSCAPE_BOARD_KIND
};
inline constexpr std::size_t board_kind_count = static_cast<std::size_t>(BoardKind::other) + 1;

/// One row of board_kinds.def.
struct BoardKindInfo {
    BoardKind kind;
    std::string_view id;           // the file format's string
    std::string_view short_label;  // "LSCP"
    std::string_view label;        // "Safeguarding Children Partnership"
    std::uint32_t rgb;             // display colour, 0xRRGGBB
    std::string_view basis;        // the statute or guidance it rests on; empty for `other`
    double meetings_per_year;      // documented default cadence (national files)
    double meeting_hours;
};
/// Every kind, in declaration order (index = the enum's value).
std::span<const BoardKindInfo> board_kinds();
const BoardKindInfo& info(BoardKind k);
/// `independent` is an output value only (a seat with no agency); never valid in a file.
enum class Sector {
    local_authority, district_council, police, pcc, health_commissioner, nhs_england,
    nhs_provider, public_health, probation, youth_justice, cafcass, school, academy, fe_college,
    voluntary, fire_rescue, housing, secure_estate, healthwatch, judiciary, other, independent
};
enum class Role { chair, vice_chair, member, lay_member, participating_observer, adviser, officer };
enum class Seniority { senior, not_senior, unknown };
enum class Attendance { regular, sporadic, never, unknown };
enum class RelationKind { protocol, reports_to, joint_subgroup, shared_business_unit, other };

std::string_view to_string(BoardKind v);
std::string_view to_string(Sector v);
std::string_view to_string(Role v);
std::string_view to_string(Seniority v);
std::string_view to_string(Attendance v);
std::string_view to_string(RelationKind v);

/// Parsers accept exactly the file format's strings; `Sector` never parses "independent".
std::optional<BoardKind> parse_board_kind(std::string_view s);
std::optional<Sector> parse_sector(std::string_view s);
std::optional<Role> parse_role(std::string_view s);
std::optional<Seniority> parse_seniority(std::string_view s);
std::optional<Attendance> parse_attendance(std::string_view s);
std::optional<RelationKind> parse_relation_kind(std::string_view s);

/// Every valid file value of a vocabulary, in declaration order (for error messages and UIs).
std::span<const std::string_view> board_kind_names();
std::span<const std::string_view> sector_names();  // excludes "independent"
std::span<const std::string_view> role_names();
std::span<const std::string_view> seniority_names();
std::span<const std::string_view> attendance_names();
std::span<const std::string_view> relation_kind_names();

/// Sector groups of DESIGN §4 (load): health, education, justice, council; every other sector
/// is its own group (its own name).
std::string_view sector_group(Sector s);

// [SECTION] Dates

/// A calendar date (proleptic Gregorian). Ordered; `parse` accepts exactly YYYY-MM-DD with a
/// real day of the month.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend auto operator<=>(const Date&, const Date&) = default;
    static std::optional<Date> parse(std::string_view s);
    std::string str() const;  // YYYY-MM-DD
};

// [SECTION] Entities

struct Meta {
    std::string title;
    std::optional<Date> as_of;
    std::optional<std::string> description;
    std::vector<std::string> sources;
    std::optional<std::string> licence;
};

struct Area {
    AreaId id;
    std::string name;
    std::optional<std::string> kind;  // free text: county, district, unitary, london_borough…
    std::optional<AreaId> parent;
    std::optional<std::string> code;  // ONS code, e.g. E10000016
    std::optional<double> population;
};

struct Agency {
    AgencyId id;
    std::string name;
    Sector sector = Sector::other;
    std::vector<AreaId> footprint;
};

struct Board {
    BoardId id;
    std::string name;
    BoardKind kind = BoardKind::other;
    std::vector<AreaId> footprint;
    std::optional<BoardId> parent;  // set for sub-groups and executive groups
    double meetings_per_year = 0;
    double meeting_hours = 0;
    std::optional<Date> from;
    std::optional<Date> until;
    std::optional<BoardId> successor;
};

struct Person {
    PersonId id;
    std::string name;
    std::optional<AgencyId> agency;
    std::optional<std::string> title;
};

struct Membership {
    PersonId person;
    BoardId board;
    std::optional<AgencyId> represents;  // absent: the person's agency (see represented_agency)
    Role role = Role::member;
    Seniority seniority = Seniority::unknown;
    Attendance attendance = Attendance::unknown;
    std::optional<Date> from;
    std::optional<Date> until;
    std::optional<std::string> source;
};

struct Relation {
    BoardId from;
    BoardId to;
    RelationKind kind = RelationKind::other;
    std::optional<std::string> note;
};

/// Saved node positions (world units) and pinned ids, keyed by entity id.
struct Layout {
    std::map<std::string, std::array<double, 2>> positions;
    std::vector<std::string> pinned;
    bool empty() const { return positions.empty() && pinned.empty(); }
};

enum class EntityType { area, agency, board, person };
std::string_view to_string(EntityType t);

/// Where an id lives: its type and its index in that type's vector.
struct EntityRef {
    EntityType type;
    std::size_t index;
};

// [SECTION] Dataset

struct Dataset {
    Meta meta;
    std::vector<Area> areas;
    std::vector<Agency> agencies;
    std::vector<Board> boards;
    std::vector<Person> people;
    std::vector<Membership> memberships;
    std::vector<Relation> relations;
    Layout layout;
    /// The file's `views` array kept verbatim as JSON text ("" when absent); its shape belongs
    /// to the viewer, the library only carries it through load and save.
    std::string views_json;

    /// Rebuilds the id index; call after adding or removing entities.
    void reindex();
    std::optional<EntityRef> find(std::string_view id) const;
    std::optional<std::size_t> find_area(const AreaId& id) const;
    std::optional<std::size_t> find_agency(const AgencyId& id) const;
    std::optional<std::size_t> find_board(const BoardId& id) const;
    std::optional<std::size_t> find_person(const PersonId& id) const;

    /// The agency a membership's seat represents: `represents`, else the person's agency, else
    /// none (sector `independent`).
    std::optional<std::size_t> represented_agency(const Membership& m) const;
    /// Sector of a membership's seat (`independent` when no agency).
    Sector seat_sector(const Membership& m) const;

private:
    /// Lets find() look up a string_view without building a std::string per lookup.
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, EntityRef, IdHash, std::equal_to<>> m_index;
};

}  // namespace boardscape

template <class Tag>
struct std::hash<boardscape::Id<Tag>> {
    std::size_t operator()(const boardscape::Id<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.value);
    }
};
