// Boundary mismatch (DESIGN §4 "Boundaries"). Instead of comparing every agency with every
// board, an inverted index (leaf → boards covering it) gives each agency the intersection
// size and population with just the boards it touches; the relation follows from the three
// sizes |a|, |b| and |a ∩ b|. The cost is the number of (agency leaf, board) incidences.
// Expected attendance rides on the same pass: each board's expectation (which sectors its
// kind expects, from the representation rules) is worked out once, as a bit per sector, so
// an agency's touched board costs one bit test more.
#include "boardscape/analysis/boundaries.hpp"

#include "seat_refs.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <numeric>

namespace boardscape {

// [SECTION] Relation of two leaf sets

std::string_view to_string(BoundaryRelation r) {
    switch (r) {
        case BoundaryRelation::equal: return "equal";
        case BoundaryRelation::agency_wider: return "agency_wider";
        case BoundaryRelation::agency_narrower: return "agency_narrower";
        case BoundaryRelation::straddles: return "straddles";
        case BoundaryRelation::disjoint: return "disjoint";
    }
    return "disjoint";
}

namespace {

BoundaryRelation relation_from_sizes(std::size_t a, std::size_t b, std::size_t common) {
    if (common == 0) return BoundaryRelation::disjoint;
    if (common == a && common == b) return BoundaryRelation::equal;
    if (common == b) return BoundaryRelation::agency_wider;  // b ⊂ a
    if (common == a) return BoundaryRelation::agency_narrower;  // a ⊂ b
    return BoundaryRelation::straddles;
}

}  // namespace

BoundaryRelation compare_footprints(const std::vector<std::size_t>& a,
                                    const std::vector<std::size_t>& b) {
    std::size_t common = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return relation_from_sizes(a.size(), b.size(), common);
}

// [SECTION] The analysis

namespace {

/// Indices 0..n-1 ordered by the ids `id_of(i)` returns, so results come out sorted by id
/// without comparing strings again later.
template <class IdOf>
std::vector<std::size_t> order_by_id(std::size_t n, IdOf id_of) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return id_of(x) < id_of(y); });
    return order;
}

constexpr std::size_t k_none = detail::k_no_index;
constexpr std::size_t k_kind_count = board_kind_count;

}  // namespace

