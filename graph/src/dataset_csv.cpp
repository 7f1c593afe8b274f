// The dataset as a folder of CSV files and back. See dataset_csv.hpp for the conventions.
#include "boardscape/dataset_csv.hpp"

#include "boardscape/atomic_write.hpp"
#include "boardscape/import/csv.hpp"
#include "boardscape/suggest.hpp"
#include "json_internal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <tuple>

namespace boardscape {

// [SECTION] Tables

namespace {

using detail::Json;

enum class CellType { text, number, list };

struct ColumnSpec {
    const char* name;
    CellType type = CellType::text;
    bool required = false;
};

struct TableSpec {
    const char* file;
    const char* array;  // the JSON array it becomes
    std::vector<ColumnSpec> columns;
};

/// Columns are the JSON field names in the format's order (DESIGN §3); `required` as there.
const std::array<TableSpec, 6>& table_specs() {
    static const std::array<TableSpec, 6> specs = {{
        {"areas.csv",
         "areas",
         {{"id", CellType::text, true},
          {"name", CellType::text, true},
          {"kind"},
          {"parent"},
          {"code"},
          {"population", CellType::number}}},
        {"agencies.csv",
         "agencies",
         {{"id", CellType::text, true},
          {"name", CellType::text, true},
          {"sector", CellType::text, true},
          {"footprint", CellType::list, true}}},
        {"boards.csv",
         "boards",
         {{"id", CellType::text, true},
          {"name", CellType::text, true},
          {"kind", CellType::text, true},
          {"footprint", CellType::list, true},
          {"parent"},
          {"meetings_per_year", CellType::number, true},
          {"meeting_hours", CellType::number, true},
          {"from"},
          {"until"},
          {"successor"}}},
        {"people.csv",
         "people",
         {{"id", CellType::text, true}, {"name", CellType::text, true}, {"agency"}, {"title"}}},
        {"memberships.csv",
         "memberships",
         {{"person", CellType::text, true},
          {"board", CellType::text, true},
          {"represents"},
          {"role", CellType::text, true},
          {"seniority"},
          {"attendance"},
          {"from"},
          {"until"},
          {"source"}}},
        {"relations.csv",
         "relations",
         {{"from", CellType::text, true},
          {"to", CellType::text, true},
          {"kind", CellType::text, true},
          {"note"}}},
    }};
    return specs;
}

// [SECTION] Writing

/// A value as the JSON writer prints it: whole numbers without ".0", others in the shortest
/// form that reads back as the same double.
std::string number_text(double v) {
    if (!std::isfinite(v)) throw std::invalid_argument("cannot write a non-finite number");
    if (v == std::trunc(v) && std::fabs(v) < 9.0e15)
        return std::to_string(static_cast<std::int64_t>(v));
    return Json(v).dump();
}

bool needs_apostrophe(std::string_view s) {
    return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\'');
}

void append_cell(std::string& out, const std::optional<std::string>& value, CellType type) {
    if (!value) return;  // absent: an empty, unquoted cell
    std::string text = *value;
    if (type != CellType::number && needs_apostrophe(text)) text.insert(0, 1, '\'');
    // ';' needs no quotes: the reader decides the separator from the header line alone.
    const bool quote = text.empty() || text.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

using Cells = std::vector<std::optional<std::string>>;

template <class T>
std::string table_text(const TableSpec& spec, const std::vector<T>& items,
                       Cells (*cells_of)(const T&)) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel reads the file as UTF-8
    for (std::size_t i = 0; i < spec.columns.size(); ++i)
        out += std::string(i ? "," : "") + spec.columns[i].name;
    out += '\n';
    for (const T& item : items) {
        const Cells cells = cells_of(item);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            append_cell(out, cells[i], spec.columns[i].type);
        }
        out += '\n';
    }
    return out;
}

template <class T>
std::optional<std::string> opt(const std::optional<T>& v) {
    if (!v) return std::nullopt;
    if constexpr (std::is_same_v<T, std::string>)
        return *v;
    else if constexpr (std::is_same_v<T, Date>)
        return v->str();
    else if constexpr (std::is_same_v<T, double>)
        return number_text(*v);
    else
        return v->value;  // an id
}

