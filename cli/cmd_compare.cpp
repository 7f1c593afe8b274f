// `boardscape compare BEFORE AFTER`: what changes for each agency and person between two
// landscapes — a scenario and its original, two dates of one file, or two national files —
// as the JSON of DESIGN §8.3 or as tables (terminal, CSV, Markdown).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/compare.hpp"
#include "boardscape/report/compare_report.hpp"

#include <algorithm>
#include <iostream>

namespace boardscape::cli {

namespace {

const std::vector<std::string> k_formats = {"table", "csv", "json", "md", "xlsx"};

int run_compare(const Args& args) {
    const std::string& before_file = args.positional.at(0);
    const std::string& after_file = args.positional.at(1);
    std::string format = args.get("format").value_or("table");
    if (format == "markdown") format = "md";
    if (std::find(k_formats.begin(), k_formats.end(), format) == k_formats.end())
        throw_bad_choice("format", format, k_formats);
    const std::string out = format == "xlsx" ? xlsx_output(args) : args.get("output").value_or("-");
    if (out.empty()) throw UsageError("option '-o' needs a file name");

    CompareOptions opts;
    if (args.has("as-of") && (args.has("before-as-of") || args.has("after-as-of")))
        throw UsageError("give either --as-of (both sides) or --before-as-of/--after-as-of");
    if (auto v = args.get("as-of")) opts.before_as_of = opts.after_as_of = parse_date_option("as-of", *v);
    if (auto v = args.get("before-as-of")) opts.before_as_of = parse_date_option("before-as-of", *v);
    if (auto v = args.get("after-as-of")) opts.after_as_of = parse_date_option("after-as-of", *v);
    if (auto v = args.get("prep-factor")) opts.prep_factor = parse_non_negative("prep-factor", *v);
    if (auto v = args.get("travel-hours")) opts.travel_hours = parse_non_negative("travel-hours", *v);

    std::optional<RepresentationRules> rules;
    if (auto rules_file = args.get("rules")) {
        const auto text = read_text_file(*rules_file);
        if (!text) return exit_input;
        const std::string name = display_name(*rules_file);
        try {
            rules = parse_representation_rules(*text, name);
        } catch (const LoadError& e) {
            for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(name, d) << "\n";
            return exit_input;
        }
        opts.rules = &*rules;
    }

    // Both files are read and checked before anything is written, and both report problems.
    const auto before = load_input(before_file);
    const auto after = load_input(after_file);
    if (!before || !after) return exit_input;
    const Comparison c = compare(before->dataset, after->dataset, opts);
    if (c.shared_agencies == 0 && c.shared_boards == 0)
        // Two unrelated files compare "successfully" (every agency added or removed); say so.
        std::cerr << "boardscape: warning: BEFORE and AFTER share no board or agency: is AFTER a "
                     "scenario of BEFORE?\n";
    if (format == "xlsx") {
        report::WorkbookAbout about;
        about.title = "boardscape compare";
        about.dataset = display_name(before_file) + " -> " + display_name(after_file);
        about.dataset_title = before->dataset.meta.title + " -> " + after->dataset.meta.title;
        about.as_of = (c.as_of_before ? c.as_of_before->str() : std::string("all dates")) +
                      " -> " + (c.as_of_after ? c.as_of_after->str() : std::string("all dates"));
        for (const char* option : {"prep-factor", "travel-hours", "rules"})
            if (auto v = args.get(option)) about.options.emplace_back(option, *v);
        return write_xlsx_output(
                   out, report::compare_tables(c, &before->dataset, &after->dataset), about)
                   ? exit_ok
                   : exit_input;
    }
    std::string text;
    if (format == "json") {
        text = report::to_json(c);
    } else {
        text = report::render(report::compare_tables(c, &before->dataset, &after->dataset),
                              *report::parse_table_format(format));
    }
    return write_output(out, text) ? exit_ok : exit_input;
}

}  // namespace

Command command_compare() {
    Command c;
    c.spec.name = "compare";
    c.spec.synopsis = "BEFORE.json AFTER.json [--as-of D | --before-as-of D1 --after-as-of D2] "
                      "[--format table|csv|json|md|xlsx] [-o OUT]";
    c.spec.summary = "what changes for each agency and person between two landscapes";
    c.spec.description =
        "Per agency: expected meetings and hours (the boards of its patch whose kind expects\n"
        "its sector) and its seats' meetings and hours, before, after and the change; per\n"
        "person: meetings and hours; boards and memberships added, removed or changed.\n"
        "Each side is analysed at its own as_of unless --as-of (both) or --before-as-of /\n"
        "--after-as-of say otherwise: 'compare F F --before-as-of D1 --after-as-of D2' shows\n"
        "what changed in one file between two dates. Agencies match by id, else by sector and\n"
        "the ONS codes of their footprint (when unique), so the 2015 and 2024 national files\n"
        "compare. Lists are sorted by the largest change in hours, ties by id; the tables show\n"
        "only agencies and people whose figures change (JSON lists all).";
    c.spec.options = {
        {"format", 0, "FORMAT", "table (default), csv, json, md or xlsx"},
        {"as-of", 0, "YYYY-MM-DD", "analyse both sides at this date"},
        {"before-as-of", 0, "YYYY-MM-DD", "analyse BEFORE at this date"},
        {"after-as-of", 0, "YYYY-MM-DD", "analyse AFTER at this date"},
        {"prep-factor", 0, "F", "preparation time per meeting hour (>= 0; default 0)"},
        {"travel-hours", 0, "H", "travel hours added per meeting (>= 0; default 0)"},
        {"rules", 0, "FILE", "expected partners file replacing the built-in"},
        {"output", 'o', "OUT", "write to OUT instead of standard output"},
    };
    c.spec.positional_names = {"BEFORE", "AFTER"};
    c.spec.min_positional = 2;
    c.spec.max_positional = 2;
    c.run = run_compare;
    return c;
}

}  // namespace boardscape::cli
