// CSV reading for the ONS importer and the spreadsheet importers: byte-level parsing with
// line/column tracking, BOM handling, Windows-1252 fallback and ',' or ';' separators. See csv.hpp.
#include "boardscape/import/csv.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>

namespace boardscape::import {

// [SECTION] Errors

namespace {
std::string format_error(const std::string& file, int line, int column, const std::string& msg) {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out + ": error: " + msg;
}
}  // namespace

ImportError::ImportError(std::string file, int line, int column, std::string message)
    : std::runtime_error(format_error(file, line, column, message)),
      m_file(std::move(file)),
      m_line(line),
      m_column(column),
      m_message(std::move(message)) {}

// [SECTION] Encodings

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(len) > n) return false;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0u) != 0x80u) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        // Reject overlong forms, surrogates and values above U+10FFFF.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += static_cast<std::size_t>(len);
    }
    return true;
}

namespace {
void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252's 0x80–0x9F block; the rest of the high half is Latin-1. 0xFFFD marks the five
// byte values the code page leaves undefined.
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
}  // namespace

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            out += ch;
        else if (c < 0xA0)
            append_utf8(out, cp1252_high[c - 0x80u]);
        else
            append_utf8(out, c);
    }
    return out;
}

// [SECTION] Parsing

namespace {
const CsvCell missing_cell{};
}

const CsvCell& CsvTable::cell(const CsvRow& row, std::size_t index) const {
    if (index < row.cells.size()) return row.cells[index];
    return missing_cell;
}

namespace {

/// Walks UTF-8 text keeping a 1-based line and character column.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}
    bool done() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    bool peek_is(char c) const { return !done() && m_text[m_pos] == c; }
    int line() const { return m_line; }
    int column() const { return m_column; }

    /// Advances one byte; a line end (LF, CR or CRLF) moves to the next line.
    void advance() {
        const char c = m_text[m_pos++];
        if (c == '\r') {
            if (m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
            ++m_line;
            m_column = 1;
        } else if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) {
            // Columns count characters: UTF-8 continuation bytes do not start one.
            ++m_column;
        }
    }
    std::size_t pos() const { return m_pos; }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

/// UTF-16 by its byte-order mark, or (without one) by its first line: ASCII text in UTF-16 has
/// a NUL in every other byte. Read as 8-bit text it gives garbled columns, so say what it is.
bool looks_like_utf16(std::string_view bytes) {
    if (bytes.size() >= 2 &&
        ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        return true;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 200) & ~std::size_t{1};
    if (n < 4) return false;
    std::size_t even_nuls = 0, odd_nuls = 0;
    for (std::size_t i = 0; i < n; ++i)
        (i % 2 == 0 ? even_nuls : odd_nuls) += bytes[i] == '\0' ? 1 : 0;
    // Three in four of one parity's bytes NUL (non-ASCII characters have none), the other none.
    return std::min(even_nuls, odd_nuls) == 0 && std::max(even_nuls, odd_nuls) * 4 >= (n / 2) * 3;
}

}  // namespace

char detect_delimiter(std::string_view bytes) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (const char c : bytes) {
        if (c == '"') quoted = !quoted;  // a doubled quote toggles twice: no change
        else if (!quoted && is_line_end(c)) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

CsvTable parse_csv(std::string_view bytes, std::string file, const CsvOptions& options) {
    CsvTable table;
    table.file = std::move(file);
    if (looks_like_utf16(bytes))
        throw ImportError(table.file, 1, 1,
                          "this sheet is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8'");
    const char sep = options.delimiter == 0 ? detect_delimiter(bytes) : options.delimiter;
    table.delimiter = sep;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        table.had_bom = true;
    }
    std::string converted;
    std::string_view text = bytes;
    if (!is_valid_utf8(bytes)) {
        converted = windows1252_to_utf8(bytes);
        text = converted;
        table.transcoded = true;
    }

    if (options.nul_is_error) {
        if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
            Cursor at(text);
            while (at.pos() < nul) at.advance();
            throw ImportError(table.file, at.line(), at.column(),
                              "a NUL byte (is this really a CSV text file?)");
        }
    }

    Cursor cur(text);
    std::vector<CsvRow> records;
    while (!cur.done()) {
        CsvRow row;
        row.line = cur.line();
        // One record: fields separated by commas, ended by a line end outside quotes.
        while (true) {
            CsvCell cell;
            cell.line = cur.line();
            cell.column = cur.column();
            if (cur.peek_is('"')) {
                cell.quoted = true;
                const int open_line = cur.line();
                const int open_col = cur.column();
                cur.advance();
                bool closed = false;
                while (!cur.done()) {
                    const char c = cur.peek();
                    if (c == '"') {
                        cur.advance();
                        if (cur.peek_is('"')) {
                            cell.text += '"';
                            cur.advance();
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (c == '\r') {
                        // Normalise embedded line ends to LF.
                        cell.text += '\n';
                    } else {
                        cell.text += c;
                    }
                    cur.advance();
                }
                if (!closed)
                    throw ImportError(table.file, open_line, open_col,
                                      "quoted field is not closed before the end of the file");
                if (!cur.done() && cur.peek() != sep && !is_line_end(cur.peek()))
                    throw ImportError(table.file, cur.line(), cur.column(),
                                      "unexpected text after a closing quote (a quote inside a "
                                      "field must be doubled)");
            } else {
                while (!cur.done() && cur.peek() != sep && !is_line_end(cur.peek())) {
                    cell.text += cur.peek();
                    cur.advance();
                }
            }
            row.cells.push_back(std::move(cell));
            if (cur.peek_is(sep)) {
                cur.advance();
                continue;
            }
            if (!cur.done()) cur.advance();  // the line end
            break;
        }
        const bool blank = row.cells.size() == 1 && row.cells[0].text.empty();
        if (!blank) records.push_back(std::move(row));
    }

    if (records.empty()) throw ImportError(table.file, 1, 1, "the file is empty (no header row)");
    table.header = std::move(records.front().cells);
    for (auto& h : table.header) {
        // Tolerate spaces around header names ("LAD19CD ").
        const auto b = h.text.find_first_not_of(" \t");
        const auto e = h.text.find_last_not_of(" \t");
        h.text = b == std::string::npos ? std::string() : h.text.substr(b, e - b + 1);
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        auto& row = records[r];
        if (options.keep_extra_fields) {
            table.rows.push_back(std::move(row));
            continue;
        }
        for (std::size_t k = table.header.size(); k < row.cells.size(); ++k) {
            if (!row.cells[k].text.empty())
                throw ImportError(table.file, row.cells[k].line, row.cells[k].column,
                                  "this row has more fields (" + std::to_string(row.cells.size()) +
                                      ") than the header (" + std::to_string(table.header.size()) +
                                      ")");
        }
        if (row.cells.size() > table.header.size()) row.cells.resize(table.header.size());
        table.rows.push_back(std::move(row));
    }
    return table;
}

CsvTable read_csv_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(path.string(), 0, 0, "cannot read: no such file or not readable");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw ImportError(path.string(), 0, 0, "cannot read: I/O error");
    return parse_csv(ss.str(), path.string());
}

}  // namespace boardscape::import
