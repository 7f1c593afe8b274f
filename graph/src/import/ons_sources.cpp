// Choosing input tables for the ONS importer, the built-in joint boards, default cadences and
// naming helpers (see ons_import.hpp).
#include "boardscape/import/ons_import.hpp"
#include "boardscape/joint_boards_csv.hpp"  // generated from datasets/joint-boards.csv

#include <algorithm>
#include <cctype>

namespace boardscape::import {

std::string_view to_string(TableRole r) {
    switch (r) {
        case TableRole::tiers: return "LTLA → UTLA";
        case TableRole::county_tiers: return "LAD → county";
        case TableRole::csp: return "LAD → CSP → PFA";
        case TableRole::health: return "LAD × health commissioner (LSOA counts)";
        case TableRole::nhs_areas: return "CCG → NHS England area team";
        case TableRole::probation: return "police force area → probation region";
        case TableRole::district_chain: return "district codes across vintages";
    }
    return "?";
}

// [SECTION] Classifying tables

namespace {
bool has(const std::vector<OnsColumn>& cols, OnsEntity e, OnsField f) {
    return find_column(cols, e, f) != nullptr;
}
bool has_commissioner(const std::vector<OnsColumn>& cols) {
    return has(cols, OnsEntity::icb, OnsField::code) || has(cols, OnsEntity::ccg, OnsField::code) ||
           has(cols, OnsEntity::sub_icb, OnsField::code);
}
}  // namespace

std::optional<TableRole> classify_columns(const std::vector<OnsColumn>& cols,
                                          std::optional<int>& vintage) {
    vintage.reset();
    for (const auto& c : cols)
        if (c.year && c.entity != OnsEntity::lsoa && c.entity != OnsEntity::other)
            vintage = std::max(vintage.value_or(0), *c.year);

    int district_codes = 0;
    for (const auto& c : cols)
        if (c.entity == OnsEntity::district && c.field == OnsField::code) ++district_codes;
    // Tables chaining several vintages of districts (LAD16 → … → LAD24) carry codes forward.
    if (district_codes > 1) return TableRole::district_chain;
    const bool district = district_codes == 1;

    if (district && has_commissioner(cols) && has(cols, OnsEntity::lsoa, OnsField::count))
        return TableRole::health;
    if (district && has(cols, OnsEntity::csp, OnsField::code) &&
        has(cols, OnsEntity::police_area, OnsField::code))
        return TableRole::csp;
    if (has(cols, OnsEntity::ccg, OnsField::code) && has(cols, OnsEntity::nhs_area_team, OnsField::code))
        return TableRole::nhs_areas;
    if (has(cols, OnsEntity::probation_region, OnsField::name) &&
        (has(cols, OnsEntity::police_area, OnsField::name) ||
         has(cols, OnsEntity::police_area, OnsField::id)))
        return TableRole::probation;
    if (district && has(cols, OnsEntity::upper_tier, OnsField::code)) return TableRole::tiers;
    if (district && has(cols, OnsEntity::county, OnsField::code)) return TableRole::county_tiers;
    return std::nullopt;
}

// [SECTION] Discovering tables in a folder

namespace {
struct Candidate {
    std::filesystem::path path;
    std::optional<int> vintage;
    bool ccg_commissioners = false;
};

/// Newest vintage ≤ year, else oldest after it; undated tables only when nothing is dated.
const Candidate* pick(const std::vector<Candidate>& cands, int year) {
    const Candidate* best_before = nullptr;
    const Candidate* best_after = nullptr;
    const Candidate* undated = nullptr;
    for (const auto& c : cands) {
        if (!c.vintage) {
            if (!undated) undated = &c;
        } else if (*c.vintage <= year) {
            if (!best_before || *c.vintage > *best_before->vintage) best_before = &c;
        } else if (!best_after || *c.vintage < *best_after->vintage) {
            best_after = &c;
        }
    }
    if (best_before) return best_before;
    if (best_after) return best_after;
    return undated;
}

std::string describe(const Candidate& c, int year) {
    std::string s = c.path.filename().string();
    if (!c.vintage) return s + " (undated)";
    s += " (vintage " + std::to_string(*c.vintage);
    if (*c.vintage > year) s += ", the earliest available: none is as old as " + std::to_string(year);
    return s + ")";
}
}  // namespace

ImportSources discover_sources(const std::filesystem::path& dir, int year,
                               std::vector<std::string>& notes) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw ImportError(dir.string(), 0, 0, "cannot read: not a folder");
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".csv") files.push_back(e.path());
    if (ec) throw ImportError(dir.string(), 0, 0, "cannot read: " + ec.message());
    std::sort(files.begin(), files.end());

    std::map<TableRole, std::vector<Candidate>> by_role;
    for (const auto& f : files) {
        CsvTable t;
        try {
            t = read_csv_file(f);
        } catch (const ImportError& e) {
            notes.push_back("skipped " + f.filename().string() + ": " + e.message());
            continue;
        }
        const auto cols = recognise_columns(t);
        Candidate c;
        c.path = f;
        if (auto role = classify_columns(cols, c.vintage)) {
            c.ccg_commissioners = has(cols, OnsEntity::ccg, OnsField::code) &&
                                  !has(cols, OnsEntity::icb, OnsField::code);
            by_role[*role].push_back(std::move(c));
        }
    }

    ImportSources s;
    auto choose = [&](TableRole role) -> const Candidate* {
        const auto it = by_role.find(role);
        if (it == by_role.end()) return nullptr;
        const Candidate* c = pick(it->second, year);
        if (c) notes.push_back(std::string(to_string(role)) + ": " + describe(*c, year));
        return c;
    };
    if (const auto* c = choose(TableRole::tiers))
        s.tiers = c->path;
    else if (const auto* cc = choose(TableRole::county_tiers))
        s.tiers = cc->path;
    if (const auto* c = choose(TableRole::csp)) s.csp = c->path;
    const Candidate* health = choose(TableRole::health);
    if (health) s.health = health->path;
    // Area teams key on CCG codes: only meaningful when the commissioners are CCGs.
    if (health && health->ccg_commissioners)
        if (const auto* c = choose(TableRole::nhs_areas)) s.nhs_areas = c->path;
    // The probation tables carry no vintage; their regions are the unified Probation Service's
    // (26 June 2021), so they describe nothing earlier.
    if (year >= 2021)
        if (const auto* c = choose(TableRole::probation)) s.probation = c->path;
    // The chain is only read for lineage; the newest one carries codes furthest forward.
    if (const auto it = by_role.find(TableRole::district_chain); it != by_role.end()) {
        const Candidate* best = &it->second.front();
        for (const auto& c : it->second)
            if (c.vintage.value_or(0) > best->vintage.value_or(0)) best = &c;
        s.district_chain = best->path;
    }
    return s;
}

