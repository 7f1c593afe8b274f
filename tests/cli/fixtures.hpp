// Small datasets for the CLI tests, written inline so every expected number can be worked out
// by hand from DESIGN §4 (see the sketch in each comment).
#pragma once

#include <string>

namespace cli_test {

//   areas: c (county) ── d1 (pop 100), d2 (pop 300);  u (unitary, pop 50)
//   agencies: la_c local_authority [c] = {d1,d2}; pol police [c,u] = {d1,d2,u};
//             ccg health_commissioner [d1] = {d1}
//   boards (meetings/year × hours):  b1 lscb [c] 6×2   b2 sab [c] 4×3
//                                    b1s sub-group of b1 [c] 10×1
//                                    b3 csp [u] 4×2, until 2015-01-01 (inactive at as_of)
//   memberships:  p1(la_c) ── b1 chair senior regular, b2 chair sporadic
//                 p2(pol)  ── b1 member, b3 member
//                 p3(ccg)  ── b1s member never, b2 member
//   meta.as_of 2015-06-30
inline const std::string k_small = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "Small test landscape", "as_of": "2015-06-30"},
  "areas": [
    {"id": "c", "name": "County", "kind": "county"},
    {"id": "d1", "name": "District One", "parent": "c", "population": 100},
    {"id": "d2", "name": "District Two", "parent": "c", "population": 300},
    {"id": "u", "name": "Unitary", "population": 50}
  ],
  "agencies": [
    {"id": "la_c", "name": "County Council", "sector": "local_authority", "footprint": ["c"]},
    {"id": "pol", "name": "Police", "sector": "police", "footprint": ["c", "u"]},
    {"id": "ccg", "name": "CCG, North", "sector": "health_commissioner", "footprint": ["d1"]}
  ],
  "boards": [
    {"id": "b1", "name": "County LSCB", "kind": "lscb", "footprint": ["c"],
     "meetings_per_year": 6, "meeting_hours": 2},
    {"id": "b2", "name": "County SAB", "kind": "sab", "footprint": ["c"],
     "meetings_per_year": 4, "meeting_hours": 3},
    {"id": "b1s", "name": "LSCB audit group", "kind": "other", "footprint": ["c"], "parent": "b1",
     "meetings_per_year": 10, "meeting_hours": 1},
    {"id": "b3", "name": "Unitary CSP", "kind": "csp", "footprint": ["u"],
     "meetings_per_year": 4, "meeting_hours": 2, "until": "2015-01-01"}
  ],
  "people": [
    {"id": "p1", "name": "Pat One", "agency": "la_c"},
    {"id": "p2", "name": "Sam Two", "agency": "pol"},
    {"id": "p3", "name": "Alex Three", "agency": "ccg"}
  ],
  "memberships": [
    {"person": "p1", "board": "b1", "role": "chair", "seniority": "senior", "attendance": "regular"},
    {"person": "p1", "board": "b2", "role": "chair", "attendance": "sporadic"},
    {"person": "p2", "board": "b1", "role": "member"},
    {"person": "p2", "board": "b3", "role": "member"},
    {"person": "p3", "board": "b1s", "role": "member", "attendance": "never"},
    {"person": "p3", "board": "b2", "role": "member"}
  ],
  "relations": [{"from": "b1", "to": "b2", "kind": "protocol"}]
}
)";

// Four independent mistakes, each with its own pointer.
inline const std::string k_several_mistakes = R"({
  "format": "boardscape", "version": 1,
  "areas": [{"id": "a1", "name": "Area"}],
  "agencies": [{"id": "ag", "name": "Agency", "sector": "polise", "footprint": ["a1"]}],
  "boards": [{"id": "b", "name": "Board", "kind": "lcsb", "footprint": ["a1"],
              "meetings_per_year": -1, "meeting_hours": 2}],
  "people": [],
  "memberships": [{"person": "nobody", "board": "b", "role": "member"}]
}
)";

}  // namespace cli_test
