// The checked JSON parser: nlohmann's SAX parser (iterative, so hostile nesting cannot overflow
// the stack) drives a handler that builds an insertion-ordered DOM and stops at duplicate keys
// and excessive depth. nlohmann reports byte positions only for its own errors, so the
// positions of the problems the handler finds come from a light rescan of the text.
#include "json_internal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_set>
#include <vector>

namespace boardscape::detail {

namespace {

// [SECTION] Small text helpers

bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

bool has_bom(std::string_view text) {
    return text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
           static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF;
}

}  // namespace

std::string printable(std::string_view s, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (chars >= max_chars) {
            out += "…";
            break;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = is_continuation(static_cast<unsigned char>(s[i + k]));
        if (ok && len == 1 && (c < 0x20 || c == 0x7F)) ok = false;
        if (!ok) {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
            i += 1;
        } else {
            out.append(s.substr(i, len));
            i += len;
        }
        ++chars;
    }
    return out;
}

namespace {

/// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 4:
/// syntax error while parsing value - invalid literal; last read: 'tru'". We report our own
/// line and column, so keep only the explanation, made printable.
std::string explain_parse_error(const std::string& what) {
    std::string_view s = what;
    if (const auto at = s.find("parse error"); at != std::string_view::npos) {
        if (const auto colon = s.find(": ", at); colon != std::string_view::npos) s.remove_prefix(colon + 2);
    } else if (const auto bracket = s.find("] "); bracket != std::string_view::npos) {
        s.remove_prefix(bracket + 2);
    }
    // The "last read" token can be long (a whole string) or span lines; shorten it.
    if (const auto lr = s.find("; last read: '"); lr != std::string_view::npos) {
        std::string_view rest = s.substr(lr + 14);
        std::string_view tail;
        std::string_view token = rest;
        if (const auto exp = rest.rfind("'; expected "); exp != std::string_view::npos) {
            token = rest.substr(0, exp);
            tail = rest.substr(exp + 1);
        } else if (!token.empty() && token.back() == '\'') {
            token.remove_suffix(1);
        }
        if (token.size() > 40) token = token.substr(token.size() - 40);
        return printable(s.substr(0, lr), 200) + "; last read: '" + printable(token, 40) + "'" + printable(tail, 100);
    }
    return printable(s, 200);
}

// [SECTION] Rescans: where the handler stopped

enum class TokenKind { key, container };

/// Byte offset of the n-th (0-based) object key or container start ('{' / '['). Only called
/// after the parser accepted the text up to that token, so a light tokenizer that skips
/// strings is exact there.
std::size_t find_nth_token(std::string_view text, TokenKind kind, std::uint64_t n) {
    std::uint64_t seen = 0;
    std::size_t i = has_bom(text) ? 3 : 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i++;
            while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            ++i;
            if (kind == TokenKind::key) {
                std::size_t j = i;
                while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
                if (j < text.size() && text[j] == ':' && seen++ == n) return start;
            }
            continue;
        }
        if ((c == '{' || c == '[') && kind == TokenKind::container && seen++ == n) return i;
        ++i;
    }
    return text.size();
}

/// Byte ranges of the number tokens whose value does not fit a double (nlohmann stops with
/// "number overflow" at the first), with each one's ordinal among all number tokens. Outside
/// strings, a number token is a maximal run of [-+.eE0-9] that starts with '-' or a digit.
struct OverflowNumber {
    std::size_t begin;
    std::size_t end;
    std::uint64_t ordinal;
    bool negative;
};

