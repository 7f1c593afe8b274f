// ImGui frames without GL: a real ImGui context with a built font atlas, the App's panels and
// canvas, and synthetic mouse and keyboard input through ImGuiIO. Nothing is rendered.
#include "app/app.hpp"
#include "fixture.hpp"
#include "frame_rig.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace boardscape;
using namespace boardscape::viewer;

namespace {

struct FrameRig : viewer_test::FrameDriver {
    explicit FrameRig(bool anonymise = false)
        : FrameDriver(options(), viewer_test::small_landscape(), "small.json") {
        if (anonymise) app.apply_now(SetAnonymise{true});
        frames(3);
    }
    static AppOptions options() {
        AppOptions o;
        o.threaded_layout = false;
        o.remember_recent = false;
        return o;
    }
    ScreenPoint where(const char* id) {
        const auto n = app.session().scene().find(id);
        REQUIRE(n);
        const auto p = app.canvas().drawn_position(*n);
        REQUIRE(p);
        return *p;
    }
};

}  // namespace

TEST_SUITE("viewer frames") {

TEST_CASE("on a sparse picture no label covers a node") {
    // 14 nodes: few enough that every marker is a landmark (Canvas::k_sparse_picture_nodes).
    // The police square is dragged to just right of the LSCB's disc, where the LSCB's name
    // would go first: the name must go to another side.
    FrameRig rig;
    const ScreenPoint lscb = rig.where("lscb");
    const float r = rig.app.canvas().drawn_radius(*rig.app.session().scene().find("lscb"));
    const WorldPoint to = rig.app.view().camera.to_world({lscb.x + r + 25, lscb.y});
    rig.app.apply_now(MoveNode{"police", to, true, true, std::nullopt, false});
    rig.frames(3);
    const ScreenPoint police = rig.where("police");
    CHECK(police.x == doctest::Approx(lscb.x + r + 25).epsilon(0.02));
    const auto boxes = rig.app.canvas().label_boxes();
    REQUIRE(boxes.size() >= 5);  // the boards and agencies at this zoom
    const auto& scene = rig.app.session().scene();
    for (const auto& [box, owner] : boxes)
        for (NodeIndex i = 0; i < scene.nodes.size(); ++i) {
            const auto p = rig.app.canvas().drawn_position(i);
            if (!p) continue;
            const float r = rig.app.canvas().drawn_radius(i);
            CAPTURE(scene.nodes[owner].id);
            CAPTURE(scene.nodes[i].id);
            CHECK_FALSE(box.overlaps(ScreenRect{p->x - r, p->y - r, p->x + r, p->y + r}));
        }
}

TEST_CASE("frames build without GL: panels, canvas, labels") {
    FrameRig rig;
    CHECK(ImGui::FindWindowByName("Filters") != nullptr);
    CHECK(ImGui::FindWindowByName("Inspector") != nullptr);
    CHECK(ImGui::FindWindowByName("Analysis") != nullptr);
    CHECK(ImGui::FindWindowByName("Legend") != nullptr);
    const CanvasStats& st = rig.app.canvas().stats();
    CHECK(st.nodes_drawn == 14);
    CHECK(st.edges_drawn >= 20);
    CHECK(st.labels_drawn > 0);
    CHECK(st.labels_drawn <= Canvas::max_labels);
    const ImDrawData* dd = ImGui::GetDrawData();
    REQUIRE(dd != nullptr);
    CHECK(dd->CmdListsCount > 0);
    CHECK(dd->TotalVtxCount > 0);
    // The canvas fills what the panels leave: left of the inspector, above the tables.
    const UiLayout& l = rig.app.ui_layout();
    CHECK(l.canvas_min.x > 0);
    CHECK(l.canvas_max.x < 1600);
    CHECK(l.canvas_max.y < 900);
}

TEST_CASE("a names-hidden badge is on the map exactly while anonymising, in workshop mode too") {
    FrameRig rig;
    rig.app.text_log().enabled = true;
    const auto badge = [&] {
        rig.frame();
        const auto& lines = rig.app.text_log().lines;
        return std::find(lines.begin(), lines.end(), "Names hidden") != lines.end();
    };
    CHECK_FALSE(badge());
    rig.key('A');
    CHECK(rig.app.view().anonymise_locked);
    CHECK(badge());
    rig.key('W');
    REQUIRE(rig.app.view().workshop.enabled);
    CHECK(badge());
    rig.key('A');
    CHECK_FALSE(rig.app.view().anonymise);
    CHECK_FALSE(badge());
}

TEST_CASE("a click selects the node under the cursor, keys switch overlay and workshop mode") {
    FrameRig rig;
    ImGuiIO& io = ImGui::GetIO();
    const ScreenPoint p = rig.where("lscb");
    io.MousePos = ImVec2(p.x, p.y);
    rig.frame();
    io.MouseDown[0] = true;
    rig.frame();
    io.MouseDown[0] = false;
    rig.frame();
    CHECK(rig.app.view().selected == std::optional<std::string>("lscb"));

    rig.key('2');
    CHECK(rig.app.view().overlay == Overlay::boundaries);
    rig.key('4');
    CHECK(rig.app.view().overlay == Overlay::representation);
    rig.key('0');
    CHECK(rig.app.view().overlay == Overlay::none);

    // Clicking empty canvas clears the selection.
    io.MousePos = ImVec2(rig.app.ui_layout().canvas_min.x + 3, rig.app.ui_layout().canvas_max.y - 3);
    rig.frame();
    io.MouseDown[0] = true;
    rig.frame();
    io.MouseDown[0] = false;
    rig.frame();
    CHECK_FALSE(rig.app.view().selected.has_value());

    rig.key('W');
    CHECK(rig.app.view().workshop.enabled);
    CHECK(ImGui::FindWindowByName("Filters")->Active == false);
    rig.key('A');
    CHECK(rig.app.view().anonymise);
}

TEST_CASE("workshop text is rasterised at the scaled size, not stretched") {
    FrameRig rig;
    CHECK(rig.app.fonts().scale() == doctest::Approx(1.0));
    CHECK(ImGui::GetFont()->FontSize == doctest::Approx(16.0));
    WorkshopSettings w;
    w.enabled = true;
    w.text_scale = 2.5f;
    rig.app.apply_now(SetWorkshop{w});
    rig.frame();
    CHECK(rig.app.fonts().scale() == doctest::Approx(2.5));
    CHECK(rig.app.fonts().from_ttf());
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(40.0));
    CHECK(ImGui::GetIO().FontGlobalScale == doctest::Approx(1.0));
    w.enabled = false;
    rig.app.apply_now(SetWorkshop{w});
    rig.frame();
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(16.0));
}

