// Area extracts (see extract.hpp): pick the area, walk boards ↔ agencies by footprint
// intersection and representation to the requested depth, then copy what was reached with
// everything its references need.
#include "boardscape/extract.hpp"
#include "boardscape/suggest.hpp"

#include "boardscape/analysis/common.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_set>

namespace boardscape {

namespace {

// [SECTION] Finding the area

std::string fold(std::string_view s) {
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80)
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// The space-separated words of a folded text.
std::vector<std::string> split_words(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// "Bristol, City of" → "City of Bristol" so either spelling matches.
std::string uninvert(std::string_view n) {
    for (std::string_view tail : {", City of", ", County of"})
        if (n.size() > tail.size() && n.substr(n.size() - tail.size()) == tail)
            return std::string(tail.substr(2)) + " " + std::string(n.substr(0, n.size() - tail.size()));
    return std::string(n);
}

bool intersects(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) return true;
        if (a[i] < b[j])
            ++i;
        else
            ++j;
    }
    return false;
}

}  // namespace

std::size_t find_area_by_query(const Dataset& d, std::string_view query) {
    const std::string q = fold(query);
    std::vector<std::size_t> exact;
    for (std::size_t i = 0; i < d.areas.size(); ++i) {
        const Area& a = d.areas[i];
        if (a.id.value == query || (a.code && fold(*a.code) == q)) return i;
        if (fold(a.name) == q || fold(uninvert(a.name)) == q || fold(a.id.value) == q) exact.push_back(i);
    }
    if (exact.empty()) {
        // "Bristol" for "City of Bristol" / "Bristol, City of", "Herefordshire" for "County of …".
        for (std::size_t i = 0; i < d.areas.size(); ++i) {
            std::string n = fold(uninvert(d.areas[i].name));
            for (std::string_view prefix : {"city of ", "county of "})
                if (n.rfind(prefix, 0) == 0) n = n.substr(prefix.size());
            if (n == q) exact.push_back(i);
        }
    }
    if (exact.size() == 1) return exact.front();
    if (exact.size() > 1) {
        std::vector<std::string> ids;
        for (auto i : exact) ids.push_back(d.areas[i].id.value);
        throw AreaLookupError("more than one area is called '" + std::string(query) +
                                  "'; give its id or ONS code instead",
                              ids);
    }
    // No match. First the areas whose name holds every typed word as a word of its own (ONS
    // names are long: "Hull" is "Kingston upon Hull, City of", "Brighton" "Brighton and
    // Hove"; whole words, so "Hull" is not "Solihull"), in file order; then the closest names.
    constexpr std::size_t max_candidates = 3;
    std::vector<std::string> ids;
    const std::vector<std::string> words = split_words(q);
    for (std::size_t i = 0; i < d.areas.size() && ids.size() < max_candidates && !words.empty();
         ++i) {
        const std::vector<std::string> name_words = split_words(fold(d.areas[i].name));
        const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
        });
        if (all) ids.push_back(d.areas[i].id.value);
    }
    std::vector<std::pair<std::size_t, std::size_t>> scored;
    const std::size_t limit = suggestion_limit(q);
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        scored.emplace_back(edit_distance(q, fold(d.areas[i].name), limit), i);
    std::sort(scored.begin(), scored.end());
    for (const auto& [dist, i] : scored) {
        if (dist > limit || ids.size() >= max_candidates) break;
        if (std::find(ids.begin(), ids.end(), d.areas[i].id.value) == ids.end())
            ids.push_back(d.areas[i].id.value);
    }
    throw AreaLookupError("no area has the id, ONS code or name '" + std::string(query) + "'", ids);
}

// [SECTION] Walking boards and agencies

ExtractResult extract_area(const Dataset& d, std::size_t area, const ExtractOptions& opts) {
    return extract_areas(d, {area}, d.areas.at(area).name, opts);
}

ExtractResult extract_agency_area(const Dataset& d, std::size_t agency, const ExtractOptions& opts) {
    std::vector<std::size_t> areas;
    for (const auto& id : d.agencies.at(agency).footprint)
        if (const auto i = d.find_area(id)) areas.push_back(*i);
    return extract_areas(d, areas, d.agencies[agency].name + " area", opts);
}

