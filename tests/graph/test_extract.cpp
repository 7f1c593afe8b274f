// Area extracts on a small inline dataset.
#include <doctest/doctest.h>

#include "boardscape/dataset_json.hpp"
#include "boardscape/extract.hpp"

#include <algorithm>
#include <string>

using namespace boardscape;

namespace {

//   County C ── d1, d2        Unitary U        Unitary V
//   lscp-c [C]   csp-d1 [d1]  lscp-u [U]       lscp-v [V]  (sub-group lscp-v-exec)
//   police-cu [C, U]   la-c [C]   icb-uv [U, V]
//   Ann sits on lscp-u (for police-cu); Bob sits on lscp-v-exec (for icb-uv).
const char* k_fixture = R"({
  "format": "boardscape", "version": 1, "meta": {"title": "Mini"},
  "areas": [
    {"id": "c", "name": "County C", "code": "E10000001"},
    {"id": "d1", "name": "District One", "parent": "c", "code": "E07000001"},
    {"id": "d2", "name": "District Two", "parent": "c"},
    {"id": "u", "name": "Bristol, City of"},
    {"id": "v", "name": "Vale"}
  ],
  "agencies": [
    {"id": "police-cu", "name": "Police CU", "sector": "police", "footprint": ["c", "u"]},
    {"id": "la-c", "name": "Council C", "sector": "local_authority", "footprint": ["c"]},
    {"id": "icb-uv", "name": "ICB UV", "sector": "health_commissioner", "footprint": ["u", "v"]}
  ],
  "boards": [
    {"id": "lscp-c", "name": "C SCP", "kind": "lscp", "footprint": ["c"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "csp-d1", "name": "D1 CSP", "kind": "csp", "footprint": ["d1"], "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "lscp-u", "name": "U SCP", "kind": "lscp", "footprint": ["u"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "lscp-v", "name": "V SCP", "kind": "lscp", "footprint": ["v"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "lscp-v-exec", "name": "V exec", "kind": "lscp", "footprint": ["v"], "parent": "lscp-v", "meetings_per_year": 4, "meeting_hours": 2}
  ],
  "people": [
    {"id": "ann", "name": "Ann", "agency": "police-cu"},
    {"id": "bob", "name": "Bob", "agency": "icb-uv"}
  ],
  "memberships": [
    {"person": "ann", "board": "lscp-u", "role": "member"},
    {"person": "bob", "board": "lscp-v-exec", "role": "member"}
  ],
  "relations": [
    {"from": "lscp-c", "to": "lscp-u", "kind": "protocol"},
    {"from": "lscp-u", "to": "lscp-v", "kind": "protocol"}
  ]
})";

std::vector<std::string> ids_of(const auto& v) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(x.id.value);
    return out;
}

}  // namespace

TEST_CASE("extract: areas are found by id, code or name") {
    const Dataset d = parse_dataset(k_fixture).dataset;
    CHECK(find_area_by_query(d, "d1") == 1);
    CHECK(find_area_by_query(d, "e07000001") == 1);
    CHECK(find_area_by_query(d, "county c") == 0);
    CHECK(find_area_by_query(d, "City of Bristol") == 3);  // ONS inverted name
    CHECK(find_area_by_query(d, "bristol") == 3);
    try {
        (void)find_area_by_query(d, "Vail");
        FAIL("expected an error");
    } catch (const AreaLookupError& e) {
        CHECK(e.candidates() == std::vector<std::string>{"v"});
    }
}

TEST_CASE("extract: no match suggests areas whose name holds the typed words, then close names") {
    const Dataset d = parse_dataset(k_fixture).dataset;
    const auto candidates = [&](std::string_view q) {
        try {
            (void)find_area_by_query(d, q);
        } catch (const AreaLookupError& e) {
            return e.candidates();
        }
        return std::vector<std::string>{"(found)"};
    };
    CHECK(candidates("district") == std::vector<std::string>{"d1", "d2"});  // both hold the word
    CHECK(candidates("TWO") == std::vector<std::string>{"d2"});
    CHECK(candidates("two district") == std::vector<std::string>{"d2"});  // every word, any order
    CHECK(candidates("Distr").empty());  // whole words only: "Hull" is not "Solihull"
    CHECK(candidates("County D") == std::vector<std::string>{"c"});  // "county c", 1 edit
}

TEST_CASE("extract: depth 0, 1 and 2") {
    const Dataset d = parse_dataset(k_fixture).dataset;
    const std::size_t d1 = find_area_by_query(d, "d1");

    // Depth 0: what touches d1 — lscp-c (via C) and csp-d1; police-cu and la-c.
    auto r0 = extract_area(d, d1, ExtractOptions{0});
    CHECK(r0.boards_touching == 2);
    CHECK(r0.agencies_touching == 2);
    CHECK(ids_of(r0.dataset.boards) == std::vector<std::string>{"lscp-c", "csp-d1"});
    CHECK(ids_of(r0.dataset.agencies) == std::vector<std::string>{"police-cu", "la-c"});
    // Police CU's footprint names U, so U comes too; V does not.
    CHECK(ids_of(r0.dataset.areas) == std::vector<std::string>{"c", "d1", "d2", "u"});
    CHECK(r0.dataset.people.empty());

    // Depth 1: plus the boards police-cu attends (lscp-u) with Ann's seat and the C–U relation.
    auto r1 = extract_area(d, d1, ExtractOptions{1});
    CHECK(ids_of(r1.dataset.boards) == std::vector<std::string>{"lscp-c", "csp-d1", "lscp-u"});
    CHECK(ids_of(r1.dataset.people) == std::vector<std::string>{"ann"});
    CHECK(r1.dataset.memberships.size() == 1);
    REQUIRE(r1.dataset.relations.size() == 1);
    CHECK(r1.dataset.relations[0].to.value == "lscp-u");

    // Depth 2: the agencies on lscp-u (icb-uv by footprint) and the boards they attend: lscp-v
    // with its sub-group and Bob's seat.
    auto r2 = extract_area(d, d1, ExtractOptions{2});
    CHECK(ids_of(r2.dataset.boards) ==
          std::vector<std::string>{"lscp-c", "csp-d1", "lscp-u", "lscp-v", "lscp-v-exec"});
    CHECK(ids_of(r2.dataset.agencies) == std::vector<std::string>{"police-cu", "la-c", "icb-uv"});
    CHECK(ids_of(r2.dataset.people) == std::vector<std::string>{"ann", "bob"});
    CHECK(r2.dataset.areas.size() == 5);

    // Every extract is itself a valid file.
    for (const auto* r : {&r0, &r1, &r2}) CHECK_NOTHROW((void)parse_dataset(dataset_to_json_text(r->dataset)));
}

TEST_CASE("extract: a district keeps its county's whole subtree when a footprint names the county") {
    const Dataset d = parse_dataset(k_fixture).dataset;
    const auto r = extract_area(d, find_area_by_query(d, "u"), ExtractOptions{0});
    // lscp-u and (via police-cu's footprint C, U) nothing else touches U; icb-uv touches U.
    CHECK(ids_of(r.dataset.boards) == std::vector<std::string>{"lscp-u"});
    CHECK(ids_of(r.dataset.agencies) == std::vector<std::string>{"police-cu", "icb-uv"});
    CHECK(ids_of(r.dataset.areas) == std::vector<std::string>{"c", "d1", "d2", "u", "v"});
}
