// End-to-end: `boardscape import-ons` on hand-made lookups (good and broken) and `boardscape
// extract` on its output; exit codes and the FILE:LINE:COL error form. Then the bundled national
// files: the boards of 2024, their footprints, and that the documented command rebuilds them.
#include "run_cli.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

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
    CHECK(contains(r.err, "4 areas, 16 boards"));
    CHECK(run_boardscape({"validate", out}).exit_code == 0);

    // The planner's question: North ICB attends 2 lscp + 2 hwb + 2 sab (6 a year) and 2 CSPs,
    // 2 DALPBs, 2 youth justice boards, its ICP, the MAPPA SMB and the LCJB (4 a year) = 36 + 36
    // = 72 meetings; it straddles Shire's boards with 100 of Shire's 150 LSOAs.
    const RunResult b = run_boardscape({"report", "boundaries", out, "--format", "json"});
    REQUIRE(b.exit_code == 0);
    const json j = json::parse(b.out);
    bool seen = false;
    for (const auto& a : j.at("agencies")) {
        if (a.at("id") != "icb-north") continue;
        seen = true;
        CHECK(a.at("meetings_to_attend") == 72);
        CHECK(a.at("boards_to_attend").at("csp") == 2);
        for (const auto& rel : a.at("relations"))
            if (rel.at("board") == "lscp-shire") {
                CHECK(rel.at("relation") == "straddles");
                CHECK(rel.at("overlap_share").get<double>() == doctest::Approx(100.0 / 150.0));
            }
    }
    CHECK(seen);

    // Extract around Beta: Shire's boards, the Shire South CSP, South's ICP, the force area's
    // MAPPA SMB and LCJB; with depth 0 nothing of Gamma's.
    const std::string ex = dir.file("beta.json");
    const RunResult e = run_boardscape({"extract", out, "--area", "Beta", "--depth", "0", "-o", ex});
    INFO("stderr: " << e.err);
    REQUIRE(e.exit_code == 0);
    const json x = json::parse(read_file(ex));
    std::vector<std::string> boards;
    for (const auto& bd : x.at("boards")) boards.push_back(bd.at("id"));
    CHECK(boards == std::vector<std::string>{"lscp-shire", "hwb-shire", "sab-shire", "dalpb-shire", "yjmb-shire",
                                             "csp-shire-south", "icp-south", "mappa-smb-shire-valley",
                                             "lcjb-shire-valley"});
    CHECK(run_boardscape({"validate", ex}).exit_code == 0);

    // An agency stands for its footprint: the South ICB is Beta, so the same nine boards.
    const std::string icb = dir.file("icb.json");
    const RunResult a = run_boardscape({"extract", out, "--area", "NHS South Integrated Care Board", "--depth", "0",
                                        "-o", icb});
    INFO("stderr: " << a.err);
    REQUIRE(a.exit_code == 0);
    CHECK(a.err.find("NHS South Integrated Care Board area (depth 0)") != std::string::npos);
    CHECK(a.err.find("kept 9 boards, 6 agencies, ") != std::string::npos);
    const json y = json::parse(read_file(icb));
    std::vector<std::string> icb_boards;
    for (const auto& bd : y.at("boards")) icb_boards.push_back(bd.at("id"));
    CHECK(icb_boards == boards);
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

// [SECTION] The bundled national files

namespace {

const std::filesystem::path k_root = BOARDSCAPE_SOURCE_DIR;

json load_json(const std::string& name) { return json::parse(read_file((k_root / "datasets" / name).string())); }

std::map<std::string, int> kinds_of(const json& d) {
    std::map<std::string, int> n;
    for (const auto& b : d.at("boards")) ++n[b.at("kind").get<std::string>()];
    return n;
}
std::map<std::string, int> sectors_of(const json& d) {
    std::map<std::string, int> n;
    for (const auto& a : d.at("agencies")) ++n[a.at("sector").get<std::string>()];
    return n;
}
std::set<std::string> footprint(const json& d, const std::string& section, const std::string& id) {
    for (const auto& x : d.at(section))
        if (x.at("id") == id) return x.at("footprint").get<std::set<std::string>>();
    FAIL("no " << section << " entry " << id);
    return {};
}
std::string agency_name(const json& d, const std::string& id) {
    for (const auto& a : d.at("agencies"))
        if (a.at("id") == id) return a.at("name");
    return "(none)";
}

}  // namespace

