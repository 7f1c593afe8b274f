// `boardscape extract FILE --area NAME|CODE [--depth N] -o OUT`: a local map cut out of a larger
// dataset (logic in graph/extract).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/dataset_json.hpp"
#include "boardscape/extract.hpp"
#include "boardscape/plural.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <iostream>

namespace boardscape::cli {

namespace {

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

int run_extract(const Args& args) {
    const auto area = args.get("area");
    if (!area || area->empty()) throw UsageError("option '--area NAME|CODE' is required");
    const auto out = args.get("output");
    if (!out) throw UsageError("option '-o OUT.json' is required");
    ExtractOptions opts;
    if (auto v = args.get("depth")) {
        const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), opts.depth);
        if (ec != std::errc() || ptr != v->data() + v->size() || opts.depth < 0 || opts.depth > 20)
            throw UsageError("option '--depth' needs a whole number from 0 to 20, not '" + *v + "'");
    }
    const std::string file = args.positional.at(0);
    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    const Dataset& d = loaded->dataset;
    std::size_t index = 0;
    std::optional<std::size_t> agency;
    try {
        index = find_area_by_query(d, *area);
    } catch (const AreaLookupError& e) {
        // Not an area: an agency's id or name stands for its footprint (a force area, an ICB).
        if (const auto r = d.find(*area); r && r->type == EntityType::agency) agency = r->index;
        for (std::size_t a = 0; !agency && a < d.agencies.size(); ++a)
            if (same_text(d.agencies[a].name, *area)) agency = a;
        if (!agency) {
            std::string msg = display_name(file) + ": error: " + e.what() + ", nor is it an agency's id or name";
            if (!e.candidates().empty()) {
                // Names can hold commas ("Kingston upon Hull, City of"): quote each, and give
                // the ONS code (else the id), which --area takes as it is.
                msg += " (did you mean ";
                for (std::size_t i = 0; i < e.candidates().size(); ++i) {
                    const std::string& id = e.candidates()[i];
                    msg += i == 0 ? "" : i + 1 == e.candidates().size() ? " or " : ", ";
                    const auto a = d.find_area(AreaId(id));
                    if (!a) {
                        msg += "'" + id + "'";
                        continue;
                    }
                    const Area& cand = d.areas[*a];
                    msg += "'" + cand.name + "' (" +
                           (cand.code && !cand.code->empty() ? *cand.code : "id " + id) + ")";
                }
                msg += "?)";
            }
            std::cerr << msg << "\n";
            return exit_input;
        }
    }
    const ExtractResult res = agency ? extract_agency_area(d, *agency, opts) : extract_area(d, index, opts);
    if (!write_dataset_output(*out, dataset_to_json_text(res.dataset))) return exit_input;
    const Dataset& x = res.dataset;
    const auto n = [](std::size_t v) { return static_cast<long long>(v); };
    const std::string where = agency ? d.agencies[*agency].name + " area" : d.areas[index].name;
    std::cerr << display_name(*out) << ": " << where << " (depth " << opts.depth << "): "
              << count_noun(n(res.boards_touching), "board") << " and "
              << count_noun(n(res.agencies_touching), "agency", "agencies") << " touch it; kept "
              << count_noun(n(x.boards.size()), "board") << ", " << count_noun(n(x.agencies.size()), "agency", "agencies")
              << ", " << count_noun(n(x.areas.size()), "area") << ", " << count_people(n(x.people.size())) << "\n";
    return exit_ok;
}

}  // namespace

Command command_extract() {
    Command c;
    c.spec.name = "extract";
    c.spec.synopsis = "FILE --area NAME|CODE|AGENCY [--depth N] -o OUT.json";
    c.spec.summary = "cut out everything touching one area (e.g. from a national file)";
    c.spec.description =
        "Keeps the boards and agencies whose footprints reach the area; with --depth 1 (the "
        "default) also every board those agencies attend, with --depth 2 also the agencies on "
        "those boards and the boards they attend, and so on. Footprint areas come with their "
        "whole subtree so boundary results do not change; people and memberships come with their "
        "boards. The area is matched by id, ONS code or name (case-insensitive); an agency's id "
        "or name (police-thames-valley) stands for its footprint, e.g. a police force area.\n\n"
        "Your own landscape is --depth 0: the boards covering the area and the agencies that sit "
        "on them (Leeds in england-2024.json: 9 boards — its LSCP, HWB, SAB, DALPB, YJMB and CSP, the West Yorkshire ICP, MAPPA SMB and LCJB — and 6 agencies). --depth 1 adds every board "
        "those agencies attend anywhere, which for a regional agency is the whole region (Leeds: "
        "101 boards, because the Yorkshire and the Humber probation region attends the boards of "
        "all its 15 areas). For a force's or an ICB's landscape, give the agency with --depth 0.";
    c.spec.options = {
        {"area", 0, "NAME|CODE|AGENCY",
         "the area: its id, ONS code (E10000025) or name (Oxfordshire), or an agency (police-thames-valley) for its footprint"},
        {"depth", 0, "N",
         "how far to follow agencies to the other boards they attend (default 1; 0 is the area's own landscape)"},
        {"output", 'o', "OUT.json", "where to write the extract ('-' for standard output)"},
    };
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_extract;
    return c;
}

}  // namespace boardscape::cli
