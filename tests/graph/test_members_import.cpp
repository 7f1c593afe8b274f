// The members-sheet planner (DESIGN §8.1): reading (separators, encodings, quoting), matching
// (ids, names, people), the plan's counts, idempotence, --create-missing, every error at once
// with its line and column, and the plan as one undoable edit.
#include "boardscape/dataset_json.hpp"
#include "boardscape/edit.hpp"
#include "boardscape/import/members.hpp"
#include "boardscape/import/ons_import.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace boardscape;
using namespace boardscape::import;

namespace {

//   shire (county) ── north, south
//   agencies: la "Shire Council" [shire]; pol "Shire Police" [shire];
//             ccg "North CCG" [north]; yos-n and yos-s both "Youth Offending Service"
//   boards:   lscb "Shire LSCB" [shire]; sab "Shire Safeguarding  Adults Board" [shire]
//             (two spaces on purpose); hwb-n "North HWB" [north]; hwb-s "South HWB" [south]
//   people:   p-ann-example "Ann Example" (la); sam1, sam2 both "Sam Smith" (pol);
//             lee "Lee Jones" (ccg), title "Director"
//   seat:     Ann on lscb, chair, regular, from 2014-01-01
const char* k_base = R"({
  "format": "boardscape", "version": 1,
  "meta": {"title": "members fixture"},
  "areas": [
    {"id": "shire", "name": "Shire"},
    {"id": "north", "name": "North", "parent": "shire"},
    {"id": "south", "name": "South", "parent": "shire"}
  ],
  "agencies": [
    {"id": "la", "name": "Shire Council", "sector": "local_authority", "footprint": ["shire"]},
    {"id": "pol", "name": "Shire Police", "sector": "police", "footprint": ["shire"]},
    {"id": "ccg", "name": "North CCG", "sector": "health_commissioner", "footprint": ["north"]},
    {"id": "yos-n", "name": "Youth Offending Service", "sector": "youth_justice", "footprint": ["north"]},
    {"id": "yos-s", "name": "Youth Offending Service", "sector": "youth_justice", "footprint": ["south"]}
  ],
  "boards": [
    {"id": "lscb", "name": "Shire LSCB", "kind": "lscb", "footprint": ["shire"],
     "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "sab", "name": "Shire Safeguarding  Adults Board", "kind": "sab", "footprint": ["shire"],
     "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "hwb-n", "name": "North HWB", "kind": "hwb", "footprint": ["north"],
     "meetings_per_year": 6, "meeting_hours": 2},
    {"id": "hwb-s", "name": "South HWB", "kind": "hwb", "footprint": ["south"],
     "meetings_per_year": 6, "meeting_hours": 2}
  ],
  "people": [
    {"id": "p-ann-example", "name": "Ann Example", "agency": "la"},
    {"id": "sam1", "name": "Sam Smith", "agency": "pol"},
    {"id": "sam2", "name": "Sam Smith", "agency": "pol"},
    {"id": "lee", "name": "Lee Jones", "agency": "ccg", "title": "Director"}
  ],
  "memberships": [
    {"person": "p-ann-example", "board": "lscb", "role": "chair", "attendance": "regular",
     "from": "2014-01-01"}
  ]
})";

Dataset base() { return parse_dataset(k_base, "base.json").dataset; }

MembersPlan plan(const std::string& sheet, const MembersOptions& o = {}) {
    static const Dataset b = base();
    return plan_members_import(b, sheet, "s.csv", o);
}

std::vector<std::string> lines(const MembersPlan& p) {
    std::vector<std::string> out;
    for (const auto& d : p.diagnostics) out.push_back(format_sheet_diagnostic(p.sheet, d));
    return out;
}

Dataset applied(const MembersPlan& p) {
    Dataset d = base();
    apply_edit(d, members_edit(d, p));
    return d;
}

}  // namespace

