// End-to-end tests of the `boardscape` binary: exit codes, the contract's error forms, and
// report values worked out by hand for the fixture in fixtures.hpp.
#include "fixtures.hpp"
#include "run_cli.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cli_test;
using json = nlohmann::ordered_json;  // keeps the output's key order

namespace {

json run_json(const std::vector<std::string>& args) {
    const RunResult r = run_boardscape(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

const json& find_id(const json& list, const std::string& id) {
    for (const auto& e : list)
        if (e.at("id") == id) return e;
    FAIL("no entry with id " << id);
    return list;
}

}  // namespace

// [SECTION] Help, version and usage errors

TEST_CASE("boardscape --help lists the commands and exits 0") {
    const RunResult r = run_boardscape({"--help"});
    CHECK(r.exit_code == 0);
    for (const char* c : {"validate", "summary", "report", "export"}) CHECK(contains(r.out, c));
    CHECK(run_boardscape({"-h"}).exit_code == 0);
    const RunResult v = run_boardscape({"--version"});
    CHECK(v.exit_code == 0);
    CHECK(v.out.rfind("boardscape ", 0) == 0);
}

TEST_CASE("every command has --help and -h exiting 0") {
    for (const char* c : {"validate", "summary", "report", "export"}) {
        CAPTURE(c);
        const RunResult r = run_boardscape({c, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, std::string("usage: boardscape ") + c));
        CHECK(r.err.empty());
        CHECK(run_boardscape({c, "-h"}).exit_code == 0);
        CHECK(run_boardscape({"help", c}).exit_code == 0);
    }
    // Every command `boardscape --help` lists (other helpers add theirs) has working help.
    const RunResult all = run_boardscape({"--help"});
    bool in_commands = false;
    int listed = 0;
    for (const auto& line : lines(all.out)) {
        if (line == "commands:") {
            in_commands = true;
            continue;
        }
        if (!in_commands) continue;
        if (line.empty()) break;
        const std::string name = line.substr(2, line.find(' ', 2) - 2);
        CAPTURE(name);
        const RunResult h = run_boardscape({name, "--help"});
        CHECK(h.exit_code == 0);
        CHECK_FALSE(h.out.empty());
        ++listed;
    }
    CHECK(listed >= 5);  // validate, summary, report, export, help
    // --help wins even with other arguments around it.
    CHECK(run_boardscape({"report", "load", "--bogus", "--help"}).exit_code == 0);
}

TEST_CASE("no command and unknown commands are usage errors with a suggestion") {
    const RunResult none = run_boardscape({});
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "boardscape: error:"));
    CHECK(contains(none.err, "usage: boardscape"));

    const RunResult typo = run_boardscape({"reprot", "load", "x.json"});
    CHECK(typo.exit_code == 2);
    CHECK(contains(typo.err, "boardscape: error: unknown command 'reprot'"));
    CHECK(contains(typo.err, "did you mean 'report'?"));
    CHECK(contains(typo.err, "usage: boardscape"));
    CHECK(typo.out.empty());

    const RunResult far = run_boardscape({"frobnicate"});
    CHECK(far.exit_code == 2);
    CHECK_FALSE(contains(far.err, "did you mean"));
}

TEST_CASE("unknown options, bad choices and missing values are usage errors") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);

    const RunResult opt = run_boardscape({"report", "load", f, "--fromat", "json"});
    CHECK(opt.exit_code == 2);
    CHECK(contains(opt.err, "boardscape: error: unknown option '--fromat'"));
    CHECK(contains(opt.err, "did you mean '--format'?"));
    CHECK(contains(opt.err, "usage: boardscape report"));

    const RunResult kind = run_boardscape({"report", "lod", f});
    CHECK(kind.exit_code == 2);
    CHECK(contains(kind.err, "did you mean 'load'?"));

    const RunResult format = run_boardscape({"report", "load", f, "--format=jsn"});
    CHECK(format.exit_code == 2);
    CHECK(contains(format.err, "did you mean 'json'?"));

    const RunResult missing = run_boardscape({"report", "load", f, "--format"});
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "needs a value"));

    CHECK(run_boardscape({"report", "load"}).exit_code == 2);
    CHECK(run_boardscape({"validate"}).exit_code == 2);
    CHECK(run_boardscape({"report", "load", f, "--table", "peple"}).exit_code == 2);
    CHECK(run_boardscape({"report", "load", f, "--top", "0"}).exit_code == 2);
    CHECK(
        run_boardscape({"report", "load", f, "--format", "json", "--table", "people"}).exit_code ==
        2);
}

