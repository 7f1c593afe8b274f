// Round trip of the canonical writer (DESIGN §3): every field survives parse → save → parse,
// the saved text has the documented shape (2-space indent, format order, integers without
// ".0", optional fields omitted), and saving is idempotent.
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <string>

using namespace boardscape;

namespace {

/// Every field of the format present at least once (and some absent, to check omission).
const char* const k_full = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "Midshire, January 2015", "as_of": "2015-01-31", "description": "A test",
           "sources": ["Annual report 2013-14", "Minutes, June 2014"], "licence": "CC0-1.0"},
  "areas": [
    {"id": "shire", "name": "Midshire", "kind": "county", "code": "E10000016", "population": 812000},
    {"id": "north", "name": "North District", "kind": "district", "parent": "shire", "population": 1234.5},
    {"id": "south", "name": "South District", "parent": "shire"}
  ],
  "agencies": [
    {"id": "police", "name": "Midshire Police", "sector": "police", "footprint": ["shire"]},
    {"id": "ccg", "name": "North CCG", "sector": "health_commissioner", "footprint": ["north", "south"]}
  ],
  "boards": [
    {"id": "lscb", "name": "Midshire LSCB", "kind": "lscb", "footprint": ["shire"],
     "meetings_per_year": 4, "meeting_hours": 2.5, "from": "2006-04-01", "until": "2019-09-29",
     "successor": "lscp"},
    {"id": "lscb-exec", "name": "LSCB executive", "kind": "lscb", "footprint": ["shire"], "parent": "lscb",
     "meetings_per_year": 10.5, "meeting_hours": 1.75},
    {"id": "lscp", "name": "Midshire safeguarding partnership", "kind": "lscp", "footprint": ["shire"],
     "meetings_per_year": 6, "meeting_hours": 3, "from": "2019-09-29"}
  ],
  "people": [
    {"id": "ann", "name": "Ann Smith", "agency": "police", "title": "Chief Superintendent"},
    {"id": "bo", "name": "Bo Jones"}
  ],
  "memberships": [
    {"person": "ann", "board": "lscb", "represents": "police", "role": "chair", "seniority": "senior",
     "attendance": "regular", "from": "2012-01-01", "until": "2016-01-01", "source": "Minutes, June 2014"},
    {"person": "bo", "board": "lscb-exec", "role": "lay_member", "seniority": "not_senior", "attendance": "never"}
  ],
  "relations": [
    {"from": "lscb", "to": "lscb-exec", "kind": "reports_to", "note": "Quarterly"},
    {"from": "lscb", "to": "lscp", "kind": "other"}
  ],
  "layout": {"positions": {"lscb": [10, -2.5], "ann": [0.125, 3]}, "pinned": ["lscb"]},
  "views": [{"name": "Health", "filters": {"sectors": ["health_commissioner"]}, "zoom": 1.0, "n": 3}]
})";

