// Overlap between top-level boards through shared people (DESIGN §4 "Overlap") and brokers:
// Brandes betweenness on the person–board graph, exact through Boost.Graph up to a vertex cap,
// and a seeded sampled-pivot estimate above it.
#include "boardscape/analysis/overlap.hpp"

#include "seat_refs.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <utility>

namespace boardscape {

namespace {

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// [SECTION] Sampled betweenness

/// Adjacency in compressed rows: the neighbours of v are targets[offsets[v] .. offsets[v+1]).
struct CompactGraph {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> targets;
    std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

CompactGraph compact(const std::vector<std::vector<std::size_t>>& adj) {
    CompactGraph g;
    g.offsets.reserve(adj.size() + 1);
    g.offsets.push_back(0);
    for (const auto& row : adj) {
        for (std::size_t w : row) g.targets.push_back(static_cast<std::uint32_t>(w));
        g.offsets.push_back(static_cast<std::uint32_t>(g.targets.size()));
    }
    return g;
}

/// Estimated (unnormalised) betweenness of every vertex of an undirected, unweighted graph
/// given as adjacency lists (each edge listed from both ends), indexed by vertex. Runs Brandes'
/// single-source dependency accumulation from `k` distinct pivot sources drawn uniformly with
/// `seed` (all vertices when k ≥ n), scales the summed dependencies by n/k, and halves them
/// because every unordered pair {s, t} is reached once from s and once from t. With k ≥ n the
/// result is exact and equals Boost's `brandes_betweenness_centrality` on the same graph.
/// Reference: Brandes & Pich, "Centrality estimation in large networks" (2007).
std::vector<double> sampled_betweenness(const std::vector<std::vector<std::size_t>>& adj,
                                        std::size_t k, unsigned seed) {
    const CompactGraph g = compact(adj);
    const std::size_t n = g.size();
    std::vector<double> centrality(n, 0.0);
    if (n == 0 || k == 0) return centrality;

    std::vector<std::uint32_t> sources(n);
    std::iota(sources.begin(), sources.end(), std::uint32_t{0});
    if (k < n) {
        std::mt19937_64 rng(seed);
        // Partial Fisher–Yates: the first k entries become a uniform sample without replacement.
        for (std::size_t i = 0; i < k; ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, n - 1);
            std::swap(sources[i], sources[pick(rng)]);
        }
        sources.resize(k);
    } else {
        k = n;
    }

    constexpr std::uint32_t unseen = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> dist(n, unseen);
    std::vector<double> sigma(n, 0.0), delta(n, 0.0);
    std::vector<std::uint32_t> order;  // vertices in BFS order (non-decreasing distance)
    order.reserve(n);
    for (std::uint32_t s : sources) {
        order.clear();
        dist[s] = 0;
        sigma[s] = 1;
        order.push_back(s);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const std::uint32_t v = order[head];
            const std::uint32_t next = dist[v] + 1;
            for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
                const std::uint32_t w = g.targets[i];
                if (dist[w] == unseen) {
                    dist[w] = next;
                    order.push_back(w);
                }
                if (dist[w] == next) sigma[w] += sigma[v];
            }
        }
        // Back-propagate dependencies in reverse BFS order; the predecessors of w are its
        // neighbours one step closer to s, each taking the share sigma[v] / sigma[w].
        for (std::size_t j = order.size(); j-- > 1;) {
            const std::uint32_t w = order[j];
            const double share = (1.0 + delta[w]) / sigma[w];
            const std::uint32_t prev = dist[w] - 1;
            for (std::uint32_t i = g.offsets[w]; i < g.offsets[w + 1]; ++i) {
                const std::uint32_t v = g.targets[i];
                if (dist[v] == prev) delta[v] += sigma[v] * share;
            }
            centrality[w] += delta[w];
        }
        for (std::uint32_t v : order) {
            dist[v] = unseen;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    const double scale = static_cast<double>(n) / static_cast<double>(k) / 2.0;
    for (double& c : centrality) c *= scale;
    return centrality;
}

/// Exact betweenness through Boost.Graph (undirected: Boost already halves the per-ordered-pair
/// sums, so each unordered pair counts once).
std::vector<double> exact_betweenness(const std::vector<std::vector<std::size_t>>& adj) {
    UndirectedGraph g(adj.size());
    for (std::size_t v = 0; v < adj.size(); ++v)
        for (std::size_t w : adj[v])
            if (v < w) boost::add_edge(v, w, g);
    std::vector<double> centrality(adj.size(), 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
               centrality.begin(), boost::get(boost::vertex_index, g))));
    return centrality;
}

}  // namespace

// [SECTION] Overlap

