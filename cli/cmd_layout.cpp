// `boardscape layout IN -o OUT.tsv [--seed N] [--metrics]`: lays out a dataset (one node per
// entity, see layout/dataset_graph.hpp) or a `.edges` edge list and writes `id x y` per node.
// The work is all in the library; this parses arguments and formats output.
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/layout/dataset_graph.hpp"
#include "boardscape/layout/edge_list.hpp"
#include "boardscape/layout/force_layout.hpp"
#include "boardscape/layout/metrics.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace boardscape::cli {

namespace {

std::uint64_t parse_seed(std::string_view text) {
    std::uint64_t v = 0;
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), last, v);
    if (text.empty() || ec != std::errc() || ptr != last)
        throw UsageError("option '--seed' needs a whole number >= 0, not '" + std::string(text) + "'");
    return v;
}

bool is_edge_list(const std::string& file) {
    return file.size() > 6 && file.compare(file.size() - 6, 6, ".edges") == 0;
}

int run_layout_command(const Args& args) {
    const std::string& file = args.positional.at(0);
    const auto out = args.get("output");
    if (!out) throw UsageError("missing option '-o OUT' (use '-o -' for standard output)");
    if (out->empty()) throw UsageError("option '-o' needs a file name");
    layout::LayoutOptions opts;
    if (auto s = args.get("seed")) opts.seed = parse_seed(*s);
    if (auto t = args.get("threads")) opts.threads = static_cast<int>(std::min<std::size_t>(
                                          parse_positive_count("threads", *t), 256));

    std::vector<std::string> ids;
    layout::LayoutGraph graph;
    if (is_edge_list(file)) {
        try {
            auto list = layout::read_edge_list_file(file);
            ids = std::move(list.ids);
            graph = std::move(list.graph);
        } catch (const LoadError& e) {
            for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(file, d) << "\n";
            return exit_input;
        }
    } else {
        const auto loaded = load_input(file);
        if (!loaded) return exit_input;
        auto g = layout::dataset_graph(loaded->dataset);
        ids = std::move(g.ids);
        graph = std::move(g.graph);
    }

    const auto t0 = std::chrono::steady_clock::now();
    const auto pos = layout::run_layout(graph, opts);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::string text;
    text.reserve(ids.size() * 32);
    char buf[64];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::snprintf(buf, sizeof buf, " %.6f %.6f\n", pos[i].x, pos[i].y);
        text += ids[i];
        text += buf;
    }
    if (!write_output(*out, text)) return exit_input;

    if (args.has("metrics")) {
        const auto q = layout::measure_layout(graph, pos, opts.seed);
        std::ostream& m = *out == "-" ? std::cerr : std::cout;
        std::snprintf(buf, sizeof buf, "%.3f", seconds);
        m << "nodes: " << graph.node_count << "\nedges: " << graph.edges.size()
          << "\ntime: " << buf << " s\n";
        std::snprintf(buf, sizeof buf, "%.4f", q.stress);
        m << "stress: " << buf << " (scale-normalised, 0 is perfect)\n";
        std::snprintf(buf, sizeof buf, "%.3f", q.neighbourhood);
        m << "neighbourhood preservation: " << buf << " (1 is perfect)\n";
        std::snprintf(buf, sizeof buf, "%.0f", q.crossings.count);
        m << "crossings: " << buf << (q.crossings.estimated ? " (estimated from a sample)" : "")
          << "\n";
    }
    return exit_ok;
}

}  // namespace

Command command_layout() {
    Command c;
    c.spec.name = "layout";
    c.spec.synopsis = "IN -o OUT.tsv [--seed N] [--metrics]";
    c.spec.summary = "compute a force-directed layout; write 'id x y' per node";
    c.spec.description =
        "IN is a boardscape JSON file (one node per area, agency, board and person; edges\n"
        "for seats, employers, sub-groups, relations, footprints) or an edge list ending in\n"
        "'.edges' (one 'u v' pair per line, optional weight, '#' comments). Positions are in\n"
        "world units with a natural edge length of 1; the same seed gives the same layout.\n"
        "Saved positions in a JSON file are ignored: this computes a fresh layout.\n"
        "--metrics prints time, scale-normalised stress, neighbourhood preservation and\n"
        "edge crossings (to stderr when OUT is '-').";
    c.spec.options = {
        {"output", 'o', "OUT", "output file ('-' for standard output)"},
        {"seed", 0, "N", "random seed (default 1)"},
        {"threads", 0, "N", "worker threads (default: all cores)"},
        {"metrics", 0, "", "print timing and quality metrics"},
    };
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_layout_command;
    return c;
}

}  // namespace boardscape::cli