std::string list_text(const std::vector<AreaId>& ids) {
    std::string out;
    for (const AreaId& id : ids) {
        if (id.value.find(';') != std::string::npos)
            throw std::invalid_argument("cannot export to CSV: area id '" + id.value +
                                        "' contains ';', the list separator");
        out += (out.empty() ? "" : ";") + id.value;
    }
    return out;
}

Cells area_cells(const Area& a) {
    return {a.id.value, a.name, opt(a.kind), opt(a.parent), opt(a.code), opt(a.population)};
}
Cells agency_cells(const Agency& a) {
    return {a.id.value, a.name, std::string(to_string(a.sector)), list_text(a.footprint)};
}
Cells board_cells(const Board& b) {
    return {b.id.value,
            b.name,
            std::string(to_string(b.kind)),
            list_text(b.footprint),
            opt(b.parent),
            number_text(b.meetings_per_year),
            number_text(b.meeting_hours),
            opt(b.from),
            opt(b.until),
            opt(b.successor)};
}
Cells person_cells(const Person& p) { return {p.id.value, p.name, opt(p.agency), opt(p.title)}; }
Cells membership_cells(const Membership& m) {
    // "unknown" is what absence means, so it stays empty as in the canonical JSON.
    auto vocab = [](auto v, auto unknown) -> std::optional<std::string> {
        if (v == unknown) return std::nullopt;
        return std::string(to_string(v));
    };
    return {m.person.value,
            m.board.value,
            opt(m.represents),
            std::string(to_string(m.role)),
            vocab(m.seniority, Seniority::unknown),
            vocab(m.attendance, Attendance::unknown),
            opt(m.from),
            opt(m.until),
            opt(m.source)};
}
Cells relation_cells(const Relation& r) {
    return {r.from.value, r.to.value, std::string(to_string(r.kind)), opt(r.note)};
}

const char* const k_entity_keys[] = {"areas",  "agencies",    "boards",
                                     "people", "memberships", "relations"};

