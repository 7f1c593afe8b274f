#include "app/tables.hpp"

#include "app/vocab_labels.hpp"
#include "boardscape/anonymise.hpp"
#include "boardscape/report/report_kinds.hpp"
#include "boardscape/plural.hpp"
#include "overlays/overlay.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <map>
#include <set>

namespace boardscape::viewer {

namespace {

// Representation cells: greys, not the overlay's old green/orange/vermillion (those are board
// kind colours); the cell text says strong, weak or absent, the shade only draws the eye to the
// gaps. The panel draws them at half opacity under the text.
constexpr std::uint32_t rep_cell_weak = IM_COL32(200, 200, 200, 255);
constexpr std::uint32_t rep_cell_absent = IM_COL32(90, 90, 90, 255);

TableCell text(std::string s) { return {std::move(s), 0, 0}; }
TableCell number(double v, int decimals = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return {buf, v, 0};
}

TableModel overlap_table(const Session& s, bool anon) {
    TableModel t;
    t.name = "Overlap pairs";
    t.columns = {"Board A", "Board B", "Shared people", "Jaccard", "Min overlap", "Newman weight"};
    t.numeric = {false, false, true, true, true, true};
    t.default_sort = 2;
    for (const auto& p : s.derived().overlap.board_pairs) {
        t.rows.push_back({text(s.display_name(p.a, anon)), text(s.display_name(p.b, anon)), number(p.shared),
                          number(p.jaccard, 2), number(p.min_overlap, 2), number(p.newman_weight, 2)});
        t.row_entity.push_back(p.a);
    }
    const int multi = s.derived().overlap.multi_board_people;
    t.note = count_people(multi) + (multi == 1 ? " sits" : " sit") + " on 2+ boards; click a row to select its first board.";
    return t;
}

/// "3 LSCP, 2 CSP": counts by board kind in vocabulary order, kinds by their short label.
std::string kind_counts(const std::map<std::string, int>& by_kind) {
    std::vector<std::pair<std::string, int>> kinds(by_kind.begin(), by_kind.end());
    std::stable_sort(kinds.begin(), kinds.end(), [](const auto& x, const auto& y) {
        return parse_board_kind(x.first) < parse_board_kind(y.first);
    });
    std::string out;
    for (const auto& [kind, n] : kinds) {
        std::string k = kind;
        if (auto bk = parse_board_kind(kind)) k = std::string(short_label(*bk));
        if (!out.empty()) out += ", ";
        out += std::to_string(n) + " " + k;
    }
    return out;
}

int total(const std::map<std::string, int>& by_kind) {
    int n = 0;
    for (const auto& [k, v] : by_kind) n += v;
    return n;
}

TableModel agency_load_table(const Session& s, bool anon) {
    TableModel t;
    const Derived& der = s.derived();
    if (der.expected_load) {
        // No counted seats: every seat column would be 0. What an agency owes as a statutory
        // partner needs no people, so that is the load shown, and named as such.
        t.name = "Load by agency (expected)";
        t.columns = {"Agency", "Sector", "Expected boards", "Expected meetings/yr", "Expected hours/yr",
                     "Expected by kind"};
        t.numeric = {false, false, true, true, true, false};
        t.default_sort = 4;
        for (const auto& a : der.boundaries.agencies) {
            t.rows.push_back({text(s.display_name(a.id, anon)), text(std::string(label(a.sector))),
                              number(total(a.expected_boards)), number(a.expected_meetings),
                              number(a.expected_hours), text(kind_counts(a.expected_boards))});
            t.row_entity.push_back(a.id);
        }
        t.note = "No seats in this file: expected attendance, i.e. the boards in each agency's area whose kind "
                 "expects its sector as a statutory partner (" + der.boundaries.rules + " rules).";
        return t;
    }
    t.name = "Load by agency";
    t.columns = {"Agency", "Sector", "Seats", "People", "Boards", "Meetings/yr", "Hours/yr", "Attended h"};
    t.numeric = {false, false, true, true, true, true, true, true};
    t.default_sort = 6;
    for (const auto& a : der.load.agencies) {
        t.rows.push_back({text(s.display_name(a.id, anon)), text(std::string(label(a.sector))), number(a.seats),
                          number(a.people), number(a.boards), number(a.meetings), number(a.hours),
                          number(a.attended_hours)});
        t.row_entity.push_back(a.id);
    }
    return t;
}

TableModel person_load_table(const Session& s, bool anon) {
    TableModel t;
    t.name = "Load by person";
    t.columns = {"Person", "Agency", "Seats", "Boards", "Meetings/yr", "Hours/yr", "Attended h"};
    t.numeric = {false, false, true, true, true, true, true};
    t.default_sort = 5;
    const Dataset& d = s.dataset();
    for (const auto& p : s.derived().load.people) {
        std::string agency;
        if (auto i = d.find_person(PersonId(p.id)); i && d.people[*i].agency)
            if (auto a = d.find_agency(*d.people[*i].agency)) agency = d.agencies[*a].name;
        t.rows.push_back({text(s.display_name(p.id, anon)), text(agency), number(p.seats), number(p.boards),
                          number(p.meetings), number(p.hours), number(p.attended_hours)});
        t.row_entity.push_back(p.id);
    }
    return t;
}

TableModel boundaries_table(const Session& s, bool anon) {
    TableModel t;
    t.name = "Boundaries by agency";
    // Expected (the statutory duty) first, then the patch, then how the footprints fit.
    t.columns = {"Agency",         "Sector",       "Expected meetings", "Expected hours", "Expected boards",
                 "Patch meetings", "Patch boards", "Equal",             "Agency wider",   "Agency narrower",
                 "Straddles"};
    t.numeric = {false, false, true, true, false, true, false, true, true, true, true};
    t.default_sort = 2;
    for (const auto& a : s.derived().boundaries.agencies) {
        int counts[4] = {0, 0, 0, 0};
        for (const auto& r : a.relations)
            if (r.relation != BoundaryRelation::disjoint) ++counts[static_cast<int>(r.relation)];
        t.rows.push_back({text(s.display_name(a.id, anon)), text(std::string(label(a.sector))),
                          number(a.expected_meetings), number(a.expected_hours), text(kind_counts(a.expected_boards)),
                          number(a.meetings_to_attend), text(kind_counts(a.boards_to_attend)), number(counts[0]),
                          number(counts[1]), number(counts[2]), number(counts[3])});
        t.row_entity.push_back(a.id);
    }
    t.note = "Expected: boards whose kind has the agency's sector as a statutory partner (" +
             s.derived().boundaries.rules + " rules). Patch: every board whose footprint meets the agency's.";
    return t;
}

TableModel representation_table(const Session& s, bool anon) {
    TableModel t;
    t.name = "Representation";
    const auto& boards = s.derived().representation.boards;
    // Columns: every sector expected by at least one board, in vocabulary order.
    std::set<Sector> sectors;
    for (const auto& b : boards)
        for (const auto& e : b.expected) sectors.insert(e.sector);
    t.columns = {"Board", "Kind"};
    t.numeric = {false, false};
    for (Sector sec : sectors) {
        t.columns.emplace_back(label(sec));
        t.numeric.push_back(true);
    }
    t.columns.emplace_back("Lay members");
    t.numeric.push_back(true);
    for (const auto& b : boards) {
        if (b.expected.empty()) continue;
        std::vector<TableCell> row{text(s.display_name(b.id, anon)), text(std::string(short_label(b.kind)))};
        for (Sector sec : sectors) {
            TableCell c;
            for (const auto& e : b.expected) {
                if (e.sector != sec) continue;
                if (e.present && e.senior_regular > 0) {
                    c = {"strong (" + std::to_string(e.seats) + ")", 3, 0};
                } else if (e.present) {
                    c = {"weak (" + std::to_string(e.seats) + ")", 2, rep_cell_weak};
                } else {
                    c = {"absent", 1, rep_cell_absent};
                }
            }
            row.push_back(c);
        }
        TableCell lay{"", 0, 0};
        for (const auto& r : b.roles)
            if (r.role == Role::lay_member) lay = {std::to_string(r.seats) + " of " + std::to_string(r.expected),
                                                   static_cast<double>(r.seats), 0};
        row.push_back(lay);
        t.rows.push_back(std::move(row));
        t.row_entity.push_back(b.id);
    }
    t.note = "strong: a senior, regular seat; weak: present but junior or irregular; (n) seats.";
    return t;
}

TableModel brokers_table(const Session& s, bool anon) {
    TableModel t;
    t.name = "Brokers";
    t.columns = {"Name", "Type", "Betweenness"};
    t.numeric = {false, false, true};
    t.default_sort = 2;
    for (const auto& b : s.derived().overlap.brokers) {
        if (b.betweenness <= 0) continue;
        t.rows.push_back({text(s.display_name(b.id, anon)), text(std::string(label(b.type))),
                          number(b.betweenness, 3)});
        t.row_entity.push_back(b.id);
    }
    t.note = s.derived().overlap.brokers_estimated ? "Betweenness estimated from sampled sources."
                                                   : "Exact betweenness on the person-board graph.";
    return t;
}

// The viewer's tables for each report kind it knows (see tables.hpp for why they are its own).
using KindTables = std::vector<TableModel> (*)(const Session& s, bool anon);
struct ViewerKind {
    std::string_view name;
    KindTables build;
};
const std::array<ViewerKind, 4> k_viewer_kinds = {{
    {"overlap", [](const Session& s, bool anon) {
         return std::vector<TableModel>{overlap_table(s, anon), brokers_table(s, anon)};
     }},
    {"boundaries", [](const Session& s, bool anon) {
         return std::vector<TableModel>{boundaries_table(s, anon)};
     }},
    {"load", [](const Session& s, bool anon) {
         return std::vector<TableModel>{agency_load_table(s, anon), person_load_table(s, anon)};
     }},
    {"representation", [](const Session& s, bool anon) {
         return std::vector<TableModel>{representation_table(s, anon)};
     }},
}};

/// A kind only the library knows: its report's main tables, computed at the session's date.
std::vector<TableModel> library_tables(const Session& s, const report::ReportKind& kind, bool anon) {
    std::optional<Dataset> hidden;
    if (anon) hidden = anonymised(s.dataset());
    report::ReportInputs in;
    in.dataset = hidden ? &*hidden : &s.dataset();
    in.options.as_of = s.derived().as_of;
    std::vector<TableModel> out;
    for (const auto& t : kind.run(in, false).tables)
        if (!t.detail) out.push_back(table_model(t));
    return out;
}

}  // namespace

TableModel table_model(const report::Table& t) {
    TableModel m;
    m.name = t.title.substr(0, t.title.find(" - "));
    m.note = t.note;
    for (const auto& c : t.columns) {
        m.columns.push_back(c.name);
        m.numeric.push_back(c.align == report::Align::right);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::vector<TableCell> row;
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const double full = r < t.numbers.size() && c < t.numbers[r].size() ? t.numbers[r][c] : std::nan("");
            row.push_back({t.rows[r][c], std::isfinite(full) ? full : std::atof(t.rows[r][c].c_str()), 0});
        }
        m.row_entity.push_back(t.rows[r].empty() ? std::string() : t.rows[r][0]);
        m.rows.push_back(std::move(row));
    }
    return m;
}

