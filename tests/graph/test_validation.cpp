// Validation of well-formed JSON (DESIGN §3): every kind of error, each with its exact JSON
// pointer and the key part of its message; all errors at once in document order; null as
// absent; unknown keys and stray layout entries as warnings.
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace boardscape;
using Doc = nlohmann::ordered_json;

namespace {

/// A small valid document:
///
///   area shire ── north (parent shire)
///   agency police (footprint shire), agency council (footprint shire)
///   board lscb (footprint shire) ── lscb-exec (parent lscb, footprint north)
///   person ann (police) sits on lscb as chair; relation lscb → lscb-exec (protocol)
Doc base() {
    return Doc::parse(R"({
      "format": "boardscape", "version": 1,
      "areas": [{"id": "shire", "name": "Midshire"},
                {"id": "north", "name": "North", "parent": "shire", "population": 1200}],
      "agencies": [{"id": "police", "name": "Midshire Police", "sector": "police", "footprint": ["shire"]},
                   {"id": "council", "name": "Midshire Council", "sector": "local_authority",
                    "footprint": ["shire"]}],
      "boards": [{"id": "lscb", "name": "Midshire LSCB", "kind": "lscb", "footprint": ["shire"],
                  "meetings_per_year": 4, "meeting_hours": 2.5},
                 {"id": "lscb-exec", "name": "LSCB executive", "kind": "lscb", "footprint": ["north"],
                  "parent": "lscb", "meetings_per_year": 6, "meeting_hours": 1}],
      "people": [{"id": "ann", "name": "Ann", "agency": "police"}],
      "memberships": [{"person": "ann", "board": "lscb", "role": "chair"}],
      "relations": [{"from": "lscb", "to": "lscb-exec", "kind": "protocol"}]
    })");
}

std::vector<Diagnostic> errors_of(const Doc& doc) {
    try {
        parse_dataset(doc.dump(), "t.json");
    } catch (const LoadError& e) {
        return e.diagnostics();
    }
    return {};
}

/// Expects exactly one error, at `pointer`, whose message contains `part`.
void expect_one(const Doc& doc, const std::string& pointer, const std::string& part) {
    const auto errors = errors_of(doc);
    REQUIRE_MESSAGE(errors.size() == 1, doc.dump());
    CHECK(errors[0].severity == Severity::error);
    CHECK(errors[0].line == 0);
    CHECK(errors[0].pointer == pointer);
    CHECK_MESSAGE(errors[0].message.find(part) != std::string::npos, errors[0].message);
}

}  // namespace

TEST_CASE("validation: the base fixture is valid") {
    const LoadResult r = parse_dataset(base().dump());
    CHECK(r.warnings.empty());
    CHECK(r.dataset.boards.size() == 2);
    REQUIRE(r.dataset.find("lscb-exec"));
    CHECK(r.dataset.find("lscb-exec")->type == EntityType::board);
    CHECK(r.dataset.find("lscb-exec")->index == 1);
}

TEST_CASE("validation: format and version") {
    Doc d = base();
    d["format"] = "graphml";
    expect_one(d, "/format", "not a Boardscape file: format is 'graphml', expected 'boardscape'");
    d = base();
    d["version"] = 2;
    expect_one(d, "/version", "unsupported version 2; this program reads version 1");
    d = base();
    d["version"] = "1";
    expect_one(d, "/version", "expected a number, got a string");
    d = base();
    d.erase("format");
    expect_one(d, "/format", "missing required field 'format'");
}

TEST_CASE("validation: the root must be an object") {
    const auto errors = errors_of(Doc::array());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "");
    CHECK(format_diagnostic("t.json", errors[0]) ==
          "t.json: error: (document): expected a JSON object (a Boardscape document), got an array");
}

TEST_CASE("validation: a missing required field points at the missing member") {
    Doc d = base();
    d["boards"][1].erase("kind");
    expect_one(d, "/boards/1/kind", "missing required field 'kind'");
    d = base();
    d["memberships"][0].erase("role");
    expect_one(d, "/memberships/0/role", "missing required field 'role'");
    d = base();
    d["agencies"][0].erase("footprint");
    expect_one(d, "/agencies/0/footprint", "missing required field 'footprint'");
    d = base();
    d["boards"][0].erase("meeting_hours");
    expect_one(d, "/boards/0/meeting_hours", "missing required field 'meeting_hours'");
}

