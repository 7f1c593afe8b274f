// boardscape_bench: the project's benchmark (DESIGN §7). Prints one CSV row per (graph, engine)
// with time, peak memory and layout quality, and ratios to Graphviz sfdp run on the same graph
// in the same run. Each measured step runs in a forked child so its peak memory is its own.
//
// Besides layouts it times load + validate and the four analyses on a generated 20k-entity
// landscape (DESIGN §7 targets), boundaries alone there and on the national file, and
// import-members of a 10 000-row sheet into England 2024.
//
// With --igraph bench/igraph_fr.py every layout graph also gets a row for python3-igraph's grid
// Fruchterman–Reingold, whose note gives boardscape's speed-up and stress ratio against it.
//
//   boardscape_bench [--only SUBSTRING] [--no-sfdp] [--igraph SCRIPT] [--tmp DIR] [--datasets DIR]
#include "bench_util.hpp"
#include "boost_fr.hpp"

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/compare.hpp"
#include "boardscape/report/compare_report.hpp"
#include "boardscape/map/hex_map.hpp"
#include "boardscape/scenario.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"
#include "boardscape/edit.hpp"
#include "boardscape/generate.hpp"
#include "boardscape/import/members.hpp"
#include "boardscape/layout/dataset_graph.hpp"

#include "boardscape/layout/force_layout.hpp"
#include "boardscape/layout/metrics.hpp"
#include "boardscape/layout/synthetic.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <unordered_map>
#include <iterator>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

using namespace boardscape;
namespace lay = boardscape::layout;
using namespace boardscape::bench;

namespace {

// [SECTION] Options and rows

struct Options {
    std::string only;
    bool sfdp = true;
    std::string igraph_script;  // bench/igraph_fr.py; empty: no igraph rows
    std::string tmp = "/tmp";
    std::string datasets;
};

struct BenchGraph {
    std::string name;
    lay::LayoutGraph g;
};

struct Row {
    std::string graph, engine;
    std::size_t nodes = 0, edges = 0;
    Measured m;
    std::optional<lay::LayoutQuality> q;
    std::string note;
};

std::string fmt(double v, int digits = 3) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string ratio(double a, double b, int digits = 2) {
    if (!(b > 0) || !(a >= 0)) return "";
    return fmt(a / b, digits);
}

void print_header() {
    std::cout << "graph,engine,nodes,edges,seconds,cpu_seconds,peak_mb,stress,neighbourhood,crossings,"
                 "speedup_vs_sfdp,peak_mb_vs_sfdp,stress_vs_sfdp,neighbourhood_vs_sfdp,"
                 "crossings_vs_sfdp,note\n";
}

/// The note column as CSV: quoted (quotes doubled) when it holds a comma or a quote, so every
/// row has 16 fields for any CSV reader.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void print_row(const Row& r, const Row* sfdp) {
    std::cout << r.graph << ',' << r.engine << ',' << r.nodes << ',' << r.edges << ',';
    if (!r.m.ok) {
        std::cout << ",,,,,,,,,,," << csv_field(r.m.error) << "\n" << std::flush;
        return;
    }
    std::cout << fmt(r.m.seconds) << ',' << fmt(r.m.cpu_seconds) << ',' << fmt(r.m.peak_mb, 1) << ',';
    if (r.q) {
        std::cout << fmt(r.q->stress, 4) << ',' << fmt(r.q->neighbourhood, 3) << ','
                  << (r.q->crossings.estimated ? "~" : "") << fmt(r.q->crossings.count, 0);
    } else {
        std::cout << ",,";
    }
    std::cout << ',';
    const bool cmp = sfdp && sfdp->m.ok && sfdp != &r && r.q && sfdp->q;
    if (cmp) {
        std::cout << ratio(sfdp->m.seconds, r.m.seconds) << ','
                  << ratio(r.m.peak_mb, sfdp->m.peak_mb) << ','
                  << ratio(r.q->stress, sfdp->q->stress, 3) << ','
                  << ratio(r.q->neighbourhood, sfdp->q->neighbourhood, 3) << ','
                  << ratio(r.q->crossings.count, sfdp->q->crossings.count, 3) << ',';
    } else {
        std::cout << ",,,,,";
    }
    std::string note = r.note;
    if (r.q && r.q->crossings.estimated) note += std::string(note.empty() ? "" : "; ") + "crossings sampled";
    std::cout << csv_field(note) << "\n" << std::flush;
}

