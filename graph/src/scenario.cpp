// Scenario operations built as edits: merge (DESIGN §8.3), cadence change, end of a board.
#include "boardscape/scenario.hpp"

#include "boardscape/suggest.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace boardscape {

ScenarioError::ScenarioError(std::vector<std::string> problems)
    : std::runtime_error(problems.empty() ? std::string("invalid scenario") : problems.front()),
      m_problems(std::move(problems)) {}

// [SECTION] Values

namespace {

std::optional<double> parse_number(std::string_view s) {
    double v = 0;
    const char* last = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), last, v);
    if (s.empty() || ec != std::errc() || ptr != last || !std::isfinite(v) || v < 0)
        return std::nullopt;
    return v == 0 ? 0.0 : v;  // never "-0"
}

bool active_on(const std::optional<Date>& from, const std::optional<Date>& until, const Date& d) {
    return (!from || !(d < *from)) && (!until || d < *until);
}

std::string quoted(std::string_view s) {
    std::string out;  // built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + string
    out.reserve(s.size() + 2);
    out.append(1, '\'').append(s).append(1, '\'');
    return out;
}

/// A name as board names are matched (as import-members matches them): ASCII letters
/// lower-cased, runs of spaces collapsed, ends trimmed.
std::string fold_name(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isspace(u)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(u < 128 ? std::tolower(u) : u);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// "unknown board 'x' (did you mean 'y'?)", or "'x' is an agency, not a board". The guess is
/// the closest id, else the board whose name is closest ("(did you mean 'y', Name?)").
std::string unknown_board(const Dataset& d, const std::string& id) {
    if (auto r = d.find(id))
        return quoted(id) + " is " + (r->type == EntityType::agency ? "an " : "a ") +
               std::string(to_string(r->type)) + ", not a board";
    std::vector<std::string_view> ids;
    ids.reserve(d.boards.size());
    for (const auto& b : d.boards) ids.push_back(b.id.value);
    std::string msg = "unknown board " + quoted(id);
    if (auto guess = closest_match(id, ids)) return msg + " (did you mean " + quoted(*guess) + "?)";
    std::vector<std::string> names;
    names.reserve(d.boards.size());
    for (const auto& b : d.boards) names.push_back(fold_name(b.name));
    if (auto guess = closest_match(fold_name(id), names)) {
        const auto at =
            static_cast<std::size_t>(std::find(names.begin(), names.end(), *guess) - names.begin());
        msg += " (did you mean " + quoted(d.boards[at].id.value) + ", " + d.boards[at].name + "?)";
    }
    return msg;
}

/// A board named by its name rather than its id (case and extra spaces aside) becomes its id;
/// an id, or a text no board is called, is left for the checks that report it. A name two
/// boards share is a problem naming both.
BoardId resolve_board_name(const Dataset& d, const BoardId& given,
                           std::vector<std::string>& problems) {
    if (d.find(given.value)) return given;
    const std::string key = fold_name(given.value);
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < d.boards.size(); ++i)
        if (fold_name(d.boards[i].name) == key) hits.push_back(i);
    if (hits.size() == 1) return d.boards[hits.front()].id;
    if (hits.size() > 1) {
        std::string msg = quoted(given.value) + " is the name of more than one board (";
        for (std::size_t k = 0; k < hits.size(); ++k)
            msg += (k ? ", " : "") + quoted(d.boards[hits[k]].id.value);
        problems.push_back(msg + "); give the id");
    }
    return given;
}

/// "board 'x' (Name)" for messages.
std::string who_uses(const Dataset& d, const std::string& id) {
    const auto r = d.find(id);
    if (!r) return "";
    std::string name;
    switch (r->type) {
        case EntityType::area: name = d.areas[r->index].name; break;
        case EntityType::agency: name = d.agencies[r->index].name; break;
        case EntityType::board: name = d.boards[r->index].name; break;
        case EntityType::person: name = d.people[r->index].name; break;
    }
    return std::string(to_string(r->type)) + " '" + name + "'";
}

std::string dates_of(const Board& b) {
    std::string s;
    if (b.from) s += "from " + b.from->str();
    if (b.until) s += std::string(s.empty() ? "" : ", ") + "until " + b.until->str();
    return s;
}

}  // namespace

