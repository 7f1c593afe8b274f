// Shared analysis plumbing: the analysis date, activity at that date (DESIGN §3 "active at
// date D"), each board's top-level ancestor, and footprint leaf sets.
#include "boardscape/analysis/common.hpp"

#include "seat_refs.hpp"

#include <algorithm>

namespace boardscape {

namespace {

bool active_at(const std::optional<Date>& from, const std::optional<Date>& until,
               const std::optional<Date>& date) {
    if (!date) return true;
    if (from && *date < *from) return false;
    if (until && !(*date < *until)) return false;
    return true;
}

}  // namespace

std::optional<Date> analysis_date(const Dataset& d, const AnalysisOptions& opts) {
    if (opts.as_of) return opts.as_of;
    return d.meta.as_of;
}

// [SECTION] Activity

Activity compute_activity(const Dataset& d, std::optional<Date> date) {
    return detail::compute_activity(d, date, detail::resolve_seats(d));
}

Activity detail::compute_activity(const Dataset& d, std::optional<Date> date, const SeatRefs& refs) {
    Activity act;
    act.date = date;
    const std::size_t nb = d.boards.size();

    // Parent index per board; a parent that does not resolve (never in a validated dataset)
    // makes the board its own top level rather than failing.
    std::vector<std::size_t> parent(nb, nb);
    for (std::size_t b = 0; b < nb; ++b) {
        if (!d.boards[b].parent) continue;
        if (auto p = d.find_board(*d.boards[b].parent); p && *p != b) parent[b] = *p;
    }

    std::vector<bool> own_active(nb);
    for (std::size_t b = 0; b < nb; ++b)
        own_active[b] = active_at(d.boards[b].from, d.boards[b].until, date);

    // Walk each board's parent chain. Validation rules out cycles, but the walk is bounded by
    // the number of boards anyway so a corrupt dataset cannot hang an analysis.
    act.board_active.assign(nb, false);
    act.top_level.assign(nb, 0);
    for (std::size_t b = 0; b < nb; ++b) {
        bool active = own_active[b];
        std::size_t top = b;
        for (std::size_t steps = 0; parent[top] != nb && steps < nb; ++steps) {
            top = parent[top];
            active = active && own_active[top];
        }
        act.board_active[b] = active;
        act.top_level[b] = top;
    }

    act.membership_counted.assign(d.memberships.size(), false);
    for (std::size_t i = 0; i < d.memberships.size(); ++i) {
        const std::size_t b = refs.board[i];
        if (b == k_no_index || refs.person[i] == k_no_index) continue;
        const Membership& m = d.memberships[i];
        act.membership_counted[i] = act.board_active[b] && active_at(m.from, m.until, date);
    }
    return act;
}

// [SECTION] Footprint leaves

std::vector<std::vector<std::size_t>> area_leaves(const Dataset& d) {
    const std::size_t na = d.areas.size();
    std::vector<std::vector<std::size_t>> children(na);
    for (std::size_t a = 0; a < na; ++a) {
        if (!d.areas[a].parent) continue;
        if (auto p = d.find_area(*d.areas[a].parent); p && *p != a) children[*p].push_back(a);
    }

    // Iterative post-order with an explicit stack (no recursion depth limit); an area met again
    // while still open would be a cycle, which validation forbids; it is simply skipped.
    enum : unsigned char { fresh, open, done };
    std::vector<unsigned char> state(na, fresh);
    std::vector<std::vector<std::size_t>> leaves(na);
    for (std::size_t root = 0; root < na; ++root) {
        if (state[root] != fresh) continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};  // (area, next child)
        state[root] = open;
        while (!stack.empty()) {
            auto& [a, next] = stack.back();
            if (next < children[a].size()) {
                const std::size_t c = children[a][next++];
                if (state[c] == fresh) {
                    state[c] = open;
                    stack.emplace_back(c, 0);
                }
                continue;
            }
            std::vector<std::size_t> out;
            if (children[a].empty()) {
                out.push_back(a);
            } else {
                for (std::size_t c : children[a])
                    if (state[c] == done) out.insert(out.end(), leaves[c].begin(), leaves[c].end());
                std::sort(out.begin(), out.end());
                out.erase(std::unique(out.begin(), out.end()), out.end());
            }
            leaves[a] = std::move(out);
            state[a] = done;
            stack.pop_back();
        }
    }
    return leaves;
}

std::vector<std::size_t> footprint_leaves(const Dataset& d,
                                          const std::vector<std::vector<std::size_t>>& leaves,
                                          const std::vector<AreaId>& footprint) {
    std::vector<std::size_t> out;
    for (const AreaId& id : footprint) {
        auto a = d.find_area(id);
        if (!a || *a >= leaves.size()) continue;
        out.insert(out.end(), leaves[*a].begin(), leaves[*a].end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace boardscape