TEST_CASE("members: header names in any order and case, a BOM, semicolons, CRLF") {
    const auto p = plan(
        "\xEF\xBB\xBF"
        "BOARD ; Person;ROLE;Attendence\r\n"
        "lscb;Lee Jones;Vice Chair;regular\r\n");
    CHECK(p.delimiter == ';');
    REQUIRE(lines(p).size() == 1);
    // An unknown column is ignored with a did-you-mean (4 is 'Attendence''s column).
    CHECK(lines(p)[0] == "s.csv:1:21: warning: unknown column 'Attendence' (ignored); did you mean 'attendance'?");
    REQUIRE(p.seats_added.size() == 1);
    const Membership& m = p.seats_added[0].value;
    CHECK(m.person.value == "lee");
    CHECK(m.board.value == "lscb");
    CHECK(m.role == Role::vice_chair);  // "Vice Chair" read as vice_chair
    CHECK(m.attendance == Attendance::unknown);
    CHECK(p.seats_added[0].line == 2);
    CHECK(p.people_added.empty());
}

TEST_CASE("members: a Windows-1252 sheet, quoted commas and line breaks") {
    // 0xE2 is 'â' in Windows-1252: "Siân Jones" saved by an older Excel.
    const auto p = plan(
        "person,agency,board,source\n"
        "Si\xE2n Jones,ccg,lscb,\"Minutes, 3 March\nitem 4\"\n"
        "\"Smith, Jo\",la,sab,\n");
    CHECK(p.read_as_windows1252);
    CHECK(p.ok());
    REQUIRE(p.people_added.size() == 2);
    CHECK(p.people_added[0].value.name == "Si\xC3\xA2n Jones");
    CHECK(p.people_added[0].value.id.value == "p-sian-jones");
    CHECK(p.seats_added[0].value.source == std::optional<std::string>("Minutes, 3 March\nitem 4"));
    CHECK(p.people_added[1].value.name == "Smith, Jo");
    CHECK(p.people_added[1].value.id.value == "p-smith-jo");
    CHECK(p.people_added[1].line == 4);  // the quoted line break moved the next row down
    CHECK(person_slug("Zo\xC3\xAB O'Neil-Brown") == "p-zoe-o-neil-brown");
    CHECK(person_slug("  ") == "p-person");
}

TEST_CASE("members: boards and agencies by id, by name, by case and collapsed spaces") {
    const auto p = plan(
        "person,agency,board\n"
        "Lee Jones,ccg,lscb\n"                                 // ids
        "Lee Jones,north ccg,shire   safeguarding adults BOARD\n"  // names, any case and spacing
        "Lee Jones,CCG,HWB-N\n");                              // ids in another case
    CHECK(p.ok());
    REQUIRE(p.seats_added.size() == 3);
    CHECK(p.seats_added[0].value.board.value == "lscb");
    CHECK(p.seats_added[1].value.board.value == "sab");
    CHECK(p.seats_added[2].value.board.value == "hwb-n");
    for (const auto& s : p.seats_added) CHECK_FALSE(s.value.represents);  // Lee's own agency
}

TEST_CASE("members: an ambiguous name and a did-you-mean") {
    const auto p = plan(
        "person,agency,board\n"
        "New Person,Youth Offending Service,lscb\n"
        "New Person,yos-n,Shire LSBC\n"
        "New Person,lscb,sab\n");
    const auto l = lines(p);
    REQUIRE(l.size() == 3);
    CHECK(l[0] == "s.csv:2:12: error: 'Youth Offending Service' names 2 agencies: 'yos-n' "
                  "(Youth Offending Service) and 'yos-s' (Youth Offending Service); write the id instead");
    CHECK(l[1] == "s.csv:3:18: error: no board with the id or name 'Shire LSBC' in BASE; did "
                  "you mean 'Shire LSCB' (lscb)?");
    CHECK(l[2] == "s.csv:4:12: error: 'lscb' is the id of a board, not an agency (agency column)");
}

