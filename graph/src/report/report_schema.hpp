// One description of each list-shaped part of a report (its rows' fields: JSON name, table
// column, cell type, getter), read by both the table builders (report_tables.cpp) and the JSON
// writer (report_json.cpp), so a new field is one line and every format shows it.
// Private to the library: the std::function and variant machinery stays out of public headers.
#pragma once

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/report/report_table.hpp"

#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace boardscape::report::schema {

/// One field's value. JSON writes each alternative as itself (a number that is not finite as
/// null); tables format it by the column's CellType: counts as "k n, …" (text) or their total
/// (integer), strings joined by ", " (text) or their count (integer).
using Counts = std::map<std::string, int>;
using Strings = std::vector<std::string>;
using Value = std::variant<std::monostate, std::string, long long, double, Counts, Strings>;

template <class Row>
struct Field {
    std::string json;    /// JSON key; "" when only tables show the field
    std::string column;  /// table column name; "" when only JSON carries the field
    CellType type = CellType::text;
    std::function<Value(const Row&)> get;
    /// The field is the row's entity id: tables add a "name" column after it when names exist.
    bool id = false;
};

template <class Row>
struct Schema {
    std::vector<Field<Row>> fields;  /// in JSON order
    /// Table column order by column name when it differs from the JSON order; empty: same.
    std::vector<std::string> table_order;
};

/// A cell's text as the table formats show it ("" for null).
std::string format_cell(const Value& v, CellType type);

/// The table's columns and rows from a schema (names from `names`, when given).
template <class Row>
void fill_table(Table& t, const Schema<Row>& s, const std::vector<Row>& rows,
                const Dataset* names) {
    std::vector<const Field<Row>*> order;
    if (s.table_order.empty()) {
        for (const auto& f : s.fields)
            if (!f.column.empty()) order.push_back(&f);
    } else {
        for (const auto& name : s.table_order)
            for (const auto& f : s.fields)
                if (f.column == name) order.push_back(&f);
    }
    for (const auto* f : order) {
        t.columns.push_back(
            Column{f->column, f->type == CellType::text ? Align::left : Align::right, f->type});
        if (f->id && names != nullptr) t.columns.push_back(Column{"name", Align::left});
    }
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        cells.reserve(t.columns.size());
        for (const auto* f : order) {
            const Value v = f->get(row);
            cells.push_back(format_cell(v, f->type));
            if (f->id && names != nullptr)
                cells.push_back(entity_name(names, std::get<std::string>(v)));
        }
        t.rows.push_back(std::move(cells));
    }
}

// [SECTION] The descriptions

Schema<BoardPair> board_pairs();
Schema<PersonBoards> overlap_people(const OverlapResult& r);
Schema<Broker> brokers();
Schema<BoardBoundaries> boundary_boards();
Schema<PersonLoad> load_people();
Schema<AgencyLoad> load_agencies();
Schema<BoardLoad> load_boards();

}  // namespace boardscape::report::schema
