// The whole dataset as a folder of CSV files (DESIGN §8.1), for people who keep their landscape
// in a spreadsheet: `export --to csv` writes areas.csv, agencies.csv, boards.csv, people.csv,
// memberships.csv and relations.csv — columns are the JSON field names in format order, lists
// (footprints) joined with ';' — and meta.json, which holds everything that is not an entity
// array: `format`, `version`, `meta` (title, as_of, sources… have no table of their own),
// `layout` and `views`. `import-csv` reads the folder back, and export → import gives back an
// equal dataset (tests/graph/test_dataset_csv.cpp checks every bundled dataset).
//
// Conventions that make the round trip exact:
// - an empty cell is an absent field; a present but empty string is written `""` (quoted);
// - numbers are written as the JSON writer writes them (shortest text that reads back equal);
// - a text cell a spreadsheet would run as a formula (starting with = + - @) is written with a
//   leading apostrophe, as spreadsheets themselves do, and so is one that starts with an
//   apostrophe; the reader removes one leading apostrophe from text cells;
// - files are UTF-8 with a byte-order mark, so that Excel shows "Siân" and not "SiÃ¢n".
//
// Reading builds the JSON document and hands it to the file format's own validator, so every
// rule and message is the loader's; each problem is then located at FILE:LINE:COL of the cell
// it came from.
#pragma once

#include "boardscape/dataset_json.hpp"
#include "boardscape/model.hpp"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace boardscape {

/// The entity files, in the order they are written and read.
inline constexpr const char* dataset_csv_files[] = {
    "areas.csv", "agencies.csv", "boards.csv", "people.csv", "memberships.csv", "relations.csv"};
inline constexpr const char* dataset_csv_meta_file = "meta.json";

/// The folder's files as (name, text), entity files first, meta.json last. Throws
/// std::invalid_argument when a list item (an area id in a footprint) contains ';'.
std::vector<std::pair<std::string, std::string>> dataset_to_csv_files(const Dataset& d);

/// Writes dataset_to_csv_files(d) into `dir` (created when missing), each file atomically.
/// Throws WriteError.
void write_dataset_csv_dir(const Dataset& d, const std::filesystem::path& dir);

/// A problem in one of the folder's files: a cell's line and column for CSV files, a JSON
/// pointer or a syntax position for meta.json.
struct FileDiagnostic {
    std::string file;  // the path as shown to the user
    Diagnostic diagnostic;
};
/// "FILE:LINE:COL: error: …", or "FILE: error: /pointer: …" (format_diagnostic's forms).
std::string format_file_diagnostic(const FileDiagnostic& d);

/// Thrown by the readers with every error found (never empty).
class CsvDatasetError : public std::runtime_error {
public:
    explicit CsvDatasetError(std::vector<FileDiagnostic> diagnostics);
    const std::vector<FileDiagnostic>& diagnostics() const { return m_diagnostics; }

private:
    std::vector<FileDiagnostic> m_diagnostics;
};

struct CsvLoadResult {
    Dataset dataset;  // validated and indexed
    std::vector<FileDiagnostic> warnings;
};

/// Builds a dataset from file name → bytes (names as in dataset_csv_files and meta.json). A
/// missing entity file is an empty array; a missing meta.json means no meta, layout or views;
/// at least one of them must be there. `dir` prefixes file names in messages. Throws
/// CsvDatasetError.
CsvLoadResult dataset_from_csv_files(const std::map<std::string, std::string>& files,
                                     const std::filesystem::path& dir);
/// Reads the files from `dir`, then dataset_from_csv_files. Throws CsvDatasetError (an
/// unreadable folder or file included).
CsvLoadResult read_dataset_csv_dir(const std::filesystem::path& dir);

}  // namespace boardscape
