// `boardscape map FILE --fill LAYER [--borders LAYER] [--agency ID] [--as-of D]
//  [--format svg|json] -o OUT`: England's districts as hexes, coloured by one layer's regions,
// with a second layer's boundaries and the edges where the two disagree (DESIGN §8.2).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/map/map_output.hpp"
#include "boardscape/suggest.hpp"

#include <algorithm>
#include <iostream>

namespace boardscape::cli {

namespace {

const std::vector<std::string> k_formats = {"svg", "json"};

map::Layer layer_option(const Args& args, const std::string& name) {
    const auto value = args.get(name);
    if (!value) throw UsageError("missing option '--" + name + " LAYER' (a board kind such as lscp, or a sector such as police)");
    if (auto l = map::parse_layer(*value)) return *l;
    std::vector<std::string> choices(board_kind_names().begin(), board_kind_names().end());
    for (const auto s : sector_names())
        if (std::find(choices.begin(), choices.end(), s) == choices.end()) choices.emplace_back(s);
    throw_bad_choice("layer", *value, choices);
}

std::string format_of(const Args& args, const std::string& out) {
    if (auto f = args.get("format")) {
        if (std::find(k_formats.begin(), k_formats.end(), *f) == k_formats.end())
            throw_bad_choice("format", *f, k_formats);
        return *f;
    }
    if (out.size() > 5 && out.substr(out.size() - 5) == ".json") return "json";
    return "svg";
}

int run_map(const Args& args) {
    const std::string& file = args.positional.at(0);
    const auto out = args.get("output");
    if (!out) throw UsageError("missing option '-o OUT' (use '-o -' for standard output)");
    if (out->empty()) throw UsageError("option '-o' needs a file name");
    map::MapOptions opts;
    opts.fill = layer_option(args, "fill");
    if (args.get("borders")) opts.borders = layer_option(args, "borders");
    opts.analysis = analysis_options(args);
    const std::string format = format_of(args, *out);
    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    const Dataset& d = loaded->dataset;
    if (auto agency = args.get("agency")) {
        if (!d.find_agency(AgencyId(*agency))) {
            std::vector<std::string> ids;
            for (const auto& a : d.agencies) ids.push_back(a.id.str());
            std::string msg = display_name(file) + ": error: no agency with id '" + *agency + "'";
            if (const auto c = closest_match(*agency, ids)) msg += "; did you mean '" + *c + "'?";
            std::cerr << msg << "\n";
            return exit_input;
        }
        opts.agency = *agency;
    }
    map::MapResult m;
    try {
        m = map::compute_map(d, opts);
    } catch (const map::MapError& e) {
        std::cerr << display_name(file) << ": error: " << e.what() << "\n";
        return exit_input;
    }
    const std::string text = format == "json" ? map::map_json(d, m, opts) : map::map_svg(d, m, opts);
    return write_output(*out, text) ? exit_ok : exit_input;
}

}  // namespace

Command command_map() {
    Command c;
    c.spec.name = "map";
    c.spec.synopsis = "FILE --fill LAYER [--borders LAYER] [--agency ID] [--as-of D] [--format svg|json] -o OUT";
    c.spec.summary = "England's districts as hexes: one layer's regions, another's borders, where they disagree";
    c.spec.description =
        "A LAYER is a board kind (lscp, sab, csp, icp, ...) whose active top-level boards are the\n"
        "regions, or an agency sector (police, health_commissioner, ...) whose agencies are.\n"
        "Each hex is a district of the 2015 or 2023 layout (chosen by the file's ONS codes) and\n"
        "belongs to the region holding most of it. --borders draws a second layer's boundaries\n"
        "thick and highlights the edges where exactly one of the two layers has a boundary.\n"
        "--agency ID shows the agency's footprint and colours the fill layer's boards it must\n"
        "attend by how they sit against it (same, inside, straddling).\n"
        "Example: boardscape map datasets/england-2024.json --fill lscp --borders police -o map.svg\n"
        "OUT is replaced atomically; the format follows --format, else OUT's extension (.json).";
    c.spec.options = {
        {"fill", 0, "LAYER", "the layer whose regions colour the hexes"},
        {"borders", 0, "LAYER", "a second layer drawn as thick boundaries"},
        {"agency", 0, "ID", "show this agency's footprint and the boards it must attend"},
        {"as-of", 0, "YYYY-MM-DD", "which boards are active (default: meta.as_of)"},
        {"format", 0, "svg|json", "output format (default: svg, or json for a .json OUT)"},
        {"output", 'o', "OUT", "output file ('-' for standard output)"},
        {"anonymise", 0, "", "accepted for symmetry with report and export: a map names no people"},
    };
    c.spec.positional_names = {"FILE"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_map;
    return c;
}

}  // namespace boardscape::cli