/// Whether a JSON number token is too large for a double (nlohmann's "number overflow"), as
/// opposed to too small (which nlohmann rounds to 0). Locale-independent, unlike strtod.
bool overflows_double(std::string_view token) {
    double value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc::result_out_of_range) return false;
    // Out of range either way: decide by the decimal magnitude of the first significant digit.
    std::size_t i = token[0] == '-' ? 1 : 0;
    long magnitude = 0;
    bool significant = false;
    for (; i < token.size() && token[i] >= '0' && token[i] <= '9'; ++i) {
        if (token[i] != '0') significant = true;
        if (significant) ++magnitude;
    }
    if (i < token.size() && token[i] == '.') {
        for (++i; i < token.size() && token[i] >= '0' && token[i] <= '9'; ++i) {
            if (significant) break;
            if (token[i] != '0') significant = true;
            else --magnitude;
        }
        while (i < token.size() && token[i] >= '0' && token[i] <= '9') ++i;
    }
    long exponent = 0;
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        const bool negative = i < token.size() && token[i] == '-';
        if (i < token.size() && (token[i] == '-' || token[i] == '+')) ++i;
        for (; i < token.size() && token[i] >= '0' && token[i] <= '9'; ++i)
            exponent = std::min<long>(exponent * 10 + (token[i] - '0'), 1'000'000);
        if (negative) exponent = -exponent;
    }
    return significant && magnitude + exponent > 0;
}

