// The map (DESIGN §8.2): hex neighbours and geometry, layers, cells' regions with population
// shares and splits, shared edges, mismatches, and the JSON and SVG outputs, on four Tees
// districts of the 2023 layout whose positions are:
//
//        row 18:        H(8)             H Hartlepool  E06000001 (q 8, r 18)
//        row 17:   S(7)     M(8)  R(9)   S Stockton    E06000004 (q 7, r 17)
//                                        M Middlesbrough E06000002 (q 8, r 17), R Redcar E06000003 (q 9, r 17)
//
// Row 18 is even, so H touches M (its south-east side) and S (south-west); row 17 is odd, so M
// touches S (west), R (east) and H (north-west). Four shared edges: H–M, H–S, M–R, M–S.
#include "boardscape/dataset_json.hpp"
#include "boardscape/map/map_output.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace boardscape;
using namespace boardscape::map;

namespace {

// Stockton has two parts: s1 (30 people) in partnership "hs" with Hartlepool, s2 (10) in "x".
// Partnership "st" is South Tees (M + R). The police force covers all four.
const char* k_tees = R"({"format": "boardscape", "version": 1, "meta": {"title": "Tees", "as_of": "2024-07-01"},
  "areas": [
    {"id": "h", "name": "Hartlepool", "code": "E06000001", "population": 50},
    {"id": "m", "name": "Middlesbrough", "code": "E06000002", "population": 60},
    {"id": "r", "name": "Redcar and Cleveland", "code": "E06000003", "population": 70},
    {"id": "s", "name": "Stockton-on-Tees", "code": "E06000004"},
    {"id": "s1", "name": "Stockton north", "parent": "s", "population": 30},
    {"id": "s2", "name": "Stockton south", "parent": "s", "population": 10}],
  "agencies": [
    {"id": "cleveland-police", "name": "Cleveland Police", "sector": "police", "footprint": ["h", "m", "r", "s"]},
    {"id": "icb-a", "name": "ICB A", "sector": "health_commissioner", "footprint": ["h", "m"]},
    {"id": "icb-b", "name": "ICB B", "sector": "health_commissioner", "footprint": ["r", "s"]}],
  "boards": [
    {"id": "hs", "name": "Hartlepool and Stockton Safeguarding Children Partnership", "kind": "lscp",
     "footprint": ["h", "s1"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "st", "name": "South Tees Safeguarding Children Partnership", "kind": "lscp",
     "footprint": ["m", "r"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "x", "name": "Stockton south Safeguarding Children Partnership", "kind": "lscp",
     "footprint": ["s2"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "old", "name": "Old board", "kind": "lscp", "footprint": ["h", "m", "r", "s"],
     "meetings_per_year": 6, "meeting_hours": 3, "until": "2019-09-29"}]})";

Dataset tees() { return parse_dataset(k_tees, "tees.json").dataset; }

std::size_t cell_of(const MapResult& m, std::string_view code) {
    for (std::size_t c = 0; c < m.cells.size(); ++c)
        if (m.hexes->hexes[m.cells[c].hex].code == code) return c;
    FAIL("no cell " << code);
    return 0;
}

std::string region_of(const LayerRegions& l, std::size_t cell) {
    const int r = l.cell_region[cell];
    return r < 0 ? "" : l.ids[static_cast<std::size_t>(r)];
}

}  // namespace

TEST_CASE("map: odd-r neighbours, negative rows included") {
    CHECK(odd_row(17));
    CHECK_FALSE(odd_row(18));
    CHECK(odd_row(-1));
    CHECK_FALSE(odd_row(-2));
    using P = std::array<std::array<int, 2>, 6>;
    // Even row: the rows above and below reach one column to the west.
    CHECK(neighbour_positions(8, 18) == P{{{9, 18}, {8, 19}, {7, 19}, {7, 18}, {7, 17}, {8, 17}}});
    // Odd row (also at r = -1): one column to the east.
    CHECK(neighbour_positions(8, 17) == P{{{9, 17}, {9, 18}, {8, 18}, {7, 17}, {8, 16}, {9, 16}}});
    CHECK(neighbour_positions(0, -1) == P{{{1, -1}, {1, 0}, {0, 0}, {-1, -1}, {0, -2}, {1, -2}}});
}

TEST_CASE("map: a side's corners lie halfway between the two neighbours' centres") {
    for (const int r : {-3, -2, 0, 1}) {
        const auto corners = hex_corners(2, r);
        const auto around = neighbour_positions(2, r);
        const Point c = hex_centre(2, r);
        for (std::size_t s = 0; s < 6; ++s) {
            const Point n = hex_centre(around[s][0], around[s][1]);
            const Point& p = corners[s];
            const Point& q = corners[(s + 1) % 6];
            CHECK((p.x + q.x) / 2 == doctest::Approx((c.x + n.x) / 2));
            CHECK((p.y + q.y) / 2 == doctest::Approx((c.y + n.y) / 2));
        }
    }
    CHECK(hex_centre(0, 1).x == doctest::Approx(std::sqrt(3.0) / 2));
    CHECK(hex_centre(0, 1).y == doctest::Approx(-1.5));  // north is up: y falls as r grows
}

TEST_CASE("map: the shipped layouts") {
    const auto& layouts = builtin_layouts();
    REQUIRE(layouts.size() == 2);
    CHECK(layouts[0].id == "lad15");
    CHECK(layouts[1].id == "lad23");
    const auto english = [](const HexLayout& l) {
        return std::count_if(l.hexes.begin(), l.hexes.end(), [](const Hex& h) { return h.code[0] == 'E'; });
    };
    CHECK(english(layouts[0]) == 326);
    CHECK(english(layouts[1]) == 296);
}

TEST_CASE("map: bad HexJSON is an error with its pointer") {
    try {
        (void)parse_hexjson(R"({"layout": "odd-q", "hexes": {"A": {"q": 1, "r": 0.5}, "B": {"q": 0, "r": 0}, "C": {"q": 0, "r": 0}}})",
                            "bad.hexjson", "bad");
        FAIL("parsed");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 3);
        CHECK(e.diagnostics()[0].pointer == "/layout");
        CHECK(e.diagnostics()[1].pointer == "/hexes/A/r");
        CHECK(e.diagnostics()[2].pointer == "/hexes/C");
        CHECK(e.diagnostics()[2].message == "at the same position (q 0, r 0) as 'B'");
    }
    try {
        (void)parse_hexjson("{\"layout\": \"odd-r\",\n  \"hexes\": {", "cut.hexjson", "cut");
        FAIL("parsed");
    } catch (const LoadError& e) {
        CHECK(e.diagnostics()[0].line == 2);
    }
}