TEST_CASE("validation: wrong types") {
    Doc d = base();
    d["areas"][0]["name"] = 5;
    expect_one(d, "/areas/0/name", "expected a string, got a number");
    d = base();
    d["boards"][0]["meetings_per_year"] = "four";
    expect_one(d, "/boards/0/meetings_per_year", "expected a number, got a string");
    d = base();
    d["boards"] = Doc::object();  // and so the membership and relation find no boards
    const auto errors = errors_of(d);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].pointer == "/boards");
    CHECK(errors[0].message == "expected an array of boards, got an object");
    CHECK(errors[1].pointer == "/memberships/0/board");
    d = base();
    d["relations"][0] = "lscb";
    expect_one(d, "/relations/0", "expected an object, got a string");
    d = base();
    d["memberships"][0]["board"] = true;
    expect_one(d, "/memberships/0/board", "expected a string (a board id), got a boolean");
}

TEST_CASE("validation: empty id, name and footprint") {
    Doc d = base();
    d["people"][0]["name"] = "";
    expect_one(d, "/people/0/name", "name must not be empty");
    d = base();
    d["areas"].push_back({{"id", ""}, {"name", "Nowhere"}});
    expect_one(d, "/areas/2/id", "id must not be empty");
    d = base();
    d["boards"][0]["footprint"] = Doc::array();
    expect_one(d, "/boards/0/footprint", "footprint must list at least one area");
}

TEST_CASE("validation: a duplicate id is reported at the later occurrence, naming the first") {
    Doc d = base();
    d["boards"][1]["id"] = "north";  // an area's id
    const auto errors = errors_of(d);
    // The duplicate, then the parent of nothing: relation 'to' no longer finds lscb-exec.
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].pointer == "/boards/1/id");
    CHECK(errors[0].message == "duplicate id 'north' (first used at /areas/1/id)");
    CHECK(errors[1].pointer == "/relations/0/to");
}

TEST_CASE("validation: a reference to a missing id suggests the closest id of the right type") {
    Doc d = base();
    d["boards"][1]["id"] = "midshire-lscb-exec-group";
    d["relations"][0]["to"] = "midshire-lscb-exec-group";
    d["memberships"][0]["board"] = "midshire-lscb-exec";
    expect_one(d, "/memberships/0/board",
               "no board with id 'midshire-lscb-exec'; did you mean 'midshire-lscb-exec-group'?");
}

TEST_CASE("validation: suggestions only within max(2, length/3) edits, and only of the expected type") {
    Doc d = base();
    d["memberships"][0]["person"] = "bob";  // 'ann' is 3 edits away: too far (bound 2)
    const auto errors = errors_of(d);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "/memberships/0/person");
    CHECK(errors[0].message == "no person with id 'bob'");

    d = base();
    d["memberships"][0]["board"] = "polic";  // 'police' is close but an agency, not a board
    expect_one(d, "/memberships/0/board", "no board with id 'polic'");
    CHECK(errors_of(d)[0].message == "no board with id 'polic'");

    d = base();
    d["boards"][0]["footprint"] = {"nort"};
    expect_one(d, "/boards/0/footprint/0", "no area with id 'nort'; did you mean 'north'?");
}

TEST_CASE("validation: a reference to an id of the wrong type says which type it is") {
    Doc d = base();
    d["memberships"][0]["board"] = "police";
    expect_one(d, "/memberships/0/board", "'police' is an agency, not a board");
    d = base();
    d["people"][0]["agency"] = "lscb";
    expect_one(d, "/people/0/agency", "'lscb' is a board, not an agency");
    d = base();
    d["memberships"][0]["represents"] = "ann";
    expect_one(d, "/memberships/0/represents", "'ann' is a person, not an agency");
    d = base();
    d["agencies"][1]["footprint"] = {"shire", "council"};
    expect_one(d, "/agencies/1/footprint/1", "'council' is an agency, not an area");
    d = base();
    d["areas"][1]["parent"] = "lscb";
    expect_one(d, "/areas/1/parent", "'lscb' is a board, not an area");
    d = base();
    d["relations"][0]["from"] = "shire";
    expect_one(d, "/relations/0/from", "'shire' is an area, not a board");
    d = base();
    d["boards"][0]["successor"] = "ann";
    expect_one(d, "/boards/0/successor", "'ann' is a person, not a board");
}