/// Everything but the entity arrays, as the canonical writer prints it.
std::string meta_text(const Dataset& d) {
    Dataset rest;
    rest.meta = d.meta;
    rest.layout = d.layout;
    rest.views_json = d.views_json;
    const detail::ParsedJson parsed = detail::parse_json_text(dataset_to_json_text(rest));
    Json root = parsed.root().to_json();
    for (const char* key : k_entity_keys) root.erase(key);
    return detail::write_pretty(root);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> dataset_to_csv_files(const Dataset& d) {
    const auto& s = table_specs();
    return {
        {s[0].file, table_text<Area>(s[0], d.areas, area_cells)},
        {s[1].file, table_text<Agency>(s[1], d.agencies, agency_cells)},
        {s[2].file, table_text<Board>(s[2], d.boards, board_cells)},
        {s[3].file, table_text<Person>(s[3], d.people, person_cells)},
        {s[4].file, table_text<Membership>(s[4], d.memberships, membership_cells)},
        {s[5].file, table_text<Relation>(s[5], d.relations, relation_cells)},
        {dataset_csv_meta_file, meta_text(d)},
    };
}

void write_dataset_csv_dir(const Dataset& d, const std::filesystem::path& dir) {
    const auto files = dataset_to_csv_files(d);  // may throw before anything is written
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw WriteError(dir, ec.message());
    if (!std::filesystem::is_directory(dir)) throw WriteError(dir, "not a directory");
    for (const auto& [name, text] : files) write_file_atomically(dir / name, text);
}

// [SECTION] Reading

std::string format_file_diagnostic(const FileDiagnostic& d) {
    return format_diagnostic(d.file, d.diagnostic);
}

CsvDatasetError::CsvDatasetError(std::vector<FileDiagnostic> diagnostics)
    : std::runtime_error(diagnostics.empty() ? std::string("invalid CSV dataset")
                                             : format_file_diagnostic(diagnostics.front())),
      m_diagnostics(std::move(diagnostics)) {}

namespace {

/// Where each element of one entity array came from.
struct TablePlace {
    std::string file;
    std::vector<std::string> header_names;  // the spec column of each header index ("" unknown)
    struct RowPlace {
        int line = 0;
        std::vector<int> columns;  // per spec column: the cell's column, 0 when absent
    };
    std::vector<RowPlace> rows;
};

class CsvReader {
public:
    CsvReader(const std::map<std::string, std::string>& files, std::filesystem::path dir)
        : m_files(files), m_dir(std::move(dir)) {}

    CsvLoadResult run() {
        bool any = false;
        Json root = Json::object();
        if (const auto it = m_files.find(dataset_csv_meta_file); it != m_files.end()) {
            any = true;
            read_meta(it->second, root);
        } else {
            detail::append_member(root, "format", Json("boardscape"));
            detail::append_member(root, "version", Json(1));
        }
        const auto& specs = table_specs();
        for (std::size_t t = 0; t < specs.size(); ++t) {
            const auto it = m_files.find(specs[t].file);
            Json array = Json::array();
            if (it != m_files.end()) {
                any = true;
                read_table(specs[t], t, it->second, array);
            }
            root[specs[t].array] = std::move(array);
        }
        if (!any) {
            std::string names;
            for (const char* f : dataset_csv_files) names += std::string(f) + ", ";
            io_error(m_dir.string(), "cannot read: no " + names + "or " + dataset_csv_meta_file +
                                         " here (a folder written by 'boardscape export --to "
                                         "csv')");
        }
        if (m_fatal) throw CsvDatasetError(std::move(m_errors));
        return validate(root);
    }

private:
    std::string path_of(const std::string& name) const { return (m_dir / name).string(); }

    void io_error(std::string file, std::string message) {
        Diagnostic d;
        d.io = true;
        d.message = std::move(message);
        m_errors.push_back({std::move(file), std::move(d)});
        m_fatal = true;
    }
    void at(std::vector<FileDiagnostic>& out, Severity sev, const std::string& file, int line,
            int column, std::string message) {
        Diagnostic d;
        d.severity = sev;
        d.line = line;
        d.column = column;
        d.message = std::move(message);
        out.push_back({file, std::move(d)});
    }

    void read_meta(const std::string& text, Json& root) {
        const std::string file = path_of(dataset_csv_meta_file);
        detail::ParsedJson parsed = detail::parse_json_text(text);
        if (parsed.error) {
            m_errors.push_back({file, *parsed.error});
            m_fatal = true;
            return;
        }
        if (!parsed.root().is_object()) {
            Diagnostic d;
            d.message = "expected a JSON object (format, version, meta, layout, views)";
            m_errors.push_back({file, d});
            m_fatal = true;
            return;
        }
        root = parsed.root().to_json();
        for (const char* key : k_entity_keys) {
            if (!root.contains(key)) continue;
            root.erase(key);
            Diagnostic d;
            d.severity = Severity::warning;
            d.pointer = std::string("/") + key;
            d.message = std::string("ignored: the ") + key + " come from " + key + ".csv";
            m_warnings.push_back({file, d});
        }
    }

    void read_table(const TableSpec& spec, std::size_t t, const std::string& bytes, Json& out) {
        const std::string file = path_of(spec.file);
        TablePlace& place = m_places[t];
        place.file = file;
        import::CsvTable table;
        try {
            import::CsvOptions co;
            co.delimiter = 0;  // a spreadsheet in a comma-decimal locale saves ';'
            co.nul_is_error = true;
            table = import::parse_csv(bytes, file, co);
        } catch (const import::ImportError& e) {
            at(m_errors, Severity::error, file, std::max(e.line(), 1), std::max(e.column(), 1),
               e.message());
            m_fatal = true;
            return;
        }
        std::vector<std::string_view> names;
        for (const auto& c : spec.columns) names.emplace_back(c.name);
        std::vector<std::size_t> header_of(spec.columns.size(), SIZE_MAX);
        for (std::size_t h = 0; h < table.header.size(); ++h) {
            const import::CsvCell& cell = table.header[h];
            const auto it = std::find(names.begin(), names.end(), cell.text);
            if (it == names.end()) {
                if (cell.text.empty()) continue;
                std::string msg = "unknown column '" + cell.text + "' (ignored)";
                if (auto c = m_suggester.closest(cell.text, names))
                    msg += "; did you mean '" + *c + "'?";
                at(m_warnings, Severity::warning, file, cell.line, cell.column, msg);
                continue;
            }
            const auto k = static_cast<std::size_t>(it - names.begin());
            if (header_of[k] != SIZE_MAX) {
                at(m_errors, Severity::error, file, cell.line, cell.column,
                   "column '" + cell.text + "' appears twice");
                m_fatal = true;
                continue;
            }
            header_of[k] = h;
        }
        for (std::size_t k = 0; k < spec.columns.size(); ++k) {
            if (!spec.columns[k].required || header_of[k] != SIZE_MAX) continue;
            at(m_errors, Severity::error, file, 1, 1,
               std::string("the header has no '") + spec.columns[k].name +
                   "' column (required in " + spec.file + ")");
            m_fatal = true;
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const import::CsvRow& row = table.rows[r];
            TablePlace::RowPlace rp;
            rp.line = row.line;
            rp.columns.assign(spec.columns.size(), 0);
            Json obj = Json::object();
            for (std::size_t k = 0; k < spec.columns.size(); ++k) {
                if (header_of[k] == SIZE_MAX) continue;
                const import::CsvCell& cell = table.cell(row, header_of[k]);
                rp.columns[k] = cell.column;
                if (cell.text.empty() && !cell.quoted) continue;  // absent
                detail::append_member(obj, spec.columns[k].name, cell_value(spec, t, r, k, cell));
            }
            out.push_back(std::move(obj));
            place.rows.push_back(std::move(rp));
        }
    }

    Json cell_value(const TableSpec& spec, std::size_t t, std::size_t r, std::size_t k,
                    const import::CsvCell& cell) {
        const ColumnSpec& col = spec.columns[k];
        if (col.type == CellType::number) {
            const detail::ParsedJson n = detail::parse_json_text(cell.text);
            if (!n.error && n.root().is_number()) return n.root().to_json();
            at(m_errors, Severity::error, path_of(spec.file), cell.line, cell.column,
               "expected a number in column '" + std::string(col.name) + "', got '" +
                   detail::printable(cell.text) + "'");
            // The validator would repeat it as "expected a number, got a string".
            m_reported.insert(pointer(spec, r, k));
            (void)t;
            return Json(cell.text);
        }
        if (col.type == CellType::list) {
            Json items = Json::array();
            std::size_t start = 0;
            while (true) {
                const std::size_t end = cell.text.find(';', start);
                items.push_back(cell.text.substr(start, end - start));
                if (end == std::string::npos) break;
                start = end + 1;
            }
            if (cell.text.empty()) items = Json::array();  // `""`: an empty list
            return items;
        }
        std::string text = cell.text;
        if (!text.empty() && text[0] == '\'') text.erase(0, 1);  // a formula guard
        return Json(std::move(text));
    }

    static std::string pointer(const TableSpec& spec, std::size_t r, std::size_t k) {
        return std::string("/") + spec.array + "/" + std::to_string(r) + "/" + spec.columns[k].name;
    }

    /// A validator diagnostic moved to the CSV cell (or row) it came from.
    FileDiagnostic locate(const Diagnostic& d) const {
        const auto& specs = table_specs();
        // "/agencies/3/footprint/1" → "agencies", 3, "footprint".
        std::vector<std::string> tokens;
        std::size_t pos = 1;
        while (!d.pointer.empty() && pos <= d.pointer.size()) {
            const std::size_t next = d.pointer.find('/', pos);
            tokens.push_back(d.pointer.substr(pos, next - pos));
            if (next == std::string::npos) break;
            pos = next + 1;
        }
        for (std::size_t t = 0; t < specs.size() && tokens.size() >= 2; ++t) {
            if (tokens[0] != specs[t].array) continue;
            const TablePlace& place = m_places[t];
            std::size_t r = 0;
            try {
                r = std::stoul(tokens[1]);
            } catch (...) {
                break;
            }
            if (r >= place.rows.size()) break;
            const auto& rp = place.rows[r];
            int column = 1;
            std::string field;
            if (tokens.size() >= 3) {
                for (std::size_t k = 0; k < specs[t].columns.size(); ++k)
                    if (tokens[2] == specs[t].columns[k].name && rp.columns[k] > 0)
                        column = rp.columns[k];
                field = tokens[2];
            }
            Diagnostic out = d;
            out.pointer.clear();
            out.line = rp.line;
            out.column = column;
            // Name the column unless the message already does ("unknown sector …").
            if (!field.empty() && d.message.find(field) == std::string::npos)
                out.message = field + ": " + out.message;
            return {place.file, std::move(out)};
        }
        return {path_of(dataset_csv_meta_file), d};
    }

    /// In the order of the files (areas.csv … relations.csv, meta.json), then by position.
    std::vector<FileDiagnostic> sorted(std::vector<FileDiagnostic> v) const {
        auto rank = [&](const std::string& file) {
            for (std::size_t t = 0; t < m_places.size(); ++t)
                if (file == path_of(table_specs()[t].file)) return t;
            return m_places.size();
        };
        std::stable_sort(v.begin(), v.end(), [&](const FileDiagnostic& a, const FileDiagnostic& b) {
            return std::make_tuple(rank(a.file), a.diagnostic.line, a.diagnostic.column) <
                   std::make_tuple(rank(b.file), b.diagnostic.line, b.diagnostic.column);
        });
        return v;
    }

    bool already_reported(const Diagnostic& d) const {
        for (const auto& p : m_reported)
            if (d.pointer == p || d.pointer.rfind(p + "/", 0) == 0) return true;
        return false;
    }

    CsvLoadResult validate(const Json& root) {
        CsvLoadResult result;
        try {
            LoadResult lr = parse_dataset(root.dump(), "csv");
            result.dataset = std::move(lr.dataset);
            for (const auto& w : lr.warnings) m_warnings.push_back(locate(w));
        } catch (const LoadError& e) {
            for (const auto& d : e.diagnostics())
                if (!already_reported(d)) m_errors.push_back(locate(d));
        }
        if (!m_errors.empty()) throw CsvDatasetError(sorted(std::move(m_errors)));
        result.warnings = sorted(std::move(m_warnings));
        return result;
    }

    const std::map<std::string, std::string>& m_files;
    std::filesystem::path m_dir;
    std::array<TablePlace, 6> m_places;
    std::vector<FileDiagnostic> m_errors;
    std::vector<FileDiagnostic> m_warnings;
    std::set<std::string> m_reported;
    bool m_fatal = false;  // a problem that stops before validation (syntax, missing columns)
    Suggester m_suggester;
};

}  // namespace

CsvLoadResult dataset_from_csv_files(const std::map<std::string, std::string>& files,
                                     const std::filesystem::path& dir) {
    return CsvReader(files, dir).run();
}

CsvLoadResult read_dataset_csv_dir(const std::filesystem::path& dir) {
    auto fail = [&](const std::string& file, const std::string& reason) {
        Diagnostic d;
        d.io = true;
        d.message = "cannot read: " + reason;
        throw CsvDatasetError({{file, d}});
    };
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        fail(dir.string(),
             std::filesystem::exists(dir, ec) ? "not a directory" : "no such directory");
    std::map<std::string, std::string> files;
    std::vector<std::string> names(std::begin(dataset_csv_files), std::end(dataset_csv_files));
    names.emplace_back(dataset_csv_meta_file);
    for (const std::string& name : names) {
        const std::filesystem::path p = dir / name;
        if (!std::filesystem::exists(p, ec)) continue;
        const auto size = std::filesystem::file_size(p, ec);
        if (!ec && size > max_file_bytes)
            fail(p.string(), "file is larger than " +
                                 std::to_string(max_file_bytes / (1024u * 1024u)) + " MiB");
        std::ifstream in(p, std::ios::binary);
        if (!in) fail(p.string(), "not readable");
        std::ostringstream ss;
        ss << in.rdbuf();
        if (in.bad()) fail(p.string(), "I/O error");
        files.emplace(name, ss.str());
    }
    return dataset_from_csv_files(files, dir);
}

}  // namespace boardscape