TEST_CASE("map: layers are board kinds first, then sectors") {
    CHECK(parse_layer("lscp")->type == Layer::Type::board_kind);
    CHECK(parse_layer("police")->type == Layer::Type::sector);
    CHECK(parse_layer("other")->type == Layer::Type::board_kind);
    CHECK_FALSE(parse_layer("polce"));
}

TEST_CASE("map: regions by population share, splits, and the inactive board left out") {
    const Dataset d = tees();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    o.borders = *parse_layer("health_commissioner");
    const MapResult m = compute_map(d, o);
    CHECK(m.layout == "lad23");
    REQUIRE(m.cells.size() == 4);
    const auto H = cell_of(m, "E06000001"), M = cell_of(m, "E06000002"), R = cell_of(m, "E06000003"),
               S = cell_of(m, "E06000004");
    CHECK(region_of(m.fill, H) == "hs");
    CHECK(region_of(m.fill, M) == "st");
    CHECK(region_of(m.fill, R) == "st");
    // Stockton: 30 of its 40 people are in hs, 10 in x → hs, and split.
    CHECK(region_of(m.fill, S) == "hs");
    CHECK(m.fill.cell_split[S]);
    CHECK_FALSE(m.fill.cell_split[H]);
    CHECK(m.fill.split_cells == 1);
    // `old` ended in 2019 and `x` is the largest in no cell: two regions hold cells.
    CHECK(m.fill.ids == std::vector<std::string>{"hs", "st", "x"});
    CHECK(m.fill.regions == 2);
    CHECK(region_of(*m.borders, H) == "icb-a");
    CHECK(region_of(*m.borders, M) == "icb-a");
    CHECK(region_of(*m.borders, R) == "icb-b");
    CHECK(region_of(*m.borders, S) == "icb-b");
    // Edges: H–M fill only (hs|st, both icb-a) → mismatch; H–S borders only (hs, a|b) →
    // mismatch; M–R borders only (st, a|b) → mismatch; M–S both (st|hs, a|b) → no mismatch.
    REQUIRE(m.edges.size() == 4);
    CHECK(m.fill_edges == 2);
    CHECK(m.borders_edges == 3);
    CHECK(m.mismatch_edges == 3);
}