TEST_CASE("england-2024.json has the boards of 2024 with their footprints") {
    const json d = load_json("england-2024.json");
    const auto kinds = kinds_of(d);
    CHECK(kinds.at("icp") == 42);
    CHECK(kinds.at("dalpb") == 121);  // 120 tier-one councils outside London + the GLA's
    CHECK(kinds.at("mappa_smb") == 38);
    CHECK(kinds.at("lcjb") == 38);
    CHECK(kinds.at("yjmb") == 143);  // 153 councils; 6 joint services cover 16 of them: 153 - 16 + 6
    CHECK_FALSE(kinds.count("cdp"));
    CHECK_FALSE(kinds.count("svp"));
    const auto sectors = sectors_of(d);
    CHECK(sectors.at("pcc") == 39);
    CHECK(sectors.at("youth_justice") == 143);
    CHECK(sectors.at("other") == 1);  // the Greater London Authority

    // Each ICP covers exactly its ICB's footprint (icp-X and icb-X share the stem X).
    int icps = 0;
    for (const auto& a : d.at("agencies")) {
        const std::string id = a.at("id");
        if (a.at("sector") != "health_commissioner") continue;
        CHECK(footprint(d, "boards", "icp-" + id.substr(4)) == a.at("footprint").get<std::set<std::string>>());
        ++icps;
    }
    CHECK(icps == 42);

    // London's DALPB (the GLA's) covers all 33 London authorities, the 32 boroughs and the City.
    std::set<std::string> london;
    for (const auto& a : d.at("areas"))
        if (a.contains("code") && a.at("code").get<std::string>().rfind("E09", 0) == 0) london.insert(a.at("id"));
    CHECK(london.size() == 33);
    CHECK(footprint(d, "boards", "dalpb-london") == london);
    CHECK(footprint(d, "agencies", "gla") == london);

    // The London MAPPA area and criminal justice board: the Met's and the City's force areas.
    auto met_and_city = footprint(d, "agencies", "police-metropolitan-police");
    CHECK(met_and_city.size() == 32);
    met_and_city.merge(footprint(d, "agencies", "police-city-of-london"));
    CHECK(met_and_city == london);
    CHECK(footprint(d, "boards", "mappa-smb-london") == london);
    CHECK(footprint(d, "boards", "lcjb-london") == london);

    // Who holds the PCC functions on 1 July 2024.
    CHECK(agency_name(d, "pcc-metropolitan-police") == "Mayor's Office for Policing and Crime (MOPAC)");
    CHECK(agency_name(d, "pcc-city-of-london") == "City of London Corporation (police authority)");
    CHECK(agency_name(d, "pcc-south-yorkshire") == "Mayor of South Yorkshire (police and crime commissioner functions)");
    CHECK(agency_name(d, "pcc-north-yorkshire") ==
          "Mayor of York and North Yorkshire (police, fire and crime commissioner functions)");
    CHECK(agency_name(d, "pcc-cumbria") == "Cumbria Police, Fire and Crime Commissioner");
    CHECK(agency_name(d, "pcc-west-midlands") == "West Midlands Police and Crime Commissioner");
}