TEST_CASE("the wheel zooms about the cursor") {
    FrameRig rig;
    ImGuiIO& io = ImGui::GetIO();
    const ScreenPoint p = rig.where("hwb");
    // Near hwb; whole pixels, because ImGui floors the mouse position.
    const ScreenPoint q{std::floor(p.x) + 7, std::floor(p.y) + 5};
    io.MousePos = ImVec2(q.x, q.y);
    rig.frame();
    const Camera before = rig.app.view().camera;
    const WorldPoint under = before.to_world(q);
    io.MouseWheel = 1;
    rig.frame();
    io.MouseWheel = 0;
    rig.frame();
    const Camera after = rig.app.view().camera;
    CHECK(after.zoom == doctest::Approx(before.zoom * 1.18));
    const WorldPoint still = after.to_world(q);
    CHECK(still.x == doctest::Approx(under.x).epsilon(1e-4));
    CHECK(still.y == doctest::Approx(under.y).epsilon(1e-4));
}

TEST_CASE("dragging a node moves and pins it as one undo step") {
    FrameRig rig;
    ImGuiIO& io = ImGui::GetIO();
    const auto n = *rig.app.session().scene().find("csp-north");
    const WorldPoint start = rig.app.positions()[n];
    const ScreenPoint on = rig.where("csp-north");
    const ScreenPoint p{std::floor(on.x), std::floor(on.y)};  // ImGui floors the mouse position
    io.MousePos = ImVec2(p.x, p.y);
    rig.frame();
    io.MouseDown[0] = true;
    rig.frame();
    for (int k = 1; k <= 5; ++k) {
        io.MousePos = ImVec2(p.x + 12.0f * static_cast<float>(k), p.y + 6.0f * static_cast<float>(k));
        rig.frame();
    }
    io.MouseDown[0] = false;
    rig.frame();
    const Camera& cam = rig.app.view().camera;
    const WorldPoint target = cam.to_world({p.x + 60, p.y + 30});
    CHECK(rig.app.positions()[n].x == doctest::Approx(target.x).epsilon(1e-3));
    CHECK(rig.app.pinned()[n]);
    CHECK(rig.app.view().selected != std::optional<std::string>("csp-north"));  // a drag is not a click
    rig.app.apply_now(Undo{});
    CHECK(rig.app.positions()[n].x == doctest::Approx(start.x));
    CHECK_FALSE(rig.app.pinned()[n]);
    CHECK_FALSE(rig.app.history().can_undo());
}