TEST_CASE("negative, non-finite or non-numeric load options exit 2 with boardscape: error:") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    for (const char* bad : {"-1", "nan", "inf", "1e400", "abc", "", "1.5x"}) {
        CAPTURE(bad);
        const RunResult p = run_boardscape({"report", "load", f, "--prep-factor", bad});
        CHECK(p.exit_code == 2);
        CHECK(contains(p.err, "boardscape: error:"));
        CHECK(contains(p.err, "usage: boardscape report"));
        CHECK(p.out.empty());
        const RunResult t =
            run_boardscape({"report", "load", f, std::string("--travel-hours=") + bad});
        CHECK(t.exit_code == 2);
        CHECK(contains(t.err, "boardscape: error:"));
    }
    // Huge but finite factors overflow the hours: a clear error, never inf or a crash.
    const RunResult huge =
        run_boardscape({"report", "load", f, "--prep-factor", "1e308", "--travel-hours", "1e308"});
    CHECK_FALSE(huge.crashed());
    CHECK(huge.exit_code == 1);
    CHECK(contains(huge.err, "error: "));
    CHECK_FALSE(contains(huge.out, "inf"));
    // Options that belong to another report kind are rejected, not silently ignored.
    CHECK(run_boardscape({"report", "overlap", f, "--prep-factor", "1"}).exit_code == 2);
    CHECK(run_boardscape({"report", "load", f, "--rules", f}).exit_code == 2);
    // Boundaries takes the hours options (expected_hours), checked the same way.
    CHECK(run_boardscape({"report", "boundaries", f, "--prep-factor", "-1"}).exit_code == 2);
    CHECK(run_boardscape({"report", "boundaries", f, "--travel-hours", "nan"}).exit_code == 2);
    const RunResult date = run_boardscape({"report", "load", f, "--as-of", "2015-02-30"});
    CHECK(date.exit_code == 2);
    CHECK(contains(date.err, "YYYY-MM-DD"));
}

// [SECTION] validate and loader errors

TEST_CASE("validate prints one line of counts and exits 0") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const RunResult r = run_boardscape({"validate", f});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          f + ": ok: 4 areas, 3 agencies, 4 boards, 3 people, 6 memberships, 1 relation\n");
    CHECK(r.err.empty());

    // Standard input as "-".
    const RunResult s = run_boardscape({"validate", "-"}, f);
    CHECK(s.exit_code == 0);
    CHECK(contains(s.out, "<stdin>: ok: 4 areas"));
}

TEST_CASE("validate lists every mistake with its JSON pointer and exits 1") {
    TempDir dir;
    const std::string f = dir.write("bad.json", k_several_mistakes);
    const RunResult r = run_boardscape({"validate", f});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    for (const char* ptr : {"/agencies/0/sector", "/boards/0/kind", "/boards/0/meetings_per_year",
                            "/memberships/0/person"}) {
        CAPTURE(ptr);
        CHECK(contains(r.err, f + ": error: " + ptr + ": "));
    }
    // Every stderr line is one diagnostic in the contract's form.
    for (const auto& line : lines(r.err)) {
        CAPTURE(line);
        CHECK(line.rfind(f + ": error: /", 0) == 0);
    }
    // The typo'd vocabulary value lists what is allowed.
    CHECK(contains(r.err, "lscb"));
}

TEST_CASE("a JSON syntax error is reported as FILE:LINE:COL") {
    TempDir dir;
    const std::string f =
        dir.write("syntax.json", "{\"format\": \"boardscape\",\n  \"version\": 1,\n  oops\n}\n");
    const RunResult r = run_boardscape({"validate", f});
    CHECK(r.exit_code == 1);
    INFO(r.err);
    CHECK(r.err.rfind(f + ":3:", 0) == 0);
    CHECK(contains(r.err, ": error: "));
    // LINE:COL are numbers.
    const std::string rest = r.err.substr(f.size() + 3);
    CHECK(std::isdigit(static_cast<unsigned char>(rest.at(0))));
}

