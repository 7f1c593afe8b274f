// The checked JSON parser: nlohmann's SAX parser (iterative, so hostile nesting cannot overflow
// the stack) drives a handler that builds an insertion-ordered DOM and stops at duplicate keys
// and excessive depth. nlohmann reports byte positions only for its own errors, so the
// positions of the problems the handler finds come from a light rescan of the text.
#include "json_internal.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
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

std::vector<OverflowNumber> find_overflowing_numbers(std::string_view text) {
    std::vector<OverflowNumber> found;
    std::uint64_t ordinal = 0;
    std::string buffer;
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
            buffer.assign(text.substr(start, i - start));
            errno = 0;
            const double v = std::strtod(buffer.c_str(), nullptr);
            if (!std::isfinite(v)) found.push_back({start, i, ordinal, buffer[0] == '-'});
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

class DomBuilder final : public nlohmann::json_sax<Json> {
public:
    enum class Stop { none, duplicate_key, too_deep, syntax, overflow };

    explicit DomBuilder(std::vector<OverflowNumber> overflows) : m_overflows(std::move(overflows)) {}

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool v) override { return put(Json(v)); }
    bool number_integer(number_integer_t v) override { return number(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return number(Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return number(Json(v)); }
    bool string(string_t& v) override { return put(Json(std::move(v))); }
    bool binary(binary_t&) override { return put(Json(nullptr)); }  // never produced from text

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Frame& f = m_stack.back();
        const auto& members = *f.node->get_ptr<Json::object_t*>();
        // Small objects: a linear look is cheapest. Large ones (layout positions) get a set.
        bool duplicate = false;
        if (f.keys) {
            duplicate = !f.keys->insert(k).second;
        } else {
            duplicate = std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.first == k; });
            if (!duplicate && members.size() >= 16) {
                f.keys = std::make_unique<std::unordered_set<std::string>>();
                for (const auto& m : members) f.keys->insert(m.first);
                f.keys->insert(k);
            }
        }
        if (duplicate) {
            m_stop = Stop::duplicate_key;
            m_stop_ordinal = m_key_count;
            m_stop_text = k;
            return false;
        }
        ++m_key_count;
        m_key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        m_stop = ex.id == 406 ? Stop::overflow : Stop::syntax;
        m_error_position = position;
        m_stop_text = ex.what();
        return false;
    }

    Json take_root() { return std::move(m_root); }
    Stop stop() const { return m_stop; }
    std::uint64_t stop_ordinal() const { return m_stop_ordinal; }
    std::size_t error_position() const { return m_error_position; }
    const std::string& stop_text() const { return m_stop_text; }

private:
    struct Frame {
        Json* node;
        std::unique_ptr<std::unordered_set<std::string>> keys;
    };

    bool number(Json v) {
        // A number that overflowed in the first pass was blanked to 0; restore it as ±inf.
        if (m_next_overflow < m_overflows.size() && m_overflows[m_next_overflow].ordinal == m_number_count) {
            const double inf = std::numeric_limits<double>::infinity();
            v = Json(m_overflows[m_next_overflow].negative ? -inf : inf);
            ++m_next_overflow;
        }
        ++m_number_count;
        return put(std::move(v));
    }

    bool put(Json v) {
        place(std::move(v));
        return true;
    }

    Json* place(Json v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Json& top = *m_stack.back().node;
        if (top.is_array()) {
            auto& items = *top.get_ptr<Json::array_t*>();
            items.push_back(std::move(v));
            return &items.back();
        }
        auto& members = static_cast<Json::object_t::Container&>(*top.get_ptr<Json::object_t*>());
        members.emplace_back(std::move(m_key), std::move(v));
        return &members.back().second;
    }

    bool open(Json v) {
        if (m_stack.size() >= static_cast<std::size_t>(max_nesting_depth)) {
            m_stop = Stop::too_deep;
            m_stop_ordinal = m_container_count;
            return false;
        }
        ++m_container_count;
        Json* node = place(std::move(v));
        m_stack.push_back(Frame{node, nullptr});
        return true;
    }

    bool close() {
        m_stack.pop_back();
        return true;
    }

    Json m_root;
    std::vector<Frame> m_stack;
    std::string m_key;
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

ParsedJson parse_json_text(std::string_view text) {
    std::vector<OverflowNumber> overflows;
    std::string patched;  // the text with overflowing numbers blanked, when there are any
    for (int pass = 0; pass < 2; ++pass) {
        const std::string_view input = patched.empty() ? text : std::string_view(patched);
        DomBuilder handler(overflows);
        const bool ok = Json::sax_parse(input.begin(), input.end(), &handler);
        ParsedJson out;
        if (ok) {
            out.root = handler.take_root();
            return out;
        }
        switch (handler.stop()) {
            case DomBuilder::Stop::duplicate_key: {
                const auto at = find_nth_token(text, TokenKind::key, handler.stop_ordinal());
                out.error = syntax_error(text, at, "duplicate key '" + printable(handler.stop_text()) + "' in one object");
                return out;
            }
            case DomBuilder::Stop::too_deep: {
                const auto at = find_nth_token(text, TokenKind::container, handler.stop_ordinal());
                out.error = syntax_error(text, at,
                                         "nesting deeper than " + std::to_string(max_nesting_depth) + " levels");
                return out;
            }
            case DomBuilder::Stop::overflow:
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
            case DomBuilder::Stop::syntax:
            case DomBuilder::Stop::none: {
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

void append_member(Json& object, std::string key, Json value) {
    auto& members = static_cast<Json::object_t::Container&>(*object.get_ptr<Json::object_t*>());
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

}  // namespace boardscape::detail
