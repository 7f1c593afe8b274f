// Viewer logic without ImGui or GL: camera, hit testing, label placement, scene, commands and
// undo, visibility, anonymisation, saved views, tables and the command line.
#include "app/app.hpp"
#include "app/key_help.hpp"
#include "app/options.hpp"
#include "app/saved_views.hpp"
#include "app/scene.hpp"
#include "app/tables.hpp"
#include "app/vocab_labels.hpp"
#include "boardscape/anonymise.hpp"
#include "canvas/camera.hpp"
#include "canvas/canvas.hpp"
#include "canvas/hit_test.hpp"
#include "canvas/label_grid.hpp"
#include "canvas/palette.hpp"
#include "panels/file_browser_panel.hpp"
#include "boardscape/plural.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

using namespace boardscape;
using namespace boardscape::viewer;

namespace {
Camera test_camera() {
    Camera c;
    c.viewport_min = {100, 50};
    c.viewport_size = {800, 600};
    c.center = {10, -5};
    c.zoom = 2;
    return c;
}
}  // namespace

TEST_SUITE("viewer logic") {

TEST_CASE("camera maps world units to screen px and back") {
    const Camera c = test_camera();
    // The centre lands in the middle of the viewport: (100 + 400, 50 + 300).
    const ScreenPoint mid = c.to_screen({10, -5});
    CHECK(mid.x == doctest::Approx(500));
    CHECK(mid.y == doctest::Approx(350));
    // 10 world units right and 5 down at zoom 2 → 20 px right, 10 px down.
    const ScreenPoint p = c.to_screen({20, 0});
    CHECK(p.x == doctest::Approx(520));
    CHECK(p.y == doctest::Approx(360));
    const WorldPoint w = c.to_world(p);
    CHECK(w.x == doctest::Approx(20));
    CHECK(w.y == doctest::Approx(0));
    for (const WorldPoint q : {WorldPoint{-123.25, 77.5}, WorldPoint{0, 0}, WorldPoint{1e4, -3e3}}) {
        const WorldPoint r = c.to_world(c.to_screen(q));
        CHECK(r.x == doctest::Approx(q.x).epsilon(1e-5));
        CHECK(r.y == doctest::Approx(q.y).epsilon(1e-5));
    }
}

TEST_CASE("zooming keeps the world point under the cursor fixed") {
    Camera c = test_camera();
    // Cursor at (600, 350): world (10 + 100/2, -5) = (60, -5).
    c.zoom_about({600, 350}, 2.0);
    CHECK(c.zoom == doctest::Approx(4));
    // (60, -5) must still be under the cursor: centre.x = 60 - 100/4 = 35.
    CHECK(c.center.x == doctest::Approx(35));
    CHECK(c.center.y == doctest::Approx(-5));
    const ScreenPoint s = c.to_screen({60, -5});
    CHECK(s.x == doctest::Approx(600));
    CHECK(s.y == doctest::Approx(350));
    c.zoom_about({600, 350}, 0);  // ignored
    CHECK(c.zoom == doctest::Approx(4));
}

TEST_CASE("panning follows the mouse and fitting frames a box") {
    Camera c = test_camera();
    c.pan_by({10, 20});  // content moves with the mouse: centre goes the other way, /zoom
    CHECK(c.center.x == doctest::Approx(5));
    CHECK(c.center.y == doctest::Approx(-15));
    WorldBox box;
    box.add({0, 0});
    box.add({100, 50});
    c.fit(box, 50);
    // Room 700 × 500 px for 100 × 50 units: min(7, 10) = 7 px a unit, centred on (50, 25).
    CHECK(c.zoom == doctest::Approx(7));
    CHECK(c.ref_zoom == doctest::Approx(7));
    CHECK(c.center.x == doctest::Approx(50));
    CHECK(c.center.y == doctest::Approx(25));
    CHECK(c.world_span() == doctest::Approx(600.0 / 7.0));
}

TEST_CASE("hit testing prefers the top layer, honours slop and skips hidden nodes") {
    //   node 0: board  (100,100) r 10       node 1: person (105,100) r 4 (under the board)
    //   node 2: agency (300,300) r 5, hidden
    const std::array<ScreenPoint, 3> pos{{{100, 100}, {105, 100}, {300, 300}}};
    const std::array<float, 3> radius{10, 4, 5};
    const std::array<std::uint8_t, 3> layer{3, 1, 2};
    std::array<std::uint8_t, 3> visible{1, 1, 0};
    CHECK(hit_test(pos, radius, layer, visible, {104, 100}) == std::optional<std::uint32_t>(0));
    CHECK(hit_test(pos, radius, layer, visible, {113, 100}, 3) == std::optional<std::uint32_t>(0));
    CHECK_FALSE(hit_test(pos, radius, layer, visible, {114, 100}, 3).has_value());
    CHECK_FALSE(hit_test(pos, radius, layer, visible, {300, 300}).has_value());
    visible[2] = 1;
    CHECK(hit_test(pos, radius, layer, visible, {302, 301}) == std::optional<std::uint32_t>(2));
    visible[0] = 0;  // with the board hidden the person underneath is found
    CHECK(hit_test(pos, radius, layer, visible, {106, 100}) == std::optional<std::uint32_t>(1));
}

TEST_CASE("labels never overlap and stay inside the canvas") {
    LabelGrid g;
    g.reset({0, 0}, {200, 100}, 20);
    CHECK(g.try_place({10, 10, 50, 30}));
    CHECK_FALSE(g.try_place({40, 20, 80, 40}));   // overlaps the first
    CHECK(g.try_place({50, 10, 90, 30}));          // touching edges is fine
    CHECK_FALSE(g.try_place({190, 10, 230, 30}));  // sticks out on the right
    g.block({100, 50, 120, 70});
    CHECK_FALSE(g.try_place({110, 60, 150, 80}));
    CHECK(g.placed() == 3);
    g.reset({0, 0}, {200, 100}, 20);
    CHECK(g.try_place({40, 20, 80, 40}));  // a new frame starts empty
}

TEST_CASE("labels are cut at a character boundary") {
    CHECK(truncate_label("abcdef", 3) == "abc\xE2\x80\xA6");
    CHECK(truncate_label("abc", 3) == "abc");
    CHECK(truncate_label("\xC3\xA9t\xC3\xA9s", 2) == "\xC3\xA9t\xE2\x80\xA6");  // "été" → "ét…"
}

TEST_CASE("the scene has one node per entity and typed edges") {
    const Dataset d = viewer_test::small_landscape();
    const Scene s = build_scene(d);
    CHECK(s.nodes.size() == 14);  // 3 areas, 3 agencies, 4 boards, 4 people
    // part_of 2, covers 3 + 4, subgroup_of 1, works_for 3, membership 7, relation 1.
    CHECK(s.edges.size() == 21);
    int count[edge_type_count] = {};
    for (const auto& e : s.edges) ++count[static_cast<int>(e.type)];
    CHECK(count[static_cast<int>(EdgeType::membership)] == 7);
    CHECK(count[static_cast<int>(EdgeType::covers)] == 7);
    CHECK(count[static_cast<int>(EdgeType::works_for)] == 3);
    // Label priority: top-level boards first, the largest (lscb: 3 seats + ...) leading.
    CHECK(s.nodes[s.label_order[0]].id == "lscb");
    const auto alice = s.find("alice");
    REQUIRE(alice);
    // alice's 1-hop network: her agency and three boards.
    const auto ego = ego_network(s, *alice, 1);
    int in = 0;
    for (bool b : ego) in += b;
    CHECK(in == 5);
    CHECK(ego[*s.find("police")]);
    CHECK_FALSE(ego[*s.find("bob")]);
    const auto ego2 = ego_network(s, *alice, 2);
    CHECK(ego2[*s.find("bob")]);
}

TEST_CASE("anonymised names are the library's pseudonyms, never the name") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const Session& s = app.session();
    // One implementation (boardscape/anonymise.hpp) for the viewer and the command line.
    const auto names = person_pseudonyms(s.dataset());
    REQUIRE(names.size() == 4);
    CHECK(names[0] == "Police rep 1");
    CHECK(names[1] == "Council rep 1");
    CHECK(names[2] == "Health commissioner rep 1");
    CHECK(names[3] == "Independent member 1");
    CHECK(s.display_name(*s.scene().find("alice"), true) == "Police rep 1");
    CHECK(s.display_name(*s.scene().find("dave"), true) == "Independent member 1");
    CHECK(s.display_name(*s.scene().find("alice"), false) == "Alice Archer");
    CHECK(s.display_id(*s.scene().find("alice"), true) == "(hidden)");
    CHECK(label(Sector::health_commissioner) == sector_label(Sector::health_commissioner));
}

