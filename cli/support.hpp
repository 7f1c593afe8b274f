// What the commands share besides argument parsing: reading a dataset with every diagnostic
// printed in the contract's forms (DESIGN §5), analysis options from the command line, and
// writing output files atomically.
#pragma once

#include "args.hpp"

#include "boardscape/analysis/common.hpp"
#include "boardscape/dataset_json.hpp"
#include "boardscape/report/xlsx.hpp"

#include <optional>
#include <string>

namespace boardscape::cli {

/// Reads a file ("-" is standard input). On failure prints
/// "FILE: error: cannot read: REASON" to stderr and returns nullopt.
std::optional<std::string> read_text_file(const std::string& file);

/// Reads, parses and validates a dataset. Warnings go to stderr as "FILE: warning: …"; on
/// failure every error goes to stderr (format_diagnostic) and the result is nullopt.
std::optional<LoadResult> load_input(const std::string& file);

/// --as-of, --prep-factor and --travel-hours where given (UsageError on bad values).
AnalysisOptions analysis_options(const Args& args);

/// Writes `text` to `path` with write_file_atomically (temporary file in the same folder, fsync,
/// rename), or
/// to standard output when path is "-". On failure prints "PATH: error: cannot write: REASON"
/// and returns false.
bool write_output(const std::string& path, const std::string& text);

/// write_output for a dataset: a file it replaces (whatever it held) is kept as PATH.bak, so
/// every command that saves a dataset over an existing file can be undone (README,
/// Robustness). Standard output ("-") as write_output.
bool write_dataset_output(const std::string& path, const std::string& text);

/// --format xlsx: the -o file, which must be given and must not be "-" (a workbook is binary
/// and never goes to standard output); UsageError otherwise.
std::string xlsx_output(const Args& args);

/// Builds the workbook and writes it like write_output; nothing is written when building
/// fails ("PATH: error: cannot write: REASON", false).
bool write_xlsx_output(const std::string& path, const std::vector<report::Table>& tables,
                       const report::WorkbookAbout& about);

/// The label used for a file in diagnostics ("<stdin>" for "-").
std::string display_name(const std::string& file);

}  // namespace boardscape::cli
