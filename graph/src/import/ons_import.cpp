// The ONS importer: reads the tier, CSP/PFA, health and (optionally) area-team and probation
// tables, checks them against each other, and builds a Dataset (see ons_import.hpp).
#include "boardscape/import/ons_import.hpp"

#include "boardscape/analysis/common.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace boardscape::import {

namespace {

// [SECTION] Table access helpers

std::string filename_of(const std::string& file) {
    return std::filesystem::path(file).filename().string();
}

const OnsColumn& require(const CsvTable& t, const std::vector<OnsColumn>& cols, OnsEntity e,
                         OnsField f, std::string_view example) {
    if (const auto* c = find_column(cols, e, f)) return *c;
    std::string header;
    for (const auto& h : t.header) header += (header.empty() ? "" : ", ") + h.text;
    throw ImportError(t.file, 1, 1,
                      "missing column: no " + std::string(to_string(e)) +
                          (f == OnsField::name ? " name" : f == OnsField::count ? " count" : " code") +
                          " column (expected a header like " + std::string(example) +
                          "); the header is: " + header);
}

bool is_england(std::string_view code) { return !code.empty() && code.front() == 'E'; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string pct(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

/// Where a code was first seen, for "contradicts line N" messages.
struct Seen {
    std::string value;
    int line = 0;
};

void check_same(const CsvTable& t, const CsvCell& cell, std::unordered_map<std::string, Seen>& seen,
                const std::string& key, std::string_view what) {
    auto [it, inserted] = seen.emplace(key, Seen{cell.text, cell.line});
    if (!inserted && it->second.value != cell.text)
        throw ImportError(t.file, cell.line, cell.column,
                          "contradictory row: " + std::string(what) + " " + key + " is '" + cell.text +
                              "' here but '" + it->second.value + "' on line " +
                              std::to_string(it->second.line));
}

/// The name cell of a row, which every area, board and agency needs: an empty (or blank) one
/// is an error at its position rather than a nameless entity in the dataset.
const CsvCell& name_cell(const CsvTable& t, const CsvRow& row, std::size_t index, std::string_view what,
                         const std::string& code) {
    const CsvCell& c = t.cell(row, index);
    if (c.text.find_first_not_of(" \t") == std::string::npos)
        throw ImportError(t.file, c.line ? c.line : row.line, c.column ? c.column : 1,
                          "missing name for " + std::string(what) + " " + code);
    return c;
}

// [SECTION] Geography read from the tables

struct District {
    std::string code, name, utla;
    std::size_t area = 0;                    // area index once built
    std::vector<std::size_t> part_areas;     // when split between commissioners
    std::vector<std::string> part_owner;     // commissioner code of each part
};
struct Utla {
    std::string code, name;
    std::vector<std::string> districts;  // codes; {code} for a unitary
    std::size_t area = 0;
};
struct Commissioner {
    std::string code, name;
    int line = 0;
    std::vector<std::size_t> areas;  // leaf or district areas it covers
};
struct HealthRow {
    std::string commissioner;
    long count = 0;
    int line = 0;
};
struct PoliceArea {
    std::string code, name;
    std::set<std::string> districts;
};
struct Csp {
    std::string code, name, pfa;
    std::vector<std::string> districts;
};

std::string area_kind(std::string_view code) {
    if (code.rfind("E10", 0) == 0) return "county";
    if (code.rfind("E06", 0) == 0) return "unitary";
    if (code.rfind("E08", 0) == 0) return "metropolitan borough";
    if (code.rfind("E09", 0) == 0) return "London borough";
    if (code.rfind("E07", 0) == 0) return "district";
    return "authority";
}

std::string council_name(const std::string& display, std::string_view code) {
    if (code.rfind("E10", 0) == 0) return display + " County Council";
    return display + " Council";
}

bool is_met(std::string_view pfa) { return pfa == "Metropolitan Police"; }
bool is_city_of_london(std::string_view pfa) { return pfa == "London, City of" || pfa == "City of London"; }

/// A force area's name as a place: ONS writes "Devon & Cornwall"; the forces write "and".
std::string force_area_name(std::string_view pfa) {
    if (is_city_of_london(pfa)) return "City of London";
    std::string n(pfa);
    for (auto at = n.find(" & "); at != std::string::npos; at = n.find(" & ")) n.replace(at, 3, " and ");
    return n;
}

std::string police_name(std::string_view pfa) {
    if (is_met(pfa)) return "Metropolitan Police Service";
    if (is_city_of_london(pfa)) return "City of London Police";
    std::string n = force_area_name(pfa);
    if (n.find("Police") != std::string::npos) return n;
    return n + " Police";
}

/// Who holds a force area's police and crime commissioner functions at date `d` (from the first
/// PCCs, 22 November 2012). The changes since then are sourced in datasets/NATIONAL.md ("Police and
/// crime commissioners"); a later change for the same area overrides an earlier one.
std::string pcc_name(std::string_view pfa, Date d) {
    if (is_met(pfa)) return "Mayor's Office for Policing and Crime (MOPAC)";
    if (is_city_of_london(pfa)) return "City of London Corporation (police authority)";
    const std::string area = force_area_name(pfa);
    struct Change {
        std::string_view area;
        Date from;
        std::string_view name;  // empty: "<area> Police, Fire and Crime Commissioner"
    };
    constexpr std::string_view k_pfcc{};
    const Change changes[] = {
        {"Greater Manchester", {2017, 5, 8}, "Mayor of Greater Manchester (police and crime commissioner functions)"},
        {"Essex", {2017, 10, 1}, k_pfcc},
        {"Staffordshire", {2018, 8, 1}, k_pfcc},
        {"North Yorkshire", {2018, 11, 15}, k_pfcc},
        {"Northamptonshire", {2019, 1, 1}, k_pfcc},
        {"West Yorkshire", {2021, 5, 10}, "Mayor of West Yorkshire (police and crime commissioner functions)"},
        {"Cumbria", {2023, 4, 1}, k_pfcc},
        {"South Yorkshire", {2024, 5, 7}, "Mayor of South Yorkshire (police and crime commissioner functions)"},
        {"North Yorkshire", {2024, 5, 7},
         "Mayor of York and North Yorkshire (police, fire and crime commissioner functions)"},
    };
    std::string name = area + " Police and Crime Commissioner";
    for (const auto& c : changes)
        if (c.area == area && !(d < c.from))
            name = c.name.empty() ? area + " Police, Fire and Crime Commissioner" : std::string(c.name);
    return name;
}

/// A youth justice service's name from its management board's: "West Mercia Youth Justice
/// Service Management Board" and "West Mercia Youth Justice Management Board" both give "West
/// Mercia Youth Justice Service"; "South Tees Youth Justice Service Executive Management Board"
/// gives "South Tees Youth Justice Service".
std::string youth_justice_service_name(std::string board) {
    for (std::string_view suffix : {" Executive Management Board", " Management Board", " Partnership Board", " Board"})
        if (board.size() > suffix.size() && board.compare(board.size() - suffix.size(), suffix.size(), suffix) == 0) {
            board.resize(board.size() - suffix.size());
            break;
        }
    auto ends = [&](std::string_view t) {
        return board.size() >= t.size() && lower(board.substr(board.size() - t.size())) == lower(std::string(t));
    };
    if (ends("service") || ends("team") || ends("partnership")) return board;
    if (ends("youth justice") || ends("youth offending")) return board + " Service";
    return board + " Youth Justice Service";
}

/// Drops the "NHS " prefix and the commissioner-type suffix, for short ids.
std::string commissioner_stem(std::string name) {
    const std::string l = lower(name);
    if (l.rfind("nhs ", 0) == 0) name = name.substr(4);
    for (std::string_view suffix : {" integrated care board", " clinical commissioning group", " ccg", " icb"}) {
        const std::string ln = lower(name);
        if (ln.size() > suffix.size() && ln.substr(ln.size() - suffix.size()) == suffix) {
            name = name.substr(0, name.size() - suffix.size());
            break;
        }
    }
    return name;
}

/// Words too common to identify a place when matching names across tables.
bool is_stopword(const std::string& w) {
    static const std::unordered_set<std::string> words = {
        "nhs", "ccg", "clinical", "commissioning", "group", "and", "of", "the", "police",
        "constabulary", "city", "service", "north", "south", "east", "west", "central"};
    return words.count(w) != 0;
}

std::vector<std::string> name_tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c)) {
            cur += static_cast<char>(std::tolower(c));
        } else if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

/// A matching key: significant words, '&' read as "and" (dropped with the other stopwords).
std::string name_key(std::string_view s) {
    std::string key;
    for (const auto& w : name_tokens(s)) {
        if (is_stopword(w)) continue;
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

// [SECTION] The builder

class Builder {
public:
    Builder(const ImportSources& s, const ImportOptions& o) : m_src(s), m_opt(o) {}

    ImportResult run() {
        if (!m_src.tiers || !m_src.csp || !m_src.health)
            throw ImportError("import-ons", 0, 0,
                              "need a tier table (LTLA→UTLA), a CSP/PFA table and a health table "
                              "(LAD × ICB/CCG LSOA counts)");
        m_date = m_opt.as_of.value_or(Date{m_opt.year, 7, 1});
        read_tiers(read_csv_file(*m_src.tiers));
        read_csp(read_csv_file(*m_src.csp));
        read_health(read_csv_file(*m_src.health));
        if (m_src.nhs_areas) m_area_team_table = read_csv_file(*m_src.nhs_areas);
        if (m_src.probation) m_probation_table = read_csv_file(*m_src.probation);

        allocate_health();
        build_areas();
        build_boards();
        build_agencies();
        if (m_opt.successors) build_lineage(*m_opt.successors);
        build_meta();
        m_out.dataset.reindex();
        return std::move(m_out);
    }

private:
    const ImportSources& m_src;
    const ImportOptions& m_opt;
    Date m_date;
    ImportResult m_out;

    std::map<std::string, District> m_districts;  // by code
    std::map<std::string, Utla> m_utlas;
    std::string m_tiers_file, m_csp_file, m_health_file;
    std::map<std::string, Csp> m_csps;
    std::map<std::string, PoliceArea> m_pfas;
    std::map<std::string, Commissioner> m_comms;
    std::string m_comm_prefix = "icb";
    std::map<std::string, std::vector<HealthRow>> m_health;  // district → rows
    std::map<std::string, long> m_district_total;
    std::optional<CsvTable> m_area_team_table, m_probation_table;
    std::unordered_set<std::string> m_ids;
    std::vector<std::string> m_sources;

    std::string unique_id(std::string base, std::string_view code) {
        if (base.empty()) base = "x";
        std::string id = base;
        if (m_ids.count(id) && !code.empty()) id = base + "-" + lower(code);
        for (int n = 2; m_ids.count(id); ++n) id = base + "-" + std::to_string(n);
        m_ids.insert(id);
        return id;
    }

    const District& district_or_throw(const CsvTable& t, const CsvCell& cell) {
        const auto it = m_districts.find(cell.text);
        if (it == m_districts.end())
            throw ImportError(t.file, cell.line, cell.column,
                              "unknown district code '" + cell.text + "' (not in " +
                                  filename_of(m_tiers_file) + ")");
        return it->second;
    }

    void note_source(const CsvTable& t, TableRole role) {
        m_sources.push_back(filename_of(t.file) + " (" + std::string(to_string(role)) + ")");
        if (t.transcoded)
            m_out.notes.push_back(filename_of(t.file) + ": read as Windows-1252 (not valid UTF-8)");
    }

    // -- tiers -------------------------------------------------------------------------------
    void read_tiers(const CsvTable& t) {
        m_tiers_file = t.file;
        const auto cols = recognise_columns(t);
        std::optional<int> vintage;
        const auto role = classify_columns(cols, vintage);
        const bool county = role == TableRole::county_tiers;
        note_source(t, county ? TableRole::county_tiers : TableRole::tiers);
        const auto& dc = require(t, cols, OnsEntity::district, OnsField::code, "LAD19CD or ltla23_code");
        const auto& dn = require(t, cols, OnsEntity::district, OnsField::name, "LAD19NM or ltla23_name");
        const OnsEntity up = county ? OnsEntity::county : OnsEntity::upper_tier;
        const auto& uc = require(t, cols, up, OnsField::code, county ? "CTY15CD" : "UTLA19CD or utla23_code");
        const auto& un = require(t, cols, up, OnsField::name, county ? "CTY15NM" : "UTLA19NM or utla23_name");
        std::unordered_map<std::string, Seen> district_utla, district_name, utla_name;
        int skipped = 0;
        for (const auto& row : t.rows) {
            const auto& code = t.cell(row, dc.index);
            if (!is_england(code.text)) {
                ++skipped;
                continue;
            }
            const auto& name = name_cell(t, row, dn.index, "district", code.text);
            CsvCell ucode = t.cell(row, uc.index);
            CsvCell uname = t.cell(row, un.index);
            if (ucode.text.empty())
                throw ImportError(t.file, row.line, ucode.column ? ucode.column : 1,
                                  "missing upper-tier code for district " + code.text);
            if (county && ucode.text.rfind("E10", 0) != 0) {
                // Metropolitan counties and Inner/Outer London are not upper tiers.
                ucode = code;
                uname = name;
            }
            if (uname.text.find_first_not_of(" \t") == std::string::npos)
                throw ImportError(t.file, uname.line ? uname.line : row.line, uname.column ? uname.column : 1,
                                  "missing name for upper-tier authority " + ucode.text);
            check_same(t, ucode, district_utla, code.text, "district");
            check_same(t, name, district_name, code.text, "the name of district");
            check_same(t, uname, utla_name, ucode.text, "the name of upper-tier authority");
            auto& d = m_districts[code.text];
            if (d.code.empty()) {
                d.code = code.text;
                d.name = display_name(name.text);
                d.utla = ucode.text;
                auto& u = m_utlas[ucode.text];
                u.code = ucode.text;
                u.name = display_name(uname.text);
                u.districts.push_back(code.text);
            }
        }
        if (skipped)
            m_out.notes.push_back(filename_of(t.file) + ": " + std::to_string(skipped) +
                                  " rows outside England skipped");
        if (m_districts.empty())
            throw ImportError(t.file, 0, 0, "no English districts (codes starting with E) found");
    }

    // -- CSP / PFA -----------------------------------------------------------------------------
    void read_csp(const CsvTable& t) {
        m_csp_file = t.file;
        note_source(t, TableRole::csp);
        const auto cols = recognise_columns(t);
        const auto& dc = require(t, cols, OnsEntity::district, OnsField::code, "LAD19CD or ltla24_code");
        const auto& cc = require(t, cols, OnsEntity::csp, OnsField::code, "CSP19CD or csp24_code");
        const auto& cn = require(t, cols, OnsEntity::csp, OnsField::name, "CSP19NM or csp24_name");
        const auto& pc = require(t, cols, OnsEntity::police_area, OnsField::code, "PFA19CD or pfa24_code");
        const auto& pn = require(t, cols, OnsEntity::police_area, OnsField::name, "PFA19NM or pfa24_name");
        std::unordered_map<std::string, Seen> csp_name, csp_pfa, pfa_name, district_pfa;
        std::set<std::pair<std::string, std::string>> pairs;
        for (const auto& row : t.rows) {
            const auto& code = t.cell(row, dc.index);
            if (!is_england(code.text)) continue;
            const District& d = district_or_throw(t, code);
            const auto& csp = t.cell(row, cc.index);
            const auto& pfa = t.cell(row, pc.index);
            for (const auto* c : {&csp, &pfa})
                if (c->text.empty())
                    throw ImportError(t.file, row.line, c->column ? c->column : 1,
                                      "missing code for district " + d.code);
            check_same(t, name_cell(t, row, cn.index, "CSP", csp.text), csp_name, csp.text, "the name of CSP");
            check_same(t, pfa, csp_pfa, csp.text, "the police force area of CSP");
            check_same(t, pfa, district_pfa, d.code, "the police force area of district");
            check_same(t, name_cell(t, row, pn.index, "police force area", pfa.text), pfa_name, pfa.text,
                       "the name of police force area");
            auto& c = m_csps[csp.text];
            if (c.code.empty()) {
                c.code = csp.text;
                c.name = display_name(t.cell(row, cn.index).text);
                c.pfa = pfa.text;
            }
            if (pairs.insert({csp.text, d.code}).second) c.districts.push_back(d.code);
            auto& p = m_pfas[pfa.text];
            p.code = pfa.text;
            p.name = t.cell(row, pn.index).text;
            p.districts.insert(d.code);
        }
        for (const auto& [code, d] : m_districts)
            if (!district_pfa.count(code))
                throw ImportError(t.file, 0, 0,
                                  "district " + d.name + " (" + code + ") from " + filename_of(m_tiers_file) +
                                      " has no row here (every district needs a CSP and a police force area)");
    }

    // -- health --------------------------------------------------------------------------------
    void read_health(const CsvTable& t) {
        m_health_file = t.file;
        note_source(t, TableRole::health);
        const auto cols = recognise_columns(t);
        OnsEntity ent = OnsEntity::other;
        for (const auto e : {OnsEntity::icb, OnsEntity::ccg, OnsEntity::sub_icb})
            if (ent == OnsEntity::other && find_column(cols, e, OnsField::code)) ent = e;
        if (ent == OnsEntity::other) {
            std::string header;
            for (const auto& h : t.header) header += (header.empty() ? "" : ", ") + h.text;
            throw ImportError(t.file, 1, 1,
                              "missing column: no health commissioner code column (expected a header like "
                              "icb24_code, CCG15CD or sicbl22_code); the header is: " + header);
        }
        m_comm_prefix = ent == OnsEntity::icb ? "icb" : ent == OnsEntity::ccg ? "ccg" : "sicbl";
        const auto& dc = require(t, cols, OnsEntity::district, OnsField::code, "lad24_code");
        const auto& hc = require(t, cols, ent, OnsField::code, "icb24_code or ccg15_code");
        const auto& hn = require(t, cols, ent, OnsField::name, "icb24_name or ccg15_name");
        const auto& nc = require(t, cols, OnsEntity::lsoa, OnsField::count, "lsoa21_count");
        const OnsColumn* tc = find_column(cols, OnsEntity::district, OnsField::total);
        std::unordered_map<std::string, Seen> comm_name, totals;
        std::map<std::string, const CsvCell*> last_total_cell;
        std::set<std::pair<std::string, std::string>> pairs;
        for (const auto& row : t.rows) {
            const auto& code = t.cell(row, dc.index);
            if (!is_england(code.text)) continue;
            const District& d = district_or_throw(t, code);
            const auto& hcode = t.cell(row, hc.index);
            if (hcode.text.empty())
                throw ImportError(t.file, row.line, hcode.column ? hcode.column : 1,
                                  "missing health commissioner code for district " + d.code);
            check_same(t, name_cell(t, row, hn.index, "health commissioner", hcode.text), comm_name, hcode.text,
                       "the name of");
            const auto& cnt = t.cell(row, nc.index);
            const long n = parse_count(t, cnt);
            if (!pairs.insert({d.code, hcode.text}).second)
                throw ImportError(t.file, hcode.line, hcode.column,
                                  "contradictory row: district " + d.code + " and " + hcode.text +
                                      " appear on an earlier line already");
            auto& c = m_comms[hcode.text];
            if (c.code.empty()) {
                c.code = hcode.text;
                c.name = t.cell(row, hn.index).text;
                c.line = row.line;
            }
            m_health[d.code].push_back(HealthRow{hcode.text, n, row.line});
            if (tc) {
                const auto& total = t.cell(row, tc->index);
                check_same(t, total, totals, d.code, "the LSOA total of district");
                m_district_total[d.code] = parse_count(t, total);
                last_total_cell[d.code] = &total;
            }
        }
        for (const auto& [code, d] : m_districts)
            if (!m_health.count(code))
                throw ImportError(t.file, 0, 0,
                                  "district " + d.name + " (" + code + ") from " + filename_of(m_tiers_file) +
                                      " has no row here (every district needs a health commissioner)");
        for (const auto& [code, rows] : m_health) {
            long sum = 0;
            for (const auto& r : rows) sum += r.count;
            auto it = m_district_total.find(code);
            if (it == m_district_total.end()) {
                m_district_total[code] = sum;
            } else if (it->second != sum) {
                const CsvCell& cell = *last_total_cell[code];
                throw ImportError(t.file, cell.line, cell.column,
                                  "contradictory row: the LSOA counts of district " + code + " add up to " +
                                      std::to_string(sum) + " but its total here is " + cell.text);
            }
            if (sum <= 0)
                throw ImportError(t.file, rows.front().line, 1,
                                  "district " + code + " has no LSOAs in this table");
        }
    }

    static long parse_count(const CsvTable& t, const CsvCell& cell) {
        std::string s = cell.text;
        // Tables written by R or pandas sometimes print counts as "57.0".
        if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
        if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
            throw ImportError(t.file, cell.line, cell.column, "not a count of LSOAs: '" + cell.text + "'");
        return std::stol(s);
    }

    // -- allocating districts to commissioners ----------------------------------------------------
    // district code → the commissioners that get a part (one entry: the whole district)
    std::map<std::string, std::vector<std::string>> m_parts;
    std::map<std::string, std::map<std::string, long>> m_part_count;
    std::map<std::string, std::string> m_fold_into;  // district → the part its slivers join

    void compute_part_counts(const std::string& dcode) {
        const auto& rows = m_health[dcode];
        const auto& parts = m_parts[dcode];
        std::map<std::string, long> counts;
        for (const auto& p : parts) counts[p] = 0;
        // Rows without a part fold into the largest part (ties: the smaller code).
        std::string biggest;
        long biggest_n = -1;
        for (const auto& r : rows)
            if (counts.count(r.commissioner) && (r.count > biggest_n || (r.count == biggest_n && r.commissioner < biggest))) {
                biggest = r.commissioner;
                biggest_n = r.count;
            }
        for (const auto& r : rows) counts[counts.count(r.commissioner) ? r.commissioner : biggest] += r.count;
        m_part_count[dcode] = std::move(counts);
        m_fold_into[dcode] = biggest;
    }

    void allocate_health() {
        for (const auto& [dcode, rows] : m_health) {
            const double total = static_cast<double>(m_district_total[dcode]);
            std::vector<std::string> parts;
            for (const auto& r : rows)
                if (static_cast<double>(r.count) / total >= m_opt.split_share) parts.push_back(r.commissioner);
            if (parts.empty()) {
                const auto best = std::max_element(rows.begin(), rows.end(), [](const HealthRow& a, const HealthRow& b) {
                    return a.count != b.count ? a.count < b.count : a.commissioner > b.commissioner;
                });
                parts.push_back(best->commissioner);
            }
            std::sort(parts.begin(), parts.end());
            m_parts[dcode] = parts;
        }
        // A commissioner left without any area gets its own part of every district it is in.
        std::set<std::string> owning;
        for (const auto& [d, parts] : m_parts) owning.insert(parts.begin(), parts.end());
        for (const auto& [code, c] : m_comms) {
            if (owning.count(code)) continue;
            std::string where;
            for (const auto& [dcode, rows] : m_health)
                for (const auto& r : rows)
                    if (r.commissioner == code) {
                        auto& parts = m_parts[dcode];
                        parts.push_back(code);
                        std::sort(parts.begin(), parts.end());
                        where += (where.empty() ? "" : ", ") + m_districts[dcode].name;
                    }
            m_out.notes.push_back(c.name + " holds the largest share of no district: given its own part of " + where);
        }
        for (const auto& [dcode, parts] : m_parts) {
            compute_part_counts(dcode);
            const double total = static_cast<double>(m_district_total[dcode]);
            for (const auto& r : m_health[dcode]) {
                if (std::find(parts.begin(), parts.end(), r.commissioner) != parts.end()) continue;
                const std::string& into = m_comms[m_fold_into[dcode]].name;
                m_out.notes.push_back(m_districts[dcode].name + ": " + std::to_string(r.count) + " of " +
                                      std::to_string(m_district_total[dcode]) + " LSOAs (" +
                                      pct(static_cast<double>(r.count) / total) + ") are in " +
                                      m_comms[r.commissioner].name + "; counted with " + into);
            }
            if (parts.size() > 1) {
                std::string list;
                for (const auto& [p, n] : m_part_count[dcode])
                    list += (list.empty() ? "" : ", ") + m_comms[p].name + " " + std::to_string(n);
                m_out.notes.push_back(m_districts[dcode].name + " is split into parts by LSOA count: " + list);
            }
        }
    }

    // -- areas ---------------------------------------------------------------------------------
    std::vector<std::string> sorted_utlas() const {
        std::vector<std::string> codes;
        for (const auto& [code, u] : m_utlas) codes.push_back(code);
        std::sort(codes.begin(), codes.end(), [&](const std::string& a, const std::string& b) {
            const auto& ua = m_utlas.at(a);
            const auto& ub = m_utlas.at(b);
            return ua.name != ub.name ? ua.name < ub.name : a < b;
        });
        return codes;
    }

    std::size_t add_area(std::string id, std::string name, std::string kind, std::optional<AreaId> parent,
                         std::optional<std::string> code, std::optional<double> population) {
        Area a;
        a.id = AreaId(std::move(id));
        a.name = std::move(name);
        a.kind = std::move(kind);
        a.parent = std::move(parent);
        a.code = std::move(code);
        a.population = population;
        m_out.dataset.areas.push_back(std::move(a));
        return m_out.dataset.areas.size() - 1;
    }

    void add_district_area(District& d, std::optional<AreaId> parent) {
        const auto& parts = m_parts[d.code];
        const bool split = parts.size() > 1;
        const std::string id = unique_id(slugify(d.name), d.code);
        d.area = add_area(id, d.name, area_kind(d.code), std::move(parent), d.code,
                          split ? std::nullopt : std::optional<double>(static_cast<double>(m_district_total[d.code])));
        if (!split) {
            m_comms[parts.front()].areas.push_back(d.area);
            return;
        }
        for (const auto& p : parts) {
            auto& c = m_comms[p];
            const std::string pid = unique_id(id + "-part-" + slugify(commissioner_stem(c.name)), "");
            const auto idx = add_area(pid, d.name + " (part in " + c.name + ")", "district part",
                                      AreaId(id), std::nullopt,
                                      static_cast<double>(m_part_count[d.code][p]));
            d.part_areas.push_back(idx);
            d.part_owner.push_back(p);
            c.areas.push_back(idx);
        }
    }

    void build_areas() {
        for (const auto& ucode : sorted_utlas()) {
            auto& u = m_utlas[ucode];
            const bool single = u.districts.size() == 1 && u.districts.front() == u.code;
            if (single) {
                add_district_area(m_districts[u.code], std::nullopt);
                u.area = m_districts[u.code].area;
                continue;
            }
            u.area = add_area(unique_id(slugify(u.name), u.code), u.name, area_kind(u.code), std::nullopt, u.code,
                              std::nullopt);
            const AreaId uid = m_out.dataset.areas[u.area].id;
            std::vector<std::string> ds = u.districts;
            std::sort(ds.begin(), ds.end(), [&](const std::string& a, const std::string& b) {
                return m_districts[a].name < m_districts[b].name;
            });
            for (const auto& dcode : ds) add_district_area(m_districts[dcode], uid);
        }
        m_children.assign(m_out.dataset.areas.size(), {});
        m_parent.assign(m_out.dataset.areas.size(), SIZE_MAX);
        auto& index = m_area_index;
        for (std::size_t i = 0; i < m_out.dataset.areas.size(); ++i) index[m_out.dataset.areas[i].id.value] = i;
        for (std::size_t i = 0; i < m_out.dataset.areas.size(); ++i)
            if (const auto& p = m_out.dataset.areas[i].parent) {
                m_parent[i] = index[p->value];
                m_children[m_parent[i]].push_back(i);
            }
    }

    std::vector<std::vector<std::size_t>> m_children;
    std::vector<std::size_t> m_parent;
    std::unordered_map<std::string, std::size_t> m_area_index;

    /// Replaces complete sets of siblings by their parent (parts → district → county), so
    /// footprints read as councils where they can.
    std::vector<AreaId> compact(std::set<std::size_t> areas) const {
        bool changed = true;
        while (changed) {
            changed = false;
            std::set<std::size_t> parents;
            for (auto a : areas)
                if (m_parent[a] != SIZE_MAX) parents.insert(m_parent[a]);
            for (auto p : parents) {
                const auto& kids = m_children[p];
                if (std::all_of(kids.begin(), kids.end(), [&](std::size_t k) { return areas.count(k) != 0; })) {
                    for (auto k : kids) areas.erase(k);
                    areas.insert(p);
                    changed = true;
                }
            }
        }
        std::vector<AreaId> out;
        for (auto a : areas) out.push_back(m_out.dataset.areas[a].id);
        return out;
    }

    std::set<std::size_t> district_areas(const std::vector<std::string>& codes) const {
        std::set<std::size_t> s;
        for (const auto& c : codes) s.insert(m_districts.at(c).area);
        return s;
    }

    // -- boards --------------------------------------------------------------------------------
    void add_board(std::string id, std::string name, BoardKind kind, std::vector<AreaId> footprint) {
        Board b;
        b.id = BoardId(std::move(id));
        b.name = std::move(name);
        b.kind = kind;
        b.footprint = std::move(footprint);
        const auto it = m_opt.cadences.find(kind);
        const Cadence c = it != m_opt.cadences.end() ? it->second : Cadence{4, 2};
        b.meetings_per_year = c.meetings_per_year;
        b.meeting_hours = c.meeting_hours;
        m_out.dataset.boards.push_back(std::move(b));
    }

    static std::string board_title(BoardKind k, const std::string& area) {
        switch (k) {
            case BoardKind::lscb: return area + " Local Safeguarding Children Board";
            case BoardKind::lscp: return area + " Safeguarding Children Partnership";
            case BoardKind::hwb: return area + " Health and Wellbeing Board";
            case BoardKind::sab: return area + " Safeguarding Adults Board";
            case BoardKind::dalpb: return area + " Domestic Abuse Local Partnership Board";
            case BoardKind::yjmb: return area + " Youth Justice Management Board";
            case BoardKind::icp: return area + " Integrated Care Partnership";
            case BoardKind::mappa_smb: return area + " MAPPA Strategic Management Board";
            case BoardKind::lcjb: return area + " Local Criminal Justice Board";
            default: return area + " board";
        }
    }

    /// The kinds built per upper-tier authority at the analysis date, each from the date its
    /// duty began (datasets/NATIONAL.md gives the sources).
    std::vector<BoardKind> council_kinds() const {
        std::vector<BoardKind> kinds;
        kinds.push_back(m_date < Date{2019, 9, 29} ? BoardKind::lscb : BoardKind::lscp);
        if (!(m_date < Date{2013, 4, 1})) kinds.push_back(BoardKind::hwb);    // Health and Social Care Act 2012
        if (!(m_date < Date{2015, 4, 1})) kinds.push_back(BoardKind::sab);    // Care Act 2014
        if (!(m_date < Date{2021, 10, 1})) kinds.push_back(BoardKind::dalpb);  // Domestic Abuse Act 2021 Part 4
        // Youth offending teams date from April 2000, but joint services are sourced only as
        // they stood in 2024; an earlier file would need its own sourced list, so the boards
        // are modelled from 2024 rather than guessed for earlier years.
        if (!(m_date < Date{2024, 1, 1})) kinds.push_back(BoardKind::yjmb);
        return kinds;
    }

    /// The authorities a board of `kind` serves, one unit per board before joint boards: each
    /// upper tier, except that London's tier-one authority for domestic abuse (Domestic Abuse
    /// Act 2021 s.57) is the Greater London Authority, so its 33 authorities are one unit.
    struct Unit {
        std::string name;
        std::vector<std::string> codes;  // UTLA codes, in `order`
        std::string id_code;             // disambiguates a clashing id (empty for a group)
    };
    std::vector<Unit> council_units(BoardKind kind, const std::vector<std::string>& order) const {
        std::vector<Unit> units;
        Unit london{"London", {}, ""};
        for (const auto& ucode : order) {
            if (kind == BoardKind::dalpb && ucode.rfind("E09", 0) == 0) {
                london.codes.push_back(ucode);
                continue;
            }
            units.push_back(Unit{m_utlas.at(ucode).name, {ucode}, ucode});
        }
        if (!london.codes.empty()) {
            const auto at = std::find_if(units.begin(), units.end(), [](const Unit& u) { return u.name > "London"; });
            units.insert(at, std::move(london));
        }
        return units;
    }

    std::set<std::size_t> utla_areas(const std::vector<std::string>& codes) const {
        std::set<std::size_t> s;
        for (const auto& c : codes) s.insert(m_utlas.at(c).area);
        return s;
    }

    /// Youth justice services (one per yjmb footprint) and the GLA, made with the boards.
    struct Service {
        std::string id, name;
        std::set<std::size_t> areas;
    };
    std::vector<Service> m_youth_justice;
    std::set<std::size_t> m_gla_areas;

    void build_council_boards(BoardKind kind, const std::vector<std::string>& order) {
        const auto units = council_units(kind, order);
        std::map<std::string, std::size_t> unit_of;
        for (std::size_t i = 0; i < units.size(); ++i)
            for (const auto& c : units[i].codes) unit_of[c] = i;
        // Joint boards that apply at the analysis date, name only authorities we have and
        // cover whole units (a joint DALPB cannot take one London borough from the GLA's).
        std::map<std::size_t, const JointBoard*> joint_of;
        // Units whose duty of this kind an all-age partnership does (built with its own kind):
        // they get no board of this kind.
        std::map<std::size_t, const JointBoard*> done_by;
        for (const auto& j : m_opt.joint_boards) {
            if (m_date < j.from || !(m_date < j.until)) continue;
            if (std::find(j.also.begin(), j.also.end(), kind) == j.also.end()) continue;
            const auto kinds = council_kinds();
            if (std::find(kinds.begin(), kinds.end(), j.kind) == kinds.end()) continue;
            for (const auto& c : j.codes)
                if (const auto it = unit_of.find(c); it != unit_of.end() && units[it->second].codes.size() == 1)
                    done_by[it->second] = &j;
        }
        for (const auto& j : m_opt.joint_boards) {
            if (j.kind != kind || m_date < j.from || !(m_date < j.until)) continue;
            std::string why;
            std::set<std::size_t> us;
            for (const auto& c : j.codes) {
                if (!m_utlas.count(c)) {
                    why = c + " is not an upper tier here";
                    break;
                }
                us.insert(unit_of.at(c));
            }
            for (auto u : us) {
                if (!why.empty()) break;
                if (joint_of.count(u)) why = units[u].name + " is already in " + joint_of[u]->name;
                for (const auto& c : units[u].codes)
                    if (why.empty() && std::find(j.codes.begin(), j.codes.end(), c) == j.codes.end())
                        why = "it covers part of " + units[u].name + "'s " + std::string(to_string(kind));
            }
            for (auto u : us)
                if (why.empty() && done_by.count(u))
                    why = units[u].name + "'s " + std::string(to_string(kind)) + " duty is done by " + done_by[u]->name;
            if (why.empty() && us.size() < 2 && j.also.empty())
                why = "it covers a single " + std::string(to_string(kind)) + " footprint";
            if (!why.empty()) {
                m_out.notes.push_back("joint board '" + j.name + "' skipped: " + why);
                continue;
            }
            for (auto u : us) joint_of[u] = &j;
            m_out.notes.push_back("joint board: " + j.name + " (source: " + j.source + ")");
        }
        std::set<const JointBoard*> done;
        const std::string prefix(to_string(kind));
        for (const auto& [u, j] : done_by)
            m_out.notes.push_back(units[u].name + ": no separate " + std::string(to_string(kind)) + "; the duty is done by " +
                                  j->name + " (source: " + j->source + ")");
        for (std::size_t i = 0; i < units.size(); ++i) {
            const Unit& u = units[i];
            if (done_by.count(i)) continue;
            std::string id, name, service;
            std::set<std::size_t> areas;
            if (const auto it = joint_of.find(i); it != joint_of.end()) {
                const JointBoard* j = it->second;
                if (!done.insert(j).second) continue;
                std::string joined;
                for (std::size_t k = 0; k < units.size(); ++k) {
                    if (const auto jt = joint_of.find(k); jt == joint_of.end() || jt->second != j) continue;
                    joined += (joined.empty() ? "" : "-and-") + slugify(units[k].name);
                    const auto a = utla_areas(units[k].codes);
                    areas.insert(a.begin(), a.end());
                }
                id = unique_id(prefix + "-" + joined, "");
                name = j->name;
                service = youth_justice_service_name(j->name);
            } else {
                id = unique_id(prefix + "-" + slugify(u.name), u.id_code);
                name = board_title(kind, u.name);
                areas = utla_areas(u.codes);
                service = u.name + " Youth Justice Service";
            }
            if (kind == BoardKind::dalpb && u.id_code.empty()) m_gla_areas = areas;
            if (kind == BoardKind::yjmb)
                m_youth_justice.push_back(Service{"yjs" + id.substr(prefix.size()), service, areas});
            add_board(std::move(id), std::move(name), kind, compact(areas));
        }
    }

    /// Police force areas as the criminal justice system groups them: the Metropolitan Police
    /// and City of London force areas are one London area (one MAPPA area and one criminal
    /// justice board); every other force area is its own.
    struct JusticeArea {
        std::string name;
        std::set<std::string> districts;
    };
    std::vector<JusticeArea> justice_areas() const {
        std::map<std::string, JusticeArea> by_name;
        for (const auto& [code, p] : m_pfas) {
            const std::string n = is_met(p.name) || is_city_of_london(p.name) ? "London" : force_area_name(p.name);
            auto& a = by_name[n];
            a.name = n;
            a.districts.insert(p.districts.begin(), p.districts.end());
        }
        std::vector<JusticeArea> out;
        for (auto& [n, a] : by_name) out.push_back(std::move(a));
        return out;
    }

    void build_boards() {
        const auto order = sorted_utlas();
        const auto kinds = council_kinds();
        for (const auto kind : kinds) build_council_boards(kind, order);
        for (const auto& j : m_opt.joint_boards)
            if (!(m_date < j.from) && m_date < j.until && std::find(kinds.begin(), kinds.end(), j.kind) == kinds.end())
                m_out.notes.push_back("joint board '" + j.name + "' skipped: " + std::string(to_string(j.kind)) +
                                      " boards are not built per upper-tier authority in this file");
        for (const auto& [code, c] : m_csps) {
            std::string name = c.name;
            if (lower(name).find("community safety") == std::string::npos) name += " Community Safety Partnership";
            add_board(unique_id("csp-" + slugify(c.name), code), name, BoardKind::csp,
                      compact(district_areas(c.districts)));
        }
        // Integrated care partnerships (Health and Care Act 2022, from 1 July 2022): one per ICB,
        // on the ICB's footprint, so only when the commissioners are ICBs.
        if (m_comm_prefix == "icb" && !(m_date < Date{2022, 7, 1}))
            for (const auto* c : sorted_commissioners()) {
                const std::string stem = commissioner_stem(c->name);
                add_board(unique_id("icp-" + slugify(stem), c->code), board_title(BoardKind::icp, stem),
                          BoardKind::icp, compact({c->areas.begin(), c->areas.end()}));
            }
        // MAPPA (Criminal Justice and Court Services Act 2000, from April 2001) and local
        // criminal justice boards (from April 2003), one per criminal justice area.
        const auto areas = justice_areas();
        for (const auto& [kind, from] : {std::pair{BoardKind::mappa_smb, Date{2001, 4, 1}},
                                         std::pair{BoardKind::lcjb, Date{2003, 4, 1}}}) {
            if (m_date < from) continue;
            const std::string prefix = kind == BoardKind::mappa_smb ? "mappa-smb-" : "lcjb-";
            for (const auto& a : areas)
                add_board(unique_id(prefix + slugify(a.name), ""), board_title(kind, a.name), kind,
                          compact(district_areas({a.districts.begin(), a.districts.end()})));
        }
    }

    std::vector<const Commissioner*> sorted_commissioners() const {
        std::vector<const Commissioner*> comms;
        for (const auto& [code, c] : m_comms) comms.push_back(&c);
        std::sort(comms.begin(), comms.end(), [](const Commissioner* a, const Commissioner* b) {
            return a->name != b->name ? a->name < b->name : a->code < b->code;
        });
        return comms;
    }

    // -- agencies ------------------------------------------------------------------------------
    void add_agency(std::string id, std::string name, Sector sector, std::vector<AreaId> footprint) {
        Agency a;
        a.id = AgencyId(std::move(id));
        a.name = std::move(name);
        a.sector = sector;
        a.footprint = std::move(footprint);
        m_out.dataset.agencies.push_back(std::move(a));
    }

    void build_agencies() {
        for (const auto& ucode : sorted_utlas()) {
            const auto& u = m_utlas[ucode];
            add_agency(unique_id("la-" + slugify(u.name), u.code), council_name(u.name, u.code),
                       Sector::local_authority, {m_out.dataset.areas[u.area].id});
        }
        for (const auto& ucode : sorted_utlas()) {
            const auto& u = m_utlas[ucode];
            for (const auto& dcode : u.districts) {
                if (dcode == u.code) continue;
                const auto& d = m_districts[dcode];
                add_agency(unique_id("dc-" + slugify(d.name), d.code), council_name(d.name, d.code),
                           Sector::district_council, {m_out.dataset.areas[d.area].id});
            }
        }
        // The GLA is London's tier-one authority under the Domestic Abuse Act 2021; its sector is
        // `other`, not `local_authority`, so that it is not read as a partner of every London
        // borough's children's, health and adults' boards (datasets/NATIONAL.md says why).
        if (!m_gla_areas.empty())
            add_agency(unique_id("gla", ""), "Greater London Authority", Sector::other, compact(m_gla_areas));
        for (const auto& [code, p] : m_pfas)
            add_agency(unique_id("police-" + slugify(display_name(p.name)), code), police_name(p.name), Sector::police,
                       compact(district_areas({p.districts.begin(), p.districts.end()})));
        // Police and crime commissioners (or the body holding their functions) on the force area.
        if (!(m_date < Date{2012, 11, 22}))
            for (const auto& [code, p] : m_pfas)
                add_agency(unique_id("pcc-" + slugify(force_area_name(p.name)), code), pcc_name(p.name, m_date),
                           Sector::pcc, compact(district_areas({p.districts.begin(), p.districts.end()})));
        for (const auto& s : m_youth_justice)
            add_agency(unique_id(s.id, ""), s.name, Sector::youth_justice, compact(s.areas));
        for (const auto* c : sorted_commissioners())
            add_agency(unique_id(m_comm_prefix + "-" + slugify(commissioner_stem(c->name)), c->code), c->name,
                       Sector::health_commissioner, compact({c->areas.begin(), c->areas.end()}));
        if (m_area_team_table) build_area_teams(*m_area_team_table);
        if (m_probation_table) build_probation(*m_probation_table);
    }

    void build_area_teams(const CsvTable& t) {
        note_source(t, TableRole::nhs_areas);
        const auto cols = recognise_columns(t);
        const auto& cc = require(t, cols, OnsEntity::ccg, OnsField::code, "CCG13CD");
        const OnsColumn* cn = find_column(cols, OnsEntity::ccg, OnsField::name);
        const auto& ac = require(t, cols, OnsEntity::nhs_area_team, OnsField::code, "NHSAT13CD");
        const auto& an = require(t, cols, OnsEntity::nhs_area_team, OnsField::name, "NHSAT13NM");
        struct Row {
            std::string ccg_name, team;
            int line;
        };
        std::map<std::string, Row> by_code;
        std::map<std::string, std::string> team_name;
        std::unordered_map<std::string, Seen> ccg_team, names;
        for (const auto& row : t.rows) {
            const auto& code = t.cell(row, cc.index);
            if (!is_england(code.text)) continue;
            const auto& team = t.cell(row, ac.index);
            check_same(t, team, ccg_team, code.text, "the area team of CCG");
            check_same(t, name_cell(t, row, an.index, "area team", team.text), names, team.text,
                       "the name of area team");
            by_code[code.text] = Row{cn ? t.cell(row, cn->index).text : std::string(), team.text, row.line};
            team_name[team.text] = t.cell(row, an.index).text;
        }
        // Each commissioner's area team: by code, else by name (recoded CCGs), else the one
        // team shared by every CCG whose name has a word in common (merged CCGs).
        std::map<std::string, std::set<std::size_t>> team_areas;
        for (const auto& [code, c] : m_comms) {
            std::string team;
            if (auto it = by_code.find(code); it != by_code.end()) {
                team = it->second.team;
            } else {
                const std::string key = name_key(c.name);
                for (const auto& [code2, r] : by_code)
                    if (!r.ccg_name.empty() && name_key(r.ccg_name) == key) team = r.team;
                if (!team.empty()) {
                    m_out.notes.push_back(c.name + " (" + code + ") is not in " + filename_of(t.file) +
                                          ": matched by name to area team " + team_name[team]);
                } else {
                    std::set<std::string> teams;
                    std::string via;
                    for (const auto& w : name_tokens(c.name)) {
                        if (is_stopword(w)) continue;
                        for (const auto& [code2, r] : by_code) {
                            const auto toks = name_tokens(r.ccg_name);
                            if (std::find(toks.begin(), toks.end(), w) != toks.end()) {
                                teams.insert(r.team);
                                via += (via.empty() ? "" : ", ") + r.ccg_name;
                            }
                        }
                    }
                    if (teams.size() != 1)
                        throw ImportError(m_health_file, c.line, 1,
                                          "unknown code: " + c.name + " (" + code + ") has no row in " +
                                              filename_of(t.file) + " and its area team cannot be told from "
                                              "the names of that table's CCGs");
                    team = *teams.begin();
                    m_out.notes.push_back(c.name + " (" + code + ") is not in " + filename_of(t.file) +
                                          ": area team " + team_name[team] + " taken from CCGs with a name in common (" +
                                          via + ")");
                }
            }
            team_areas[team].insert(c.areas.begin(), c.areas.end());
        }
        std::vector<std::pair<std::string, std::string>> teams;  // name, code
        for (const auto& [code, areas] : team_areas) teams.emplace_back(team_name[code], code);
        std::sort(teams.begin(), teams.end());
        for (const auto& [name, code] : teams) {
            const bool already = lower(name).rfind("nhs england", 0) == 0;
            add_agency(unique_id("nhse-" + slugify(already ? name.substr(11) : name), code),
                       already ? name : "NHS England " + name + " area team", Sector::nhs_england,
                       compact(team_areas[code]));
        }
        for (const auto& [code, name] : team_name)
            if (!team_areas.count(code))
                m_out.notes.push_back("area team " + name + " (" + code + ") has no CCG in " +
                                      filename_of(m_health_file) + ": left out");
    }

    void build_probation(const CsvTable& t) {
        note_source(t, TableRole::probation);
        const auto cols = recognise_columns(t);
        const OnsColumn* pn = find_column(cols, OnsEntity::police_area, OnsField::name);
        const OnsColumn* pi = find_column(cols, OnsEntity::police_area, OnsField::id);
        const auto& rn = require(t, cols, OnsEntity::probation_region, OnsField::name, "probation_region_name");
        // Keys a row answers to: its name, the name outside and inside brackets, and its slug id.
        std::map<std::string, std::pair<std::string, int>> key_region;
        for (const auto& row : t.rows) {
            const std::string region = name_cell(t, row, rn.index, "probation region", "on this row").text;
            std::vector<std::string> keys;
            if (pn) {
                const std::string n = t.cell(row, pn->index).text;
                keys.push_back(name_key(n));
                const auto open = n.find('('), close = n.find(')');
                if (open != std::string::npos && close != std::string::npos && close > open) {
                    keys.push_back(name_key(n.substr(0, open)));
                    keys.push_back(name_key(n.substr(open + 1, close - open - 1)));
                }
            }
            if (pi) keys.push_back(name_key(t.cell(row, pi->index).text));
            for (const auto& k : keys) {
                if (k.empty()) continue;
                auto [it, inserted] = key_region.emplace(k, std::pair{region, row.line});
                if (!inserted && it->second.first != region)
                    throw ImportError(t.file, row.line, static_cast<int>(rn.index) + 1,
                                      "contradictory row: '" + k + "' is in " + it->second.first + " on line " +
                                          std::to_string(it->second.second) + " but in " + region + " here");
            }
        }
        std::map<std::string, std::set<std::size_t>> region_areas;
        for (const auto& [code, p] : m_pfas) {
            const auto it = key_region.find(name_key(p.name));
            if (it == key_region.end())
                throw ImportError(t.file, 0, 0,
                                  "unknown code: no row for police force area " + p.name + " (" + code + ") from " +
                                      filename_of(m_csp_file));
            const auto s = district_areas({p.districts.begin(), p.districts.end()});
            region_areas[it->second.first].insert(s.begin(), s.end());
        }
        for (const auto& [region, areas] : region_areas)
            add_agency(unique_id("probation-" + slugify(region), ""), "Probation Service " + region + " region",
                       Sector::probation, compact(areas));
    }


    // -- lineage -------------------------------------------------------------------------------
    std::map<std::string, std::string> m_chain;  // district code → its code in the newest vintage

    void read_chain(const CsvTable& t) {
        note_source(t, TableRole::district_chain);
        const auto cols = recognise_columns(t);
        const OnsColumn* oldest = nullptr;
        const OnsColumn* newest = nullptr;
        for (const auto& c : cols) {
            if (c.entity != OnsEntity::district || c.field != OnsField::code) continue;
            if (!oldest || c.year.value_or(0) < oldest->year.value_or(0)) oldest = &c;
            if (!newest || c.year.value_or(0) > newest->year.value_or(0)) newest = &c;
        }
        if (!oldest || oldest == newest)
            throw ImportError(t.file, 1, 1, "missing column: a district chain needs two district code columns "
                                            "of different years (e.g. ltla16_code … ltla24_code)");
        for (const auto& row : t.rows) {
            const auto& from = t.cell(row, oldest->index);
            const auto& to = t.cell(row, newest->index);
            if (!is_england(from.text)) continue;
            auto [it, inserted] = m_chain.emplace(from.text, to.text);
            if (!inserted && it->second != to.text)
                throw ImportError(t.file, to.line, to.column,
                                  "contradictory row: district " + from.text + " becomes " + it->second +
                                      " on an earlier line but " + to.text + " here");
        }
    }

    std::string carried(const std::string& code) const {
        const auto it = m_chain.find(code);
        return it == m_chain.end() ? code : it->second;
    }

    /// District code of a leaf area: its own code, or its parent's for a district part.
    static std::optional<std::string> district_code(const Dataset& d, std::size_t leaf) {
        const Area& a = d.areas[leaf];
        if (a.code) return a.code;
        if (a.parent)
            if (auto p = d.find_area(*a.parent); p && d.areas[*p].code) return d.areas[*p].code;
        return std::nullopt;
    }

    void build_lineage(const Dataset& later) {
        if (m_src.district_chain) read_chain(read_csv_file(*m_src.district_chain));
        m_out.dataset.reindex();  // district parts find their parent district through the index
        const std::string label = m_opt.successors_label.empty() ? "the successor file" : m_opt.successors_label;
        const auto later_leaves = area_leaves(later);
        // Leaf population shares of each later district, by the later agency holding the leaf.
        std::map<std::string, std::map<std::string, double>> icb_share;  // district → ICB id → LSOAs
        for (const auto& a : later.agencies) {
            if (a.sector != Sector::health_commissioner) continue;
            for (auto leaf : footprint_leaves(later, later_leaves, a.footprint))
                if (auto code = district_code(later, leaf))
                    icb_share[*code][a.id.value] += later.areas[leaf].population.value_or(1.0);
        }
        // Districts of each later partnership.
        struct Later {
            const Board* board;
            std::set<std::string> districts;
        };
        std::vector<Later> partnerships;
        for (const auto& b : later.boards) {
            if (b.kind != BoardKind::lscp || b.parent) continue;
            Later l{&b, {}};
            for (auto leaf : footprint_leaves(later, later_leaves, b.footprint))
                if (auto code = district_code(later, leaf)) l.districts.insert(*code);
            partnerships.push_back(std::move(l));
        }

        // LSCB → the partnership holding most of its LSOAs.
        const Date switch_date{2019, 9, 29};
        auto& boards = m_out.dataset.boards;
        std::map<std::string, std::string> added;  // later board id → id here
        const std::size_t n_boards = boards.size();
        for (std::size_t bi = 0; bi < n_boards; ++bi) {
            if (boards[bi].kind != BoardKind::lscb) continue;
            std::set<std::string> mine;
            for (const auto& f : boards[bi].footprint)
                for (const auto& [code, d] : m_districts)
                    if (d.area == index_of(f) || m_parent[d.area] == index_of(f)) mine.insert(code);
            double total = 0;
            std::map<std::size_t, double> weight;
            for (const auto& code : mine) {
                const double w = static_cast<double>(m_district_total[code]);
                total += w;
                for (std::size_t p = 0; p < partnerships.size(); ++p)
                    if (partnerships[p].districts.count(carried(code))) weight[p] += w;
            }
            if (weight.empty()) {
                m_out.notes.push_back("lineage: " + boards[bi].name + " has no successor partnership in " + label);
                continue;
            }
            const auto best = std::max_element(weight.begin(), weight.end(), [&](const auto& x, const auto& y) {
                return x.second != y.second ? x.second < y.second
                                            : partnerships[x.first].board->id > partnerships[y.first].board->id;
            });
            const Board& succ = *partnerships[best->first].board;
            if (best->second * 2 < total) {
                // No partnership holds a majority: a successor would be a guess.
                std::string msg = "lineage: " + boards[bi].name + " has no successor (no partnership in " + label +
                                  " holds a majority of its LSOAs:";
                for (const auto& [p, w] : weight) msg += " " + partnerships[p].board->name + " " + pct(w / total) + ";";
                msg.back() = ')';
                m_out.notes.push_back(msg);
                continue;
            }
            auto it = added.find(succ.id.value);
            if (it == added.end()) {
                std::set<std::size_t> areas;
                for (const auto& [code, d] : m_districts)
                    if (partnerships[best->first].districts.count(carried(code))) areas.insert(d.area);
                const std::string id = unique_id(succ.id.value, "");
                add_board(id, succ.name, BoardKind::lscp, compact(areas));
                boards.back().from = switch_date;
                it = added.emplace(succ.id.value, id).first;
            }
            boards[bi].until = switch_date;
            boards[bi].successor = BoardId(it->second);
            std::string msg = "lineage: " + boards[bi].name + " -> " + succ.name;
            if (best->second < total) {
                msg += " (" + pct(best->second / total) + " of its LSOAs; also";
                for (const auto& [p, w] : weight)
                    if (p != best->first) msg += " " + partnerships[p].board->name + " " + pct(w / total) + ";";
                msg.back() = ')';
            }
            m_out.notes.push_back(msg);
        }

        // CCG → the ICB holding most of its LSOAs (a note: agencies have no lineage field).
        std::map<std::string, std::string> later_names;
        for (const auto& a : later.agencies) later_names[a.id.value] = a.name;
        for (const auto& [code, c] : m_comms) {
            std::map<std::string, double> w;
            double total = 0;
            for (auto area : c.areas) {
                const auto dcode = district_code(m_out.dataset, area);
                if (!dcode) continue;
                const double pop = m_out.dataset.areas[area].population.value_or(0);
                const auto it = icb_share.find(carried(*dcode));
                if (it == icb_share.end()) continue;
                double sum = 0;
                for (const auto& [icb, n] : it->second) sum += n;
                for (const auto& [icb, n] : it->second) w[icb] += pop * n / sum;
                total += pop;
            }
            if (w.empty()) continue;
            const auto best = std::max_element(w.begin(), w.end(), [](const auto& x, const auto& y) {
                return x.second != y.second ? x.second < y.second : x.first > y.first;
            });
            m_out.notes.push_back("lineage: " + c.name + " (" + code + ") -> " + later_names[best->first] + " (" +
                                  pct(best->second / total) + " of its LSOAs)");
        }
    }

    std::size_t index_of(const AreaId& id) const {
        const auto it = m_area_index.find(id.value);
        return it == m_area_index.end() ? SIZE_MAX : it->second;
    }

    // -- meta ----------------------------------------------------------------------------------
    void build_meta() {
        auto& m = m_out.dataset.meta;
        m.title = "England " + std::to_string(m_opt.year) + ": statutory boards and agencies from the ONS lookups";
        m.as_of = m_date;
        m.description =
            "Built by `boardscape import-ons` from official geography lookups. Areas are the "
            "upper-tier authorities with their districts; `population` on leaf areas is the number of "
            "LSOAs (a population proxy, not a head count), so overlap_share is a share of LSOAs. A "
            "district belongs to the health commissioner holding the largest share of its LSOAs; it is "
            "split into parts only where needed (see datasets/NATIONAL.md). Meeting cadences are "
            "documented defaults, not observed. " +
            std::string(k_no_people_sentence);
        m.sources = m_sources;
        m.licence =
            "Contains public sector information licensed under the Open Government Licence v3.0. "
            "Contains OS data (c) Crown copyright and database right.";
    }
};

}  // namespace

ImportResult import_ons(const ImportSources& sources, const ImportOptions& options) {
    Builder b(sources, options);
    return b.run();
}

}  // namespace boardscape::import