TEST_CASE("england-2024.json: Thames Valley Police's patch includes 3 ICPs, 1 MAPPA SMB and 1 LCJB") {
    // The force area is nine authorities: Bracknell Forest, Reading, Slough, West Berkshire,
    // Windsor and Maidenhead, Wokingham (Berkshire), Buckinghamshire, Milton Keynes, Oxfordshire.
    // Their ICBs: Buckinghamshire, Oxfordshire and Berkshire West (Bucks, Oxon, Reading, West
    // Berkshire, Wokingham), Frimley (Bracknell Forest, Slough, Windsor and Maidenhead) and
    // Bedfordshire, Luton and Milton Keynes → 3 ICPs. No joint DALPB or youth justice service in
    // the force area: 9 each. Children's boards: Berkshire West's partnership covers Reading, West
    // Berkshire and Wokingham, and Bracknell Forest, Slough and Windsor and Maidenhead each run an
    // all-age partnership → 9 − 2 = 7. Adults' boards: the West of Berkshire SAB covers the same
    // three, and the three all-age partnerships do the adults' duty → 9 − 2 − 3 = 4.
    // Meetings: (7 + 9 HWBs + 4) × 6 + (16 CSPs + 9 + 9 + 3 + 1 + 1) × 4 = 120 + 156 = 276.
    const RunResult r = run_boardscape(
        {"report", "boundaries", (k_root / "datasets" / "england-2024.json").string(), "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const json j = json::parse(r.out);
    bool seen = false;
    for (const auto& a : j.at("agencies")) {
        if (a.at("id") != "police-thames-valley") continue;
        seen = true;
        const auto& k = a.at("boards_to_attend");
        CHECK(k.at("icp") == 3);
        CHECK(k.at("mappa_smb") == 1);
        CHECK(k.at("lcjb") == 1);
        CHECK(k.at("dalpb") == 9);
        CHECK(k.at("yjmb") == 9);
        CHECK(k.at("lscp") == 7);
        CHECK(k.at("sab") == 4);
        CHECK(k.at("hwb") == 9);
        CHECK(k.at("csp") == 16);
        CHECK(a.at("meetings_to_attend") == 276);
    }
    CHECK(seen);
}

TEST_CASE("england-2015.json has the MAPPA SMBs, LCJBs and PCCs of 2015 and none of the later kinds") {
    const json d = load_json("england-2015.json");
    const auto kinds = kinds_of(d);
    CHECK(kinds.at("mappa_smb") == 38);
    CHECK(kinds.at("lcjb") == 38);
    CHECK(kinds.at("lscb") == 147);
    for (const char* k : {"icp", "dalpb", "yjmb", "cdp", "svp"}) CHECK_FALSE(kinds.count(k));
    CHECK(sectors_of(d).at("pcc") == 39);
    CHECK(agency_name(d, "pcc-greater-manchester") == "Greater Manchester Police and Crime Commissioner");
    CHECK(agency_name(d, "pcc-essex") == "Essex Police and Crime Commissioner");
    CHECK(agency_name(d, "pcc-metropolitan-police") == "Mayor's Office for Policing and Crime (MOPAC)");
}

TEST_CASE("the national files are exactly what the documented import-ons commands write") {
    // datasets/NATIONAL.md, "How they were made": the files are generated, never hand-edited.
    const auto ref = k_root / ".." / "shared" / "reference";
    if (!std::filesystem::is_directory(ref)) {
        MESSAGE("skipped: no reference lookups at " << ref.string());
        return;
    }
    TempDir dir;
    const std::string y24 = dir.file("england-2024.json"), y15 = dir.file("england-2015.json");
    REQUIRE(run_boardscape({"import-ons", "--year", "2024", "--reference", ref.string(), "-o", y24}).exit_code == 0);
    REQUIRE(run_boardscape({"import-ons", "--year", "2015", "--reference", ref.string(), "--successors", y24, "-o",
                            y15})
                .exit_code == 0);
    CHECK(read_file(y24) == read_file((k_root / "datasets" / "england-2024.json").string()));
    CHECK(read_file(y15) == read_file((k_root / "datasets" / "england-2015.json").string()));
}
