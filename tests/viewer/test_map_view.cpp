// The map view in the app, without a GPU: key M switches the canvas to the map of the file's
// districts, a click on a hex selects its area, an agency's selection lights its footprint and
// the boards it must attend, settings and bad layers, and the headless options. Fixture: four
// Tees districts with real ONS codes (the 2023 layout; see tests/graph/test_map.cpp):
//
//        H(8,18)                 hs = Hartlepool + Stockton partnership
//   S(7,17)  M(8,17)  R(9,17)    st = South Tees partnership (M + R)
#include "app/app.hpp"
#include "app/options.hpp"
#include "boardscape/dataset_json.hpp"
#include "fixture.hpp"
#include "frame_rig.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace boardscape;
using namespace boardscape::viewer;

namespace {

const char* const k_tees = viewer_test::tees_json;

struct MapRig : viewer_test::FrameDriver {
    static AppOptions options() {
        AppOptions o = viewer_test::headless_options();
        o.keyboard = true;  // key M goes through the app's own key handling
        return o;
    }
    MapRig() : FrameDriver(options(), parse_dataset(k_tees, "tees.json").dataset, "tees.json") { frames(2); }
    std::size_t cell(std::string_view code) {
        const map::MapResult* m = app.map_view().result();
        REQUIRE(m);
        for (std::size_t c = 0; c < m->cells.size(); ++c)
            if (m->hexes->hexes[m->cells[c].hex].code == code) return c;
        FAIL("no cell " << code);
        return 0;
    }
};

}  // namespace

TEST_CASE("map view: M shows the districts, a click on a hex selects its council") {
    MapRig rig;
    CHECK(rig.app.view().view_kind == ViewKind::graph);
    rig.key('M');
    REQUIRE(rig.app.view().view_kind == ViewKind::map);
    rig.frame();
    const map::MapResult* m = rig.app.map_view().result();
    REQUIRE(m);
    CHECK(m->layout == "lad23");
    CHECK(m->cells.size() == 4);
    CHECK(rig.app.map_view().stats().cells_drawn == 4);
    CHECK(m->fill.regions == 2);  // hs and st, the default fill (lscp)

    const auto p = rig.app.map_view().cell_screen_position(rig.cell("E06000002"));
    REQUIRE(p);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(p->x, p->y);
    rig.frame();
    CHECK(rig.app.map_view().hovered_cell() == rig.cell("E06000002"));
    io.MouseDown[0] = true;
    rig.frame();
    io.MouseDown[0] = false;
    rig.frame();
    CHECK(rig.app.view().selected == std::optional<std::string>("m"));

    rig.key('M');
    CHECK(rig.app.view().view_kind == ViewKind::graph);
}

TEST_CASE("map view: a selected agency shows its footprint and the boards it must attend") {
    MapRig rig;
    rig.app.apply_now(SetViewKind{ViewKind::map});
    rig.app.apply_now(SelectEntity{std::string("cleveland-police"), false});
    rig.frame();
    const map::MapResult* m = rig.app.map_view().result();
    REQUIRE(m);
    REQUIRE(m->agency);
    CHECK(m->agency->cells == 4);
    // The police are expected at both partnerships (inside their footprint), not at the HWB.
    REQUIRE(m->agency->boards.size() == 2);
    CHECK(m->agency->boards[0].id == "hs");
    CHECK(m->agency->boards[0].relation == BoundaryRelation::agency_wider);
    CHECK(m->agency->boards[1].id == "st");
    const auto legend = rig.app.map_view().legend(rig.app.session(), rig.app.view().map);
    REQUIRE(legend.size() >= 2);
    CHECK(legend[1].text == "Safeguarding Children Partnerships it must attend, inside the agency's footprint (2)");

    // Colour by the agency's meetings: 6 a year at each district (one partnership each).
    MapSettings s = rig.app.view().map;
    s.measure = MapMeasure::expected_meetings;
    rig.app.apply_now(SetMapSettings{s});
    rig.frame();
    CHECK(rig.app.map_view().legend(rig.app.session(), s).front().text ==
          "Meetings a year Cleveland Police must attend, by district (0 to 6)");
}

TEST_CASE("map view: other layers, no borders, and a layer that does not exist") {
    MapRig rig;
    rig.app.apply_now(SetViewKind{ViewKind::map});
    rig.app.apply_now(SetMapSettings{MapSettings{"police", "", MapMeasure::regions}});
    rig.frame();
    const map::MapResult* m = rig.app.map_view().result();
    REQUIRE(m);
    CHECK(m->fill.regions == 1);
    CHECK_FALSE(m->borders);
    rig.app.apply_now(SetMapSettings{MapSettings{"nope", "", MapMeasure::regions}});
    rig.frame();
    CHECK(rig.app.map_view().result() == nullptr);
    CHECK(rig.app.map_view().error() == "unknown map layer 'nope'");
}

TEST_CASE("map view: headless options") {
    const ViewerOptions o = parse_viewer_options({"f.json", "--view", "map", "--fill", "csp", "--borders", "none",
                                                  "--agency", "police-x", "--measure", "load"});
    CHECK(o.view_kind == ViewKind::map);
    CHECK_FALSE(o.view);
    CHECK(o.fill == std::optional<std::string>("csp"));
    CHECK(o.borders == std::optional<std::string>(""));
    CHECK(o.agency == std::optional<std::string>("police-x"));
    CHECK(o.measure == MapMeasure::load);
    CHECK(parse_viewer_options({"--view", "2"}).view == 2);
    CHECK_THROWS_WITH_AS(parse_viewer_options({"--view", "mpa"}),
                         "--view: expected a saved view's number, graph or map, got 'mpa' (did you mean 'map'?)",
                         std::invalid_argument);
    CHECK_THROWS_AS(parse_viewer_options({"--measure", "loads"}), std::invalid_argument);
}
