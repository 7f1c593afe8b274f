// End to end (needs Xvfb and xdotool: run under xvfb-run): the real viewer window driven by
// synthetic X input — click a board, press 2, press W; and the editing cycle: drag a person onto
// a board, undo, redo, add a board through Ctrl+N, save, the quit prompt, reload — checked
// through the state file the viewer writes with --state-out and the saved file itself;
// anonymise as a lock: after A, every saved view of the 2015 landscape names no one; and an
// XLSX report exported through the keyboard and read back with unzip.
#include "../person_identifiers.hpp"
#include "boardscape/dataset_json.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

using boardscape::BoardKind;
using boardscape::Dataset;
using boardscape::backup_path;
using boardscape::load_dataset_file;

namespace {

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string run_output(const std::string& cmd) {
    std::string out;
    if (FILE* f = popen(cmd.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, f)) out += buf;
        pclose(f);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

/// Polls the state file until `pred` holds (or about `seconds` pass); returns the last state.
nlohmann::json wait_for(const std::filesystem::path& state, const std::function<bool(const nlohmann::json&)>& pred,
                        double seconds) {
    nlohmann::json j;
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        const std::string text = read_text(state);
        if (!text.empty()) {
            j = nlohmann::json::parse(text, nullptr, false);
            if (!j.is_discarded() && pred(j)) return j;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return j;
}


/// One running viewer on `file`, driven with xdotool; quits (or is killed) when destroyed.
class Viewer {
public:
    Viewer(const std::filesystem::path& dir, const std::filesystem::path& file, const std::string& tag)
        : m_state(dir / ("state-" + tag + ".json")), m_log(dir / ("viewer-" + tag + ".log")) {
        const auto pidfile = dir / ("viewer-" + tag + ".pid");
        // HOME and XDG_CONFIG_HOME point into the temp folder so the real user's recent-files
        // list is untouched.
        const std::string launch = "HOME=\"" + dir.string() + "\" XDG_CONFIG_HOME=\"" + (dir / "config").string() +
                                   "\" \"" + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" +
                                   file.string() + "\" --size 1280x800 --state-out \"" + m_state.string() +
                                   "\" >\"" + m_log.string() + "\" 2>&1 & echo $! >\"" + pidfile.string() + "\"";
        REQUIRE(std::system(launch.c_str()) == 0);
        m_pid = run_output("cat \"" + pidfile.string() + "\"");
        REQUIRE_FALSE(m_pid.empty());
    }
    ~Viewer() {
        if (running()) std::system(("kill " + m_pid + " 2>/dev/null").c_str());
    }
    /// The window's title as the window manager sees it.
    std::string title() const { return run_output("xdotool getwindowname " + m_wid); }
    /// Waits until a text field has the keyboard (typed keys then go to it, not to shortcuts).
    bool typing_ready() const {
        return until([](const nlohmann::json& j) { return j.value("text_input", false); })
            .value("text_input", false);
    }
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    /// Waits for a converged layout showing `node`, then finds the window.
    nlohmann::json ready(const std::string& node) {
        const auto j = wait_for(
            m_state, [&](const nlohmann::json& s) { return s.value("layout_converged", false) && s["nodes"].contains(node); },
            30);
        REQUIRE_MESSAGE(j.is_object(), read_text(m_log));
        REQUIRE_MESSAGE(j["nodes"].contains(node), read_text(m_log));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the auto-fit settle
        m_wid = run_output("xdotool search --sync --onlyvisible --pid " + m_pid + " --name 'Boardscape' | head -n 1");
        REQUIRE_FALSE(m_wid.empty());
        std::system(("xdotool windowfocus --sync " + m_wid + " 2>/dev/null").c_str());
        return state();
    }
    nlohmann::json state() const { return wait_for(m_state, [](const nlohmann::json&) { return true; }, 1); }
    nlohmann::json until(const std::function<bool(const nlohmann::json&)>& pred, double seconds = 10) const {
        return wait_for(m_state, pred, seconds);
    }
    /// Where node `id` is drawn (window pixels), once the layout has stopped moving.
    std::pair<int, int> at(const std::string& id) const {
        until([](const nlohmann::json& j) { return j.value("layout_converged", false); });
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const auto s = state();
        REQUIRE(s["nodes"].contains(id));
        return {static_cast<int>(s["nodes"][id][0].get<double>()), static_cast<int>(s["nodes"][id][1].get<double>())};
    }
    /// Runs "xdotool ARGS" against the window ("key ctrl+z", "type Name").
    /// xdotool opens the display anew each time, and a busy Xvfb can refuse a connection for a
    /// moment ("Can't open display"): retry then, when nothing has been sent yet.
    void xdo(const std::string& args) const {
        int rc = 0;
        for (int attempt = 0; attempt < 4; ++attempt) {
            const std::string out = run_output("xdotool " + args + " 2>&1; echo \"rc=$?\"");
            rc = out.find("rc=0") != std::string::npos ? 0 : 1;
            if (rc == 0 || out.find("Can't open display") == std::string::npos) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        const std::string what = "xdotool " + args;
        CHECK_MESSAGE(rc == 0, what);
    }
    void key(const std::string& keys) const { xdo("key --window " + m_wid + " " + keys); }
    /// A key that should close the window: the window can be gone before xdotool sends the
    /// key-up, which xdotool reports as a failure, so only exits() judges the outcome.
    void closing_key(const std::string& keys) const {
        std::system(("xdotool key --window " + m_wid + " " + keys + " >/dev/null 2>&1").c_str());
    }
    /// Moves the pointer to `p` (window pixels) without clicking.
    void move_to(std::pair<int, int> p) const {
        xdo("mousemove --window " + m_wid + " " + std::to_string(p.first) + " " + std::to_string(p.second));
    }
    void click(std::pair<int, int> p) const {
        xdo("mousemove --window " + m_wid + " " + std::to_string(p.first) + " " + std::to_string(p.second) +
            " sleep 0.3 click 1");
    }
    /// Presses on `from` and moves in steps to `to` (the button stays down).
    void press_and_move(std::pair<int, int> from, std::pair<int, int> to) const {
        std::string cmd = "mousemove --window " + m_wid + " " + std::to_string(from.first) + " " +
                          std::to_string(from.second) + " sleep 0.3 mousedown 1 sleep 0.2";
        for (int step = 1; step <= 4; ++step) {
            const int x = from.first + (to.first - from.first) * step / 4;
            const int y = from.second + (to.second - from.second) * step / 4;
            cmd += " mousemove --window " + m_wid + " " + std::to_string(x) + " " + std::to_string(y) + " sleep 0.15";
        }
        xdo(cmd);
    }
    void release() const {
        xdo("sleep 0.3 mouseup 1 sleep 0.2 mousemove --window " + m_wid + " 5 5");
    }
    /// Drags node `from` to the point `to` and lets go there.
    void drag(const std::string& from, std::pair<int, int> to) const {
        press_and_move(at(from), to);
        release();
    }
    /// Drags node `from` onto node `to`. The map may shift a little while a node is dragged,
    /// so the release follows where `to` is drawn by then, as a user's eye would.
    void drag_onto(const std::string& from, const std::string& to) const {
        press_and_move(at(from), at(to));
        for (int i = 0; i < 2; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            const auto s = state();
            const auto x = static_cast<int>(s["nodes"][to][0].get<double>());
            const auto y = static_cast<int>(s["nodes"][to][1].get<double>());
            xdo("mousemove --window " + m_wid + " " + std::to_string(x) + " " + std::to_string(y));
        }
        release();
    }
    /// True while the process exists and is not a zombie (its parent shell is gone, and a
    /// container's PID 1 may never reap it).
    bool running() const {
        if (m_pid.empty()) return false;
        std::ifstream stat("/proc/" + m_pid + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        const auto close = text.rfind(')');
        return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
    }
    /// Waits up to `seconds` for the process to end by itself.
    bool exits(double seconds) const {
        for (int i = 0; i < static_cast<int>(seconds * 10); ++i) {
            if (!running()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return !running();
    }

private:
    std::filesystem::path m_state;
    std::filesystem::path m_log;
    std::string m_pid;
    std::string m_wid;
};

bool have_x_tools() {
    if (std::system("command -v xdotool >/dev/null 2>&1") == 0 && std::getenv("DISPLAY")) return true;
    MESSAGE("xdotool or DISPLAY missing; run under xvfb-run with xdotool installed");
    return false;
}

}  // namespace

TEST_SUITE("end-to-end") {

TEST_CASE("click a board, press 2, press W in the real window") {
    if (std::system("command -v xdotool >/dev/null 2>&1") != 0 || !std::getenv("DISPLAY")) {
        MESSAGE("xdotool or DISPLAY missing; run under xvfb-run with xdotool installed");
        REQUIRE(false);
    }
    const auto dir = std::filesystem::temp_directory_path() / ("boardscape-e2e-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto json = dir / "small.json";
    {
        std::ofstream out(json);
        out << viewer_test::small_landscape_json;
    }
    const auto state = dir / "state.json";
    const auto pidfile = dir / "viewer.pid";
    // HOME and XDG_CONFIG_HOME point into the temp folder so the real user's recent-files list
    // is untouched.
    const std::string launch = "HOME=\"" + dir.string() + "\" XDG_CONFIG_HOME=\"" + (dir / "config").string() +
                               "\" \"" + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" +
                               json.string() + "\" --size 1280x800 --state-out \"" + state.string() +
                               "\" >\"" + (dir / "viewer.log").string() + "\" 2>&1 & echo $! >\"" +
                               pidfile.string() + "\"";
    REQUIRE(std::system(launch.c_str()) == 0);
    const std::string pid = run_output("cat \"" + pidfile.string() + "\"");
    REQUIRE_FALSE(pid.empty());

    const auto ready = wait_for(
        state, [](const nlohmann::json& j) { return j.value("layout_converged", false) && j["nodes"].contains("lscb"); },
        30);
    REQUIRE_MESSAGE(ready.is_object(), read_text(dir / "viewer.log"));
    REQUIRE(ready["nodes"].contains("lscb"));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the auto-fit settle
    const auto settled = wait_for(state, [](const nlohmann::json&) { return true; }, 1);
    const double x = settled["nodes"]["lscb"][0].get<double>();
    const double y = settled["nodes"]["lscb"][1].get<double>();

    const std::string wid = run_output("xdotool search --sync --onlyvisible --name 'Boardscape' | head -n 1");
    REQUIRE_FALSE(wid.empty());
    std::system(("xdotool windowfocus --sync " + wid + " 2>/dev/null").c_str());
    const std::string click = "xdotool mousemove --window " + wid + " " + std::to_string(static_cast<int>(x)) + " " +
                              std::to_string(static_cast<int>(y)) + " sleep 0.3 click 1";
    CHECK(std::system(click.c_str()) == 0);
    auto s = wait_for(state, [](const nlohmann::json& j) { return j["selected"] == "lscb"; }, 10);
    CHECK(s["selected"] == "lscb");

    // Move the pointer off the map so no hover changes anything, then the keys.
    std::system(("xdotool mousemove --window " + wid + " 5 5").c_str());
    CHECK(std::system(("xdotool key --window " + wid + " 2").c_str()) == 0);
    s = wait_for(state, [](const nlohmann::json& j) { return j["overlay"] == "boundaries"; }, 10);
    CHECK(s["overlay"] == "boundaries");

    CHECK(std::system(("xdotool key --window " + wid + " w").c_str()) == 0);
    // The font atlas is rebuilt at the start of the next frame: wait for both.
    s = wait_for(
        state, [](const nlohmann::json& j) { return j["workshop"] == true && j["text_scale"].get<double>() > 1.4; },
        10);
    CHECK(s["workshop"] == true);
    CHECK(s["text_scale"].get<double>() == doctest::Approx(1.5));
    CHECK(s["selected"] == "lscb");  // the selection survives the mode switch

    // Quit through the keyboard; kill only if it does not go.
    std::system(("xdotool key --window " + wid + " ctrl+q").c_str());
    bool exited = false;
    for (int i = 0; i < 50 && !exited; ++i) {
        exited = std::system(("kill -0 " + pid + " 2>/dev/null").c_str()) != 0;
        if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!exited) std::system(("kill " + pid).c_str());
    CHECK(exited);
    std::filesystem::remove_all(dir);
}

TEST_CASE("edit, undo, redo, add, save, quit prompt and reload in the real window") {
    REQUIRE(have_x_tools());
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / ("boardscape-e2e-edit-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto file = dir / "small.json";
    {
        std::ofstream out(file);
        out << viewer_test::small_landscape_json;
    }
    const auto memberships = [](const nlohmann::json& j) { return j["counts"]["memberships"].get<int>(); };
    {
        Viewer v(dir, file, "first");
        auto s = v.ready("dave");
        REQUIRE(s["nodes"].contains("hwb"));
        CHECK(memberships(s) == 7);
        CHECK(s["unsaved"] == false);

        // Drag Dave (only on the audit group) onto the Health and Wellbeing Board: he joins it.
        v.drag_onto("dave", "hwb");
        s = v.until([&](const nlohmann::json& j) { return memberships(j) == 8; });
        CHECK(memberships(s) == 8);
        CHECK(s["undo"] == "add membership");
        CHECK(s["unsaved"] == true);
        CHECK(s["title"].get<std::string>().find("small.json *") != std::string::npos);

        v.key("ctrl+z");
        s = v.until([&](const nlohmann::json& j) { return memberships(j) == 7; });
        CHECK(memberships(s) == 7);
        CHECK(s["unsaved"] == false);  // back where the file is
        CHECK(s["redo"] == "add membership");

        v.key("ctrl+shift+z");
        s = v.until([&](const nlohmann::json& j) { return memberships(j) == 8; });
        CHECK(memberships(s) == 8);
        CHECK(s["unsaved"] == true);

        // A new board like the selected LSCB, named by typing, added with Enter.
        v.click(v.at("lscb"));
        s = v.until([](const nlohmann::json& j) { return j["selected"] == "lscb"; });
        REQUIRE(s["selected"] == "lscb");
        v.key("ctrl+n");
        s = v.until([](const nlohmann::json& j) { return j["new_entity_open"] == true; });
        REQUIRE(s["new_entity_open"] == true);
        REQUIRE(v.typing_ready());  // the name field has the keyboard
        v.xdo("type --delay 40 'Shire Audit Board'");
        v.key("Return");
        s = v.until([](const nlohmann::json& j) { return j["counts"]["boards"] == 5; });
        CHECK_MESSAGE(s["counts"]["boards"] == 5, s.dump());
        CHECK(s["selected"] == "board-shire-audit-board");
        CHECK(s["undo"] == "add board");
        CHECK(s["new_entity_open"] == false);

        v.key("ctrl+s");
        s = v.until([](const nlohmann::json& j) { return j["unsaved"] == false; });
        CHECK(s["unsaved"] == false);
        const Dataset saved = load_dataset_file(file).dataset;
        REQUIRE(saved.memberships.size() == 8);
        CHECK(saved.memberships[7].person.str() == "dave");
        CHECK(saved.memberships[7].board.str() == "hwb");
        REQUIRE(saved.boards.size() == 5);
        CHECK(saved.boards[4].name == "Shire Audit Board");
        CHECK(saved.boards[4].kind == BoardKind::lscb);
        CHECK(saved.layout.positions.count("dave") == 1);
        // The version the save replaced is kept beside it.
        CHECK(read_text(backup_path(file)) == viewer_test::small_landscape_json);

        // Move a board (unsaved again), then quit: the prompt holds the window; Esc goes back.
        const auto hwb = v.at("hwb");
        v.drag("hwb", {hwb.first + 70, hwb.second + 40});
        s = v.until([](const nlohmann::json& j) { return j["unsaved"] == true; });
        CHECK(s["undo"] == "move node");
        v.key("ctrl+q");
        s = v.until([](const nlohmann::json& j) { return j["quit_prompt"] == true; });
        CHECK(s["quit_prompt"] == true);
        v.key("Escape");
        s = v.until([](const nlohmann::json& j) { return j["quit_prompt"] == false; });
        CHECK(s["quit_prompt"] == false);
        CHECK(v.running());
        // Quit again and choose Save (Enter): the move is written, then the window closes.
        v.key("ctrl+q");
        v.until([](const nlohmann::json& j) { return j["quit_prompt"] == true; });
        v.closing_key("Return");
        CHECK(v.exits(10));
        const Dataset quit_saved = load_dataset_file(file).dataset;
        CHECK(std::find(quit_saved.layout.pinned.begin(), quit_saved.layout.pinned.end(), "hwb") !=
              quit_saved.layout.pinned.end());
    }
    {
        // Reload: the saved edits are what the next session opens.
        Viewer v(dir, file, "second");
        auto s = v.ready("board-shire-audit-board");
        CHECK(memberships(s) == 8);
        CHECK(s["counts"]["boards"] == 5);
        CHECK(s["unsaved"] == false);
        CHECK(s["undo"] == "");
        v.closing_key("ctrl+q");  // nothing unsaved: no prompt
        CHECK(v.exits(10));
    }
    fs::remove_all(dir);
}

TEST_CASE("after A every saved view of the 2015 landscape names no one, stepping with right and left") {
    REQUIRE(have_x_tools());
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / ("boardscape-e2e-anon-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto file = dir / "landscape-2015.json";
    fs::copy_file(fs::path(BOARDSCAPE_SOURCE_DIR) / "datasets" / "landscape-2015.json", file);
    const Dataset d = load_dataset_file(file).dataset;
    const privacy_test::PersonIdentifiers people(d);
    REQUIRE(people.clash_with_entity_names(d) == "");
    const auto drawn = [](const nlohmann::json& j) {
        std::string text;
        for (const auto& l : j.value("drawn", nlohmann::json::array())) text += l.get<std::string>() + "\n";
        return text;
    };

    Viewer v(dir, file, "anon");
    auto s = v.ready("midshire-lscb");
    // Positive control: before A the state file (drawn text, tables) does name people.
    CHECK(people.leak(s.dump()) != "");
    REQUIRE(s["drawn"].size() > 10);

    v.key("a");
    s = v.until([&](const nlohmann::json& j) {
        return j.value("anonymise_locked", false) && drawn(j).find("Names hidden") != std::string::npos;
    });
    REQUIRE(s.value("anonymise_locked", false));

    // What one saved view shows: the state file (drawn text of the whole window: labels,
    // banners, legend, inspector, tables on screen; every table's cells; the title), the real
    // window title, and the tooltips of people under the pointer.
    int person_tooltips = 0;
    const auto check_view = [&](int index) {
        const std::string caption = "View " + std::to_string(index + 1) + " of 5";
        s = v.until([&](const nlohmann::json& j) {
            return j.value("view", -1) == index && drawn(j).find(caption) != std::string::npos;
        });
        CAPTURE(caption);
        REQUIRE(s.value("view", -1) == index);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // a few frames later too
        for (const auto& state : {s, v.state()}) {
            CHECK(state["anonymise"] == true);
            CHECK(state["anonymise_locked"] == true);
            CHECK(drawn(state).find("Names hidden") != std::string::npos);
            CHECK(state["tables"].size() == 6);
            CHECK_MESSAGE(people.leak(state.dump()) == "", state.dump().substr(0, 2000));
        }
        CHECK(people.leak(v.title()) == "");
        CHECK(v.title().find("landscape-2015.json") != std::string::npos);
        // Hover a few people: each tooltip names a pseudonym, never the person.
        const auto at = v.state()["people_at"];
        for (std::size_t k = 0; k < at.size() && k < 60; k += 12) {
            const int x = static_cast<int>(at[k][0].get<double>()), y = static_cast<int>(at[k][1].get<double>());
            v.move_to({x, y});
            const auto hovered = v.until(
                [&](const nlohmann::json& j) { return drawn(j).find("Click to select") != std::string::npos; }, 3);
            const std::string text = drawn(hovered);
            if (text.find("Click to select") == std::string::npos) continue;
            CHECK_MESSAGE(people.leak(hovered.dump()) == "", text);
            if (text.find(" rep ") != std::string::npos || text.find("Independent member") != std::string::npos)
                ++person_tooltips;
        }
        v.move_to({5, 5});
        v.until([&](const nlohmann::json& j) { return drawn(j).find("Click to select") == std::string::npos; }, 3);
    };
    for (int i = 0; i < 5; ++i) {
        v.key("Right");
        check_view(i);
    }
    for (int i = 3; i >= 0; --i) {
        v.key("Left");
        check_view(i);
    }
    CHECK(person_tooltips > 0);
    // The presenter's own A shows names again.
    v.key("a");
    s = v.until([&](const nlohmann::json& j) {
        return j["anonymise"] == false && drawn(j).find("Names hidden") == std::string::npos;
    });
    CHECK(people.leak(s.dump()) != "");
    CHECK(s["anonymise"] == false);
    CHECK(drawn(s).find("Names hidden") == std::string::npos);
    v.closing_key("ctrl+q");
    CHECK(v.exits(10));
    fs::remove_all(dir);
}

// File > Export > XLSX report in the real window: press 3 (load), Ctrl+Shift+E, accept the
// proposed path with Enter. The kind follows the overlay, the numbers are the library's, and
// the status line says what was written. Small landscape as of 2015-01-31, load by person:
// alice 34 h (lscb 6×3 + hwb 4×2 + csp-north 4×2) leads the people sheet (sheet 2, F2).
TEST_CASE("export an XLSX report from the real window: load overlay, Ctrl+Shift+E, Enter") {
    REQUIRE(have_x_tools());
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / ("boardscape-e2e-xlsx-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto file = dir / "small.json";
    {
        std::ofstream out(file);
        out << viewer_test::small_landscape_json;
    }
    Viewer v(dir, file, "xlsx");
    v.ready("lscb");
    v.move_to({5, 5});
    v.key("3");
    auto s = v.until([](const nlohmann::json& j) { return j["overlay"] == "load"; });
    CHECK(s["overlay"] == "load");
    v.key("ctrl+shift+e");
    REQUIRE(v.typing_ready());  // the browser's path field has the keyboard
    v.key("Return");
    s = v.until([](const nlohmann::json& j) { return j.value("status", std::string()).rfind("Wrote", 0) == 0; });
    CHECK(s["status"] == "Wrote small-load.xlsx (load report, 3 tables)");
    const auto xlsx = dir / "small-load.xlsx";
    REQUIRE(fs::is_regular_file(xlsx));
    const std::string sheet = run_output("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet2.xml");
    const auto f2 = sheet.find(R"(<c r="F2")");
    REQUIRE(f2 != std::string::npos);
    CHECK(sheet.substr(f2, sheet.find("</c>", f2) - f2).find("<v>34</v>") != std::string::npos);
    const std::string book = run_output("unzip -p '" + xlsx.string() + "' xl/workbook.xml");
    CHECK(book.find(R"(<sheet name="people")") != std::string::npos);
    v.closing_key("ctrl+q");
    CHECK(v.exits(10));
    fs::remove_all(dir);
}

}  // TEST_SUITE