// [SECTION] Engines

Row run_engine(const BenchGraph& bg, const std::string& engine, const Options& opt) {
    Row row;
    row.graph = bg.name;
    row.engine = engine;
    row.nodes = bg.g.node_count;
    row.edges = bg.g.edges.size();
    const std::string out = opt.tmp + "/boardscape-bench-" + std::to_string(getpid()) + ".pos";
    std::vector<lay::Vec2> pos;
    if (engine == "igraph-fr") {
        row.m = run_igraph_fr(opt.igraph_script, bg.g, opt.tmp, pos);
    } else if (engine == "sfdp") {
        const std::string dot = opt.tmp + "/boardscape-bench-" + std::to_string(getpid()) + ".dot";
        const std::string plain = dot + ".plain";
        write_dot(bg.g, dot);
        row.m = run_sfdp(dot, bg.g.node_count, plain, pos);
        std::filesystem::remove(dot);
        std::filesystem::remove(plain);
    } else {
        row.m = run_in_child([&]() -> double {
            const double t0 = now_seconds();
            std::vector<lay::Vec2> p;
            if (engine == "boost-fr") {
                p = boost_fr_layout(bg.g, 1);
            } else {
                lay::LayoutOptions lo;
                lo.seed = 1;
                lo.multilevel = engine != "boardscape-1level";
                p = lay::run_layout(bg.g, lo);
            }
            const double s = now_seconds() - t0;
            write_positions(p, out);
            return s;
        });
        if (row.m.ok) {
            auto p = read_positions(out, bg.g.node_count);
            if (p) pos = std::move(*p);
            else {
                row.m.ok = false;
                row.m.error = "no positions";
            }
        }
        std::filesystem::remove(out);
    }
    if (row.m.ok) row.q = lay::measure_layout(bg.g, pos, 1);
    return row;
}

void bench_graph(const BenchGraph& bg, const Options& opt) {
    std::optional<Row> sfdp;
    if (opt.sfdp) {
        sfdp = run_engine(bg, "sfdp", opt);
        print_row(*sfdp, &*sfdp);
    }
    const Row* ref = sfdp ? &*sfdp : nullptr;
    const Row ours = run_engine(bg, "boardscape", opt);
    print_row(ours, ref);
    if (bg.g.node_count <= 2500) print_row(run_engine(bg, "boost-fr", opt), ref);
    if (!opt.igraph_script.empty()) {
        // DESIGN §7 (second round): ≥ 2× faster than igraph's grid FR at ≤ 1.05× its stress.
        Row ig = run_engine(bg, "igraph-fr", opt);
        if (ig.m.ok && ours.m.ok && ours.q && ig.q)
            ig.note = "boardscape vs this: " + ratio(ig.m.seconds, ours.m.seconds) + "x the speed; stress " +
                      ratio(ours.q->stress, ig.q->stress, 3) + "x";
        print_row(ig, ref);
    }
}

// [SECTION] Scenario and compare on the national file (DESIGN §7: <= 0.3 s; panel <= 30 ms)

/// The README's worked scenario: the five West Yorkshire councils' SABs merged into one.
MergeSpec west_yorkshire_sabs() {
    MergeSpec m;
    for (const char* id : {"sab-bradford", "sab-calderdale", "sab-kirklees", "sab-leeds",
                           "sab-wakefield"})
        m.boards.emplace_back(id);
    m.name = "West Yorkshire Safeguarding Adults Board";
    m.new_id = "sab-west-yorkshire";
    return m;
}