TEST_CASE("commands change the view, moves undo and redo") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    REQUIRE(app.session().has_dataset());
    REQUIRE(app.positions().size() == 14);

    app.apply_now(SetOverlay{Overlay::load});
    CHECK(app.view().overlay == Overlay::load);
    app.apply_now(SelectEntity{std::string("no-such-id"), false});
    CHECK_FALSE(app.view().selected.has_value());
    app.apply_now(SelectEntity{std::string("hwb"), false});
    CHECK(app.view().selected == std::optional<std::string>("hwb"));

    const auto alice = *app.session().scene().find("alice");
    const WorldPoint start = app.positions()[alice];
    // A drag: two live moves then the release carrying the start.
    app.apply_now(MoveNode{"alice", {start.x + 1, start.y}, true, false, std::nullopt, false});
    app.apply_now(MoveNode{"alice", {start.x + 5, start.y + 5}, true, false, std::nullopt, false});
    app.apply_now(MoveNode{"alice", {start.x + 7, start.y + 7}, true, true, start, false});
    CHECK(app.positions()[alice].x == doctest::Approx(start.x + 7));
    CHECK(app.pinned()[alice]);
    CHECK(app.history().can_undo());
    CHECK(describe(*app.history().next_undo()) == "move node");
    CHECK(app.unsaved());
    app.apply_now(Undo{});  // one step undoes the whole drag, pin included
    CHECK(app.positions()[alice].x == doctest::Approx(start.x));
    CHECK(app.positions()[alice].y == doctest::Approx(start.y));
    CHECK_FALSE(app.pinned()[alice]);
    CHECK(app.history().can_redo());
    app.apply_now(Redo{});
    CHECK(app.positions()[alice].x == doctest::Approx(start.x + 7));
    CHECK(app.pinned()[alice]);
}

TEST_CASE("filters hide, the banner counts, clear restores") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    CHECK(app.visibility().hidden_by_filters == 0);
    Filters f;
    f.show_people = false;
    f.board_kind_shown[static_cast<std::size_t>(BoardKind::csp)] = false;
    app.apply_now(SetFilters{f});
    CHECK(app.view().filters.hides_something());
    CHECK(app.visibility().hidden_by_filters == 5);  // 4 people + 1 CSP
    const auto lscb = *app.session().scene().find("lscb");
    CHECK(app.visibility().node_visible[lscb]);
    CHECK_FALSE(app.visibility().node_visible[*app.session().scene().find("csp-north")]);
    app.apply_now(ClearFilters{});
    CHECK(app.visibility().hidden_by_filters == 0);

    // A search by a real name finds nothing while anonymising.
    Filters s;
    s.search = "archer";
    app.apply_now(SetFilters{s});
    CHECK(app.visibility().search_matches == 1);
    app.apply_now(SetAnonymise{true});
    CHECK(app.visibility().search_matches == 0);
}

