// The analysis tables as plain data: one model feeds both the ImGui table on screen and the CSV
// export, so what is exported is exactly what is shown (anonymised names included).
// Rebuilt when the analyses or the anonymisation change.
//
// The tabs follow the library's list of report kinds (report/report_kinds.hpp): each kind's
// tables, in that list's order. For the four kinds the viewer knows, its tables are its own
// presentation of the same results, not the report's tables: people's labels instead of ids
// and column names, "strong / weak / absent" cells, sort keys, shading and the entity a row
// selects on the map; they read the session's analyses instead of computing them again. A kind
// the viewer does not know yet shows the library's tables as they are.
#pragma once

#include "app/session.hpp"
#include "boardscape/report/report_table.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::viewer {

struct TableCell {
    std::string text;
    double sort = 0;            // numeric sort key (numeric columns)
    std::uint32_t colour = 0;   // optional cell background (ImU32 layout), 0 = none
};

struct TableModel {
    std::string name;  // tab title
    std::string kind;  // the report kind it belongs to (report::report_kinds() name)
    std::vector<std::string> columns;
    std::vector<bool> numeric;  /// by column
    std::vector<std::vector<TableCell>> rows;
    std::vector<std::string> row_entity;  /// by row: id selected when the row is clicked
    std::string note;  // a line under the tab (e.g. "brokers estimated")
    int default_sort = -1;  // column sorted (descending) when the table first shows; -1: rows as given
};

/// Every report kind's tables in the library's order: overlap pairs and brokers; boundaries by
/// agency; load by agency and by person; the representation matrix.
std::vector<TableModel> build_tables(const Session& s, bool anonymise);

/// A library report table as a viewer table: right-aligned columns sort as numbers, and a row
/// selects the entity its first cell names.
TableModel table_model(const report::Table& t);

/// The first table of report kind `kind`, or -1.
int first_table_of(const std::vector<TableModel>& tables, std::string_view kind);

/// RFC 4180 CSV of a table (header row, CRLF-free "\n" lines, quotes where needed).
std::string to_csv(const TableModel& t);

}  // namespace boardscape::viewer