void bench_scenario(const std::filesystem::path& national, const Dataset& nd, const Options& opt) {
    if (!nd.find_board(BoardId("sab-leeds"))) return;  // a different national file
    const std::size_t entities = nd.areas.size() + nd.agencies.size() + nd.boards.size();
    const auto row = [&](const std::string& engine, const std::function<double()>& work,
                         const std::string& note) {
        Row r;
        r.graph = "dataset:england-2024";
        r.engine = engine;
        r.nodes = entities;
        r.edges = nd.memberships.size();
        r.m = run_in_child(work);
        r.note = note;
        print_row(r, nullptr);
    };
    const std::string out = opt.tmp + "/boardscape-bench-scenario-" + std::to_string(getpid()) + ".json";
    // What `boardscape scenario` then `boardscape compare --format json` do, end to end:
    // read and validate, merge (validated), write; read both, compare, JSON.
    row("scenario+compare", [&] {
        const double t0 = now_seconds();
        const Dataset in = load_dataset_file(national).dataset;
        ScenarioSpec spec;
        spec.merge = west_yorkshire_sabs();
        save_dataset_file(apply_scenario(in, spec, today_utc()).dataset, out);
        const Dataset before = load_dataset_file(national).dataset;
        const Dataset after = load_dataset_file(out).dataset;
        const std::string json = report::to_json(compare(before, after));
        const double s = now_seconds() - t0;
        return json.size() > 100 ? s : -1.0;
    }, "scenario (load, merge 5 SABs, validate, write) + compare (load both, JSON); target <= 0.300 s");

    // The viewer's Scenario panel: the original's figures are kept; after each edit only the
    // edited side is recomputed and compared. Timed over 20 cadence values, the mean reported.
    ScenarioSpec spec;
    spec.merge = west_yorkshire_sabs();
    const Dataset merged = apply_scenario(nd, spec, today_utc()).dataset;
    row("scenario-panel-delta", [&] {
        const LandscapeFigures before = landscape_figures(nd, std::nullopt);
        Dataset edited = merged;
        const std::size_t b = *edited.find_board(BoardId("sab-west-yorkshire"));
        const int runs = 20;
        const double t0 = now_seconds();
        std::size_t rows = 0;
        for (int i = 0; i < runs; ++i) {
            edited.boards[b].meetings_per_year = 4 + i;  // what a cadence edit changes
            const Comparison c = compare(nd, before, edited, landscape_figures(edited, std::nullopt));
            rows += c.agencies.size();
        }
        const double s = (now_seconds() - t0) / runs;
        return rows > 0 ? s : -1.0;
    }, "delta recompute per edit (after side + compare), mean of 20; target <= 0.030 s");
    // What the viewer redoes on each step of a dragged cadence: the same recompute on its
    // cached copy (no apply_edit), plus the map's colour by the change (each agency's change in
    // hours shared over its footprint's districts) on the map already built.
    row("scenario-panel-drag", [&] {
        const LandscapeFigures before = landscape_figures(nd, std::nullopt);
        Dataset edited = merged;
        map::MapOptions mo;
        mo.fill = *map::parse_layer("sab");
        const map::MapResult m = map::compute_map(edited, mo);
        const std::size_t b = *edited.find_board(BoardId("sab-west-yorkshire"));
        const int runs = 20;
        const double t0 = now_seconds();
        double total = 0;
        for (int i = 0; i < runs; ++i) {
            edited.boards[b].meetings_per_year = 4 + i;
            const Comparison c = compare(nd, before, edited, landscape_figures(edited, std::nullopt));
            std::unordered_map<std::string, double> by_id;
            for (const auto& a : c.agencies) by_id[a.id] = a.delta.expected_hours;
            std::vector<double> by_agency(edited.agencies.size(), 0.0);
            for (std::size_t a = 0; a < edited.agencies.size(); ++a)
                if (const auto it = by_id.find(edited.agencies[a].id.str()); it != by_id.end()) by_agency[a] = it->second;
            for (const double x : map::spread_over_footprints(edited, m, by_agency)) total += x;
        }
        const double s = (now_seconds() - t0) / runs;
        return total != 0 ? s : -1.0;
    }, "Scenario panel, one step of a dragged cadence: delta recompute + map cells, mean of 20; target <= 0.030 s");
    row("scenario-cadence-edit", [&] {
        Dataset edited = merged;
        const double t0 = now_seconds();
        apply_edit(edited, cadence_edit(edited, BoardId("sab-west-yorkshire"), Cadence{8, 2.0}));
        return now_seconds() - t0;
    }, "applying one cadence edit (apply_edit validates the whole file)");
    std::filesystem::remove(out);
}

// [SECTION] Load and analyses on a generated landscape

