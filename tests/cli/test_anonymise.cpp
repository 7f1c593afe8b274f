// --anonymise on reports and exports (issue 14): people come out as the viewer names them
// ("Police rep 3", id police-rep-3) and no person's name, id or title from the file appears
// in any report format or export.
#include "fixtures.hpp"
#include "run_cli.hpp"

#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cli_test;

namespace {

/// Every string that would identify someone in datasets/landscape-2015.json: full names,
/// each part of a name as a whole word, ids (made from names) and titles. No name part of
/// this file occurs in an area, agency or board name (checked below), so any hit is a leak.
struct Identifiers {
    std::vector<std::string> substrings;  // full names, ids, titles
    std::vector<std::string> words;       // name parts, matched as whole words
};

Identifiers identifiers_of(const boardscape::Dataset& d) {
    Identifiers out;
    for (const auto& p : d.people) {
        out.substrings.push_back(p.name);
        out.substrings.push_back(p.id.str());
        if (p.title) out.substrings.push_back(*p.title);
        std::size_t start = 0;
        while (start < p.name.size()) {
            const std::size_t end = std::min(p.name.find(' ', start), p.name.size());
            if (end > start) out.words.push_back(p.name.substr(start, end - start));
            start = end + 1;
        }
    }
    return out;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool has_word(const std::string& text, const std::string& word) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool left = at == 0 || !is_letter(text[at - 1]);
        const bool right = at + word.size() >= text.size() || !is_letter(text[at + word.size()]);
        if (left && right) return true;
    }
    return false;
}

/// The first identifier found in `text`, or "".
std::string leak(const Identifiers& ids, const std::string& text) {
    for (const auto& s : ids.substrings)
        if (text.find(s) != std::string::npos) return s;
    for (const auto& w : ids.words)
        if (has_word(text, w)) return w;
    return "";
}

}  // namespace

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
    const Identifiers ids = identifiers_of(d);
    REQUIRE(ids.substrings.size() > 400);
    // The word check is sound only if no name part is also part of an entity's name.
    std::string entity_names;
    for (const auto& a : d.areas) entity_names += a.name + "\n";
    for (const auto& a : d.agencies) entity_names += a.name + "\n";
    for (const auto& b : d.boards) entity_names += b.name + "\n";
    CHECK(leak(ids, entity_names) == "");

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
        CHECK(leak(ids, r.out) == "");
        CHECK(leak(ids, r.err) == "");
    }
    // Positive control: the same check finds the names without the option.
    CHECK(leak(ids, run_boardscape({"report", "load", file, "--format", "csv"}).out) != "");
    CHECK(leak(ids, run_boardscape({"export", file, "--to", "dot", "-o", "-"}).out) != "");
    // The overlap report's people, as the viewer numbers them.
    const RunResult people = run_boardscape({"report", "load", file, "--format", "csv", "--table", "people", "--anonymise"});
    CHECK(contains(people.out, "Police rep 1"));
    CHECK(contains(people.out, "Council rep 1"));
}
