// The .xlsx writer, on libxlsxwriter. Numbers are stored at full precision with a number format
// for display ("0.0" hours, "0.000" shares), so Excel's sums match the analysis. Text is written
// with worksheet_write_string (never as a formula), so a cell such as "=HYPERLINK(…)" or
// "+44 …" stays text in Excel too.
#include "boardscape/report/xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace boardscape::report {

namespace {

// [SECTION] Helpers

/// Removes the private folder however the build ends.
class PrivateDir {
public:
    PrivateDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "boardscape-xlsx-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr)
            throw std::runtime_error(std::string("cannot make a temporary folder: ") +
                                     std::strerror(errno));
        m_path = tmpl;
    }
    ~PrivateDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// The number a cell of a numeric column holds, when the whole cell reads as one.
std::optional<double> cell_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    const char* begin = s.c_str();
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(begin, &end);
    if (end != begin + s.size() || errno != 0 || !std::isfinite(v)) return std::nullopt;
    // strtod also reads "nan", "inf", hex and leading blanks: only plain decimals are numbers.
    if (s.find_first_not_of("-0123456789.eE+") != std::string::npos) return std::nullopt;
    return v;
}

/// Excel holds at most 32 767 characters in a cell; longer text is cut (at a UTF-8 boundary).
std::string fit(const std::string& s) {
    constexpr std::size_t k_max = 32767;
    if (s.size() <= k_max) return s;
    std::size_t n = k_max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0u) == 0x80u) --n;
    return s.substr(0, n);
}

std::size_t text_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0u) != 0x80u) ++n;
    return n;
}

/// Sheet names: at most 31 characters, none of []:*?/\ and unique (Excel's rules).
std::string sheet_name(const std::string& id, std::vector<std::string>& used) {
    std::string name;
    for (char c : id) name += std::strchr("[]:*?/\\", c) != nullptr ? '_' : c;
    if (name.empty()) name = "table";
    if (name.size() > 31) name.resize(31);
    std::string unique = name;
    for (int i = 2; std::find(used.begin(), used.end(), unique) != used.end(); ++i) {
        // Piecewise: GCC 12 warns falsely (-Wrestrict) on "_" + string.
        std::string suffix = "_";
        suffix += std::to_string(i);
        unique = name.substr(0, 31 - suffix.size()) + suffix;
    }
    used.push_back(unique);
    return unique;
}

void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR)
        throw std::runtime_error(std::string(what) + ": " + lxw_strerror(e));
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* number = nullptr;
    lxw_format* share = nullptr;
    lxw_format* hours = nullptr;
    lxw_format* heading = nullptr;
    lxw_format* wrap = nullptr;
};

lxw_format* number_format(const Formats& f, CellType t) {
    switch (t) {
        case CellType::integer:
            return f.integer;
        case CellType::share:
            return f.share;
        case CellType::hours:
            return f.hours;
        case CellType::number:
        case CellType::text:
            return f.number;
    }
    return f.number;
}

void write_table(lxw_worksheet* ws, const Table& t, const Formats& f) {
    const std::size_t ncols = std::min<std::size_t>(t.columns.size(), LXW_COL_MAX);
    std::vector<std::size_t> widths(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        check(worksheet_write_string(ws, 0, col, t.columns[c].name.c_str(), f.header),
              "header");
        widths[c] = text_width(t.columns[c].name);
    }
    const std::size_t nrows = std::min<std::size_t>(t.rows.size(), LXW_ROW_MAX - 1);
    for (std::size_t r = 0; r < nrows; ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < ncols && c < t.rows[r].size(); ++c) {
            const std::string& cell = t.rows[r][c];
            if (cell.empty()) continue;  // null: an empty cell
            const auto col = static_cast<lxw_col_t>(c);
            const Column& column = t.columns[c];
            const CellType type = column.type == CellType::text && r < t.row_types.size()
                                      ? t.row_types[r]
                                      : column.type;
            // The full-precision number when the table has it (the cell shows it rounded, and
            // Excel must sum what the analysis computed); else the cell's text, when it reads
            // as a number in a numeric column.
            std::optional<double> v;
            if (r < t.numbers.size() && c < t.numbers[r].size() && std::isfinite(t.numbers[r][c]))
                v = t.numbers[r][c];
            else if (type != CellType::text || column.align == Align::right)
                v = cell_number(cell);
            if (v)
                check(worksheet_write_number(ws, row, col, *v, number_format(f, type)), "cell");
            else
                check(worksheet_write_string(ws, row, col, fit(cell).c_str(), nullptr), "cell");
            widths[c] = std::max(widths[c], text_width(cell));
        }
    }
    for (std::size_t c = 0; c < ncols; ++c) {
        const double w = static_cast<double>(std::min<std::size_t>(widths[c], 60)) + 2;
        check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w,
                                   nullptr),
              "column width");
    }
    worksheet_freeze_panes(ws, 1, 0);
}

