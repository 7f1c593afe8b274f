// The ONS importer on small hand-made lookups (and, when ../shared/reference exists next to the
// source tree, on the real ones: the national counts).
#include <doctest/doctest.h>

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/import/ons_import.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

using namespace boardscape;
using namespace boardscape::import;
namespace fs = std::filesystem;

namespace {

// A tiny England:
//
//   Shire (county, E10000001)            Gamma (unitary, E06000001)
//   ├─ Alpha (100 LSOAs: North 60, South 40)     30 LSOAs: North
//   └─ Beta  (50 LSOAs: South)
//   Wales W06000001 (skipped: not England)
//
//   CSP "Shire South" = Alpha + Beta; CSP "Gamma" = Gamma; both in PFA "Shire Valley".
//   Majority rule: North ICB = Alpha + Gamma, South ICB = Beta.
const char* k_tiers =
    "LTLA23CD,LTLA23NM,UTLA23CD,UTLA23NM\n"
    "E07000001,Alpha,E10000001,Shire\n"
    "E07000002,Beta,E10000001,Shire\n"
    "E06000001,Gamma,E06000001,Gamma\n"
    "W06000001,Wales,W06000001,Wales\n";
const char* k_csp =
    "\"ltla24_code\",\"ltla24_name\",\"csp24_code\",\"csp24_name\",\"pfa24_code\",\"pfa24_name\"\n"
    "\"E07000001\",\"Alpha\",\"E22000001\",\"Shire South\",\"E23000001\",\"Shire Valley\"\n"
    "\"E07000002\",\"Beta\",\"E22000001\",\"Shire South\",\"E23000001\",\"Shire Valley\"\n"
    "\"E06000001\",\"Gamma\",\"E22000002\",\"Gamma\",\"E23000001\",\"Shire Valley\"\n"
    "\"W06000001\",\"Wales\",\"W22000001\",\"Wales\",\"W15000001\",\"Dyfed\"\n";
const char* k_health =
    "lad24_code,lad24_name,icb24_code,icb24_code_nhs,icb24_name,lsoa21_count,lad_lsoa21_total\n"
    "E07000001,Alpha,E54000001,QAA,NHS North Integrated Care Board,60,100\n"
    "E07000001,Alpha,E54000002,QBB,NHS South Integrated Care Board,40,100\n"
    "E07000002,Beta,E54000002,QBB,NHS South Integrated Care Board,50,50\n"
    "E06000001,Gamma,E54000001,QAA,NHS North Integrated Care Board,30,30\n";

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        path = fs::temp_directory_path() / ("boardscape-import-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return path / name;
    }
};

ImportSources write_fixture(const TempDir& dir, const std::string& tiers = k_tiers,
                            const std::string& csp = k_csp, const std::string& health = k_health) {
    ImportSources s;
    s.tiers = dir.write("tiers.csv", tiers);
    s.csp = dir.write("csp.csv", csp);
    s.health = dir.write("health.csv", health);
    return s;
}

std::string crlf(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::vector<std::string> footprint_of(const Dataset& d, std::string_view id) {
    std::vector<std::string> out;
    if (auto a = d.find_agency(AgencyId(std::string(id))))
        for (const auto& f : d.agencies[*a].footprint) out.push_back(f.value);
    if (auto b = d.find_board(BoardId(std::string(id))))
        for (const auto& f : d.boards[*b].footprint) out.push_back(f.value);
    return out;
}

ImportError import_error(const ImportSources& s) {
    try {
        (void)import_ons(s, ImportOptions{});
    } catch (const ImportError& e) {
        return e;
    }
    FAIL("expected an ImportError");
    return ImportError("", 0, 0, "");
}

}  // namespace

