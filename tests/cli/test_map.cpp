// End-to-end: `boardscape map` on the bundled national file and its errors (exit codes and
// messages of DESIGN §5).
#include "run_cli.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace cli_test;
using nlohmann::json;

namespace {

std::string dataset(const char* name) {
    return (std::filesystem::path(BOARDSCAPE_SOURCE_DIR) / "datasets" / name).string();
}

}  // namespace

TEST_CASE("map --format json on england-2024: 296 districts, one police force per district") {
    const RunResult r = run_boardscape({"map", dataset("england-2024.json"), "--fill", "police", "--borders",
                                        "health_commissioner", "--format", "json", "-o", "-"});
    REQUIRE(r.exit_code == 0);
    const json j = json::parse(r.out);
    CHECK(j["layout"] == "lad23");
    CHECK(j["cells"] == 296);
    CHECK(j["fill"]["layer"] == "police");
    CHECK(j["fill"]["regions"] == 39);  // every force in England, the City of London's included
    CHECK(j["fill"]["split_cells"] == 0);
    CHECK(j["borders"]["regions"] == 42);  // the ICBs
    CHECK(j["hexes"].size() == 296);
    // Every region listed holds cells, sorted by id.
    std::string last;
    for (const auto& reg : j["regions"]) {
        CHECK(reg["cells"].get<int>() > 0);
        CHECK(reg["id"].get<std::string>() >= last);
        last = reg["id"].get<std::string>();
    }
}

TEST_CASE("map writes an SVG with one polygon per cell, and errors say what to do") {
    TempDir dir;
    const std::string out = dir.file("map.svg");
    RunResult r = run_boardscape({"map", dataset("england-2015.json"), "--fill", "lscb", "--borders", "police",
                                  "-o", out});
    REQUIRE(r.exit_code == 0);
    const std::string svg = read_file(out);
    std::size_t cells = 0;
    for (std::size_t at = 0; (at = svg.find("<polygon class=\"cell\"", at)) != std::string::npos; ++at) ++cells;
    CHECK(cells == 326);  // the 2015 layout
    CHECK(svg.rfind("</svg>\n") == svg.size() - 7);

    r = run_boardscape({"map", dataset("england-2024.json"), "--fill", "polce", "-o", out});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown layer 'polce' (did you mean 'police'?)") != std::string::npos);

    r = run_boardscape({"map", dataset("england-2024.json"), "--fill", "lscp", "--agency", "police-thames-valey",
                        "-o", out});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no agency with id 'police-thames-valey'; did you mean 'police-thames-valley'?") !=
          std::string::npos);

    r = run_boardscape({"map", dataset("landscape-2015.json"), "--fill", "lscb", "-o", dir.file("none.svg")});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("has no map") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("none.svg")));

    r = run_boardscape({"map", dataset("england-2024.json"), "-o", out});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("missing option '--fill LAYER'") != std::string::npos);
}
