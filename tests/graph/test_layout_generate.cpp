// `generate_landscape`: valid (round-trips through the loader), deterministic, the requested
// size, and governance-shaped; plus the dataset's layout graph on a hand-built fixture.
#include "boardscape/dataset_json.hpp"
#include "boardscape/generate.hpp"
#include "boardscape/layout/dataset_graph.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace boardscape;

TEST_CASE("generate: output validates and has the requested size") {
    GenerateOptions o;
    o.people = 300;
    o.boards = 40;
    o.seed = 5;
    const Dataset d = generate_landscape(o);
    const std::string text = dataset_to_json_text(d);
    LoadResult r;
    REQUIRE_NOTHROW(r = parse_dataset(text, "generated.json"));
    CHECK(r.dataset.people.size() == 300);
    CHECK(r.dataset.boards.size() == 40);
    CHECK(r.warnings.empty());

    std::map<std::string, int> seats;
    std::set<std::string> boards_with_members;
    for (const auto& m : d.memberships) {
        ++seats[m.person.str()];
        boards_with_members.insert(m.board.str());
    }
    for (const auto& p : d.people) {
        CHECK(seats[p.id.str()] >= 1);
        CHECK(seats[p.id.str()] <= 5);
    }
    CHECK(boards_with_members.size() == d.boards.size());
    std::size_t subgroups = 0;
    std::set<BoardKind> kinds;
    for (const auto& b : d.boards) {
        subgroups += b.parent.has_value();
        kinds.insert(b.kind);
    }
    CHECK(subgroups > 0);
    CHECK(kinds.size() >= 5);
    std::set<Sector> sectors;
    for (const auto& a : d.agencies) sectors.insert(a.sector);
    CHECK(sectors.size() >= 12);
    bool area_with_children = false;
    for (const auto& a : d.areas) area_with_children |= a.parent.has_value();
    CHECK(area_with_children);
}

TEST_CASE("generate: the same seed gives the same file, another seed another") {
    GenerateOptions o;
    o.people = 120;
    o.boards = 20;
    const std::string a = dataset_to_json_text(generate_landscape(o));
    CHECK(a == dataset_to_json_text(generate_landscape(o)));
    o.seed = 2;
    CHECK(a != dataset_to_json_text(generate_landscape(o)));
}

TEST_CASE("generate: tiny and lopsided requests still validate") {
    for (const auto& [people, boards] : {std::pair<std::size_t, std::size_t>{0, 0}, {1, 1},
                                         {5, 200}, {2000, 3}}) {
        GenerateOptions o;
        o.people = people;
        o.boards = boards;
        CHECK_NOTHROW(parse_dataset(dataset_to_json_text(generate_landscape(o)), "g.json"));
    }
}

TEST_CASE("dataset graph: one node per entity, edges for the ties") {
    // area county ⊃ district; agency LA (footprint county); board B (footprint district) with
    // sub-group S; person P works for LA and sits on B twice (one edge) and on S.
    Dataset d;
    d.areas = {Area{AreaId("county"), "County", {}, {}, {}, {}},
               Area{AreaId("district"), "District", {}, AreaId("county"), {}, {}}};
    d.agencies = {Agency{AgencyId("la"), "LA", Sector::local_authority, {AreaId("county")}}};
    Board b;
    b.id = BoardId("b");
    b.name = "B";
    b.footprint = {AreaId("district")};
    Board s = b;
    s.id = BoardId("s");
    s.parent = BoardId("b");
    d.boards = {b, s};
    d.people = {Person{PersonId("p"), "P", AgencyId("la"), {}}};
    Membership m;
    m.person = PersonId("p");
    m.board = BoardId("b");
    d.memberships = {m, m};
    m.board = BoardId("s");
    d.memberships.push_back(m);
    d.reindex();
    const auto g = layout::dataset_graph(d);
    CHECK(g.ids == std::vector<std::string>{"county", "district", "la", "b", "s", "p"});
    CHECK(g.graph.node_count == 6);
    // district–county, la–county, b–district, s–district, s–b, p–la, p–b, p–s
    CHECK(g.graph.edges.size() == 8);
}
