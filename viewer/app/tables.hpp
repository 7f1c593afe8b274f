// The analysis tables as plain data: one model feeds both the ImGui table on screen and the CSV
// export, so what is exported is exactly what is shown (anonymised names included).
// Rebuilt when the analyses or the anonymisation change.
#pragma once

#include "app/session.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct TableCell {
    std::string text;
    double sort = 0;            // numeric sort key (numeric columns)
    std::uint32_t colour = 0;   // optional cell background (ImU32 layout), 0 = none
};

struct TableModel {
    std::string name;  // tab title
    std::vector<std::string> columns;
    std::vector<bool> numeric;  /// by column
    std::vector<std::vector<TableCell>> rows;
    std::vector<std::string> row_entity;  /// by row: id selected when the row is clicked
    std::string note;  // a line under the tab (e.g. "brokers estimated")
    int default_sort = -1;  // column sorted (descending) when the table first shows; -1: rows as given
};

/// Overlap pairs, load by agency, load by person, boundaries per agency, the representation
/// matrix and brokers, in that order.
std::vector<TableModel> build_tables(const Session& s, bool anonymise);

/// RFC 4180 CSV of a table (header row, CRLF-free "\n" lines, quotes where needed).
std::string to_csv(const TableModel& t);

}  // namespace boardscape::viewer
