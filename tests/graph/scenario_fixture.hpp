// The hand fixture of the scenario and compare tests (graph and command line), with every
// expected figure worked out by hand from DESIGN §4 and §8.3 in the tests that use it.
#pragma once

namespace scenario_test {

//   areas:  c (county) ── d1, d2          u (unitary)
//   agencies: la_c local_authority [c]   la_u local_authority [u]
//             pol police [c, u]          ccg health_commissioner [c, u]
//
//   boards (meetings a year × hours)       relations
//     sab_c  sab [c]  4 × 2                  r0 sab_c → sab_u  protocol    (becomes a self-relation)
//       ├ sab_c_sg  sub-group  3 × 1         r1 sab_c → hwb_u  reports_to  (re-pointed)
//       └ sab_c_old sub-group, until 2020    r2 sab_u → hwb_u  reports_to  (becomes a duplicate)
//     sab_u  sab [u]  6 × 1.5                r3 hwb_u → sab_u  protocol    (re-pointed)
//     hwb_u  hwb [u]  4 × 2
//
//   memberships (file order)                        positions: sab_c (0,0), sab_u (10,4)
//     m0 ann sab_c chair          m6  cat sab_c_sg member
//     m1 bob sab_c member (represents pol, senior)   m7  dan sab_u member, until 2023-01-01
//     m2 cat sab_c adviser, senior                   m8  eve sab_u member, from 2024-06-01
//     m3 ann sab_u member                            m9  fay hwb_u member
//     m4 bob sab_u vice_chair, sporadic              m10 gus sab_u member
//     m5 cat sab_u adviser, not_senior, "minutes"
//   people's agencies: ann la_c, bob pol, cat ccg, dan/eve/fay la_u, gus pol.  as_of 2024-03-01.
//
//   Merging sab_c and sab_u on D = 2024-04-01 as "Tees SAB" (id tees-sab): 6 × 2, [c, u].
inline const char* const k_fixture = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "Scenario fixture", "as_of": "2024-03-01"},
  "areas": [
    {"id": "c", "name": "County", "kind": "county", "code": "E10000001"},
    {"id": "d1", "name": "District One", "parent": "c", "code": "E07000001"},
    {"id": "d2", "name": "District Two", "parent": "c", "code": "E07000002"},
    {"id": "u", "name": "Unitary", "code": "E06000001"}
  ],
  "agencies": [
    {"id": "la_c", "name": "County Council", "sector": "local_authority", "footprint": ["c"]},
    {"id": "la_u", "name": "Unitary Council", "sector": "local_authority", "footprint": ["u"]},
    {"id": "pol", "name": "Police", "sector": "police", "footprint": ["c", "u"]},
    {"id": "ccg", "name": "ICB", "sector": "health_commissioner", "footprint": ["c", "u"]}
  ],
  "boards": [
    {"id": "sab_c", "name": "County SAB", "kind": "sab", "footprint": ["c"],
     "meetings_per_year": 4, "meeting_hours": 2, "from": "2015-04-01"},
    {"id": "sab_c_sg", "name": "County SAB review group", "kind": "sab", "footprint": ["c"],
     "parent": "sab_c", "meetings_per_year": 3, "meeting_hours": 1},
    {"id": "sab_c_old", "name": "County SAB old group", "kind": "sab", "footprint": ["c"],
     "parent": "sab_c", "meetings_per_year": 2, "meeting_hours": 1, "until": "2020-01-01"},
    {"id": "sab_u", "name": "Unitary SAB", "kind": "sab", "footprint": ["u"],
     "meetings_per_year": 6, "meeting_hours": 1.5},
    {"id": "hwb_u", "name": "Unitary HWB", "kind": "hwb", "footprint": ["u"],
     "meetings_per_year": 4, "meeting_hours": 2}
  ],
  "people": [
    {"id": "ann", "name": "Ann", "agency": "la_c"},
    {"id": "bob", "name": "Bob", "agency": "pol"},
    {"id": "cat", "name": "Cat", "agency": "ccg"},
    {"id": "dan", "name": "Dan", "agency": "la_u"},
    {"id": "eve", "name": "Eve", "agency": "la_u"},
    {"id": "fay", "name": "Fay", "agency": "la_u"},
    {"id": "gus", "name": "Gus", "agency": "pol"}
  ],
  "memberships": [
    {"person": "ann", "board": "sab_c", "role": "chair"},
    {"person": "bob", "board": "sab_c", "role": "member", "represents": "pol", "seniority": "senior"},
    {"person": "cat", "board": "sab_c", "role": "adviser", "seniority": "senior"},
    {"person": "ann", "board": "sab_u", "role": "member"},
    {"person": "bob", "board": "sab_u", "role": "vice_chair", "attendance": "sporadic"},
    {"person": "cat", "board": "sab_u", "role": "adviser", "seniority": "not_senior", "source": "minutes"},
    {"person": "cat", "board": "sab_c_sg", "role": "member"},
    {"person": "dan", "board": "sab_u", "role": "member", "until": "2023-01-01"},
    {"person": "eve", "board": "sab_u", "role": "member", "from": "2024-06-01"},
    {"person": "fay", "board": "hwb_u", "role": "member"},
    {"person": "gus", "board": "sab_u", "role": "member"}
  ],
  "relations": [
    {"from": "sab_c", "to": "sab_u", "kind": "protocol"},
    {"from": "sab_c", "to": "hwb_u", "kind": "reports_to"},
    {"from": "sab_u", "to": "hwb_u", "kind": "reports_to"},
    {"from": "hwb_u", "to": "sab_u", "kind": "protocol"}
  ],
  "layout": {"positions": {"sab_c": [0, 0], "sab_u": [10, 4]}}
})";

}  // namespace scenario_test
