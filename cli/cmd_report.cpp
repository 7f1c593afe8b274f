// `boardscape report overlap|boundaries|load|representation FILE`: runs one analysis and prints
// it as aligned tables (default), CSV, Markdown or the JSON of DESIGN §5.
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/anonymise.hpp"
#include "boardscape/report/report_kinds.hpp"
#include "boardscape/report/report_table.hpp"

#include <algorithm>
#include <array>
#include <iostream>
#include <optional>

namespace boardscape::cli {

namespace {

// [SECTION] Choices

const std::vector<std::string> k_formats = {"table", "csv", "json", "md", "xlsx"};

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (const auto& k : report::report_kinds()) names.emplace_back(k.name);
    return names;
}

/// Options that only make sense for some report kinds are a usage error elsewhere, rather than
/// being silently ignored. The kinds that take each come from the report list.
void check_applicable(const Args& args, const report::ReportKind& kind) {
    struct Only {
        const char* option;
        bool report::ReportKind::*takes;
    };
    const std::array<Only, 3> only = {{{"prep-factor", &report::ReportKind::takes_hours},
                                       {"travel-hours", &report::ReportKind::takes_hours},
                                       {"rules", &report::ReportKind::takes_rules}}};
    for (const auto& [option, takes] : only) {
        if (!args.has(option) || kind.*takes) continue;
        std::vector<std::string> which;
        for (const auto& k : report::report_kinds())
            if (k.*takes) which.push_back("'report " + std::string(k.name) + "'");
        std::string list;
        for (std::size_t i = 0; i < which.size(); ++i)
            list += (i == 0 ? "" : i + 1 == which.size() ? " and " : ", ") + which[i];
        throw UsageError("option '--" + std::string(option) + "' applies only to " + list);
    }
}

/// Rows per table in the terminal unless --top says otherwise: a landscape has hundreds of
/// people, and the first screen should show the heaviest loads, not scroll them away.
constexpr std::size_t k_default_terminal_rows = 25;

struct OutputChoice {
    std::string format = "table";
    std::optional<std::string> table;  // --table
    std::optional<std::size_t> top;    // --top; nullopt: every row
};

// [SECTION] Output

/// The tables the chosen format shows: --table, else every table for csv, else the main ones
/// (their ids listed at the end); cut to --top rows.
std::vector<report::Table> chosen_tables(std::vector<report::Table> all, const OutputChoice& out,
                                         bool all_tables, std::vector<std::string>& hidden) {
    std::vector<report::Table> shown;
    for (auto& t : all) {
        const bool wanted = out.table ? t.id == *out.table : (all_tables || !t.detail);
        if (wanted)
            shown.push_back(std::move(t));
        else if (!out.table)
            hidden.push_back(t.id);
    }
    if (out.top) {
        for (auto& t : shown) {
            if (t.rows.size() <= *out.top) continue;
            t.title += " (top " + std::to_string(*out.top) + " of " +
                       std::to_string(t.rows.size()) + "; --top N or --top all for more)";
            t.rows.resize(*out.top);
            if (t.numbers.size() > *out.top) t.numbers.resize(*out.top);
            if (t.row_types.size() > *out.top) t.row_types.resize(*out.top);
        }
    }
    return shown;
}

std::string render_text(std::vector<report::Table> all, const OutputChoice& out) {
    const auto format = *report::parse_table_format(out.format);
    std::vector<std::string> hidden;
    const auto shown = chosen_tables(std::move(all), out, format == report::TableFormat::csv,
                                     hidden);
    std::string text = report::render(shown, format);
    if (format == report::TableFormat::text && !hidden.empty()) {
        text += "\nMore tables:";
        for (const auto& id : hidden) text += " " + id;
        text += " (--table NAME, or --format csv for all).\n";
    }
    return text;
}

int run_report(const Args& args) {
    const std::string& kind_name = args.positional.at(0);
    const std::string& file = args.positional.at(1);
    const report::ReportKind* kind = report::find_report_kind(kind_name);
    if (kind == nullptr) throw_bad_choice("report", kind_name, kind_names());
    OutputChoice out;
    if (auto f = args.get("format")) {
        if (std::find(k_formats.begin(), k_formats.end(), *f) == k_formats.end()) {
            if (*f == "markdown")
                *f = "md";
            else
                throw_bad_choice("format", *f, k_formats);
        }
        out.format = *f;
    }
    check_applicable(args, *kind);
    const AnalysisOptions opts = analysis_options(args);
    if (auto t = args.get("table")) {
        if (out.format == "json")
            throw UsageError("option '--table' does not apply to --format json");
        const auto ids = kind->table_ids();
        if (std::find(ids.begin(), ids.end(), *t) == ids.end())
            throw_bad_choice("table of 'report " + kind_name + "'", *t, ids);
        out.table = *t;
    }
    if (auto n = args.get("top")) {
        if (out.format == "json")
            throw UsageError("option '--top' does not apply to --format json");
        if (*n != "all") out.top = parse_positive_count("top", *n);
    } else if (out.format == "table") {
        out.top = k_default_terminal_rows;
    }
    std::string output = args.get("output").value_or("-");
    if (out.format == "xlsx")
        output = xlsx_output(args);
    else if (output.empty())
        throw UsageError("option '-o' needs a file name");

    std::optional<RepresentationRules> rules;
    report::ReportInputs inputs;
    if (auto rules_file = args.get("rules")) {
        const auto text = read_text_file(*rules_file);
        if (!text) return exit_input;
        const std::string name = display_name(*rules_file);
        inputs.rules_name = name;
        try {
            rules = parse_representation_rules(*text, name);
        } catch (const LoadError& e) {
            for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(name, d) << "\n";
            return exit_input;
        }
        inputs.rules = &*rules;
    }

    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    // --anonymise analyses a copy whose people are pseudonyms ("Police rep 3", id
    // police-rep-3; the viewer's names), so no table or JSON field can carry a name or an id
    // made from one. The figures are the same: only people's names and ids differ.
    std::optional<Dataset> hidden;
    if (args.has("anonymise")) hidden = anonymised(loaded->dataset);
    const Dataset& d = hidden ? *hidden : loaded->dataset;
    inputs.dataset = &d;
    inputs.options = opts;
    report::ReportOutput result = kind->run(inputs, out.format == "json");
    if (out.format == "json") return write_output(output, result.json) ? exit_ok : exit_input;
    if (out.format != "xlsx")
        return write_output(output, render_text(std::move(result.tables), out)) ? exit_ok
                                                                               : exit_input;

    // A workbook holds every table (companions too), each on its own sheet.
    std::vector<std::string> unused;
    report::WorkbookAbout about;
    about.title = "boardscape report " + kind_name;
    about.dataset = display_name(file);
    about.dataset_title = d.meta.title;
    if (const auto date = analysis_date(d, opts)) about.as_of = date->str();
    for (const char* option : {"prep-factor", "travel-hours", "rules", "table", "top"})
        if (auto v = args.get(option)) about.options.emplace_back(option, *v);
    if (args.has("anonymise"))
        about.options.emplace_back("anonymise", "people named by agency and number");
    return write_xlsx_output(output, chosen_tables(std::move(result.tables), out, true, unused),
                             about)
               ? exit_ok
               : exit_input;
}

}  // namespace