TEST_CASE("validation: values outside a vocabulary list the allowed values") {
    Doc d = base();
    d["boards"][1]["kind"] = "lcsb";
    expect_one(d, "/boards/1/kind",
               "unknown board kind 'lcsb'; expected one of: lscb, lscp, hwb, csp, lfjb, sab, cypp, "
               "childrens_trust, icp, dalpb, cdp, svp, mappa_smb, lcjb, yjmb, other (did you mean "
               "'lscb'?)");
    d = base();
    d["agencies"][0]["sector"] = "independent";
    expect_one(d, "/agencies/0/sector", "sector 'independent' is an output value only");
    d = base();
    d["memberships"][0]["role"] = "boss";
    expect_one(d, "/memberships/0/role",
               "unknown role 'boss'; expected one of: chair, vice_chair, member, lay_member, "
               "participating_observer, adviser, officer");
    d = base();
    d["memberships"][0]["seniority"] = "seniour";
    expect_one(d, "/memberships/0/seniority",
               "unknown seniority 'seniour'; expected one of: senior, not_senior, unknown (did you mean 'senior'?)");
    d = base();
    d["memberships"][0]["attendance"] = "often";
    expect_one(d, "/memberships/0/attendance", "unknown attendance 'often'; expected one of: regular, sporadic");
    d = base();
    d["relations"][0]["kind"] = "reports-to";
    expect_one(d, "/relations/0/kind", "(did you mean 'reports_to'?)");
}

TEST_CASE("validation: parent and successor cycles, once per cycle at its first member") {
    // boards: lscb → x → y → lscb (parent links) and lscb-exec stays a child of lscb.
    Doc d = base();
    d["boards"][0]["parent"] = "y";
    d["boards"].push_back({{"id", "x"}, {"name", "X"}, {"kind", "other"}, {"footprint", {"shire"}},
                           {"parent", "lscb"}, {"meetings_per_year", 1}, {"meeting_hours", 1}});
    d["boards"].push_back({{"id", "y"}, {"name", "Y"}, {"kind", "other"}, {"footprint", {"shire"}},
                           {"parent", "x"}, {"meetings_per_year", 1}, {"meeting_hours", 1}});
    expect_one(d, "/boards/0/parent", "parent cycle: 'lscb' -> 'y' -> 'x' -> 'lscb'");

    // A board that succeeds itself, and two areas that are each other's parent.
    d = base();
    d["boards"][1]["successor"] = "lscb-exec";
    expect_one(d, "/boards/1/successor", "successor cycle: 'lscb-exec' -> 'lscb-exec'");
    d = base();
    d["areas"][0]["parent"] = "north";
    expect_one(d, "/areas/0/parent", "parent cycle: 'shire' -> 'north' -> 'shire'");
}

TEST_CASE("validation: a chain into a cycle reports only the cycle") {
    // a → b → c → b: the cycle is {b, c}; a only leads into it.
    Doc d = base();
    d["areas"] = Doc::parse(R"([{"id": "a", "name": "A", "parent": "b"},
                                {"id": "b", "name": "B", "parent": "c"},
                                {"id": "c", "name": "C", "parent": "b"},
                                {"id": "shire", "name": "S"}, {"id": "north", "name": "N"}])");
    expect_one(d, "/areas/1/parent", "parent cycle: 'b' -> 'c' -> 'b'");
}

TEST_CASE("validation: dates") {
    Doc d = base();
    d["boards"][0]["from"] = "2015-02-30";
    expect_one(d, "/boards/0/from", "bad date '2015-02-30'");
    d = base();
    d["memberships"][0]["until"] = "31/01/2015";
    expect_one(d, "/memberships/0/until", "bad date '31/01/2015'; expected YYYY-MM-DD");
    d = base();
    d["meta"] = {{"title", "T"}, {"as_of", "2015-1-31"}};
    expect_one(d, "/meta/as_of", "bad date '2015-1-31'");
    d = base();
    d["boards"][0]["from"] = "2015-04-01";
    d["boards"][0]["until"] = "2014-04-01";
    expect_one(d, "/boards/0/until", "'until' (2014-04-01) is before 'from' (2015-04-01)");
    d = base();
    d["memberships"][0]["from"] = "2015-04-01";
    d["memberships"][0]["until"] = "2015-03-31";
    expect_one(d, "/memberships/0/until", "is before 'from'");
    d = base();  // equal dates are an empty period, not an error
    d["memberships"][0]["from"] = "2015-04-01";
    d["memberships"][0]["until"] = "2015-04-01";
    CHECK(errors_of(d).empty());
}