std::vector<OverflowNumber> find_overflowing_numbers(std::string_view text) {
    std::vector<OverflowNumber> found;
    std::uint64_t ordinal = 0;
    std::size_t i = has_bom(text) ? 3 : 0;
    auto number_char = [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    auto word_char = [&](char c) { return number_char(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            ++i;
            while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            ++i;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = i;
            while (i < text.size() && number_char(text[i])) ++i;
            const std::string_view token = text.substr(start, i - start);
            if (overflows_double(token)) found.push_back({start, i, ordinal, token[0] == '-'});
            ++ordinal;
        } else if (word_char(c)) {
            while (i < text.size() && word_char(text[i])) ++i;  // true, false, null, garbage
        } else {
            ++i;
        }
    }
    return found;
}

// [SECTION] The SAX handler

class DocBuilder final : public nlohmann::json_sax<Json> {
public:
    enum class Stop { none, duplicate_key, too_deep, syntax, overflow };

    DocBuilder(std::size_t text_size, std::vector<OverflowNumber> overflows) : m_overflows(std::move(overflows)) {
        // Decoded strings are never longer than their source text, so this capacity is never
        // exceeded and views into the buffer (the key sets below) stay valid while parsing.
        m_doc.strings.reserve(text_size + 16);
        m_doc.nodes.reserve(text_size / 16 + 16);
    }

    bool null() override { return add(JsonNode{}); }
    bool boolean(bool v) override {
        JsonNode n;
        n.kind = JsonKind::boolean;
        n.flag = v;
        return add(n);
    }
    bool number_integer(number_integer_t v) override {
        JsonNode n;
        n.kind = JsonKind::integer;
        n.number.i = v;
        return number(n);
    }
    bool number_unsigned(number_unsigned_t v) override {
        JsonNode n;
        n.kind = JsonKind::unsigned_integer;
        n.number.u = v;
        return number(n);
    }
    bool number_float(number_float_t v, const string_t&) override {
        JsonNode n;
        n.kind = JsonKind::real;
        n.number.d = v;
        return number(n);
    }
    bool string(string_t& v) override {
        JsonNode n;
        n.kind = JsonKind::string;
        n.text = store(v);
        n.text_len = static_cast<std::uint32_t>(v.size());
        return add(n);
    }
    bool binary(binary_t&) override { return add(JsonNode{}); }  // never produced from text

    bool start_object(std::size_t) override { return open(JsonKind::object); }
    bool start_array(std::size_t) override { return open(JsonKind::array); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& f = m_stack.back();
        const std::string_view name = k;
        // Small objects: a linear look is cheapest. Large ones (layout positions) get a set.
        bool duplicate = false;
        if (f.keys) {
            duplicate = f.keys->contains(name);
        } else {
            const auto& nodes = m_doc.nodes;
            for (std::uint32_t c = f.node + 1; c < nodes.size() && !duplicate; c = nodes[c].end)
                duplicate = key_of(nodes[c]) == name;
        }
        if (duplicate) {
            m_stop = Stop::duplicate_key;
            m_stop_ordinal = m_key_count;
            m_stop_text = k;
            return false;
        }
        ++m_key_count;
        m_key = store(k);
        m_key_len = static_cast<std::uint32_t>(k.size());
        if (f.keys) {
            f.keys->insert(key_of(m_key, m_key_len));
        } else if (m_doc.nodes[f.node].size >= 16) {
            f.keys = std::make_unique<std::unordered_set<std::string_view>>();
            const auto& nodes = m_doc.nodes;
            for (std::uint32_t c = f.node + 1; c < nodes.size(); c = nodes[c].end) f.keys->insert(key_of(nodes[c]));
            f.keys->insert(key_of(m_key, m_key_len));
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        m_stop = ex.id == 406 ? Stop::overflow : Stop::syntax;
        m_error_position = position;
        m_stop_text = ex.what();
        return false;
    }

    JsonDocument take_document() { return std::move(m_doc); }
    Stop stop() const { return m_stop; }
    std::uint64_t stop_ordinal() const { return m_stop_ordinal; }
    std::size_t error_position() const { return m_error_position; }
    const std::string& stop_text() const { return m_stop_text; }

private:
    struct Frame {
        std::uint32_t node;
        std::unique_ptr<std::unordered_set<std::string_view>> keys;
    };

    std::string_view key_of(std::uint32_t off, std::uint32_t len) const { return {m_doc.strings.data() + off, len}; }
    std::string_view key_of(const JsonNode& n) const { return key_of(n.key, n.key_len); }

    std::uint32_t store(std::string_view s) {
        const auto off = static_cast<std::uint32_t>(m_doc.strings.size());
        m_doc.strings.append(s);
        return off;
    }

    bool number(JsonNode n) {
        // A number that overflowed in the first pass was blanked to 0; restore it as ±inf.
        if (m_next_overflow < m_overflows.size() && m_overflows[m_next_overflow].ordinal == m_number_count) {
            const double inf = std::numeric_limits<double>::infinity();
            n.kind = JsonKind::real;
            n.number.d = m_overflows[m_next_overflow].negative ? -inf : inf;
            ++m_next_overflow;
        }
        ++m_number_count;
        return add(n);
    }

    bool add(JsonNode n) {
        const auto index = static_cast<std::uint32_t>(m_doc.nodes.size());
        n.end = index + 1;
        if (!m_stack.empty()) {
            JsonNode& parent = m_doc.nodes[m_stack.back().node];
            ++parent.size;
            if (parent.kind == JsonKind::object) {
                n.key = m_key;
                n.key_len = m_key_len;
            }
        }
        m_doc.nodes.push_back(n);
        return true;
    }

    bool open(JsonKind kind) {
        if (m_stack.size() >= static_cast<std::size_t>(max_nesting_depth)) {
            m_stop = Stop::too_deep;
            m_stop_ordinal = m_container_count;
            return false;
        }
        ++m_container_count;
        JsonNode n;
        n.kind = kind;
        add(n);
        m_stack.push_back(Frame{static_cast<std::uint32_t>(m_doc.nodes.size() - 1), nullptr});
        return true;
    }

    bool close() {
        m_doc.nodes[m_stack.back().node].end = static_cast<std::uint32_t>(m_doc.nodes.size());
        m_stack.pop_back();
        return true;
    }

    JsonDocument m_doc;
    std::vector<Frame> m_stack;
    std::uint32_t m_key = 0;
    std::uint32_t m_key_len = 0;
    std::uint64_t m_key_count = 0;
    std::uint64_t m_container_count = 0;
    std::uint64_t m_number_count = 0;
    std::vector<OverflowNumber> m_overflows;
    std::size_t m_next_overflow = 0;
    Stop m_stop = Stop::none;
    std::uint64_t m_stop_ordinal = 0;
    std::size_t m_error_position = 0;
    std::string m_stop_text;
};

Diagnostic syntax_error(std::string_view text, std::size_t offset, std::string message) {
    Diagnostic d;
    const auto [line, column] = line_column(text, offset);
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    return d;
}

}  // namespace

// [SECTION] Public (internal) entry points

std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    int line = 1;
    int column = 1;
    const std::size_t start = has_bom(text) && offset >= 3 ? 3 : 0;
    for (std::size_t i = start; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!is_continuation(c)) {
            ++column;
        }
    }
    return {line, column};
}