TEST_CASE("focus selects an ego network") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    app.apply_now(FocusEgo{std::string("dave"), 1});
    CHECK(app.view().selected == std::optional<std::string>("dave"));
    CHECK(app.view().focus_hops == 1);
    app.apply_now(FocusEgo{std::string("dave"), 5});  // clamped to 2
    CHECK(app.view().focus_hops == 2);
    app.apply_now(FocusEgo{std::nullopt, 1});
    CHECK_FALSE(app.view().focus.has_value());
}

TEST_CASE("saved views come from the file and step with wrap-around") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    REQUIRE(app.saved_views().size() == 2);
    app.apply_now(StepSavedView{1});
    CHECK(app.view().current_view == 0);
    CHECK(app.view().overlay == Overlay::overlap);
    app.apply_now(StepSavedView{1});
    CHECK(app.view().overlay == Overlay::boundaries);
    CHECK(app.view().selected == std::optional<std::string>("police"));
    app.apply_now(StepSavedView{1});
    CHECK(app.view().current_view == 0);
    app.apply_now(StepSavedView{-1});
    CHECK(app.view().current_view == 1);
    app.apply_now(SaveCurrentView{"Mine"});
    CHECK(app.saved_views().size() == 3);
    CHECK(app.unsaved());
}

TEST_CASE("saved views round-trip through JSON") {
    ViewState v;
    v.overlay = Overlay::representation;
    v.camera.viewport_size = {800, 400};
    v.camera.zoom = 4;
    v.camera.center = {12.5, -3};
    v.selected = "lscb";
    v.filters.show_people = false;
    v.filters.board_kind_shown[static_cast<std::size_t>(BoardKind::hwb)] = false;
    v.filters.sector_shown[static_cast<std::size_t>(Sector::independent)] = false;
    v.filters.as_of = Date{2016, 3, 1};
    std::vector<std::string> problems;
    const auto back = parse_saved_views(saved_views_to_json({capture_view(v, "Board A")}), problems);
    CHECK(problems.empty());
    REQUIRE(back.size() == 1);
    CHECK(back[0].name == "Board A");
    CHECK(back[0].overlay == Overlay::representation);
    CHECK(back[0].span == doctest::Approx(100));  // 400 px / 4 px a unit
    CHECK(back[0].center.x == doctest::Approx(12.5));
    CHECK(back[0].selected == std::optional<std::string>("lscb"));
    CHECK(back[0].filters == v.filters);
    CHECK(back[0].view_kind == ViewKind::graph);
    const auto bad = parse_saved_views("{\"not\": \"an array\"}", problems);
    CHECK(bad.empty());
    CHECK(problems.size() == 1);
}

TEST_CASE("a saved map view keeps its layers and opens the map") {
    ViewState v;
    v.view_kind = ViewKind::map;
    v.map = MapSettings{"sab", "health_commissioner", MapMeasure::expected_meetings};
    std::vector<std::string> problems;
    const std::string text = saved_views_to_json({capture_view(v, "Adults' boards")});
    CHECK(text.find("\"view\": \"map\"") != std::string::npos);
    const auto back = parse_saved_views(text, problems);
    CHECK(problems.empty());
    REQUIRE(back.size() == 1);
    CHECK(back[0].view_kind == ViewKind::map);
    CHECK(back[0].map == v.map);
    // A bad value is named, and the view still loads with the default.
    problems.clear();
    const auto odd = parse_saved_views(R"([{"name": "x", "view": "globe", "map": {"measure": "height"}}])", problems);
    REQUIRE(odd.size() == 1);
    CHECK(odd[0].view_kind == ViewKind::graph);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "views/0/view: expected \"graph\" or \"map\"");

    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    app.apply_now(SetMapSettings{MapSettings{"sab", "", MapMeasure::regions}});
    app.apply_now(SetViewKind{ViewKind::map});
    app.apply_now(SaveCurrentView{"Map"});
    app.apply_now(SetViewKind{ViewKind::graph});
    app.apply_now(SetMapSettings{MapSettings{}});
    app.apply_now(ApplySavedView{static_cast<int>(app.saved_views().size()) - 1});
    CHECK(app.view().view_kind == ViewKind::map);
    CHECK(app.view().map.fill == "sab");
    CHECK(app.view().map.borders.empty());
    app.apply_now(ApplySavedView{0});  // the file's own views frame the graph
    CHECK(app.view().view_kind == ViewKind::graph);
}

TEST_CASE("analysis tables follow the analyses and anonymise") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    const auto& tables = app.tables();
    REQUIRE(tables.size() == 6);
    // The library's report kinds in order, each with the viewer's tables for it.
    std::vector<std::string> tabs;
    for (const auto& t : tables) tabs.push_back(t.kind + ": " + t.name);
    CHECK(tabs == std::vector<std::string>{"overlap: Overlap pairs", "overlap: Brokers",
                                           "boundaries: Boundaries by agency", "load: Load by agency",
                                           "load: Load by person", "representation: Representation"});
    CHECK(first_table_of(tables, "load") == 3);
    CHECK(first_table_of(tables, "no such kind") == -1);
    const TableModel& pairs = tables[0];
    REQUIRE(pairs.rows.size() == 3);
    // Largest first: lscb–hwb share alice and bob.
    CHECK(pairs.rows[0][2].text == "2");
    CHECK(pairs.row_entity[0] == "hwb");  // a < b by id: "hwb" < "lscb"
    const TableModel& people = tables[4];
    bool named = false;
    for (const auto& r : people.rows) named = named || r[0].text == "Alice Archer";
    CHECK(named);
    app.apply_now(SetAnonymise{true});
    for (const auto& t : app.tables()) {
        const std::string csv = to_csv(t);
        for (const char* n : viewer_test::person_names) CHECK_MESSAGE(csv.find(n) == std::string::npos, t.name);
    }
}

