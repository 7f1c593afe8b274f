// `boardscape import-ons`: builds a national landscape file from official ONS lookup CSVs (the
// logic lives in graph/import; this file parses options, prints what was used and writes).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/dataset_json.hpp"
#include "boardscape/import/ons_import.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>

namespace boardscape::cli {

namespace {

int parse_year(const std::string& text) {
    int y = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), y);
    if (ec != std::errc() || ptr != text.data() + text.size() || y < 2000 || y > 2099)
        throw UsageError("option '--year' needs a year such as 2024 or 2015, not '" + text + "'");
    return y;
}

/// "hwb=6x2.5,csp=4x2": meetings a year × hours per meeting, per board kind.
void parse_cadences(const std::string& text, std::map<BoardKind, import::Cadence>& out) {
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        start = end + 1;
        const auto eq = item.find('=');
        const auto x = item.find('x', eq == std::string::npos ? 0 : eq);
        if (eq == std::string::npos || x == std::string::npos)
            throw UsageError("option '--cadence' takes KIND=MEETINGSxHOURS items, e.g. hwb=6x2.5, not '" +
                             item + "'");
        const auto kind = parse_board_kind(item.substr(0, eq));
        if (!kind) {
            std::vector<std::string> names(board_kind_names().begin(), board_kind_names().end());
            throw_bad_choice("board kind", item.substr(0, eq), names);
        }
        out[*kind] = {parse_non_negative("cadence", item.substr(eq + 1, x - eq - 1)),
                      parse_non_negative("cadence", item.substr(x + 1))};
    }
}

int run_import_ons(const Args& args) {
    import::ImportOptions opts;
    const auto year = args.get("year");
    if (!year) throw UsageError("option '--year' is required (e.g. --year 2024)");
    opts.year = parse_year(*year);
    if (auto v = args.get("as-of")) opts.as_of = parse_date_option("as-of", *v);
    if (auto v = args.get("split-share")) {
        opts.split_share = parse_non_negative("split-share", *v);
        if (opts.split_share <= 0 || opts.split_share > 1)
            throw UsageError("option '--split-share' needs a share in (0, 1], not '" + *v + "'");
    }
    if (auto v = args.get("cadence")) parse_cadences(*v, opts.cadences);
    const auto out = args.get("output");
    if (!out) throw UsageError("option '-o OUT.json' is required");

    std::vector<std::string> notes;
    try {
        if (auto v = args.get("joint-boards")) opts.joint_boards = import::read_joint_boards_csv(*v);
        import::ImportSources src;
        if (auto dir = args.get("reference")) src = import::discover_sources(*dir, opts.year, notes);
        // Explicit tables override what was found in the folder.
        if (auto v = args.get("tiers")) src.tiers = *v;
        if (auto v = args.get("csp")) src.csp = *v;
        if (auto v = args.get("health")) src.health = *v;
        if (auto v = args.get("nhs-areas")) src.nhs_areas = *v;
        if (auto v = args.get("probation")) src.probation = *v;
        if (auto v = args.get("district-chain")) src.district_chain = *v;
        std::optional<LoadResult> later;
        if (auto v = args.get("successors")) {
            later = load_input(*v);
            if (!later) return exit_input;
            opts.successors = &later->dataset;
            opts.successors_label = std::filesystem::path(*v).filename().string();
        }
        if (!src.tiers || !src.csp || !src.health)
            throw UsageError("need --reference DIR, or all of --tiers, --csp and --health");

        import::ImportResult res = import::import_ons(src, opts);
        notes.insert(notes.end(), res.notes.begin(), res.notes.end());
        // Round-trip through the loader so the file written is exactly what users will load.
        const std::string text = dataset_to_json_text(res.dataset);
        try {
            (void)parse_dataset(text, *out);
        } catch (const LoadError& e) {
            std::cerr << "boardscape: internal error: the imported dataset does not validate:\n" << e.what() << "\n";
            return exit_input;
        }
        if (!write_dataset_output(*out, text)) return exit_input;
        const Dataset& d = res.dataset;
        std::map<std::string, int> kinds, sectors;
        for (const auto& b : d.boards) ++kinds[std::string(to_string(b.kind))];
        for (const auto& a : d.agencies) ++sectors[std::string(to_string(a.sector))];
        std::cerr << display_name(*out) << ": " << d.areas.size() << " areas, " << d.boards.size() << " boards (";
        bool first = true;
        for (const auto& [k, n] : kinds) std::cerr << (first ? "" : ", ") << k << " " << n, first = false;
        std::cerr << "), " << d.agencies.size() << " agencies (";
        first = true;
        for (const auto& [k, n] : sectors) std::cerr << (first ? "" : ", ") << k << " " << n, first = false;
        std::cerr << ")\n";
        if (args.has("notes")) {
            for (const auto& n : notes) std::cerr << "note: " << n << "\n";
        } else {
            std::cerr << notes.size() << " notes (tables used, joint boards, folded LSOAs); --notes prints them\n";
        }
        return exit_ok;
    } catch (const import::ImportError& e) {
        std::cerr << e.what() << "\n";
        return exit_input;
    }
}

}  // namespace

