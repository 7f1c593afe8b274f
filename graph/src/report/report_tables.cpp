// Tables built from each analysis result. Column names follow the JSON field names (so a CSV
// header matches `--format json`); the first column names the entity type. Rows keep the
// analyses' order (already sorted as DESIGN §5 says).
#include "boardscape/report/report_table.hpp"

#include "report_schema.hpp"

#include <algorithm>
#include <utility>

namespace boardscape::report {

namespace {

// [SECTION] Helpers

using Row = std::vector<std::string>;

Column left(std::string name) { return Column{std::move(name), Align::left}; }
Column right(std::string name, CellType type = CellType::text) {
    return Column{std::move(name), Align::right, type};
}
Column integer(std::string name) { return right(std::move(name), CellType::integer); }

std::string as_of_suffix(const std::optional<Date>& d) {
    return d ? " - as of " + d->str() : std::string(" - all dates");
}

std::string count(int n) { return std::to_string(n); }

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) s += sep;
        s += items[i];
    }
    return s;
}

/// Board kind names in vocabulary order; strings that are not kinds go last, alphabetically.
bool kind_less(const std::string& a, const std::string& b) {
    const auto ka = parse_board_kind(a);
    const auto kb = parse_board_kind(b);
    if (ka && kb) return *ka < *kb;
    if (ka != kb) return ka.has_value();
    return a < b;
}

}  // namespace

std::string entity_name(const Dataset* d, std::string_view id) {
    if (d == nullptr) return {};
    const auto ref = d->find(id);
    if (!ref) return {};
    switch (ref->type) {
        case EntityType::area:
            return d->areas[ref->index].name;
        case EntityType::agency:
            return d->agencies[ref->index].name;
        case EntityType::board:
            return d->boards[ref->index].name;
        case EntityType::person:
            return d->people[ref->index].name;
    }
    return {};
}

namespace {

/// The id column, plus "name" after it when names are available.
void id_columns(Table& t, std::string id_column, const Dataset* names) {
    t.columns.push_back(left(std::move(id_column)));
    if (names != nullptr) t.columns.push_back(left("name"));
}
void id_cells(Row& row, const std::string& id, const Dataset* names) {
    row.push_back(id);
    if (names != nullptr) row.push_back(entity_name(names, id));
}

}  // namespace

// [SECTION] Overlap

std::vector<Table> overlap_tables(const OverlapResult& r, const Dataset* names) {
    const std::string when = as_of_suffix(r.as_of);
    std::vector<Table> out;

    Table summary;
    summary.id = "summary";
    summary.title = "Overlap between top-level boards" + when;
    summary.columns = {left("figure"), right("value")};
    summary.rows.push_back({"board pairs sharing people", count(int(r.board_pairs.size()))});
    summary.rows.push_back({"multi_board_people", count(r.multi_board_people)});
    summary.rows.push_back({"interlock_density", format_optional(r.interlock_density)});
    summary.rows.push_back({"chairs_of_several", count(int(r.chairs_of_several.size()))});
    summary.rows.push_back({"brokers", r.brokers_estimated ? "estimated" : "exact"});
    summary.note =
        "multi_board_people: people on 2+ top-level boards; interlock_density: share of board "
        "pairs sharing someone; chairs_of_several: people chairing 2+ top-level boards";
    out.push_back(std::move(summary));

    Table pairs;
    pairs.id = "board_pairs";
    pairs.title = "Board pairs sharing people, most shared first" + when;
    schema::fill_table(pairs, schema::board_pairs(), r.board_pairs, nullptr);
    out.push_back(std::move(pairs));

    Table people;
    people.id = "people";
    people.title = "People by number of top-level boards" + when;
    schema::fill_table(people, schema::overlap_people(r), r.people, names);
    out.push_back(std::move(people));

    Table brokers;
    brokers.id = "brokers";
    brokers.title = std::string("Brokers: betweenness on the person-board graph") +
                    (r.brokers_estimated ? " (estimated from a sample)" : "") + when;
    schema::fill_table(brokers, schema::brokers(), r.brokers, names);
    out.push_back(std::move(brokers));
    return out;
}

// [SECTION] Boundaries