// [SECTION] Defaults

// The cadences are a column of the kind table (board_kinds.def).
std::map<BoardKind, Cadence> default_cadences() {
    std::map<BoardKind, Cadence> out;
    for (const BoardKindInfo& k : board_kinds()) out[k.kind] = {k.meetings_per_year, k.meeting_hours};
    return out;
}

namespace {

std::vector<JointBoard> to_joint_boards(const CsvTable& t) {
    auto col = [&](std::string_view name) -> std::size_t {
        for (std::size_t i = 0; i < t.header.size(); ++i)
            if (t.header[i].text == name) return i;
        throw ImportError(t.file, 1, 1,
                          "missing column '" + std::string(name) +
                              "' (expected kind,name,codes,from,until,source)");
    };
    const auto kind_c = col("kind"), name_c = col("name"), codes_c = col("codes");
    const auto from_c = col("from"), until_c = col("until"), source_c = col("source");
    std::vector<JointBoard> out;
    for (const auto& row : t.rows) {
        JointBoard j;
        const auto& kc = t.cell(row, kind_c);
        // "lscp+sab": the first kind is the board's, the others duties it also does.
        std::string_view kinds = kc.text;
        for (bool first = true; first || !kinds.empty(); first = false) {
            const auto plus = kinds.find('+');
            const std::string_view one = kinds.substr(0, plus);
            const auto kind = parse_board_kind(one);
            if (!kind)
                throw ImportError(t.file, kc.line, kc.column,
                                  "unknown board kind '" + std::string(one) + "' (expected a kind, or lscp+sab for an "
                                  "all-age partnership)");
            if (first)
                j.kind = *kind;
            else
                j.also.push_back(*kind);
            kinds = plus == std::string_view::npos ? std::string_view{} : kinds.substr(plus + 1);
        }
        j.name = t.cell(row, name_c).text;
        std::string codes = t.cell(row, codes_c).text;
        std::size_t start = 0;
        while (start <= codes.size()) {
            const auto end = codes.find(';', start);
            std::string code = codes.substr(start, end == std::string::npos ? std::string::npos : end - start);
            code.erase(std::remove_if(code.begin(), code.end(), [](unsigned char ch) { return std::isspace(ch); }),
                       code.end());
            if (!code.empty()) j.codes.push_back(code);
            if (end == std::string::npos) break;
            start = end + 1;
        }
        if (j.name.empty()) throw ImportError(t.file, row.line, 1, "a joint board needs a name");
        if (j.codes.size() < 2 && j.also.empty())
            throw ImportError(t.file, row.line, 1,
                              "a joint board needs at least two codes (one authority's all-age partnership is "
                              "kind lscp+sab)");
        for (auto [c, target] : {std::pair{from_c, &j.from}, std::pair{until_c, &j.until}}) {
            const auto& cell = t.cell(row, c);
            if (cell.text.empty()) continue;
            const auto d = Date::parse(cell.text);
            if (!d) throw ImportError(t.file, cell.line, cell.column, "not a date (YYYY-MM-DD): '" + cell.text + "'");
            *target = *d;
        }
        j.source = t.cell(row, source_c).text;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

std::vector<JointBoard> builtin_joint_boards() {
    return parse_joint_boards_csv(generated::joint_boards_csv, "datasets/joint-boards.csv");
}

std::vector<JointBoard> read_joint_boards_csv(const std::filesystem::path& path) {
    return to_joint_boards(read_csv_file(path));
}

std::vector<JointBoard> parse_joint_boards_csv(std::string_view text, std::string file) {
    return to_joint_boards(parse_csv(text, std::move(file)));
}

// [SECTION] Names

std::string slugify(std::string_view s) {
    std::string out;
    bool dash = false;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(std::tolower(c));
        } else if (ch == '&') {
            if (!out.empty()) out += "-and";
            dash = true;
        } else if (c < 0x80 || (c & 0xC0u) == 0xC0u) {
            dash = true;  // punctuation, spaces, or the start of a non-ASCII character
        }
    }
    return out;
}

std::string display_name(std::string_view n) {
    // "Bristol, City of" → "City of Bristol"; "Herefordshire, County of" → "County of Herefordshire"
    for (std::string_view tail : {", City of", ", County of"}) {
        if (n.size() > tail.size() && n.substr(n.size() - tail.size()) == tail)
            return std::string(tail.substr(2)) + " " + std::string(n.substr(0, n.size() - tail.size()));
    }
    return std::string(n);
}

}  // namespace boardscape::import
