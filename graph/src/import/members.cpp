// Members from a spreadsheet: reading the sheet, matching rows against BASE, the plan and its
// edit. See members.hpp for the rules.
#include "boardscape/import/members.hpp"

#include "boardscape/import/csv.hpp"
#include "boardscape/import/ons_import.hpp"
#include "boardscape/suggest.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace boardscape::import {

// [SECTION] Diagnostics

std::string format_sheet_diagnostic(std::string_view sheet, const SheetDiagnostic& d) {
    std::string out(sheet);
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    return out + d.message;
}

std::size_t MembersPlan::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const SheetDiagnostic& d) { return d.severity == Severity::error; }));
}

// [SECTION] Columns

namespace {

enum Col : std::size_t {
    c_person,
    c_board,
    c_agency,
    c_role,
    c_represents,
    c_seniority,
    c_attendance,
    c_from,
    c_until,
    c_source,
    c_title,
    c_person_id,
    c_sector,
    c_count
};

constexpr std::array<std::string_view, c_count> k_columns = {
    "person", "board", "agency", "role",  "represents", "seniority", "attendance",
    "from",   "until", "source", "title", "person_id",  "sector"};

/// Longest cell accepted (bytes): a name is short, a source may cite a long document. Keeps a
/// pasted 10 MB cell from turning into a 10 MB id.
constexpr std::size_t k_max_cell_bytes = 1000;
constexpr std::size_t k_max_source_bytes = 20000;

}  // namespace

std::span<const std::string_view> members_columns() { return k_columns; }

