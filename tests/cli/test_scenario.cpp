// End-to-end: `boardscape scenario` and `boardscape compare` on the hand fixture of
// tests/graph/scenario_fixture.hpp (figures worked there and in tests/graph/test_compare.cpp):
// the written file, every refusal's exact message with exit 1 and nothing written, the JSON.
#include "run_cli.hpp"

#include "../graph/scenario_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace cli_test;
using nlohmann::json;

namespace {

struct Setup {
    TempDir dir;
    std::string in = dir.write("in.json", scenario_test::k_fixture);
    std::string out = dir.file("out.json");
};

/// Runs a scenario that must be refused: exit 1, the one message, nothing written.
void check_refused(const std::vector<std::string>& extra, const std::string& message) {
    Setup s;
    std::vector<std::string> args = {"scenario", s.in, "--date", "2024-04-01", "-o", s.out};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = run_boardscape(args);
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == s.in + ": error: " + message + "\n");
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(s.out));
}

}  // namespace

TEST_CASE("scenario --merge writes the merged file, which validates") {
    Setup s;
    const RunResult r = run_boardscape({"scenario", s.in, "--merge", "sab_c,sab_u", "--name",
                                        "Tees SAB", "--date", "2024-04-01", "-o", s.out});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "scenario on 2024-04-01: merged 2 boards into 'tees-sab'; wrote " + s.out + "\n");
    const json j = json::parse(read_file(s.out));
    CHECK(j["boards"].size() == 7);
    CHECK(j["boards"][5]["id"] == "tees-sab");
    CHECK(j["boards"][5]["meetings_per_year"] == 6);
    CHECK(j["boards"][5]["meeting_hours"] == 2);
    CHECK(j["boards"][6]["id"] == "sab_c_sg-tees-sab");
    CHECK(j["memberships"].size() == 16);
    CHECK(j["relations"].size() == 2);
    CHECK(run_boardscape({"validate", s.out}).exit_code == 0);
}

TEST_CASE("scenario IN -o IN replaces IN and keeps the previous version as IN.bak") {
    Setup s;
    const RunResult r = run_boardscape({"scenario", s.in, "--merge", "sab_c,sab_u", "--id", "tsab",
                                        "--date", "2024-04-01", "-o", s.in});
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(s.in + ".bak") == scenario_test::k_fixture);
    CHECK(contains(read_file(s.in), "\"id\": \"tsab\""));
}

TEST_CASE("scenario --cadence and --end, and --kind merges boards of different kinds") {
    Setup s;
    RunResult r = run_boardscape({"scenario", s.in, "--merge=sab_c,sab_u", "--id", "tsab",
                                  "--cadence", "tsab=4x3", "--cadence", "hwb_u=12", "--end",
                                  "hwb_u", "-o", s.out});
    REQUIRE(r.exit_code == 0);
    json j = json::parse(read_file(s.out));
    CHECK(j["meta"]["as_of"] == "2024-03-01");  // D defaults to the file's as_of
    CHECK(j["boards"][4]["id"] == "hwb_u");
    CHECK(j["boards"][4]["meetings_per_year"] == 12);
    CHECK(j["boards"][4]["until"] == "2024-03-01");
    CHECK(j["boards"][5]["id"] == "tsab");
    CHECK(j["boards"][5]["name"] == "County SAB + Unitary SAB");
    CHECK(j["boards"][5]["meetings_per_year"] == 4);
    CHECK(j["boards"][5]["meeting_hours"] == 3);

    r = run_boardscape({"scenario", s.in, "--merge", "sab_c,hwb_u", "--kind", "sab", "--id", "x",
                        "-o", s.out});
    CHECK(r.exit_code == 0);
    j = json::parse(read_file(s.out));
    CHECK(j["boards"][5]["kind"] == "sab");
}

