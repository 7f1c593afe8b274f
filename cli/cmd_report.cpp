// `boardscape report overlap|boundaries|load|representation FILE`: runs one analysis and prints
// it as aligned tables (default), CSV, Markdown or the JSON of DESIGN §5.
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/anonymise.hpp"
#include "boardscape/report/report_json.hpp"
#include "boardscape/report/report_table.hpp"

#include <algorithm>
#include <array>
#include <iostream>
#include <optional>
#include <type_traits>

namespace boardscape::cli {

namespace {

// [SECTION] Choices

const std::vector<std::string> k_kinds = {"overlap", "boundaries", "load", "representation"};
const std::vector<std::string> k_formats = {"table", "csv", "json", "md"};

/// The tables of one report kind, built from `result` (an empty result gives the table ids).
template <class Result>
std::vector<report::Table> tables_of(const Result& r, const Dataset* names) {
    if constexpr (std::is_same_v<Result, OverlapResult>)
        return report::overlap_tables(r, names);
    else if constexpr (std::is_same_v<Result, BoundariesResult>)
        return report::boundaries_tables(r, names);
    else if constexpr (std::is_same_v<Result, LoadReport>)
        return report::load_tables(r, names);
    else
        return report::representation_tables(r, names);
}

std::vector<std::string> table_ids(const std::string& kind) {
    std::vector<report::Table> tables;
    if (kind == "overlap")
        tables = tables_of(OverlapResult{}, nullptr);
    else if (kind == "boundaries")
        tables = tables_of(BoundariesResult{}, nullptr);
    else if (kind == "load")
        tables = tables_of(LoadReport{}, nullptr);
    else
        tables = tables_of(RepresentationResult{}, nullptr);
    std::vector<std::string> ids;
    for (const auto& t : tables) ids.push_back(t.id);
    return ids;
}

/// Options that only make sense for one report kind are a usage error elsewhere, rather than
/// being silently ignored.
void check_applicable(const Args& args, const std::string& kind) {
    // Boundaries takes all three for its expected attendance (DESIGN §4): the rules say who is
    // expected, the hours options price the meetings as load does.
    struct Only {
        const char* option;
        std::array<const char*, 2> kinds;
    };
    const std::array<Only, 3> only = {{{"prep-factor", {"load", "boundaries"}},
                                       {"travel-hours", {"load", "boundaries"}},
                                       {"rules", {"representation", "boundaries"}}}};
    for (const auto& [option, kinds] : only)
        if (args.has(option) && kind != kinds[0] && kind != kinds[1])
            throw UsageError("option '--" + std::string(option) + "' applies only to 'report " +
                             kinds[0] + "' and 'report " + kinds[1] + "'");
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

template <class Result>
std::string render_result(const Result& r, const Dataset& d, const OutputChoice& out) {
    if (out.format == "json") return report::to_json(r);
    const auto format = *report::parse_table_format(out.format);
    std::vector<report::Table> all = tables_of(r, &d);
    std::vector<report::Table> shown;
    std::vector<std::string> hidden;
    for (auto& t : all) {
        const bool wanted =
            out.table ? t.id == *out.table : (format == report::TableFormat::csv || !t.detail);
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
        }
    }
    std::string text = report::render(shown, format);
    if (format == report::TableFormat::text && !hidden.empty()) {
        text += "\nMore tables:";
        for (const auto& id : hidden) text += " " + id;
        text += " (--table NAME, or --format csv for all).\n";
    }
    return text;
}

int run_report(const Args& args) {
    const std::string& kind = args.positional.at(0);
    const std::string& file = args.positional.at(1);
    if (std::find(k_kinds.begin(), k_kinds.end(), kind) == k_kinds.end())
        throw_bad_choice("report", kind, k_kinds);
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
    check_applicable(args, kind);
    const AnalysisOptions opts = analysis_options(args);
    if (auto t = args.get("table")) {
        if (out.format == "json")
            throw UsageError("option '--table' does not apply to --format json");
        const auto ids = table_ids(kind);
        if (std::find(ids.begin(), ids.end(), *t) == ids.end())
            throw_bad_choice("table of 'report " + kind + "'", *t, ids);
        out.table = *t;
    }
    if (auto n = args.get("top")) {
        if (out.format == "json")
            throw UsageError("option '--top' does not apply to --format json");
        if (*n != "all") out.top = parse_positive_count("top", *n);
    } else if (out.format == "table") {
        out.top = k_default_terminal_rows;
    }

    std::optional<RepresentationRules> rules;
    std::string rules_name = "built-in";
    if (auto rules_file = args.get("rules")) {
        const auto text = read_text_file(*rules_file);
        if (!text) return exit_input;
        const std::string name = display_name(*rules_file);
        rules_name = name;
        try {
            rules = parse_representation_rules(*text, name);
        } catch (const LoadError& e) {
            for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(name, d) << "\n";
            return exit_input;
        }
    }

    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    // --anonymise analyses a copy whose people are pseudonyms ("Police rep 3", id
    // police-rep-3; the viewer's names), so no table or JSON field can carry a name or an id
    // made from one. The figures are the same: only people's names and ids differ.
    std::optional<Dataset> hidden;
    if (args.has("anonymise")) hidden = anonymised(loaded->dataset);
    const Dataset& d = hidden ? *hidden : loaded->dataset;
    const RepresentationRules& chosen_rules = rules ? *rules : default_representation_rules();
    std::string text;
    if (kind == "overlap") {
        text = render_result(compute_overlap(d, opts), d, out);
    } else if (kind == "boundaries") {
        BoundariesResult r = compute_boundaries(d, opts, chosen_rules);
        r.rules = rules_name;
        text = render_result(r, d, out);
    } else if (kind == "load") {
        text = render_result(compute_load(d, opts), d, out);
    } else {
        text = render_result(compute_representation(d, opts, chosen_rules), d, out);
    }
    return write_output("-", text) ? exit_ok : exit_input;
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
        "The table format hides long companion tables (listed at the end); csv shows them all.\n"
        "--anonymise names people as the viewer's A does (\"Police rep 3\", id police-rep-3).";
    c.spec.options = {
        {"format", 0, "FORMAT", "table (default), csv, json or md"},
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
    };
    c.spec.positional_names = {"the report kind (overlap, boundaries, load or representation)",
                               "FILE"};
    c.spec.min_positional = 2;
    c.spec.max_positional = 2;
    c.run = run_report;
    return c;
}

}  // namespace boardscape::cli