TEST_CASE("validation: negative numbers") {
    Doc d = base();
    d["areas"][1]["population"] = -5;
    expect_one(d, "/areas/1/population", "must not be negative (got -5)");
    d = base();
    d["boards"][0]["meetings_per_year"] = -1;
    expect_one(d, "/boards/0/meetings_per_year", "must not be negative (got -1)");
    d = base();
    d["boards"][1]["meeting_hours"] = -0.5;
    expect_one(d, "/boards/1/meeting_hours", "must not be negative (got -0.5)");
}

TEST_CASE("validation: non-finite numbers anywhere, by pointer") {
    // JSON has no literal for infinity; an overflowing number is how one gets in.
    std::string text = base().dump();
    const std::string hours = "\"meeting_hours\":2.5";
    REQUIRE(text.find(hours) != std::string::npos);
    text.replace(text.find(hours), hours.size(), "\"meeting_hours\":1e400");
    text.insert(text.size() - 1, ",\"views\":[{\"zoom\":[1,-1e999]}],\"x-extra\":{\"a/b\":2e500}");
    try {
        parse_dataset(text, "t.json");
        FAIL("expected a LoadError");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 3);
        CHECK(e.diagnostics()[0].pointer == "/boards/0/meeting_hours");
        CHECK(e.diagnostics()[1].pointer == "/views/0/zoom/1");
        CHECK(e.diagnostics()[2].pointer == "/x-extra/a~1b");
        for (const auto& diag : e.diagnostics()) CHECK(diag.message.find("out of range") != std::string::npos);
    }
}

TEST_CASE("validation: an optional field given as null is absent") {
    Doc d = base();
    d["meta"] = {{"title", "T"}, {"as_of", nullptr}, {"description", nullptr}, {"sources", nullptr}, {"licence", nullptr}};
    d["areas"][1]["parent"] = nullptr;
    d["areas"][1]["population"] = nullptr;
    d["areas"][1]["code"] = nullptr;
    d["boards"][1]["parent"] = nullptr;
    d["boards"][1]["from"] = nullptr;
    d["boards"][1]["successor"] = nullptr;
    d["people"][0]["agency"] = nullptr;
    d["people"][0]["title"] = nullptr;
    d["memberships"][0]["represents"] = nullptr;
    d["memberships"][0]["seniority"] = nullptr;
    d["memberships"][0]["attendance"] = nullptr;
    d["memberships"][0]["source"] = nullptr;
    d["relations"][0]["note"] = nullptr;
    d["layout"] = nullptr;
    d["views"] = nullptr;
    const LoadResult r = parse_dataset(d.dump());
    CHECK(r.warnings.empty());
    CHECK_FALSE(r.dataset.meta.as_of);
    CHECK_FALSE(r.dataset.areas[1].parent);
    CHECK_FALSE(r.dataset.areas[1].population);
    CHECK_FALSE(r.dataset.boards[1].parent);
    CHECK_FALSE(r.dataset.people[0].agency);
    CHECK(r.dataset.memberships[0].seniority == Seniority::unknown);
    CHECK(r.dataset.memberships[0].attendance == Attendance::unknown);
    CHECK(r.dataset.views_json.empty());
    CHECK(r.dataset.layout.empty());

    // A required field given as null is a type error at that field.
    d = base();
    d["boards"][0]["kind"] = nullptr;
    expect_one(d, "/boards/0/kind", "expected a string (board kind), got null");
}

TEST_CASE("validation: unknown keys and stray layout entries are warnings") {
    Doc d = base();
    d["colour"] = "blue";
    d["boards"][0]["chair"] = "ann";
    d["layout"] = Doc::parse(R"({"positions": {"ann": [1, 2], "ghost": [3, 4], "lscb": [-1.5, 0]},
                                 "pinned": ["lscb", "gone"], "zoom": 2})");
    const LoadResult r = parse_dataset(d.dump(), "t.json");
    REQUIRE(r.warnings.size() == 5);
    // Document order: boards come before the late top-level keys.
    CHECK(format_diagnostic("t.json", r.warnings[0]) == "t.json: warning: /boards/0/chair: unknown key 'chair' (ignored)");
    CHECK(r.warnings[1].pointer == "/colour");
    CHECK(r.warnings[2].pointer == "/layout/positions/ghost");
    CHECK(r.warnings[2].message == "no entity with id 'ghost'; position ignored");
    CHECK(r.warnings[3].pointer == "/layout/pinned/1");
    CHECK(r.warnings[3].message == "no entity with id 'gone'; pin ignored");
    CHECK(r.warnings[4].pointer == "/layout/zoom");
    for (const auto& w : r.warnings) CHECK(w.severity == Severity::warning);
    CHECK(r.dataset.layout.positions.size() == 2);
    CHECK(r.dataset.layout.positions.at("lscb")[0] == -1.5);
    CHECK(r.dataset.layout.pinned == std::vector<std::string>{"lscb"});
}

