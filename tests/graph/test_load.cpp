// Representation load (DESIGN §4 "Load"): seats, meetings, hours with prep and travel,
// attendance weighting, per-agency sums (every agency listed) and board seats by sector/group.
#include "boardscape/analysis/load.hpp"

#include "test_common_fixture.hpp"

#include <doctest/doctest.h>

using namespace boardscape;
using namespace boardscape::test;

namespace {

// At 2015-06-01; with prep_factor 0.5 and travel_hours 1 a seat's hours are
// meetings × (meeting_hours × 1.5 + 1):
//
//   board       parent  meetings × hours  → hours a seat
//   lscb                6 × 2.5          → 6 × 4.75 = 28.5
//   lscb-exec   lscb    12 × 1           → 12 × 2.5 = 30
//   hwb                 4 × 3            → 4 × 5.5  = 22
//   empty               10 × 1           (no seats)
//   old (ended 2014)    1 × 1            (not listed)
//
// agencies: la local_authority, ccg health_commissioner, trust nhs_provider, police police,
//           school school, unused voluntary (no seats, still listed)
// people:   ann la, ben ccg, cat trust, dev police, eve (no agency → independent), fay school
//
//   m0  ann lscb       regular             ← ann's lscb seat
//   m1  ann lscb       sporadic, for ccg   (duplicate: same seat, ignored)
//   m2  ann hwb        never
//   m3  ben lscb       sporadic
//   m4  ben lscb-exec  unknown (weight 1)
//   m5  cat lscb       regular
//   m6  dev lscb       regular
//   m7  eve lscb       never
//   m8  fay hwb        regular
//   m9  dev lscb-exec  regular
//   m10 ben old                             (board ended)
//   m11 dev hwb        until 2015-01-01     (ended)
Dataset load_fixture() {
    Dataset d;
    d.meta.as_of = day("2015-06-01");
    d.boards = {make_board("lscb", {.meetings_per_year = 6, .meeting_hours = 2.5}),
                make_board("lscb-exec",
                           {.parent = "lscb", .meetings_per_year = 12, .meeting_hours = 1}),
                make_board("hwb", {.meetings_per_year = 4, .meeting_hours = 3}),
                make_board("empty", {.meetings_per_year = 10, .meeting_hours = 1}),
                make_board("old", {.meetings_per_year = 1, .meeting_hours = 1,
                                   .until = "2014-04-01"})};
    d.agencies = {make_agency("la", Sector::local_authority),
                  make_agency("ccg", Sector::health_commissioner),
                  make_agency("trust", Sector::nhs_provider),
                  make_agency("police", Sector::police),
                  make_agency("school", Sector::school),
                  make_agency("unused", Sector::voluntary)};
    d.people = {make_person("ann", "la"),       make_person("ben", "ccg"),
                make_person("cat", "trust"),    make_person("dev", "police"),
                make_person("eve"),             make_person("fay", "school")};
    using A = Attendance;
    d.memberships = {
        make_member("ann", "lscb", {.role = Role::chair, .attendance = A::regular}),
        make_member("ann", "lscb", {.attendance = A::sporadic, .represents = "ccg"}),
        make_member("ann", "hwb", {.attendance = A::never}),
        make_member("ben", "lscb", {.attendance = A::sporadic}),
        make_member("ben", "lscb-exec"),
        make_member("cat", "lscb", {.attendance = A::regular}),
        make_member("dev", "lscb", {.attendance = A::regular}),
        make_member("eve", "lscb", {.attendance = A::never}),
        make_member("fay", "hwb", {.attendance = A::regular}),
        make_member("dev", "lscb-exec", {.attendance = A::regular}),
        make_member("ben", "old"),
        make_member("dev", "hwb", {.until = "2015-01-01"})};
    d.reindex();
    return d;
}

AnalysisOptions prep_and_travel() {
    AnalysisOptions o;
    o.prep_factor = 0.5;
    o.travel_hours = 1;
    return o;
}

}  // namespace

TEST_CASE("load per person: one seat per board, prep and travel, attendance weighting") {
    const LoadReport r = compute_load(load_fixture(), prep_and_travel());
    CHECK(r.as_of == day("2015-06-01"));
    CHECK(r.prep_factor == 0.5);
    CHECK(r.travel_hours == 1);
    // ben 28.5 + 30 = 58.5 (attended 28.5 × 0.5 + 30 × 1 = 44.25)
    // dev 28.5 + 30 = 58.5 (all regular)
    // ann 28.5 + 22 = 50.5 (attended 28.5 + 22 × 0 = 28.5): m1 adds nothing
    // cat 28.5, eve 28.5 (never → 0), fay 22
    struct Row {
        const char* id;
        int seats;
        double meetings, hours, attended;
    };
    const std::vector<Row> expected = {{"ben", 2, 18, 58.5, 44.25}, {"dev", 2, 18, 58.5, 58.5},
                                       {"ann", 2, 10, 50.5, 28.5},  {"cat", 1, 6, 28.5, 28.5},
                                       {"eve", 1, 6, 28.5, 0},      {"fay", 1, 4, 22, 22}};
    REQUIRE(r.people.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const PersonLoad& p = r.people[i];
        CHECK(p.id == expected[i].id);
        CHECK(p.seats == expected[i].seats);
        CHECK(p.boards == expected[i].seats);
        CHECK(p.meetings == doctest::Approx(expected[i].meetings));
        CHECK(p.hours == doctest::Approx(expected[i].hours));
        CHECK(p.attended_hours == doctest::Approx(expected[i].attended));
    }
}