TEST_CASE("map: a tie between regions goes to the smallest id, and without populations cells count leaves") {
    Dataset d = tees();
    d.areas[4].population = 10;  // s1 now equals s2: hs and x tie on Stockton
    d.reindex();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    MapResult m = compute_map(d, o);
    CHECK(region_of(m.fill, cell_of(m, "E06000004")) == "hs");  // "hs" < "x"
    d.areas[4].population.reset();  // a leaf without population: count leaves (1 each) — still a tie
    m = compute_map(d, o);
    CHECK(region_of(m.fill, cell_of(m, "E06000004")) == "hs");
    CHECK_FALSE(m.borders);
    CHECK(m.mismatch_edges == 0);
}

TEST_CASE("map: as of 2019-01-01 the old board is active and holds every cell it covers by id order") {
    const Dataset d = tees();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    o.analysis.as_of = Date{2019, 1, 1};
    const MapResult m = compute_map(d, o);
    // Hartlepool: hs and old both hold all of it → the tie goes to "hs" ("hs" < "old").
    CHECK(region_of(m.fill, cell_of(m, "E06000001")) == "hs");
    // Redcar: st and old both hold it → "old" < "st".
    CHECK(region_of(m.fill, cell_of(m, "E06000003")) == "old");
    CHECK(m.fill.split_cells == 4);  // every cell's leaves now fall in two regions
}

TEST_CASE("map: a file without codes has no map") {
    Dataset d = tees();
    for (auto& a : d.areas) a.code.reset();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    CHECK_THROWS_AS(compute_map(d, o), MapError);
    CHECK_FALSE(choose_layout(d));
}

TEST_CASE("map: JSON has the contract's fields, SVG one polygon per cell and the mismatch lines") {
    const Dataset d = tees();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    o.borders = *parse_layer("health_commissioner");
    const MapResult m = compute_map(d, o);
    const std::string json = map_json(d, m, o);
    CHECK(json.find("\"layout\": \"lad23\"") != std::string::npos);
    CHECK(json.find("\"cells\": 4") != std::string::npos);
    CHECK(json.find("\"boundary_edges\": {\n    \"fill\": 2,\n    \"borders\": 3,\n    \"mismatch\": 3\n  }") !=
          std::string::npos);
    const std::string svg = map_svg(d, m, o);
    std::size_t cells = 0, mismatches = 0;
    for (std::size_t at = 0; (at = svg.find("<polygon class=\"cell\" data-code=", at)) != std::string::npos; ++at) ++cells;
    for (std::size_t at = 0; (at = svg.find("<line class=\"mismatch", at)) != std::string::npos; ++at) ++mismatches;
    CHECK(cells == 4);
    CHECK(mismatches == 3);
    CHECK(svg.find("Open Innovations") != std::string::npos);
    // Four cells are drawn large (radius 44 px, not England's 13), each district named, a long
    // name wrapped at a space to the hex's width (12 characters at this size).
    CHECK(svg.find("<text class=\"cellname\"") != std::string::npos);
    CHECK(svg.find(">Redcar and</text>") != std::string::npos);
    CHECK(svg.find(">Cleveland</text>") != std::string::npos);
    CHECK(svg.find("cuts through one of the Safeguarding Children Partnerships: ") != std::string::npos);
    CHECK(svg.find("class=\"mismatch cut outside\"") == std::string::npos);  // every cell has a partnership
    // Neighbouring regions never share a colour.
    const auto colours = colour_regions(m, m.fill, region_palette_size);
    for (const auto& e : m.edges) {
        const int a = m.fill.cell_region[e.a], b = m.fill.cell_region[e.b];
        if (a != b) CHECK(colours[static_cast<std::size_t>(a)] != colours[static_cast<std::size_t>(b)]);
    }
}

