// The Boost.Graph model view and the GraphML / DOT exports (DESIGN §5): every entity and link,
// distinct key ids for node and edge `type`, and a round trip through boost::read_graphml.
#include "boardscape/export.hpp"
#include "boardscape/graph_view.hpp"

#include "test_common_fixture.hpp"

#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>

using namespace boardscape;
using namespace boardscape::test;

namespace {

// Areas K (county) ⊃ K1 (district). Agency la covers K. Board lscb covers K; board exec is a
// sub-group of lscb (covers K) and reports to it. Person ann works for la, chairs lscb from
// 2014-04-01 and sat on exec until 2013-01-01 (inactive, still exported).
//
//   ann ──works_for──▶ la ──covers──▶ K ◀──part_of── K1
//    │                                ▲ ▲
//    ├──membership──▶ lscb ──covers───┘ │
//    └──membership──▶ exec ──covers─────┘
//                     exec ──subgroup_of──▶ lscb, exec ──relation(reports_to)──▶ lscb
//
// 6 nodes; edges: part_of 1, covers 3, subgroup_of 1, works_for 1, membership 2, relation 1 = 9.
Dataset export_fixture() {
    Dataset d;
    d.areas = {make_area("K"), make_area("K1", "K")};
    d.areas[0].kind = "county";
    d.agencies = {make_agency("la", Sector::local_authority, {"K"})};
    d.agencies[0].name = "Kent & Medway \"County\" <Council>";
    d.boards = {make_board("lscb", {.kind = BoardKind::lscb, .from = "2013-04-01",
                                    .footprint = {"K"}}),
                make_board("exec", {.parent = "lscb", .footprint = {"K"}})};
    d.people = {make_person("ann", "la")};
    d.memberships = {make_member("ann", "lscb", {.role = Role::chair, .from = "2014-04-01"}),
                     make_member("ann", "exec", {.until = "2013-01-01"})};
    d.relations = {Relation{BoardId("exec"), BoardId("lscb"), RelationKind::reports_to, {}}};
    d.reindex();
    return d;
}

struct ReadVertex {
    std::string type, entity_id, name, kind, sector, from;
};
struct ReadEdge {
    std::string type, role, represents, from, until, kind;
};
using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadVertex,
                                        ReadEdge>;

}  // namespace

TEST_CASE("graph view: one vertex per entity, typed edges") {
    const Dataset d = export_fixture();
    const GraphView v = build_graph_view(d);
    CHECK(boost::num_vertices(v.graph) == 6);
    CHECK(boost::num_edges(v.graph) == 9);
    const auto ann = v.vertex_of(d, "ann");
    const auto lscb = v.vertex_of(d, "lscb");
    REQUIRE(ann.has_value());
    REQUIRE(lscb.has_value());
    CHECK(v.graph[*ann].type == EntityType::person);
    CHECK(v.graph[*lscb].kind == "lscb");
    std::map<EdgeType, int> by_type;
    for (auto [e, end] = boost::edges(v.graph); e != end; ++e) ++by_type[v.graph[*e].type];
    CHECK(by_type[EdgeType::membership] == 2);
    CHECK(by_type[EdgeType::covers] == 3);
    CHECK(by_type[EdgeType::part_of] == 1);
    CHECK(by_type[EdgeType::subgroup_of] == 1);
    CHECK(by_type[EdgeType::works_for] == 1);
    CHECK(by_type[EdgeType::relation] == 1);
    // ann → lscb is a membership edge, in that direction.
    bool found = false;
    for (auto [e, end] = boost::out_edges(*ann, v.graph); e != end; ++e)
        if (boost::target(*e, v.graph) == *lscb) {
            found = true;
            CHECK(v.graph[*e].type == EdgeType::membership);
            CHECK(v.graph[*e].index == 0);
        }
    CHECK(found);
    CHECK_FALSE(v.vertex_of(d, "nobody").has_value());
}

TEST_CASE("GraphML: node and edge keys have distinct ids, no for=\"all\"") {
    std::ostringstream out;
    write_graphml(export_fixture(), out);
    const std::string xml = out.str();
    CHECK(xml.find("for=\"all\"") == std::string::npos);
    CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);

    // Each key line reads: <key id="ID" for="node|edge" attr.name="NAME" attr.type="string" />
    auto attr = [](const std::string& line, const std::string& name) {
        const std::size_t at = line.find(" " + name + "=\"");
        if (at == std::string::npos) return std::string();
        const std::size_t begin = at + name.size() + 3;
        return line.substr(begin, line.find('"', begin) - begin);
    };
    std::set<std::string> ids;
    std::map<std::pair<std::string, std::string>, std::string> id_of;  // (for, name) → id
    int keys = 0;
    std::istringstream lines(xml);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("<key ") == std::string::npos) continue;
        ++keys;
        ids.insert(attr(line, "id"));
        id_of[{attr(line, "for"), attr(line, "attr.name")}] = attr(line, "id");
    }
    CHECK(keys >= 12);
    CHECK(keys == static_cast<int>(ids.size()));  // every key id unique
    REQUIRE(id_of.count({"node", "type"}) == 1);
    REQUIRE(id_of.count({"edge", "type"}) == 1);
    CHECK(id_of[{"node", "type"}] != id_of[{"edge", "type"}]);
    for (const char* n : {"name", "kind", "sector"}) CHECK(id_of.count({"node", n}) == 1);
    for (const char* n : {"role", "represents", "from", "until", "kind"})
        CHECK(id_of.count({"edge", n}) == 1);
    // Values that do not apply are omitted, not written empty.
    CHECK(xml.find("\"></data>") == std::string::npos);
}

