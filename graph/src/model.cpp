// Vocabulary tables, dates and the id index of the model.
#include "boardscape/model.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace boardscape {

// [SECTION] Vocabularies

namespace {

constexpr std::array<BoardKindInfo, board_kind_count> k_board_kind_rows = {{
#define BOARDSCAPE_BOARD_KIND(id, short_label, label, rgb, basis, meetings, hours) \
    {BoardKind::id, #id, short_label, label, rgb, basis, meetings, hours},
#include "boardscape/board_kinds.def"
#undef BOARDSCAPE_BOARD_KIND
}};
constexpr std::array<std::string_view, board_kind_count> k_board_kinds = [] {
    std::array<std::string_view, board_kind_count> names{};
    for (std::size_t i = 0; i < board_kind_count; ++i) names[i] = k_board_kind_rows[i].id;
    return names;
}();
static_assert(k_board_kind_rows.back().kind == BoardKind::other, "`other` must be the last row");
constexpr std::array<std::string_view, 22> k_sectors = {
    "local_authority", "district_council", "police",     "pcc",          "health_commissioner",
    "nhs_england",     "nhs_provider",     "public_health", "probation", "youth_justice",
    "cafcass",         "school",           "academy",    "fe_college",   "voluntary",
    "fire_rescue",     "housing",          "secure_estate", "healthwatch", "judiciary",
    "other",           "independent"};
constexpr std::array<std::string_view, 7> k_roles = {
    "chair", "vice_chair", "member", "lay_member", "participating_observer", "adviser", "officer"};
constexpr std::array<std::string_view, 3> k_seniorities = {"senior", "not_senior", "unknown"};
constexpr std::array<std::string_view, 4> k_attendances = {"regular", "sporadic", "never",
                                                           "unknown"};
constexpr std::array<std::string_view, 5> k_relation_kinds = {
    "protocol", "reports_to", "joint_subgroup", "shared_business_unit", "other"};

template <class E, std::size_t N>
std::optional<E> parse_in(const std::array<std::string_view, N>& names, std::string_view s,
                          std::size_t limit = N) {
    for (std::size_t i = 0; i < limit; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

}  // namespace

std::string_view to_string(BoardKind v) { return k_board_kinds[static_cast<std::size_t>(v)]; }
std::string_view to_string(Sector v) { return k_sectors[static_cast<std::size_t>(v)]; }
std::string_view to_string(Role v) { return k_roles[static_cast<std::size_t>(v)]; }
std::string_view to_string(Seniority v) { return k_seniorities[static_cast<std::size_t>(v)]; }
std::string_view to_string(Attendance v) { return k_attendances[static_cast<std::size_t>(v)]; }
std::string_view to_string(RelationKind v) {
    return k_relation_kinds[static_cast<std::size_t>(v)];
}
std::string_view to_string(EntityType t) {
    switch (t) {
        case EntityType::area: return "area";
        case EntityType::agency: return "agency";
        case EntityType::board: return "board";
        case EntityType::person: return "person";
    }
    return "entity";
}

std::optional<BoardKind> parse_board_kind(std::string_view s) {
    return parse_in<BoardKind>(k_board_kinds, s);
}
std::optional<Sector> parse_sector(std::string_view s) {
    return parse_in<Sector>(k_sectors, s, k_sectors.size() - 1);  // never "independent"
}
std::optional<Role> parse_role(std::string_view s) { return parse_in<Role>(k_roles, s); }
std::optional<Seniority> parse_seniority(std::string_view s) {
    return parse_in<Seniority>(k_seniorities, s);
}
std::optional<Attendance> parse_attendance(std::string_view s) {
    return parse_in<Attendance>(k_attendances, s);
}
std::optional<RelationKind> parse_relation_kind(std::string_view s) {
    return parse_in<RelationKind>(k_relation_kinds, s);
}

std::span<const std::string_view> board_kind_names() { return k_board_kinds; }
std::span<const BoardKindInfo> board_kinds() { return k_board_kind_rows; }
const BoardKindInfo& info(BoardKind k) { return k_board_kind_rows[static_cast<std::size_t>(k)]; }
std::span<const std::string_view> sector_names() {
    return std::span<const std::string_view>(k_sectors.data(), k_sectors.size() - 1);
}
std::span<const std::string_view> role_names() { return k_roles; }
std::span<const std::string_view> seniority_names() { return k_seniorities; }
std::span<const std::string_view> attendance_names() { return k_attendances; }
std::span<const std::string_view> relation_kind_names() { return k_relation_kinds; }

std::string_view sector_group(Sector s) {
    switch (s) {
        case Sector::health_commissioner:
        case Sector::nhs_england:
        case Sector::nhs_provider:
        case Sector::public_health: return "health";
        case Sector::school:
        case Sector::academy:
        case Sector::fe_college: return "education";
        case Sector::police:
        case Sector::pcc:
        case Sector::probation:
        case Sector::youth_justice:
        case Sector::cafcass:
        case Sector::judiciary:
        case Sector::secure_estate: return "justice";
        case Sector::local_authority:
        case Sector::district_council: return "council";
        default: return to_string(s);
    }
}

// [SECTION] Dates

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    const int dim = days[*m - 1] + ((*m == 2 && leap) ? 1 : 0);
    if (*d > dim) return std::nullopt;
    return Date{*y, *m, *d};
}

std::string Date::str() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

// [SECTION] Index and lookups

void Dataset::reindex() {
    m_index.clear();
    m_index.reserve(areas.size() + agencies.size() + boards.size() + people.size());
    // First occurrence wins, matching the validator's "duplicate reported at the later one".
    for (std::size_t i = 0; i < areas.size(); ++i)
        m_index.try_emplace(areas[i].id.value, EntityRef{EntityType::area, i});
    for (std::size_t i = 0; i < agencies.size(); ++i)
        m_index.try_emplace(agencies[i].id.value, EntityRef{EntityType::agency, i});
    for (std::size_t i = 0; i < boards.size(); ++i)
        m_index.try_emplace(boards[i].id.value, EntityRef{EntityType::board, i});
    for (std::size_t i = 0; i < people.size(); ++i)
        m_index.try_emplace(people[i].id.value, EntityRef{EntityType::person, i});
}

std::optional<EntityRef> Dataset::find(std::string_view id) const {
    auto it = m_index.find(id);
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

namespace {
std::optional<std::size_t> find_typed(const Dataset& d, std::string_view id, EntityType t) {
    auto r = d.find(id);
    if (!r || r->type != t) return std::nullopt;
    return r->index;
}
}  // namespace

std::optional<std::size_t> Dataset::find_area(const AreaId& id) const {
    return find_typed(*this, id.value, EntityType::area);
}
std::optional<std::size_t> Dataset::find_agency(const AgencyId& id) const {
    return find_typed(*this, id.value, EntityType::agency);
}
std::optional<std::size_t> Dataset::find_board(const BoardId& id) const {
    return find_typed(*this, id.value, EntityType::board);
}
std::optional<std::size_t> Dataset::find_person(const PersonId& id) const {
    return find_typed(*this, id.value, EntityType::person);
}

std::optional<std::size_t> Dataset::represented_agency(const Membership& m) const {
    if (m.represents) return find_agency(*m.represents);
    if (auto p = find_person(m.person); p && people[*p].agency) return find_agency(*people[*p].agency);
    return std::nullopt;
}

Sector Dataset::seat_sector(const Membership& m) const {
    auto a = represented_agency(m);
    return a ? agencies[*a].sector : Sector::independent;
}

}  // namespace boardscape