TEST_CASE("a missing file or a folder gives 'cannot read' and exit 1") {
    TempDir dir;
    const std::string f = dir.file("missing.json");
    for (const char* cmd : {"validate", "summary"}) {
        const RunResult r = run_boardscape({cmd, f});
        CHECK(r.exit_code == 1);
        CHECK(r.err == f + ": error: cannot read: No such file or directory\n");
    }
    const RunResult folder = run_boardscape({"report", "load", dir.path().string()});
    CHECK(folder.exit_code == 1);
    CHECK(contains(folder.err, dir.path().string() + ": error: cannot read: "));
}

TEST_CASE("warnings go to stderr and still exit 0") {
    TempDir dir;
    std::string text = k_small;
    text.replace(text.find("\"meta\": {"), 9, "\"meta\": {\"colour\": \"blue\", ");
    const std::string f = dir.write("warn.json", text);
    const RunResult r = run_boardscape({"validate", f});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, f + ": warning: /meta/colour"));
    CHECK(contains(r.out, "(1 warning)"));
}

TEST_CASE("broken, empty and binary files never crash any command") {
    TempDir dir;
    std::vector<std::string> files = {
        dir.write("empty.json", ""),
        dir.write("binary.json", std::string("\x00\xff\xfe\x80{\x01[\"\xc3", 9)),
        dir.write("truncated.json", k_small.substr(0, k_small.size() / 2)),
        dir.write("deep.json", std::string(100000, '[')),
        dir.write("wrong.json", "[1, 2, 3]"),
        dir.write("numbers.json", "{\"format\": \"boardscape\", \"version\": 1e400}"),
        dir.write("nul.json", std::string("{\"format\": \"board\0scape\"}", 25)),
    };
    for (const auto& f : files) {
        for (std::vector<std::string> args : {std::vector<std::string>{"validate", f},
                                              {"summary", f},
                                              {"report", "load", f},
                                              {"report", "overlap", f, "--format", "json"},
                                              {"export", f, "--to", "dot", "-o", "-"}}) {
            CAPTURE(args[0]);
            CAPTURE(f);
            const RunResult r = run_boardscape(args);
            CHECK_FALSE(r.crashed());
            CHECK(r.exit_code == 1);
            CHECK(contains(r.err, ": error: "));
        }
    }
}

// [SECTION] report values (worked by hand from fixtures.hpp)

TEST_CASE("report load --format json has the contract's fields and hand-computed values") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const json j = run_json({"report", "load", f, "--format", "json"});
    CHECK(j.at("as_of") == "2015-06-30");
    CHECK(j.at("prep_factor") == 0.0);
    CHECK(j.at("travel_hours") == 0.0);
    // p1: b1 6×2 + b2 4×3 = 24 h (attended 12 + 0.5×12 = 18); p3: b1s 10×1 + b2 12 = 22
    // (attended 0 + 12); p2: b1 12 (b3 inactive).
    const auto& people = j.at("people");
    REQUIRE(people.size() == 3);
    CHECK(people[0].at("id") == "p1");
    CHECK(people[1].at("id") == "p3");
    CHECK(people[2].at("id") == "p2");
    CHECK(people[0].at("seats") == 2);
    CHECK(people[0].at("boards") == 2);
    CHECK(people[0].at("meetings").get<double>() == doctest::Approx(10));
    CHECK(people[0].at("hours").get<double>() == doctest::Approx(24));
    CHECK(people[0].at("attended_hours").get<double>() == doctest::Approx(18));
    CHECK(people[1].at("hours").get<double>() == doctest::Approx(22));
    CHECK(people[1].at("attended_hours").get<double>() == doctest::Approx(12));
    CHECK(people[2].at("seats") == 1);
    // Field order is the contract's.
    std::vector<std::string> keys;
    for (auto it = people[0].begin(); it != people[0].end(); ++it) keys.push_back(it.key());
    CHECK(keys ==
          std::vector<std::string>{"id", "seats", "boards", "meetings", "hours", "attended_hours"});
    const auto& agencies = j.at("agencies");
    REQUIRE(agencies.size() == 3);
    CHECK(agencies[0].at("id") == "la_c");
    CHECK(agencies[0].at("sector") == "local_authority");
    CHECK(agencies[0].at("people") == 1);
    CHECK(agencies[1].at("id") == "ccg");
    CHECK(agencies[2].at("id") == "pol");
    // Boards by seats: b1 (p1, p2) and b2 (p1, p3) have 2, b1s has 1; b1's tie between
    // local_authority and police goes to the alphabetically first.
    const auto& boards = j.at("boards");
    REQUIRE(boards.size() == 3);
    CHECK(boards[0].at("id") == "b1");
    CHECK(boards[1].at("id") == "b2");
    CHECK(boards[2].at("id") == "b1s");
    CHECK(boards[0].at("largest_sector") == "local_authority");
    CHECK(boards[0].at("largest_group") == "council");
    CHECK(boards[0].at("seats_by_group").at("justice") == 1);
}

