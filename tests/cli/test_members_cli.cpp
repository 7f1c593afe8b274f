// End-to-end: `import-members` (dry run, writing, re-import, errors writing nothing,
// --create-missing), `export --to csv` and `import-csv`, and the bundled template.
#include "fixtures.hpp"
#include "run_cli.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace cli_test;

namespace {

// Against k_small (fixtures.hpp): b1 "County LSCB", b2 "County SAB"; la_c "County Council",
// pol "Police"; p1 Pat One (la_c) chairs b1 and b2 (no from).
const char* k_sheet =
    "person;agency;board;role;attendance\r\n"
    "Pat One;County Council;county lscb;chair;regular\r\n"  // p1's seat on b1: unchanged
    "Pat One;la_c;b2;;never\r\n"                            // p1's seat on b2: updated
    "Jo New;Police;County SAB;member;\r\n";                 // a new person and seat

}  // namespace

TEST_CASE("import-members --dry-run prints the changes and writes nothing") {
    TempDir dir;
    const std::string base = dir.write("base.json", k_small);
    const std::string sheet = dir.write("m.csv", k_sheet);
    const std::string out = dir.file("out.json");
    const RunResult r =
        run_boardscape({"import-members", sheet, "--base", base, "-o", out, "--dry-run"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == sheet +
                       ": 3 rows: 1 person added, 1 seat added, 1 seat updated, 1 seat unchanged "
                       "(dry run: nothing written)\n"
                       "people added:\n"
                       "  line 4  p-jo-new  Jo New (pol)\n"
                       "seats added:\n"
                       "  line 4  Jo New (p-jo-new, new) on County SAB (b2): member\n"
                       "seats updated:\n"
                       "  line 3  Pat One (p1) on County SAB (b2): chair: attendance: sporadic -> never\n");
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("import-members writes a valid file, and importing again changes nothing") {
    TempDir dir;
    const std::string base = dir.write("base.json", k_small);
    const std::string sheet = dir.write("m.csv", k_sheet);
    const std::string out = dir.file("out.json");
    const RunResult r = run_boardscape({"import-members", sheet, "--base", base, "-o", out});
    CHECK(r.exit_code == 0);
    CHECK(r.err == out + ": " + sheet +
                       " (3 rows): 1 person added, 1 seat added, 1 seat updated, 1 seat unchanged\n");
    const RunResult v = run_boardscape({"validate", out});
    CHECK(v.out == out + ": ok: 4 areas, 3 agencies, 4 boards, 4 people, 7 memberships, 1 relation\n");
    const RunResult again =
        run_boardscape({"import-members", sheet, "--base", out, "-o", out});
    CHECK(again.exit_code == 0);
    CHECK(contains(again.err, "0 people added, 0 seats added, 0 seats updated, 3 seats unchanged"));
    CHECK(std::filesystem::exists(out + ".bak"));  // OUT was BASE: the old version is kept
    CHECK(read_file(out) == read_file(out + ".bak"));
}

TEST_CASE("import-members lists every problem and writes nothing") {
    TempDir dir;
    const std::string base = dir.write("base.json", k_small);
    const std::string sheet = dir.write("bad.csv",
                                        "person,board,role,from\n"
                                        "Pat One,County LSBC,chair,\n"
                                        ",b1,member,\n"
                                        "Jo New,b2,boss,2015-02-30\n");
    const std::string out = dir.write("out.json", "old text");
    const RunResult r = run_boardscape({"import-members", sheet, "--base", base, "-o", out});
    CHECK(r.exit_code == 1);
    CHECK(lines(r.err) ==
          std::vector<std::string>{
              sheet + ":2:9: error: no board with the id or name 'County LSBC' in BASE; did you "
                      "mean 'County LSCB' (b1)?",
              sheet + ":3:1: error: missing person name (the person column is required on every row)",
              sheet + ":4:11: error: unknown role 'boss'; expected one of: chair, vice_chair, "
                      "member, lay_member, participating_observer, adviser, officer",
              sheet + ":4:16: error: expected a date as YYYY-MM-DD, got '2015-02-30': the day 30 "
                      "is invalid (2015-02 has 28 days)",
              sheet + ": 4 errors; nothing written",
          });
    CHECK(read_file(out) == "old text");
}

TEST_CASE("import-members --create-missing needs a sector column") {
    TempDir dir;
    const std::string base = dir.write("base.json", k_small);
    const std::string out = dir.file("out.json");
    const std::string no_sector =
        dir.write("a.csv", "person,agency,board\nVal Hill,Shire Voluntary Action,b1\n");
    const RunResult bad = run_boardscape(
        {"import-members", no_sector, "--base", base, "-o", out, "--create-missing"});
    CHECK(bad.exit_code == 1);
    CHECK(contains(bad.err, no_sector + ":2:10: error: no agency with the id or name 'Shire "
                                        "Voluntary Action' in BASE; --create-missing needs a "
                                        "'sector' column"));
    CHECK_FALSE(std::filesystem::exists(out));
    const std::string with_sector = dir.write(
        "b.csv", "person,agency,sector,board\nVal Hill,Shire Voluntary Action,voluntary,b1\n");
    const RunResult ok = run_boardscape(
        {"import-members", with_sector, "--base", base, "-o", out, "--create-missing"});
    CHECK(ok.exit_code == 0);
    CHECK(contains(ok.err, "1 person added, 1 seat added, 0 seats updated, 0 seats unchanged, 1 agency added"));
    CHECK(contains(read_file(out), R"(
      "id": "shire-voluntary-action",
      "name": "Shire Voluntary Action",
      "sector": "voluntary",
      "footprint": ["c"]
)"));
    const RunResult without = run_boardscape({"import-members", with_sector, "--base", base, "-o", out});
    CHECK(without.exit_code == 1);
}

TEST_CASE("import-members: usage errors") {
    TempDir dir;
    const std::string base = dir.write("base.json", k_small);
    const std::string sheet = dir.write("m.csv", k_sheet);
    CHECK(run_boardscape({"import-members", sheet, "-o", dir.file("o.json")}).exit_code == 2);
    CHECK(run_boardscape({"import-members", sheet, "--base", base}).exit_code == 2);
    const RunResult missing = run_boardscape({"import-members", dir.file("nope.csv"), "--base", base, "--dry-run"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == dir.file("nope.csv") + ": error: cannot read: No such file or directory\n");
}

TEST_CASE("extract --area suggests the England 2024 areas whose names hold the word, with codes") {
    TempDir dir;
    const std::string src = BOARDSCAPE_SOURCE_DIR;
    const std::string file = src + "/datasets/england-2024.json";
    RunResult r = run_boardscape({"extract", file, "--area", "Hull", "-o", dir.file("x.json")});
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          file +
              ": error: no area has the id, ONS code or name 'Hull', nor is it an agency's id or "
              "name (did you mean 'City of Kingston upon Hull' (E06000010)?)\n");
    r = run_boardscape({"extract", file, "--area", "kingston", "-o", dir.file("x.json")});
    CHECK(
        contains(r.err,
                 "(did you mean 'City of Kingston upon Hull' (E06000010) or 'Kingston upon Thames' "
                 "(E09000021)?)"));
    CHECK_FALSE(std::filesystem::exists(dir.file("x.json")));
}

TEST_CASE("the members template imports cleanly into an extract of England 2024") {
    TempDir dir;
    const std::string src = BOARDSCAPE_SOURCE_DIR;
    const std::string area = dir.file("area.json");
    REQUIRE(run_boardscape({"extract", src + "/datasets/england-2024.json", "--area", "Leeds",
                            "--depth", "0", "-o", area})
                .exit_code == 0);
    const std::string out = dir.file("out.json");
    const RunResult r = run_boardscape(
        {"import-members", src + "/datasets/templates/members.csv", "--base", area, "-o", out});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "(3 rows): 3 people added, 3 seats added, 0 seats updated, 0 seats unchanged"));
    CHECK(run_boardscape({"validate", out}).exit_code == 0);
}

TEST_CASE("export --to csv then import-csv gives the same file back") {
    TempDir dir;
    const std::string base = dir.write("base.json", k_small);
    const std::string csv = dir.file("csv");
    const RunResult e = run_boardscape({"export", base, "--to", "csv", "-o", csv});
    CHECK(e.exit_code == 0);
    for (const char* f : {"areas.csv", "agencies.csv", "boards.csv", "people.csv",
                          "memberships.csv", "relations.csv", "meta.json"})
        CHECK(std::filesystem::exists(csv + "/" + f));
    const std::string back = dir.file("back.json");
    const RunResult i = run_boardscape({"import-csv", csv, "-o", back});
    CHECK(i.exit_code == 0);
    CHECK(i.err == back + ": 4 areas, 3 agencies, 4 boards, 3 people, 6 memberships, 1 relations\n");
    const std::string canon = dir.file("canon.json");
    REQUIRE(run_boardscape({"format", base, "-o", canon}).exit_code == 0);
    CHECK(read_file(back) == read_file(canon));
    CHECK_FALSE(std::filesystem::exists(back + ".bak"));  // nothing was replaced
    // Importing over an existing file keeps it as OUT.bak.
    REQUIRE(run_boardscape({"import-csv", csv, "-o", base}).exit_code == 0);
    CHECK(read_file(base + ".bak") == k_small);
    CHECK(read_file(base) == read_file(canon));
    CHECK(run_boardscape({"export", base, "--to", "csv", "-o", "-"}).exit_code == 2);
    const RunResult none = run_boardscape({"import-csv", dir.file("nothing"), "-o", back});
    CHECK(none.exit_code == 1);
    CHECK(none.err == dir.file("nothing") + ": error: cannot read: no such directory\n");
}