TEST_CASE("members: people match by person_id, by name and agency, or are added") {
    const auto p = plan(
        "person,agency,board,person_id\n"
        "Sam Smith,pol,lscb,sam2\n"       // person_id picks one of the two Sam Smiths
        "Lee Jones,,sab,\n"               // name alone: only one Lee Jones
        "ann example,Shire Council,sab,\n"  // name (any case) + agency
        "Ann Example,ccg,hwb-n,\n"        // same name, another agency: a new person
        "Ann Example,North CCG,hwb-s,\n"  // ... who is matched again on the next row
        "Sam Smith,pol,sab,\n");          // two Sam Smiths at pol: ambiguous
    const auto l = lines(p);
    REQUIRE(l.size() == 2);
    CHECK(l[0] == "s.csv:5:1: warning: a person named 'Ann Example' already exists "
                  "(p-ann-example, at la); a new person p-ann-example-2 is added at this agency "
                  "(give person_id p-ann-example to use theirs)");
    CHECK(l[1] == "s.csv:7:1: error: 'Sam Smith' matches 2 people at 'Shire Police': 'sam1' "
                  "(pol) and 'sam2' (pol); add a person_id column to say which");
    REQUIRE(p.people_added.size() == 1);
    CHECK(p.people_added[0].value.id.value == "p-ann-example-2");
    CHECK(p.people_added[0].value.agency == std::optional(AgencyId("ccg")));
    REQUIRE(p.seats_added.size() == 5);
    CHECK(p.seats_added[0].value.person.value == "sam2");
    CHECK(p.seats_added[1].value.person.value == "lee");
    CHECK(p.seats_added[2].value.person.value == "p-ann-example");
    CHECK(p.seats_added[3].value.person.value == "p-ann-example-2");
    CHECK(p.seats_added[4].value.person.value == "p-ann-example-2");
}

TEST_CASE("members: new ids are unique across the file and the sheet") {
    // p-ann-example is taken; "Ann  Example" at pol and at ccg become -2 and -3.
    const auto p = plan(
        "person,agency,board\n"
        "Ann  Example,pol,lscb\n"
        "Ann Example,ccg,lscb\n"
        "Lscb,,sab\n");  // a person whose slug is free even though a board is 'lscb'
    REQUIRE(p.people_added.size() == 3);
    CHECK(p.people_added[0].value.id.value == "p-ann-example-2");
    CHECK(p.people_added[0].value.name == "Ann Example");  // spaces collapsed
    CHECK(p.people_added[1].value.id.value == "p-ann-example-3");
    CHECK(p.people_added[2].value.id.value == "p-lscb");
}

TEST_CASE("members: a seat is person + board + from, updates fill only given cells") {
    const auto p = plan(
        "person,agency,board,role,attendance,from,until,title,represents\n"
        "Ann Example,la,lscb,,sporadic,2014-01-01,2016-01-01,Director of Children's Services,\n"
        "Ann Example,la,lscb,,,2015-06-01,,,\n"  // another from: a second seat, with a warning
        "Lee Jones,ccg,sab,,,,,Director,la\n");  // same title: no person update
    REQUIRE(p.ok());
    REQUIRE(p.seats_updated.size() == 1);
    const SeatUpdate& u = p.seats_updated[0];
    CHECK(u.index == 0);
    CHECK(u.line == 2);
    CHECK(u.after.role == Role::chair);  // empty role cell: kept
    CHECK(u.after.attendance == Attendance::sporadic);
    CHECK(u.after.until == Date::parse("2016-01-01"));
    CHECK(describe_changes(u) ==
          std::vector<std::string>{"attendance: regular -> sporadic", "until: (none) -> 2016-01-01"});
    REQUIRE(p.people_updated.size() == 1);
    CHECK(describe_changes(p.people_updated[0]) ==
          std::vector<std::string>{"title: (none) -> 'Director of Children's Services'"});
    REQUIRE(p.seats_added.size() == 2);
    CHECK(p.seats_added[0].value.from == Date::parse("2015-06-01"));
    CHECK(p.seats_added[1].value.represents == std::optional(AgencyId("la")));
    const auto l = lines(p);
    REQUIRE(l.size() == 1);
    CHECK(l[0] == "s.csv:3:23: warning: Ann Example already has a seat on Shire LSCB in BASE from "
                  "2014-01-01; this row (from 2015-06-01) adds another seat; give the same from to "
                  "update that one instead");
}

TEST_CASE("members: importing the same sheet again changes nothing") {
    const std::string sheet =
        "person,agency,board,role,seniority,attendance,from,title,source\n"
        "Ann Example,la,lscb,chair,senior,regular,2014-01-01,DCS,minutes\n"
        "Kim Doe,pol,sab,member,,never,,Inspector,\n"
        "Kim Doe,pol,lscb,member,,,2015-01-01,,\n";
    const Dataset once = applied(plan(sheet));
    CHECK(once.people.size() == 5);
    CHECK(once.memberships.size() == 3);
    const MembersPlan again = plan_members_import(once, sheet, "s.csv", {});
    CHECK(again.ok());
    CHECK(again.no_change());
    CHECK(again.seats_unchanged == 3);
    Dataset twice = once;
    apply_edit(twice, members_edit(once, again));
    CHECK(dataset_to_json_text(twice) == dataset_to_json_text(once));
}