Command command_import_ons() {
    Command c;
    c.spec.name = "import-ons";
    c.spec.synopsis = "--year YYYY (--reference DIR | --tiers F --csp F --health F) -o OUT.json [OPTIONS]";
    c.spec.summary = "build a national landscape from official ONS lookup tables";
    c.spec.description =
        "Reads ONS lookups (LTLA->UTLA, LAD->CSP->PFA, LAD x ICB/CCG LSOA counts, CCG->NHS area "
        "team, PFA->probation region) and writes a Boardscape file with every upper-tier authority "
        "and district, one children's board (LSCB before 29 Sep 2019, partnership after), HWB, "
        "SAB, domestic abuse board (per tier-one authority; the GLA's for London) and youth "
        "justice board per authority (joint boards where a public source confirms them), the "
        "CSPs, an ICP per ICB, a MAPPA SMB and a criminal justice board per criminal justice area "
        "(London as one), police forces and PCCs, health commissioners, youth justice services, "
        "NHS England area teams and probation regions, each kind from the date it began. With "
        "--reference, the folder's CSVs are recognised by their headers and the vintage nearest "
        "the year is used; re-run it when new lookups are published. Leaf populations are LSOA "
        "counts (a population proxy). See datasets/NATIONAL.md.";
    c.spec.options = {
        {"year", 0, "YYYY", "the year to build (picks table vintages and the board kinds)"},
        {"reference", 0, "DIR", "folder of lookup CSVs to choose from"},
        {"tiers", 0, "FILE", "LTLA->UTLA (or LAD->CTY) table, overriding the folder's"},
        {"csp", 0, "FILE", "LAD->CSP->PFA table"},
        {"health", 0, "FILE", "LAD x ICB/CCG table with LSOA counts"},
        {"nhs-areas", 0, "FILE", "CCG->NHS England area team table"},
        {"probation", 0, "FILE", "police force area->probation region table"},
        {"successors", 0, "FILE", "a later landscape (e.g. england-2024.json): LSCB -> partnership lineage and CCG -> ICB notes"},
        {"district-chain", 0, "FILE", "district codes across vintages (LAD16 ... LAD24) for --successors"},
        {"joint-boards", 0, "FILE", "CSV kind,name,codes,from,until,source replacing the built-in joint boards"},
        {"as-of", 0, "YYYY-MM-DD", "the file's analysis date (default: 1 July of --year)"},
        {"split-share", 0, "S", "split a district between commissioners holding >= S of its LSOAs (default 0.5)"},
        {"cadence", 0, "KIND=NxH,...", "meetings a year x hours per board kind (defaults: main boards 6x3, csp and the 2024 kinds 4x2)"},
        {"notes", 0, "", "print every note (tables used, joint boards, LSOAs folded into a majority)"},
        {"output", 'o', "OUT.json", "where to write the dataset ('-' for standard output)"},
    };
    c.spec.min_positional = 0;
    c.spec.max_positional = 0;
    c.run = run_import_ons;
    return c;
}

}  // namespace boardscape::cli
