// A small CSV reader for official lookup tables and users' spreadsheets: quoted and unquoted
// fields, comma or semicolon separators, LF, CRLF or CR line ends, a UTF-8 byte-order mark, and
// Windows-1252 text (transcoded to UTF-8 when the bytes are not valid UTF-8). Every field keeps
// its 1-based line and column so that importers can name the exact cell a problem comes from.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::import {

/// A problem in an input table, located at FILE:LINE:COLUMN (line/column 0 when not known).
/// `what()` is "FILE:LINE:COL: error: MESSAGE".
class ImportError : public std::runtime_error {
public:
    ImportError(std::string file, int line, int column, std::string message);
    const std::string& file() const { return m_file; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    const std::string& message() const { return m_message; }

private:
    std::string m_file;
    int m_line = 0;
    int m_column = 0;
    std::string m_message;
};

struct CsvCell {
    std::string text;
    int line = 0;    // 1-based line where the field starts
    int column = 0;  // 1-based character column where the field starts
    bool quoted = false;  // written in quotes ("" is then an empty string, not a missing value)
};

struct CsvRow {
    std::vector<CsvCell> cells;
    int line = 0;  // line where the record starts
};

struct CsvTable {
    std::string file;         // as given, for messages
    std::vector<CsvCell> header;
    std::vector<CsvRow> rows;  // data rows; blank lines are skipped
    bool transcoded = false;   // the bytes were Windows-1252 and were converted
    bool had_bom = false;
    char delimiter = ',';

    /// The cell of `row` in column `index`, or an empty cell located at the row's start when the
    /// row is short (the caller reports it).
    const CsvCell& cell(const CsvRow& row, std::size_t index) const;
};

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool is_valid_utf8(std::string_view bytes);
/// Windows-1252 → UTF-8 (the five undefined bytes map to U+FFFD).
std::string windows1252_to_utf8(std::string_view bytes);

struct CsvOptions {
    /// The field separator; 0 detects ',' or ';' from the header line (the one that occurs more
    /// often outside quotes; ',' on a tie). A spreadsheet saved in a locale whose decimal mark
    /// is a comma writes ';'.
    char delimiter = ',';
    /// Keep the cells of rows longer than the header (for a caller that reports them among
    /// other problems) instead of throwing.
    bool keep_extra_fields = false;
    /// Throw at the first NUL byte (a CSV text never holds one) instead of keeping it in its
    /// cell, for a caller that does not check its cells itself.
    bool nul_is_error = false;
};

/// ',' or ';' for CSV text, decided from its first line as CsvOptions::delimiter = 0 does.
char detect_delimiter(std::string_view bytes);

/// Parses CSV text. Throws ImportError for UTF-16 text (a byte-order mark FF FE / FE FF, or a
/// start with a NUL in every other byte: Excel's "Unicode text"), an unterminated quoted
/// field, text after a closing quote, or (unless options.keep_extra_fields) a row with more
/// fields than the header.
CsvTable parse_csv(std::string_view bytes, std::string file, const CsvOptions& options = {});
/// Reads and parses a file; an unreadable file is an ImportError "cannot read: REASON".
CsvTable read_csv_file(const std::filesystem::path& path);

}  // namespace boardscape::import
