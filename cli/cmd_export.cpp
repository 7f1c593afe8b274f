// `boardscape export FILE --to graphml|dot|csv -o OUT`: the whole dataset (active or not) as a
// graph file, written atomically (`-o -` writes to standard output), or as a folder of CSV
// files, one per entity array, that `import-csv` reads back (DESIGN §8.1).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/anonymise.hpp"
#include "boardscape/atomic_write.hpp"
#include "boardscape/dataset_csv.hpp"
#include "boardscape/export.hpp"

#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace boardscape::cli {

namespace {

const std::vector<std::string> k_targets = {"graphml", "dot", "csv"};

/// --to, else guessed from OUT's extension (.graphml/.xml, .dot/.gv).
std::string export_target(const Args& args, const std::string& out) {
    if (auto to = args.get("to")) {
        if (std::find(k_targets.begin(), k_targets.end(), *to) == k_targets.end())
            throw_bad_choice("export format", *to, k_targets);
        return *to;
    }
    const auto dot = out.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : out.substr(dot + 1);
    if (ext == "graphml" || ext == "xml") return "graphml";
    if (ext == "dot" || ext == "gv") return "dot";
    throw UsageError("missing option '--to graphml|dot|csv'");
}

int run_export(const Args& args) {
    const std::string& file = args.positional.at(0);
    const auto out = args.get("output");
    if (!out) throw UsageError("missing option '-o OUT' (use '-o -' for standard output)");
    if (out->empty()) throw UsageError("option '-o' needs a file name");
    const std::string target = export_target(args, *out);
    if (target == "csv" && *out == "-")
        throw UsageError("'--to csv' writes a folder of files: give '-o DIR'");
    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    // --anonymise exports a copy whose people are pseudonyms (boardscape/anonymise.hpp).
    std::optional<Dataset> hidden;
    if (args.has("anonymise")) hidden = anonymised(loaded->dataset);
    const Dataset& d = hidden ? *hidden : loaded->dataset;
    if (target == "csv") {
        try {
            write_dataset_csv_dir(d, *out);
        } catch (const WriteError& e) {
            std::cerr << e.path().string() << ": error: cannot write: " << e.reason() << "\n";
            return exit_input;
        } catch (const std::invalid_argument& e) {
            std::cerr << display_name(file) << ": error: " << e.what() << "\n";
            return exit_input;
        }
        return exit_ok;
    }
    std::ostringstream text;
    if (target == "graphml")
        write_graphml(d, text);
    else
        write_dot(d, text);
    return write_output(*out, text.str()) ? exit_ok : exit_input;
}

}  // namespace

Command command_export() {
    Command c;
    c.spec.name = "export";
    c.spec.synopsis = "FILE --to graphml|dot|csv -o OUT [--anonymise]";
    c.spec.summary =
        "write the dataset as GraphML (NetworkX, yEd, Gephi), Graphviz DOT or CSV files";
    c.spec.description =
        "Every entity and membership is exported, active or not, with dates as data.\n"
        "OUT is replaced atomically; '-o -' writes to standard output. Without --to the\n"
        "format follows OUT's extension (.graphml, .dot). --anonymise names people as the\n"
        "viewer's A does (\"Police rep 3\", id police-rep-3) and drops their titles and the\n"
        "sources of seats.\n"
        "\n"
        "--to csv -o DIR writes one spreadsheet per entity array into DIR (created if needed):\n"
        "areas.csv, agencies.csv, boards.csv, people.csv, memberships.csv, relations.csv, with\n"
        "the JSON field names as columns and footprints joined with ';', plus meta.json (meta,\n"
        "layout, saved views). 'boardscape import-csv DIR' reads them back unchanged.";
    c.spec.options = {
        {"to", 0, "graphml|dot|csv", "output format"},
        {"output", 'o', "OUT", "output file ('-' for standard output); a folder for csv"},
        {"anonymise", 0, "", "people as \"Police rep 3\": no name or person id in the output"},
    };
    c.spec.positional_names = {"FILE"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_export;
    return c;
}

}  // namespace boardscape::cli
