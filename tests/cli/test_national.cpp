// End-to-end: `boardscape import-ons` on hand-made lookups (good and broken) and `boardscape
// extract` on its output; exit codes and the FILE:LINE:COL error form.
#include "run_cli.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cli_test;
using nlohmann::json;

namespace {

// Shire (county: Alpha, Beta) and Gamma (unitary); one police force; North ICB = Alpha + Gamma
// by majority of LSOAs, South ICB = Beta.
const char* k_tiers =
    "LTLA23CD,LTLA23NM,UTLA23CD,UTLA23NM\r\n"
    "E07000001,Alpha,E10000001,Shire\r\n"
    "E07000002,Beta,E10000001,Shire\r\n"
    "E06000001,Gamma,E06000001,Gamma\r\n";
const char* k_csp =
    "\"ltla24_code\",\"ltla24_name\",\"csp24_code\",\"csp24_name\",\"pfa24_code\",\"pfa24_name\"\n"
    "\"E07000001\",\"Alpha\",\"E22000001\",\"Shire South\",\"E23000001\",\"Shire Valley\"\n"
    "\"E07000002\",\"Beta\",\"E22000001\",\"Shire South\",\"E23000001\",\"Shire Valley\"\n"
    "\"E06000001\",\"Gamma\",\"E22000002\",\"Gamma\",\"E23000001\",\"Shire Valley\"\n";
const char* k_health =
    "lad24_code,lad24_name,icb24_code,icb24_name,lsoa21_count,lad_lsoa21_total\n"
    "E07000001,Alpha,E54000001,NHS North Integrated Care Board,60,100\n"
    "E07000001,Alpha,E54000002,NHS South Integrated Care Board,40,100\n"
    "E07000002,Beta,E54000002,NHS South Integrated Care Board,50,50\n"
    "E06000001,Gamma,E54000001,NHS North Integrated Care Board,30,30\n";

}  // namespace

TEST_CASE("import-ons builds a valid file from a folder of lookups") {
    TempDir dir;
    (void)dir.write("tiers.csv", k_tiers);
    (void)dir.write("csp.csv", k_csp);
    (void)dir.write("health.csv", k_health);
    const std::string out = dir.file("out.json");
    const RunResult r =
        run_boardscape({"import-ons", "--year", "2024", "--reference", dir.path().string(), "-o", out});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "4 areas, 8 boards"));
    CHECK(run_boardscape({"validate", out}).exit_code == 0);

    // The planner's question: North ICB attends 2 lscp + 2 hwb + 2 sab (6 a year) and 2 CSPs
    // (4 a year) = 44 meetings; it straddles Shire's boards with 100 of Shire's 150 LSOAs.
    const RunResult b = run_boardscape({"report", "boundaries", out, "--format", "json"});
    REQUIRE(b.exit_code == 0);
    const json j = json::parse(b.out);
    bool seen = false;
    for (const auto& a : j.at("agencies")) {
        if (a.at("id") != "icb-north") continue;
        seen = true;
        CHECK(a.at("meetings_to_attend") == 44);
        CHECK(a.at("boards_to_attend").at("csp") == 2);
        for (const auto& rel : a.at("relations"))
            if (rel.at("board") == "lscp-shire") {
                CHECK(rel.at("relation") == "straddles");
                CHECK(rel.at("overlap_share").get<double>() == doctest::Approx(100.0 / 150.0));
            }
    }
    CHECK(seen);

    // Extract around Beta: Shire's boards, the Shire South CSP, Beta's council, the force, South
    // ICB; with depth 0 nothing of Gamma's.
    const std::string ex = dir.file("beta.json");
    const RunResult e = run_boardscape({"extract", out, "--area", "Beta", "--depth", "0", "-o", ex});
    INFO("stderr: " << e.err);
    REQUIRE(e.exit_code == 0);
    const json x = json::parse(read_file(ex));
    std::vector<std::string> boards;
    for (const auto& bd : x.at("boards")) boards.push_back(bd.at("id"));
    CHECK(boards == std::vector<std::string>{"lscp-shire", "hwb-shire", "sab-shire", "csp-shire-south"});
    CHECK(run_boardscape({"validate", ex}).exit_code == 0);

    // An agency stands for its footprint: the South ICB is Beta, so the same four boards.
    const std::string icb = dir.file("icb.json");
    const RunResult a = run_boardscape({"extract", out, "--area", "NHS South Integrated Care Board", "--depth", "0",
                                        "-o", icb});
    INFO("stderr: " << a.err);
    REQUIRE(a.exit_code == 0);
    CHECK(a.err.find("NHS South Integrated Care Board area (depth 0)") != std::string::npos);
    CHECK(a.err.find("kept 4 boards, ") != std::string::npos);
    const json y = json::parse(read_file(icb));
    boards.clear();
    for (const auto& bd : y.at("boards")) boards.push_back(bd.at("id"));
    CHECK(boards == std::vector<std::string>{"lscp-shire", "hwb-shire", "sab-shire", "csp-shire-south"});
    CHECK(y.at("meta").at("title").get<std::string>().ends_with("extract: NHS South Integrated Care Board area"));
    // Neither an area nor an agency: exit 1, saying both were tried.
    const RunResult none = run_boardscape({"extract", out, "--area", "Nowhere Police", "-o", dir.file("n.json")});
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("nor is it an agency's id or name") != std::string::npos);
}

TEST_CASE("import-ons reports input errors as FILE:LINE:COL and usage errors with exit 2") {
    TempDir dir;
    const std::string tiers = dir.write("tiers.csv", k_tiers);
    const std::string csp = dir.write("csp.csv", k_csp);
    std::string bad = k_health;
    bad.replace(bad.find("E07000002"), 9, "E07000777");
    const std::string health = dir.write("health.csv", bad);
    const RunResult r = run_boardscape(
        {"import-ons", "--year", "2024", "--tiers", tiers, "--csp", csp, "--health", health, "-o", dir.file("o.json")});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, health + ":4:1: error: unknown district code 'E07000777'"));

    CHECK(run_boardscape({"import-ons", "--reference", dir.path().string(), "-o", dir.file("o.json")}).exit_code == 2);
    CHECK(run_boardscape({"import-ons", "--year", "24", "--reference", dir.path().string(), "-o", "x"}).exit_code == 2);
    CHECK(run_boardscape({"extract", "nothing.json", "-o", "x"}).exit_code == 2);  // no --area
}