std::optional<Cadence> parse_cadence(std::string_view text) {
    Cadence c;
    const auto x = text.find('x');
    const auto n = parse_number(text.substr(0, x));
    if (!n) return std::nullopt;
    c.meetings_per_year = *n;
    if (x != std::string_view::npos) {
        const auto h = parse_number(text.substr(x + 1));
        if (!h) return std::nullopt;
        c.meeting_hours = *h;
    }
    return c;
}

std::string id_from_name(std::string_view name) {
    std::string out;
    bool pending_dash = false;
    for (const char ch : name) {
        const auto u = static_cast<unsigned char>(ch);
        if (u < 128 && std::isalnum(u)) {
            if (pending_dash && !out.empty()) out += '-';
            pending_dash = false;
            out += static_cast<char>(std::tolower(u));
        } else {
            pending_dash = true;
        }
    }
    return out;
}

Date today_utc() {
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{days};
    return Date{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

Date scenario_date(const Dataset& d, const std::optional<Date>& date, const Date& today) {
    if (date) return *date;
    if (d.meta.as_of) return *d.meta.as_of;
    return today;
}

// [SECTION] Merge

namespace {

std::string default_name(const Dataset& d, const MergeSpec& spec) {
    std::string name;
    for (const auto& id : spec.boards) {
        const auto i = d.find_board(id);
        if (!name.empty()) name += " + ";
        name += i ? d.boards[*i].name : id.value;
    }
    return name;
}

/// Everything merge_edit needs, checked: indices of the merged boards and their live
/// descendants, and the replacement id of every replaced board.
struct MergePlan {
    std::string new_id;
    std::string name;
    BoardKind kind = BoardKind::other;
    std::vector<std::size_t> merged;  // board indices, in --merge order
    /// Sub-groups (at any depth) of the merged boards that are live at D, in file order:
    /// copied when they have started by D, re-parented when they start later.
    std::vector<std::size_t> copied, reparented;
    std::map<std::string, std::string> replacement;  // replaced board id → its replacement
};

MergePlan plan_merge(const Dataset& d, const MergeSpec& spec, const Date& date) {
    std::vector<std::string> problems;
    MergePlan plan;
    if (spec.boards.size() < 2) problems.push_back("a merge needs at least two boards");
    std::set<std::string> seen;
    for (const auto& id : spec.boards) {
        if (!seen.insert(id.value).second) {
            problems.push_back("board " + quoted(id.value) + " is listed twice");
            continue;
        }
        const auto i = d.find_board(id);
        if (!i) {
            problems.push_back(unknown_board(d, id.value));
            continue;
        }
        const Board& b = d.boards[*i];
        if (b.parent) {
            problems.push_back(quoted(id.value) + " is a sub-group of " + quoted(b.parent->value) +
                               "; merge top-level boards (their sub-groups move with them)");
            continue;
        }
        if (!active_on(b.from, b.until, date)) {
            problems.push_back("board " + quoted(id.value) + " is not active on " + date.str() +
                               " (" + dates_of(b) + ")");
            continue;
        }
        plan.merged.push_back(*i);
    }
    // Kinds: only meaningful once every board is known.
    if (problems.empty()) {
        if (spec.kind) {
            plan.kind = *spec.kind;
        } else {
            plan.kind = d.boards[plan.merged.front()].kind;
            for (const std::size_t i : plan.merged) {
                const Board& b = d.boards[i];
                if (b.kind == plan.kind) continue;
                const Board& first = d.boards[plan.merged.front()];
                problems.push_back("boards of different kinds: " + quoted(first.id.value) + " is " +
                                   std::string(to_string(first.kind)) + ", " + quoted(b.id.value) +
                                   " is " + std::string(to_string(b.kind)) +
                                   " (give --kind KIND to merge them as one kind)");
                break;
            }
        }
    }
    plan.name = spec.name.empty() ? default_name(d, spec) : spec.name;
    plan.new_id = spec.new_id.empty() ? id_from_name(plan.name) : spec.new_id;
    if (plan.new_id.empty()) {
        problems.push_back("no id can be derived from the name " + quoted(plan.name) +
                           "; give one with --id");
    } else if (d.find(plan.new_id)) {
        problems.push_back("id " + quoted(plan.new_id) +
                           (spec.new_id.empty() ? " (derived from the name)" : "") +
                           " is already used by " + who_uses(d, plan.new_id) +
                           "; choose another with --id");
    }
    if (spec.cadence &&
        (!std::isfinite(spec.cadence->meetings_per_year) || spec.cadence->meetings_per_year < 0 ||
         (spec.cadence->meeting_hours &&
          (!std::isfinite(*spec.cadence->meeting_hours) || *spec.cadence->meeting_hours < 0))))
        problems.push_back("a cadence needs finite numbers >= 0");
    if (!problems.empty()) throw ScenarioError(std::move(problems));

    // Descendants in file order: a board is one when its parent is merged or a descendant.
    // Parents may come after their sub-groups in the file, so repeat until nothing changes.
    std::vector<bool> replaced(d.boards.size(), false);
    for (const std::size_t i : plan.merged) {
        replaced[i] = true;
        plan.replacement[d.boards[i].id.value] = plan.new_id;
    }
    std::vector<bool> descendant(d.boards.size(), false);
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < d.boards.size(); ++i) {
            const Board& b = d.boards[i];
            if (descendant[i] || !b.parent) continue;
            const auto p = d.find_board(*b.parent);
            if (p && (replaced[*p] || descendant[*p])) descendant[i] = grew = true;
        }
    }
    std::set<std::string> new_ids = {plan.new_id};
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        if (!descendant[i]) continue;
        const Board& s = d.boards[i];
        if (s.until && !(date < *s.until)) continue;  // ended by D: history, left alone
        if (s.from && date < *s.from) {
            plan.reparented.push_back(i);
            continue;
        }
        const std::string copy = s.id.value + "-" + plan.new_id;
        if (d.find(copy))
            problems.push_back("id " + quoted(copy) + " (the copy of sub-group " +
                               quoted(s.id.value) + ") is already used by " + who_uses(d, copy));
        else if (!new_ids.insert(copy).second)
            problems.push_back("id " + quoted(copy) + " (the copy of sub-group " +
                               quoted(s.id.value) + ") would be made twice");
        plan.copied.push_back(i);
        plan.replacement[s.id.value] = copy;
    }
    if (!problems.empty()) throw ScenarioError(std::move(problems));
    return plan;
}