namespace {

ParsedJson parse_json_text_unchecked(std::string_view text) {
    if (text.size() >= std::numeric_limits<std::uint32_t>::max() / 2) {
        ParsedJson out;
        out.error = syntax_error(text, 0, "document too large");
        return out;
    }
    if (text.substr(has_bom(text) ? 3 : 0).find_first_not_of(" \t\r\n") == std::string_view::npos) {
        ParsedJson out;
        out.error = syntax_error(text, text.size(), "empty input: expected a JSON object");
        return out;
    }
    std::vector<OverflowNumber> overflows;
    std::string patched;  // the text with overflowing numbers blanked, when there are any
    for (int pass = 0; pass < 2; ++pass) {
        const std::string_view input = patched.empty() ? text : std::string_view(patched);
        DocBuilder handler(input.size(), overflows);
        const bool ok = Json::sax_parse(input.begin(), input.end(), &handler);
        ParsedJson out;
        if (ok) {
            out.doc = handler.take_document();
            return out;
        }
        switch (handler.stop()) {
            case DocBuilder::Stop::duplicate_key: {
                const auto at = find_nth_token(text, TokenKind::key, handler.stop_ordinal());
                out.error = syntax_error(text, at, "duplicate key '" + printable(handler.stop_text()) + "' in one object");
                return out;
            }
            case DocBuilder::Stop::too_deep: {
                const auto at = find_nth_token(text, TokenKind::container, handler.stop_ordinal());
                out.error = syntax_error(text, at,
                                         "nesting deeper than " + std::to_string(max_nesting_depth) + " levels");
                return out;
            }
            case DocBuilder::Stop::overflow:
                if (pass == 0) {
                    // Blank every overflowing number (same length, so positions hold) and parse
                    // again; the handler puts ±inf back for validation to report by pointer.
                    overflows = find_overflowing_numbers(text);
                    if (!overflows.empty()) {
                        patched.assign(text);
                        for (const auto& o : overflows) {
                            patched[o.begin] = '0';
                            std::fill(patched.begin() + static_cast<std::ptrdiff_t>(o.begin + 1),
                                      patched.begin() + static_cast<std::ptrdiff_t>(o.end), ' ');
                        }
                        continue;
                    }
                }
                [[fallthrough]];
            case DocBuilder::Stop::syntax:
            case DocBuilder::Stop::none: {
                // nlohmann's position counts the offending byte (1-based), or one past the end.
                const std::size_t pos = handler.error_position();
                out.error = syntax_error(text, pos > 0 ? pos - 1 : 0, explain_parse_error(handler.stop_text()));
                return out;
            }
        }
    }
    ParsedJson out;
    out.error = syntax_error(text, 0, "could not parse the document");
    return out;
}

}  // namespace

namespace {

/// The first "\u0000" escape (an odd run of backslashes before "u0000") before `limit`, or npos.
std::size_t first_nul_escape(std::string_view text, std::size_t limit) {
    for (std::size_t p = text.find("\\u0000"); p != std::string_view::npos && p < limit;
         p = text.find("\\u0000", p + 1)) {
        std::size_t run = 0;  // backslashes before this one: an odd count escapes it
        while (run < p && text[p - 1 - run] == '\\') ++run;
        if (run % 2 == 0) return p;
    }
    return std::string_view::npos;
}

}  // namespace