void write_about(lxw_worksheet* ws, const std::vector<Table>& tables,
                 const std::vector<std::string>& sheets, const WorkbookAbout& a,
                 const Formats& f) {
    lxw_row_t row = 0;
    auto line = [&](const std::string& key, const std::string& value) {
        check(worksheet_write_string(ws, row, 0, key.c_str(), f.header), "about");
        if (!value.empty())
            check(worksheet_write_string(ws, row, 1, fit(value).c_str(), f.wrap), "about");
        ++row;
    };
    check(worksheet_write_string(ws, row++, 0, a.title.c_str(), f.heading), "about");
    ++row;
    line("dataset", a.dataset);
    line("dataset title", a.dataset_title);
    line("as of", a.as_of.empty() ? std::string("all dates") : a.as_of);
    for (const auto& [k, v] : a.options) line("--" + k, v);
    line("written by", a.tool);
    ++row;
    check(worksheet_write_string(ws, row, 0, "sheet", f.header), "about");
    check(worksheet_write_string(ws, row, 1, "table", f.header), "about");
    check(worksheet_write_string(ws, row, 2, "note", f.header), "about");
    ++row;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        check(worksheet_write_string(ws, row, 0, sheets[i].c_str(), nullptr), "about");
        check(worksheet_write_string(ws, row, 1, tables[i].title.c_str(), f.wrap), "about");
        if (!tables[i].note.empty())
            check(worksheet_write_string(ws, row, 2, tables[i].note.c_str(), f.wrap), "about");
        ++row;
    }
    check(worksheet_set_column(ws, 0, 0, 18, nullptr), "column width");
    check(worksheet_set_column(ws, 1, 1, 60, nullptr), "column width");
    check(worksheet_set_column(ws, 2, 2, 80, nullptr), "column width");
}

}  // namespace

std::string xlsx_workbook(const std::vector<Table>& tables, const WorkbookAbout& about) {
    const PrivateDir dir;
    const std::string file = (dir.path() / "report.xlsx").string();
    std::string tmp = dir.path().string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;  // column widths are set after the rows
    options.tmpdir = tmp.data();
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    if (wb == nullptr) throw std::runtime_error("cannot start the workbook");
    try {
        Formats f;
        f.header = workbook_add_format(wb);
        format_set_bold(f.header);
        f.heading = workbook_add_format(wb);
        format_set_bold(f.heading);
        format_set_font_size(f.heading, 14);
        f.integer = workbook_add_format(wb);
        format_set_num_format(f.integer, "0");
        f.number = workbook_add_format(wb);
        format_set_num_format(f.number, "General");
        f.share = workbook_add_format(wb);
        format_set_num_format(f.share, "0.000");
        f.hours = workbook_add_format(wb);
        format_set_num_format(f.hours, "0.0");
        f.wrap = workbook_add_format(wb);
        format_set_text_wrap(f.wrap);
        format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);

        std::vector<std::string> used{"about"};
        std::vector<std::string> sheets;
        for (const auto& t : tables) sheets.push_back(sheet_name(t.id, used));
        lxw_worksheet* first = workbook_add_worksheet(wb, "about");
        if (first == nullptr) throw std::runtime_error("cannot add the about sheet");
        write_about(first, tables, sheets, about, f);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            lxw_worksheet* ws = workbook_add_worksheet(wb, sheets[i].c_str());
            if (ws == nullptr) throw std::runtime_error("cannot add sheet " + sheets[i]);
            write_table(ws, tables[i], f);
        }
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    check(workbook_close(wb), "cannot write the workbook");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the workbook back");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace boardscape::report