TEST_CASE("members: --create-missing makes agencies from a sector column, never boards") {
    const std::string sheet =
        "person,agency,sector,board\n"
        "Val Hill,Voluntary Action Shire,Voluntary,hwb-n\n"
        "Val Hill,voluntary action  shire,,hwb-s\n"
        "Jo Hill,Shire Fire,fire_rescue,New Board\n";
    const auto without = plan(sheet);
    CHECK(without.error_count() == 4);  // three unknown agency cells, one unknown board
    MembersOptions o;
    o.create_missing = true;
    const auto p = plan(sheet, o);
    const auto l = lines(p);
    REQUIRE(l.size() == 1);
    CHECK(l[0] == "s.csv:4:32: error: no board with the id or name 'New Board' in BASE");
    REQUIRE(p.agencies_added.size() == 2);
    const Agency& vas = p.agencies_added[0].value;
    CHECK(vas.id.value == "voluntary-action-shire");
    CHECK(vas.sector == Sector::voluntary);
    // Its footprint: the boards it sits on in the sheet, hwb-n (north) then hwb-s (south).
    CHECK(vas.footprint == std::vector<AreaId>{AreaId("north"), AreaId("south")});
    CHECK(p.agencies_added[1].value.id.value == "shire-fire");
    // Val Hill is one person: the second row matches the new agency by its collapsed name.
    REQUIRE(p.people_added.size() == 2);
    CHECK(p.people_added[0].value.agency == std::optional(AgencyId("voluntary-action-shire")));
    CHECK(p.people_added[1].value.name == "Jo Hill");

    const auto no_sector = plan("person,agency,board\nVal Hill,Voluntary Action Shire,lscb\n", o);
    REQUIRE(lines(no_sector).size() == 1);
    CHECK(lines(no_sector)[0] ==
          "s.csv:2:10: error: no agency with the id or name 'Voluntary Action Shire' in BASE; "
          "--create-missing needs a 'sector' column to create it (one of: local_authority, "
          "district_council, police, pcc, health_commissioner, nhs_england, nhs_provider, "
          "public_health, probation, youth_justice, cafcass, school, academy, fe_college, "
          "voluntary, fire_rescue, housing, secure_estate, healthwatch, judiciary, other)");
}

TEST_CASE("members: every problem at once, each at its line and column") {
    const auto p = plan(
        "person,agency,board,role,attendance,from,until\n"
        "Ann Example,la,Shire LSBC,chair,,2014-01-01,\n"       // 2:16 board
        ",la,lscb,memebr,,,\n"                                 // 3:1 name, 3:10 role
        "Kim Doe,Shire Polise,sab,member,often,31/03/2015,\n"  // 4:9 agency, 4:33 attendance, 4:39 date
        "Kim Doe,pol,sab,member,,2016-01-01,2015-01-01\n"      // 5:36 until before from
        "Kim Doe,pol\n");                                      // 6:12 missing board
    const auto l = lines(p);
    REQUIRE(l.size() == 8);
    CHECK(l[0] == "s.csv:2:16: error: no board with the id or name 'Shire LSBC' in BASE; did you "
                  "mean 'Shire LSCB' (lscb)?");
    CHECK(l[1] == "s.csv:3:1: error: missing person name (the person column is required on every row)");
    CHECK(l[2] == "s.csv:3:10: error: unknown role 'memebr'; expected one of: chair, vice_chair, "
                  "member, lay_member, participating_observer, adviser, officer (did you mean 'member'?)");
    CHECK(l[3] == "s.csv:4:9: error: no agency with the id or name 'Shire Polise' in BASE; did you "
                  "mean 'Shire Police' (pol)? (add it to BASE, or run with --create-missing and a "
                  "'sector' column)");
    CHECK(l[4] == "s.csv:4:33: error: unknown attendance 'often'; expected one of: regular, "
                  "sporadic, never, unknown");
    CHECK(l[5] == "s.csv:4:39: error: expected a date as YYYY-MM-DD, got '31/03/2015' (did you "
                  "mean 2015-03-31?)");
    CHECK(l[6] == "s.csv:5:36: error: until (2015-01-01) must be after from (2016-01-01): until is "
                  "the first day no longer on the board");
    CHECK(l[7] == "s.csv:6:12: error: missing board (the board column is required on every row)");
    CHECK(p.error_count() == 8);
    CHECK_THROWS_AS((void)members_edit(base(), p), EditError);
}

