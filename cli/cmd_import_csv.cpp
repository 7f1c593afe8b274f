// `boardscape import-csv DIR -o OUT.json`: a dataset from the folder `export --to csv` writes
// (DESIGN §8.1). Every problem is located at the CSV cell it comes from.
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/dataset_csv.hpp"
#include "boardscape/dataset_json.hpp"

#include <iostream>

namespace boardscape::cli {

namespace {

int run_import_csv(const Args& args) {
    const std::string dir = args.positional.at(0);
    const auto out = args.get("output");
    if (!out || out->empty()) throw UsageError("option '-o OUT.json' is required");
    CsvLoadResult loaded;
    try {
        loaded = read_dataset_csv_dir(dir);
    } catch (const CsvDatasetError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format_file_diagnostic(d) << "\n";
        return exit_input;
    }
    for (const auto& w : loaded.warnings) std::cerr << format_file_diagnostic(w) << "\n";
    if (!write_dataset_output(*out, dataset_to_json_text(loaded.dataset))) return exit_input;
    const Dataset& d = loaded.dataset;
    std::cerr << display_name(*out) << ": " << d.areas.size() << " areas, " << d.agencies.size()
              << " agencies, " << d.boards.size() << " boards, " << d.people.size() << " people, "
              << d.memberships.size() << " memberships, " << d.relations.size() << " relations\n";
    return exit_ok;
}

}  // namespace

Command command_import_csv() {
    Command c;
    c.spec.name = "import-csv";
    c.spec.synopsis = "DIR -o OUT.json";
    c.spec.summary = "read a dataset back from the CSV folder 'export --to csv' writes";
    c.spec.description =
        "DIR holds areas.csv, agencies.csv, boards.csv, people.csv, memberships.csv,\n"
        "relations.csv (columns = the JSON field names; footprints joined with ';') and\n"
        "meta.json (meta, layout, saved views). A missing entity file is an empty list.\n"
        "The result is validated like any dataset; problems are reported as\n"
        "FILE:LINE:COL: error: ... at the cell they come from. OUT is written atomically\n"
        "(an existing OUT is kept as OUT.bak).";
    c.spec.options = {
        {"output", 'o', "OUT.json", "where to write the dataset ('-' for standard output)"},
    };
    c.spec.positional_names = {"DIR"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_import_csv;
    return c;
}

}  // namespace boardscape::cli