TEST_CASE("--prep-factor and --travel-hours change load hours and order") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    // hours = meetings × (meeting_hours × 1.5 + 1): p1 6×4 + 4×5.5 = 46; p3 10×2.5 + 22 = 47;
    // p2 6×4 = 24.
    const json j = run_json(
        {"report", "--prep-factor", "0.5", "load", "--travel-hours=1", f, "--format=json"});
    CHECK(j.at("prep_factor") == 0.5);
    CHECK(j.at("travel_hours") == 1.0);
    const auto& people = j.at("people");
    CHECK(people[0].at("id") == "p3");
    CHECK(people[0].at("hours").get<double>() == doctest::Approx(47));
    CHECK(people[1].at("hours").get<double>() == doctest::Approx(46));
    CHECK(people[2].at("hours").get<double>() == doctest::Approx(24));
}

TEST_CASE("--as-of changes which boards count") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    // On 2014-06-30 the CSP b3 is still active: p2 gains 4×2 = 8 h and a seat.
    const json j = run_json({"report", "load", f, "--format", "json", "--as-of", "2014-06-30"});
    CHECK(j.at("as_of") == "2014-06-30");
    const json& p2 = find_id(j.at("people"), "p2");
    CHECK(p2.at("seats") == 2);
    CHECK(p2.at("hours").get<double>() == doctest::Approx(20));

    const json s0 = run_json({"summary", f, "--format", "json"});
    const json s1 = run_json({"summary", f, "--format", "json", "--as-of=2014-06-30"});
    CHECK(s0.at("counts").at("top_level_boards").at("active") == 2);
    CHECK(s1.at("counts").at("top_level_boards").at("active") == 3);
    CHECK(s0.at("counts").at("memberships").at("active") == 5);
    CHECK(s1.at("counts").at("memberships").at("active") == 6);
}

TEST_CASE("report overlap --format json") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const json j = run_json({"report", "overlap", f, "--format", "json"});
    CHECK(j.at("as_of") == "2015-06-30");
    // members(b1) = {p1, p2, p3 via b1s}, members(b2) = {p1, p3}.
    REQUIRE(j.at("board_pairs").size() == 1);
    const json& pair = j.at("board_pairs")[0];
    CHECK(pair.at("a") == "b1");
    CHECK(pair.at("b") == "b2");
    CHECK(pair.at("shared") == 2);
    CHECK(pair.at("jaccard").get<double>() == doctest::Approx(2.0 / 3.0));
    CHECK(pair.at("min_overlap").get<double>() == doctest::Approx(1.0));
    CHECK(pair.at("newman_weight").get<double>() == doctest::Approx(2.0));
    CHECK(j.at("multi_board_people") == 2);
    CHECK(j.at("interlock_density").get<double>() == doctest::Approx(1.0));
    CHECK(j.at("chairs_of_several") == json::array({"p1"}));
    CHECK(j.at("people")[2].at("id") == "p2");
    CHECK(j.at("people")[2].at("boards") == 1);
    // Person-board graph: the 4-cycle b1-p1-b2-p3 plus p2 hanging off b1; N = 5, so divide
    // raw betweenness by 6: b1 3.5, p1 1, p3 1, b2 0.5, p2 0.
    const json& brokers = j.at("brokers");
    REQUIRE(brokers.size() == 5);
    CHECK(brokers[0].at("id") == "b1");
    CHECK(brokers[0].at("type") == "board");
    CHECK(brokers[0].at("betweenness").get<double>() == doctest::Approx(3.5 / 6));
    CHECK(find_id(brokers, "p1").at("betweenness").get<double>() == doctest::Approx(1.0 / 6));
    CHECK(find_id(brokers, "b2").at("betweenness").get<double>() == doctest::Approx(0.5 / 6));
    CHECK(brokers[4].at("id") == "p2");
    CHECK(j.at("estimated") == false);
}