TEST_CASE("members: sheets that cannot be read are one clear error") {
    CHECK(lines(plan("")) == std::vector<std::string>{"s.csv:1:1: error: the file is empty (no header row)"});
    CHECK(lines(plan("board\nlscb\n")) ==
          std::vector<std::string>{"s.csv:1:1: error: the header has no 'person' column; a members "
                                   "sheet needs 'person' and 'board' (optional: agency, role, "
                                   "represents, seniority, attendance, from, until, source, title, "
                                   "person_id, sector)"});
    CHECK(lines(plan("person,board\n\"Ann,lscb\n")) ==
          std::vector<std::string>{"s.csv:2:1: error: quoted field is not closed before the end of the file"});
    const char with_nul[] = "person,board\nA\0nn,lscb\nAnn,lscb,extra\n";
    const auto nul = plan(std::string(with_nul, sizeof with_nul - 1));
    CHECK(lines(nul) == std::vector<std::string>{
                            "s.csv:2:1: error: this cell contains a NUL byte (is the file really a CSV?)",
                            "s.csv:3:10: error: this row has more fields (3) than the header (2); a "
                            "value containing ',' must be in double quotes"});
    const auto formula = plan("person,board\n=HYPERLINK(\"x\"),lscb\n");
    CHECK(formula.ok());
    CHECK(lines(formula) == std::vector<std::string>{
                                "s.csv:2:1: warning: this cell looks like a spreadsheet formula "
                                "'=HYPERLINK(\"x\")'; it is imported as plain text"});
    const auto big = plan("person,board\n" + std::string(5000, 'x') + ",lscb\n");
    CHECK(lines(big) == std::vector<std::string>{
                            "s.csv:2:1: error: this person cell is 5000 bytes long; at most 1000 are accepted"});
}

TEST_CASE("members: the plan is one undoable edit") {
    const auto p = plan(
        "person,agency,board,attendance,from\n"
        "Ann Example,la,lscb,never,2014-01-01\n"
        "Kim Doe,pol,sab,,\n");
    Dataset d = base();
    const std::string before = dataset_to_json_text(d);
    History h;
    h.apply(d, members_edit(d, p));
    CHECK(h.undo_label() == "import members from s.csv");
    CHECK(d.people.size() == 5);
    CHECK(d.memberships.size() == 2);
    CHECK(d.memberships[0].attendance == Attendance::never);
    CHECK(d.memberships[1].person.value == "p-kim-doe");
    h.undo(d);
    CHECK(dataset_to_json_text(d) == before);
    h.redo(d);
    CHECK(d.memberships.size() == 2);
    // The command line's direct path gives the same dataset.
    CHECK(dataset_to_json_text(apply_members_plan(base(), p)) == dataset_to_json_text(d));
    MembersOptions o;
    o.create_missing = true;
    const auto created = plan(
        "person,agency,sector,board,title\n"
        "Val Hill,Voluntary Action Shire,voluntary,hwb-n,\n"
        "Lee Jones,ccg,,lscb,Chief Nurse\n",
        o);
    Dataset viaedit = base();
    apply_edit(viaedit, members_edit(viaedit, created));
    CHECK(dataset_to_json_text(apply_members_plan(base(), created)) == dataset_to_json_text(viaedit));
    CHECK(viaedit.people[3].title == std::optional<std::string>("Chief Nurse"));
}

TEST_CASE("members: --create-missing warns when a new agency's name is close to one in BASE") {
    // 'Shire Polise' is one edit from 'Shire Police': still created (DESIGN §8.1), but named.
    MembersOptions o;
    o.create_missing = true;
    const auto p = plan(
        "person,agency,sector,board\n"
        "Kim Doe,Shire Polise,police,lscb\n"
        "Lou Doe,Shire Polise,police,sab\n"
        "Val Hill,Voluntary Action Shire,voluntary,lscb\n",
        o);
    CHECK(p.ok());
    CHECK(lines(p) ==
          std::vector<std::string>{
              "s.csv:2:9: warning: 'Shire Polise' is not in BASE and is added as a new agency, but "
              "'Shire Police' (pol) is close: if it is that one, write its name or id"});
    REQUIRE(p.agencies_added.size() == 2);
    CHECK(p.agencies_added[0].value.id.value == "shire-polise");
}