/// Field-by-field equality of two datasets (the model has no operator==).
void check_same(const Dataset& a, const Dataset& b) {
    CHECK(a.meta.title == b.meta.title);
    CHECK(a.meta.as_of == b.meta.as_of);
    CHECK(a.meta.description == b.meta.description);
    CHECK(a.meta.sources == b.meta.sources);
    CHECK(a.meta.licence == b.meta.licence);
    REQUIRE(a.areas.size() == b.areas.size());
    for (std::size_t i = 0; i < a.areas.size(); ++i) {
        const Area &x = a.areas[i], &y = b.areas[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.kind == y.kind);
        CHECK(x.parent == y.parent);
        CHECK(x.code == y.code);
        CHECK(x.population == y.population);
    }
    REQUIRE(a.agencies.size() == b.agencies.size());
    for (std::size_t i = 0; i < a.agencies.size(); ++i) {
        const Agency &x = a.agencies[i], &y = b.agencies[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.sector == y.sector);
        CHECK(x.footprint == y.footprint);
    }
    REQUIRE(a.boards.size() == b.boards.size());
    for (std::size_t i = 0; i < a.boards.size(); ++i) {
        const Board &x = a.boards[i], &y = b.boards[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.kind == y.kind);
        CHECK(x.footprint == y.footprint);
        CHECK(x.parent == y.parent);
        CHECK(x.meetings_per_year == y.meetings_per_year);
        CHECK(x.meeting_hours == y.meeting_hours);
        CHECK(x.from == y.from);
        CHECK(x.until == y.until);
        CHECK(x.successor == y.successor);
    }
    REQUIRE(a.people.size() == b.people.size());
    for (std::size_t i = 0; i < a.people.size(); ++i) {
        CHECK(a.people[i].id == b.people[i].id);
        CHECK(a.people[i].name == b.people[i].name);
        CHECK(a.people[i].agency == b.people[i].agency);
        CHECK(a.people[i].title == b.people[i].title);
    }
    REQUIRE(a.memberships.size() == b.memberships.size());
    for (std::size_t i = 0; i < a.memberships.size(); ++i) {
        const Membership &x = a.memberships[i], &y = b.memberships[i];
        CHECK(x.person == y.person);
        CHECK(x.board == y.board);
        CHECK(x.represents == y.represents);
        CHECK(x.role == y.role);
        CHECK(x.seniority == y.seniority);
        CHECK(x.attendance == y.attendance);
        CHECK(x.from == y.from);
        CHECK(x.until == y.until);
        CHECK(x.source == y.source);
    }
    REQUIRE(a.relations.size() == b.relations.size());
    for (std::size_t i = 0; i < a.relations.size(); ++i) {
        CHECK(a.relations[i].from == b.relations[i].from);
        CHECK(a.relations[i].to == b.relations[i].to);
        CHECK(a.relations[i].kind == b.relations[i].kind);
        CHECK(a.relations[i].note == b.relations[i].note);
    }
    CHECK(a.layout.positions == b.layout.positions);
    CHECK(a.layout.pinned == b.layout.pinned);
    CHECK(a.views_json == b.views_json);
}

}  // namespace

TEST_CASE("json round trip: every field is read") {
    const LoadResult r = parse_dataset(k_full);
    CHECK(r.warnings.empty());
    const Dataset& d = r.dataset;
    CHECK(d.meta.title == "Midshire, January 2015");
    CHECK(d.meta.as_of == Date{2015, 1, 31});
    CHECK(d.meta.description == "A test");
    CHECK(d.meta.sources == std::vector<std::string>{"Annual report 2013-14", "Minutes, June 2014"});
    CHECK(d.meta.licence == "CC0-1.0");
    CHECK(d.areas[0].code == "E10000016");
    CHECK(d.areas[0].population == 812000.0);
    CHECK(d.areas[1].population == 1234.5);
    CHECK(d.areas[1].parent == AreaId("shire"));
    CHECK_FALSE(d.areas[2].kind);
    CHECK(d.agencies[1].footprint == std::vector<AreaId>{AreaId("north"), AreaId("south")});
    CHECK(d.boards[0].from == Date{2006, 4, 1});
    CHECK(d.boards[0].until == Date{2019, 9, 29});
    CHECK(d.boards[0].successor == BoardId("lscp"));
    CHECK(d.boards[1].parent == BoardId("lscb"));
    CHECK(d.boards[1].meetings_per_year == 10.5);
    CHECK(d.boards[1].meeting_hours == 1.75);
    CHECK(d.people[0].title == "Chief Superintendent");
    CHECK(d.memberships[0].represents == AgencyId("police"));
    CHECK(d.memberships[0].role == Role::chair);
    CHECK(d.memberships[0].seniority == Seniority::senior);
    CHECK(d.memberships[0].attendance == Attendance::regular);
    CHECK(d.memberships[0].source == "Minutes, June 2014");
    CHECK(d.memberships[1].attendance == Attendance::never);
    CHECK(d.relations[0].kind == RelationKind::reports_to);
    CHECK(d.relations[0].note == "Quarterly");
    CHECK(d.layout.positions.at("ann") == std::array<double, 2>{0.125, 3});
    CHECK(d.layout.pinned == std::vector<std::string>{"lscb"});
    CHECK(d.views_json ==
          R"([{"name":"Health","filters":{"sectors":["health_commissioner"]},"zoom":1.0,"n":3}])");
    REQUIRE(d.find("lscp"));
    CHECK(d.find("lscp")->index == 2);
}

