// `boardscape scenario FILE --merge ID,ID[,…] … -o OUT.json`: "what if these boards merged?"
// (DESIGN §8.3). The library builds the change as edits and validates the result; this command
// only reads the options, reports every problem as "FILE: error: …" (exit 1, nothing written)
// and writes the new dataset with the atomic writer.
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/scenario.hpp"

#include <iostream>

namespace boardscape::cli {

namespace {

std::vector<BoardId> split_ids(const std::string& list) {
    std::vector<BoardId> ids;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const auto end = comma == std::string::npos ? list.size() : comma;
        if (end > start) ids.emplace_back(list.substr(start, end - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return ids;
}

int run_scenario(const Args& args) {
    const std::string& file = args.positional.at(0);
    const auto out = args.get("output");
    if (!out || out->empty()) throw UsageError("missing -o OUT.json (where to write the scenario)");
    const bool merging = args.has("merge");
    for (const char* option : {"id", "name", "kind"})
        if (args.has(option) && !merging)
            throw UsageError("option '--" + std::string(option) + "' needs --merge");
    if (!merging && !args.has("cadence") && !args.has("end"))
        throw UsageError("nothing to do: give --merge, --cadence or --end");

    ScenarioSpec spec;
    if (auto v = args.get("date")) spec.date = parse_date_option("date", *v);
    if (merging) {
        MergeSpec m;
        m.boards = split_ids(*args.get("merge"));
        m.new_id = args.get("id").value_or("");
        m.name = args.get("name").value_or("");
        if (auto k = args.get("kind")) {
            m.kind = parse_board_kind(*k);
            if (!m.kind) {
                const auto names = board_kind_names();
                throw_bad_choice("board kind", *k,
                                 std::vector<std::string>(names.begin(), names.end()));
            }
        }
        spec.merge = std::move(m);
    }
    for (const auto& e : args.get_all("end")) spec.ends.emplace_back(e);

    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    const std::string name = display_name(file);
    std::vector<std::string> problems;
    for (const auto& c : args.get_all("cadence")) {
        const auto eq = c.find('=');
        const auto cadence = eq == std::string::npos ? std::nullopt : parse_cadence(c.substr(eq + 1));
        if (eq == 0 || !cadence)
            problems.push_back("bad cadence '" + c +
                               "': expected ID=N or ID=NxH (N meetings a year, H hours a "
                               "meeting; numbers >= 0)");
        else
            spec.cadences.emplace_back(BoardId(c.substr(0, eq)), *cadence);
    }
    std::optional<ScenarioResult> result;
    if (problems.empty()) {
        try {
            result = apply_scenario(loaded->dataset, spec, today_utc());
        } catch (const ScenarioError& e) {
            problems = e.problems();
        }
    }
    if (!problems.empty()) {
        for (const auto& p : problems) std::cerr << name << ": error: " << p << "\n";
        return exit_input;
    }

    if (!write_dataset_output(*out, dataset_to_json_text(result->dataset))) return exit_input;
    if (*out != "-") {
        std::cout << "scenario on " << result->date.str() << ":";
        if (result->merged_id)
            std::cout << " merged " << spec.merge->boards.size() << " boards into '"
                      << *result->merged_id << "';";
        if (!spec.cadences.empty()) std::cout << " " << spec.cadences.size() << " cadence(s) set;";
        if (!spec.ends.empty()) std::cout << " " << spec.ends.size() << " board(s) ended;";
        std::cout << " wrote " << *out << "\n";
    }
    return exit_ok;
}

}  // namespace

Command command_scenario() {
    Command c;
    c.spec.name = "scenario";
    c.spec.synopsis =
        "FILE [--merge ID,ID[,...] [--id NEW] [--name NAME] [--kind KIND]] [--date D] "
        "[--cadence ID=N[xH]]... [--end ID]... -o OUT.json";
    c.spec.summary = "what if: merge boards, change cadences, end boards; write a new dataset";
    c.spec.description =
        "--merge makes one new board of the listed top-level boards (same kind unless --kind):\n"
        "footprint = their union, cadence = the largest (or --cadence NEW=N[xH]). From D the\n"
        "merged boards and their sub-groups end, succeeded by the new board and copies of the\n"
        "sub-groups (SUBID-NEWID); each member gets one seat on the new board (the highest\n"
        "role: chair, vice_chair, member, lay_member, participating_observer, adviser,\n"
        "officer); relations follow. The file before D is unchanged. D is --date, else the\n"
        "file's as_of, else today; the output's as_of becomes D when it was earlier.\n"
        "--id defaults to one derived from the name. Compare the result with the input:\n"
        "  boardscape compare FILE OUT.json";
    c.spec.options = {
        {"merge", 0, "ID,ID[,...]", "the top-level boards to merge"},
        {"id", 0, "NEW", "id of the new board (default: derived from the name)"},
        {"name", 0, "NAME", "name of the new board (default: the names joined with ' + ')"},
        {"kind", 0, "KIND", "kind of the new board (needed when the boards' kinds differ)"},
        {"date", 0, "YYYY-MM-DD", "when the change happens (default: the file's as_of, else today)"},
        {"cadence", 0, "ID=N[xH]", "N meetings a year (x H hours each) for board ID; repeatable"},
        {"end", 0, "ID", "end board ID on the date; repeatable"},
        {"output", 'o', "OUT.json", "where to write the new dataset ('-' for standard output)"},
    };
    c.spec.positional_names = {"FILE"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_scenario;
    return c;
}

}  // namespace boardscape::cli