TEST_CASE("members: a date's invalid month or day is named, day-first dates get the ISO date") {
    const auto p = plan(
        "person,board,from,until\n"
        "Ann Example,lscb,2024-13-01,\n"
        "Ann Example,sab,2023-02-29,\n"
        "Lee Jones,lscb,1/4/24,\n"
        "Lee Jones,sab,01/04/2024,31.3.99\n");
    CHECK(lines(p) ==
          std::vector<std::string>{
              "s.csv:2:18: error: expected a date as YYYY-MM-DD, got '2024-13-01': the month 13 "
              "is invalid (01 to 12)",
              "s.csv:3:17: error: expected a date as YYYY-MM-DD, got '2023-02-29': the day 29 is "
              "invalid (2023-02 has 28 days)",
              "s.csv:4:16: error: expected a date as YYYY-MM-DD, got '1/4/24' (did you mean "
              "2024-04-01?)",
              "s.csv:5:15: error: expected a date as YYYY-MM-DD, got '01/04/2024' (did you mean "
              "2024-04-01?)",
              "s.csv:5:26: error: expected a date as YYYY-MM-DD, got '31.3.99' (did you mean "
              "1999-03-31?)"});
}

TEST_CASE("members: a UTF-16 sheet is one clear error") {
    const std::string expected =
        "s.csv:1:1: error: this sheet is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8'";
    // "person\tboard" as Excel's Unicode text writes it: UTF-16LE with a BOM, tab separated.
    std::string le = "\xFF\xFE";
    for (const char c : std::string("person\tboard\r\nAnn\tlscb\r\n"))
        le += std::string(1, c) + '\0';
    CHECK(lines(plan(le)) == std::vector<std::string>{expected});
    // Big-endian with its BOM, and little-endian without one.
    std::string be = "\xFE\xFF";
    for (const char c : std::string("person,board\n")) be += std::string(1, '\0') + c;
    CHECK(lines(plan(be)) == std::vector<std::string>{expected});
    CHECK(lines(plan(le.substr(2))) == std::vector<std::string>{expected});
}

TEST_CASE("members: the sheet joins the sources and the national 'no people' sentence gives way") {
    Dataset b = base();
    b.meta.description = "Extract of England 2024. Cadences are defaults. " + std::string(k_no_people_sentence);
    b.meta.sources = {"ONS lookups"};
    const std::string sheet = "person,agency,board\nKim Doe,pol,sab\n";
    const MembersPlan p = plan_members_import(b, sheet, "some/folder/leeds.csv", {});
    REQUIRE(p.ok());
    const auto meta = meta_after_import(b, p);
    REQUIRE(meta);
    CHECK(meta->description ==
          std::optional<std::string>("Extract of England 2024. Cadences are defaults. People and seats were added "
                                     "from members sheets (see sources)."));
    CHECK(meta->sources == std::vector<std::string>{"ONS lookups", "Members: leeds.csv (boardscape import-members)"});
    // Both paths apply it, as one step with the seats: undo brings the old meta back.
    Dataset viaedit = b;
    History h;
    h.apply(viaedit, members_edit(viaedit, p));
    CHECK(viaedit.meta.sources.size() == 2);
    CHECK(dataset_to_json_text(apply_members_plan(b, p)) == dataset_to_json_text(viaedit));
    h.undo(viaedit);
    CHECK(viaedit.meta.sources == std::vector<std::string>{"ONS lookups"});
    // Importing it again changes nothing, meta included.
    const Dataset once = apply_members_plan(b, p);
    const MembersPlan again = plan_members_import(once, sheet, "leeds.csv", {});
    CHECK(again.no_change());
    CHECK_FALSE(meta_after_import(once, again));
    // A sheet that only updates seats leaves the meta alone.
    const MembersPlan update = plan_members_import(once, "person,agency,board,role\nKim Doe,pol,sab,chair\n", "x.csv", {});
    REQUIRE(update.ok());
    CHECK(update.seats_updated.size() == 1);
    CHECK_FALSE(meta_after_import(once, update));
}