TEST_CASE("import-ons: a good set of lookups builds areas, boards and agencies") {
    TempDir dir("good");
    const auto res = import_ons(write_fixture(dir), ImportOptions{});
    const Dataset& d = res.dataset;
    // Areas sorted by upper-tier name: Gamma, then Shire with its districts.
    REQUIRE(d.areas.size() == 4);
    CHECK(d.areas[0].id.value == "gamma");
    CHECK(d.areas[0].kind == "unitary");
    CHECK(d.areas[0].population == 30.0);
    CHECK(d.areas[1].id.value == "shire");
    CHECK(d.areas[1].kind == "county");
    CHECK(d.areas[1].code == "E10000001");
    CHECK_FALSE(d.areas[1].population.has_value());
    CHECK(d.areas[2].id.value == "alpha");
    CHECK(d.areas[2].parent->value == "shire");
    CHECK(d.areas[2].population == 100.0);
    CHECK(d.areas[3].population == 50.0);
    // 2024: lscp, hwb, sab per upper tier, and the two CSPs.
    CHECK(d.boards.size() == 8);
    CHECK(footprint_of(d, "lscp-shire") == std::vector<std::string>{"shire"});
    CHECK(footprint_of(d, "csp-shire-south") == std::vector<std::string>{"shire"});  // compacted
    CHECK(footprint_of(d, "csp-gamma") == std::vector<std::string>{"gamma"});
    const auto b = d.find_board(BoardId("lscp-shire"));
    REQUIRE(b);
    CHECK(d.boards[*b].meetings_per_year == 6.0);
    CHECK(d.boards[*b].meeting_hours == 3.0);
    const auto c = d.find_board(BoardId("csp-gamma"));
    CHECK(d.boards[*c].meetings_per_year == 4.0);
    // Agencies: 2 councils, 2 district councils, 1 police force, 2 ICBs.
    CHECK(d.agencies.size() == 7);
    CHECK(footprint_of(d, "police-shire-valley") == std::vector<std::string>{"gamma", "shire"});
    CHECK(d.agencies[*d.find_agency(AgencyId("police-shire-valley"))].name == "Shire Valley Police");
    CHECK(footprint_of(d, "icb-north") == std::vector<std::string>{"gamma", "alpha"});
    CHECK(footprint_of(d, "icb-south") == std::vector<std::string>{"beta"});
    CHECK(d.meta.as_of == Date{2024, 7, 1});
}

TEST_CASE("import-ons: boundaries on the import give LSOA shares") {
    TempDir dir("shares");
    const auto d = import_ons(write_fixture(dir), ImportOptions{}).dataset;
    const auto r = compute_boundaries(d, AnalysisOptions{});
    for (const auto& a : r.agencies) {
        if (a.id != "icb-north" && a.id != "icb-south") continue;
        for (const auto& rel : a.relations) {
            if (rel.board != "lscp-shire") continue;
            REQUIRE(rel.overlap_share.has_value());
            if (a.id == "icb-north") {
                CHECK(rel.relation == BoundaryRelation::straddles);
                CHECK(*rel.overlap_share == doctest::Approx(100.0 / 150.0));
            } else {
                CHECK(rel.relation == BoundaryRelation::agency_narrower);
                CHECK(*rel.overlap_share == doctest::Approx(50.0 / 150.0));
            }
        }
        // North: 2 lscp, 2 hwb, 2 sab, 2 csp → 6×6 + 2×4 = 44 meetings.
        if (a.id == "icb-north") {
            CHECK(a.boards_to_attend.at("lscp") == 2);
            CHECK(a.boards_to_attend.at("csp") == 2);
            CHECK(a.meetings_to_attend == 44.0);
        }
    }
}

TEST_CASE("import-ons: a lower split share splits a district into LSOA-weighted parts") {
    TempDir dir("split");
    ImportOptions o;
    o.split_share = 0.4;
    const auto d = import_ons(write_fixture(dir), o).dataset;
    REQUIRE(d.areas.size() == 6);  // Alpha gains two parts
    CHECK_FALSE(d.areas[2].population.has_value());
    CHECK(footprint_of(d, "icb-north") == std::vector<std::string>{"gamma", "alpha-part-north"});
    CHECK(footprint_of(d, "icb-south") == std::vector<std::string>{"alpha-part-south", "beta"});
    CHECK(d.areas[*d.find_area(AreaId("alpha-part-south"))].population == 40.0);
}

TEST_CASE("import-ons: CRLF line ends and a BOM read the same as LF") {
    TempDir dir("crlf");
    const auto a = import_ons(write_fixture(dir), ImportOptions{}).dataset;
    TempDir dir2("crlf2");
    const auto b = import_ons(write_fixture(dir2, "\xEF\xBB\xBF" + crlf(k_tiers), crlf(k_csp), crlf(k_health)),
                              ImportOptions{})
                       .dataset;
    REQUIRE(a.areas.size() == b.areas.size());
    for (std::size_t i = 0; i < a.areas.size(); ++i) CHECK(a.areas[i].name == b.areas[i].name);
    CHECK(b.boards.size() == a.boards.size());
}

