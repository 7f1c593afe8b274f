// A tiny landscape shared by the viewer tests, built inline (no fixture file to drift):
//
//   areas: shire ⊃ {north, south}
//   police (shire)   council (shire)   ccg (north)
//
//        alice(police) ── lscb ── bob(council)          lscb ⟶ hwb (protocol)
//          │   \          │  \        │
//          │    hwb ──────┼───────────┘                 lscb-sub (sub-group of lscb)
//          │              carol(ccg)                       └── dave (no agency, lay member)
//        csp-north
//
// Top-level boards: lscb {alice, bob, carol, dave via lscb-sub}, hwb {alice, bob},
// csp-north {alice}. Pairs: lscb–hwb shares 2, lscb–csp-north 1, hwb–csp-north 1.
#pragma once

#include "app/app.hpp"
#include "boardscape/dataset_json.hpp"

#include <string>

namespace viewer_test {

inline const char* const small_landscape_json = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "Test shire", "as_of": "2015-01-31"},
  "areas": [
    {"id": "shire", "name": "Shire", "kind": "county"},
    {"id": "north", "name": "North District", "parent": "shire", "population": 100},
    {"id": "south", "name": "South District", "parent": "shire", "population": 300}
  ],
  "agencies": [
    {"id": "police", "name": "Shire Police", "sector": "police", "footprint": ["shire"]},
    {"id": "council", "name": "Shire Council", "sector": "local_authority", "footprint": ["shire"]},
    {"id": "ccg", "name": "North CCG", "sector": "health_commissioner", "footprint": ["north"]}
  ],
  "boards": [
    {"id": "lscb", "name": "Shire LSCB", "kind": "lscb", "footprint": ["shire"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "hwb", "name": "Shire Health and Wellbeing Board", "kind": "hwb", "footprint": ["shire"], "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "csp-north", "name": "North CSP", "kind": "csp", "footprint": ["north"], "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "lscb-sub", "name": "Shire LSCB Audit Group", "kind": "lscb", "parent": "lscb", "footprint": ["shire"], "meetings_per_year": 4, "meeting_hours": 2}
  ],
  "people": [
    {"id": "alice", "name": "Alice Archer", "agency": "police", "title": "Detective Superintendent"},
    {"id": "bob", "name": "Bob Bellamy", "agency": "council"},
    {"id": "carol", "name": "Carol Cartwright", "agency": "ccg"},
    {"id": "dave", "name": "Dave Dunmore"}
  ],
  "memberships": [
    {"person": "alice", "board": "lscb", "role": "chair", "seniority": "senior", "attendance": "regular", "source": "Minutes by Alice Archer"},
    {"person": "alice", "board": "hwb", "role": "member"},
    {"person": "bob", "board": "lscb", "role": "member"},
    {"person": "bob", "board": "hwb", "role": "member"},
    {"person": "carol", "board": "lscb", "role": "member"},
    {"person": "dave", "board": "lscb-sub", "role": "lay_member"},
    {"person": "alice", "board": "csp-north", "role": "member"}
  ],
  "relations": [{"from": "lscb", "to": "hwb", "kind": "protocol"}],
  "views": [
    {"name": "Overlap", "overlay": "overlap", "center": [0, 0], "span": 0},
    {"name": "Police boundaries", "overlay": "boundaries", "selected": "police", "span": 0}
  ]
})";

// Four Tees districts with real ONS codes (the 2023 hex layout; see tests/graph/test_map.cpp),
// for the map view and the Scenario panel's map:
//
//        H(8,18)                 hs = Hartlepool + Stockton partnership
//   S(7,17)  M(8,17)  R(9,17)    st = South Tees partnership (M + R)
//
// One police force covers all four; Hartlepool has a Health and Wellbeing Board.
inline const char* const tees_json = R"({"format": "boardscape", "version": 1, "meta": {"title": "Tees", "as_of": "2024-07-01"},
  "areas": [
    {"id": "h", "name": "Hartlepool", "code": "E06000001"},
    {"id": "m", "name": "Middlesbrough", "code": "E06000002"},
    {"id": "r", "name": "Redcar and Cleveland", "code": "E06000003"},
    {"id": "s", "name": "Stockton-on-Tees", "code": "E06000004"}],
  "agencies": [
    {"id": "cleveland-police", "name": "Cleveland Police", "sector": "police", "footprint": ["h", "m", "r", "s"]}],
  "boards": [
    {"id": "hs", "name": "Hartlepool and Stockton Safeguarding Children Partnership", "kind": "lscp",
     "footprint": ["h", "s"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "st", "name": "South Tees Safeguarding Children Partnership", "kind": "lscp",
     "footprint": ["m", "r"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "hwb-h", "name": "Hartlepool HWB", "kind": "hwb", "footprint": ["h"], "meetings_per_year": 4, "meeting_hours": 2}]})";;

inline const char* const person_names[] = {"Alice Archer", "Bob Bellamy", "Carol Cartwright", "Dave Dunmore",
                                           "Alice", "Archer", "Bellamy", "Cartwright", "Dunmore"};

inline boardscape::Dataset small_landscape() {
    return boardscape::parse_dataset(small_landscape_json, "small.json").dataset;
}

/// An App for logic tests: layout on the calling thread, no keyboard polling, and the user's
/// recent-files list left alone.
inline boardscape::viewer::AppOptions headless_options() {
    boardscape::viewer::AppOptions o;
    o.threaded_layout = false;
    o.keyboard = false;
    o.remember_recent = false;
    return o;
}

}  // namespace viewer_test
