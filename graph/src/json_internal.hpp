// Internals shared by the JSON I/O sources (dataset_json.cpp and json_*.cpp): the checked
// parser that turns text into an insertion-ordered DOM, the validator that turns that DOM into
// a Dataset, and the canonical writer. Not a public header: it pulls in nlohmann_json.
#pragma once

#include "boardscape/dataset_json.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace boardscape::detail {

/// Insertion-ordered so validation can walk members in document order.
using Json = nlohmann::ordered_json;

// [SECTION] Parsing (json_parse.cpp)

/// The outcome of parsing text: either a DOM or one syntax diagnostic (line and column set).
/// Numbers too large for a double (1e400) are kept in the DOM as ±infinity so validation can
/// report them with their JSON pointer; the parser itself rejects syntax errors, invalid
/// UTF-8, duplicate keys in one object and nesting deeper than max_nesting_depth.
struct ParsedJson {
    Json root;
    std::optional<Diagnostic> error;
};
ParsedJson parse_json_text(std::string_view text);

/// 1-based line and column (in code points, a leading BOM not counted) of a byte offset.
std::pair<int, int> line_column(std::string_view text, std::size_t offset);

/// Appends a member without the linear duplicate search of ordered_map (callers guarantee
/// the key is new); keeps building large objects linear.
void append_member(Json& object, std::string key, Json value);

/// Makes text safe to put in a one-line message: bytes that are not well-formed UTF-8 and
/// control characters become \xNN; more than `max_chars` characters are cut with "…".
std::string printable(std::string_view s, std::size_t max_chars = 80);

/// Escapes one reference token of a JSON pointer ("~" → "~0", "/" → "~1").
void append_pointer_token(std::string& pointer, std::string_view token);

// [SECTION] Validation (json_validate.cpp)

/// Validates a parsed document and builds the dataset. Throws LoadError listing every error.
LoadResult build_dataset(const Json& root, std::string_view file);

// [SECTION] Writing (json_write.cpp)

/// Pretty-prints with a 2-space indent; arrays holding only scalars stay on one line.
std::string write_pretty(const Json& value);

}  // namespace boardscape::detail