TEST_CASE("GraphML: read back with boost::read_graphml") {
    const Dataset d = export_fixture();
    std::ostringstream out;
    write_graphml(d, out);

    ReadGraph g;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("type", boost::get(&ReadVertex::type, g));
    dp.property("entity_id", boost::get(&ReadVertex::entity_id, g));
    dp.property("name", boost::get(&ReadVertex::name, g));
    dp.property("kind", boost::get(&ReadVertex::kind, g));
    dp.property("sector", boost::get(&ReadVertex::sector, g));
    dp.property("from", boost::get(&ReadVertex::from, g));
    dp.property("type", boost::get(&ReadEdge::type, g));
    dp.property("role", boost::get(&ReadEdge::role, g));
    dp.property("represents", boost::get(&ReadEdge::represents, g));
    dp.property("from", boost::get(&ReadEdge::from, g));
    dp.property("until", boost::get(&ReadEdge::until, g));
    dp.property("kind", boost::get(&ReadEdge::kind, g));
    std::istringstream in(out.str());
    boost::read_graphml(in, g, dp);

    REQUIRE(boost::num_vertices(g) == 6);
    REQUIRE(boost::num_edges(g) == 9);
    std::map<std::string, std::size_t> by_id;
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v) by_id[g[v].entity_id] = v;
    REQUIRE(by_id.size() == 6);
    CHECK(g[by_id["K"]].type == "area");
    CHECK(g[by_id["K"]].kind == "county");
    CHECK(g[by_id["K1"]].kind.empty());
    CHECK(g[by_id["la"]].type == "agency");
    CHECK(g[by_id["la"]].sector == "local_authority");
    CHECK(g[by_id["la"]].name == "Kent & Medway \"County\" <Council>");  // escaped and back
    CHECK(g[by_id["lscb"]].type == "board");
    CHECK(g[by_id["lscb"]].kind == "lscb");
    CHECK(g[by_id["lscb"]].from == "2013-04-01");
    CHECK(g[by_id["ann"]].type == "person");
    CHECK(g[by_id["ann"]].name == "Person ann");

    std::map<std::string, int> edge_types;
    int memberships_checked = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        const ReadEdge& ed = g[*e];
        ++edge_types[ed.type];
        const std::string& from = g[boost::source(*e, g)].entity_id;
        const std::string& to = g[boost::target(*e, g)].entity_id;
        if (ed.type == "membership" && to == "lscb") {
            ++memberships_checked;
            CHECK(from == "ann");
            CHECK(ed.role == "chair");
            CHECK(ed.represents == "la");  // defaulted from the person's agency
            CHECK(ed.from == "2014-04-01");
            CHECK(ed.until.empty());
        }
        if (ed.type == "membership" && to == "exec") {
            ++memberships_checked;
            CHECK(ed.role == "member");
            CHECK(ed.until == "2013-01-01");  // inactive memberships are exported too
        }
        if (ed.type == "relation") {
            CHECK(from == "exec");
            CHECK(to == "lscb");
            CHECK(ed.kind == "reports_to");
        }
        if (ed.type == "subgroup_of") CHECK((from == "exec" && to == "lscb"));
        if (ed.type == "part_of") CHECK((from == "K1" && to == "K"));
        if (ed.type == "works_for") CHECK((from == "ann" && to == "la"));
        if (ed.type == "covers") CHECK(to == "K");
    }
    CHECK(memberships_checked == 2);
    CHECK(edge_types == std::map<std::string, int>{{"covers", 3},
                                                   {"membership", 2},
                                                   {"part_of", 1},
                                                   {"relation", 1},
                                                   {"subgroup_of", 1},
                                                   {"works_for", 1}});
}

TEST_CASE("DOT: a digraph named by entity ids, one line per edge, quotes and backslashes escaped") {
    Dataset d = export_fixture();
    d.people[0].name = R"(Ann "the chair" \ Smith\)";
    std::ostringstream out;
    write_dot(d, out);
    const std::string dot = out.str();
    CHECK(dot.rfind("digraph G {", 0) == 0);
    std::size_t arrows = 0;
    for (std::size_t pos = dot.find("->"); pos != std::string::npos; pos = dot.find("->", pos + 2))
        ++arrows;
    CHECK(arrows == 9);
    CHECK(dot.find("ann->lscb") != std::string::npos);
    CHECK(dot.find(R"(name="Ann \"the chair\" \\ Smith\\")") != std::string::npos);
}