TEST_CASE("Ctrl+N opens Add to the map from the selection, typing and Enter add the board") {
    FrameRig rig;
    ImGuiIO& io = ImGui::GetIO();
    rig.app.apply_now(SelectEntity{"csp-north", false});
    rig.frame();
    io.KeyCtrl = true;
    rig.key('N');
    io.KeyCtrl = false;
    const NewEntityPanel& panel = rig.app.new_entity_panel();
    REQUIRE(panel.visible);
    CHECK(panel.draft().type == EntityType::board);
    CHECK(panel.draft().kind == "csp");  // like the selected board
    CHECK(panel.draft().footprint == std::vector<std::string>{"north"});
    CHECK(ImGui::FindWindowByName("Add to the map") != nullptr);

    // The name field has the keyboard focus: type into it. An empty name is refused first.
    rig.frame();
    io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_Enter)] = true;
    rig.frame();
    io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_Enter)] = false;
    rig.frame();
    CHECK(rig.app.session().dataset().boards.size() == 4);
    rig.frame();  // the name field takes the keyboard focus back
    for (const char c : std::string("South CSP")) {
        io.AddInputCharacter(static_cast<unsigned>(c));
        rig.frame();
    }
    CHECK(panel.draft().name == "South CSP");
    io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_Enter)] = true;
    rig.frame();
    io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_Enter)] = false;
    rig.frame();

    const Dataset& d = rig.app.session().dataset();
    REQUIRE(d.boards.size() == 5);
    CHECK(d.boards[4].id.str() == "board-south-csp");
    CHECK(d.boards[4].name == "South CSP");
    CHECK(d.boards[4].kind == BoardKind::csp);
    CHECK_FALSE(panel.visible);
    CHECK(rig.app.view().selected == std::optional<std::string>("board-south-csp"));
    CHECK(rig.app.canvas().drawn_position(*rig.app.session().scene().find("board-south-csp")).has_value());
    REQUIRE(rig.app.history().next_undo());
    CHECK(describe(*rig.app.history().next_undo()) == "add board");
    rig.app.apply_now(Undo{});
    CHECK(rig.app.session().dataset().boards.size() == 4);
}

TEST_CASE("Add person: the Agency list opens on one click and a Tab keeps the typed name") {
    FrameRig rig;
    ImGuiIO& io = ImGui::GetIO();
    rig.app.open_new_entity(EntityType::person);
    for (int i = 0; i < 3; ++i) rig.frame();
    const NewEntityPanel& panel = rig.app.new_entity_panel();
    REQUIRE(panel.visible);
    for (const char c : std::string("Erin Example")) {
        io.AddInputCharacter(static_cast<unsigned>(c));
        rig.frame();
    }
    REQUIRE(panel.draft().name == "Erin Example");
    // Tab moves to the next field: the name stays.
    rig.key(ImGui::GetKeyIndex(ImGuiKey_Tab));
    rig.frame();
    CHECK(panel.draft().name == "Erin Example");
    rig.key(ImGui::GetKeyIndex(ImGuiKey_Tab));
    rig.frame();
    CHECK(panel.draft().name == "Erin Example");

    // Find the Agency combo by hovering over the window, then click it once.
    ImGuiWindow* w = ImGui::FindWindowByName("Add to the map");
    REQUIRE(w != nullptr);
    const ImGuiID combo = w->GetID("Agency");
    std::optional<ImVec2> at;
    for (float y = w->Pos.y + 4; y < w->Pos.y + w->Size.y && !at; y += 6)
        for (float x = w->Pos.x + 4; x < w->Pos.x + w->Size.x && !at; x += 12) {
            io.MousePos = ImVec2(x, y);
            rig.frame();
            if (GImGui->HoveredIdPreviousFrame == combo) at = ImVec2(x, y);
        }
    REQUIRE(at);
    io.MousePos = *at;
    rig.frame();
    io.MouseDown[0] = true;
    rig.frame();
    io.MouseDown[0] = false;
    rig.frame();
    rig.frame();
    // The list is open (a radio button labelled "Agency" shared its ImGui ID and took the click).
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    CHECK(panel.draft().type == EntityType::person);
    CHECK(panel.draft().name == "Erin Example");
}

}  // TEST_SUITE