/// The replacement of board `id` (itself when it is not replaced).
const std::string& replacement_of(const MergePlan& plan, const std::string& id) {
    const auto it = plan.replacement.find(id);
    return it == plan.replacement.end() ? id : it->second;
}

}  // namespace

std::string merged_board_id(const Dataset& d, const MergeSpec& spec) {
    if (!spec.new_id.empty()) return spec.new_id;
    return id_from_name(spec.name.empty() ? default_name(d, spec) : spec.name);
}

Edit merge_edit(const Dataset& d, const MergeSpec& spec, const Date& date) {
    const MergePlan plan = plan_merge(d, spec, date);
    Compound c;
    const auto add = [&c](auto op) { c.edits.push_back(Edit{std::move(op), {}}); };

    // The new board, then the copies of the sub-groups (appended, in file order).
    Board merged;
    merged.id = BoardId(plan.new_id);
    merged.name = plan.name;
    merged.kind = plan.kind;
    for (const std::size_t i : plan.merged) {
        const Board& b = d.boards[i];
        for (const auto& a : b.footprint)
            if (std::find(merged.footprint.begin(), merged.footprint.end(), a) ==
                merged.footprint.end())
                merged.footprint.push_back(a);
        merged.meetings_per_year = std::max(merged.meetings_per_year, b.meetings_per_year);
        merged.meeting_hours = std::max(merged.meeting_hours, b.meeting_hours);
    }
    if (spec.cadence) {
        merged.meetings_per_year = spec.cadence->meetings_per_year;
        if (spec.cadence->meeting_hours) merged.meeting_hours = *spec.cadence->meeting_hours;
    }
    merged.from = date;
    std::size_t next_board = d.boards.size();
    add(edit::InsertEntity{merged, next_board++});
    for (const std::size_t i : plan.copied) {
        Board copy = d.boards[i];
        copy.id = BoardId(plan.replacement.at(copy.id.value));
        copy.parent = BoardId(replacement_of(plan, copy.parent->value));
        copy.from = date;
        add(edit::InsertEntity{copy, next_board++});
    }

    // The replaced boards end at D and name their successors; later sub-groups move across.
    for (const std::size_t i : plan.merged) {
        Board b = d.boards[i];
        b.until = date;
        b.successor = BoardId(plan.new_id);
        add(edit::ReplaceEntity{b, i});
    }
    for (const std::size_t i : plan.copied) {
        Board b = d.boards[i];
        b.until = date;
        b.successor = BoardId(plan.replacement.at(b.id.value));
        add(edit::ReplaceEntity{b, i});
    }
    for (const std::size_t i : plan.reparented) {
        Board b = d.boards[i];
        b.parent = BoardId(replacement_of(plan, b.parent->value));
        add(edit::ReplaceEntity{b, i});
    }

    // Memberships: those active at D end there; each person gets one seat per replacement.
    struct Seat {
        std::size_t winner;  // membership index whose role wins (first in file order on ties)
    };
    std::vector<std::pair<std::pair<std::string, std::string>, Seat>> seats;  // first-seen order
    std::map<std::pair<std::string, std::string>, std::size_t> seat_index;
    for (std::size_t m = 0; m < d.memberships.size(); ++m) {
        const Membership& ms = d.memberships[m];
        const auto it = plan.replacement.find(ms.board.value);
        if (it == plan.replacement.end()) continue;
        if (ms.from && date < *ms.from) {  // starts after D: it belongs to the replacement
            Membership moved = ms;
            moved.board = BoardId(it->second);
            add(edit::ReplaceMembership{moved, m});
            continue;
        }
        if (ms.until && !(date < *ms.until)) continue;  // ended by D: history
        Membership ended = ms;
        ended.until = date;
        add(edit::ReplaceMembership{ended, m});
        const auto key = std::make_pair(ms.person.value, it->second);
        const auto [pos, fresh] = seat_index.try_emplace(key, seats.size());
        if (fresh) {
            seats.push_back({key, Seat{m}});
        } else if (ms.role < d.memberships[seats[pos->second].second.winner].role) {
            seats[pos->second].second.winner = m;  // strictly better: ties keep the first
        }
    }
    std::size_t next_membership = d.memberships.size();
    for (const auto& [key, seat] : seats) {
        Membership m = d.memberships[seat.winner];
        m.board = BoardId(key.second);
        m.from = date;  // until: the winner's own (after D or none)
        add(edit::InsertMembership{m, next_membership++});
    }

    // Relations re-pointed; a self-relation or a duplicate (from, to, kind) made by the merger
    // goes (the first in file order stays). Replacements first, then erasures from the back.
    using Key = std::tuple<std::string, std::string, RelationKind>;
    std::map<Key, bool> kept;  // key → was the kept relation re-pointed
    std::vector<std::size_t> dropped;
    for (std::size_t r = 0; r < d.relations.size(); ++r) {
        Relation rel = d.relations[r];
        const std::string& from = replacement_of(plan, rel.from.value);
        const std::string& to = replacement_of(plan, rel.to.value);
        const bool changed = from != rel.from.value || to != rel.to.value;
        const Key key{from, to, rel.kind};
        const auto seen = kept.find(key);
        if ((changed && from == to) || (seen != kept.end() && (changed || seen->second))) {
            dropped.push_back(r);
            continue;
        }
        kept.emplace(key, changed);
        if (!changed) continue;
        rel.from = BoardId(from);
        rel.to = BoardId(to);
        add(edit::ReplaceRelation{rel, r});
    }
    for (auto it = dropped.rbegin(); it != dropped.rend(); ++it) add(edit::EraseRelation{*it});

    // Layout: the new board at the mean of the merged boards' positions, copies where their
    // originals are, so the graph view shows the merger where the boards were.
    std::array<double, 2> sum{0, 0};
    int placed = 0;
    for (const std::size_t i : plan.merged) {
        const auto it = d.layout.positions.find(d.boards[i].id.value);
        if (it == d.layout.positions.end()) continue;
        sum[0] += it->second[0];
        sum[1] += it->second[1];
        ++placed;
    }
    if (placed > 0)
        add(edit::SetLayout{plan.new_id, std::array<double, 2>{sum[0] / placed, sum[1] / placed},
                            false});
    for (const std::size_t i : plan.copied) {
        const auto it = d.layout.positions.find(d.boards[i].id.value);
        if (it != d.layout.positions.end())
            add(edit::SetLayout{plan.replacement.at(d.boards[i].id.value), it->second, false});
    }

    // Without this the output would open at its old as_of (before the merger), or, with no
    // as_of, count the old and the new boards at once.
    if (!d.meta.as_of || *d.meta.as_of < date) {
        Meta meta = d.meta;
        meta.as_of = date;
        add(edit::SetMeta{meta});
    }
    return Edit{std::move(c), "merge boards into '" + plan.new_id + "'"};
}