TEST_CASE("import-ons: Windows-1252 names are transcoded") {
    TempDir dir("cp1252");
    std::string tiers = k_tiers;
    tiers.replace(tiers.find("Beta"), 4, "St Bede\x92s");
    const auto res = import_ons(write_fixture(dir, tiers), ImportOptions{});
    CHECK(res.dataset.areas[3].name == "St Bede\xE2\x80\x99s");
    CHECK(res.dataset.areas[3].id.value == "st-bede-s");
}

TEST_CASE("import-ons: a wrong header names the file and the missing column") {
    TempDir dir("header");
    std::string health = k_health;
    health.replace(0, health.find('\n'), "lad24_code,lad24_name,commissioner,icb24_code_nhs,icb_title,lsoa21_count,x");
    const auto e = import_error(write_fixture(dir, k_tiers, k_csp, health));
    CHECK(e.file() == (dir.path / "health.csv").string());
    CHECK(e.line() == 1);
    CHECK(e.message().find("missing column") != std::string::npos);
    CHECK(e.message().find("no health commissioner code column") != std::string::npos);
}

TEST_CASE("import-ons: an unknown code is reported at its cell") {
    TempDir dir("unknown");
    std::string csp = k_csp;
    csp.replace(csp.find("\"E07000002\""), 11, "\"E07000099\"");
    const auto e = import_error(write_fixture(dir, k_tiers, csp));
    CHECK(e.file() == (dir.path / "csp.csv").string());
    CHECK(e.line() == 3);
    CHECK(e.column() == 1);
    CHECK(e.message().find("unknown district code 'E07000099'") != std::string::npos);
}

TEST_CASE("import-ons: an empty name is reported at its cell, never imported (found by fuzzing)") {
    TempDir dir("empty-name");
    // Shire's name left empty on both of its rows: no nameless area may reach the dataset.
    std::string tiers = k_tiers;
    for (std::size_t at; (at = tiers.find("E10000001,Shire")) != std::string::npos;)
        tiers.replace(at, 15, "E10000001,");
    auto e = import_error(write_fixture(dir, tiers));
    CHECK(e.file() == (dir.path / "tiers.csv").string());
    CHECK(e.line() == 2);
    CHECK(e.column() == 27);
    CHECK(e.message() == "missing name for upper-tier authority E10000001");

    // A blank district name and a blank CSP name likewise.
    std::string blank_district = k_tiers;
    blank_district.replace(blank_district.find("Beta"), 4, "  ");
    e = import_error(write_fixture(dir, blank_district));
    CHECK(e.line() == 3);
    CHECK(e.column() == 11);
    CHECK(e.message() == "missing name for district E07000002");
    std::string csp = k_csp;
    csp.replace(csp.find("\"Gamma\",\"E23000001\""), 7, "\"\"");
    e = import_error(write_fixture(dir, k_tiers, csp));
    CHECK(e.file() == (dir.path / "csp.csv").string());
    CHECK(e.line() == 4);
    CHECK(e.message() == "missing name for CSP E22000002");
}

TEST_CASE("import-ons: contradictory rows are reported at the later row") {
    TempDir dir("contra");
    // Beta in a second upper tier.
    std::string tiers = std::string(k_tiers) + "E07000002,Beta,E10000002,Other\n";
    auto e = import_error(write_fixture(dir, tiers));
    CHECK(e.line() == 6);
    CHECK(e.column() == 16);
    CHECK(e.message().find("contradictory row") != std::string::npos);
    CHECK(e.message().find("line 3") != std::string::npos);
    // LSOA counts that do not add up to the district's total.
    TempDir dir2("contra2");
    std::string health = k_health;
    health.replace(health.find("40,100"), 6, "41,100");
    e = import_error(write_fixture(dir2, k_tiers, k_csp, health));
    CHECK(e.line() == 3);
    CHECK(e.message().find("add up to 101") != std::string::npos);
}