TEST_CASE("validation: bad layout values are errors") {
    Doc d = base();
    d["layout"] = Doc::parse(R"({"positions": {"ann": [1], "lscb": [0, "y"]}, "pinned": [3]})");
    const auto errors = errors_of(d);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].pointer == "/layout/positions/ann");
    CHECK(errors[0].message == "expected [x, y] (two numbers), got an array");
    CHECK(errors[1].pointer == "/layout/positions/lscb/1");
    CHECK(errors[2].pointer == "/layout/pinned/0");
}

TEST_CASE("validation: several mistakes are all reported, in document order") {
    Doc d = base();
    d["areas"][1]["population"] = -1;                  // /areas/1/population
    d["agencies"][0]["sector"] = "polise";             // /agencies/0/sector
    d["boards"][0].erase("name");                      // /boards/0/name (after its fields)
    d["boards"][0]["kind"] = "lcsb";                   // /boards/0/kind
    d["boards"][1]["parent"] = "lscb-exec";            // /boards/1/parent (a self cycle)
    d["memberships"][0]["person"] = "anne";            // /memberships/0/person
    d["memberships"][0]["board"] = "police";           // /memberships/0/board
    d["relations"][0]["kind"] = "friends";             // /relations/0/kind
    const auto errors = errors_of(d);
    std::vector<std::string> pointers;
    for (const auto& e : errors) pointers.push_back(e.pointer);
    CHECK(pointers == std::vector<std::string>{"/areas/1/population", "/agencies/0/sector", "/boards/0/kind",
                                               "/boards/0/name", "/boards/1/parent", "/memberships/0/person",
                                               "/memberships/0/board", "/relations/0/kind"});
    REQUIRE(errors.size() == 8);
    CHECK(errors[1].message.find("(did you mean 'police'?)") != std::string::npos);
    CHECK(errors[4].message == "parent cycle: 'lscb-exec' -> 'lscb-exec'");
    CHECK(errors[5].message == "no person with id 'anne'; did you mean 'ann'?");
}

TEST_CASE("validation: entity arrays in any top-level order resolve references") {
    // Memberships and boards before people and areas: references still resolve.
    Doc b = base();
    Doc d = Doc::object();
    d["memberships"] = b["memberships"];
    d["boards"] = b["boards"];
    d["format"] = "boardscape";
    d["version"] = 1;
    d["people"] = b["people"];
    d["agencies"] = b["agencies"];
    d["areas"] = b["areas"];
    d["relations"] = b["relations"];
    CHECK(errors_of(d).empty());
    // A duplicate is "later" in document order: here the area comes after the board.
    d["areas"].push_back({{"id", "lscb"}, {"name", "L"}});
    const auto errors = errors_of(d);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "/areas/2/id");
    CHECK(errors[0].message == "duplicate id 'lscb' (first used at /boards/0/id)");
}

TEST_CASE("validation: many bad references against many ids stay fast and correct") {
    // 3000 boards and 3000 memberships naming near-miss ids: every one is reported.
    Doc d = base();
    for (int i = 0; i < 3000; ++i) {
        d["boards"].push_back({{"id", "board-number-" + std::to_string(i)}, {"name", "B"}, {"kind", "other"},
                               {"footprint", {"shire"}}, {"meetings_per_year", 1}, {"meeting_hours", 1}});
        d["memberships"].push_back({{"person", "ann"}, {"board", "bord-number-" + std::to_string(i)}, {"role", "member"}});
    }
    const auto errors = errors_of(d);
    REQUIRE(errors.size() == 3000);
    CHECK(errors[0].pointer == "/memberships/1/board");
    CHECK(errors[0].message == "no board with id 'bord-number-0'; did you mean 'board-number-0'?");
    CHECK(errors[2999].pointer == "/memberships/3000/board");
}