TEST_CASE("with no seats the load table and overlay show expected attendance, labelled") {
    // The fixture without people (like a national file). Built-in rules, as of 2015-01-31:
    //   lscb [shire] 6×3, hwb [shire] 4×2, csp-north [north] 4×2 (lscb-sub is a sub-group).
    //   police [shire]: patch all three (14 meetings); expected lscb and csp, not the hwb:
    //     10 meetings, 6×3 + 4×2 = 26 hours.
    //   council [shire] and ccg [north]: expected at all three: 14 meetings, 18+8+8 = 34 hours.
    Dataset d = viewer_test::small_landscape();
    d.people.clear();
    d.memberships.clear();
    d.reindex();
    App app(viewer_test::headless_options());
    app.set_dataset(std::move(d), "no-people.json");
    CHECK(app.session().derived().expected_load);

    const TableModel& load = app.tables()[3];
    CHECK(load.name == "Load by agency (expected)");
    CHECK(load.columns[4] == "Expected hours/yr");
    CHECK(load.note.find("No seats in this file: expected attendance") != std::string::npos);
    REQUIRE(load.rows.size() == 3);  // boundaries order: 14 meetings each, so by id
    CHECK(load.rows[2][0].text == "Shire Police");
    CHECK(load.rows[2][2].text == "2");
    CHECK(load.rows[2][3].text == "10");
    CHECK(load.rows[2][4].text == "26");
    CHECK(load.rows[2][5].text == "1 LSCB, 1 CSP");
    CHECK(load.rows[1][4].text == "34");  // council

    app.apply_now(SetOverlay{Overlay::load});
    CHECK(app.overlay().title == "Load: expected meeting hours a year (no seats in this file)");
    bool busiest = false;
    for (const auto& line : app.overlay().summary)
        busiest = busiest || line == "Busiest agency (expected): Shire Council, 34 h";
    CHECK(busiest);  // council and ccg tie at 34; the first in node order is the council

    // The boundaries overlay names both numbers, and fades the hwb (patch, not expected).
    app.apply_now(SelectEntity{std::string("police"), false});
    app.apply_now(SetOverlay{Overlay::boundaries});
    const OverlayStyle& st = app.overlay();
    REQUIRE_FALSE(st.summary.empty());
    CHECK(st.summary[0] == "Police must attend 10 meetings a year as a statutory partner (14 in its patch):");
    CHECK(st.summary[1] == "  1 × LSCB expected (of 1 in its patch)");
    CHECK(st.summary[2] == "  0 × HWB expected (of 1 in its patch)");
    const auto hwb = app.session().scene().find("hwb");
    const auto lscb = app.session().scene().find("lscb");
    REQUIRE(hwb);
    REQUIRE(lscb);
    CHECK(st.fade[*hwb] == 1);
    CHECK(st.fade[*lscb] == 0);
}

TEST_CASE("with seats the load table stays the seat load") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    CHECK_FALSE(app.session().derived().expected_load);
    CHECK(app.tables()[3].name == "Load by agency");
    // The boundaries table leads with expected attendance either way.
    CHECK(app.tables()[2].columns[2] == "Expected meetings");
    CHECK(app.tables()[2].columns[5] == "Patch meetings");
}

TEST_CASE("CSV quotes what needs quoting") {
    TableModel t;
    t.columns = {"Name", "Note"};
    t.rows = {{{"A, B", 0, 0}, {"say \"hi\"", 0, 0}}, {{"plain", 0, 0}, {"x", 0, 0}}};
    CHECK(to_csv(t) == "Name,Note\n\"A, B\",\"say \"\"hi\"\"\"\nplain,x\n");
    // A name a spreadsheet would run as a formula goes out as text; a negative number stays one.
    t.rows = {{{"=HYPERLINK(\"x\")", 0, 0}, {"-8.0", 0, 0}}};
    CHECK(to_csv(t) == "Name,Note\n\"'=HYPERLINK(\"\"x\"\")\",-8.0\n");
}

TEST_CASE("a broken file leaves the current map open and lists its errors") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json");
    CHECK_FALSE(app.open_file(BOARDSCAPE_SOURCE_DIR "/tests/viewer/no-such-file.json"));
    CHECK(app.session().has_dataset());
    CHECK(app.session().scene().nodes.size() == 14);
    CHECK_FALSE(app.problems().heading.empty());
    CHECK_FALSE(app.problems().lines.empty());
}