// [SECTION] Cadence and end

Edit cadence_edit(const Dataset& d, const BoardId& board, const Cadence& cadence) {
    const auto i = d.find_board(board);
    if (!i) throw ScenarioError({unknown_board(d, board.value)});
    if (!std::isfinite(cadence.meetings_per_year) || cadence.meetings_per_year < 0 ||
        (cadence.meeting_hours &&
         (!std::isfinite(*cadence.meeting_hours) || *cadence.meeting_hours < 0)))
        throw ScenarioError({"a cadence needs finite numbers >= 0"});
    Board b = d.boards[*i];
    b.meetings_per_year = cadence.meetings_per_year;
    if (cadence.meeting_hours) b.meeting_hours = *cadence.meeting_hours;
    return Edit{edit::ReplaceEntity{b, *i}, "set the cadence of '" + board.value + "'"};
}

Edit end_board_edit(const Dataset& d, const BoardId& board, const Date& date) {
    const auto i = d.find_board(board);
    if (!i) throw ScenarioError({unknown_board(d, board.value)});
    Board b = d.boards[*i];
    if (!active_on(b.from, b.until, date))
        throw ScenarioError({"board " + quoted(board.value) + " is not active on " + date.str() +
                             " (" + dates_of(b) + ")"});
    b.until = date;
    return Edit{edit::ReplaceEntity{b, *i}, "end '" + board.value + "' on " + date.str()};
}