std::vector<Table> boundaries_tables(const BoundariesResult& r, const Dataset* names) {
    std::string options;
    if (r.prep_factor != 0 || r.travel_hours != 0)
        options = " (expected hours with prep factor " + format_number(r.prep_factor) +
                  ", travel " + format_number(r.travel_hours) + " h a meeting)";
    const std::string when = as_of_suffix(r.as_of);
    std::vector<Table> out;

    // Kind columns break expected_boards down: the duty is what a planner reads first; the
    // patch by kind is in the agency_kinds companion table.
    std::vector<std::string> kinds;
    for (const auto& a : r.agencies)
        for (const auto& [k, n] : a.expected_boards)
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    std::sort(kinds.begin(), kinds.end(), kind_less);

    const auto total = [](const std::map<std::string, int>& by_kind) {
        int n = 0;
        for (const auto& [k, v] : by_kind) n += v;
        return n;
    };

    Table agencies;
    agencies.id = "agencies";
    agencies.title = "Boards each agency must attend (expected) and meets (patch), most patch "
                     "meetings first" + options + when;
    id_columns(agencies, "agency", names);
    agencies.columns.push_back(left("sector"));
    agencies.columns.push_back(integer("expected_boards"));
    agencies.columns.push_back(right("expected_meetings", CellType::number));
    agencies.columns.push_back(right("expected_hours", CellType::hours));
    for (const auto& k : kinds) agencies.columns.push_back(integer(k));
    agencies.columns.push_back(integer("boards_to_attend"));
    agencies.columns.push_back(right("meetings_to_attend", CellType::number));
    agencies.columns.push_back(integer("straddles"));
    for (const auto& a : r.agencies) {
        Row row;
        id_cells(row, a.id, names);
        row.push_back(std::string(to_string(a.sector)));
        row.push_back(count(total(a.expected_boards)));
        row.push_back(format_number(a.expected_meetings));
        row.push_back(format_hours(a.expected_hours));
        for (const auto& k : kinds) {
            const auto it = a.expected_boards.find(k);
            row.push_back(count(it == a.expected_boards.end() ? 0 : it->second));
        }
        row.push_back(count(total(a.boards_to_attend)));
        row.push_back(format_number(a.meetings_to_attend));
        const auto straddles =
            std::count_if(a.relations.begin(), a.relations.end(),
                          [](const auto& x) { return x.relation == BoundaryRelation::straddles; });
        row.push_back(count(int(straddles)));
        agencies.rows.push_back(std::move(row));
    }
    agencies.note =
        "expected: boards whose kind has this agency's sector as a statutory/expected partner "
        "(rules: " + r.rules + "), with their meetings and hours a year; the kind columns count "
        "them by kind. patch: every board whose footprint meets the agency's "
        "(boards_to_attend, meetings_to_attend). straddles: patch boards the agency's footprint "
        "cuts across";
    out.push_back(std::move(agencies));

    Table boards;
    boards.id = "boards";
    boards.title = "Top-level boards: partners and coterminosity" + when;
    schema::fill_table(boards, schema::boundary_boards(), r.boards, names);
    boards.note =
        "coterminosity: share of partner agencies whose footprint equals the board's; "
        "straddling: partners whose footprint cuts across the board's";
    out.push_back(std::move(boards));

    Table by_kind;
    by_kind.id = "agency_kinds";
    by_kind.title = "Expected and patch boards by agency and kind" + when;
    by_kind.detail = true;
    by_kind.columns = {left("agency"), left("kind"), integer("expected_boards"),
                       integer("boards_to_attend")};
    for (const auto& a : r.agencies) {
        std::vector<std::string> ks;  // patch kinds; every expected board is in the patch
        for (const auto& [k, n] : a.boards_to_attend) ks.push_back(k);
        std::sort(ks.begin(), ks.end(), kind_less);
        for (const auto& k : ks) {
            const auto e = a.expected_boards.find(k);
            by_kind.rows.push_back({a.id, k, count(e == a.expected_boards.end() ? 0 : e->second),
                                    count(a.boards_to_attend.at(k))});
        }
    }
    out.push_back(std::move(by_kind));

    Table relations;
    relations.id = "relations";
    relations.title = "Agency-board footprint relations (non-disjoint)" + when;
    relations.detail = true;
    relations.columns = {left("agency"), left("board"), left("relation"), right("overlap_share", CellType::share)};
    for (const auto& a : r.agencies)
        for (const auto& rel : a.relations)
            relations.rows.push_back({a.id, rel.board, std::string(to_string(rel.relation)),
                                      format_optional(rel.overlap_share)});
    out.push_back(std::move(relations));
    return out;
}

// [SECTION] Load

std::vector<Table> load_tables(const LoadReport& r, const Dataset* names) {
    std::string options;
    if (r.prep_factor != 0 || r.travel_hours != 0)
        options = " (prep factor " + format_number(r.prep_factor) + ", travel " +
                  format_number(r.travel_hours) + " h a meeting)";
    const std::string when = options + as_of_suffix(r.as_of);
    std::vector<Table> out;

    Table people;
    people.id = "people";
    people.title = "Load by person: meetings and hours a year" + when;
    schema::fill_table(people, schema::load_people(), r.people, names);
    out.push_back(std::move(people));

    Table agencies;
    agencies.id = "agencies";
    agencies.title = "Load by agency: meetings and hours a year" + when;
    schema::fill_table(agencies, schema::load_agencies(), r.agencies, names);
    agencies.note =
        "attended_hours weights each seat by attendance: regular 1, sporadic 0.5, never 0, "
        "unknown 1";
    out.push_back(std::move(agencies));

    Table boards;
    boards.id = "boards";
    boards.title = "Seats by board, largest first" + as_of_suffix(r.as_of);
    schema::fill_table(boards, schema::load_boards(), r.boards, names);
    out.push_back(std::move(boards));
    return out;
}

