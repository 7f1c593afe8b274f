// One description of each list-shaped part of a report (its rows' fields: JSON name, table
// column, cell type, getter), read by both the table builders (report_tables.cpp,
// compare_report.cpp) and the JSON writers (report_json.cpp, compare_report.cpp), so a new
// field is one line and every format shows it. Lists inside a row (a boundary agency's
// relations, a board's expected sectors) are described the same way and nested: JSON nests
// them in the row's object, tables show them as a long companion table keyed by the row's id.
// Private to the library: the std::function and variant machinery stays out of public headers.
#pragma once

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/report/report_table.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace boardscape::report::schema {

/// One field's value. JSON writes each alternative as itself (a number that is not finite as
/// null); tables format it by the column's CellType: counts as "k n, …" (text) or their total
/// (integer), strings joined by ", " (text) or their count (integer). Texts are cells keyed by
/// column (a spread field's, below); a bool is "yes" / "no".
using Counts = std::map<std::string, int>;
using Strings = std::vector<std::string>;
using Texts = std::map<std::string, std::string>;
using Value =
    std::variant<std::monostate, std::string, long long, double, Counts, Strings, Texts, bool>;

/// Orders a spread field's keys (its columns).
using KeyOrder = bool (*)(const std::string&, const std::string&);

template <class Row>
struct Field {
    std::string json;    /// JSON key; "" when only tables show the field
    std::string column;  /// table column name; "" when only JSON carries the field
    CellType type = CellType::text;
    std::function<Value(const Row&)> get;
    /// The field is the row's entity id: tables add a "name" column after it when names exist.
    bool id = false;
    // Less common options, set with the helpers below.
    bool omit_null = false;  /// JSON leaves the key out rather than writing null
    bool right = false;      /// a text column aligned right (cells that read like figures)
    bool sign = false;       /// tables write "+" before a positive number (a change)
    /// Tables only: the value (Counts or Texts) becomes one column per key found in any row,
    /// in this order, named by the key; a row without the key shows 0 (integer) or nothing.
    KeyOrder spread = nullptr;
    /// With `id`: the entity whose name the names column shows, when it is not the value.
    std::function<std::string(const Row&)> name_of{};
};

template <class F>
F omit_null(F f) {
    f.omit_null = true;
    return f;
}
template <class F>
F right_aligned(F f) {
    f.right = true;
    return f;
}
template <class F>
F signed_change(F f) {
    f.sign = true;
    return f;
}
template <class F>
F spread(F f, KeyOrder order) {
    f.spread = order;
    return f;
}

/// A list inside each row, with its own description (type-erased: its items' values in field
/// order). `json` is its key in the row's object ("" for a list only tables show); `table` the
/// id of the companion table that shows it.
struct ItemField {
    std::string json;
    std::string column;
    CellType type = CellType::text;
    bool omit_null = false;
};
template <class Row>
struct Nested {
    std::string table;
    std::string json;
    std::vector<ItemField> fields;
    std::function<std::vector<std::vector<Value>>(const Row&)> items{};
};

template <class Row>
struct Schema {
    std::vector<Field<Row>> fields;  /// in JSON order
    /// Table column order by column name when it differs from the JSON order; empty: same.
    std::vector<std::string> table_order{};
    std::vector<Nested<Row>> nested{};  /// in JSON order, after the fields
    /// JSON key order over fields and nested lists when it differs from fields-then-nested.
    std::vector<std::string> json_order{};
};

/// A nested list described by `item`, read from each row by `list` (returning a container of
/// Items, by value or by reference).
template <class Row, class Item, class List>
Nested<Row> nested(std::string table, std::string json, Schema<Item> item, List list) {
    Nested<Row> n{std::move(table), std::move(json), {}, {}};
    for (const auto& f : item.fields) n.fields.push_back({f.json, f.column, f.type, f.omit_null});
    n.items = [item = std::move(item), list](const Row& row) {
        std::vector<std::vector<Value>> out;
        for (const auto& x : list(row)) {
            std::vector<Value> values;
            values.reserve(item.fields.size());
            for (const auto& f : item.fields) values.push_back(f.get(x));
            out.push_back(std::move(values));
        }
        return out;
    };
    return n;
}

/// A cell's text as the table formats show it ("" for null); `sign`: "+" before a positive.
std::string format_cell(const Value& v, CellType type, bool sign = false);
/// The number behind a cell, at full precision (what a spreadsheet stores): NaN when the value
/// is no number (text, null). Counts and Strings in an integer column give their total / size.
double cell_number(const Value& v, CellType type);

/// Display names of entity ids (empty function: no names column).
using NameOf = std::function<std::string(std::string_view)>;
inline NameOf names_from(const Dataset* d) {
    if (d == nullptr) return {};
    return [d](std::string_view id) { return entity_name(d, id); };
}

namespace detail {

inline void add_cell(std::vector<std::string>& cells, std::vector<double>& numbers, const Value& v,
                     CellType type, bool sign) {
    cells.push_back(format_cell(v, type, sign));
    numbers.push_back(cell_number(v, type));
}

}  // namespace detail

/// The table's columns and rows from a schema (names from `names`, when given).
template <class Row>
void fill_table(Table& t, const Schema<Row>& s, const std::vector<Row>& rows, const NameOf& names) {
    std::vector<const Field<Row>*> order;
    if (s.table_order.empty()) {
        for (const auto& f : s.fields)
            if (!f.column.empty()) order.push_back(&f);
    } else {
        for (const auto& name : s.table_order)
            for (const auto& f : s.fields)
                if (f.column == name) order.push_back(&f);
    }
    // A spread field's columns: every key any row has, in its order.
    std::vector<std::vector<std::string>> keys(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto* f = order[i];
        if (f->spread == nullptr) continue;
        for (const auto& row : rows) {
            const Value v = f->get(row);
            const auto add = [&](const std::string& k) {
                if (std::find(keys[i].begin(), keys[i].end(), k) == keys[i].end())
                    keys[i].push_back(k);
            };
            if (const auto* c = std::get_if<Counts>(&v))
                for (const auto& [k, n] : *c) add(k);
            if (const auto* x = std::get_if<Texts>(&v))
                for (const auto& [k, text] : *x) add(k);
        }
        std::sort(keys[i].begin(), keys[i].end(), f->spread);
    }
    const auto align = [](const Field<Row>& f) {
        return f.type == CellType::text && !f.right ? Align::left : Align::right;
    };
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto* f = order[i];
        if (f->spread != nullptr) {
            for (const auto& k : keys[i]) t.columns.push_back(Column{k, align(*f), f->type});
            continue;
        }
        t.columns.push_back(Column{f->column, align(*f), f->type});
        if (f->id && names) t.columns.push_back(Column{"name", Align::left});
    }
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        std::vector<double> numbers;
        cells.reserve(t.columns.size());
        numbers.reserve(t.columns.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto* f = order[i];
            const Value v = f->get(row);
            if (f->spread != nullptr) {
                for (const auto& k : keys[i]) {
                    Value cell = f->type == CellType::integer ? Value(0LL) : Value();
                    if (const auto* c = std::get_if<Counts>(&v)) {
                        if (const auto it = c->find(k); it != c->end())
                            cell = Value(static_cast<long long>(it->second));
                    } else if (const auto* x = std::get_if<Texts>(&v)) {
                        if (const auto it = x->find(k); it != x->end()) cell = Value(it->second);
                    }
                    detail::add_cell(cells, numbers, cell, f->type, f->sign);
                }
                continue;
            }
            detail::add_cell(cells, numbers, v, f->type, f->sign);
            if (f->id && names) {
                cells.push_back(names(f->name_of ? f->name_of(row) : std::get<std::string>(v)));
                numbers.push_back(none);
            }
        }
        t.rows.push_back(std::move(cells));
        t.numbers.push_back(std::move(numbers));
    }
}

