// End to end (needs Xvfb and xdotool: run under xvfb-run): the real viewer window driven by
// synthetic X input — click a board, press 2, press W — checked through the state file the
// viewer writes with --state-out.
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

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
    // HOME points at the temp folder so the recent-files list of the real user is untouched.
    const std::string launch = "HOME=\"" + dir.string() + "\" \"" + BOARDSCAPE_BIN_DIR + "/boardscape-viewer\" \"" +
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

}  // TEST_SUITE