TEST_CASE("import-ons: tables are recognised by their headers and picked by vintage") {
    TempDir dir("discover");
    dir.write("a.csv", k_tiers);
    dir.write("b.csv", k_csp);
    dir.write("c.csv", k_health);
    std::string older = k_health;
    for (auto at = older.find("24_"); at != std::string::npos; at = older.find("24_")) older.replace(at, 3, "22_");
    dir.write("d.csv", older);
    dir.write("e.csv", "FID,name\n1,x\n");
    std::vector<std::string> notes;
    const auto s = discover_sources(dir.path, 2024, notes);
    CHECK(s.tiers == dir.path / "a.csv");
    CHECK(s.csp == dir.path / "b.csv");
    CHECK(s.health == dir.path / "c.csv");
    CHECK_FALSE(s.probation.has_value());
    const auto s22 = discover_sources(dir.path, 2022, notes);
    CHECK(s22.health == dir.path / "d.csv");
    const auto s15 = discover_sources(dir.path, 2015, notes);
    CHECK(s15.health == dir.path / "d.csv");  // the earliest after 2015
}

TEST_CASE("import-ons: the real reference lookups give the national counts") {
    const fs::path ref = fs::path(BOARDSCAPE_SOURCE_DIR) / ".." / "shared" / "reference";
    if (!fs::is_directory(ref)) {
        MESSAGE("skipped: no reference lookups at " << ref.string());
        return;
    }
    auto count = [](const Dataset& d, auto pred) {
        int n = 0;
        for (const auto& x : d.boards) n += pred(x) ? 1 : 0;
        return n;
    };
    auto sectors = [](const Dataset& d, Sector s) {
        int n = 0;
        for (const auto& a : d.agencies) n += a.sector == s ? 1 : 0;
        return n;
    };
    auto top_areas = [](const Dataset& d) {
        int n = 0;
        for (const auto& a : d.areas) n += a.parent ? 0 : 1;
        return n;
    };
    {
        std::vector<std::string> notes;
        ImportOptions o;
        o.year = 2024;
        const auto d = import_ons(discover_sources(ref, 2024, notes), o).dataset;
        CHECK(top_areas(d) == 153);
        CHECK(sectors(d, Sector::police) == 39);
        CHECK(sectors(d, Sector::health_commissioner) == 42);
        CHECK(sectors(d, Sector::probation) == 11);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::csp; }) == 293);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::hwb; }) == 153);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::lscp; }) == 150);
    }
    {
        std::vector<std::string> notes;
        ImportOptions o;
        o.year = 2015;
        const auto d = import_ons(discover_sources(ref, 2015, notes), o).dataset;
        CHECK(top_areas(d) == 152);
        CHECK(sectors(d, Sector::health_commissioner) == 209);
        CHECK(sectors(d, Sector::police) == 39);
        CHECK(sectors(d, Sector::nhs_england) == 25);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::lscb; }) == 147);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::hwb; }) == 152);
    }
}

TEST_CASE("import-ons: lineage to a later landscape (LSCB successor, CCG -> ICB note)") {
    // The later file is the same tiny England imported for 2024; the 2015 import's LSCBs get
    // the 2024 partnerships with the same footprint as successors, from 29 Sep 2019.
    TempDir dir("lineage");
    const auto src = write_fixture(dir);
    const Dataset later = import_ons(src, ImportOptions{}).dataset;
    ImportOptions o;
    o.year = 2015;
    o.successors = &later;
    o.successors_label = "later.json";
    const auto res = import_ons(src, o);
    const Dataset& d = res.dataset;
    const auto b = d.find_board(BoardId("lscb-shire"));
    REQUIRE(b);
    REQUIRE(d.boards[*b].successor.has_value());
    CHECK(d.boards[*b].successor->value == "lscp-shire");
    CHECK(d.boards[*b].until == Date{2019, 9, 29});
    const auto s = d.find_board(BoardId("lscp-shire"));
    REQUIRE(s);
    CHECK(d.boards[*s].from == Date{2019, 9, 29});
    CHECK(footprint_of(d, "lscp-shire") == std::vector<std::string>{"shire"});
    const std::string want = "lineage: NHS South Integrated Care Board (E54000002) -> NHS South Integrated Care Board (100.0% of its LSOAs)";
    CHECK(std::find(res.notes.begin(), res.notes.end(), want) != res.notes.end());
}