TEST_CASE("map: numbers per agency are shared out over each footprint's cells") {
    // Police (H, M, R, S) −40 h: −10 in each cell; ICB A (H, M) −6 h: −3 in each; ICB B 0.
    //   H = −10 − 3 = −13, M = −13, R = −10, S = −10; the cells' sum −46 is the agencies' sum.
    const Dataset d = tees();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    const MapResult m = compute_map(d, o);
    const std::vector<double> by_agency{-40, -6, 0};
    const std::vector<double> cells = spread_over_footprints(d, m, by_agency);
    REQUIRE(cells.size() == 4);
    CHECK(cells[cell_of(m, "E06000001")] == doctest::Approx(-13));
    CHECK(cells[cell_of(m, "E06000002")] == doctest::Approx(-13));
    CHECK(cells[cell_of(m, "E06000003")] == doctest::Approx(-10));
    CHECK(cells[cell_of(m, "E06000004")] == doctest::Approx(-10));
    // Fewer numbers than agencies: the rest count as 0.
    CHECK(spread_over_footprints(d, m, {0, 0})[0] == 0);
}

TEST_CASE("map: mismatches where the file stops are told apart (mismatch_outside)") {
    // Only Hartlepool and Stockton's partnership stays: M and R hold no partnership. Police
    // (h, m, r, s) and ICBs A (h, m), B (r, s) as borders:
    //   H–M: fill hs|none (boundary), borders A|A  -> mismatch, nested, B has a region: real
    //   M–R: fill none|none,          borders A|B  -> mismatch, cut, no fill region: outside
    //   M–S: fill none|hs  (boundary), borders A|B -> both: no mismatch
    //   H–S: fill hs|hs,               borders A|B -> mismatch, cut through hs: real
    Dataset d = tees();
    std::erase_if(d.boards, [](const Board& b) { return b.id.value == "st"; });
    d = parse_dataset(dataset_to_json_text(d), "tees.json").dataset;
    MapOptions o;
    o.fill = *parse_layer("lscp");
    o.borders = *parse_layer("health_commissioner");
    const MapResult m = compute_map(d, o);
    int outside = 0, real = 0;
    for (const auto& e : m.edges) {
        if (!e.mismatch) continue;
        if (mismatch_outside(m, e)) ++outside;
        else ++real;
    }
    CHECK(m.mismatch_edges == 3);  // DESIGN §8.2 counts all three
    CHECK(outside == 1);
    CHECK(real == 2);
    const std::string svg = map_svg(d, m, o);
    CHECK(svg.find("the file has no region of the other layer on either side: 1 edges") != std::string::npos);
    CHECK(svg.find("no region of the Safeguarding Children Partnerships in this file") != std::string::npos);
}

TEST_CASE("map: region labels keep the place and drop what the board's kind says") {
    Dataset d = tees();
    MapOptions o;
    o.fill = *parse_layer("lscp");
    const auto label_of = [&](const std::string& name) {
        d.boards[0].name = name;  // "hs", the region of Hartlepool
        const MapResult m = compute_map(d, o);
        const int r = m.fill.cell_region[cell_of(m, "E06000001")];
        REQUIRE(r >= 0);
        return region_label(d, m.fill, static_cast<std::size_t>(r));
    };
    CHECK(label_of("Hartlepool and Stockton Safeguarding Children Partnership") == "Hartlepool and Stockton");
    CHECK(label_of("Staffordshire and Stoke-on-Trent Adult Safeguarding Partnership Board") ==
          "Staffordshire and Stoke-on-Trent");
    CHECK(label_of("Safer Castlebury Partnership") == "Safer Castlebury");
    CHECK(label_of("Our Safeguarding Children Partnership (Cornwall and IoS)") == "Cornwall and IoS");
    CHECK(label_of("Teeswide") == "Teeswide");
}
