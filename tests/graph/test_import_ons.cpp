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
    // 2024: lscp, hwb, sab, dalpb, yjmb per upper tier (5 × 2), the two CSPs, an ICP per ICB (2),
    // and one MAPPA SMB and one LCJB for the one police force area: 16.
    CHECK(d.boards.size() == 16);
    CHECK(footprint_of(d, "lscp-shire") == std::vector<std::string>{"shire"});
    CHECK(footprint_of(d, "csp-shire-south") == std::vector<std::string>{"shire"});  // compacted
    CHECK(footprint_of(d, "csp-gamma") == std::vector<std::string>{"gamma"});
    const auto b = d.find_board(BoardId("lscp-shire"));
    REQUIRE(b);
    CHECK(d.boards[*b].meetings_per_year == 6.0);
    CHECK(d.boards[*b].meeting_hours == 3.0);
    const auto c = d.find_board(BoardId("csp-gamma"));
    CHECK(d.boards[*c].meetings_per_year == 4.0);
    // Agencies: 2 councils, 2 district councils, 1 police force and its PCC, 2 youth justice
    // services, 2 ICBs.
    CHECK(d.agencies.size() == 10);
    CHECK(d.agencies[*d.find_agency(AgencyId("pcc-shire-valley"))].name == "Shire Valley Police and Crime Commissioner");
    CHECK(footprint_of(d, "yjs-shire") == std::vector<std::string>{"shire"});
    CHECK(footprint_of(d, "icp-north") == footprint_of(d, "icb-north"));
    CHECK(footprint_of(d, "mappa-smb-shire-valley") == std::vector<std::string>{"gamma", "shire"});
    const auto dal = d.find_board(BoardId("dalpb-gamma"));
    REQUIRE(dal);
    CHECK(d.boards[*dal].name == "Gamma Domestic Abuse Local Partnership Board");
    CHECK(d.boards[*dal].meetings_per_year == 4.0);
    CHECK(d.boards[*dal].meeting_hours == 2.0);
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
        // North (Alpha + Gamma) touches both authorities: 2 lscp, 2 hwb, 2 sab (6 a year each)
        // and 2 csp, 2 dalpb, 2 yjmb, its own ICP (not South's: Beta), 1 MAPPA SMB, 1 LCJB (4 a
        // year each) → 6×6 + 9×4 = 72 meetings.
        if (a.id == "icb-north") {
            CHECK(a.boards_to_attend.at("lscp") == 2);
            CHECK(a.boards_to_attend.at("csp") == 2);
            CHECK(a.boards_to_attend.at("icp") == 1);
            CHECK(a.boards_to_attend.at("mappa_smb") == 1);
            CHECK(a.meetings_to_attend == 72.0);
        }
    }
}

