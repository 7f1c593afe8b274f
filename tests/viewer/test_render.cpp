// Render tests (need GL: run under xvfb-run): pixels of the offscreen path, and the text the
// viewer draws while anonymising.
#include "app/app.hpp"
#include "export/offscreen.hpp"
#include "fixture.hpp"
#include "platform/window.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <tuple>

using namespace boardscape;
using namespace boardscape::viewer;

namespace {

struct GlRig {
    GlfwLibrary glfw;
    Window window{64, 64, "render test", false};
    ImGuiContextScope context;
    ImGuiBackends backends{window, false};
    App app{options()};
    GlRig() {
        app.set_dataset(viewer_test::small_landscape(), "small.json");
        app.settle_layout();
    }
    static AppOptions options() {
        AppOptions o;
        o.threaded_layout = false;
        o.keyboard = false;
        o.remember_recent = false;
        return o;
    }
    Image render() {
        RenderOptions ro;
        ro.width = 1600;
        ro.height = 900;
        ro.frames = 4;
        return render_offscreen(app, ro);
    }
    std::uint32_t colour_at(const Image& img, const char* id) {
        const auto n = app.session().scene().find(id);
        REQUIRE(n);
        const auto p = app.canvas().drawn_position(*n);
        REQUIRE(p);
        return img.rgb(static_cast<int>(p->x), static_cast<int>(p->y));
    }
    std::string all_text() {
        std::string s;
        for (const auto& l : app.text_log().lines) s += l + "\n";
        return s;
    }
};

std::filesystem::path temp_dir() {
    auto d = std::filesystem::temp_directory_path() / ("boardscape-viewer-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
}

/// `"PATH"` for a shell command (built by appending: GCC 12 warns falsely (-Wrestrict) on
/// `"\"" + std::string&&`).
std::string quoted(const std::filesystem::path& p) {
    std::string s = "\"";
    s += p.string();
    s += '"';
    return s;
}

/// Runs boardscape-viewer with `args` (already quoted); returns its exit code and its stderr.
std::pair<int, std::string> run_viewer(const std::string& args) {
    const auto err = temp_dir() / "viewer.err";
    const std::string cmd = std::string("\"") + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" " + args + " 2>\"" +
                            err.string() + "\" >/dev/null";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(err);
    return {WEXITSTATUS(rc), std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
}

}  // namespace

TEST_SUITE("render") {

TEST_CASE("a selected board is drawn in its kind's colour where the canvas says it is") {
    GlRig rig;
    rig.app.apply_now(SelectEntity{std::string("lscb"), false});
    const Image img = rig.render();
    REQUIRE(img.width == 1600);
    REQUIRE(img.height == 900);
    CHECK(rig.colour_at(img, "lscb") == 0x0072B2u);  // Okabe–Ito blue: LSCB
    CHECK(rig.colour_at(img, "hwb") == 0x009E73u);   // bluish green: HWB
    CHECK(rig.colour_at(img, "csp-north") == 0xD55E00u);  // vermillion: CSP
    // The canvas background where nothing is drawn (bottom-left corner of the canvas).
    const UiLayout& l = rig.app.ui_layout();
    CHECK(img.rgb(static_cast<int>(l.canvas_min.x) + 2, static_cast<int>(l.canvas_max.y) - 2) == 0xFAFAF7u);
}

TEST_CASE("the boundaries overlay marks boards by their footprint against the agency, in ink") {
    // Ink, not a kind's hue: equal is a solid black disc, inside the agency's area a white disc
    // with a black dot, wider than the agency a black disc with a white dot. Sampled at the
    // centre and at 70% of the radius to the right.
    GlRig rig;
    rig.app.apply_now(SetOverlay{Overlay::boundaries});
    rig.app.apply_now(SelectEntity{std::string("police"), false});
    const Image img = rig.render();
    const auto off_centre = [&](const Image& im, const char* id) {
        const auto n = rig.app.session().scene().find(id);
        REQUIRE(n);
        const auto p = rig.app.canvas().drawn_position(*n);
        REQUIRE(p);
        const float r = rig.app.canvas().drawn_radius(*n);
        return im.rgb(static_cast<int>(p->x + 0.7f * r), static_cast<int>(p->y));
    };
    // Police covers the shire: shire boards are equal, the North CSP lies inside (agency wider).
    CHECK(rig.colour_at(img, "lscb") == 0x141414u);
    CHECK(off_centre(img, "lscb") == 0x141414u);
    // The police are no statutory partner of an HWB: equal, but faded towards the dimmed grey
    // (ink 20 → 225 at 78%: 0xB4B4B2).
    CHECK(rig.colour_at(img, "hwb") == 0xB4B4B2u);
    CHECK(rig.colour_at(img, "csp-north") == 0x141414u);
    CHECK(off_centre(img, "csp-north") == 0xFFFFFFu);
    rig.app.apply_now(SelectEntity{std::string("ccg"), false});
    const Image img2 = rig.render();
    // The CCG covers only the north: the shire boards are wider than it, the CSP is equal.
    CHECK(rig.colour_at(img2, "lscb") == 0xFFFFFFu);
    CHECK(off_centre(img2, "lscb") == 0x141414u);
    CHECK(rig.colour_at(img2, "csp-north") == 0x141414u);
    CHECK(off_centre(img2, "csp-north") == 0x141414u);
}

TEST_CASE("anonymised output names no one: labels, panels, tables and CSV") {
    GlRig rig;
    rig.app.text_log().enabled = true;
    // Positive control first: without anonymising, the capture does see the names.
    rig.app.apply_now(SelectEntity{std::string("lscb"), false});
    rig.render();
    CHECK(rig.all_text().find("Alice Archer") != std::string::npos);

    rig.app.apply_now(SetAnonymise{true});
    std::string seen;
    for (const char* id : {"lscb", "alice", "police", "dave"}) {
        rig.app.apply_now(SelectEntity{std::string(id), false});
        rig.render();
        seen += rig.all_text();
    }
    for (const char* overlay : {"overlap", "load", "boundaries", "representation"}) {
        rig.app.apply_now(SetOverlay{*parse_overlay(overlay)});
        rig.render();
        seen += rig.all_text();
    }
    CHECK(seen.find("Police rep 1") != std::string::npos);
    for (const char* name : viewer_test::person_names) CHECK_MESSAGE(seen.find(name) == std::string::npos, name);
    CHECK(seen.find("alice") == std::string::npos);  // ids carry names too

    const auto csv = temp_dir() / "people.csv";
    rig.app.apply_now(ExportCsv{csv});  // the current tab; every table is checked below
    CHECK(rig.app.status().rfind("Wrote people.csv (", 0) == 0);
    CHECK(rig.app.status().find(" rows)") != std::string::npos);
    for (const auto& t : rig.app.tables()) {
        const std::string text = to_csv(t);
        for (const char* name : viewer_test::person_names) CHECK_MESSAGE(text.find(name) == std::string::npos, t.name);
    }
    std::ifstream in(csv);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK_FALSE(ss.str().empty());
    for (const char* name : viewer_test::person_names) CHECK(ss.str().find(name) == std::string::npos);
}

TEST_CASE("--screenshot writes a PNG of the requested size and exits 0") {
    const auto dir = temp_dir();
    const auto json = dir / "small.json";
    {
        std::ofstream out(json);
        out << viewer_test::small_landscape_json;
    }
    const auto png = dir / "shot.png";
    std::filesystem::remove(png);
    const std::string cmd = std::string("\"") + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" + json.string() +
                            "\" --screenshot \"" + png.string() + "\" --size 800x600 --overlay load --anonymise";
    CHECK(std::system(cmd.c_str()) == 0);
    std::ifstream in(png, std::ios::binary);
    unsigned char h[24] = {};
    in.read(reinterpret_cast<char*>(h), 24);
    REQUIRE(in.good());
    CHECK(h[1] == 'P');
    CHECK(h[2] == 'N');
    CHECK(h[3] == 'G');
    const auto be32 = [&](int o) { return (h[o] << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]; };
    CHECK(be32(16) == 800);
    CHECK(be32(20) == 600);
    // A broken file: errors on stderr, exit 1, no crash.
    const auto bad = dir / "bad.json";
    {
        std::ofstream out(bad);
        out << "{\"format\": \"boardscape\", \"version\": 1, \"boards\": [{\"id\": \"x\"}]";
    }
    const std::string bad_cmd = std::string("\"") + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" + bad.string() +
                                "\" --screenshot \"" + (dir / "bad.png").string() + "\" 2>/dev/null";
    const int rc = std::system(bad_cmd.c_str());
    CHECK(WEXITSTATUS(rc) == 1);
    // --select of an id the map lacks: exit 1, no picture, and the closest id named.
    const auto err = dir / "select.err";
    const auto nopng = dir / "select.png";
    std::filesystem::remove(nopng);
    const std::string sel_cmd = std::string("\"") + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" + json.string() +
                                "\" --screenshot \"" + nopng.string() + "\" --select lsbc 2>\"" + err.string() + "\"";
    const int rc2 = std::system(sel_cmd.c_str());
    CHECK(WEXITSTATUS(rc2) == 1);
    CHECK_FALSE(std::filesystem::exists(nopng));
    std::ifstream e(err);
    const std::string text((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
    CHECK(text == "boardscape-viewer: error: --select: no entity with id 'lsbc' (did you mean 'lscb'?)\n");
}

TEST_CASE("--screenshot of a file with a leftover autosave draws no recovery dialog and keeps the autosave") {
    const auto dir = temp_dir();
    const auto json = dir / "autosaved.json";
    {
        std::ofstream out(json);
        out << viewer_test::small_landscape_json;
    }
    const auto recovery = App::recovery_path(json);
    {
        std::ofstream out(recovery);
        out << viewer_test::small_landscape_json;
    }
    const auto png = dir / "autosaved.png";
    const auto state = dir / "autosaved-state.json";
    std::filesystem::remove(png);
    std::filesystem::remove(state);
    const std::string cmd = std::string("\"") + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" + json.string() +
                            "\" --screenshot \"" + png.string() + "\" --size 640x480 --state-out \"" +
                            state.string() + "\"";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(std::filesystem::exists(png));
    std::ifstream in(state);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("\"recovery_offer\":false") != std::string::npos);
    CHECK(text.find("Recover unsaved changes") == std::string::npos);
    CHECK(text.find("autosaved changes") == std::string::npos);
    CHECK(std::filesystem::exists(recovery));  // the planner's autosave is left for the window
}

TEST_CASE("the viewer's command line: --merge errors in its own options, one line each, bad outputs say why") {
    const auto dir = temp_dir();
    const auto json = dir / "merge.json";
    {
        std::ofstream out(json);
        out << viewer_test::small_landscape_json;
    }
    const std::string file = quoted(json);
    const std::string png = " --screenshot \"" + (dir / "merge.png").string() + "\" --size 320x240";
    // hwb and csp-north differ in kind: the hint names --merge-kind, not the CLI's --kind.
    auto [rc, err] = run_viewer(file + " --merge hwb,csp-north" + png);
    CHECK(rc == 1);
    CHECK(err ==
          "boardscape-viewer: error: --merge: boards of different kinds: 'hwb' is hwb, 'csp-north' is csp "
          "(give --merge-kind KIND to merge them as one kind)\n");
    // With a kind but a used id: --merge-id.
    std::tie(rc, err) = run_viewer(file + " --merge hwb,csp-north --merge-kind csp --merge-id lscb" + png);
    CHECK(rc == 1);
    CHECK(err.rfind("boardscape-viewer: error: --merge: id 'lscb' is already used by ", 0) == 0);
    CHECK(err.ends_with("; choose another with --merge-id\n"));
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    // Both, with a cadence and a date: merged, exit 0.
    std::tie(rc, err) = run_viewer(file + " --merge hwb,csp-north --merge-kind csp --merge-id shire-csp --merge-cadence 6x2 "
                                          "--merge-date 2015-01-31" + png);
    CHECK(rc == 0);
    CHECK(err.empty());
    // --merge-name without --merge is a usage error, not silently ignored.
    std::tie(rc, err) = run_viewer(file + " --merge-name \"Shire CSP\"" + png);
    CHECK(rc == 2);
    CHECK(err.rfind("boardscape-viewer: error: --merge-name needs --merge ID,ID[,...] (the boards to merge)\n", 0) == 0);
    // A picture is a PNG: a .jpg name is refused before anything runs.
    const auto jpg = dir / "v.jpg";
    std::filesystem::remove(jpg);
    std::tie(rc, err) = run_viewer(file + " --screenshot \"" + jpg.string() + "\"");
    CHECK(rc == 2);
    CHECK(err.rfind("boardscape-viewer: error: --screenshot: '" + jpg.string() +
                        "' must end in .png (the viewer writes PNG pictures only)\n",
                    0) == 0);
    CHECK_FALSE(std::filesystem::exists(jpg));
    // An unwritable picture says why.
    std::tie(rc, err) = run_viewer(file + " --screenshot /nonexistent-boardscape/v.png --size 320x240");
    CHECK(rc == 1);
    CHECK(err.rfind("boardscape-viewer: error: cannot write /nonexistent-boardscape/v.png: ", 0) == 0);
    CHECK(err.find("No such file or directory") != std::string::npos);
    // A CSV file is not a dataset: the viewer says what to do with it.
    const auto csv = dir / "members.csv";
    {
        std::ofstream out(csv);
        out << "person,board,agency\nAlice Archer,lscb,police\n";
    }
    std::tie(rc, err) = run_viewer(quoted(csv) + png);
    CHECK(rc == 1);
    CHECK(err == "boardscape-viewer: could not open " + csv.string() + "\n  " + csv_file_message + "\n");
}

}  // TEST_SUITE
