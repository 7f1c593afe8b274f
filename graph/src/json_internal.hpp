// Internals shared by the JSON I/O sources (dataset_json.cpp and json_*.cpp): the checked
// parser that turns text into a flat, insertion-ordered document, the validator that turns that
// document into a Dataset, and the canonical writer. Not a public header: it pulls in
// nlohmann_json.
#pragma once

#include "boardscape/dataset_json.hpp"
#include "huge_page_allocator.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boardscape::detail {

/// Used for writing (and for carrying `views` through): insertion-ordered.
using Json = nlohmann::ordered_json;

// [SECTION] The flat document

/// A parsed document as one vector of nodes in document order (pre-order) plus one buffer of
/// string bytes. Building it costs no allocation per value, which is what makes a 20k-entity
/// file load fast; a node's children follow it, each sibling starting at the previous one's
/// `end`.
enum class JsonKind : std::uint8_t { null, boolean, integer, unsigned_integer, real, string, array, object };

struct JsonNode {
    JsonKind kind = JsonKind::null;
    bool flag = false;        // a boolean's value
    std::uint32_t end = 0;    // index just past this node's subtree
    std::uint32_t size = 0;   // number of children (arrays and objects)
    std::uint32_t key = 0;    // member name in the string buffer, when the parent is an object
    std::uint32_t key_len = 0;
    std::uint32_t text = 0;   // a string's value in the string buffer
    std::uint32_t text_len = 0;
    union {
        std::int64_t i;
        std::uint64_t u;
        double d;
    } number{};
};

/// A text buffer for big files: see huge_page_allocator.hpp.
using BigText = std::basic_string<char, std::char_traits<char>, HugePageAllocator<char>>;

struct JsonDocument {
    std::vector<JsonNode, HugePageAllocator<JsonNode>> nodes;  // nodes[0] is the root
    BigText strings;  // never reallocated while parsing, so views into it stay valid
};

/// A read-only handle on one node.
class JsonRef {
public:
    JsonRef(const JsonDocument& doc, std::uint32_t index) : m_doc(&doc), m_index(index) {}

    const JsonNode& node() const { return m_doc->nodes[m_index]; }
    const JsonDocument& document() const { return *m_doc; }
    std::uint32_t index() const { return m_index; }
    JsonKind kind() const { return node().kind; }
    bool is_null() const { return kind() == JsonKind::null; }
    bool is_string() const { return kind() == JsonKind::string; }
    bool is_array() const { return kind() == JsonKind::array; }
    bool is_object() const { return kind() == JsonKind::object; }
    bool is_number() const {
        return kind() == JsonKind::integer || kind() == JsonKind::unsigned_integer || kind() == JsonKind::real;
    }
    bool is_structured() const { return is_array() || is_object(); }
    std::uint32_t size() const { return node().size; }
    std::string_view str() const { return {m_doc->strings.data() + node().text, node().text_len}; }
    std::string_view key() const { return {m_doc->strings.data() + node().key, node().key_len}; }
    double number() const;
    /// The number as JSON text (for messages): "2", "-1.5".
    std::string number_text() const;

    class Iterator {
    public:
        Iterator(const JsonDocument& doc, std::uint32_t i) : m_doc(&doc), m_i(i) {}
        JsonRef operator*() const { return JsonRef(*m_doc, m_i); }
        Iterator& operator++() {
            m_i = m_doc->nodes[m_i].end;
            return *this;
        }
        bool operator!=(const Iterator& o) const { return m_i != o.m_i; }

    private:
        const JsonDocument* m_doc;
        std::uint32_t m_i;
    };
    /// Children of an array or object, in document order (empty for scalars).
    Iterator begin() const { return Iterator(*m_doc, m_index + 1); }
    Iterator end() const { return Iterator(*m_doc, is_structured() ? node().end : m_index + 1); }

    /// The member named `key` of an object (linear; objects of entities are small).
    std::optional<JsonRef> find(std::string_view key) const;
    /// A deep copy as an nlohmann value (for `views`, which the library carries verbatim).
    Json to_json() const;

private:
    const JsonDocument* m_doc;
    std::uint32_t m_index;
};

// [SECTION] Parsing (json_parse.cpp)

/// The outcome of parsing text: either a document or one syntax diagnostic (line and column
/// set). Numbers too large for a double (1e400) are kept as ±infinity so validation can report
/// them with their JSON pointer; the parser itself rejects syntax errors, invalid UTF-8,
/// duplicate keys in one object and nesting deeper than max_nesting_depth.
struct ParsedJson {
    JsonDocument doc;
    std::optional<Diagnostic> error;
    JsonRef root() const { return JsonRef(doc, 0); }
};
ParsedJson parse_json_text(std::string_view text);

/// 1-based line and column (in code points, a leading BOM not counted) of a byte offset.
std::pair<int, int> line_column(std::string_view text, std::size_t offset);
/// A diagnostic at the 1-based line and column of the byte nlohmann's parse error points at,
/// for the small JSON files read with nlohmann directly (rules, hex layouts).
Diagnostic nlohmann_syntax_error(std::string_view text, const nlohmann::json::parse_error& e);

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
LoadResult build_dataset(JsonRef root, std::string_view file);

// [SECTION] Writing (json_write.cpp)

/// Pretty-prints with a 2-space indent; short arrays of scalars stay on one line.
std::string write_pretty(const Json& value);

}  // namespace boardscape::detail