TEST_CASE("report boundaries --format json") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const json j = run_json({"report", "boundaries", f, "--format", "json"});
    // Every agency meets b1 (lscb, 6) and b2 (sab, 4): 10 meetings; ties by id.
    const auto& agencies = j.at("agencies");
    REQUIRE(agencies.size() == 3);
    CHECK(agencies[0].at("id") == "ccg");
    CHECK(agencies[1].at("id") == "la_c");
    CHECK(agencies[2].at("id") == "pol");
    CHECK(agencies[0].at("boards_to_attend") == json({{"lscb", 1}, {"sab", 1}}));
    CHECK(agencies[0].at("meetings_to_attend").get<double>() == doctest::Approx(10));
    const json& rel = agencies[0].at("relations").at(0);
    CHECK(rel.at("board") == "b1");
    CHECK(rel.at("relation") == "agency_narrower");
    CHECK(rel.at("overlap_share").get<double>() == doctest::Approx(0.25));  // 100 / 400
    CHECK(agencies[2].at("relations").at(0).at("relation") == "agency_wider");
    const auto& boards = j.at("boards");
    REQUIRE(boards.size() == 2);
    CHECK(boards[0].at("id") == "b1");
    CHECK(boards[0].at("partners") == json::array({"ccg", "la_c", "pol"}));
    CHECK(boards[0].at("coterminosity").get<double>() == doctest::Approx(1.0 / 3));
    CHECK(boards[1].at("coterminosity").get<double>() == doctest::Approx(0.5));
    CHECK(boards[1].at("straddling") == json::array());
}