namespace {

// London and two tier-one authorities outside it (2024):
//
//   Barnet (E09000003) ─┐ Metropolitan Police (E23000001)   ICB North Central London
//   Hackney (E09000012) ┘                                     ICB North East London ─┐
//   City of London (E09000001): London, City of (E23000034)   ───────────────────────┘
//   Sheffield (E08000019), Rotherham (E08000018): South Yorkshire (E23000011), ICB South Yorkshire
//   Isles of Scilly (E06000053): Devon & Cornwall (E23000035), ICB Cornwall
//
// Tier-one authorities (DALPBs): the GLA for the three London ones, Sheffield, Rotherham,
// Scilly → 4. Criminal justice areas: London (Met + City), South Yorkshire, Devon and Cornwall.
const char* k_london_tiers =
    "LTLA23CD,LTLA23NM,UTLA23CD,UTLA23NM\n"
    "E09000003,Barnet,E09000003,Barnet\n"
    "E09000012,Hackney,E09000012,Hackney\n"
    "E09000001,City of London,E09000001,City of London\n"
    "E08000019,Sheffield,E08000019,Sheffield\n"
    "E08000018,Rotherham,E08000018,Rotherham\n"
    "E06000053,Isles of Scilly,E06000053,Isles of Scilly\n";
const char* k_london_csp =
    "ltla24_code,csp24_code,csp24_name,pfa24_code,pfa24_name\n"
    "E09000003,E22000003,Barnet,E23000001,Metropolitan Police\n"
    "E09000012,E22000012,Hackney,E23000001,Metropolitan Police\n"
    "E09000001,E22000001,City of London,E23000034,\"London, City of\"\n"
    "E08000019,E22000019,Sheffield,E23000011,South Yorkshire\n"
    "E08000018,E22000018,Rotherham,E23000011,South Yorkshire\n"
    "E06000053,E22000053,Isles of Scilly,E23000035,Devon & Cornwall\n";
const char* k_london_health =
    "lad24_code,icb24_code,icb24_name,lsoa21_count\n"
    "E09000003,E54000027,NHS North Central London Integrated Care Board,10\n"
    "E09000012,E54000029,NHS North East London Integrated Care Board,10\n"
    "E09000001,E54000029,NHS North East London Integrated Care Board,1\n"
    "E08000019,E54000061,NHS South Yorkshire Integrated Care Board,10\n"
    "E08000018,E54000061,NHS South Yorkshire Integrated Care Board,10\n"
    "E06000053,E54000036,NHS Cornwall and the Isles of Scilly Integrated Care Board,1\n";

int count_kind(const Dataset& d, BoardKind k) {
    return static_cast<int>(std::count_if(d.boards.begin(), d.boards.end(), [&](const Board& b) { return b.kind == k; }));
}
int count_sector(const Dataset& d, Sector s) {
    return static_cast<int>(
        std::count_if(d.agencies.begin(), d.agencies.end(), [&](const Agency& a) { return a.sector == s; }));
}
std::string agency_name(const Dataset& d, std::string_view id) {
    const auto a = d.find_agency(AgencyId(std::string(id)));
    return a ? d.agencies[*a].name : "(none)";
}
bool has_note(const std::vector<std::string>& notes, std::string_view text) {
    return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("import-ons: the boards of 2024 on London and its neighbours") {
    TempDir dir("london");
    const auto src = write_fixture(dir, k_london_tiers, k_london_csp, k_london_health);
    const auto d = import_ons(src, ImportOptions{}).dataset;
    const std::vector<std::string> london{"barnet", "city-of-london", "hackney"};

    // One DALPB per tier-one authority; London's is the GLA's, over all its authorities.
    CHECK(count_kind(d, BoardKind::dalpb) == 4);
    CHECK(footprint_of(d, "dalpb-london") == london);
    CHECK(d.boards[*d.find_board(BoardId("dalpb-london"))].name == "London Domestic Abuse Local Partnership Board");
    CHECK(footprint_of(d, "dalpb-isles-of-scilly") == std::vector<std::string>{"isles-of-scilly"});
    REQUIRE(d.find_agency(AgencyId("gla")));
    CHECK(d.agencies[*d.find_agency(AgencyId("gla"))].sector == Sector::other);
    CHECK(footprint_of(d, "gla") == london);

    // MAPPA and LCJB: the Met's and the City's force areas together; 3 areas for 4 forces.
    CHECK(count_kind(d, BoardKind::mappa_smb) == 3);
    CHECK(count_kind(d, BoardKind::lcjb) == 3);
    CHECK(footprint_of(d, "police-metropolitan-police") == std::vector<std::string>{"barnet", "hackney"});
    CHECK(footprint_of(d, "police-city-of-london") == std::vector<std::string>{"city-of-london"});
    CHECK(footprint_of(d, "mappa-smb-london") == london);
    CHECK(footprint_of(d, "lcjb-london") == london);
    CHECK(footprint_of(d, "lcjb-devon-and-cornwall") == std::vector<std::string>{"isles-of-scilly"});
    CHECK(d.boards[*d.find_board(BoardId("lcjb-devon-and-cornwall"))].name ==
          "Devon and Cornwall Local Criminal Justice Board");

    // ICPs on their ICBs' footprints and named after them.
    CHECK(count_kind(d, BoardKind::icp) == 4);
    CHECK(footprint_of(d, "icp-north-east-london") == std::vector<std::string>{"city-of-london", "hackney"});
    CHECK(footprint_of(d, "icp-north-east-london") == footprint_of(d, "icb-north-east-london"));
    CHECK(d.boards[*d.find_board(BoardId("icp-cornwall-and-the-isles-of-scilly"))].name ==
          "Cornwall and the Isles of Scilly Integrated Care Partnership");

    // A youth justice management board and service per council; a PCC (or its successor) per force.
    CHECK(count_kind(d, BoardKind::yjmb) == 6);
    CHECK(count_sector(d, Sector::youth_justice) == 6);
    CHECK(agency_name(d, "yjs-hackney") == "Hackney Youth Justice Service");
    CHECK(count_sector(d, Sector::pcc) == 4);
    CHECK(agency_name(d, "pcc-metropolitan-police") == "Mayor's Office for Policing and Crime (MOPAC)");
    CHECK(agency_name(d, "pcc-city-of-london") == "City of London Corporation (police authority)");
    CHECK(agency_name(d, "pcc-south-yorkshire") == "Mayor of South Yorkshire (police and crime commissioner functions)");
    CHECK(agency_name(d, "pcc-devon-and-cornwall") == "Devon and Cornwall Police and Crime Commissioner");
    CHECK(footprint_of(d, "pcc-south-yorkshire") == std::vector<std::string>{"rotherham", "sheffield"});

    // The day before the Mayor of South Yorkshire took office, the PCC still held the functions.
    ImportOptions may;
    may.as_of = Date{2024, 5, 6};
    CHECK(agency_name(import_ons(src, may).dataset, "pcc-south-yorkshire") ==
          "South Yorkshire Police and Crime Commissioner");

    // Each kind from the date its duty began: in July 2021 no DALPB (Part 4 from 1 Oct 2021),
    // ICP (1 Jul 2022), youth justice board (modelled from 2024) or GLA; MAPPA and LCJBs, yes.
    ImportOptions y21;
    y21.year = 2021;
    const auto d21 = import_ons(src, y21).dataset;
    CHECK(count_kind(d21, BoardKind::dalpb) == 0);
    CHECK(count_kind(d21, BoardKind::icp) == 0);
    CHECK(count_kind(d21, BoardKind::yjmb) == 0);
    CHECK(count_kind(d21, BoardKind::mappa_smb) == 3);
    CHECK(count_kind(d21, BoardKind::lcjb) == 3);
    CHECK_FALSE(d21.find_agency(AgencyId("gla")));
    CHECK(count_sector(d21, Sector::youth_justice) == 0);
    CHECK(agency_name(d21, "pcc-south-yorkshire") == "South Yorkshire Police and Crime Commissioner");
}

TEST_CASE("import-ons: joint boards work for every per-council kind, from a CSV") {
    TempDir dir("london-joint");
    const auto src = write_fixture(dir, k_london_tiers, k_london_csp, k_london_health);
    const auto csv = dir.write(
        "joint.csv",
        "kind,name,codes,from,until,source\n"
        "yjmb,Sheffield and Rotherham Youth Justice Service Management Board,E08000019;E08000018,,,test\n"
        "sab,City and Hackney Safeguarding Adults Board,E09000001; E09000012,2015-04-01,,test\n"
        "dalpb,Sheffield and Rotherham Domestic Abuse Local Partnership Board,E08000019;E08000018,,,test\n"
        "dalpb,North London Domestic Abuse Board,E09000003;E09000012,,,test\n"
        "mappa_smb,South Yorkshire and Devon MAPPA board,E08000019;E06000053,,,test\n"
        "hwb,Future joint HWB,E08000019;E08000018,2030-01-01,,test\n");
    ImportOptions o;
    o.joint_boards = read_joint_boards_csv(csv);
    const auto res = import_ons(src, o);
    const Dataset& d = res.dataset;
    // yjmb: 6 councils, Sheffield and Rotherham joint → 5 boards and 5 services.
    CHECK(count_kind(d, BoardKind::yjmb) == 5);
    CHECK(footprint_of(d, "yjmb-rotherham-and-sheffield") == std::vector<std::string>{"rotherham", "sheffield"});
    CHECK(agency_name(d, "yjs-rotherham-and-sheffield") == "Sheffield and Rotherham Youth Justice Service");
    CHECK(count_sector(d, Sector::youth_justice) == 5);
    CHECK(footprint_of(d, "yjs-rotherham-and-sheffield") == std::vector<std::string>{"rotherham", "sheffield"});
    // sab: City and Hackney joint → 5.
    CHECK(count_kind(d, BoardKind::sab) == 5);
    CHECK(footprint_of(d, "sab-city-of-london-and-hackney") == std::vector<std::string>{"city-of-london", "hackney"});
    // dalpb: Sheffield and Rotherham joint → 3 (London, Scilly, the joint board); a joint board
    // taking two boroughs out of the GLA's is refused, and London keeps all three.
    CHECK(count_kind(d, BoardKind::dalpb) == 3);
    CHECK(footprint_of(d, "dalpb-london") == std::vector<std::string>{"barnet", "city-of-london", "hackney"});
    CHECK(has_note(res.notes, "joint board 'North London Domestic Abuse Board' skipped: it covers part of London's dalpb"));
    // MAPPA areas are force areas, not councils: the row is reported and ignored.
    CHECK(count_kind(d, BoardKind::mappa_smb) == 3);
    CHECK(has_note(res.notes, "joint board 'South Yorkshire and Devon MAPPA board' skipped: mappa_smb boards are not "
                              "built per upper-tier authority"));
    // A joint board from a later date does not apply yet.
    CHECK(count_kind(d, BoardKind::hwb) == 6);
    CHECK_FALSE(has_note(res.notes, "Future joint HWB"));
}

TEST_CASE("import-ons: an all-age partnership is one children's board that also does the adults' duty") {
    TempDir dir("all-age");
    const auto src = write_fixture(dir, k_london_tiers, k_london_csp, k_london_health);
    ImportOptions o;
    o.joint_boards = parse_joint_boards_csv(
            "kind,name,codes,from,until,source\n"
            "lscp+sab,Barnet All-age Safeguarding Partnership,E09000003,2020-01-01,,test source\n"
            "sab,City and Hackney Safeguarding Adults Board,E09000001;E09000012,,,test\n",
            "joint.csv");
    REQUIRE(o.joint_boards.size() == 2);
    CHECK(o.joint_boards[0].kind == BoardKind::lscp);
    CHECK(o.joint_boards[0].also == std::vector<BoardKind>{BoardKind::sab});
    const auto res = import_ons(src, o);
    const Dataset& d = res.dataset;
    // Six authorities: Barnet's children's board is the all-age partnership (still six lscp);
    // adults' boards: 6 − 1 (City and Hackney joint) − 1 (Barnet's done by the partnership) = 4.
    CHECK(count_kind(d, BoardKind::lscp) == 6);
    CHECK(d.boards[*d.find_board(BoardId("lscp-barnet"))].name == "Barnet All-age Safeguarding Partnership");
    CHECK(count_kind(d, BoardKind::sab) == 4);
    CHECK_FALSE(d.find_board(BoardId("sab-barnet")));
    CHECK(has_note(res.notes, "Barnet: no separate sab; the duty is done by Barnet All-age Safeguarding Partnership"));
    // Before its start date Barnet has both boards again.
    o.as_of = Date{2019, 12, 1};
    const auto before = import_ons(src, o).dataset;
    CHECK(count_kind(before, BoardKind::sab) == 5);
    CHECK(before.find_board(BoardId("sab-barnet")));
}

TEST_CASE("import-ons: joint-board rows are checked") {
    const auto error_of = [](const std::string& row) {
        try {
            (void)parse_joint_boards_csv("kind,name,codes,from,until,source\n" + row + "\n", "j.csv");
        } catch (const ImportError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of("lscp,One council,E09000003,,,s") ==
          "j.csv:2:1: error: a joint board needs at least two codes (one authority's all-age partnership is kind "
          "lscp+sab)");
    CHECK(error_of("lscp+sba,X,E09000003,,,s") ==
          "j.csv:2:1: error: unknown board kind 'sba' (expected a kind, or lscp+sab for an all-age partnership)");
    CHECK(error_of("sab,X,E09000003;E09000012,2024-13-01,,s") ==
          "j.csv:2:27: error: not a date (YYYY-MM-DD): '2024-13-01'");
    // The shipped list parses, and every row names a source.
    for (const auto& j : builtin_joint_boards()) CHECK_FALSE(j.source.empty());
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
        // 153 authorities: 12 joint partnerships take 25 of them (13 fewer boards), 13 of the
        // 140 are all-age; 13 joint SABs take 29 (16 fewer) and the all-age partnerships do 13
        // authorities' adults' duty: 153 − 16 − 13 = 124 SABs (datasets/joint-boards.csv).
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::lscp; }) == 140);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::sab; }) == 124);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::icp; }) == 42);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::dalpb; }) == 121);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::mappa_smb; }) == 38);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::lcjb; }) == 38);
        CHECK(sectors(d, Sector::pcc) == 39);
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
        // MAPPA SMBs and LCJBs existed in 2015; ICPs, DALPBs and (as modelled) yjmbs did not.
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::mappa_smb; }) == 38);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::lcjb; }) == 38);
        CHECK(count(d, [](const Board& b) { return b.kind == BoardKind::icp || b.kind == BoardKind::dalpb ||
                                                   b.kind == BoardKind::yjmb; }) == 0);
        CHECK(sectors(d, Sector::pcc) == 39);
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