// [SECTION] Text helpers

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// Trims spaces (and the no-break spaces spreadsheets like to leave) and collapses inner runs
/// to one space.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
        if (is_space(c) || nbsp) {
            if (nbsp) ++i;
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

/// The key names are matched by: spaces collapsed, ASCII letters lower-cased.
std::string fold(std::string_view s) {
    std::string out = collapse_spaces(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Vocabulary cells as people type them: "Vice chair", "vice-chair" → "vice_chair".
std::string vocab_key(std::string_view s) {
    std::string out = fold(s);
    for (char& c : out)
        if (c == ' ' || c == '-') c = '_';
    return out;
}

std::string in_quotes(std::string_view s) {
    std::string out = "'";
    // Keep messages on one line and short, whatever the cell holds.
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0u) != 0x80u && ++chars > 80) {
            out += "…";
            break;
        }
        if (c < 0x20) {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15u];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "'";
}

std::string join_names(std::span<const std::string_view> names) {
    std::string out;
    for (const auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

/// Latin letters with diacritics (U+00C0–U+00FF) as their base letter, for readable ids.
std::string fold_accents(std::string_view s) {
    // One entry per code point from U+00C0 to U+00FF; '\0' drops the character (×, ÷).
    static constexpr char k_base[] =
        "AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
    static_assert(sizeof k_base == 64 + 1);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto n = static_cast<unsigned char>(s[i + 1]);
            if (n >= 0x80 && n <= 0xBF) {
                const char base = k_base[n - 0x80u];
                if (base != '\0') out += base;
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

int char_count(std::string_view s) {
    int n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
    return n;
}

/// "1/4/2023" or "01/04/2023" (day first, as British spreadsheets write) → "2023-04-01"; "" when
/// the text is not such a date.
std::string iso_from_day_first(std::string_view s) {
    int parts[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int k = 0;
    for (const char c : s) {
        if (c == '/' || c == '.') {
            if (++k > 2) return "";
        } else if (c >= '0' && c <= '9') {
            parts[k] = parts[k] * 10 + (c - '0');
            if (++digits[k] > 4) return "";
        } else {
            return "";
        }
    }
    if (k != 2 || digits[0] == 0 || digits[1] == 0 || (digits[2] != 4 && digits[2] != 2)) return "";
    // A two-digit year as POSIX strptime's %y reads it: 69-99 are 1969-1999, 00-68 2000-2068.
    if (digits[2] == 2) parts[2] += parts[2] >= 69 ? 1900 : 2000;
    char buf[11];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[2], parts[1], parts[0]);
    return Date::parse(buf) ? std::string(buf) : "";
}

/// Why text shaped like YYYY-MM-DD is not a date ("the month 13 is invalid (01 to 12)"), or ""
/// when it is not of that shape.
std::string iso_date_problem(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return "";
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return "";
    const auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (month < 1 || month > 12)
        return "the month " + std::string(s.substr(5, 2)) + " is invalid (01 to 12)";
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = k_days[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day < 1 || day > days)
        return "the day " + std::string(s.substr(8, 2)) + " is invalid (" +
               std::string(s.substr(0, 7)) + " has " + std::to_string(days) + " days)";
    return "";
}

}  // namespace

std::string person_slug(std::string_view name) {
    const std::string slug = slugify(fold_accents(name));
    return "p-" + (slug.empty() ? std::string("person") : slug);
}

// [SECTION] The planner

namespace {

struct Cell {
    std::string text;  // trimmed
    int line = 0;
    int column = 0;
    bool given() const { return !text.empty(); }
};

struct Row {
    int line = 0;
    std::array<Cell, c_count> cells;
};

/// An entity reference resolved from a cell: the id, and for agencies whether it is being
/// created by this sheet.
struct Resolved {
    std::string id;
    std::string name;
};

/// Name and id lookups of one entity type, with the candidates a suggestion is drawn from.
struct TypeIndex {
    EntityType type = EntityType::board;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name;  // fold(name) → indices
    std::unordered_map<std::string, std::size_t> by_folded_id;
    std::vector<std::string> candidates;  // fold(name) and fold(id) of each entity
    std::vector<std::size_t> candidate_entity;
    std::vector<std::string_view> candidate_views;
};

struct PersonEntry {
    std::string id;
    std::string name;
    std::optional<std::string> agency;
};

std::string with_article(EntityType t) {
    switch (t) {
        case EntityType::area:
            return "an area";
        case EntityType::agency:
            return "an agency";
        case EntityType::board:
            return "a board";
        case EntityType::person:
            return "a person";
    }
    return "an entity";
}

struct SeatKey {
    std::string person, board, from;
    friend bool operator<(const SeatKey& a, const SeatKey& b) {
        return std::tie(a.person, a.board, a.from) < std::tie(b.person, b.board, b.from);
    }
};

class Planner {
public:
    Planner(const Dataset& base, std::string_view sheet, const MembersOptions& options)
        : m_base(base), m_options(options) {
        m_plan.sheet = std::string(sheet);
    }

    MembersPlan run(std::string_view bytes) {
        CsvTable table;
        try {
            CsvOptions co;
            co.delimiter = 0;
            co.keep_extra_fields = true;
            table = parse_csv(bytes, m_plan.sheet, co);
        } catch (const ImportError& e) {
            error(e.line(), e.column(), e.message());
            return finish();
        }
        m_plan.read_as_windows1252 = table.transcoded;
        m_plan.delimiter = table.delimiter;
        if (!read_header(table)) return finish();
        read_rows(table);
        index_base();
        if (m_options.create_missing) plan_new_agencies();
        for (const Row& r : m_rows) plan_row(r);
        for (auto& a : m_plan.agencies_added) finish_agency_footprint(a.value);
        return finish();
    }

private:
    // [SECTION] Diagnostics

    void error(int line, int column, std::string message) {
        m_plan.diagnostics.push_back({Severity::error, line, column, std::move(message)});
    }
    void error(const Cell& c, std::string message) { error(c.line, c.column, std::move(message)); }
    void warning(const Cell& c, std::string message) {
        m_plan.diagnostics.push_back({Severity::warning, c.line, c.column, std::move(message)});
    }

    MembersPlan finish() {
        std::stable_sort(m_plan.diagnostics.begin(), m_plan.diagnostics.end(),
                         [](const SheetDiagnostic& a, const SheetDiagnostic& b) {
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
        return std::move(m_plan);
    }

    // [SECTION] Header and rows

    bool read_header(const CsvTable& table) {
        bool ok = true;
        m_column_of.fill(SIZE_MAX);
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            const CsvCell& h = table.header[i];
            const std::string key = vocab_key(h.text);
            const auto it = std::find(k_columns.begin(), k_columns.end(), key);
            if (key.empty()) continue;  // an unnamed column (a spreadsheet's trailing comma)
            if (it == k_columns.end()) {
                std::string msg = "unknown column " + in_quotes(h.text) + " (ignored)";
                if (auto c = m_suggester.closest(key, k_columns))
                    msg += "; did you mean " + in_quotes(*c) + "?";
                else
                    msg += "; the columns are: " + join_names(k_columns);
                m_plan.diagnostics.push_back({Severity::warning, h.line, h.column, msg});
                continue;
            }
            const auto col = static_cast<std::size_t>(it - k_columns.begin());
            if (m_column_of[col] != SIZE_MAX) {
                error(h.line, h.column,
                      "column " + in_quotes(*it) + " appears twice (first at column " +
                          std::to_string(table.header[m_column_of[col]].column) + ")");
                ok = false;
                continue;
            }
            m_column_of[col] = i;
        }
        for (const Col required : {c_person, c_board}) {
            if (m_column_of[required] != SIZE_MAX) continue;
            const CsvCell& first = table.header.front();
            error(first.line, first.column,
                  "the header has no " + in_quotes(k_columns[required]) +
                      " column; a members sheet needs 'person' and 'board' (optional: " +
                      join_names(std::span(k_columns).subspan(2)) + ")");
            ok = false;
        }
        m_header_width = table.header.size();
        return ok;
    }

    void read_rows(const CsvTable& table) {
        m_rows.reserve(table.rows.size());
        for (const CsvRow& r : table.rows) {
            bool blank = true;
            for (const auto& c : r.cells)
                if (!collapse_spaces(c.text).empty()) blank = false;
            if (blank) continue;  // ",,,," rows that spreadsheets write after the data
            ++m_plan.rows;
            for (std::size_t k = m_header_width; k < r.cells.size(); ++k) {
                if (r.cells[k].text.empty()) continue;
                error(r.cells[k].line, r.cells[k].column,
                      "this row has more fields (" + std::to_string(r.cells.size()) +
                          ") than the header (" + std::to_string(m_header_width) +
                          "); a value containing '" + std::string(1, table.delimiter) +
                          "' must be in double quotes");
                break;
            }
            Row row;
            row.line = r.line;
            // Where a short row's missing cells are reported: just past its last cell.
            int end_line = r.line, end_col = 1;
            if (!r.cells.empty()) {
                const CsvCell& last = r.cells.back();
                end_line = last.line;
                end_col = last.column + char_count(last.text) + (last.quoted ? 2 : 0);
            }
            for (std::size_t col = 0; col < c_count; ++col) {
                Cell& cell = row.cells[col];
                const std::size_t i = m_column_of[col];
                if (i == SIZE_MAX) continue;
                if (i < r.cells.size()) {
                    const CsvCell& src = r.cells[i];
                    cell.line = src.line;
                    cell.column = src.column;
                    check_cell_text(src.text, static_cast<Col>(col), src.line, src.column);
                    cell.text = col == c_source ? std::string(src.text) : collapse_spaces(src.text);
                } else {
                    cell.line = end_line;
                    cell.column = end_col;
                }
            }
            m_rows.push_back(std::move(row));
        }
    }

    /// Bytes no name may hold; a NUL or a 10 MB paste gets a message instead of an entity.
    void check_cell_text(std::string_view text, Col col, int line, int column) {
        const std::size_t limit = col == c_source ? k_max_source_bytes : k_max_cell_bytes;
        if (text.size() > limit) {
            error(line, column,
                  "this " + std::string(k_columns[col]) + " cell is " +
                      std::to_string(text.size()) + " bytes long; at most " +
                      std::to_string(limit) + " are accepted");
            return;
        }
        for (const char ch : text) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == 0) {
                error(line, column, "this cell contains a NUL byte (is the file really a CSV?)");
                return;
            }
            if (c == '\n' && col != c_source) {
                error(line, column,
                      "this " + std::string(k_columns[col]) + " cell contains a line break");
                return;
            }
            if (c < 0x20 && c != '\n' && c != '\t') {
                error(line, column, "this cell contains a control character");
                return;
            }
        }
        if (!text.empty() && text.front() == '=' && col != c_source)
            m_plan.diagnostics.push_back({Severity::warning, line, column,
                                          "this cell looks like a spreadsheet formula " +
                                              in_quotes(text) + "; it is imported as plain text"});
    }

    // [SECTION] Lookups

    void index_type(
        TypeIndex& ix, EntityType type, std::size_t count,
        const std::function<std::pair<std::string_view, std::string_view>(std::size_t)>& id_name) {
        ix.type = type;
        for (std::size_t i = 0; i < count; ++i) {
            const auto [id, name] = id_name(i);
            std::string fname = fold(name);
            ix.by_name[fname].push_back(i);
            ix.by_folded_id.emplace(fold(id), i);
            ix.candidates.push_back(std::move(fname));
            ix.candidate_entity.push_back(i);
            ix.candidates.push_back(fold(id));
            ix.candidate_entity.push_back(i);
        }
        ix.candidate_views.assign(ix.candidates.begin(), ix.candidates.end());
    }

    void index_base() {
        const Dataset& d = m_base;
        index_type(m_boards, EntityType::board, d.boards.size(), [&](std::size_t i) {
            return std::pair<std::string_view, std::string_view>(d.boards[i].id.value,
                                                                 d.boards[i].name);
        });
        index_type(m_agencies, EntityType::agency, d.agencies.size(), [&](std::size_t i) {
            return std::pair<std::string_view, std::string_view>(d.agencies[i].id.value,
                                                                 d.agencies[i].name);
        });
        m_people.reserve(d.people.size() + m_rows.size());
        for (const Person& p : d.people) {
            m_people_by_name[fold(p.name)].push_back(m_people.size());
            m_people.push_back(
                {p.id.value, p.name,
                 p.agency ? std::optional<std::string>(p.agency->value) : std::nullopt});
        }
        for (std::size_t i = 0; i < d.memberships.size(); ++i) {
            const Membership& m = d.memberships[i];
            const SeatKey key{m.person.value, m.board.value, m.from ? m.from->str() : ""};
            m_base_seats.emplace(key, i);  // the first in file order identifies the seat
            m_seat_froms[m.person.value + '\n' + m.board.value].push_back(key.from);
        }
    }

    std::string id_of(const TypeIndex& ix, std::size_t i) const {
        return ix.type == EntityType::board ? m_base.boards[i].id.value
                                            : m_base.agencies[i].id.value;
    }
    std::string name_of(const TypeIndex& ix, std::size_t i) const {
        return ix.type == EntityType::board ? m_base.boards[i].name : m_base.agencies[i].name;
    }

    /// A board or agency named by id (exact, then case-insensitively) or by name. On failure
    /// the error (with its did-you-mean) is reported unless `quiet`, and nullopt returned.
    /// Sheets repeat the same few boards and agencies on every row: each distinct cell text is
    /// resolved once (a repeated mistake is still reported on every row it is on).
    std::optional<Resolved> resolve(const TypeIndex& ix, const Cell& cell, std::string_view what,
                                    bool quiet = false, std::string_view hint = "") {
        std::string key = std::string(what) + '\n' + cell.text;
        if (const auto it = m_resolved.find(key); it != m_resolved.end()) {
            if (!it->second.first && !quiet) error(cell, it->second.second);
            return it->second.first;
        }
        const std::size_t before = m_plan.diagnostics.size();
        auto r = resolve_uncached(ix, cell, what, false, hint);
        std::string message;
        if (m_plan.diagnostics.size() > before) {
            message = m_plan.diagnostics.back().message;
            if (quiet) m_plan.diagnostics.pop_back();
        }
        m_resolved.emplace(std::move(key), std::make_pair(r, std::move(message)));
        return r;
    }

    std::optional<Resolved> resolve_uncached(const TypeIndex& ix, const Cell& cell,
                                             std::string_view what, bool quiet,
                                             std::string_view hint) {
        if (const auto ref = m_base.find(cell.text)) {
            if (ref->type == ix.type)
                return Resolved{id_of(ix, ref->index), name_of(ix, ref->index)};
            if (!quiet)
                error(cell, in_quotes(cell.text) + " is the id of " + with_article(ref->type) +
                                ", not " + with_article(ix.type) + " (" + std::string(what) +
                                " column)");
            return std::nullopt;
        }
        const std::string key = fold(cell.text);
        if (const auto it = ix.by_name.find(key); it != ix.by_name.end()) {
            if (it->second.size() == 1)
                return Resolved{id_of(ix, it->second[0]), name_of(ix, it->second[0])};
            if (!quiet) {
                std::string msg = in_quotes(cell.text) + " names " +
                                  std::to_string(it->second.size()) +
                                  (ix.type == EntityType::board ? " boards: " : " agencies: ");
                for (std::size_t k = 0; k < it->second.size(); ++k)
                    msg += std::string(k == 0                       ? ""
                                       : k + 1 == it->second.size() ? " and "
                                                                    : ", ") +
                           in_quotes(id_of(ix, it->second[k])) + " (" + name_of(ix, it->second[k]) +
                           ")";
                error(cell, msg + "; write the id instead");
            }
            return std::nullopt;
        }
        if (const auto it = ix.by_folded_id.find(key); it != ix.by_folded_id.end())
            return Resolved{id_of(ix, it->second), name_of(ix, it->second)};
        if (!quiet) error(cell, not_found(ix, cell, what) + std::string(hint));
        return std::nullopt;
    }

    std::string not_found(const TypeIndex& ix, const Cell& cell, std::string_view what) {
        std::string msg = "no " + std::string(to_string(ix.type)) + " with the id or name " +
                          in_quotes(cell.text) + " in BASE";
        if (what != to_string(ix.type)) msg += " (" + std::string(what) + " column)";
        if (const auto hit = near_match(ix, fold(cell.text)))
            msg += "; did you mean " + in_quotes(name_of(ix, *hit)) + " (" + id_of(ix, *hit) + ")?";
        return msg;
    }

    /// The entity whose folded name or id is closest to `key` within the did-you-mean limit.
    std::optional<std::size_t> near_match(const TypeIndex& ix, const std::string& key) {
        // Cached per type and text: a sheet repeats its typos on many rows.
        const std::string cache_key = std::string(to_string(ix.type)) + '\n' + key;
        if (const auto c = m_suggestions.find(cache_key); c != m_suggestions.end())
            return c->second;
        std::optional<std::size_t> hit;
        if (auto k = m_suggester.closest_index(key, ix.candidate_views))
            hit = ix.candidate_entity[*k];
        m_suggestions.emplace(cache_key, hit);
        return hit;
    }

    // [SECTION] Agencies created by --create-missing

    /// First pass over the agency column: every unknown agency becomes one new agency, keyed by
    /// its folded name, with the sector of the first row that gives one.
    void plan_new_agencies() {
        for (const Row& r : m_rows) {
            const Cell& a = r.cells[c_agency];
            if (!a.given() || known_agency_text(a)) continue;
            const std::string key = fold(a.text);
            const Cell& s = r.cells[c_sector];
            std::optional<Sector> sector;
            if (s.given()) sector = parse_sector(vocab_key(s.text));
            auto it = m_new_agencies.find(key);
            if (it == m_new_agencies.end()) {
                // A warning, not an error: DESIGN §8.1 has --create-missing create any agency
                // BASE does not name, and near names are often two real bodies ('North CCG'
                // and 'North ICB'). But a typo must not pass silently as a new agency.
                if (const auto near = near_match(m_agencies, key))
                    warning(a, in_quotes(a.text) +
                                   " is not in BASE and is added as a new agency, but " +
                                   in_quotes(name_of(m_agencies, *near)) + " (" +
                                   id_of(m_agencies, *near) +
                                   ") is close: if it is that one, write its name or id");
                Agency ag;
                ag.name = a.text;
                ag.id = AgencyId(unique_id(slugify(fold_accents(a.text))));
                it = m_new_agencies.emplace(key, m_plan.agencies_added.size()).first;
                m_plan.agencies_added.push_back({std::move(ag), r.line});
                m_new_agency_sector_set.push_back(false);
                m_new_agency_sector_line.push_back(0);
            }
            const std::size_t k = it->second;
            if (!sector) continue;  // a bad sector is reported with the row
            Agency& ag = m_plan.agencies_added[k].value;
            if (!m_new_agency_sector_set[k]) {
                ag.sector = *sector;
                m_new_agency_sector_set[k] = true;
                m_new_agency_sector_line[k] = r.line;
            } else if (ag.sector != *sector) {
                error(s, "agency " + in_quotes(ag.name) + " is given sector " +
                             in_quotes(to_string(ag.sector)) + " on line " +
                             std::to_string(m_new_agency_sector_line[k]) + " and " +
                             in_quotes(to_string(*sector)) + " here");
            }
        }
        for (std::size_t k = 0; k < m_plan.agencies_added.size(); ++k) {
            if (m_new_agency_sector_set[k]) continue;
            const Sourced<Agency>& ag = m_plan.agencies_added[k];
            // Report at the agency cell of the first row naming it.
            for (const Row& r : m_rows) {
                if (r.line != ag.line) continue;
                const Cell& a = r.cells[c_agency];
                if (m_column_of[c_sector] == SIZE_MAX)
                    error(a, "no agency with the id or name " + in_quotes(a.text) +
                                 " in BASE; --create-missing needs a 'sector' column to create "
                                 "it (one of: " +
                                 join_names(sector_names()) + ")");
                else
                    error(a, "no agency with the id or name " + in_quotes(a.text) +
                                 " in BASE; --create-missing needs its sector: fill the sector "
                                 "cell on this row (one of: " +
                                 join_names(sector_names()) + ")");
                break;
            }
        }
    }

    void finish_agency_footprint(Agency& a) {
        const auto it = m_new_agency_footprint.find(a.id.value);
        if (it != m_new_agency_footprint.end()) a.footprint = it->second;
    }

    void add_to_new_agency_footprint(const std::string& agency_id, const Board& b) {
        if (!m_created_ids.count(agency_id)) return;
        auto& fp = m_new_agency_footprint[agency_id];
        for (const AreaId& area : b.footprint)
            if (std::find(fp.begin(), fp.end(), area) == fp.end()) fp.push_back(area);
    }

    /// An id not used in BASE nor by anything this sheet creates: `stem`, else stem-2, stem-3…
    std::string unique_id(const std::string& slug) {
        const std::string stem = slug.empty() ? std::string("agency") : slug;
        std::string id = stem;
        for (int n = 2; m_base.find(id) || m_created_ids.count(id); ++n)
            id = stem + "-" + std::to_string(n);
        m_created_ids.insert(id);
        return id;
    }

    /// True when BASE has something the cell could mean (an id of any type, an agency's name
    /// or case-folded id): such a cell is resolved or reported, never created.
    bool known_agency_text(const Cell& cell) const {
        const std::string key = fold(cell.text);
        return m_base.find(cell.text) || m_agencies.by_name.count(key) ||
               m_agencies.by_folded_id.count(key);
    }

    /// An agency cell: BASE's, or one this sheet creates. Reports the error otherwise.
    std::optional<Resolved> resolve_agency(const Cell& cell, std::string_view what) {
        if (!known_agency_text(cell)) {
            if (const auto it = m_new_agencies.find(fold(cell.text)); it != m_new_agencies.end()) {
                const Agency& a = m_plan.agencies_added[it->second].value;
                return Resolved{a.id.value, a.name};
            }
        }
        std::string_view hint;
        if (!m_options.create_missing && what == "agency")
            hint = " (add it to BASE, or run with --create-missing and a 'sector' column)";
        else if (m_options.create_missing && what == "represents")
            hint = " (--create-missing creates agencies named in the agency column)";
        return resolve(m_agencies, cell, what, false, hint);
    }

    // [SECTION] Vocabularies and dates

    template <class E>
    std::optional<E> vocabulary(const Cell& cell, std::optional<E> (*parse)(std::string_view),
                                std::span<const std::string_view> names, std::string_view what) {
        const std::string key = vocab_key(cell.text);
        if (auto v = parse(key)) return v;
        std::string msg = "unknown " + std::string(what) + " " + in_quotes(cell.text) +
                          "; expected one of: " + join_names(names);
        if (auto c = m_suggester.closest(key, names))
            msg += " (did you mean " + in_quotes(*c) + "?)";
        error(cell, std::move(msg));
        return std::nullopt;
    }

    /// A date cell; `bad` is set when the cell is given but not a date.
    std::optional<Date> date(const Cell& cell, bool& bad) {
        if (!cell.given()) return std::nullopt;
        if (auto d = Date::parse(cell.text)) return d;
        std::string msg = "expected a date as YYYY-MM-DD, got " + in_quotes(cell.text);
        if (const std::string why = iso_date_problem(cell.text); !why.empty())
            msg += ": " + why;
        else if (const std::string iso = iso_from_day_first(cell.text); !iso.empty())
            msg += " (did you mean " + iso + "?)";
        error(cell, std::move(msg));
        bad = true;
        return std::nullopt;
    }

    // [SECTION] People

    /// Finds or creates the row's person; nullopt after reporting an error.
    std::optional<std::size_t> person_for(const Row& r, const std::optional<Resolved>& agency,
                                          bool agency_failed) {
        const Cell& name = r.cells[c_person];
        const Cell& pid = r.cells[c_person_id];
        if (pid.given()) {
            const auto ref = m_base.find(pid.text);
            if (ref && ref->type == EntityType::person) {
                const std::size_t i = ref->index;  // BASE's people come first in m_people
                if (fold(m_people[i].name) != fold(name.text))
                    warning(name, "person_id " + in_quotes(pid.text) + " is " +
                                      in_quotes(m_people[i].name) + " in BASE, not " +
                                      in_quotes(name.text) + " (BASE's name is kept)");
                return i;
            }
            if (ref) {
                error(pid, in_quotes(pid.text) + " is the id of " + with_article(ref->type) +
                               ", not a person");
                return std::nullopt;
            }
            std::string msg = "no person with id " + in_quotes(pid.text) + " in BASE";
            std::vector<std::string_view> ids;
            ids.reserve(m_base.people.size());
            for (const Person& p : m_base.people) ids.push_back(p.id.value);
            if (auto c = m_suggester.closest(pid.text, ids))
                msg += "; did you mean " + in_quotes(*c) + "?";
            error(pid, msg + " (leave person_id empty to add a new person)");
            return std::nullopt;
        }
        if (agency_failed) return std::nullopt;  // cannot match by name + agency
        const std::string key = fold(name.text);
        std::vector<std::size_t> same_name;
        if (const auto it = m_people_by_name.find(key); it != m_people_by_name.end())
            same_name = it->second;
        std::vector<std::size_t> matches;
        for (const std::size_t i : same_name)
            if (!agency || m_people[i].agency == agency->id) matches.push_back(i);
        if (matches.size() == 1) return matches.front();
        if (matches.size() > 1) {
            std::string msg = in_quotes(name.text) + " matches " + std::to_string(matches.size()) +
                              " people" + (agency ? " at " + in_quotes(agency->name) : "") + ": ";
            for (std::size_t k = 0; k < matches.size(); ++k) {
                const PersonEntry& p = m_people[matches[k]];
                msg += std::string(k == 0                    ? ""
                                   : k + 1 == matches.size() ? " and "
                                                             : ", ") +
                       in_quotes(p.id) + (p.agency ? " (" + *p.agency + ")" : "");
            }
            error(name, msg + "; add a person_id column to say which");
            return std::nullopt;
        }
        // A new person.
        Person p;
        p.id = PersonId(unique_person_id(person_slug(name.text)));
        p.name = name.text;
        if (agency) p.agency = AgencyId(agency->id);
        if (!same_name.empty()) {
            const PersonEntry& other = m_people[same_name.front()];
            warning(name, "a person named " + in_quotes(other.name) + " already exists (" +
                              other.id + (other.agency ? ", at " + *other.agency : "") +
                              "); a new person " + p.id.value +
                              " is added at this agency (give person_id " + other.id +
                              " to use theirs)");
        }
        m_people_by_name[key].push_back(m_people.size());
        m_new_person_of_entry.emplace(m_people.size(), m_plan.people_added.size());
        m_people.push_back({p.id.value, p.name,
                            p.agency ? std::optional<std::string>(p.agency->value) : std::nullopt});
        m_plan.people_added.push_back({std::move(p), r.line});
        return m_people.size() - 1;
    }

    std::string unique_person_id(const std::string& stem) {
        std::string id = stem;
        for (int n = 2; m_base.find(id) || m_created_ids.count(id); ++n)
            id = stem + "-" + std::to_string(n);
        m_created_ids.insert(id);
        return id;
    }

    /// The first title given for a person wins; a later, different one is a warning. A new
    /// person gets it; an existing one is updated when it differs from BASE's.
    void apply_title(const Row& r, std::size_t entry) {
        const Cell& t = r.cells[c_title];
        if (!t.given()) return;
        const auto [first, inserted] = m_first_title.try_emplace(entry, t.text, r.line);
        if (!inserted) {
            if (first->second.first != t.text)
                warning(t, "title " + in_quotes(t.text) + " differs from " +
                               in_quotes(first->second.first) + " given on line " +
                               std::to_string(first->second.second) + " (the first is kept)");
            return;
        }
        if (const auto nit = m_new_person_of_entry.find(entry);
            nit != m_new_person_of_entry.end()) {
            m_plan.people_added[nit->second].value.title = t.text;
            return;
        }
        const Person& before = m_base.people[entry];
        if (before.title == t.text) return;
        PersonUpdate u;
        u.index = entry;
        u.before = before;
        u.after = before;
        u.after.title = t.text;
        u.line = r.line;
        m_plan.people_updated.push_back(std::move(u));
    }

    // [SECTION] One row

    void plan_row(const Row& r) {
        const Cell& name = r.cells[c_person];
        const Cell& board_cell = r.cells[c_board];
        bool bad = false;
        if (!name.given()) {
            error(name, "missing person name (the person column is required on every row)");
            bad = true;
        }
        std::optional<Resolved> board;
        if (!board_cell.given()) {
            error(board_cell, "missing board (the board column is required on every row)");
            bad = true;
        } else if (!(board = resolve(m_boards, board_cell, "board"))) {
            bad = true;
        }
        std::optional<Resolved> agency, represents;
        bool agency_failed = false;
        if (r.cells[c_agency].given() && !(agency = resolve_agency(r.cells[c_agency], "agency")))
            agency_failed = bad = true;
        if (r.cells[c_represents].given() &&
            !(represents = resolve_agency(r.cells[c_represents], "represents")))
            bad = true;
        std::optional<Role> role;
        std::optional<Seniority> seniority;
        std::optional<Attendance> attendance;
        if (r.cells[c_role].given() &&
            !(role = vocabulary(r.cells[c_role], parse_role, role_names(), "role")))
            bad = true;
        if (r.cells[c_seniority].given() &&
            !(seniority = vocabulary(r.cells[c_seniority], parse_seniority, seniority_names(),
                                     "seniority")))
            bad = true;
        if (r.cells[c_attendance].given() &&
            !(attendance = vocabulary(r.cells[c_attendance], parse_attendance, attendance_names(),
                                      "attendance")))
            bad = true;
        if (r.cells[c_sector].given()) check_sector(r, agency);
        const auto from = date(r.cells[c_from], bad);
        const auto until = date(r.cells[c_until], bad);
        if (from && until && !(*from < *until)) {
            error(r.cells[c_until], "until (" + until->str() + ") must be after from (" +
                                        from->str() +
                                        "): until is the first day no longer on "
                                        "the board");
            bad = true;
        }
        if (!name.given()) return;
        const auto person = person_for(r, agency, agency_failed);
        if (!person) return;
        apply_title(r, *person);
        if (bad || !board) return;

        const PersonEntry& p = m_people[*person];
        const Board& b = m_base.boards[*m_base.find_board(BoardId(board->id))];
        // The seat represents the represents cell, else the agency cell, else the person's
        // agency; it is written only where it differs from the person's agency.
        std::optional<std::string> rep = represents ? std::optional(represents->id)
                                         : agency   ? std::optional(agency->id)
                                                    : std::nullopt;
        if (rep) add_to_new_agency_footprint(*rep, b);
        if (agency) add_to_new_agency_footprint(agency->id, b);

        const SeatKey key{p.id, b.id.value, from ? from->str() : ""};
        if (const auto seen = m_sheet_seats.find(key); seen != m_sheet_seats.end()) {
            error(name, "the same seat as line " + std::to_string(seen->second) + ": " + p.name +
                            " on " + b.name + (from ? " from " + from->str() : "") +
                            " (a seat is identified by person + board + from)");
            return;
        }
        m_sheet_seats.emplace(key, r.line);

        const auto existing = m_base_seats.find(key);
        if (existing == m_base_seats.end()) {
            Membership m;
            m.person = PersonId(p.id);
            m.board = b.id;
            if (rep && rep != p.agency) m.represents = AgencyId(*rep);
            m.role = role.value_or(Role::member);
            m.seniority = seniority.value_or(Seniority::unknown);
            m.attendance = attendance.value_or(Attendance::unknown);
            m.from = from;
            m.until = until;
            if (r.cells[c_source].given()) m.source = r.cells[c_source].text;
            warn_other_seats(r, p, b, key.from);
            m_plan.seats_added.push_back({std::move(m), r.line});
            return;
        }
        const Membership& before = m_base.memberships[existing->second];
        Membership after = before;
        if (role) after.role = *role;
        if (seniority) after.seniority = *seniority;
        if (attendance) after.attendance = *attendance;
        if (until) after.until = until;
        if (r.cells[c_source].given()) after.source = r.cells[c_source].text;
        if (rep) {
            const std::optional<std::string> effective =
                before.represents ? std::optional(before.represents->value) : p.agency;
            if (effective != rep)
                after.represents = rep == p.agency ? std::nullopt : std::optional(AgencyId(*rep));
        }
        if (same_seat_fields(before, after)) {
            ++m_plan.seats_unchanged;
            return;
        }
        m_plan.seats_updated.push_back({existing->second, before, std::move(after), r.line});
    }

    static bool same_seat_fields(const Membership& a, const Membership& b) {
        return a.represents == b.represents && a.role == b.role && a.seniority == b.seniority &&
               a.attendance == b.attendance && a.until == b.until && a.source == b.source;
    }

    /// A new seat next to another seat of the same person on the same board with a different
    /// `from` is usually a missing or mistyped from: say so (the contract keys seats by from).
    void warn_other_seats(const Row& r, const PersonEntry& p, const Board& b,
                          const std::string& from) {
        const auto it = m_seat_froms.find(p.id + '\n' + b.id.value);
        if (it == m_seat_froms.end()) return;
        for (const std::string& other : it->second) {
            if (other == from) continue;
            warning(r.cells[c_from].line ? r.cells[c_from] : r.cells[c_person],
                    p.name + " already has a seat on " + b.name + " in BASE " +
                        (other.empty() ? std::string("with no from date") : "from " + other) +
                        "; this row (" + (from.empty() ? std::string("no from") : "from " + from) +
                        ") adds another seat; give the same from to update that one instead");
            return;
        }
    }

    void check_sector(const Row& r, const std::optional<Resolved>& agency) {
        const Cell& s = r.cells[c_sector];
        const auto sector = vocabulary(s, parse_sector, sector_names(), "sector");
        if (!sector || !agency) return;
        if (const auto i = m_base.find_agency(AgencyId(agency->id))) {
            const Agency& a = m_base.agencies[*i];
            if (a.sector != *sector)
                warning(s, "sector " + in_quotes(s.text) + " ignored: " + a.name + " (" +
                               a.id.value + ") is " + std::string(to_string(a.sector)) +
                               " in BASE");
        }
    }

    const Dataset& m_base;
    const MembersOptions& m_options;
    MembersPlan m_plan;
    Suggester m_suggester;
    std::unordered_map<std::string, std::optional<std::size_t>> m_suggestions;
    // "what\ntext" → the resolution and, when it failed, its message.
    std::unordered_map<std::string, std::pair<std::optional<Resolved>, std::string>> m_resolved;

    std::array<std::size_t, c_count> m_column_of{};
    std::size_t m_header_width = 0;
    std::vector<Row> m_rows;

    TypeIndex m_boards, m_agencies;
    std::vector<PersonEntry> m_people;  // BASE's people (same indices) then new ones
    std::unordered_map<std::string, std::vector<std::size_t>> m_people_by_name;
    std::unordered_map<std::size_t, std::size_t> m_new_person_of_entry;          // → people_added
    std::unordered_map<std::size_t, std::pair<std::string, int>> m_first_title;  // text, line
    std::map<SeatKey, std::size_t> m_base_seats;
    std::unordered_map<std::string, std::vector<std::string>> m_seat_froms;
    std::map<SeatKey, int> m_sheet_seats;

    std::unordered_map<std::string, std::size_t> m_new_agencies;  // fold(name) → agencies_added
    std::vector<bool> m_new_agency_sector_set;
    std::vector<int> m_new_agency_sector_line;
    std::unordered_map<std::string, std::vector<AreaId>> m_new_agency_footprint;
    std::unordered_set<std::string> m_created_ids;
};

}  // namespace

MembersPlan plan_members_import(const Dataset& base, std::string_view sheet_bytes,
                                std::string_view sheet_name, const MembersOptions& options) {
    return Planner(base, sheet_name, options).run(sheet_bytes);
}

// [SECTION] Describing changes

namespace {
template <class T>
std::string text_of(const std::optional<T>& v) {
    if (!v) return "(none)";
    if constexpr (std::is_same_v<T, Date>)
        return v->str();
    else if constexpr (std::is_same_v<T, std::string>)
        return "'" + *v + "'";
    else
        return v->value;
}
void change(std::vector<std::string>& out, const char* field, const std::string& a,
            const std::string& b) {
    if (a != b) out.push_back(std::string(field) + ": " + a + " -> " + b);
}
}  // namespace

std::vector<std::string> describe_changes(const SeatUpdate& u) {
    std::vector<std::string> out;
    const Membership& a = u.before;
    const Membership& b = u.after;
    change(out, "role", std::string(to_string(a.role)), std::string(to_string(b.role)));
    change(out, "represents", text_of(a.represents), text_of(b.represents));
    change(out, "seniority", std::string(to_string(a.seniority)),
           std::string(to_string(b.seniority)));
    change(out, "attendance", std::string(to_string(a.attendance)),
           std::string(to_string(b.attendance)));
    change(out, "until", text_of(a.until), text_of(b.until));
    change(out, "source", text_of(a.source), text_of(b.source));
    return out;
}

std::vector<std::string> describe_changes(const PersonUpdate& u) {
    std::vector<std::string> out;
    change(out, "title", text_of(u.before.title), text_of(u.after.title));
    return out;
}

// [SECTION] The edit

namespace {
void refuse_errors(const MembersPlan& plan) {
    if (plan.ok()) return;
    std::vector<std::string> problems;
    for (const auto& d : plan.diagnostics)
        if (d.severity == Severity::error)
            problems.push_back(format_sheet_diagnostic(plan.sheet, d));
    throw EditError(std::move(problems));
}
}  // namespace

std::optional<Meta> meta_after_import(const Dataset& base, const MembersPlan& plan) {
    if (plan.people_added.empty() && plan.seats_added.empty()) return std::nullopt;
    Meta m = base.meta;
    bool changed = false;
    if (m.description) {
        const std::size_t at = m.description->find(k_no_people_sentence);
        if (at != std::string::npos) {
            m.description->replace(at, k_no_people_sentence.size(),
                                   "People and seats were added from members sheets (see sources).");
            changed = true;
        }
    }
    // The file name only: a path would put this machine's folders into a shared file.
    const std::string source =
        "Members: " + std::filesystem::path(plan.sheet).filename().string() + " (boardscape import-members)";
    if (std::find(m.sources.begin(), m.sources.end(), source) == m.sources.end()) {
        m.sources.push_back(source);
        changed = true;
    }
    if (!changed) return std::nullopt;
    return m;
}

Edit members_edit(const Dataset& base, const MembersPlan& plan) {
    refuse_errors(plan);
    Compound c;
    c.edits.reserve(plan.agencies_added.size() + plan.people_added.size() +
                    plan.people_updated.size() + plan.seats_updated.size() +
                    plan.seats_added.size());
    // Replacements first, at BASE's indices; every insertion goes to the end, so no index
    // shifts under another.
    for (const auto& u : plan.people_updated)
        c.edits.push_back({edit::ReplaceEntity{u.after, u.index}, {}});
    for (const auto& u : plan.seats_updated)
        c.edits.push_back({edit::ReplaceMembership{u.after, u.index}, {}});
    std::size_t at = base.agencies.size();
    for (const auto& a : plan.agencies_added)
        c.edits.push_back({edit::InsertEntity{a.value, at++}, {}});
    at = base.people.size();
    for (const auto& p : plan.people_added)
        c.edits.push_back({edit::InsertEntity{p.value, at++}, {}});
    at = base.memberships.size();
    for (const auto& s : plan.seats_added)
        c.edits.push_back({edit::InsertMembership{s.value, at++}, {}});
    if (auto meta = meta_after_import(base, plan)) c.edits.push_back({edit::SetMeta{std::move(*meta)}, {}});
    return {std::move(c), "import members from " + plan.sheet};
}

Dataset apply_members_plan(const Dataset& base, const MembersPlan& plan) {
    refuse_errors(plan);
    Dataset d = base;
    // The order of members_edit: replacements at BASE's indices, then appends.
    for (const auto& u : plan.people_updated) d.people[u.index] = u.after;
    for (const auto& u : plan.seats_updated) d.memberships[u.index] = u.after;
    d.agencies.reserve(d.agencies.size() + plan.agencies_added.size());
    for (const auto& a : plan.agencies_added) d.agencies.push_back(a.value);
    d.people.reserve(d.people.size() + plan.people_added.size());
    for (const auto& p : plan.people_added) d.people.push_back(p.value);
    d.memberships.reserve(d.memberships.size() + plan.seats_added.size());
    for (const auto& s : plan.seats_added) d.memberships.push_back(s.value);
    if (auto meta = meta_after_import(base, plan)) d.meta = std::move(*meta);
    d.reindex();
    return d;
}

}  // namespace boardscape::import
