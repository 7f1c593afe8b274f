// --anonymise on reports and exports (issue 14): people come out as the viewer names them
// ("Police rep 3", id police-rep-3) and no person's name, id or title from the file appears
// in any report format or export.
#include "fixtures.hpp"
#include "run_cli.hpp"

#include "../person_identifiers.hpp"
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cli_test;

using privacy_test::PersonIdentifiers;

TEST_CASE("--anonymise: exact pseudonyms in every report format of the small fixture") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    // p1 (la_c: Council), p2 (pol: Police), p3 (ccg: Health commissioner), one of each.
    const RunResult csv =
        run_boardscape({"report", "load", f, "--format", "csv", "--table", "people", "--anonymise"});
    REQUIRE(csv.exit_code == 0);
    const auto rows = lines(csv.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "person,name,seats,boards,meetings,hours,attended_hours");
    CHECK(rows[1] == "council-rep-1,Council rep 1,2,2,10,24.0,18.0");  // was p1,Pat One: same figures
    CHECK(contains(csv.out, "police-rep-1,Police rep 1,"));
    CHECK(contains(csv.out, "health-commissioner-rep-1,Health commissioner rep 1,"));
    const RunResult json = run_boardscape({"report", "overlap", f, "--format", "json", "--anonymise"});
    REQUIRE(json.exit_code == 0);
    CHECK(contains(json.out, "\"council-rep-1\""));
    const RunResult dot = run_boardscape({"export", f, "--to", "dot", "-o", "-", "--anonymise"});
    REQUIRE(dot.exit_code == 0);
    CHECK(contains(dot.out, "Police rep 1"));
    for (const RunResult* r : {&csv, &json, &dot})
        for (const std::string gone : {"Pat", "Sam", "Alex", "Three", "\"p1\"", "p2,"})  // "One": District One
            CHECK_MESSAGE(!contains(r->out, gone), gone);
    // Without the option the names are there (the check above can fail).
    CHECK(contains(run_boardscape({"report", "load", f, "--format", "csv", "--table", "people"}).out, "Pat One"));
    // The option is in each command's help.
    CHECK(contains(run_boardscape({"report", "--help"}).out, "--anonymise"));
    CHECK(contains(run_boardscape({"export", "--help"}).out, "--anonymise"));
}

TEST_CASE("--anonymise: no name from the 2015 landscape in any report or export") {
    const std::string file = std::string(BOARDSCAPE_SOURCE_DIR) + "/datasets/landscape-2015.json";
    const boardscape::Dataset d = boardscape::load_dataset_file(file).dataset;
    const PersonIdentifiers ids(d);
    REQUIRE(ids.substrings.size() > 400);
    CHECK(ids.clash_with_entity_names(d) == "");

    std::vector<std::vector<std::string>> runs;
    for (const char* kind : {"overlap", "boundaries", "load", "representation"})
        for (const char* format : {"table", "csv", "md", "json"}) {
            std::vector<std::string> args = {"report", kind, file, "--format", format, "--anonymise"};
            if (std::string(format) != "json") {
                args.emplace_back("--top");
                args.emplace_back("all");
            }
            runs.push_back(args);
        }
    runs.push_back({"export", file, "--to", "graphml", "-o", "-", "--anonymise"});
    runs.push_back({"export", file, "--to", "dot", "-o", "-", "--anonymise"});
    for (const auto& args : runs) {
        std::string what;
        for (const auto& a : args) what += a + " ";
        CAPTURE(what);
        const RunResult r = run_boardscape(args);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.size() > 500);
        CHECK(ids.leak(r.out) == "");
        CHECK(ids.leak(r.err) == "");
    }
    // Positive control: the same check finds the names without the option.
    CHECK(ids.leak(run_boardscape({"report", "load", file, "--format", "csv"}).out) != "");
    CHECK(ids.leak(run_boardscape({"export", file, "--to", "dot", "-o", "-"}).out) != "");
    // The overlap report's people, as the viewer numbers them.
    const RunResult people = run_boardscape({"report", "load", file, "--format", "csv", "--table", "people", "--anonymise"});
    CHECK(contains(people.out, "Police rep 1"));
    CHECK(contains(people.out, "Council rep 1"));
}
