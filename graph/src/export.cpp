// GraphML and DOT export of a whole dataset through Boost.Graph's writers (DESIGN §5): every
// entity is a node, every link (memberships active or not, with their dates) a directed edge
// carrying a `type`.
#include "boardscape/export.hpp"

#include "boardscape/graph_view.hpp"

#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <functional>
#include <sstream>
#include <string>

namespace boardscape {

namespace {

using Vertex = boost::graph_traits<ModelGraph>::vertex_descriptor;
using Edge = boost::graph_traits<ModelGraph>::edge_descriptor;
using ValueFn = std::function<std::string(const std::string&)>;

// [SECTION] Properties

/// Every node and edge property as a read-only dynamic property. Node and edge properties may
/// share a name (`type`, `kind`, `from`, `until`): dynamic_properties keys them by name *and*
/// descriptor type, and Boost's GraphML writer gives each (name, descriptor type) its own key
/// id (`key0`, `key1`, …, with for="node" or for="edge"), so both keep attr.name="type" and
/// their ids differ. `escape` post-processes each value for the target format.
boost::dynamic_properties make_properties(const Dataset& d, const ModelGraph& g,
                                          const ValueFn& escape) {
    boost::dynamic_properties dp;
    auto node = [&](const char* name, std::function<std::string(const GraphVertex&)> f) {
        dp.property(name, boost::make_function_property_map<Vertex, std::string>(
                              [&g, &escape, f](Vertex v) { return escape(f(g[v])); }));
    };
    auto edge = [&](const char* name, std::function<std::string(const GraphEdge&)> f) {
        dp.property(name, boost::make_function_property_map<Edge, std::string>(
                              [&g, &escape, f](Edge e) { return escape(f(g[e])); }));
    };
    auto date = [](const std::optional<Date>& dt) { return dt ? dt->str() : std::string(); };
    const Dataset* ds = &d;

    node("type", [](const GraphVertex& v) { return std::string(to_string(v.type)); });
    node("entity_id", [](const GraphVertex& v) { return v.id; });
    node("name", [](const GraphVertex& v) { return v.name; });
    node("label", [](const GraphVertex& v) { return v.name; });  // shown by Gephi and Graphviz
    node("kind", [](const GraphVertex& v) { return v.kind; });
    node("sector", [](const GraphVertex& v) { return v.sector; });
    node("from", [ds, date](const GraphVertex& v) {
        return v.type == EntityType::board ? date(ds->boards[v.index].from) : std::string();
    });
    node("until", [ds, date](const GraphVertex& v) {
        return v.type == EntityType::board ? date(ds->boards[v.index].until) : std::string();
    });

    auto membership = [ds](const GraphEdge& e) -> const Membership* {
        return e.type == EdgeType::membership ? &ds->memberships[e.index] : nullptr;
    };
    edge("type", [](const GraphEdge& e) { return std::string(to_string(e.type)); });
    edge("role", [membership](const GraphEdge& e) {
        const Membership* m = membership(e);
        return m ? std::string(to_string(m->role)) : std::string();
    });
    // The seat's effective agency (DESIGN §3: `represents` defaults to the person's agency).
    edge("represents", [ds, membership](const GraphEdge& e) {
        const Membership* m = membership(e);
        if (!m) return std::string();
        auto a = ds->represented_agency(*m);
        return a ? ds->agencies[*a].id.value : std::string();
    });
    edge("seniority", [membership](const GraphEdge& e) {
        const Membership* m = membership(e);
        return m ? std::string(to_string(m->seniority)) : std::string();
    });
    edge("attendance", [membership](const GraphEdge& e) {
        const Membership* m = membership(e);
        return m ? std::string(to_string(m->attendance)) : std::string();
    });
    edge("from", [membership, date](const GraphEdge& e) {
        const Membership* m = membership(e);
        return m ? date(m->from) : std::string();
    });
    edge("until", [membership, date](const GraphEdge& e) {
        const Membership* m = membership(e);
        return m ? date(m->until) : std::string();
    });
    edge("kind", [ds](const GraphEdge& e) {
        return e.type == EdgeType::relation ? std::string(to_string(ds->relations[e.index].kind))
                                            : std::string();
    });
    return dp;
}

/// Boost's GraphML writer emits a `<data>` element for every property on every node and edge;
/// an empty value here always means "does not apply" (ids and names are never empty), so those
/// lines are dropped to keep e.g. a person from carrying `kind=""` into NetworkX or Gephi.
void drop_empty_data(const std::string& graphml, std::ostream& out) {
    std::istringstream in(graphml);
    std::string line;
    static constexpr std::string_view open = "<data key=\"";
    static constexpr std::string_view close = "\"></data>";
    while (std::getline(in, line)) {
        const std::size_t start = line.find_first_not_of(' ');
        if (start != std::string::npos) {
            std::string_view rest = std::string_view(line).substr(start);
            if (rest.starts_with(open)) {
                const std::size_t q = rest.find('"', open.size());
                if (q != std::string_view::npos && rest.substr(q) == close) continue;
            }
        }
        out << line << '\n';
    }
}

/// DOT's quoted strings treat a backslash as an escape; Boost only escapes double quotes, so
/// backslashes are doubled first (a name ending in `\` would otherwise swallow the quote).
std::string dot_escape(const std::string& s) {
    std::string r;
    r.reserve(s.size());
    for (char c : s) {
        if (c == '\\') r += '\\';
        r += c;
    }
    return r;
}

}  // namespace

// [SECTION] Writers

void write_graphml(const Dataset& d, std::ostream& out) {
    const GraphView view = build_graph_view(d);
    const ValueFn identity = [](const std::string& s) { return s; };
    const boost::dynamic_properties dp = make_properties(d, view.graph, identity);
    std::ostringstream raw;
    boost::write_graphml(raw, view.graph, boost::get(boost::vertex_index, view.graph), dp, true);
    drop_empty_data(raw.str(), out);
}

void write_dot(const Dataset& d, std::ostream& out) {
    const GraphView view = build_graph_view(d);
    const ValueFn escape = dot_escape;
    boost::dynamic_properties dp = make_properties(d, view.graph, escape);
    // Graphviz node names are the entity ids (unique across the file).
    dp.property("node_id", boost::make_function_property_map<Vertex, std::string>(
                               [&](Vertex v) { return dot_escape(view.graph[v].id); }));
    boost::write_graphviz_dp(out, view.graph, dp, "node_id");
}

}  // namespace boardscape