ExtractResult extract_areas(const Dataset& d, const std::vector<std::size_t>& areas, const std::string& name,
                            const ExtractOptions& opts) {
    ExtractResult res;
    if (areas.empty()) throw std::invalid_argument("extract: no area to extract around");
    res.area = areas.front();
    const auto leaves = area_leaves(d);
    // The leaves of every area, merged (sorted and unique, as intersects() needs).
    std::vector<std::size_t> target;
    for (const auto a : areas) target.insert(target.end(), leaves.at(a).begin(), leaves.at(a).end());
    std::sort(target.begin(), target.end());
    target.erase(std::unique(target.begin(), target.end()), target.end());

    // Top-level ancestor of each board (cycles are impossible in a validated dataset).
    std::vector<std::size_t> top(d.boards.size());
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        std::size_t t = b;
        for (std::size_t guard = 0; d.boards[t].parent && guard <= d.boards.size(); ++guard)
            t = d.find_board(*d.boards[t].parent).value_or(t);
        top[b] = t;
    }
    std::vector<std::vector<std::size_t>> board_leaves(d.boards.size()), agency_leaves(d.agencies.size());
    for (std::size_t b = 0; b < d.boards.size(); ++b) board_leaves[b] = footprint_leaves(d, leaves, d.boards[b].footprint);
    for (std::size_t a = 0; a < d.agencies.size(); ++a)
        agency_leaves[a] = footprint_leaves(d, leaves, d.agencies[a].footprint);

    // Agency ↔ top-level board links by representation (memberships of any date).
    std::vector<std::set<std::size_t>> rep_boards(d.agencies.size()), rep_agencies(d.boards.size());
    for (const auto& m : d.memberships) {
        const auto b = d.find_board(m.board);
        const auto a = d.represented_agency(m);
        if (b && a) {
            rep_boards[*a].insert(top[*b]);
            rep_agencies[top[*b]].insert(*a);
        }
    }

    std::set<std::size_t> boards, agencies;  // top-level boards; agencies
    for (std::size_t b = 0; b < d.boards.size(); ++b)
        if (intersects(board_leaves[b], target)) boards.insert(top[b]);
    for (std::size_t a = 0; a < d.agencies.size(); ++a)
        if (intersects(agency_leaves[a], target)) agencies.insert(a);
    res.boards_touching = boards.size();
    res.agencies_touching = agencies.size();

    auto boards_of = [&](std::size_t a, std::set<std::size_t>& out) {
        for (std::size_t b = 0; b < d.boards.size(); ++b)
            if (!d.boards[b].parent && intersects(board_leaves[b], agency_leaves[a])) out.insert(b);
        out.insert(rep_boards[a].begin(), rep_boards[a].end());
    };
    auto agencies_of = [&](std::size_t b, std::set<std::size_t>& out) {
        for (std::size_t a = 0; a < d.agencies.size(); ++a)
            if (intersects(board_leaves[b], agency_leaves[a])) out.insert(a);
        out.insert(rep_agencies[b].begin(), rep_agencies[b].end());
    };
    for (int step = 1; step <= opts.depth; ++step) {
        if (step >= 2) {
            std::set<std::size_t> more = agencies;
            for (auto b : boards) agencies_of(b, more);
            agencies = std::move(more);
        }
        std::set<std::size_t> more = boards;
        for (auto a : agencies) boards_of(a, more);
        boards = std::move(more);
    }

    // [SECTION] Closing over references

    std::vector<bool> keep_board(d.boards.size(), false);
    for (std::size_t b = 0; b < d.boards.size(); ++b) keep_board[b] = boards.count(top[b]) != 0;
    // Successors (and their structures) stay with the boards they succeed.
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t b = 0; b < d.boards.size(); ++b)
            if (keep_board[b] && d.boards[b].successor)
                if (auto s = d.find_board(*d.boards[b].successor); s && !keep_board[top[*s]]) {
                    for (std::size_t c = 0; c < d.boards.size(); ++c)
                        if (top[c] == top[*s]) keep_board[c] = true;
                    grew = true;
                }
    }
    std::vector<bool> keep_agency(d.agencies.size(), false);
    for (auto a : agencies) keep_agency[a] = true;
    std::vector<bool> keep_membership(d.memberships.size(), false), keep_person(d.people.size(), false);
    for (std::size_t m = 0; m < d.memberships.size(); ++m) {
        const auto b = d.find_board(d.memberships[m].board);
        const auto p = d.find_person(d.memberships[m].person);
        if (!b || !p || !keep_board[*b]) continue;
        keep_membership[m] = true;
        keep_person[*p] = true;
        if (d.memberships[m].represents)
            if (auto a = d.find_agency(*d.memberships[m].represents)) keep_agency[*a] = true;
    }
    for (std::size_t p = 0; p < d.people.size(); ++p)
        if (keep_person[p] && d.people[p].agency)
            if (auto a = d.find_agency(*d.people[p].agency)) keep_agency[*a] = true;

    // Areas: every footprint area with its whole subtree (so leaf sets keep their meaning),
    // plus ancestors, which `parent` references need.
    std::vector<std::vector<std::size_t>> children(d.areas.size());
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (d.areas[i].parent)
            if (auto p = d.find_area(*d.areas[i].parent)) children[*p].push_back(i);
    std::vector<bool> keep_area(d.areas.size(), false);
    std::vector<std::size_t> stack;
    auto mark_footprint = [&](const std::vector<AreaId>& fp) {
        for (const auto& id : fp)
            if (auto i = d.find_area(id)) stack.push_back(*i);
    };
    for (std::size_t b = 0; b < d.boards.size(); ++b)
        if (keep_board[b]) mark_footprint(d.boards[b].footprint);
    for (std::size_t a = 0; a < d.agencies.size(); ++a)
        if (keep_agency[a]) mark_footprint(d.agencies[a].footprint);
    stack.insert(stack.end(), areas.begin(), areas.end());
    while (!stack.empty()) {
        const auto i = stack.back();
        stack.pop_back();
        if (keep_area[i]) continue;
        keep_area[i] = true;
        for (auto c : children[i]) stack.push_back(c);
    }
    for (std::size_t i = 0; i < d.areas.size(); ++i) {
        if (!keep_area[i]) continue;
        for (auto p = d.areas[i].parent; p;) {
            const auto pi = d.find_area(*p);
            if (!pi || keep_area[*pi]) break;
            keep_area[*pi] = true;
            p = d.areas[*pi].parent;
        }
    }

    // [SECTION] Copying

    Dataset& out = res.dataset;
    out.meta = d.meta;
    out.meta.title = (d.meta.title.empty() ? std::string("Extract") : d.meta.title) + " - extract: " + name;
    out.meta.description = "Extract of " + (d.meta.title.empty() ? std::string("a dataset") : d.meta.title) +
                           " around " + name + " (depth " + std::to_string(opts.depth) + ")." +
                           (d.meta.description ? " " + *d.meta.description : std::string());
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (keep_area[i]) {
            out.areas.push_back(d.areas[i]);
            ids.insert(d.areas[i].id.value);
        }
    for (std::size_t a = 0; a < d.agencies.size(); ++a)
        if (keep_agency[a]) {
            out.agencies.push_back(d.agencies[a]);
            ids.insert(d.agencies[a].id.value);
        }
    for (std::size_t b = 0; b < d.boards.size(); ++b)
        if (keep_board[b]) {
            out.boards.push_back(d.boards[b]);
            ids.insert(d.boards[b].id.value);
        }
    for (std::size_t p = 0; p < d.people.size(); ++p)
        if (keep_person[p]) {
            out.people.push_back(d.people[p]);
            ids.insert(d.people[p].id.value);
        }
    for (std::size_t m = 0; m < d.memberships.size(); ++m)
        if (keep_membership[m]) out.memberships.push_back(d.memberships[m]);
    for (const auto& r : d.relations)
        if (ids.count(r.from.value) && ids.count(r.to.value)) out.relations.push_back(r);
    for (const auto& [id, pos] : d.layout.positions)
        if (ids.count(id)) out.layout.positions[id] = pos;
    for (const auto& id : d.layout.pinned)
        if (ids.count(id)) out.layout.pinned.push_back(id);
    out.reindex();
    return res;
}

}  // namespace boardscape