template <class Row>
void fill_table(Table& t, const Schema<Row>& s, const std::vector<Row>& rows,
                const Dataset* names) {
    fill_table(t, s, rows, names_from(names));
}

/// The companion table of the nested list `table`: the row's first field (its id) under that
/// field's column name, then the items' columns; one table row per item.
template <class Row>
void fill_nested_table(Table& t, const Schema<Row>& s, const std::string& table,
                       const std::vector<Row>& rows) {
    const auto it = std::find_if(s.nested.begin(), s.nested.end(),
                                 [&](const Nested<Row>& n) { return n.table == table; });
    if (it == s.nested.end() || s.fields.empty()) return;
    const Field<Row>& key = s.fields.front();
    t.columns.push_back(Column{key.column, Align::left});
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < it->fields.size(); ++i) {
        const ItemField& f = it->fields[i];
        if (f.column.empty()) continue;
        shown.push_back(i);
        t.columns.push_back(
            Column{f.column, f.type == CellType::text ? Align::left : Align::right, f.type});
    }
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (const auto& row : rows) {
        const Value id = key.get(row);
        for (const auto& item : it->items(row)) {
            std::vector<std::string> cells{format_cell(id, key.type)};
            std::vector<double> numbers{none};
            for (const auto i : shown) {
                cells.push_back(format_cell(item[i], it->fields[i].type));
                numbers.push_back(cell_number(item[i], it->fields[i].type));
            }
            t.rows.push_back(std::move(cells));
            t.numbers.push_back(std::move(numbers));
        }
    }
}

/// A report's single figures as a two-column table ("figure", "value"): one row per field
/// with a column name, in table order.
template <class Row>
void fill_figures(Table& t, const Schema<Row>& s, const Row& row) {
    t.columns = {Column{"figure", Align::left}, Column{"value", Align::right}};
    const double none = std::numeric_limits<double>::quiet_NaN();
    const auto add = [&](const Field<Row>& f) {
        const Value v = f.get(row);
        t.rows.push_back({f.column, format_cell(v, f.type, f.sign)});
        t.numbers.push_back({none, cell_number(v, f.type)});
        t.row_types.push_back(f.type);
    };
    if (s.table_order.empty()) {
        for (const auto& f : s.fields)
            if (!f.column.empty()) add(f);
    } else {
        for (const auto& name : s.table_order)
            for (const auto& f : s.fields)
                if (f.column == name) add(f);
    }
}

// [SECTION] Key orders

/// Board kinds in vocabulary order; strings that are not kinds go last, alphabetically.
bool kind_less(const std::string& a, const std::string& b);
bool sector_less(const std::string& a, const std::string& b);
bool role_less(const std::string& a, const std::string& b);

// [SECTION] The descriptions

Schema<BoardPair> board_pairs();
Schema<PersonBoards> overlap_people(const OverlapResult& r);
Schema<Broker> brokers();
/// The report's own figures (a figure/value table) with its lists nested for JSON: "board_pairs",
/// "people", "brokers" (described by the three above).
Schema<OverlapResult> overlap_report(const OverlapResult& r);
/// Nested: "relations" (JSON and table) and "agency_kinds" (expected and patch boards by
/// kind; table only).
Schema<AgencyBoundaries> boundary_agencies();
Schema<BoardBoundaries> boundary_boards();
Schema<PersonLoad> load_people();
Schema<AgencyLoad> load_agencies();
Schema<BoardLoad> load_boards();
/// Nested: "sectors" (JSON "expected"), "roles", "other_sectors".
Schema<BoardRepresentation> representation_boards();

}  // namespace boardscape::report::schema