// [SECTION] Representation

// `names` is accepted for symmetry with the other builders; every table here is keyed by
// board id only (the matrix is wide enough already).
std::vector<Table> representation_tables(const RepresentationResult& r,
                                         [[maybe_unused]] const Dataset* names) {
    const std::string when = as_of_suffix(r.as_of);
    std::vector<Table> out;

    // Matrix columns: every sector and role expected of any board, in vocabulary order.
    std::vector<Sector> sectors;
    std::vector<Role> roles;
    for (const auto& b : r.boards) {
        for (const auto& s : b.expected)
            if (std::find(sectors.begin(), sectors.end(), s.sector) == sectors.end())
                sectors.push_back(s.sector);
        for (const auto& rp : b.roles)
            if (std::find(roles.begin(), roles.end(), rp.role) == roles.end())
                roles.push_back(rp.role);
    }
    std::sort(sectors.begin(), sectors.end());
    std::sort(roles.begin(), roles.end());

    Table matrix;
    matrix.id = "matrix";
    matrix.title = "Expected partners by board" + when;
    // No name column here: the matrix is already wide, and board ids read well on their own.
    matrix.columns.push_back(left("board"));
    matrix.columns.push_back(left("kind"));
    for (const auto s : sectors) matrix.columns.push_back(right(std::string(to_string(s))));
    for (const auto role : roles) matrix.columns.push_back(right(std::string(to_string(role))));
    matrix.columns.push_back(left("other_sectors"));
    for (const auto& b : r.boards) {
        Row row{b.id, std::string(to_string(b.kind))};
        for (const auto s : sectors) {
            const auto it = std::find_if(b.expected.begin(), b.expected.end(),
                                         [&](const auto& e) { return e.sector == s; });
            if (it == b.expected.end())
                row.push_back("");
            else if (!it->present)
                row.push_back("absent");
            else
                row.push_back(count(it->seats) + " (" + count(it->senior_regular) + ")");
        }
        for (const auto role : roles) {
            const auto it = std::find_if(b.roles.begin(), b.roles.end(),
                                         [&](const auto& e) { return e.role == role; });
            if (it == b.roles.end())
                row.push_back("");
            else
                row.push_back(count(it->seats) + "/" + count(it->expected));
        }
        std::vector<std::string> others;
        for (const auto& s : b.other_sectors) others.push_back(s.sector + " " + count(s.seats));
        row.push_back(join(others));
        matrix.rows.push_back(std::move(row));
    }
    matrix.note =
        "sector cells: seats (of which senior and regular); absent: expected but no seat; "
        "-: not expected of this kind. Role cells: seats/expected.";
    out.push_back(std::move(matrix));

    Table detail;
    detail.id = "sectors";
    detail.title = "Expected sectors: seats, seniority and attendance" + when;
    detail.detail = true;
    detail.columns = {left("board"),       left("sector"),  left("status"),
                      integer("seats"),    integer("senior"), integer("regular"),
                      integer("sporadic"), integer("never"),  integer("senior_regular")};
    for (const auto& b : r.boards)
        for (const auto& s : b.expected)
            detail.rows.push_back({b.id, std::string(to_string(s.sector)),
                                   s.present ? "present" : "absent", count(s.seats),
                                   count(s.senior), count(s.regular), count(s.sporadic),
                                   count(s.never), count(s.senior_regular)});
    out.push_back(std::move(detail));

    Table role_table;
    role_table.id = "roles";
    role_table.title = "Expected roles" + when;
    role_table.detail = true;
    role_table.columns = {left("board"), left("role"), integer("expected"), integer("seats")};
    for (const auto& b : r.boards)
        for (const auto& rp : b.roles)
            role_table.rows.push_back(
                {b.id, std::string(to_string(rp.role)), count(rp.expected), count(rp.seats)});
    out.push_back(std::move(role_table));

    Table other;
    other.id = "other_sectors";
    other.title = "Seats of sectors not on the expected list" + when;
    other.detail = true;
    other.columns = {left("board"), left("sector"), integer("seats")};
    for (const auto& b : r.boards)
        for (const auto& s : b.other_sectors)
            other.rows.push_back({b.id, s.sector, count(s.seats)});
    out.push_back(std::move(other));
    return out;
}

}  // namespace boardscape::report
