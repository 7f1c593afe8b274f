// Reading and writing Boardscape files (format version 1, DESIGN.md §3). The loader validates
// everything at once and throws LoadError listing every problem, each with a JSON pointer (or a
// 1-based line and column for syntax errors); warnings come back with the dataset.
#pragma once

#include "boardscape/atomic_write.hpp"
#include "boardscape/model.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string pointer;  // JSON pointer ("" = the document root); empty for syntax errors
    int line = 0;         // 1-based; 0 when the diagnostic has a pointer instead
    int column = 0;
    std::string message;
    /// An I/O failure (no pointer, no position): formats as "FILE: error: MSG", where MSG is
    /// "cannot read: REASON".
    bool io = false;
};

/// "FILE:LINE:COL: error: MSG" for syntax errors, "FILE: error: /ptr: MSG" for validation
/// (with "(document)" for the root), "FILE: warning: /ptr: MSG" for warnings, and
/// "FILE: error: MSG" for I/O failures (`io` set).
std::string format_diagnostic(std::string_view file, const Diagnostic& d);

/// Thrown by the loaders. `diagnostics` holds every error found (never empty); `what()` is all
/// of them formatted, one per line.
class LoadError : public std::runtime_error {
public:
    LoadError(std::string file, std::vector<Diagnostic> diagnostics);
    const std::string& file() const { return m_file; }
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

private:
    std::string m_file;
    std::vector<Diagnostic> m_diagnostics;
};

struct LoadResult {
    Dataset dataset;  // validated and indexed
    std::vector<Diagnostic> warnings;
};

/// Limits that keep hostile input from hanging or exhausting memory.
inline constexpr std::size_t max_file_bytes = 256u * 1024u * 1024u;
inline constexpr int max_nesting_depth = 256;

/// Parses and validates a document. `file` is only used in diagnostics. Throws LoadError.
LoadResult parse_dataset(std::string_view text, std::string_view file = "<input>");
/// Reads a file then parses it; I/O failures become a LoadError "cannot read: REASON".
LoadResult load_dataset_file(const std::filesystem::path& path);

/// The canonical text of a dataset: 2-space indent, fields in format order, entities in their
/// vector order, optional fields omitted when absent; ends with a newline.
std::string dataset_to_json_text(const Dataset& d);

// save_dataset_file (atomic, optionally keeping FILE.bak) is declared in atomic_write.hpp.

}  // namespace boardscape
