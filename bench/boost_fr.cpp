// Baseline: Boost.Graph's Fruchterman–Reingold (1.74), for small graphs only: its grid is
// mis-sized so it is O(n²) per iteration (DESIGN §2). Kept out of the library on purpose.
#include "boost_fr.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <cmath>

namespace boardscape::bench {

std::vector<layout::Vec2> boost_fr_layout(const layout::LayoutGraph& g, std::uint64_t seed) {
    using Topology = boost::square_topology<boost::minstd_rand>;
    using Point = Topology::point_type;
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                        boost::property<boost::vertex_index_t, std::size_t>>;
    Graph bg(g.node_count);
    for (const auto& e : g.edges)
        if (e.u != e.v && e.u < g.node_count && e.v < g.node_count) boost::add_edge(e.u, e.v, bg);
    boost::minstd_rand gen(static_cast<unsigned>(seed));
    const double side = std::sqrt(static_cast<double>(g.node_count) + 1) * 10;
    Topology topo(gen, side);
    std::vector<Point> pts(g.node_count);
    auto pmap = boost::make_iterator_property_map(pts.begin(), boost::get(boost::vertex_index, bg));
    boost::random_graph_layout(bg, pmap, topo);
    boost::fruchterman_reingold_force_directed_layout(bg, pmap, topo);
    std::vector<layout::Vec2> out(g.node_count);
    for (std::size_t i = 0; i < g.node_count; ++i) out[i] = {pts[i][0], pts[i][1]};
    return out;
}

}  // namespace boardscape::bench