ParsedJson parse_json_text(std::string_view text) {
    ParsedJson out = parse_json_text_unchecked(text);
    // Two things nlohmann accepts or misreports are errors here, the first in the text wins:
    // - a raw NUL: nlohmann takes it for the end of the input, so "}\0garbage" would parse and a
    //   NUL mid-file would read "unexpected end of input";
    // - an escaped "\u0000": valid JSON, but it puts a NUL inside a name or text, which C APIs
    //   (the viewer's text, the XLSX writer) would cut short.
    // Either is reported unless the parser stopped at a problem before it.
    std::size_t at = text.find('\0');
    const char* message = "a NUL byte (is this really a JSON text file?)";
    if (out.error || out.doc.strings.find('\0') != BigText::npos) {
        const std::size_t escape = first_nul_escape(text, at == std::string_view::npos ? text.size() : at);
        if (escape != std::string_view::npos) {
            at = escape;
            message = "a \\u0000 escape (a NUL character): names and text cannot hold one";
        }
    }
    if (at == std::string_view::npos) return out;
    const auto [line, column] = line_column(text, at);
    if (out.error && std::pair(out.error->line, out.error->column) < std::pair(line, column))
        return out;
    ParsedJson bad;
    bad.error = syntax_error(text, at, message);
    return bad;
}

double JsonRef::number() const {
    const JsonNode& n = node();
    switch (n.kind) {
        case JsonKind::integer: return static_cast<double>(n.number.i);
        case JsonKind::unsigned_integer: return static_cast<double>(n.number.u);
        case JsonKind::real: return n.number.d;
        default: return 0;
    }
}

std::string JsonRef::number_text() const {
    const JsonNode& n = node();
    switch (n.kind) {
        case JsonKind::integer: return std::to_string(n.number.i);
        case JsonKind::unsigned_integer: return std::to_string(n.number.u);
        case JsonKind::real: return Json(n.number.d).dump();
        default: return "";
    }
}

std::optional<JsonRef> JsonRef::find(std::string_view name) const {
    if (!is_object()) return std::nullopt;
    for (const JsonRef member : *this)
        if (member.key() == name) return member;
    return std::nullopt;
}

Json JsonRef::to_json() const {
    // Recursive, but the parser bounds nesting at max_nesting_depth.
    const JsonNode& n = node();
    switch (n.kind) {
        case JsonKind::null: return Json(nullptr);
        case JsonKind::boolean: return Json(n.flag);
        case JsonKind::integer: return Json(n.number.i);
        case JsonKind::unsigned_integer: return Json(n.number.u);
        case JsonKind::real: return Json(n.number.d);
        case JsonKind::string: return Json(std::string(str()));
        case JsonKind::array: {
            Json a = Json::array();
            for (const JsonRef item : *this) a.push_back(item.to_json());
            return a;
        }
        case JsonKind::object: {
            Json o = Json::object();
            for (const JsonRef member : *this) append_member(o, std::string(member.key()), member.to_json());
            return o;
        }
    }
    return Json(nullptr);
}

void append_member(Json& object, std::string key, Json value) {
    auto& members = static_cast<Json::object_t::Container&>(*object.get_ptr<Json::object_t*>());
    if (members.size() == members.capacity()) {
        // A member is a pair<const std::string, Json>, which is not nothrow-movable, so the
        // vector's own growth would deep-copy every value: the whole "boards" array each time the
        // document object grows. Grow it here by copying the keys and moving the values.
        std::remove_reference_t<decltype(members)> grown;
        grown.reserve(std::max<std::size_t>(8, members.size() * 2));
        for (auto& m : members) grown.emplace_back(m.first, std::move(m.second));
        members.swap(grown);
    }
    members.emplace_back(std::move(key), std::move(value));
}

void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer += '/';
    if (token.find_first_of("~/") == std::string_view::npos) {
        pointer += token;
        return;
    }
    for (const char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer += c;
    }
}

Diagnostic nlohmann_syntax_error(std::string_view text, const nlohmann::json::parse_error& e) {
    const std::size_t last = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const auto [line, column] = line_column(text, last);
    std::string message = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line L, column C: ".
    if (auto k = message.find("parse error"); k != std::string::npos) {
        if (auto colon = message.find(": ", k); colon != std::string::npos)
            message = message.substr(colon + 2);
    }
    Diagnostic d;
    d.line = line;
    d.column = column;
    d.message = "invalid JSON: " + message;
    return d;
}

}  // namespace boardscape::detail
