// compare() on the scenario fixture (scenario_fixture.hpp) with every delta worked by hand,
// the JSON shape of DESIGN §8.3, two dates of one file, and agencies matched by ONS codes.
#include "scenario_fixture.hpp"

#include "boardscape/compare.hpp"
#include "boardscape/dataset_json.hpp"
#include "boardscape/report/compare_report.hpp"
#include "boardscape/scenario.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace boardscape;

namespace {

Date day(const char* s) { return *Date::parse(s); }
Dataset fixture() { return parse_dataset(scenario_test::k_fixture, "fixture.json").dataset; }

Dataset merged() {
    ScenarioSpec spec;
    spec.date = day("2024-04-01");
    spec.merge = MergeSpec{};
    spec.merge->boards = {BoardId("sab_c"), BoardId("sab_u")};
    spec.merge->name = "Tees SAB";
    return apply_scenario(fixture(), spec, day("2030-01-01")).dataset;
}

const AgencyDelta& agency(const Comparison& c, const char* id) {
    for (const auto& a : c.agencies)
        if (a.id == id) return a;
    FAIL("no agency " << id);
    return c.agencies.front();
}

}  // namespace

// Seat hours: sab_c 4×2 = 8, sab_u 6×1.5 = 9, sab_c_sg 3×1 = 3, hwb_u 4×2 = 8, tees-sab 6×2 = 12.
// Before (as_of 2024-03-01) and after (the output's as_of, D = 2024-04-01):
//   ann: sab_c + sab_u = 10 meetings, 17 h  → tees-sab 6, 12       Δ −4, −5
//   bob: the same                           → 6, 12                Δ −4, −5
//   cat: sab_c + sab_u + sg = 13, 20        → tees-sab + copy 9, 15 Δ −4, −5
//   gus: sab_u 6, 9                         → tees-sab 6, 12       Δ 0, +3
//   fay: hwb_u 4, 8 both sides; dan (ended) and eve (from June) have no seat at either date.
// Agencies' load: la_c = ann; pol = bob + gus (16, 26 → 12, 24); ccg = cat; la_u = fay.
// Expected attendance (sab expects local_authority, health_commissioner, police; hwb expects
// local_authority and health_commissioner, not police):
//   la_c [c]: sab_c 4, 8             → tees-sab 6, 12          Δ +2, +4
//   la_u [u]: sab_u + hwb_u 10, 17   → tees-sab + hwb_u 10, 20 Δ 0, +3
//   pol:      sab_c + sab_u 10, 17   → tees-sab 6, 12          Δ −4, −5
//   ccg:      all three 14, 25       → tees-sab + hwb_u 10, 20 Δ −4, −5
TEST_CASE("compare a merger with its original: every delta by hand") {
    const Comparison c = compare(fixture(), merged());
    CHECK(c.as_of_before == day("2024-03-01"));
    CHECK(c.as_of_after == day("2024-04-01"));

    REQUIRE(c.agencies.size() == 4);
    // |Δ hours| desc, ties by id: ccg 5, la_c 5, pol 2, la_u 0.
    CHECK(c.agencies[0].id == "ccg");
    CHECK(c.agencies[1].id == "la_c");
    CHECK(c.agencies[2].id == "pol");
    CHECK(c.agencies[3].id == "la_u");

    const auto& la_c = agency(c, "la_c");
    CHECK(la_c.before.expected_meetings == 4);
    CHECK(la_c.before.expected_hours == 8);
    CHECK(la_c.after.expected_meetings == 6);
    CHECK(la_c.after.expected_hours == 12);
    CHECK(la_c.delta.expected_hours == 4);
    CHECK(la_c.before.meetings == 10);
    CHECK(la_c.before.hours == 17);
    CHECK(la_c.after.meetings == 6);
    CHECK(la_c.after.hours == 12);
    CHECK(la_c.delta.hours == -5);

    const auto& pol = agency(c, "pol");
    CHECK(pol.before.expected_meetings == 10);
    CHECK(pol.before.expected_hours == 17);
    CHECK(pol.after.expected_meetings == 6);
    CHECK(pol.after.expected_hours == 12);
    CHECK(pol.before.meetings == 16);
    CHECK(pol.before.hours == 26);
    CHECK(pol.after.meetings == 12);
    CHECK(pol.after.hours == 24);
    CHECK(pol.delta.meetings == -4);
    CHECK(pol.delta.hours == -2);

    const auto& ccg = agency(c, "ccg");
    CHECK(ccg.before.expected_meetings == 14);
    CHECK(ccg.before.expected_hours == 25);
    CHECK(ccg.after.expected_meetings == 10);
    CHECK(ccg.after.expected_hours == 20);
    CHECK(ccg.before.hours == 20);
    CHECK(ccg.after.hours == 15);

    const auto& la_u = agency(c, "la_u");
    CHECK(la_u.delta.expected_meetings == 0);
    CHECK(la_u.delta.expected_hours == 3);
    CHECK(la_u.before.hours == 8);
    CHECK(la_u.delta.hours == 0);

    REQUIRE(c.people.size() == 5);  // ann, bob, cat, gus, fay: seats on either side
    CHECK(c.people[0].id == "ann");
    CHECK(c.people[1].id == "bob");
    CHECK(c.people[2].id == "cat");
    CHECK(c.people[3].id == "gus");
    CHECK(c.people[4].id == "fay");
    CHECK(c.people[2].before.meetings == 13);
    CHECK(c.people[2].before.hours == 20);
    CHECK(c.people[2].after.meetings == 9);
    CHECK(c.people[2].after.hours == 15);
    CHECK(c.people[3].delta.meetings == 0);
    CHECK(c.people[3].delta.hours == 3);

    // Totals of load: ann 17 + bob 17 + cat 20 + gus 9 + fay 8 = 71 h before;
    // 12 + 12 + 15 + 12 + 8 = 59 h after.
    CHECK(c.agency_totals_before.hours == 71);
    CHECK(c.agency_totals_after.hours == 59);
    CHECK(c.people_totals_delta.hours == -12);
    CHECK(c.agency_totals_before.expected_hours == 8 + 17 + 17 + 25);
    CHECK(c.agency_totals_after.expected_hours == 12 + 20 + 12 + 20);

    CHECK(c.boards.added == std::vector<std::string>{"sab_c_sg-tees-sab", "tees-sab"});
    CHECK(c.boards.removed.empty());
    CHECK(c.boards.changed == std::vector<std::string>{"sab_c", "sab_c_sg", "sab_u"});

    const auto key = [](const char* p, const char* b, std::optional<const char*> from) {
        return MembershipKey{p, b, from ? std::optional<Date>(day(*from)) : std::nullopt};
    };
    CHECK(c.memberships.added ==
          std::vector<MembershipKey>{key("ann", "tees-sab", "2024-04-01"),
                                     key("bob", "tees-sab", "2024-04-01"),
                                     key("cat", "sab_c_sg-tees-sab", "2024-04-01"),
                                     key("cat", "tees-sab", "2024-04-01"),
                                     key("eve", "tees-sab", "2024-06-01"),
                                     key("gus", "tees-sab", "2024-04-01")});
    CHECK(c.memberships.removed == std::vector<MembershipKey>{key("eve", "sab_u", "2024-06-01")});
    CHECK(c.memberships.changed ==
          std::vector<MembershipKey>{key("ann", "sab_c", {}), key("ann", "sab_u", {}),
                                     key("bob", "sab_c", {}), key("bob", "sab_u", {}),
                                     key("cat", "sab_c", {}), key("cat", "sab_c_sg", {}),
                                     key("cat", "sab_u", {}), key("gus", "sab_u", {})});
}

