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

std::string as_of_suffix(const std::optional<Date>& d) {
    return d ? " - as of " + d->str() : std::string(" - all dates");
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

// [SECTION] Overlap

std::vector<Table> overlap_tables(const OverlapResult& r, const Dataset* names) {
    const std::string when = as_of_suffix(r.as_of);
    std::vector<Table> out;

    Table summary;
    summary.id = "summary";
    summary.title = "Overlap between top-level boards" + when;
    schema::fill_figures(summary, schema::overlap_report(r), r);
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

    Table agencies;
    agencies.id = "agencies";
    agencies.title =
        "Boards each agency must attend (expected) and meets (patch), most patch "
        "meetings first" +
        options + when;
    schema::fill_table(agencies, schema::boundary_agencies(), r.agencies, names);
    agencies.note =
        "expected: boards whose kind has this agency's sector as a statutory/expected partner "
        "(rules: " +
        r.rules +
        "), with their meetings and hours a year; the kind columns count "
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
    schema::fill_nested_table(by_kind, schema::boundary_agencies(), "agency_kinds", r.agencies);
    out.push_back(std::move(by_kind));

    Table relations;
    relations.id = "relations";
    relations.title = "Agency-board footprint relations (non-disjoint)" + when;
    relations.detail = true;
    schema::fill_nested_table(relations, schema::boundary_agencies(), "relations", r.agencies);
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
    const auto s = schema::representation_boards();
    std::vector<Table> out;

    Table matrix;
    matrix.id = "matrix";
    matrix.title = "Expected partners by board" + when;
    schema::fill_table(matrix, s, r.boards, nullptr);
    matrix.note =
        "sector cells: seats (of which senior and regular); absent: expected but no seat; "
        "-: not expected of this kind. Role cells: seats/expected.";
    out.push_back(std::move(matrix));

    Table detail;
    detail.id = "sectors";
    detail.title = "Expected sectors: seats, seniority and attendance" + when;
    detail.detail = true;
    schema::fill_nested_table(detail, s, "sectors", r.boards);
    out.push_back(std::move(detail));

    Table role_table;
    role_table.id = "roles";
    role_table.title = "Expected roles" + when;
    role_table.detail = true;
    schema::fill_nested_table(role_table, s, "roles", r.boards);
    out.push_back(std::move(role_table));

    Table other;
    other.id = "other_sectors";
    other.title = "Seats of sectors not on the expected list" + when;
    other.detail = true;
    schema::fill_nested_table(other, s, "other_sectors", r.boards);
    out.push_back(std::move(other));
    return out;
}

}  // namespace boardscape::report