void bench_dataset_work(const Options& opt) {
    GenerateOptions go;
    go.people = 16000;
    go.boards = 1200;
    go.seed = 11;
    const Dataset d = generate_landscape(go);
    const std::size_t entities = d.areas.size() + d.agencies.size() + d.boards.size() + d.people.size();
    const std::string file = opt.tmp + "/boardscape-bench-" + std::to_string(getpid()) + ".json";
    save_dataset_file(d, file);
    auto row = [&](const std::string& engine, const std::function<double()>& work,
                   const std::string& note) {
        Row r;
        r.graph = "landscape-" + std::to_string(entities / 1000) + "k-entities";
        r.engine = engine;
        r.nodes = entities;
        r.edges = d.memberships.size();
        r.m = run_in_child(work);
        r.note = note;
        print_row(r, nullptr);
    };
    row("load+validate", [&] {
        const double t0 = now_seconds();
        const LoadResult lr = load_dataset_file(file);
        return lr.dataset.people.empty() ? -1.0 : now_seconds() - t0;
    }, "target <= 0.200 s");
    AnalysisOptions ao;
    const auto four_analyses = [&]() -> double {
        OverlapOptions oo;
        oo.brokers = false;
        const double t0 = now_seconds();
        const auto ov = compute_overlap(d, ao, oo);
        const auto bd = compute_boundaries(d, ao);
        const auto ld = compute_load(d, ao);
        const auto rp = compute_representation(d, ao);
        const double s = now_seconds() - t0;
        return ov.board_pairs.size() + bd.agencies.size() + ld.people.size() + rp.boards.size() > 0 ? s : -1.0;
    };
    row("analyses-4", four_analyses, "overlap (no brokers) + boundaries + load + representation; target <= 0.100 s");
    // The viewer recomputes them after every edit in a process that has run them before: the
    // same four, timed on their second run in the child (the first one's pages are mapped).
    row("analyses-4-again", [&] {
        if (four_analyses() < 0) return -1.0;
        return four_analyses();
    }, "the same four run a second time in one process (the viewer's recompute after an edit)");
    // Boundaries alone: its inverted index (leaf → boards) keeps it linear in the incidences,
    // and expected attendance must not undo that.
    row("boundaries", [&] {
        const double t0 = now_seconds();
        const auto bd = compute_boundaries(d, ao);
        const double s = now_seconds() - t0;
        return bd.agencies.empty() ? -1.0 : s;
    }, "boundaries with expected attendance (built-in rules)");
    row("brokers", [&] {
        const double t0 = now_seconds();
        const auto ov = compute_overlap(d, ao);
        const double s = now_seconds() - t0;
        return ov.brokers.empty() ? -1.0 : s;
    }, "overlap with brokers (Brandes; sampled above 5000 vertices)");
    std::filesystem::remove(file);

    // The national file: no people, every agency and board of England, so boundaries and its
    // expected attendance are the whole of what a planner runs on it.
    const std::filesystem::path national = std::filesystem::path(opt.datasets) / "england-2024.json";
    if (!opt.datasets.empty() && std::filesystem::exists(national)) {
        const Dataset nd = load_dataset_file(national).dataset;
        Row r;
        r.graph = "dataset:england-2024";
        r.engine = "boundaries";
        r.nodes = nd.areas.size() + nd.agencies.size() + nd.boards.size();
        r.edges = nd.memberships.size();
        r.m = run_in_child([&] {
            const double t0 = now_seconds();
            const auto bd = compute_boundaries(nd, ao);
            const double s = now_seconds() - t0;
            return bd.agencies.empty() ? -1.0 : s;
        });
        r.note = "boundaries with expected attendance on the national file";
        print_row(r, nullptr);
    }
}

// [SECTION] import-members of a 10 000-row sheet into the national file

/// A members sheet of `rows` rows over `d`'s boards and agencies, by name (the slower match):
/// 4000 people on 2–3 boards each, cycling roles and attendance, with a quoted name now and
/// then. Deterministic.
std::string members_sheet(const Dataset& d, std::size_t rows) {
    const char* roles[] = {"member", "chair", "Vice chair", "officer", "member"};
    const char* attendance[] = {"regular", "sporadic", "", "never"};
    const std::size_t people = 4000;
    std::string out = "person,agency,board,role,attendance,from,title\n";
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t p = r % people, k = r / people;
        const Agency& a = d.agencies[p % d.agencies.size()];
        const Board& b = d.boards[(p * 13 + k * 101) % d.boards.size()];
        out += "Member " + std::to_string(p) + ",\"" + a.name + "\",\"" + b.name + "\"," +
               roles[r % 5] + "," + attendance[r % 4] + ",2024-0" + std::to_string(1 + k) +
               "-01,Officer " + std::to_string(p % 17) + "\n";
    }
    return out;
}