TEST_CASE("report boundaries: expected attendance, --prep-factor, --travel-hours and --rules") {
    // k_small at 2015-06-30: active top-level boards b1 lscb [c] 6×2 and b2 sab [c] 4×3 (b3 has
    // ended; b1s is a sub-group). The built-in rules expect local_authority, police and
    // health_commissioner at both kinds, so every agency is expected at both: 10 meetings,
    // 6×2 + 4×3 = 24 hours.
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const json j = run_json({"report", "boundaries", f, "--format", "json"});
    CHECK(j.at("rules") == "built-in");
    for (const auto& a : j.at("agencies")) {
        CAPTURE(a.at("id"));
        CHECK(a.at("expected_boards") == json({{"lscb", 1}, {"sab", 1}}));
        CHECK(a.at("expected_meetings").get<double>() == doctest::Approx(10));
        CHECK(a.at("expected_hours").get<double>() == doctest::Approx(24));
    }

    // Prep factor 0.5, travel 1 h: b1 6 × (2×1.5 + 1) = 24, b2 4 × (3×1.5 + 1) = 22; 46.
    const json priced = run_json({"report", "boundaries", f, "--format", "json",
                                  "--prep-factor", "0.5", "--travel-hours", "1"});
    CHECK(priced.at("prep_factor") == 0.5);
    CHECK(priced.at("agencies").at(0).at("expected_hours").get<double>() == doctest::Approx(46));
    CHECK(priced.at("agencies").at(0).at("expected_meetings").get<double>() ==
          doctest::Approx(10));

    // Rules where only the sab expects anyone, and only the police: pol is expected at b2
    // alone (4 meetings, 4×3 = 12 hours); the council and the CCG at nothing. The patch
    // (boards_to_attend, meetings_to_attend) does not depend on the rules.
    const std::string rules =
        dir.write("police-sab.json", R"({"sab": {"sectors": ["police"], "roles": {}}})");
    const json k = run_json({"report", "boundaries", f, "--format", "json", "--rules", rules});
    CHECK(k.at("rules") == rules);
    const auto& agencies = k.at("agencies");
    REQUIRE(agencies.size() == 3);
    CHECK(agencies[2].at("id") == "pol");
    CHECK(agencies[2].at("expected_boards") == json({{"sab", 1}}));
    CHECK(agencies[2].at("expected_meetings").get<double>() == doctest::Approx(4));
    CHECK(agencies[2].at("expected_hours").get<double>() == doctest::Approx(12));
    CHECK(agencies[2].at("meetings_to_attend").get<double>() == doctest::Approx(10));
    CHECK(agencies[0].at("expected_boards") == json::object());
    CHECK(agencies[0].at("expected_hours").get<double>() == 0);

    // The table says which rules it used and what expected and patch mean; expected first.
    const RunResult t = run_boardscape({"report", "boundaries", f, "--rules", rules, "--table",
                                        "agencies"});
    CHECK(t.exit_code == 0);
    CHECK(contains(t.out, "(rules: " + rules + ")"));
    CHECK(contains(t.out, "patch: every board whose footprint meets the agency's"));
    const auto header = lines(t.out).at(1);
    CHECK(header.find("expected_hours") < header.find("meetings_to_attend"));
    const RunResult csv =
        run_boardscape({"report", "boundaries", f, "--format", "csv", "--table", "agencies"});
    CHECK(lines(csv.out).at(0) ==
          "agency,name,sector,expected_boards,expected_meetings,expected_hours,lscb,sab,"
          "boards_to_attend,meetings_to_attend,straddles");
    // The CCG covers d1 only: narrower than both boards, so it straddles none.
    CHECK(lines(csv.out).at(1) == "ccg,\"CCG, North\",health_commissioner,2,10,24.0,1,1,2,10,0");

    // --as-of 2014-06-01: b3 (csp [u], 4×2) is active; it expects the police, whose footprint
    // includes u: pol 3 boards, 14 meetings, 24 + 8 = 32 hours. The council (c only) is unmoved.
    const json early =
        run_json({"report", "boundaries", f, "--format", "json", "--as-of", "2014-06-01"});
    CHECK(early.at("agencies").at(0).at("id") == "pol");
    CHECK(early.at("agencies").at(0).at("expected_boards") ==
          json({{"csp", 1}, {"lscb", 1}, {"sab", 1}}));
    CHECK(early.at("agencies").at(0).at("expected_meetings").get<double>() ==
          doctest::Approx(14));
    CHECK(early.at("agencies").at(0).at("expected_hours").get<double>() == doctest::Approx(32));

    // A bad rules file is bad input (exit 1), as for representation.
    const std::string bad = dir.write("bad.json", R"({"sab": {"sectors": ["polce"]}})");
    const RunResult b = run_boardscape({"report", "boundaries", f, "--rules", bad});
    CHECK(b.exit_code == 1);
    CHECK(contains(b.err, "/sab/sectors/0"));
}

TEST_CASE("report representation --format json, and --rules") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const json j = run_json({"report", "representation", f, "--format", "json"});
    const json& b1 = find_id(j.at("boards"), "b1");
    CHECK(b1.at("kind") == "lscb");
    const auto sector = [](const json& board, const std::string& s) -> json {
        for (const auto& e : board.at("expected"))
            if (e.at("sector") == s) return e;
        return json();
    };
    // Only seats on b1 itself count: p1 (local_authority, senior regular) and p2 (police).
    const json la = sector(b1, "local_authority");
    CHECK(la.at("status") == "present");
    CHECK(la.at("seats") == 1);
    CHECK(la.at("senior_regular") == 1);
    CHECK(sector(b1, "health_commissioner").at("status") == "absent");
    // County c has districts, so district_council is expected of the LSCB.
    CHECK(sector(b1, "district_council").at("status") == "absent");
    bool lay = false;
    for (const auto& r : b1.at("roles"))
        if (r.at("role") == "lay_member") {
            lay = true;
            CHECK(r.at("expected") == 2);
            CHECK(r.at("seats") == 0);
        }
    CHECK(lay);
    const json& b2 = find_id(j.at("boards"), "b2");
    CHECK(sector(b2, "local_authority").at("sporadic") == 1);
    CHECK(sector(b2, "health_commissioner").at("seats") == 1);
    CHECK(sector(b2, "police").at("status") == "absent");

    const std::string rules =
        dir.write("rules.json", R"({"sab": {"sectors": ["police"], "roles": {}}})");
    const json k = run_json({"report", "representation", f, "--format", "json", "--rules", rules});
    CHECK(find_id(k.at("boards"), "b1").at("expected").empty());
    const json& k2 = find_id(k.at("boards"), "b2");
    REQUIRE(k2.at("expected").size() == 1);
    CHECK(k2.at("expected")[0].at("sector") == "police");
    CHECK(k2.at("other_sectors").size() == 2);

    const RunResult missing =
        run_boardscape({"report", "representation", f, "--rules", dir.file("none.json")});
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "none.json: error: cannot read: "));
}

