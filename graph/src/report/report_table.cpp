// Number formatting and the three table renderers (terminal text, CSV, Markdown).
#include "boardscape/report/report_table.hpp"

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <cstdio>

namespace boardscape::report {

// [SECTION] Number formatting

std::string format_number(double v, int max_decimals) {
    if (!std::isfinite(v)) return "";
    max_decimals = std::clamp(max_decimals, 0, 12);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";  // a tiny negative rounding to zero is not "minus zero"
    return s;
}

std::string format_hours(double v) {
    if (!std::isfinite(v)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s(buf);
    if (s == "-0.0") s = "0.0";
    return s;
}

std::string format_optional(const std::optional<double>& v, int max_decimals) {
    return v ? format_number(*v, max_decimals) : std::string();
}

std::optional<TableFormat> parse_table_format(std::string_view s) {
    if (s == "table") return TableFormat::text;
    if (s == "csv") return TableFormat::csv;
    if (s == "md" || s == "markdown") return TableFormat::markdown;
    return std::nullopt;
}

// [SECTION] Terminal text

namespace {

// Display width as UTF-8 code points: good enough for names (no wide CJK expected), and never
// splits a multi-byte character when cutting.
std::size_t text_width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0u) != 0x80u) ++n;
    return n;
}

std::string cut_to_width(const std::string& s, std::size_t width) {
    if (width == 0 || text_width(s) <= width) return s;
    const std::size_t keep = width > 3 ? width - 3 : 0;
    std::size_t points = 0;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0u) != 0x80u) {
            if (points == keep) break;
            ++points;
        }
    }
    return s.substr(0, i) + "...";
}

// Control characters would break the table's lines; show them as spaces.
std::string one_line(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20u) c = ' ';
    return out;
}

std::string pad(const std::string& s, std::size_t width, Align align) {
    const std::size_t w = text_width(s);
    if (w >= width) return s;
    const std::string fill(width - w, ' ');
    return align == Align::right ? fill + s : s + fill;
}

}  // namespace

std::string render_text(const Table& t, const TextOptions& opts) {
    std::string out = one_line(t.title) + "\n";
    if (t.rows.empty()) {
        out += "(none)\n";
        if (!t.note.empty()) out += one_line(t.note) + "\n";
        return out;
    }
    const std::size_t ncols = t.columns.size();
    std::vector<std::vector<std::string>> cells;
    cells.reserve(t.rows.size());
    for (const auto& row : t.rows) {
        std::vector<std::string> line(ncols);
        for (std::size_t c = 0; c < ncols && c < row.size(); ++c) {
            std::string cell = row[c].empty() ? std::string("-") : one_line(row[c]);
            if (t.columns[c].align == Align::left) cell = cut_to_width(cell, opts.max_cell_width);
            line[c] = std::move(cell);
        }
        cells.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c) {
        widths[c] = text_width(t.columns[c].name);
        for (const auto& line : cells) widths[c] = std::max(widths[c], text_width(line[c]));
    }
    auto emit = [&](const std::vector<std::string>& line) {
        std::string s;
        for (std::size_t c = 0; c < ncols; ++c) {
            if (c > 0) s += "  ";
            const bool last = c + 1 == ncols;
            // No trailing blanks after a left-aligned last column.
            s += (last && t.columns[c].align == Align::left)
                     ? line[c]
                     : pad(line[c], widths[c], t.columns[c].align);
        }
        out += s + "\n";
    };
    std::vector<std::string> header(ncols);
    std::vector<std::string> rule(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
        header[c] = one_line(t.columns[c].name);
        rule[c] = std::string(widths[c], '-');
    }
    emit(header);
    emit(rule);
    for (const auto& line : cells) emit(line);
    if (!t.note.empty()) out += one_line(t.note) + "\n";
    return out;
}

// [SECTION] CSV (RFC 4180)

namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}

std::string csv_record(const std::vector<std::string>& fields, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) s += ',';
        if (i < fields.size()) s += csv_field(spreadsheet_safe(fields[i]));
    }
    return s + "\r\n";
}

}  // namespace

std::string spreadsheet_safe(std::string text) {
    if (text.empty()) return text;
    const char c = text[0];
    bool guard = c == '=' || c == '@';
    if (c == '-' || c == '+') {
        char* end = nullptr;
        std::strtod(text.c_str(), &end);
        guard = end != text.c_str() + text.size();  // "-8.0" and "+1.5" are numbers, "-Smith" is not
    }
    if (guard) text.insert(0, 1, '\'');
    return text;
}

std::string render_csv(const Table& t) {
    const std::size_t n = t.columns.size();
    std::vector<std::string> header;
    header.reserve(n);
    for (const auto& c : t.columns) header.push_back(c.name);
    std::string out = csv_record(header, n);
    for (const auto& row : t.rows) out += csv_record(row, n);
    return out;
}

// [SECTION] Markdown (GitHub tables)

namespace {

std::string md_cell(const std::string& s) {
    if (s.empty()) return "-";
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (static_cast<unsigned char>(c) < 0x20u)
            out += ' ';
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string render_markdown(const Table& t) {
    std::string out = "### " + one_line(t.title) + "\n\n";
    if (t.columns.empty()) return out;
    std::string header = "|";
    std::string rule = "|";
    for (const auto& c : t.columns) {
        // Piecewise appends: GCC 12 warns falsely (-Wrestrict) on " " + string.
        header += ' ';
        header += md_cell(c.name);
        header += " |";
        rule += c.align == Align::right ? " ---: |" : " --- |";
    }
    out += header + "\n" + rule + "\n";
    for (const auto& row : t.rows) {
        std::string line = "|";
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            line += ' ';
            line += md_cell(c < row.size() ? row[c] : std::string());
            line += " |";
        }
        out += line + "\n";
    }
    if (t.rows.empty()) out += "\n_(none)_\n";
    if (!t.note.empty()) out += "\n_" + md_cell(t.note) + "_\n";
    return out;
}

std::string render(const std::vector<Table>& tables, TableFormat format, const TextOptions& opts) {
    std::string out;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i > 0) out += format == TableFormat::csv ? "\r\n" : "\n";
        switch (format) {
            case TableFormat::text:
                out += render_text(tables[i], opts);
                break;
            case TableFormat::csv:
                out += render_csv(tables[i]);
                break;
            case TableFormat::markdown:
                out += render_markdown(tables[i]);
                break;
        }
    }
    return out;
}

}  // namespace boardscape::report
