// `boardscape summary FILE`: counts by entity type, board kind and agency sector, with what is
// active at the analysis date (--as-of, else meta.as_of, else everything).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/report/report_table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace boardscape::cli {

namespace {

// [SECTION] Counting

struct KindCount {
    int total = 0;
    int active = 0;
    int top_level_active = 0;
};

struct Summary {
    std::string title;
    std::optional<Date> as_of;
    int boards_active = 0, top_level = 0, top_level_active = 0;
    int people_seated = 0, memberships_counted = 0, relations_active = 0;
    std::vector<std::pair<std::string, KindCount>> kinds;  // vocabulary order, non-zero only
    std::vector<std::pair<std::string, int>> sectors;      // vocabulary order, non-zero only
};

Summary summarise(const Dataset& d, const AnalysisOptions& opts) {
    Summary s;
    s.title = d.meta.title;
    s.as_of = analysis_date(d, opts);
    const Activity act = compute_activity(d, s.as_of);
    const auto active = [&](std::size_t b) {
        return b < act.board_active.size() && act.board_active[b];
    };
    std::vector<KindCount> kinds(board_kind_names().size());
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        const Board& board = d.boards[b];
        auto& k = kinds[static_cast<std::size_t>(board.kind)];
        ++k.total;
        const bool top = !board.parent.has_value();
        if (top) ++s.top_level;
        if (active(b)) {
            ++s.boards_active;
            ++k.active;
            if (top) {
                ++k.top_level_active;
                ++s.top_level_active;
            }
        }
    }
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i].total > 0) s.kinds.emplace_back(std::string(board_kind_names()[i]), kinds[i]);
    std::set<std::string> seated;
    for (std::size_t m = 0; m < d.memberships.size(); ++m)
        if (m < act.membership_counted.size() && act.membership_counted[m]) {
            ++s.memberships_counted;
            seated.insert(d.memberships[m].person.str());
        }
    s.people_seated = static_cast<int>(seated.size());
    for (const auto& r : d.relations) {
        const auto a = d.find_board(r.from);
        const auto b = d.find_board(r.to);
        if (a && b && active(*a) && active(*b)) ++s.relations_active;
    }
    std::vector<int> sectors(sector_names().size());
    for (const auto& a : d.agencies) {
        const auto i = static_cast<std::size_t>(a.sector);
        if (i < sectors.size()) ++sectors[i];
    }
    for (std::size_t i = 0; i < sectors.size(); ++i)
        if (sectors[i] > 0) s.sectors.emplace_back(std::string(sector_names()[i]), sectors[i]);
    return s;
}

// [SECTION] Output

std::string summary_json(const Dataset& d, const Summary& s) {
    using Json = nlohmann::ordered_json;
    Json j = Json::object();
    j["title"] = s.title;
    j["as_of"] = s.as_of ? Json(s.as_of->str()) : Json(nullptr);
    auto total_active = [](std::size_t total, int active) {
        Json o = Json::object();
        o["total"] = total;
        o["active"] = active;
        return o;
    };
    Json counts = Json::object();
    counts["areas"] = Json{{"total", d.areas.size()}};
    counts["agencies"] = Json{{"total", d.agencies.size()}};
    counts["boards"] = total_active(d.boards.size(), s.boards_active);
    counts["top_level_boards"] =
        total_active(static_cast<std::size_t>(s.top_level), s.top_level_active);
    counts["people"] = total_active(d.people.size(), s.people_seated);
    counts["memberships"] = total_active(d.memberships.size(), s.memberships_counted);
    counts["relations"] = total_active(d.relations.size(), s.relations_active);
    j["counts"] = std::move(counts);
    Json kinds = Json::object();
    for (const auto& [k, c] : s.kinds) {
        Json o = Json::object();
        o["total"] = c.total;
        o["active"] = c.active;
        o["top_level_active"] = c.top_level_active;
        kinds[k] = std::move(o);
    }
    j["board_kinds"] = std::move(kinds);
    Json sectors = Json::object();
    for (const auto& [k, n] : s.sectors) sectors[k] = n;
    j["agency_sectors"] = std::move(sectors);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::vector<report::Table> summary_tables(const Dataset& d, const Summary& s) {
    using report::Align;
    const std::string when = s.as_of ? " - as of " + s.as_of->str() : " - all dates";
    std::vector<report::Table> out;
    report::Table counts;
    counts.id = "counts";
    counts.title = (s.title.empty() ? std::string("Dataset") : s.title) + when;
    counts.columns = {{"entity", Align::left}, {"total", Align::right}, {"active", Align::right}};
    auto n = [](std::size_t v) { return std::to_string(v); };
    counts.rows = {
        {"areas", n(d.areas.size()), ""},
        {"agencies", n(d.agencies.size()), ""},
        {"boards", n(d.boards.size()), std::to_string(s.boards_active)},
        {"top-level boards", std::to_string(s.top_level), std::to_string(s.top_level_active)},
        {"people", n(d.people.size()), std::to_string(s.people_seated)},
        {"memberships", n(d.memberships.size()), std::to_string(s.memberships_counted)},
        {"relations", n(d.relations.size()), std::to_string(s.relations_active)},
    };
    counts.note =
        "active: boards active at the date; people with a counted membership; "
        "relations between active boards";
    out.push_back(std::move(counts));

    report::Table kinds;
    kinds.id = "board_kinds";
    kinds.title = "Boards by kind" + when;
    kinds.columns = {{"kind", Align::left},
                     {"name", Align::left},
                     {"total", Align::right},
                     {"active", Align::right},
                     {"top_level_active", Align::right}};
    for (const auto& [k, c] : s.kinds)
        kinds.rows.push_back({k, std::string(info(*parse_board_kind(k)).label),
                              std::to_string(c.total), std::to_string(c.active),
                              std::to_string(c.top_level_active)});
    out.push_back(std::move(kinds));

    report::Table sectors;
    sectors.id = "agency_sectors";
    sectors.title = "Agencies by sector";
    sectors.columns = {{"sector", Align::left}, {"agencies", Align::right}};
    for (const auto& [k, c] : s.sectors) sectors.rows.push_back({k, std::to_string(c)});
    out.push_back(std::move(sectors));
    return out;
}

const std::vector<std::string> k_formats = {"table", "csv", "json", "md"};

int run_summary(const Args& args) {
    std::string format = args.get("format").value_or("table");
    if (format == "markdown") format = "md";
    if (std::find(k_formats.begin(), k_formats.end(), format) == k_formats.end())
        throw_bad_choice("format", format, k_formats);
    const AnalysisOptions opts = analysis_options(args);
    const auto loaded = load_input(args.positional.at(0));
    if (!loaded) return exit_input;
    const Dataset& d = loaded->dataset;
    const Summary s = summarise(d, opts);
    const std::string text = format == "json" ? summary_json(d, s)
                                              : report::render(summary_tables(d, s),
                                                               *report::parse_table_format(format));
    return write_output("-", text) ? exit_ok : exit_input;
}

}  // namespace

Command command_summary() {
    Command c;
    c.spec.name = "summary";
    c.spec.synopsis = "FILE [--as-of YYYY-MM-DD] [--format table|csv|json|md]";
    c.spec.summary = "counts by entity type and board kind, active at the date";
    c.spec.options = {
        {"as-of", 0, "YYYY-MM-DD", "count what is active on this date (default: meta.as_of)"},
        {"format", 0, "FORMAT", "table (default), csv, json or md"},
    };
    c.spec.positional_names = {"FILE"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_summary;
    return c;
}

}  // namespace boardscape::cli