TEST_CASE("compare: the JSON has DESIGN 8.3's fields in order") {
    const auto j = nlohmann::ordered_json::parse(report::to_json(compare(fixture(), merged())));
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"as_of_before", "as_of_after", "agencies", "people",
                                           "boards", "memberships", "totals"});
    CHECK(j["as_of_before"] == "2024-03-01");
    const auto& a = j["agencies"][2];  // pol
    CHECK(a["id"] == "pol");
    std::vector<std::string> agency_keys;
    for (const auto& [k, v] : a.items()) agency_keys.push_back(k);
    CHECK(agency_keys == std::vector<std::string>{"id", "before", "after", "delta"});
    std::vector<std::string> figure_keys;
    for (const auto& [k, v] : a["delta"].items()) figure_keys.push_back(k);
    CHECK(figure_keys ==
          std::vector<std::string>{"expected_meetings", "expected_hours", "meetings", "hours"});
    CHECK(a["delta"]["hours"] == -2.0);
    CHECK(a["before"]["meetings"] == 16.0);
    const auto& p = j["people"][0];
    CHECK(p["id"] == "ann");
    CHECK(p["after"].size() == 2);
    CHECK(p["after"]["hours"] == 12.0);
    CHECK(j["boards"]["added"] == nlohmann::ordered_json::array({"sab_c_sg-tees-sab", "tees-sab"}));
    CHECK(j["memberships"]["removed"][0] ==
          nlohmann::ordered_json({{"person", "eve"}, {"board", "sab_u"}, {"from", "2024-06-01"}}));
    CHECK(j["memberships"]["changed"][0]["from"].is_null());
}

