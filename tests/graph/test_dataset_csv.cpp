// The dataset as a folder of CSV files (DESIGN §8.1): the exact text written, the round trip
// on every bundled dataset, and problems located at the CSV cell they come from.
#include "boardscape/dataset_csv.hpp"
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

using namespace boardscape;

namespace {

//   c (county, pop 1.5) ── d ;  ag "=Agency; Ltd" covers c;  b board on c, 0.1 h meetings
//   p1 has a title that is present but empty; p2 a name starting with '
//   m: p1 on b, seniority unknown (left out), source with a comma and a line break
const char* k_fixture = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "csv fixture", "as_of": "2020-01-31", "sources": ["a", "b"]},
  "areas": [
    {"id": "c", "name": "County", "kind": "county", "population": 1.5},
    {"id": "d", "name": "District", "parent": "c", "code": "E07000001"}
  ],
  "agencies": [{"id": "ag", "name": "=Agency; Ltd", "sector": "other", "footprint": ["c", "d"]}],
  "boards": [{"id": "b", "name": "Board \"B\"", "kind": "lscb", "footprint": ["c"],
              "meetings_per_year": 6, "meeting_hours": 0.1, "from": "2019-04-01"}],
  "people": [{"id": "p1", "name": "Pat", "agency": "ag", "title": ""},
             {"id": "p2", "name": "'Quoted", "title": "-"}],
  "memberships": [{"person": "p1", "board": "b", "role": "chair", "attendance": "regular",
                   "source": "Minutes, 2019\nitem 4"}],
  "relations": [],
  "layout": {"positions": {"b": [1.5, -2]}, "pinned": ["b"]},
  "views": [{"name": "v1", "overlay": "load"}]
})";

std::map<std::string, std::string> files_of(const Dataset& d) {
    std::map<std::string, std::string> out;
    for (auto& [name, text] : dataset_to_csv_files(d)) out.emplace(name, text);
    return out;
}

std::vector<std::string> errors_of(const std::map<std::string, std::string>& files) {
    try {
        (void)dataset_from_csv_files(files, "dir");
    } catch (const CsvDatasetError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(format_file_diagnostic(d));
        return out;
    }
    return {};
}

const std::string k_bom = "\xEF\xBB\xBF";

}  // namespace

TEST_CASE("csv export: columns are the JSON field names, cells as the conventions say") {
    const Dataset d = parse_dataset(k_fixture).dataset;
    const auto files = files_of(d);
    REQUIRE(files.size() == 7);
    CHECK(files.at("areas.csv") == k_bom +
                                       "id,name,kind,parent,code,population\n"
                                       "c,County,county,,,1.5\n"
                                       "d,District,,c,E07000001,\n");
    // A leading '=' is guarded with an apostrophe; ';' needs no quotes.
    CHECK(files.at("agencies.csv") == k_bom +
                                          "id,name,sector,footprint\n"
                                          "ag,'=Agency; Ltd,other,c;d\n");
    CHECK(files.at("boards.csv") ==
          k_bom +
              "id,name,kind,footprint,parent,meetings_per_year,meeting_hours,from,until,successor\n"
              "b,\"Board \"\"B\"\"\",lscb,c,,6,0.1,2019-04-01,,\n");
    // An empty title is `""`; an absent one is an empty cell.
    CHECK(files.at("people.csv") == k_bom +
                                        "id,name,agency,title\n"
                                        "p1,Pat,ag,\"\"\n"
                                        "p2,''Quoted,,'-\n");
    CHECK(files.at("memberships.csv") ==
          k_bom +
              "person,board,represents,role,seniority,attendance,from,until,source\n"
              "p1,b,,chair,,regular,,,\"Minutes, 2019\nitem 4\"\n");
    CHECK(files.at("relations.csv") == k_bom + "from,to,kind,note\n");
    const std::string meta = files.at("meta.json");
    CHECK(meta.find("\"areas\"") == std::string::npos);
    CHECK(meta.find("\"as_of\": \"2020-01-31\"") != std::string::npos);
    CHECK(meta.find("\"pinned\": [\"b\"]") != std::string::npos);
    CHECK(meta.find("\"overlay\": \"load\"") != std::string::npos);
}

TEST_CASE("csv round trip: the small fixture comes back equal") {
    const Dataset d = parse_dataset(k_fixture).dataset;
    const CsvLoadResult back = dataset_from_csv_files(files_of(d), "dir");
    CHECK(back.warnings.empty());
    CHECK(dataset_to_json_text(back.dataset) == dataset_to_json_text(d));
    REQUIRE(back.dataset.people.size() == 2);
    CHECK(back.dataset.people[0].title == std::optional<std::string>(""));
    CHECK(back.dataset.people[1].name == "'Quoted");
    CHECK(back.dataset.agencies[0].name == "=Agency; Ltd");
}

TEST_CASE("csv round trip: every bundled dataset comes back equal") {
    const std::filesystem::path dir = std::filesystem::path(BOARDSCAPE_SOURCE_DIR) / "datasets";
    std::size_t checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        CAPTURE(entry.path().filename().string());
        const Dataset d = load_dataset_file(entry.path()).dataset;
        const CsvLoadResult back = dataset_from_csv_files(files_of(d), "dir");
        CHECK(back.warnings.empty());
        CHECK(dataset_to_json_text(back.dataset) == dataset_to_json_text(d));
        ++checked;
    }
    CHECK(checked >= 6);  // buffton, england-2015, england-2024, landscape-2015, marston, midshire
}