void bench_members_import(const Options& opt) {
    const std::string base_file = opt.datasets + "/england-2024.json";
    if (!std::filesystem::exists(base_file)) {
        std::cout << "members-10k-rows,import-members,,,,,,,,,,,,,,skipped: no " << base_file << "\n";
        return;
    }
    const Dataset national = load_dataset_file(base_file).dataset;
    const std::size_t rows = 10000;
    const std::string sheet = opt.tmp + "/boardscape-bench-members-" + std::to_string(getpid()) + ".csv";
    const std::string out = opt.tmp + "/boardscape-bench-members-" + std::to_string(getpid()) + ".json";
    write_file_atomically(sheet, members_sheet(national, rows));
    Row r;
    r.graph = "members-10k-rows";
    r.engine = "import-members";
    r.nodes = rows;
    r.edges = national.boards.size();
    // What `boardscape import-members SHEET --base england-2024.json -o OUT` does after start-up:
    // load and validate BASE, read the sheet, plan, apply, validate the text, write it
    // atomically.
    r.m = run_in_child([&] {
        const double t0 = now_seconds();
        const Dataset base = load_dataset_file(base_file).dataset;
        std::ifstream in(sheet, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto plan = import::plan_members_import(base, bytes, sheet);
        if (!plan.ok() || plan.seats_added.size() != rows) return -1.0;
        const std::string text = dataset_to_json_text(import::apply_members_plan(base, plan));
        (void)parse_dataset(text, out);  // validated before it is written
        write_file_atomically(out, text);
        return now_seconds() - t0;
    });
    r.note = "10 000 rows (4000 people; boards and agencies by name) into england-2024.json: "
             "load + plan + apply + validate + atomic write; target <= 0.300 s";
    print_row(r, nullptr);
    std::filesystem::remove(sheet);
    std::filesystem::remove(out);
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "boardscape_bench: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--only") opt.only = value();
        else if (a == "--no-sfdp") opt.sfdp = false;
        else if (a == "--igraph") opt.igraph_script = value();
        else if (a == "--tmp") opt.tmp = value();
        else if (a == "--datasets") opt.datasets = value();
        else {
            std::cerr << "usage: boardscape_bench [--only SUBSTRING] [--no-sfdp] [--igraph SCRIPT] "
                         "[--tmp DIR] [--datasets DIR]\n";
            return 2;
        }
    }
    auto wanted = [&](const std::string& name) {
        return opt.only.empty() || name.find(opt.only) != std::string::npos;
    };
    print_header();
    std::vector<std::pair<std::string, std::function<lay::LayoutGraph()>>> graphs = {
        {"grid-50x50", [] { return lay::grid_graph(50, 50); }},
        {"community-5k-20k", [] { return lay::community_graph(5000, 20000, 7); }},
        {"community-20k-100k", [] { return lay::community_graph(20000, 100000, 7); }},
    };
    graphs.push_back({"landscape-5000p-500b", [] {
                          GenerateOptions go;
                          go.people = 5000;
                          go.boards = 500;
                          go.seed = 3;
                          return lay::dataset_graph(generate_landscape(go)).graph;
                      }});
    if (!opt.datasets.empty() && std::filesystem::is_directory(opt.datasets)) {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(opt.datasets))
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            graphs.push_back({"dataset:" + f.stem().string(),
                              [f] { return lay::dataset_graph(load_dataset_file(f).dataset).graph; }});
    }
    for (auto& [name, make] : graphs) {
        if (!wanted(name)) continue;
        try {
            bench_graph({name, make()}, opt);
        } catch (const std::exception& e) {
            std::cout << name << ",,,,,,,,,,,,,,," << "skipped: " << e.what() << "\n";
        }
    }
    if (wanted("landscape-20k") || wanted("analyses") || wanted("load")) bench_dataset_work(opt);
    if (wanted("members") && !opt.datasets.empty()) bench_members_import(opt);
    if (wanted("scenario")) {
        const std::filesystem::path national =
            std::filesystem::path(opt.datasets) / "england-2024.json";
        if (!opt.datasets.empty() && std::filesystem::exists(national))
            bench_scenario(national, load_dataset_file(national).dataset, opt);
    }
    return 0;
}