BoundariesResult compute_boundaries(const Dataset& d, const AnalysisOptions& opts,
                                    const RepresentationRules& rules) {
    BoundariesResult result;
    result.as_of = analysis_date(d, opts);
    result.prep_factor = opts.prep_factor;
    result.travel_hours = opts.travel_hours;
    const detail::SeatRefs seats = detail::resolve_seats(d);
    const Activity act = detail::compute_activity(d, result.as_of, seats);
    const auto leaves = area_leaves(d);

    // Active top-level boards, numbered 0..nb-1 in id order ("rank").
    std::vector<std::size_t> boards;  /// by rank: board index
    for (std::size_t i = 0; i < d.boards.size(); ++i)
        if (act.board_active[i] && !d.boards[i].parent) boards.push_back(i);
    std::sort(boards.begin(), boards.end(), [&](std::size_t x, std::size_t y) {
        return d.boards[x].id.value < d.boards[y].id.value;
    });
    const std::size_t nb = boards.size();
    std::vector<std::size_t> rank_of_board(d.boards.size(), k_none);  /// by board index
    for (std::size_t r = 0; r < nb; ++r) rank_of_board[boards[r]] = r;

    // Board leaf sets, their populations, and the inverted index leaf → board ranks.
    std::vector<std::size_t> board_size(nb);
    std::vector<double> board_pop(nb, 0.0);
    std::vector<bool> board_pop_known(nb, true);
    std::vector<std::vector<std::size_t>> boards_at_leaf(d.areas.size());  /// by area index
    for (std::size_t r = 0; r < nb; ++r) {
        const auto set = footprint_leaves(d, leaves, d.boards[boards[r]].footprint);
        board_size[r] = set.size();
        for (std::size_t leaf : set) {
            boards_at_leaf[leaf].push_back(r);
            if (d.areas[leaf].population)
                board_pop[r] += *d.areas[leaf].population;
            else
                board_pop_known[r] = false;
        }
        if (!(board_pop[r] > 0)) board_pop_known[r] = false;
    }

    // What each board expects (one bit per sector, from the one function representation
    // uses) and the hours a year a seat on it takes.
    static_assert(BoardExpectation::k_sectors <= 32, "a sector mask needs more bits");
    const std::vector<bool> has_children = areas_with_children(d);
    std::vector<std::uint32_t> expects(nb, 0);  /// by rank: bit s set when sector s is expected
    std::vector<double> hours(nb, 0.0);         /// by rank
    for (std::size_t r = 0; r < nb; ++r) {
        const Board& board = d.boards[boards[r]];
        const BoardExpectation e = board_expectation(rules, d, board, has_children);
        for (std::size_t s = 0; s < BoardExpectation::k_sectors; ++s)
            if (e.slot[s] != BoardExpectation::k_none) expects[r] |= std::uint32_t{1} << s;
        hours[r] = seat_hours(board, opts);
    }

    // Per agency: intersection count and population with every board it touches. Leaves are
    // visited in ascending order, as for the board's own total, so an agency covering the
    // whole board sums the same numbers in the same order and gets a share of exactly 1.
    const std::size_t na = d.agencies.size();
    std::vector<std::vector<std::size_t>> related_ranks(na);  /// by agency: touched board ranks
    std::vector<std::vector<BoundaryRelation>> related(na);    /// parallel to related_ranks
    std::vector<std::size_t> common(nb, 0);
    std::vector<double> common_pop(nb, 0.0);
    std::vector<std::size_t> touched;
    std::array<int, k_kind_count> kind_count{};
    std::array<int, k_kind_count> expected_count{};
    result.agencies.reserve(na);
    for (std::size_t ai = 0; ai < na; ++ai) {
        const Agency& agency = d.agencies[ai];
        const auto set = footprint_leaves(d, leaves, agency.footprint);
        touched.clear();
        for (std::size_t leaf : set) {
            const double pop = d.areas[leaf].population.value_or(0.0);
            for (std::size_t r : boards_at_leaf[leaf]) {
                if (common[r]++ == 0) touched.push_back(r);
                common_pop[r] += pop;
            }
        }
        std::sort(touched.begin(), touched.end());

        AgencyBoundaries out;
        out.id = agency.id.value;
        out.sector = agency.sector;
        out.relations.reserve(touched.size());
        const std::uint32_t sector_bit = std::uint32_t{1} << static_cast<std::size_t>(agency.sector);
        for (std::size_t r : touched) {
            const Board& board = d.boards[boards[r]];
            AgencyBoardRelation rel;
            rel.board = board.id.value;
            rel.relation = relation_from_sizes(set.size(), board_size[r], common[r]);
            if (board_pop_known[r]) rel.overlap_share = common_pop[r] / board_pop[r];
            related[ai].push_back(rel.relation);
            out.relations.push_back(std::move(rel));
            ++kind_count[static_cast<std::size_t>(board.kind)];
            out.meetings_to_attend += board.meetings_per_year;
            if (expects[r] & sector_bit) {
                out.relations.back().expected = true;
                ++expected_count[static_cast<std::size_t>(board.kind)];
                out.expected_meetings += board.meetings_per_year;
                out.expected_hours += hours[r];
            }
            common[r] = 0;
            common_pop[r] = 0.0;
        }
        for (std::size_t k = 0; k < k_kind_count; ++k) {
            const auto name = to_string(static_cast<BoardKind>(k));
            if (kind_count[k] != 0) out.boards_to_attend.emplace(name, kind_count[k]);
            if (expected_count[k] != 0) out.expected_boards.emplace(name, expected_count[k]);
            kind_count[k] = 0;
            expected_count[k] = 0;
        }
        // Absurd but finite cadences or options overflow: a clear error, as load gives.
        if (!std::isfinite(out.expected_hours))
            throw std::range_error("boundaries: the expected hours of agency '" + out.id +
                                   "' are too large to compute (meetings_per_year × "
                                   "meeting_hours, with the preparation and travel options, "
                                   "overflows)");
        related_ranks[ai] = touched;
        result.agencies.push_back(std::move(out));
    }
    std::sort(result.agencies.begin(), result.agencies.end(),
              [](const AgencyBoundaries& x, const AgencyBoundaries& y) {
                  if (x.meetings_to_attend != y.meetings_to_attend)
                      return x.meetings_to_attend > y.meetings_to_attend;
                  return x.id < y.id;
              });

    // Partners: (board rank, agency) pairs from counted memberships of a board or its
    // sub-groups, de-duplicated; agencies ordered by id within a board.
    const auto agency_order = order_by_id(na, [&](std::size_t i) -> const std::string& {
        return d.agencies[i].id.value;
    });
    std::vector<std::size_t> agency_rank(na);
    for (std::size_t k = 0; k < na; ++k) agency_rank[agency_order[k]] = k;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (board rank, agency rank)
    for (std::size_t mi = 0; mi < d.memberships.size(); ++mi) {
        if (!act.membership_counted[mi] || seats.board[mi] == k_none) continue;
        const std::size_t r = rank_of_board[act.top_level[seats.board[mi]]];
        if (r == k_none) continue;
        const std::size_t ai = seats.agency[mi];
        if (ai == k_none) continue;  // a seat with no agency is nobody's partner
        pairs.emplace_back(r, agency_rank[ai]);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

    result.boards.reserve(nb);
    std::size_t p = 0;
    for (std::size_t r = 0; r < nb; ++r) {
        const Board& board = d.boards[boards[r]];
        BoardBoundaries out;
        out.id = board.id.value;
        out.kind = board.kind;
        std::size_t equal = 0;
        for (; p < pairs.size() && pairs[p].first == r; ++p) {
            const std::size_t ai = agency_order[pairs[p].second];
            out.partners.push_back(d.agencies[ai].id.value);
            // A partner with no entry for this board is disjoint from it.
            const auto& ranks = related_ranks[ai];
            const auto it = std::lower_bound(ranks.begin(), ranks.end(), r);
            if (it == ranks.end() || *it != r) continue;
            const BoundaryRelation rel = related[ai][static_cast<std::size_t>(it - ranks.begin())];
            if (rel == BoundaryRelation::equal) ++equal;
            if (rel == BoundaryRelation::straddles) out.straddling.push_back(d.agencies[ai].id.value);
        }
        if (!out.partners.empty())
            out.coterminosity =
                static_cast<double>(equal) / static_cast<double>(out.partners.size());
        result.boards.push_back(std::move(out));
    }
    return result;
}

}  // namespace boardscape