TEST_CASE("csv import: problems are located at their cells, all at once") {
    std::map<std::string, std::string> f;
    f["areas.csv"] = "id,name\nc,County\n";
    f["agencies.csv"] = "id,name,sector,footprint,notes\n"
                        "ag,Agency,polise,c,x\n"
                        "ag2,Agency 2,police,nowhere,\n";
    f["boards.csv"] = "id,name,kind,footprint,meetings_per_year,meeting_hours\n"
                      "b,Board,lscb,c,six,2\n"
                      "b2,Board 2,lscb,c,4,-1\n";
    f["memberships.csv"] = "person,board,role\nnobody,b,member\n";
    CHECK(errors_of(f) ==
          std::vector<std::string>{
              "dir/agencies.csv:2:11: error: unknown sector 'polise'; expected one of: "
              "local_authority, district_council, police, pcc, health_commissioner, nhs_england, "
              "nhs_provider, public_health, probation, youth_justice, cafcass, school, academy, "
              "fe_college, voluntary, fire_rescue, housing, secure_estate, healthwatch, judiciary, "
              "other (did you mean 'police'?)",
              "dir/agencies.csv:3:21: error: footprint: no area with id 'nowhere'",
              "dir/boards.csv:2:16: error: expected a number in column 'meetings_per_year', got 'six'",
              "dir/boards.csv:3:21: error: meeting_hours: must not be negative (got -1)",
              "dir/memberships.csv:2:1: error: no person with id 'nobody'",
          });
}

TEST_CASE("csv import: missing columns, unknown columns, an empty folder") {
    std::map<std::string, std::string> f;
    f["agencies.csv"] = "id,name,footprint\n";
    CHECK(errors_of(f) == std::vector<std::string>{"dir/agencies.csv:1:1: error: the header has no "
                                                   "'sector' column (required in agencies.csv)"});
    std::map<std::string, std::string> g;
    g["areas.csv"] = "id,name,populaton\nc,County,5\n";
    const CsvLoadResult r = dataset_from_csv_files(g, "dir");
    REQUIRE(r.warnings.size() == 1);
    CHECK(format_file_diagnostic(r.warnings[0]) ==
          "dir/areas.csv:1:9: warning: unknown column 'populaton' (ignored); did you mean 'population'?");
    CHECK_FALSE(r.dataset.areas.at(0).population);
    CHECK(errors_of({}).size() == 1);
    std::map<std::string, std::string> m;
    m["meta.json"] = "{\"format\": \"boardscape\", \"version\": 1,\n \"meta\": {\"title\": 3}}";
    CHECK(errors_of(m) ==
          std::vector<std::string>{"dir/meta.json: error: /meta/title: expected a string, got a number"});
    m["meta.json"] = "{\"format\": \"boardscape\",\n \"version\": }";
    CHECK(errors_of(m).size() == 1);
    CHECK(errors_of(m)[0].rfind("dir/meta.json:2:13: error:", 0) == 0);
}

TEST_CASE(
    "csv import: a NUL byte is an error at its line and column, a UTF-16 file one clear error") {
    std::map<std::string, std::string> f;
    // Line 2 is `c,Leeds<NUL>Health`: the NUL is its 8th character. A quoted cell spanning a
    // CRLF line end counts the next line as line 3.
    f["areas.csv"] = std::string("id,name\nc,Leeds\0Health\n", 23);
    CHECK(errors_of(f) ==
          std::vector<std::string>{
              "dir/areas.csv:2:8: error: a NUL byte (is this really a CSV text file?)"});
    f["areas.csv"] = std::string("id,name\r\nc,\"Lee\r\nds\0\"\n", 22);
    CHECK(errors_of(f) ==
          std::vector<std::string>{
              "dir/areas.csv:3:3: error: a NUL byte (is this really a CSV text file?)"});
    // "id,name" in UTF-16LE with its byte-order mark, then without one (NUL every other byte).
    f["areas.csv"] = std::string("\xFF\xFEi\0d\0,\0n\0", 10);
    CHECK(errors_of(f) ==
          std::vector<std::string>{"dir/areas.csv:1:1: error: this sheet is UTF-16 "
                                   "(Excel's 'Unicode text'); save it as 'CSV UTF-8'"});
    f["areas.csv"] = std::string("\0i\0d\0,\0n\0a\0m\0e", 14);
    CHECK(errors_of(f).at(0) ==
          "dir/areas.csv:1:1: error: this sheet is UTF-16 (Excel's 'Unicode text'); "
          "save it as 'CSV UTF-8'");
}

TEST_CASE("csv export refuses a footprint id containing the list separator") {
    Dataset d = parse_dataset(k_fixture).dataset;
    d.areas[1].id = AreaId("d;x");
    d.agencies[0].footprint = {AreaId("d;x")};
    CHECK_THROWS_AS((void)dataset_to_csv_files(d), std::invalid_argument);
}