TEST_CASE("scenario refusals: exit 1, the exact message, nothing written") {
    check_refused({"--merge", "sab_c,hwb_u"},
                  "boards of different kinds: 'sab_c' is sab, 'hwb_u' is hwb (give --kind KIND "
                  "to merge them as one kind)");
    check_refused({"--merge", "sab_c,sab_uu"}, "unknown board 'sab_uu' (did you mean 'sab_u'?)");
    check_refused({"--merge", "sab_c,sab_u", "--id", "hwb_u"},
                  "id 'hwb_u' is already used by board 'Unitary HWB'; choose another with --id");
    check_refused({"--merge", "sab_c,sab_u", "--name", "Pol"},
                  "id 'pol' (derived from the name) is already used by agency 'Police'; choose "
                  "another with --id");
    check_refused({"--merge", "sab_c_sg,sab_u"},
                  "'sab_c_sg' is a sub-group of 'sab_c'; merge top-level boards (their "
                  "sub-groups move with them)");
    check_refused({"--merge", "sab_c,sab_u", "--cadence", "sab_u=6y"},
                  "bad cadence 'sab_u=6y': expected ID=N or ID=NxH (N meetings a year, H hours a "
                  "meeting; numbers >= 0)");
    check_refused({"--cadence", "hwb_u=-1"},
                  "bad cadence 'hwb_u=-1': expected ID=N or ID=NxH (N meetings a year, H hours a "
                  "meeting; numbers >= 0)");
    check_refused({"--cadence", "hwb=4"}, "unknown board 'hwb' (did you mean 'hwb_u'?)");
    check_refused({"--end", "sab_c_old"},
                  "board 'sab_c_old' is not active on 2024-04-01 (until 2020-01-01)");
}

TEST_CASE("scenario usage errors: exit 2") {
    Setup s;
    RunResult r = run_boardscape({"scenario", s.in, "--merge", "sab_c,sab_u"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "boardscape: error: missing -o OUT.json"));
    r = run_boardscape({"scenario", s.in, "-o", s.out});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "nothing to do: give --merge, --cadence or --end"));
    r = run_boardscape({"scenario", s.in, "--merge", "sab_c,hwb_u", "--kind", "sabb", "-o", s.out});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "unknown board kind 'sabb' (did you mean 'sab'?)"));
    r = run_boardscape({"scenario", s.in, "--merge", "sab_c,sab_u", "--date", "2024-02-30", "-o", s.out});
    CHECK(r.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(s.out));
}