OverlapResult compute_overlap(const Dataset& d, const AnalysisOptions& opts,
                              const OverlapOptions& overlap_opts) {
    OverlapResult res;
    res.as_of = analysis_date(d, opts);
    const detail::SeatRefs refs = detail::resolve_seats(d);
    const Activity act = detail::compute_activity(d, res.as_of, refs);
    const std::size_t nb = d.boards.size();
    const std::size_t np = d.people.size();

    // Top-level boards each person sits on (through the board or any of its sub-groups), and
    // the top-level boards each person chairs directly.
    std::vector<std::set<std::size_t>> person_tops(np);
    std::vector<std::set<std::size_t>> person_chairs(np);
    for (std::size_t i = 0; i < d.memberships.size(); ++i) {
        if (!act.membership_counted[i]) continue;
        const Membership& m = d.memberships[i];
        const std::size_t p = refs.person[i];  // counted implies both resolve
        const std::size_t b = refs.board[i];
        const std::size_t top = act.top_level[b];
        person_tops[p].insert(top);
        if (m.role == Role::chair && top == b) person_chairs[p].insert(b);
    }

    std::vector<std::size_t> member_count(nb, 0);
    for (std::size_t p = 0; p < np; ++p)
        for (std::size_t t : person_tops[p]) ++member_count[t];

    // Pairs of top-level boards through shared people (board indices, lower index first).
    struct PairAcc {
        int shared = 0;
        double newman = 0;
    };
    std::map<std::pair<std::size_t, std::size_t>, PairAcc> pairs;
    for (std::size_t p = 0; p < np; ++p) {
        const auto& tops = person_tops[p];
        if (tops.empty()) continue;
        const int k = static_cast<int>(tops.size());
        res.people.push_back({d.people[p].id.value, k});
        if (k >= 2) ++res.multi_board_people;
        if (person_chairs[p].size() >= 2) res.chairs_of_several.push_back(d.people[p].id.value);
        if (k < 2) continue;
        const double w = 1.0 / static_cast<double>(k - 1);
        for (auto i = tops.begin(); i != tops.end(); ++i)
            for (auto j = std::next(i); j != tops.end(); ++j) {
                PairAcc& acc = pairs[{*i, *j}];
                ++acc.shared;
                acc.newman += w;
            }
    }

    for (const auto& [key, acc] : pairs) {
        BoardPair bp;
        bp.a = d.boards[key.first].id.value;
        bp.b = d.boards[key.second].id.value;
        if (bp.b < bp.a) std::swap(bp.a, bp.b);
        const std::size_t ma = member_count[key.first], mb = member_count[key.second];
        bp.shared = acc.shared;
        bp.jaccard = acc.shared / static_cast<double>(ma + mb - static_cast<std::size_t>(acc.shared));
        bp.min_overlap = acc.shared / static_cast<double>(std::min(ma, mb));
        bp.newman_weight = acc.newman;
        res.board_pairs.push_back(std::move(bp));
    }
    std::sort(res.board_pairs.begin(), res.board_pairs.end(),
              [](const BoardPair& x, const BoardPair& y) {
                  if (x.shared != y.shared) return x.shared > y.shared;
                  return std::tie(x.a, x.b) < std::tie(y.a, y.b);
              });
    std::sort(res.people.begin(), res.people.end(),
              [](const PersonBoards& x, const PersonBoards& y) {
                  if (x.boards != y.boards) return x.boards > y.boards;
                  return x.id < y.id;
              });
    std::sort(res.chairs_of_several.begin(), res.chairs_of_several.end());

    std::size_t active_tops = 0;
    for (std::size_t b = 0; b < nb; ++b)
        if (act.board_active[b] && act.top_level[b] == b) ++active_tops;
    if (active_tops >= 2) {
        const double possible =
            static_cast<double>(active_tops) * static_cast<double>(active_tops - 1) / 2.0;
        res.interlock_density = static_cast<double>(pairs.size()) / possible;
    }

    // [SECTION] Brokers
    if (!overlap_opts.brokers) return res;

    // Vertices: people with a counted membership, then top-level boards with one; edges: one
    // per person–top-level-board pair.
    std::vector<std::size_t> board_vertex(nb, 0);
    std::vector<std::pair<std::string, EntityType>> vertex_ids;
    std::vector<std::size_t> person_vertex(np, 0);
    for (std::size_t p = 0; p < np; ++p) {
        if (person_tops[p].empty()) continue;
        person_vertex[p] = vertex_ids.size();
        vertex_ids.emplace_back(d.people[p].id.value, EntityType::person);
    }
    for (std::size_t b = 0; b < nb; ++b) {
        if (member_count[b] == 0) continue;
        board_vertex[b] = vertex_ids.size();
        vertex_ids.emplace_back(d.boards[b].id.value, EntityType::board);
    }
    const std::size_t n = vertex_ids.size();
    std::vector<std::vector<std::size_t>> adj(n);
    for (std::size_t p = 0; p < np; ++p)
        for (std::size_t t : person_tops[p]) {
            adj[person_vertex[p]].push_back(board_vertex[t]);
            adj[board_vertex[t]].push_back(person_vertex[p]);
        }

    std::vector<double> centrality;
    if (n > overlap_opts.exact_broker_limit) {
        centrality = sampled_betweenness(adj, overlap_opts.sample_sources, overlap_opts.sample_seed);
        res.brokers_estimated = true;
    } else {
        centrality = exact_betweenness(adj);
    }
    const double pairs_possible =
        n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;
    res.brokers.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        const double c = pairs_possible > 0 ? centrality[v] / pairs_possible : 0.0;
        res.brokers.push_back({vertex_ids[v].first, vertex_ids[v].second, c});
    }
    std::sort(res.brokers.begin(), res.brokers.end(), [](const Broker& x, const Broker& y) {
        if (x.betweenness != y.betweenness) return x.betweenness > y.betweenness;
        return x.id < y.id;
    });
    return res;
}

}  // namespace boardscape
