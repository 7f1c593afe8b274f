// The dataset summary: counting, then one description per list feeding both tables and JSON.
// JSON keys each list's rows by their id ("boards": {"total", "active"}) rather than listing
// them, so the writer here is keyed_json, over the same descriptions as the tables.
#include "boardscape/report/summary_report.hpp"

#include "report_schema_json.hpp"

#include <set>

namespace boardscape::report {

namespace {

using schema::Field;
using schema::Schema;
using schema::Value;

// [SECTION] The descriptions

Schema<SummaryCount> count_rows() {
    using R = SummaryCount;
    return {{
        {"", "entity", CellType::text, [](const R& c) { return Value(c.label); }},
        {"total", "total", CellType::integer, [](const R& c) { return Value(c.total); }},
        schema::omit_null(
            Field<R>{"active", "active", CellType::integer,
                     [](const R& c) { return c.active ? Value(*c.active) : Value(); }}),
    }};
}

Schema<SummaryKind> kind_rows() {
    using R = SummaryKind;
    return {{
        {"", "kind", CellType::text, [](const R& k) { return Value(k.kind); }},
        {"", "name", CellType::text,
         [](const R& k) {
             const auto kind = parse_board_kind(k.kind);
             return Value(kind ? std::string(info(*kind).label) : std::string());
         }},
        {"total", "total", CellType::integer, [](const R& k) { return Value(k.total); }},
        {"active", "active", CellType::integer, [](const R& k) { return Value(k.active); }},
        {"top_level_active", "top_level_active", CellType::integer,
         [](const R& k) { return Value(k.top_level_active); }},
    }};
}

Schema<SummarySector> sector_rows() {
    using R = SummarySector;
    return {{
        {"", "sector", CellType::text, [](const R& s) { return Value(s.sector); }},
        {"agencies", "agencies", CellType::integer, [](const R& s) { return Value(s.agencies); }},
    }};
}

/// An object keyed by `key` of each row: the row's JSON fields, or the one field's value alone
/// when the description has a single JSON field.
template <class Row, class Key>
nlohmann::ordered_json keyed_json(const Schema<Row>& s, const std::vector<Row>& rows, Key key) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    std::size_t json_fields = 0;
    for (const auto& f : s.fields) json_fields += f.json.empty() ? 0 : 1;
    for (const auto& row : rows) {
        nlohmann::ordered_json item = schema::row_json(s, row);
        o[key(row)] = json_fields == 1 && item.size() == 1 ? item.begin().value() : item;
    }
    return o;
}

std::string when(const DatasetSummary& s) {
    return s.as_of ? " - as of " + s.as_of->str() : std::string(" - all dates");
}

}  // namespace

// [SECTION] Counting

DatasetSummary summarise(const Dataset& d, const AnalysisOptions& options) {
    DatasetSummary s;
    s.title = d.meta.title;
    s.as_of = analysis_date(d, options);
    const Activity act = compute_activity(d, s.as_of);
    const auto active = [&](std::size_t b) {
        return b < act.board_active.size() && act.board_active[b];
    };
    long long boards_active = 0, top_level = 0, top_level_active = 0;
    std::vector<SummaryKind> kinds(board_kind_names().size());
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        const Board& board = d.boards[b];
        auto& k = kinds[static_cast<std::size_t>(board.kind)];
        ++k.total;
        const bool top = !board.parent.has_value();
        if (top) ++top_level;
        if (active(b)) {
            ++boards_active;
            ++k.active;
            if (top) {
                ++k.top_level_active;
                ++top_level_active;
            }
        }
    }
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i].total > 0) {
            kinds[i].kind = std::string(board_kind_names()[i]);
            s.kinds.push_back(kinds[i]);
        }
    long long memberships = 0;
    std::set<std::string> seated;
    for (std::size_t m = 0; m < d.memberships.size(); ++m)
        if (m < act.membership_counted.size() && act.membership_counted[m]) {
            ++memberships;
            seated.insert(d.memberships[m].person.str());
        }
    long long relations = 0;
    for (const auto& r : d.relations) {
        const auto a = d.find_board(r.from);
        const auto b = d.find_board(r.to);
        if (a && b && active(*a) && active(*b)) ++relations;
    }
    const auto n = [](std::size_t v) { return static_cast<long long>(v); };
    s.counts = {
        {"areas", "areas", n(d.areas.size()), std::nullopt},
        {"agencies", "agencies", n(d.agencies.size()), std::nullopt},
        {"boards", "boards", n(d.boards.size()), boards_active},
        {"top_level_boards", "top-level boards", top_level, top_level_active},
        {"people", "people", n(d.people.size()), n(seated.size())},
        {"memberships", "memberships", n(d.memberships.size()), memberships},
        {"relations", "relations", n(d.relations.size()), relations},
    };
    std::vector<long long> sectors(sector_names().size());
    for (const auto& a : d.agencies) {
        const auto i = static_cast<std::size_t>(a.sector);
        if (i < sectors.size()) ++sectors[i];
    }
    for (std::size_t i = 0; i < sectors.size(); ++i)
        if (sectors[i] > 0) s.sectors.push_back({std::string(sector_names()[i]), sectors[i]});
    return s;
}

// [SECTION] Output

std::string to_json(const DatasetSummary& s) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["title"] = s.title;
    j["as_of"] = schema::date_json(s.as_of);
    j["counts"] = keyed_json(count_rows(), s.counts, [](const SummaryCount& c) { return c.key; });
    j["board_kinds"] =
        keyed_json(kind_rows(), s.kinds, [](const SummaryKind& k) { return k.kind; });
    j["agency_sectors"] =
        keyed_json(sector_rows(), s.sectors, [](const SummarySector& x) { return x.sector; });
    return schema::dump(j);
}

std::vector<Table> summary_tables(const DatasetSummary& s) {
    std::vector<Table> out;
    Table counts;
    counts.id = "counts";
    counts.title = (s.title.empty() ? std::string("Dataset") : s.title) + when(s);
    schema::fill_table(counts, count_rows(), s.counts, schema::NameOf{});
    counts.note =
        "active: boards active at the date; people with a counted membership; "
        "relations between active boards";
    out.push_back(std::move(counts));

    Table kinds;
    kinds.id = "board_kinds";
    kinds.title = "Boards by kind" + when(s);
    schema::fill_table(kinds, kind_rows(), s.kinds, schema::NameOf{});
    out.push_back(std::move(kinds));

    Table sectors;
    sectors.id = "agency_sectors";
    sectors.title = "Agencies by sector";
    schema::fill_table(sectors, sector_rows(), s.sectors, schema::NameOf{});
    out.push_back(std::move(sectors));
    return out;
}

}  // namespace boardscape::report