TEST_CASE("compare one file at two dates: the merger between them, eve's seat from June") {
    const Dataset d = merged();
    CompareOptions o;
    o.before_as_of = day("2024-03-01");
    o.after_as_of = day("2024-07-01");
    const Comparison c = compare(d, d, o);
    CHECK(c.as_of_before == day("2024-03-01"));
    CHECK(c.as_of_after == day("2024-07-01"));
    // la_u gains eve's seat on tees-sab (6, 12) on top of fay's hwb_u seat (4, 8).
    const auto& la_u = agency(c, "la_u");
    CHECK(la_u.before.hours == 8);
    CHECK(la_u.after.meetings == 10);
    CHECK(la_u.after.hours == 20);
    CHECK(c.agencies[0].id == "la_u");  // |Δ| 12 is the largest
    CHECK(c.boards.added.empty());
    CHECK(c.memberships.changed.empty());
    // An entity with no seat on one side counts 0 there: eve.
    bool eve = false;
    for (const auto& p : c.people)
        if (p.id == "eve") {
            eve = true;
            CHECK(p.before.hours == 0);
            CHECK(p.after.hours == 12);
        }
    CHECK(eve);
}

TEST_CASE("compare: agencies with different ids match by sector and ONS codes when unique") {
    //   before: la-old (local_authority, [a1: E1]), ccg-x (health_commissioner, [a1])
    //   after:  la-new (local_authority, [a1: E1]), icb-1 and icb-2 (health_commissioner, [a1])
    //   la-old ↔ la-new match; ccg-x has two candidates, so nothing matches it.
    const char* before = R"({"format": "boardscape", "version": 1, "meta": {"title": "b"},
      "areas": [{"id": "a1", "name": "A", "code": "E1"}],
      "agencies": [{"id": "la-old", "name": "Old", "sector": "local_authority", "footprint": ["a1"]},
                   {"id": "ccg-x", "name": "CCG", "sector": "health_commissioner", "footprint": ["a1"]}],
      "boards": [{"id": "sab", "name": "SAB", "kind": "sab", "footprint": ["a1"],
                  "meetings_per_year": 4, "meeting_hours": 2}]})";
    const char* after = R"({"format": "boardscape", "version": 1, "meta": {"title": "a"},
      "areas": [{"id": "area-1", "name": "A", "code": "E1"}],
      "agencies": [{"id": "la-new", "name": "New", "sector": "local_authority", "footprint": ["area-1"]},
                   {"id": "icb-1", "name": "ICB 1", "sector": "health_commissioner", "footprint": ["area-1"]},
                   {"id": "icb-2", "name": "ICB 2", "sector": "health_commissioner", "footprint": ["area-1"]}],
      "boards": [{"id": "sab", "name": "SAB", "kind": "sab", "footprint": ["area-1"],
                  "meetings_per_year": 6, "meeting_hours": 2}]})";
    const Comparison c = compare(parse_dataset(before, "b").dataset, parse_dataset(after, "a").dataset);
    REQUIRE(c.agencies.size() == 4);  // la-new (matched), ccg-x, icb-1, icb-2
    const auto& la = agency(c, "la-new");
    CHECK(la.before_id == "la-old");
    CHECK(la.before.expected_meetings == 4);
    CHECK(la.after.expected_meetings == 6);
    CHECK(la.delta.expected_hours == 4);
    CHECK(agency(c, "ccg-x").after.expected_meetings == 0);
    CHECK(agency(c, "icb-1").before.expected_meetings == 0);
    CHECK(agency(c, "icb-1").before_id.empty());
    const auto j = nlohmann::ordered_json::parse(report::to_json(c));
    for (const auto& a : j["agencies"])
        if (a["id"] == "la-new") CHECK(a["before_id"] == "la-old");
}

TEST_CASE("compare tables: totals first, only changed agencies and people, a note on the rest") {
    const Dataset b = fixture(), a = merged();
    const auto tables = report::compare_tables(compare(b, a), &b, &a);
    REQUIRE(tables.size() == 5);
    CHECK(tables[0].id == "totals");
    CHECK(tables[0].rows[3] == std::vector<std::string>{"agencies: hours", "71.0", "59.0", "-12.0"});
    CHECK(tables[1].id == "agencies");
    CHECK(tables[1].rows.size() == 4);  // la_u's expected hours change (+3), so it is shown
    CHECK(tables[1].rows[2][0] == "pol");
    CHECK(tables[1].rows[2][1] == "Police");
    CHECK(tables[2].id == "people");
    CHECK(tables[2].rows.size() == 4);  // fay unchanged
    CHECK(tables[2].note == "1 of 5 people with seats unchanged (not shown).");
    CHECK(tables[2].rows[3] ==
          std::vector<std::string>{"gus", "Gus", "6", "6", "0", "9.0", "12.0", "+3.0"});
    CHECK(tables[3].id == "boards");
    CHECK(tables[3].rows.front() == std::vector<std::string>{"added", "sab_c_sg-tees-sab",
                                                             "County SAB review group"});
    CHECK(tables[4].id == "memberships");
    CHECK(tables[4].rows.size() == 6 + 1 + 8);
}
