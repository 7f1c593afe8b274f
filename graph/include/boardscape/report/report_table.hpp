// Report presentation shared by the command line and the viewer: each analysis result becomes
// a few plain Tables (title, typed columns, rows of already formatted cells), and one renderer
// per output format turns tables into text: an aligned terminal table, CSV (RFC 4180) and
// GitHub Markdown. Numbers are formatted here, once, so every surface shows the same figures.
#pragma once

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::report {

// [SECTION] Table

enum class Align { left, right };

/// What a column holds, so a spreadsheet can store numbers as numbers with a fitting format
/// (the text formats use the already formatted cells). `text` in a right-aligned column means
/// "a number when the cell reads as one" (e.g. a figure/value table mixing words and counts).
enum class CellType {
    text,
    integer,  // counts: "0"
    number,   // general numbers (meetings a year): up to 3 decimals
    share,    // 0..1 ratios: "0.000"
    hours,    // annual hours: "0.0"
};

struct Column {
    std::string name;
    Align align = Align::left;  // numbers are right-aligned
    CellType type = CellType::text;
};

/// One table of a report. A cell is "" when there is no value (null); the terminal and
/// Markdown renderers show such a cell as "-", CSV leaves it empty.
struct Table {
    std::string id;     // short machine name, unique within a report: "people", "board_pairs"
    std::string title;  // one line, for people
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  /// each row has columns.size() cells
    std::string note;     // legend or footnote shown under the table ("" for none)
    bool detail = false;  // long-format companion table: CSV shows it, the terminal on request
    /// By row and column: the full-precision number behind a cell (NaN: none), which a
    /// spreadsheet stores while the text formats show the rounded cell. Empty for a table
    /// built by hand: the spreadsheet then reads numbers from the cells' text.
    std::vector<std::vector<double>> numbers{};
    /// By row, for tables whose rows are different figures (a figure/value table): the type of
    /// the row's numbers in columns typed `text`. Empty: the column's type holds.
    std::vector<CellType> row_types{};
};

// [SECTION] Number formatting

/// Rounds to at most `max_decimals` decimals and drops trailing zeros: 2 → "2", 0.5 → "0.5",
/// 1/3 → "0.333", -0.0001 → "0". Non-finite values give "".
std::string format_number(double v, int max_decimals = 3);
/// Hours (and other annual quantities shown to a tenth): always one decimal, 12 → "12.0".
std::string format_hours(double v);
/// "" for nullopt, else format_number.
std::string format_optional(const std::optional<double>& v, int max_decimals = 3);

// [SECTION] Tables from analysis results
// `names` (optional) adds a "name" column next to ids, looked up in that dataset.

std::vector<Table> overlap_tables(const OverlapResult& r, const Dataset* names = nullptr);
std::vector<Table> boundaries_tables(const BoundariesResult& r, const Dataset* names = nullptr);
std::vector<Table> load_tables(const LoadReport& r, const Dataset* names = nullptr);
std::vector<Table> representation_tables(const RepresentationResult& r,
                                         const Dataset* names = nullptr);

/// The display name of an entity id in `d` ("" when `d` is null or the id is unknown).
std::string entity_name(const Dataset* d, std::string_view id);

// [SECTION] Renderers

enum class TableFormat { text, csv, markdown };
/// "table" → text, "csv", "md" (also "markdown"); nullopt otherwise.
std::optional<TableFormat> parse_table_format(std::string_view s);

struct TextOptions {
    /// Left-aligned cells longer than this (in characters) are cut with "..."; 0: no limit.
    std::size_t max_cell_width = 48;
};

/// Title line, header, separator, rows; numbers right-aligned; "(none)" for an empty table.
std::string render_text(const Table& t, const TextOptions& opts = {});
/// A cell a spreadsheet would run as a formula (text starting with '=' or '@', or with '+' or
/// '-' when it is not a number: "=HYPERLINK(…)", "+44 Bob") with an apostrophe in front, which
/// spreadsheets show as text; every other cell unchanged ("-8.0" and "+1.5" stay numbers).
std::string spreadsheet_safe(std::string text);
/// Header row then one row per table row, RFC 4180 quoting, CRLF line ends, cells through
/// spreadsheet_safe. No title.
std::string render_csv(const Table& t);
/// "### title", a GitHub table with alignment markers, then the note in italics.
std::string render_markdown(const Table& t);

/// Several tables in one format, separated by a blank line.
std::string render(const std::vector<Table>& tables, TableFormat format,
                   const TextOptions& opts = {});

}  // namespace boardscape::report
