// Small builders for the analysis tests' inline fixtures (activity, overlap, load, export), so
// each test reads as its ASCII sketch: one line per entity or membership.
#pragma once

#include "boardscape/model.hpp"

#include <optional>
#include <string>
#include <vector>

// GCC 12 warns (-Wmissing-field-initializers) about every member a designated initializer
// leaves out, even though they have default member initializers; the specs below rely on that.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

namespace boardscape::test {

inline Date day(const char* s) { return *Date::parse(s); }

inline Area make_area(const char* id, std::optional<const char*> parent = {}) {
    Area a;
    a.id = AreaId(id);
    a.name = std::string("Area ") + id;
    if (parent) a.parent = AreaId(*parent);
    return a;
}

inline Agency make_agency(const char* id, Sector sector, std::vector<const char*> footprint = {}) {
    Agency a;
    a.id = AgencyId(id);
    a.name = std::string("Agency ") + id;
    a.sector = sector;
    for (const char* f : footprint) a.footprint.emplace_back(f);
    return a;
}

struct BoardSpec {
    BoardKind kind = BoardKind::other;
    std::optional<const char*> parent;
    double meetings_per_year = 0;
    double meeting_hours = 0;
    std::optional<const char*> from;
    std::optional<const char*> until;
    std::vector<const char*> footprint;
};

inline Board make_board(const char* id, const BoardSpec& s = {}) {
    Board b;
    b.id = BoardId(id);
    b.name = std::string("Board ") + id;
    b.kind = s.kind;
    if (s.parent) b.parent = BoardId(*s.parent);
    b.meetings_per_year = s.meetings_per_year;
    b.meeting_hours = s.meeting_hours;
    if (s.from) b.from = day(*s.from);
    if (s.until) b.until = day(*s.until);
    for (const char* f : s.footprint) b.footprint.emplace_back(f);
    return b;
}

inline Person make_person(const char* id, std::optional<const char*> agency = {}) {
    Person p;
    p.id = PersonId(id);
    p.name = std::string("Person ") + id;
    if (agency) p.agency = AgencyId(*agency);
    return p;
}

struct SeatSpec {
    Role role = Role::member;
    Attendance attendance = Attendance::unknown;
    std::optional<const char*> represents;
    std::optional<const char*> from;
    std::optional<const char*> until;
};

inline Membership make_member(const char* person, const char* board, const SeatSpec& s = {}) {
    Membership m;
    m.person = PersonId(person);
    m.board = BoardId(board);
    m.role = s.role;
    m.attendance = s.attendance;
    if (s.represents) m.represents = AgencyId(*s.represents);
    if (s.from) m.from = day(*s.from);
    if (s.until) m.until = day(*s.until);
    return m;
}

}  // namespace boardscape::test