TEST_CASE("json round trip: parse(save(parse(x))) equals parse(x) and save is idempotent") {
    const Dataset first = parse_dataset(k_full).dataset;
    const std::string saved = dataset_to_json_text(first);
    const Dataset second = parse_dataset(saved).dataset;
    check_same(first, second);
    CHECK(dataset_to_json_text(second) == saved);
}

TEST_CASE("json round trip: the canonical text") {
    const char* const small = R"({"version": 1, "format": "boardscape",
      "areas": [{"population": 1200, "name": "A", "id": "a"}],
      "boards": [{"id": "b", "name": "B", "kind": "hwb", "footprint": ["a"], "meeting_hours": 2.5,
                  "meetings_per_year": 6.0}],
      "memberships": [], "layout": {"positions": {"b": [1, -0.5]}}})";
    const std::string expected = R"({
  "format": "boardscape",
  "version": 1,
  "areas": [
    {
      "id": "a",
      "name": "A",
      "population": 1200
    }
  ],
  "agencies": [],
  "boards": [
    {
      "id": "b",
      "name": "B",
      "kind": "hwb",
      "footprint": ["a"],
      "meetings_per_year": 6,
      "meeting_hours": 2.5
    }
  ],
  "people": [],
  "memberships": [],
  "relations": [],
  "layout": {
    "positions": {
      "b": [1, -0.5]
    }
  }
}
)";
    CHECK(dataset_to_json_text(parse_dataset(small).dataset) == expected);
}

TEST_CASE("json round trip: seniority and attendance 'unknown' are the absent default") {
    const char* const text = R"({"format": "boardscape", "version": 1,
      "boards": [{"id": "b", "name": "B", "kind": "hwb", "footprint": ["a"], "meetings_per_year": 1,
                  "meeting_hours": 1}],
      "areas": [{"id": "a", "name": "A"}], "people": [{"id": "p", "name": "P"}],
      "memberships": [{"person": "p", "board": "b", "role": "member", "seniority": "unknown",
                       "attendance": "unknown"}]})";
    const std::string saved = dataset_to_json_text(parse_dataset(text).dataset);
    CHECK(saved.find("seniority") == std::string::npos);
    CHECK(saved.find("attendance") == std::string::npos);
    CHECK(saved.find(R"("role": "member")") != std::string::npos);
}

TEST_CASE("json round trip: an empty dataset saves to a loadable minimum") {
    const Dataset empty;
    const std::string saved = dataset_to_json_text(empty);
    CHECK(saved.find("\"meta\"") == std::string::npos);
    CHECK(saved.find("\"layout\"") == std::string::npos);
    CHECK(saved.find("\"views\"") == std::string::npos);
    const LoadResult r = parse_dataset(saved);
    CHECK(r.dataset.areas.empty());
    CHECK(dataset_to_json_text(r.dataset) == saved);
}

TEST_CASE("json round trip: strings with quotes, control characters and unicode survive") {
    Dataset d;
    d.meta.title = "Quote \" backslash \\ tab \t newline \n é 漢";
    d.areas.push_back(Area{AreaId("a/b~c"), "Ünïcode", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    d.layout.positions["a/b~c"] = {1e-7, 12345678.25};
    d.reindex();
    const Dataset back = parse_dataset(dataset_to_json_text(d)).dataset;
    CHECK(back.meta.title == d.meta.title);
    CHECK(back.areas[0].id.value == "a/b~c");
    CHECK(back.areas[0].name == "Ünïcode");
    CHECK(back.layout.positions.at("a/b~c") == std::array<double, 2>{1e-7, 12345678.25});
}

TEST_CASE("json round trip: writing a non-finite number is refused") {
    Dataset d;
    d.areas.push_back(Area{AreaId("a"), "A", std::nullopt, std::nullopt, std::nullopt, std::numeric_limits<double>::infinity()});
    CHECK_THROWS_AS(dataset_to_json_text(d), std::runtime_error);
}