TEST_CASE("command line options") {
    const auto o = parse_viewer_options({"land.json", "--screenshot", "out.png", "--size=1920x1080", "--overlay",
                                         "representation", "--select", "lscb", "--workshop", "--anonymise",
                                         "--frames", "6"});
    CHECK(o.file == std::optional<std::filesystem::path>("land.json"));
    CHECK(o.screenshot == std::optional<std::filesystem::path>("out.png"));
    CHECK(o.width == 1920);
    CHECK(o.height == 1080);
    CHECK(o.overlay == std::optional<Overlay>(Overlay::representation));
    CHECK(o.select == std::optional<std::string>("lscb"));
    CHECK(o.workshop);
    CHECK(o.anonymise);
    CHECK(o.frames == 6);
    CHECK_THROWS_AS(parse_viewer_options({"--size", "big"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_viewer_options({"--overlay", "heat"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_viewer_options({"--frames"}), std::invalid_argument);
    CHECK(parse_viewer_options({"--view", "3"}).view == std::optional<int>(3));
    const auto b = parse_viewer_options({"scenario.json", "--baseline", "england-2024.json"});
    CHECK(b.baseline == std::optional<std::filesystem::path>("england-2024.json"));
    CHECK(b.scenario);  // --baseline implies the Scenario panel
    CHECK_THROWS_AS(parse_viewer_options({"--baseline"}), std::invalid_argument);
    CHECK_FALSE(parse_viewer_options({}).view.has_value());
    CHECK_THROWS_AS(parse_viewer_options({"--view", "0"}), std::invalid_argument);  // 1-based
    CHECK_THROWS_AS(parse_viewer_options({"a.json", "b.json"}), std::invalid_argument);
}

namespace {
std::string usage_error(const std::vector<std::string>& args) {
    try {
        parse_viewer_options(args);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "(accepted)";
}
}  // namespace

TEST_CASE("misspelt viewer options and overlays get a did-you-mean") {
    CHECK(usage_error({"--text-size", "2"}) == "unknown option --text-size (did you mean '--text-scale'?)");
    CHECK(usage_error({"--worshop"}) == "unknown option --worshop (did you mean '--workshop'?)");
    CHECK(usage_error({"--screnshot=a.png"}) == "unknown option --screnshot (did you mean '--screenshot'?)");
    CHECK(usage_error({"--zzzzzzzz"}) == "unknown option --zzzzzzzz");
    CHECK(usage_error({"--overlay", "boundary"}) ==
          "--overlay: unknown overlay 'boundary' (did you mean 'boundaries'?); expected overlap, boundaries, load, "
          "representation, scenario or none");
    CHECK(usage_error({"--merge", "sab-a"}) == "--merge: expected two or more board ids, got 'sab-a'");
    CHECK(usage_error({"--merge-kind", "sba", "--merge", "a,b"}) ==
          "--merge-kind: unknown board kind 'sba' (did you mean 'sab'?); a kind is a board kind of the file "
          "format, such as sab or lscp");
    CHECK(usage_error({"--merge-id", "x"}) == "--merge-id needs --merge ID,ID[,...] (the boards to merge)");
    CHECK(usage_error({"--screenshot", "v.jpg"}) ==
          "--screenshot: 'v.jpg' must end in .png (the viewer writes PNG pictures only)");
    CHECK(usage_error({"--screenshot", "V.PNG"}) == "(accepted)");
    const ViewerOptions m = parse_viewer_options({"--merge", "a,b", "--merge-name", "N", "--merge-id", "n",
                                                  "--merge-date", "2024-07-01", "--merge-kind", "sab",
                                                  "--merge-cadence", "6x3"});
    CHECK(m.merge == std::vector<std::string>{"a", "b"});
    CHECK(m.merge_name == std::optional<std::string>("N"));
    CHECK(m.merge_id == std::optional<std::string>("n"));
    CHECK(m.merge_date == std::optional<std::string>("2024-07-01"));
    CHECK(m.merge_kind == std::optional<std::string>("sab"));
    CHECK(m.merge_cadence == std::optional<std::string>("6x3"));
    CHECK(closest_word("LSBC", {"lscb", "hwb"}) == "lscb");  // case-insensitive
    CHECK(closest_word("police", {"lscb", "hwb"}).empty());
}

TEST_CASE("--select of an unknown id says which id was meant") {
    const std::vector<std::string> ids = {"lscb", "hwb", "csp-north", "police"};
    const std::vector<std::string> names = {"Shire LSCB", "Shire Health and Wellbeing Board", "North CSP", "Shire Police"};
    CHECK(unknown_entity_message("lsbc", ids, names) == "no entity with id 'lsbc' (did you mean 'lscb'?)");
    CHECK(unknown_entity_message("north csp", ids, names) ==
          "no entity with id 'north csp' (did you mean 'csp-north', the id of North CSP?)");
    CHECK(unknown_entity_message("nothing-like-it", ids, names) == "no entity with id 'nothing-like-it'");
}

TEST_CASE("the default map carries a five-step workshop storyline of saved views") {
    App app(viewer_test::headless_options());
    REQUIRE(app.open_file(std::string(BOARDSCAPE_SOURCE_DIR) + "/datasets/landscape-2015.json"));
    CHECK(app.problems().lines.empty());
    app.apply_now(StepSavedView{1});
    CHECK(app.view().current_view == 0);
    CHECK(app.view().overlay == Overlay::overlap);
    app.apply_now(StepSavedView{1});
    CHECK(app.view().overlay == Overlay::boundaries);
    CHECK(app.view().selected == std::optional<std::string>("midshire-buffton-police"));
    app.apply_now(StepSavedView{-2});  // back past the start wraps to the last: names hidden
    CHECK(app.view().current_view == 4);
    CHECK(app.view().anonymise);
    CHECK_FALSE(app.view().filters.show_areas);
    app.apply_now(StepSavedView{1});  // and round to the first again: names back
    CHECK(app.view().current_view == 0);
    CHECK_FALSE(app.view().anonymise);
}

namespace {

/// The small landscape with three saved views: one showing names, one hiding them, one that
/// says nothing about anonymising.
Dataset landscape_with_anonymise_views() {
    Dataset d = viewer_test::small_landscape();
    d.views_json = R"([
      {"name": "Names", "overlay": "overlap", "span": 0, "anonymise": false},
      {"name": "Hidden", "overlay": "load", "span": 0, "anonymise": true},
      {"name": "Alice", "overlay": "none", "span": 0, "selected": "alice"}
    ])";
    return d;
}

/// True when no person's name (nor an id made from one) is in any table, the selection's
/// shown name or the state file.
bool names_hidden(const App& app) {
    std::string text = app.state_json();
    for (const auto& t : app.tables()) text += to_csv(t);
    const Session& s = app.session();
    for (NodeIndex i = 0; i < s.scene().nodes.size(); ++i) text += s.display_name(i, app.view().anonymise) + "\n";
    for (const char* n : viewer_test::person_names)
        if (text.find(n) != std::string::npos) return false;
    return text.find("\"alice\"") == std::string::npos && text.find("Police rep 1") != std::string::npos;
}

}  // namespace

TEST_CASE("a saved view may hide names, and show them again only when the presenter did not hide them") {
    App app(viewer_test::headless_options());
    app.set_dataset(landscape_with_anonymise_views(), "small.json");
    REQUIRE(app.saved_views().size() == 3);
    app.apply_now(ApplySavedView{1});  // "Hidden"
    CHECK(app.view().anonymise);
    CHECK_FALSE(app.view().anonymise_locked);
    CHECK(names_hidden(app));
    app.apply_now(ApplySavedView{2});  // says nothing: stays hidden
    CHECK(app.view().anonymise);
    app.apply_now(ApplySavedView{0});  // "Names": the file's author shows names here
    CHECK_FALSE(app.view().anonymise);
    CHECK_FALSE(names_hidden(app));
}

TEST_CASE("the presenter's anonymise is a lock: saved views, undo, redo and reload keep names hidden") {
    App app(viewer_test::headless_options());
    app.set_dataset(landscape_with_anonymise_views(), "small.json");
    app.apply_now(SetAnonymise{true});  // key A
    CHECK(app.view().anonymise);
    CHECK(app.view().anonymise_locked);
    CHECK(nlohmann::json::parse(app.state_json())["anonymise_locked"] == true);
    // Every saved view, forwards twice round and back again; "Names" stores anonymise false.
    for (int step = 0; step < 6; ++step) {
        app.apply_now(StepSavedView{1});
        CAPTURE(app.view().current_view);
        CHECK(app.view().anonymise);
        CHECK(names_hidden(app));
    }
    for (int step = 0; step < 4; ++step) {
        app.apply_now(StepSavedView{-1});
        CHECK(app.view().anonymise);
        CHECK(names_hidden(app));
    }
    app.apply_now(ApplySavedView{0});
    CHECK(app.view().current_view == 0);
    CHECK(app.view().overlay == Overlay::overlap);  // the view applied, all but the names
    CHECK(names_hidden(app));

    // Undo and redo of an edit (Dave joins the HWB) and of a move.
    const auto dave = *app.session().scene().find("dave");
    app.apply_now(DropOnNode{"dave", "hwb", app.positions()[dave], app.positions()[dave]});
    REQUIRE(app.session().dataset().memberships.size() == 8);
    const WorldPoint at = app.positions()[*app.session().scene().find("lscb")];
    app.apply_now(MoveNode{"lscb", {at.x + 3, at.y}, true, true, at, false});
    app.apply_now(Undo{});
    app.apply_now(Undo{});
    CHECK(app.session().dataset().memberships.size() == 7);
    CHECK(names_hidden(app));
    app.apply_now(Redo{});
    app.apply_now(Redo{});
    CHECK(app.session().dataset().memberships.size() == 8);
    CHECK(app.view().anonymise_locked);
    CHECK(names_hidden(app));

    // A view saved now records names hidden.
    app.apply_now(SaveCurrentView{"Workshop"});
    REQUIRE(app.saved_views().size() == 4);
    CHECK(app.saved_views()[3].anonymise == std::optional<bool>(true));

    // Reloading the file (open, File > Open, restoring an autosave all go through here).
    app.set_dataset(landscape_with_anonymise_views(), "small.json");
    CHECK(app.view().anonymise_locked);
    CHECK(names_hidden(app));
    app.apply_now(ApplySavedView{0});
    CHECK(names_hidden(app));

    // Only the presenter's own A shows names again.
    app.apply_now(SetAnonymise{false});
    CHECK_FALSE(app.view().anonymise);
    CHECK_FALSE(app.view().anonymise_locked);
    CHECK_FALSE(names_hidden(app));
}

TEST_CASE("a view state's anonymise follows the lock rules") {
    ViewState v;
    v.set_anonymise_by_view(true);
    CHECK(v.anonymise);
    v.set_anonymise_by_view(false);
    CHECK_FALSE(v.anonymise);
    v.set_anonymise_by_presenter(true);
    v.set_anonymise_by_view(false);
    CHECK(v.anonymise);
    CHECK(v.anonymise_locked);
    v.set_anonymise_by_presenter(false);
    CHECK_FALSE(v.anonymise);
    v.set_anonymise_by_view(false);
    CHECK_FALSE(v.anonymise);
}

}  // TEST_SUITE

namespace {

/// CIE L*a*b* (D65) of an ImU32, for colour differences as the eye sees them (CIE76 ΔE).
std::array<double, 3> lab(ImU32 c) {
    const auto lin = [](unsigned v) {
        const double u = v / 255.0;
        return u > 0.04045 ? std::pow((u + 0.055) / 1.055, 2.4) : u / 12.92;
    };
    const double r = lin((c >> IM_COL32_R_SHIFT) & 0xFF), g = lin((c >> IM_COL32_G_SHIFT) & 0xFF),
                 b = lin((c >> IM_COL32_B_SHIFT) & 0xFF);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
                 z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double delta_e(ImU32 a, ImU32 b) {
    const auto p = lab(a), q = lab(b);
    return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

ImU32 hex(std::uint32_t rgb) { return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255); }

}  // namespace

TEST_CASE("overlay colours never reuse a board kind or sector colour") {
    // Every colour a node can wear on the base map: each kind's colour in the library's kind
    // table (board_kinds.def), as board_kind_colour draws it, and every sector group.
    std::vector<ImU32> taken;
    for (const BoardKindInfo& k : board_kinds()) {
        taken.push_back(hex(k.rgb));
        taken.push_back(board_kind_colour(k.kind));
    }
    REQUIRE(taken.size() == 2 * board_kind_count);
    for (const std::string_view s : sector_names()) taken.push_back(sector_colour(*parse_sector(s)));
    const auto far_from_all = [&](ImU32 c) {
        double nearest = 1e9;
        for (const ImU32 t : taken) nearest = std::min(nearest, delta_e(c, t));
        return nearest;
    };
    // ΔE 20 is a clearly different colour, not a shade of the same one.
    CHECK(far_from_all(overlay_colour::ink) >= 20);
    CHECK(far_from_all(overlay_colour::paper) >= 20);
    CHECK(far_from_all(overlay_colour::faint) >= 20);
    CHECK(far_from_all(overlay_colour::line) >= 20);
    CHECK(far_from_all(overlay_colour::saves) >= 20);
    CHECK(far_from_all(overlay_colour::gains) >= 20);
    CHECK(delta_e(overlay_colour::saves, overlay_colour::gains) >= 20);
    for (int i = 0; i <= 100; ++i) {
        INFO("heat t = " << i / 100.0);
        CHECK(far_from_all(heat_colour(static_cast<float>(i) / 100.0f)) >= 20);
    }
    // The boundaries overlay's fills are those constants, and its categories differ by pattern
    // where fills repeat: equal plain ink, narrower ink with a dot; wider paper with a dot,
    // straddles paper hatched.
    CHECK(boundary_colour(BoundaryRelation::equal) == overlay_colour::ink);
    CHECK(boundary_mark(BoundaryRelation::equal) == NodeMark::none);
    CHECK(boundary_colour(BoundaryRelation::agency_narrower) == overlay_colour::ink);
    CHECK(boundary_mark(BoundaryRelation::agency_narrower) == NodeMark::centre_dot);
    CHECK(boundary_colour(BoundaryRelation::agency_wider) == overlay_colour::paper);
    CHECK(boundary_mark(BoundaryRelation::agency_wider) == NodeMark::centre_dot);
    CHECK(boundary_colour(BoundaryRelation::straddles) == overlay_colour::paper);
    CHECK(boundary_mark(BoundaryRelation::straddles) == NodeMark::hatch);
    CHECK(boundary_colour(BoundaryRelation::disjoint) == overlay_colour::faint);
}

TEST_CASE("counts read in the right number") {
    CHECK(count_noun(1, "seat") == "1 seat");
    CHECK(count_noun(0, "seat") == "0 seats");
    CHECK(count_noun(2, "agency", "agencies") == "2 agencies");
    CHECK(count_people(1) == "1 person");
    CHECK(count_people(61) == "61 people");
}

TEST_CASE("the workshop heading names the area and the date") {
    Dataset d = viewer_test::small_landscape();
    d.meta.title = "Midshire, Buffton and Marston: the 2015 case-study landscape";
    CHECK(workshop_heading(d, Date{2015, 1, 31}, "file") == "Midshire, Buffton and Marston \xC2\xB7 31 January 2015");
    d.meta.title = "England 2024: statutory boards - extract: Leeds";
    CHECK(workshop_heading(d, Date{2024, 7, 1}, "file") == "Leeds \xC2\xB7 1 July 2024");
    d.meta.title.clear();
    CHECK(workshop_heading(d, std::nullopt, "landscape") == "landscape");
}

TEST_CASE("overlay summaries count in the right number") {
    App app(viewer_test::headless_options());
    app.set_dataset(viewer_test::small_landscape(), "small.json", {});
    app.apply_now(SetOverlay{Overlay::overlap});
    // alice sits on lscb, hwb and csp-north; bob on lscb and hwb: 2 people; no chair of several.
    const auto& sum = app.overlay().summary;
    REQUIRE_FALSE(sum.empty());
    CHECK(sum.front() == "2 people sit on 2 or more boards");
    app.apply_now(SetOverlay{Overlay::representation});
    CHECK(app.overlay().summary.front().find(" boards with statutory partners") != std::string::npos);
}

TEST_CASE("a library report table shows as a viewer table, sorting by the full-precision number") {
    report::Table t;
    t.id = "people";
    t.title = "Load by person - as of 2015-01-31";
    t.columns = {{"person", report::Align::left}, {"hours", report::Align::right, report::CellType::hours}};
    t.rows = {{"p1", "24.2"}, {"p2", "24.2"}};
    t.numbers = {{std::nan(""), 24.24}, {std::nan(""), 24.16}};
    const TableModel m = table_model(t);
    CHECK(m.name == "Load by person");
    CHECK(m.numeric == std::vector<bool>{false, true});
    CHECK(m.rows[0][1].text == "24.2");
    CHECK(m.rows[0][1].sort == doctest::Approx(24.24));
    CHECK(m.rows[1][1].sort == doctest::Approx(24.16));
    CHECK(m.row_entity == std::vector<std::string>{"p1", "p2"});
}

namespace {

/// The keys of one "keys" cell: "Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y" → Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y.
void add_key_tokens(std::string_view cell, std::set<std::string>& out) {
    std::string token;
    for (std::size_t i = 0; i < cell.size();) {
        std::size_t sep = 0;
        for (const std::string_view s : {", ", " / ", "; ", " or "})
            if (cell.substr(i, s.size()) == s) sep = s.size();
        if (sep == 0) {
            token.push_back(cell[i++]);
            continue;
        }
        if (!token.empty()) out.insert(token);
        token.clear();
        i += sep;
    }
    if (!token.empty()) out.insert(token);
}

/// The keys in the first column of the Markdown table headed `header` in `file`.
std::set<std::string> markdown_key_table(const std::string& file, const std::string& header) {
    std::ifstream in(std::string(BOARDSCAPE_SOURCE_DIR) + "/" + file);
    std::set<std::string> keys;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line == header) {
            inside = true;
            continue;
        }
        if (!inside || line.rfind("|---", 0) == 0) continue;
        if (line.empty() || line[0] != '|') break;
        add_key_tokens(line.substr(2, line.find(" |", 2) - 2), keys);
    }
    return keys;
}

}  // namespace

TEST_CASE("Help > Keys, README and docs/viewer.md list the same keys, every key the viewer acts on") {
    const std::set<std::string> expected = {
        "1\xE2\x80\x93" "4", "0", "S", "5", "M", "W", "+", "\xE2\x88\x92", "A", "\xE2\x86\x90", "\xE2\x86\x92",
        "F", "/", "C", "Esc", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+N", "Ctrl+O", "Ctrl+S",
        "Ctrl+Shift+S", "Ctrl+E", "Ctrl+Shift+E", "Ctrl+Q"};
    std::set<std::string> help;
    for (const KeyHelp& k : key_help()) add_key_tokens(k.keys, help);
    CHECK(help == expected);
    CHECK(markdown_key_table("README.md", "| key | action |") == expected);
    CHECK(markdown_key_table("docs/viewer.md", "| Key | Action |") == expected);

    // Every key handle_key acts on (its character literals) is in the table: a Ctrl letter as
    // "Ctrl+X", a plain one as itself; digits, '=' and '-' as the table writes them.
    std::ifstream in(std::string(BOARDSCAPE_SOURCE_DIR) + "/viewer/app/app_menus.cpp");
    const std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto begin = src.find("void App::handle_key(");
    const auto plain = src.find("const Overlay by_digit", begin);
    const auto end = src.find("\n}\n", plain);
    REQUIRE(begin != std::string::npos);
    REQUIRE(plain != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::size_t literals = 0;
    for (std::size_t at = src.find("'", begin); at < end; at = src.find("'", at + 3)) {
        const char c = src[at + 1];
        REQUIRE(src[at + 2] == '\'');
        ++literals;
        std::string key(1, c);
        if (at < plain) key = "Ctrl+" + key;
        else if (c >= '1' && c <= '4') key = "1\xE2\x80\x93" "4";
        else if (c == '=') key = "+";
        else if (c == '-') key = "\xE2\x88\x92";
        CAPTURE(key);
        CHECK(expected.count(key) == 1);
    }
    CHECK(literals == 19);  // Z Y O S E Q N; '0' '5' '0' W = - A S M F C /
}

TEST_CASE("file browser: a writing mode adds its extension and refuses another one") {
    using viewer::BrowseMode;
    using viewer::choose_path;
    auto png = choose_path(BrowseMode::export_png, "out/map");
    CHECK(png.error.empty());
    CHECK(png.path == std::filesystem::path("out/map.png"));
    auto jpg = choose_path(BrowseMode::export_png, "out/map.jpg");
    CHECK(jpg.error == "'map.jpg' must end in .png (this writes a PNG file): try 'map.png'.");
    CHECK(choose_path(BrowseMode::save_as, "tees").path == std::filesystem::path("tees.json"));
    CHECK(choose_path(BrowseMode::export_xlsx_report, "load.csv").error.find("must end in .xlsx") !=
          std::string::npos);
    CHECK(choose_path(BrowseMode::export_csv, "LOAD.CSV").error.empty());
    CHECK(choose_path(BrowseMode::export_csv, "load.txt").error.find("must end in .csv") != std::string::npos);
    // Reading modes and the CSV folder take the path as typed.
    CHECK(choose_path(BrowseMode::open, "notes.txt").path == std::filesystem::path("notes.txt"));
    CHECK(choose_path(BrowseMode::export_csv_folder, "tees-csv").path == std::filesystem::path("tees-csv"));
    CHECK(choose_path(BrowseMode::open, "dir/").error == "Choose a file name.");
    // A dot in a name is not an extension unless it names a file type.
    CHECK(choose_path(BrowseMode::save_as, "St. Helens scenario").path == std::filesystem::path("St. Helens scenario.json"));
    CHECK(choose_path(BrowseMode::save_as, "leeds.v2").path == std::filesystem::path("leeds.v2.json"));
    CHECK(choose_path(BrowseMode::export_png, " out/map.png ").path == std::filesystem::path("out/map.png"));
    CHECK(choose_path(BrowseMode::export_png, "out/.png").error == "Choose a file name.");
    CHECK(choose_path(BrowseMode::export_csv_folder, "out/").error == "Choose a folder name.");
    CHECK(viewer::lower_extension("MAP.PNG") == ".png");
}