// [SECTION] Whole scenario

ScenarioResult apply_scenario(const Dataset& d, const ScenarioSpec& given, const Date& today) {
    ScenarioResult result{d, scenario_date(d, given.date, today), std::nullopt, {}};
    Dataset& out = result.dataset;
    std::vector<std::string> problems;
    ScenarioSpec spec = given;
    if (spec.merge)
        for (auto& b : spec.merge->boards) b = resolve_board_name(d, b, problems);
    for (auto& change : spec.cadences) change.first = resolve_board_name(d, change.first, problems);
    for (auto& b : spec.ends) b = resolve_board_name(d, b, problems);
    if (!problems.empty()) throw ScenarioError(std::move(problems));
    const auto apply = [&](Edit e) {
        try {
            apply_edit(out, e);
        } catch (const EditError& err) {
            // The operations are built to validate; a refusal means a bug or an input the
            // checks above do not foresee, reported rather than written.
            throw ScenarioError(err.problems());
        }
        result.edits.push_back(std::move(e));
    };
    if (spec.merge) {
        MergeSpec merge = *spec.merge;
        const std::string new_id = merged_board_id(d, merge);
        for (const auto& [board, cadence] : spec.cadences)
            if (board.value == new_id) merge.cadence = cadence;
        apply(merge_edit(out, merge, result.date));
        result.merged_id = new_id;
    }
    // Each operation is built on the dataset as the previous ones left it (a cadence and an
    // end of one board both apply); every problem is collected so one run shows them all. The
    // dataset is a copy, so stopping half-way changes nothing.
    const auto attempt = [&](auto build) {
        try {
            apply(build());
        } catch (const ScenarioError& e) {
            problems.insert(problems.end(), e.problems().begin(), e.problems().end());
        }
    };
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    for (const auto& change : spec.cadences) {
        if (result.merged_id && change.first.value == *result.merged_id) continue;
        attempt([&] { return cadence_edit(out, change.first, change.second); });
    }
    for (const auto& board : spec.ends)
        attempt([&] { return end_board_edit(out, board, result.date); });
    if (!problems.empty()) throw ScenarioError(std::move(problems));
    return result;
}

}  // namespace boardscape
