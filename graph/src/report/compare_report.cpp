// Comparison → JSON (ordered as DESIGN §8.3) and tables, both from one description of each
// side's figures (an agency's expected and seated meetings and hours, a person's meetings and
// hours): JSON nests them as "before", "after" and "delta"; tables give each figure three
// columns, and the totals table one row per figure.
#include "boardscape/report/compare_report.hpp"

#include "report_schema_json.hpp"

namespace boardscape::report {

namespace {

using Json = nlohmann::ordered_json;
using schema::Field;
using schema::Schema;
using schema::Value;

// [SECTION] The descriptions

Schema<AgencyFigures> agency_figures() {
    using F = AgencyFigures;
    return {{
        {"expected_meetings", "expected_meetings", CellType::number,
         [](const F& f) { return Value(f.expected_meetings); }},
        {"expected_hours", "expected_hours", CellType::hours,
         [](const F& f) { return Value(f.expected_hours); }},
        {"meetings", "meetings", CellType::number, [](const F& f) { return Value(f.meetings); }},
        {"hours", "hours", CellType::hours, [](const F& f) { return Value(f.hours); }},
    }};
}

Schema<PersonFigures> person_figures() {
    using F = PersonFigures;
    return {{
        {"meetings", "meetings", CellType::number, [](const F& f) { return Value(f.meetings); }},
        {"hours", "hours", CellType::hours, [](const F& f) { return Value(f.hours); }},
    }};
}

/// Each figure's before, after and change as table columns ("hours_before", …).
template <class Delta, class Figures>
void add_sides(Schema<Delta>& s, const Schema<Figures>& figures) {
    for (const auto& f : figures.fields) {
        const auto get = f.get;
        s.fields.push_back(
            {"", f.column + "_before", f.type, [get](const Delta& d) { return get(d.before); }});
        s.fields.push_back(
            {"", f.column + "_after", f.type, [get](const Delta& d) { return get(d.after); }});
        s.fields.push_back(schema::signed_change(Field<Delta>{
            "", f.column + "_delta", f.type, [get](const Delta& d) { return get(d.delta); }}));
    }
}

Schema<AgencyDelta> agency_deltas() {
    using R = AgencyDelta;
    // The table names a re-keyed agency by both ids; JSON gives them apart.
    Field<R> shown{
        "", "agency", CellType::text,
        [](const R& a) { return Value(a.before_id.empty() ? a.id : a.before_id + " -> " + a.id); },
        true};
    shown.name_of = [](const R& a) { return a.id; };
    Schema<R> s{{
        {"id", "", CellType::text, [](const R& a) { return Value(a.id); }},
        schema::omit_null(Field<R>{
            "before_id", "", CellType::text,
            [](const R& a) { return a.before_id.empty() ? Value() : Value(a.before_id); }}),
        shown,
    }};
    add_sides(s, agency_figures());
    return s;
}

Schema<PersonDelta> person_deltas() {
    using R = PersonDelta;
    Schema<R> s{{{"id", "person", CellType::text, [](const R& p) { return Value(p.id); }, true}}};
    add_sides(s, person_figures());
    return s;
}

Schema<MembershipKey> membership_keys() {
    using R = MembershipKey;
    return {{
        {"person", "person", CellType::text, [](const R& k) { return Value(k.person); }},
        {"board", "board", CellType::text, [](const R& k) { return Value(k.board); }},
        {"from", "from", CellType::text,
         [](const R& k) { return k.from ? Value(k.from->str()) : Value(); }},
    }};
}

Schema<std::string> board_ids() {
    return {{{"", "board", CellType::text, [](const std::string& id) { return Value(id); }, true}}};
}

/// A row of a change list ("added", …) with the item it names.
template <class Item>
struct Change {
    std::string change;
    Item item;
};

template <class Item>
Schema<Change<Item>> with_change(const Schema<Item>& items) {
    using R = Change<Item>;
    Schema<R> s{{{"", "change", CellType::text, [](const R& c) { return Value(c.change); }}}};
    for (const auto& f : items.fields) {
        const auto get = f.get;
        s.fields.push_back(
            {f.json, f.column, f.type, [get](const R& c) { return get(c.item); }, f.id});
    }
    return s;
}

template <class Item>
std::vector<Change<Item>> change_rows(const std::vector<Item>& added,
                                      const std::vector<Item>& removed,
                                      const std::vector<Item>& changed) {
    std::vector<Change<Item>> rows;
    for (const auto& x : added) rows.push_back({"added", x});
    for (const auto& x : removed) rows.push_back({"removed", x});
    for (const auto& x : changed) rows.push_back({"changed", x});
    return rows;
}

/// The row's keys, then its figures before, after and the change.
template <class Delta, class Figures>
Json delta_json(const Schema<Delta>& keys, const Schema<Figures>& figures, const Delta& d) {
    Json o = schema::row_json(keys, d);
    o["before"] = schema::row_json(figures, d.before);
    o["after"] = schema::row_json(figures, d.after);
    o["delta"] = schema::row_json(figures, d.delta);
    return o;
}

template <class Figures>
Json totals_json(const Schema<Figures>& figures, const Figures& before, const Figures& after,
                 const Figures& delta) {
    Json o = Json::object();
    o["before"] = schema::row_json(figures, before);
    o["after"] = schema::row_json(figures, after);
    o["delta"] = schema::row_json(figures, delta);
    return o;
}

/// Did any figure change?
template <class Figures>
bool changed(const Schema<Figures>& figures, const Figures& delta) {
    return std::any_of(figures.fields.begin(), figures.fields.end(), [&](const auto& f) {
        return schema::cell_number(f.get(delta), f.type) != 0;
    });
}

}  // namespace

std::string to_json(const Comparison& c) {
    Json j = Json::object();
    j["as_of_before"] = schema::date_json(c.as_of_before);
    j["as_of_after"] = schema::date_json(c.as_of_after);
    const auto agencies = agency_deltas();
    const auto people = person_deltas();
    j["agencies"] = Json::array();
    for (const auto& a : c.agencies)
        j["agencies"].push_back(delta_json(agencies, agency_figures(), a));
    j["people"] = Json::array();
    for (const auto& p : c.people) j["people"].push_back(delta_json(people, person_figures(), p));
    Json boards = Json::object();
    boards["added"] = schema::value_json(c.boards.added);
    boards["removed"] = schema::value_json(c.boards.removed);
    boards["changed"] = schema::value_json(c.boards.changed);
    j["boards"] = std::move(boards);
    Json memberships = Json::object();
    memberships["added"] = schema::rows_json(membership_keys(), c.memberships.added);
    memberships["removed"] = schema::rows_json(membership_keys(), c.memberships.removed);
    memberships["changed"] = schema::rows_json(membership_keys(), c.memberships.changed);
    j["memberships"] = std::move(memberships);
    Json totals = Json::object();
    totals["agencies"] = totals_json(agency_figures(), c.agency_totals_before,
                                     c.agency_totals_after, c.agency_totals_delta);
    totals["people"] = totals_json(person_figures(), c.people_totals_before, c.people_totals_after,
                                   c.people_totals_delta);
    j["totals"] = std::move(totals);
    return schema::dump(j);
}

// [SECTION] Tables

namespace {

std::string date_text(const std::optional<Date>& d) { return d ? d->str() : "all dates"; }

/// One totals row per figure: "agencies: expected meetings", before, after, change.
template <class Figures>
void total_rows(Table& t, const std::string& what, const Schema<Figures>& figures,
                const Figures& before, const Figures& after, const Figures& delta) {
    for (const auto& f : figures.fields) {
        std::string label = f.column;
        std::replace(label.begin(), label.end(), '_', ' ');
        const Value b = f.get(before), a = f.get(after), d = f.get(delta);
        t.rows.push_back({what + ": " + label, schema::format_cell(b, f.type),
                          schema::format_cell(a, f.type), schema::format_cell(d, f.type, true)});
        t.numbers.push_back({std::numeric_limits<double>::quiet_NaN(),
                             schema::cell_number(b, f.type), schema::cell_number(a, f.type),
                             schema::cell_number(d, f.type)});
        t.row_types.push_back(f.type);
    }
}

}  // namespace

std::vector<Table> compare_tables(const Comparison& c, const Dataset* before,
                                  const Dataset* after) {
    const std::string dates =
        " (before " + date_text(c.as_of_before) + ", after " + date_text(c.as_of_after) + ")";
    schema::NameOf names;
    if (before != nullptr || after != nullptr)
        names = [before, after](std::string_view id) {
            std::string n = entity_name(after, id);
            return n.empty() ? entity_name(before, id) : n;
        };
    std::vector<Table> tables;

    Table totals;
    totals.id = "totals";
    totals.title = "Totals a year" + dates;
    // Rows mix counts and hours: the columns are figures, each cell formatted by its row.
    totals.columns = {Column{"measure", Align::left}, Column{"value_before", Align::right},
                      Column{"value_after", Align::right}, Column{"value_delta", Align::right}};
    total_rows(totals, "agencies", agency_figures(), c.agency_totals_before, c.agency_totals_after,
               c.agency_totals_delta);
    total_rows(totals, "people", person_figures(), c.people_totals_before, c.people_totals_after,
               c.people_totals_delta);
    tables.push_back(std::move(totals));

    std::vector<AgencyDelta> agencies;
    for (const auto& a : c.agencies)
        if (changed(agency_figures(), a.delta)) agencies.push_back(a);
    Table ag;
    ag.id = "agencies";
    ag.title = "Agencies whose figures change, largest change in hours first";
    schema::fill_table(ag, agency_deltas(), agencies, names);
    ag.note = std::to_string(c.agencies.size() - agencies.size()) + " of " +
              std::to_string(c.agencies.size()) +
              " agencies unchanged (not shown; --format json lists every agency). expected_*: "
              "the boards of the agency's patch whose kind expects its sector; meetings, hours: "
              "its seats.";
    tables.push_back(std::move(ag));

    std::vector<PersonDelta> people;
    for (const auto& p : c.people)
        if (changed(person_figures(), p.delta)) people.push_back(p);
    Table pe;
    pe.id = "people";
    pe.title = "People whose load changes, largest change in hours first";
    schema::fill_table(pe, person_deltas(), people, names);
    pe.note = std::to_string(c.people.size() - people.size()) + " of " +
              std::to_string(c.people.size()) + " people with seats unchanged (not shown).";
    tables.push_back(std::move(pe));

    Table bo;
    bo.id = "boards";
    bo.title = "Boards added, removed or changed";
    schema::fill_table(bo, with_change(board_ids()),
                       change_rows(c.boards.added, c.boards.removed, c.boards.changed), names);
    tables.push_back(std::move(bo));

    Table me;
    me.id = "memberships";
    me.title = "Memberships added, removed or changed (person + board + from)";
    schema::fill_table(
        me, with_change(membership_keys()),
        change_rows(c.memberships.added, c.memberships.removed, c.memberships.changed),
        schema::NameOf{});
    tables.push_back(std::move(me));
    return tables;
}

}  // namespace boardscape::report
