// `boardscape summary FILE`: counts by entity type, board kind and agency sector, with what is
// active at the analysis date (--as-of, else meta.as_of, else everything). The counting and
// both outputs are the library's (report/summary_report.hpp).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/report/summary_report.hpp"

#include <algorithm>

namespace boardscape::cli {

namespace {

const std::vector<std::string> k_formats = {"table", "csv", "json", "md", "xlsx"};

int run_summary(const Args& args) {
    std::string format = args.get("format").value_or("table");
    if (format == "markdown") format = "md";
    if (std::find(k_formats.begin(), k_formats.end(), format) == k_formats.end())
        throw_bad_choice("format", format, k_formats);
    const std::string output =
        format == "xlsx" ? xlsx_output(args) : args.get("output").value_or("-");
    if (output.empty()) throw UsageError("option '-o' needs a file name");
    const AnalysisOptions opts = analysis_options(args);
    const std::string& file = args.positional.at(0);
    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    const Dataset& d = loaded->dataset;
    const report::DatasetSummary s = report::summarise(d, opts);
    if (format == "xlsx") {
        report::WorkbookAbout about;
        about.title = "boardscape summary";
        about.dataset = display_name(file);
        about.dataset_title = d.meta.title;
        if (s.as_of) about.as_of = s.as_of->str();
        return write_xlsx_output(output, report::summary_tables(s), about) ? exit_ok : exit_input;
    }
    const std::string text = format == "json" ? report::to_json(s)
                                              : report::render(report::summary_tables(s),
                                                               *report::parse_table_format(format));
    return write_output(output, text) ? exit_ok : exit_input;
}

}  // namespace

Command command_summary() {
    Command c;
    c.spec.name = "summary";
    c.spec.synopsis = "FILE [--as-of YYYY-MM-DD] [--format table|csv|json|md|xlsx] [-o OUT]";
    c.spec.summary = "counts by entity type and board kind, active at the date";
    c.spec.options = {
        {"as-of", 0, "YYYY-MM-DD", "count what is active on this date (default: meta.as_of)"},
        {"format", 0, "FORMAT", "table (default), csv, json, md or xlsx (needs -o)"},
        {"output", 'o', "OUT", "write to OUT instead of standard output (required for xlsx)"},
    };
    c.spec.positional_names = {"FILE"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_summary;
    return c;
}

}  // namespace boardscape::cli