// [SECTION] Table formats

TEST_CASE("csv has the right header, quoting and row count") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const RunResult r =
        run_boardscape({"report", "load", f, "--format", "csv", "--table", "people"});
    CHECK(r.exit_code == 0);
    const auto rows = lines(r.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "person,name,seats,boards,meetings,hours,attended_hours");
    CHECK(rows[1] == "p1,Pat One,2,2,10,24.0,18.0");
    CHECK(contains(r.out, "\r\n"));

    const RunResult a =
        run_boardscape({"report", "load", f, "--format", "csv", "--table", "agencies"});
    CHECK(contains(a.out, "ccg,\"CCG, North\",health_commissioner,"));

    // Without --table every table comes out, blank-line separated.
    const RunResult all = run_boardscape({"report", "load", f, "--format", "csv"});
    const auto all_rows = lines(all.out);
    CHECK(all_rows.size() == 4 + 1 + 4 + 1 + 4);
    CHECK(all_rows[5].rfind("agency,", 0) == 0);
    CHECK(all_rows[10].rfind("board,", 0) == 0);
}

TEST_CASE("md output is a GitHub table, the default table output is readable text") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const RunResult md = run_boardscape({"report", "load", f, "--format", "md"});
    CHECK(md.exit_code == 0);
    CHECK(contains(md.out, "### Load by person"));
    CHECK(contains(md.out, "| person | name | seats |"));
    CHECK(contains(md.out, "| --- | --- | ---: |"));
    CHECK(contains(md.out, "| p1 | Pat One | 2 | 2 | 10 | 24.0 | 18.0 |"));

    const RunResult t = run_boardscape({"report", "load", f});
    CHECK(t.exit_code == 0);
    CHECK(contains(t.out, "Load by person: meetings and hours a year - as of 2015-06-30"));
    CHECK(contains(t.out, "Load by agency"));
    CHECK(contains(t.out, "Pat One"));
    const RunResult top = run_boardscape({"report", "load", f, "--top", "1", "--table", "people"});
    CHECK(contains(top.out, "(top 1 of 3;"));
    CHECK(lines(top.out).size() == 4);  // title, header, rule, one row

    for (const char* kind : {"overlap", "boundaries", "representation"}) {
        CAPTURE(kind);
        for (const char* fmt : {"table", "csv", "md"}) {
            const RunResult k = run_boardscape({"report", kind, f, "--format", fmt});
            CHECK(k.exit_code == 0);
            CHECK_FALSE(k.out.empty());
        }
    }
    const RunResult s = run_boardscape({"summary", f});
    CHECK(s.exit_code == 0);
    CHECK(contains(s.out, "Small test landscape - as of 2015-06-30"));
}

// [SECTION] export

TEST_CASE("export writes GraphML and DOT files") {
    TempDir dir;
    const std::string f = dir.write("small.json", k_small);
    const std::string out = dir.file("out.graphml");
    const RunResult r = run_boardscape({"export", f, "--to", "graphml", "-o", out});
    CHECK(r.exit_code == 0);
    INFO(r.err);
    const std::string g = read_file(out);
    CHECK(contains(g, "<graphml"));
    CHECK(contains(g, "p1"));

    const RunResult dot = run_boardscape({"export", f, "--to=dot", "-o", "-"});
    CHECK(dot.exit_code == 0);
    CHECK(contains(dot.out, "digraph"));

    // Format from the extension; no temporary files left behind.
    CHECK(run_boardscape({"export", f, "--output", dir.file("x.dot")}).exit_code == 0);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 3);

    const RunResult nowhere =
        run_boardscape({"export", f, "--to", "graphml", "-o", dir.file("no/such/dir/x.graphml")});
    CHECK(nowhere.exit_code == 1);
    CHECK(contains(nowhere.err, ": error: cannot write: "));
    CHECK(run_boardscape({"export", f, "--to", "graphml"}).exit_code == 2);
    CHECK(run_boardscape({"export", f, "--to", "png", "-o", out}).exit_code == 2);
}