Command command_report() {
    Command c;
    c.spec.name = "report";
    c.spec.synopsis = "overlap|boundaries|load|representation FILE [options]";
    c.spec.summary = "analyse a dataset: shared members, boundary mismatch, load, representation";
    c.spec.description =
        "overlap         board pairs sharing people, people on several boards, brokers\n"
        "boundaries      boards each agency must attend: expected (its sector is a statutory\n"
        "                partner of the board's kind, per the rules) and its whole patch\n"
        "                (every board meeting its footprint); partners, coterminosity per board\n"
        "load            seats, meetings and hours a year per person, agency and board\n"
        "representation  expected partner sectors and roles per board (statutory guidance)\n"
        "\n"
        "The analysis date is --as-of, else the file's meta.as_of, else every membership counts.\n"
        "The table format hides long companion tables (listed at the end); csv and xlsx show\n"
        "them all (xlsx: a first sheet saying what the file is, then one sheet per table).\n"
        "--anonymise names people as the viewer's A does (\"Police rep 3\", id police-rep-3).";
    c.spec.options = {
        {"format", 0, "FORMAT", "table (default), csv, json, md or xlsx (needs -o)"},
        {"as-of", 0, "YYYY-MM-DD", "analyse the landscape as it stood on this date"},
        {"prep-factor", 0, "F",
         "load, boundaries' expected_hours: preparation time per meeting hour (>= 0; default 0)"},
        {"travel-hours", 0, "H",
         "load, boundaries' expected_hours: travel hours added per meeting (>= 0; default 0)"},
        {"rules", 0, "FILE",
         "representation, boundaries' expected attendance: expected partners file replacing "
         "the built-in"},
        {"table", 0, "NAME", "show only this table (table, csv and md formats)"},
        {"top", 0, "N|all", "rows per table (default: 25 in the table format, else all)"},
        {"anonymise", 0, "", "people as \"Police rep 3\": no name or person id in the output"},
        {"output", 'o', "OUT", "write to OUT instead of standard output (required for xlsx)"},
    };
    c.spec.positional_names = {"the report kind (overlap, boundaries, load or representation)",
                               "FILE"};
    c.spec.min_positional = 2;
    c.spec.max_positional = 2;
    c.run = run_report;
    return c;
}

}  // namespace boardscape::cli
