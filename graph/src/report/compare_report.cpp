// Comparison → JSON (ordered as DESIGN §8.3) and tables.
#include "boardscape/report/compare_report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace boardscape::report {

namespace {

using Json = nlohmann::ordered_json;

Json date_json(const std::optional<Date>& d) { return d ? Json(d->str()) : Json(nullptr); }
Json number_json(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json agency_json(const AgencyFigures& f) {
    Json o = Json::object();
    o["expected_meetings"] = number_json(f.expected_meetings);
    o["expected_hours"] = number_json(f.expected_hours);
    o["meetings"] = number_json(f.meetings);
    o["hours"] = number_json(f.hours);
    return o;
}
Json person_json(const PersonFigures& f) {
    Json o = Json::object();
    o["meetings"] = number_json(f.meetings);
    o["hours"] = number_json(f.hours);
    return o;
}
Json ids_json(const std::vector<std::string>& ids) {
    Json a = Json::array();
    for (const auto& id : ids) a.push_back(id);
    return a;
}
Json keys_json(const std::vector<MembershipKey>& keys) {
    Json a = Json::array();
    for (const auto& k : keys) {
        Json o = Json::object();
        o["person"] = k.person;
        o["board"] = k.board;
        o["from"] = date_json(k.from);
        a.push_back(std::move(o));
    }
    return a;
}

}  // namespace

std::string to_json(const Comparison& c) {
    Json j = Json::object();
    j["as_of_before"] = date_json(c.as_of_before);
    j["as_of_after"] = date_json(c.as_of_after);
    Json agencies = Json::array();
    for (const auto& a : c.agencies) {
        Json o = Json::object();
        o["id"] = a.id;
        if (!a.before_id.empty()) o["before_id"] = a.before_id;
        o["before"] = agency_json(a.before);
        o["after"] = agency_json(a.after);
        o["delta"] = agency_json(a.delta);
        agencies.push_back(std::move(o));
    }
    j["agencies"] = std::move(agencies);
    Json people = Json::array();
    for (const auto& p : c.people) {
        Json o = Json::object();
        o["id"] = p.id;
        o["before"] = person_json(p.before);
        o["after"] = person_json(p.after);
        o["delta"] = person_json(p.delta);
        people.push_back(std::move(o));
    }
    j["people"] = std::move(people);
    Json boards = Json::object();
    boards["added"] = ids_json(c.boards.added);
    boards["removed"] = ids_json(c.boards.removed);
    boards["changed"] = ids_json(c.boards.changed);
    j["boards"] = std::move(boards);
    Json memberships = Json::object();
    memberships["added"] = keys_json(c.memberships.added);
    memberships["removed"] = keys_json(c.memberships.removed);
    memberships["changed"] = keys_json(c.memberships.changed);
    j["memberships"] = std::move(memberships);
    Json totals = Json::object();
    totals["agencies"] = Json::object({{"before", agency_json(c.agency_totals_before)},
                                       {"after", agency_json(c.agency_totals_after)},
                                       {"delta", agency_json(c.agency_totals_delta)}});
    totals["people"] = Json::object({{"before", person_json(c.people_totals_before)},
                                     {"after", person_json(c.people_totals_after)},
                                     {"delta", person_json(c.people_totals_delta)}});
    j["totals"] = std::move(totals);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// [SECTION] Tables

namespace {

using Row = std::vector<std::string>;

Column left(std::string name) { return Column{std::move(name), Align::left}; }
Column right(std::string name) { return Column{std::move(name), Align::right}; }

/// A change with its sign: "+12.0", "-4.0", "0.0" (hours) or "+2", "-0.5", "0" (counts).
std::string with_sign(double v, std::string text) {
    if (v > 0) text.insert(text.begin(), '+');  // insert, not "+" + s: GCC 12 -Wrestrict noise
    return text;
}
std::string signed_hours(double v) { return with_sign(v, format_hours(v)); }
std::string signed_number(double v) { return with_sign(v, format_number(v)); }

std::string date_text(const std::optional<Date>& d) { return d ? d->str() : "all dates"; }

std::string name_of(const Dataset* before, const Dataset* after, std::string_view id) {
    std::string n = entity_name(after, id);
    return n.empty() ? entity_name(before, id) : n;
}

bool changed(const AgencyFigures& d) {
    return d.expected_meetings != 0 || d.expected_hours != 0 || d.meetings != 0 || d.hours != 0;
}
bool changed(const PersonFigures& d) { return d.meetings != 0 || d.hours != 0; }

void push_triple(Row& row, double before, double after, double delta, bool hours) {
    if (hours) {
        row.push_back(format_hours(before));
        row.push_back(format_hours(after));
        row.push_back(signed_hours(delta));
    } else {
        row.push_back(format_number(before));
        row.push_back(format_number(after));
        row.push_back(signed_number(delta));
    }
}

void add_triple_columns(std::vector<Column>& cols, const std::string& what) {
    cols.push_back(right(what + "_before"));
    cols.push_back(right(what + "_after"));
    cols.push_back(right(what + "_delta"));
}

}  // namespace

std::vector<Table> compare_tables(const Comparison& c, const Dataset* before,
                                  const Dataset* after) {
    const std::string dates =
        " (before " + date_text(c.as_of_before) + ", after " + date_text(c.as_of_after) + ")";
    std::vector<Table> tables;

    Table totals{"totals", "Totals a year" + dates, {left("measure")}, {}, "", false};
    add_triple_columns(totals.columns, "value");
    const auto total_row = [&](const std::string& what, double b, double a, double d, bool h) {
        Row row{what};
        push_triple(row, b, a, d, h);
        totals.rows.push_back(std::move(row));
    };
    total_row("agencies: expected meetings", c.agency_totals_before.expected_meetings,
              c.agency_totals_after.expected_meetings, c.agency_totals_delta.expected_meetings,
              false);
    total_row("agencies: expected hours", c.agency_totals_before.expected_hours,
              c.agency_totals_after.expected_hours, c.agency_totals_delta.expected_hours, true);
    total_row("agencies: meetings", c.agency_totals_before.meetings,
              c.agency_totals_after.meetings, c.agency_totals_delta.meetings, false);
    total_row("agencies: hours", c.agency_totals_before.hours, c.agency_totals_after.hours,
              c.agency_totals_delta.hours, true);
    total_row("people: meetings", c.people_totals_before.meetings,
              c.people_totals_after.meetings, c.people_totals_delta.meetings, false);
    total_row("people: hours", c.people_totals_before.hours, c.people_totals_after.hours,
              c.people_totals_delta.hours, true);
    tables.push_back(std::move(totals));

    const bool names = before != nullptr || after != nullptr;
    Table ag{"agencies", "Agencies whose figures change, largest change in hours first", {}, {},
             "", false};
    ag.columns.push_back(left("agency"));
    if (names) ag.columns.push_back(left("name"));
    add_triple_columns(ag.columns, "expected_meetings");
    add_triple_columns(ag.columns, "expected_hours");
    add_triple_columns(ag.columns, "meetings");
    add_triple_columns(ag.columns, "hours");
    std::size_t same = 0;
    for (const auto& a : c.agencies) {
        if (!changed(a.delta)) {
            ++same;
            continue;
        }
        Row row{a.before_id.empty() ? a.id : a.before_id + " -> " + a.id};
        if (names) row.push_back(name_of(before, after, a.id));
        push_triple(row, a.before.expected_meetings, a.after.expected_meetings,
                    a.delta.expected_meetings, false);
        push_triple(row, a.before.expected_hours, a.after.expected_hours, a.delta.expected_hours,
                    true);
        push_triple(row, a.before.meetings, a.after.meetings, a.delta.meetings, false);
        push_triple(row, a.before.hours, a.after.hours, a.delta.hours, true);
        ag.rows.push_back(std::move(row));
    }
    ag.note = std::to_string(same) + " of " + std::to_string(c.agencies.size()) +
              " agencies unchanged (not shown; --format json lists every agency). expected_*: "
              "the boards of the agency's patch whose kind expects its sector; meetings, hours: "
              "its seats.";
    tables.push_back(std::move(ag));

    Table pe{"people", "People whose load changes, largest change in hours first", {}, {}, "",
             false};
    pe.columns.push_back(left("person"));
    if (names) pe.columns.push_back(left("name"));
    add_triple_columns(pe.columns, "meetings");
    add_triple_columns(pe.columns, "hours");
    same = 0;
    for (const auto& p : c.people) {
        if (!changed(p.delta)) {
            ++same;
            continue;
        }
        Row row{p.id};
        if (names) row.push_back(name_of(before, after, p.id));
        push_triple(row, p.before.meetings, p.after.meetings, p.delta.meetings, false);
        push_triple(row, p.before.hours, p.after.hours, p.delta.hours, true);
        pe.rows.push_back(std::move(row));
    }
    pe.note = std::to_string(same) + " of " + std::to_string(c.people.size()) +
              " people with seats unchanged (not shown).";
    tables.push_back(std::move(pe));

    Table bo{"boards", "Boards added, removed or changed", {left("change"), left("board")}, {}, "",
             false};
    if (names) bo.columns.push_back(left("name"));
    const auto board_rows = [&](const char* what, const std::vector<std::string>& ids) {
        for (const auto& id : ids) {
            Row row{what, id};
            if (names) row.push_back(name_of(before, after, id));
            bo.rows.push_back(std::move(row));
        }
    };
    board_rows("added", c.boards.added);
    board_rows("removed", c.boards.removed);
    board_rows("changed", c.boards.changed);
    tables.push_back(std::move(bo));

    Table me{"memberships",
             "Memberships added, removed or changed (person + board + from)",
             {left("change"), left("person"), left("board"), left("from")},
             {},
             "",
             false};
    const auto membership_rows = [&](const char* what, const std::vector<MembershipKey>& keys) {
        for (const auto& k : keys)
            me.rows.push_back(Row{what, k.person, k.board, k.from ? k.from->str() : ""});
    };
    membership_rows("added", c.memberships.added);
    membership_rows("removed", c.memberships.removed);
    membership_rows("changed", c.memberships.changed);
    tables.push_back(std::move(me));
    return tables;
}

}  // namespace boardscape::report
