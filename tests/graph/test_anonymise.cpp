// Anonymising people (boardscape/anonymise.hpp): the exact pseudonyms the viewer's A and the
// command line's --anonymise share, and a copy of the dataset in which nothing names anyone.
//
//   areas: shire            agencies: police (police), council (local_authority)
//   boards: lscb, council-rep-1 (a board whose id a pseudonym would take)
//
//   person  name         agency    seats                      pseudonym (ids in order)
//   p-amy   Amy Adams    police    lscb (source names her)    Police rep 1
//   p-bea   Bea Brown    council   lscb                       Council rep 1
//   p-cal   Cal Cole     -         lscb                       Independent member 1
//   p-dan   Dan Dale     council   council-rep-1              Council rep 2
//   p-zoe   Zoe Zimmer   police    lscb                       Police rep 2
//
// The file lists Zoe first: numbering follows ids, not the file's order.
#include "boardscape/anonymise.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace boardscape;

namespace {

const char* const k_fixture = R"({
  "format": "boardscape", "version": 1, "meta": {"title": "Anon", "as_of": "2015-01-31"},
  "areas": [{"id": "shire", "name": "Shire"}],
  "agencies": [
    {"id": "police", "name": "Shire Police", "sector": "police", "footprint": ["shire"]},
    {"id": "council", "name": "Shire Council", "sector": "local_authority", "footprint": ["shire"]}
  ],
  "boards": [
    {"id": "lscb", "name": "Shire LSCB", "kind": "lscb", "footprint": ["shire"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "council-rep-1", "name": "Reps forum", "kind": "other", "footprint": ["shire"], "meetings_per_year": 2, "meeting_hours": 1}
  ],
  "people": [
    {"id": "p-zoe", "name": "Zoe Zimmer", "agency": "police"},
    {"id": "p-amy", "name": "Amy Adams", "agency": "police", "title": "Chief Inspector"},
    {"id": "p-bea", "name": "Bea Brown", "agency": "council", "title": "Director of Children's Services"},
    {"id": "p-cal", "name": "Cal Cole"},
    {"id": "p-dan", "name": "Dan Dale", "agency": "council"}
  ],
  "memberships": [
    {"person": "p-amy", "board": "lscb", "role": "chair", "source": "Minutes taken by Amy Adams"},
    {"person": "p-bea", "board": "lscb", "role": "member"},
    {"person": "p-cal", "board": "lscb", "role": "lay_member"},
    {"person": "p-dan", "board": "council-rep-1", "role": "member"},
    {"person": "p-zoe", "board": "lscb", "role": "member"}
  ],
  "relations": [],
  "layout": {"positions": {"p-amy": [1, 2], "lscb": [0, 0]}, "pinned": ["p-amy"]},
  "views": [{"name": "Amy", "overlay": "none", "selected": "p-amy", "span": 0}]
})";

}  // namespace

TEST_CASE("pseudonyms: sector label and number within it, in id order") {
    const Dataset d = parse_dataset(k_fixture, "anon.json").dataset;
    const auto names = person_pseudonyms(d);
    REQUIRE(names.size() == 5);
    CHECK(names[0] == "Police rep 2");  // p-zoe: after p-amy
    CHECK(names[1] == "Police rep 1");  // p-amy
    CHECK(names[2] == "Council rep 1");  // p-bea
    CHECK(names[3] == "Independent member 1");  // p-cal: no agency
    CHECK(names[4] == "Council rep 2");  // p-dan
    CHECK(sector_label(Sector::local_authority) == "Council");
    CHECK(pseudonym_id("Police and crime commissioner rep 12") == "police-and-crime-commissioner-rep-12");
    CHECK(pseudonym_id("Children's services rep 1") == "children-s-services-rep-1");
}

TEST_CASE("an anonymised copy names no one and keeps every figure") {
    const Dataset d = parse_dataset(k_fixture, "anon.json").dataset;
    const Dataset a = anonymised(d);
    REQUIRE(a.people.size() == 5);
    CHECK(a.people[0].id.str() == "police-rep-2");
    CHECK(a.people[0].name == "Police rep 2");
    CHECK(a.people[1].id.str() == "police-rep-1");
    CHECK_FALSE(a.people[1].title.has_value());
    CHECK_FALSE(a.people[2].title.has_value());
    // "council-rep-1" is a board's id: Bea's pseudonym id steps aside.
    CHECK(a.people[2].id.str() == "council-rep-1-2");
    CHECK(a.people[2].name == "Council rep 1");
    CHECK(a.people[3].id.str() == "independent-member-1");
    CHECK(a.people[4].id.str() == "council-rep-2");
    // Seats follow their people; sources (which can name someone) go.
    CHECK(a.memberships[0].person.str() == "police-rep-1");
    CHECK_FALSE(a.memberships[0].source.has_value());
    CHECK(a.memberships[3].person.str() == "council-rep-2");
    CHECK(a.memberships[3].board.str() == "council-rep-1");
    CHECK(a.find_person(PersonId("police-rep-1")) == std::optional<std::size_t>(1));
    // Positions move to the new ids; saved views (which may select a person) are dropped.
    CHECK(a.layout.positions.count("police-rep-1") == 1);
    CHECK(a.layout.positions.count("p-amy") == 0);
    CHECK(a.layout.pinned == std::vector<std::string>{"police-rep-1"});
    CHECK(a.views_json.empty());
    // The written file is a valid dataset and carries none of the names or old ids.
    const std::string text = dataset_to_json_text(a);
    for (const char* gone : {"Zoe", "Zimmer", "Amy", "Adams", "Bea", "Brown", "Cal Cole", "Dan Dale", "p-amy",
                             "p-zoe", "Chief Inspector", "Minutes"})
        CHECK_MESSAGE(text.find(gone) == std::string::npos, gone);
    CHECK(parse_dataset(text, "again.json").warnings.empty());
    // The analyses see the same landscape: lscb seats 4 people at 6 meetings of 3 hours.
    const LoadReport before = compute_load(d, {});
    const LoadReport after = compute_load(a, {});
    REQUIRE(after.people.size() == before.people.size());
    double hours_before = 0, hours_after = 0;
    for (const auto& p : before.people) hours_before += p.hours;
    for (const auto& p : after.people) hours_after += p.hours;
    CHECK(hours_after == doctest::Approx(hours_before));
    CHECK(hours_after == doctest::Approx(4 * 18 + 2));
}