TEST_CASE("compare --format json: the hand-computed figures of the merger") {
    Setup s;
    REQUIRE(run_boardscape({"scenario", s.in, "--merge", "sab_c,sab_u", "--name", "Tees SAB",
                            "--date", "2024-04-01", "-o", s.out})
                .exit_code == 0);
    const RunResult r = run_boardscape({"compare", s.in, s.out, "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const json j = json::parse(r.out);
    CHECK(j["as_of_before"] == "2024-03-01");
    CHECK(j["as_of_after"] == "2024-04-01");
    std::vector<std::string> order;
    for (const auto& a : j["agencies"]) order.push_back(a["id"]);
    CHECK(order == std::vector<std::string>{"ccg", "la_c", "pol", "la_u"});
    const json& pol = j["agencies"][2];
    CHECK(pol["before"] == json({{"expected_meetings", 10.0}, {"expected_hours", 17.0},
                                 {"meetings", 16.0}, {"hours", 26.0}}));
    CHECK(pol["after"] == json({{"expected_meetings", 6.0}, {"expected_hours", 12.0},
                                {"meetings", 12.0}, {"hours", 24.0}}));
    CHECK(pol["delta"] == json({{"expected_meetings", -4.0}, {"expected_hours", -5.0},
                                {"meetings", -4.0}, {"hours", -2.0}}));
    CHECK(j["people"][2]["id"] == "cat");
    CHECK(j["people"][2]["delta"] == json({{"meetings", -4.0}, {"hours", -5.0}}));
    CHECK(j["boards"]["changed"] == json({"sab_c", "sab_c_sg", "sab_u"}));

    // --as-of applies to both sides: before D nothing changes but the entity lists.
    const json same = json::parse(
        run_boardscape({"compare", s.in, s.out, "--as-of", "2024-03-31", "--format", "json"}).out);
    for (const auto& a : same["agencies"]) CHECK(a["delta"]["hours"] == 0.0);
    CHECK(same["boards"]["added"].size() == 2);

    // One file, two dates.
    const json two = json::parse(run_boardscape({"compare", s.out, s.out, "--before-as-of",
                                                 "2024-03-01", "--after-as-of", "2024-07-01",
                                                 "--format", "json"})
                                     .out);
    CHECK(two["agencies"][0]["id"] == "la_u");
    CHECK(two["agencies"][0]["after"]["hours"] == 20.0);
}

TEST_CASE("compare: tables, csv, errors and usage") {
    Setup s;
    REQUIRE(run_boardscape({"scenario", s.in, "--merge", "sab_c,sab_u", "--name", "Tees SAB",
                            "--date", "2024-04-01", "-o", s.out})
                .exit_code == 0);
    RunResult r = run_boardscape({"compare", s.in, s.out});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "Totals a year (before 2024-03-01, after 2024-04-01)"));
    CHECK(contains(r.out, "1 of 5 people with seats unchanged (not shown)."));
    r = run_boardscape({"compare", s.in, s.out, "--format", "csv", "-o", s.dir.file("c.csv")});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(read_file(s.dir.file("c.csv")), "measure,value_before,value_after,value_delta\r\n"));

    r = run_boardscape({"compare", s.in, s.dir.file("missing.json")});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "missing.json: error: cannot read: "));
    r = run_boardscape({"compare", s.in, s.out, "--as-of", "2024-01-01", "--after-as-of", "2024-05-01"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "give either --as-of (both sides) or --before-as-of/--after-as-of"));
    r = run_boardscape({"compare", s.in, s.out, "--format", "xml"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "unknown format 'xml'"));
}

TEST_CASE("compare: two files sharing no board or agency warn, exit 0, a scenario does not") {
    Setup s;
    // One area, one agency and one board, none of whose ids is in the fixture; no ONS codes.
    const std::string other = s.dir.write("other.json", R"({"format": "boardscape", "version": 1,
      "areas": [{"id": "zz_area", "name": "Elsewhere"}],
      "agencies": [{"id": "zz_police", "name": "Elsewhere Police", "sector": "police", "footprint": ["zz_area"]}],
      "boards": [{"id": "zz_hwb", "name": "Elsewhere HWB", "kind": "hwb", "footprint": ["zz_area"],
                  "meetings_per_year": 4, "meeting_hours": 2}]})");
    RunResult r = run_boardscape({"compare", s.in, other, "--format", "json"});
    CHECK(r.exit_code == 0);
    CHECK(r.err ==
          "boardscape: warning: BEFORE and AFTER share no board or agency: is AFTER a scenario of "
          "BEFORE?\n");
    CHECK(json::parse(r.out)["boards"]["added"] == json::array({"zz_hwb"}));
    REQUIRE(run_boardscape(
                {"scenario", s.in, "--merge", "sab_c,sab_u", "--date", "2024-04-01", "-o", s.out})
                .exit_code == 0);
    r = run_boardscape({"compare", s.in, s.out, "--format", "json"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
}

TEST_CASE("scenario --merge takes board names as well as ids") {
    Setup s;
    const RunResult r = run_boardscape({"scenario", s.in, "--merge", "County SAB,unitary  sab",
                                        "--id", "tsab", "--date", "2024-04-01", "-o", s.out});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "scenario on 2024-04-01: merged 2 boards into 'tsab'; wrote " + s.out + "\n");
    check_refused({"--merge", "sab_c,Unitary SABB"},
                  "unknown board 'Unitary SABB' (did you mean 'sab_u', Unitary SAB?)");
}
