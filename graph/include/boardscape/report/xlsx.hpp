// Reports as an Excel workbook (`--format xlsx`): a first sheet saying what the file is, then
// one sheet per table with numbers stored as numbers, a frozen header row and sized columns.
#pragma once

#include "boardscape/report/report_table.hpp"

#include <string>
#include <utility>
#include <vector>

namespace boardscape::report {

/// What the first sheet ("about") says about the workbook.
struct WorkbookAbout {
    std::string title;    /// e.g. "boardscape report load"
    std::string dataset;  /// the dataset file's name as given
    std::string dataset_title;
    std::string as_of;    /// "" for "all dates"
    /// Options the report was computed with ("prep-factor", "0.5"), in command-line order.
    std::vector<std::pair<std::string, std::string>> options;
    std::string tool = "boardscape";
};

/// The bytes of an .xlsx file holding `tables` (sheet names are the table ids). libxlsxwriter
/// 1.1.4 writes only to files, so the workbook is built in a private temporary folder that is
/// removed before returning; the caller writes the bytes (atomically) where they belong.
/// Throws std::runtime_error when the workbook cannot be built.
std::string xlsx_workbook(const std::vector<Table>& tables, const WorkbookAbout& about);

}  // namespace boardscape::report