TEST_CASE("load per agency: seats that represent it, every agency listed") {
    const LoadReport r = compute_load(load_fixture(), prep_and_travel());
    struct Row {
        const char* id;
        Sector sector;
        int seats, people, boards;
        double meetings, hours, attended;
    };
    // ccg gets only ben's two seats: ann's duplicate "for ccg" membership is not a seat.
    const std::vector<Row> expected = {
        {"ccg", Sector::health_commissioner, 2, 1, 2, 18, 58.5, 44.25},
        {"police", Sector::police, 2, 1, 2, 18, 58.5, 58.5},
        {"la", Sector::local_authority, 2, 1, 2, 10, 50.5, 28.5},
        {"trust", Sector::nhs_provider, 1, 1, 1, 6, 28.5, 28.5},
        {"school", Sector::school, 1, 1, 1, 4, 22, 22},
        {"unused", Sector::voluntary, 0, 0, 0, 0, 0, 0}};
    REQUIRE(r.agencies.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const AgencyLoad& a = r.agencies[i];
        CHECK(a.id == expected[i].id);
        CHECK(a.sector == expected[i].sector);
        CHECK(a.seats == expected[i].seats);
        CHECK(a.people == expected[i].people);
        CHECK(a.boards == expected[i].boards);
        CHECK(a.meetings == doctest::Approx(expected[i].meetings));
        CHECK(a.hours == doctest::Approx(expected[i].hours));
        CHECK(a.attended_hours == doctest::Approx(expected[i].attended));
    }
}

TEST_CASE("load per board: seats by sector and group, largest with ties, empty board") {
    const LoadReport r = compute_load(load_fixture(), prep_and_travel());
    // lscb: ann la, ben ccg, cat trust, dev police, eve independent → 5 seats.
    //   sectors all 1 → tie to "health_commissioner"; groups council 1, health 2 (ccg + trust),
    //   justice 1, independent 1 → "health" with 2.
    // hwb: ann la, fay school → sectors tie → "local_authority"; groups council 1, education 1
    //   → tie → "council".
    // lscb-exec: ben ccg, dev police → groups health 1, justice 1 → tie → "health".
    // empty: nothing → null and 0. old: inactive, not listed.
    REQUIRE(r.boards.size() == 4);
    const BoardLoad& lscb = r.boards[0];
    CHECK(lscb.id == "lscb");
    CHECK(lscb.seats == 5);
    CHECK(lscb.seats_by_sector == std::map<std::string, int>{{"health_commissioner", 1},
                                                             {"independent", 1},
                                                             {"local_authority", 1},
                                                             {"nhs_provider", 1},
                                                             {"police", 1}});
    CHECK(lscb.seats_by_group == std::map<std::string, int>{
                                     {"council", 1}, {"health", 2}, {"independent", 1},
                                     {"justice", 1}});
    CHECK(lscb.largest_sector == "health_commissioner");
    CHECK(lscb.largest_sector_seats == 1);
    CHECK(lscb.largest_group == "health");
    CHECK(lscb.largest_group_seats == 2);

    const BoardLoad& hwb = r.boards[1];  // 2 seats, "hwb" < "lscb-exec"
    CHECK(hwb.id == "hwb");
    CHECK(hwb.seats == 2);
    CHECK(hwb.largest_sector == "local_authority");
    CHECK(hwb.largest_sector_seats == 1);
    CHECK(hwb.seats_by_group == std::map<std::string, int>{{"council", 1}, {"education", 1}});
    CHECK(hwb.largest_group == "council");
    CHECK(hwb.largest_group_seats == 1);

    const BoardLoad& exec = r.boards[2];
    CHECK(exec.id == "lscb-exec");
    CHECK(exec.seats == 2);
    CHECK(exec.largest_sector == "health_commissioner");
    CHECK(exec.largest_group == "health");
    CHECK(exec.largest_group_seats == 1);

    const BoardLoad& empty = r.boards[3];
    CHECK(empty.id == "empty");
    CHECK(empty.seats == 0);
    CHECK(empty.seats_by_sector.empty());
    CHECK(empty.seats_by_group.empty());
    CHECK_FALSE(empty.largest_sector.has_value());
    CHECK(empty.largest_sector_seats == 0);
    CHECK_FALSE(empty.largest_group.has_value());
    CHECK(empty.largest_group_seats == 0);
}

TEST_CASE("load with default options: hours are meetings × meeting_hours") {
    const LoadReport r = compute_load(load_fixture(), {});
    // ann: 6 × 2.5 + 4 × 3 = 27; ben: 15 + 12 = 27; dev: 27; cat, eve 15; fay 12.
    REQUIRE(r.people.size() == 6);
    CHECK(r.people[0].id == "ann");
    CHECK(r.people[0].hours == doctest::Approx(27));
    CHECK(r.people[0].attended_hours == doctest::Approx(15));
    CHECK(r.people[1].id == "ben");
    CHECK(r.people[2].id == "dev");
    CHECK(r.people[5].id == "fay");
    CHECK(r.people[5].hours == doctest::Approx(12));
}

TEST_CASE("load with --as-of overriding meta: the old board and dev's hwb seat count again") {
    AnalysisOptions opts;
    opts.as_of = day("2014-01-01");  // old until 2014-04-01 is active; dev's hwb seat too
    const LoadReport r = compute_load(load_fixture(), opts);
    CHECK(r.as_of == day("2014-01-01"));
    CHECK(r.boards.size() == 5);
    for (const PersonLoad& p : r.people) {
        if (p.id == "ben") {
            CHECK(p.seats == 3);
            CHECK(p.hours == doctest::Approx(15 + 12 + 1));
        }
        if (p.id == "dev") CHECK(p.seats == 3);
    }
}
