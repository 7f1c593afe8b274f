// to_json of each result: the field names and order of DESIGN §5, null for missing values.
#include "boardscape/report/report_json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace boardscape;
using nlohmann::ordered_json;

namespace {

std::vector<std::string> keys(const ordered_json& o) {
    std::vector<std::string> k;
    for (auto it = o.begin(); it != o.end(); ++it) k.push_back(it.key());
    return k;
}

}  // namespace

TEST_CASE("overlap JSON: field order, null density, estimated flag") {
    OverlapResult r;
    r.board_pairs = {{"a", "b", 1, 0.5, 1, 1}};
    r.people = {{"p", 2}};
    r.brokers = {{"p", EntityType::person, 0.25}};
    r.brokers_estimated = true;
    const std::string text = report::to_json(r);
    CHECK(text.back() == '\n');
    const auto j = ordered_json::parse(text);
    CHECK(keys(j) == std::vector<std::string>{"as_of", "board_pairs", "people",
                                              "multi_board_people", "interlock_density",
                                              "chairs_of_several", "brokers", "estimated"});
    CHECK(j["as_of"].is_null());
    CHECK(j["interlock_density"].is_null());
    CHECK(keys(j["board_pairs"][0]) ==
          std::vector<std::string>{"a", "b", "shared", "jaccard", "min_overlap", "newman_weight"});
    CHECK(j["brokers"][0] ==
          ordered_json({{"id", "p"}, {"type", "person"}, {"betweenness", 0.25}}));
    CHECK(j["estimated"] == true);
}

TEST_CASE("boundaries JSON: overlap_share omitted when unknown, coterminosity null") {
    BoundariesResult r;
    r.as_of = Date{2015, 1, 31};
    AgencyBoundaries a;
    a.id = "pol";
    a.sector = Sector::police;
    a.boards_to_attend = {{"lscb", 2}};
    a.meetings_to_attend = 12;
    a.expected_boards = {{"lscb", 1}};
    a.expected_meetings = 6;
    a.expected_hours = 21;
    a.relations = {{"b1", BoundaryRelation::agency_wider, 0.5},
                   {"b2", BoundaryRelation::straddles, {}}};
    r.agencies = {a};
    r.boards = {{"b1", BoardKind::lscb, {}, std::nullopt, {}}};
    const auto j = ordered_json::parse(report::to_json(r));
    CHECK(j["as_of"] == "2015-01-31");
    // What expected attendance was computed with: the defaults of a plain run.
    CHECK(keys(j) == std::vector<std::string>{"as_of", "rules", "prep_factor", "travel_hours",
                                              "agencies", "boards"});
    CHECK(j["rules"] == "built-in");
    CHECK(j["prep_factor"] == 0);
    CHECK(keys(j["agencies"][0]) ==
          std::vector<std::string>{"id", "sector", "boards_to_attend", "meetings_to_attend",
                                   "expected_boards", "expected_meetings", "expected_hours",
                                   "relations"});
    CHECK(j["agencies"][0]["expected_boards"] == ordered_json({{"lscb", 1}}));
    CHECK(j["agencies"][0]["expected_meetings"] == 6);
    CHECK(j["agencies"][0]["expected_hours"] == 21);
    CHECK(j["agencies"][0]["relations"][0] ==
          ordered_json({{"board", "b1"}, {"relation", "agency_wider"}, {"overlap_share", 0.5}}));
    CHECK(keys(j["agencies"][0]["relations"][1]) == std::vector<std::string>{"board", "relation"});
    CHECK(keys(j["boards"][0]) ==
          std::vector<std::string>{"id", "kind", "partners", "coterminosity", "straddling"});
    CHECK(j["boards"][0]["coterminosity"].is_null());
    CHECK(j["boards"][0]["partners"].is_array());
}

TEST_CASE("load JSON: prep_factor and travel_hours, largest_* null on empty boards") {
    LoadReport r;
    r.prep_factor = 0.5;
    r.travel_hours = 1;
    r.people = {{"p", 1, 1, 6, 24, 12}};
    r.agencies = {{"la", Sector::local_authority, 1, 1, 1, 6, 24, 12}};
    BoardLoad b;
    b.id = "b";
    r.boards = {b};
    const auto j = ordered_json::parse(report::to_json(r));
    CHECK(keys(j) == std::vector<std::string>{"as_of", "prep_factor", "travel_hours", "people",
                                              "agencies", "boards"});
    CHECK(j["prep_factor"] == 0.5);
    CHECK(keys(j["people"][0]) ==
          std::vector<std::string>{"id", "seats", "boards", "meetings", "hours", "attended_hours"});
    CHECK(keys(j["agencies"][0]) == std::vector<std::string>{"id", "sector", "seats", "people",
                                                             "boards", "meetings", "hours",
                                                             "attended_hours"});
    CHECK(keys(j["boards"][0]) == std::vector<std::string>{"id", "seats", "seats_by_sector",
                                                           "seats_by_group", "largest_sector",
                                                           "largest_sector_seats", "largest_group",
                                                           "largest_group_seats"});
    CHECK(j["boards"][0]["largest_sector"].is_null());
    CHECK(j["boards"][0]["seats_by_sector"] == ordered_json::object());
}

TEST_CASE("representation JSON: expected, roles, other_sectors") {
    RepresentationResult r;
    BoardRepresentation b;
    b.id = "b1";
    b.kind = BoardKind::sab;
    b.expected = {{Sector::police, false}};
    b.roles = {{Role::lay_member, 2, 1}};
    b.other_sectors = {{"independent", 1}};
    r.boards = {b};
    const auto j = ordered_json::parse(report::to_json(r));
    CHECK(keys(j) == std::vector<std::string>{"as_of", "boards"});
    CHECK(keys(j["boards"][0]) ==
          std::vector<std::string>{"id", "kind", "expected", "roles", "other_sectors"});
    CHECK(j["boards"][0]["expected"][0] == ordered_json({{"sector", "police"},
                                                         {"status", "absent"},
                                                         {"seats", 0},
                                                         {"senior", 0},
                                                         {"regular", 0},
                                                         {"sporadic", 0},
                                                         {"never", 0},
                                                         {"senior_regular", 0}}));
    CHECK(j["boards"][0]["roles"][0] ==
          ordered_json({{"role", "lay_member"}, {"expected", 2}, {"seats", 1}}));
    CHECK(j["boards"][0]["other_sectors"][0] ==
          ordered_json({{"sector", "independent"}, {"seats", 1}}));
}