int first_table_of(const std::vector<TableModel>& tables, std::string_view kind) {
    for (std::size_t i = 0; i < tables.size(); ++i)
        if (tables[i].kind == kind) return static_cast<int>(i);
    return -1;
}

std::vector<TableModel> build_tables(const Session& s, bool anonymise) {
    std::vector<TableModel> out;
    if (!s.has_dataset()) return out;
    for (const auto& kind : report::report_kinds()) {
        const auto it = std::find_if(k_viewer_kinds.begin(), k_viewer_kinds.end(),
                                     [&](const ViewerKind& v) { return v.name == kind.name; });
        std::vector<TableModel> tables =
            it != k_viewer_kinds.end() ? it->build(s, anonymise) : library_tables(s, kind, anonymise);
        for (auto& t : tables) {
            t.kind = std::string(kind.name);
            out.push_back(std::move(t));
        }
    }
    return out;
}

std::string to_csv(const TableModel& t) {
    const auto field = [](const std::string& v) {
        if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
        std::string q = "\"";
        for (char c : v) {
            if (c == '"') q += '"';
            q += c;
        }
        return q + "\"";
    };
    std::string out;
    // Appending in two steps: GCC 12 warns falsely (-Wrestrict) on `"," + std::string&&`.
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (i) out += ',';
        out += field(t.columns[i]);
    }
    out += "\n";
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            out += field(report::spreadsheet_safe(row[i].text));
        }
        out += "\n";
    }
    return out;
}

}  // namespace boardscape::viewer
