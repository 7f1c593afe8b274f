// The expected-partners rules file: the shipped file, an override, and bad files reported with
// every problem and its JSON pointer.
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace boardscape;

namespace {

/// Pointer and message of each diagnostic a bad rules text raises ("" if it parses).
std::vector<Diagnostic> rule_errors(std::string_view text) {
    try {
        parse_representation_rules(text, "rules.json");
    } catch (const LoadError& e) {
        CHECK(e.file() == "rules.json");
        return e.diagnostics();
    }
    return {};
}

std::vector<std::string> pointers(const std::vector<Diagnostic>& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.pointer);
    return out;
}

bool mentions(const Diagnostic& d, std::string_view word) {
    return d.message.find(word) != std::string::npos;
}

// One lscb in a unitary with a police chair, a lay member and a district council seat.
//
//   +-----+      lscb-uni = uni     seats: p1 police chair, p2 (no agency) lay_member,
//   | uni |                                p3 district council member
//   +-----+
Dataset small_lscb() {
    Dataset d;
    d.areas.push_back(Area{AreaId("uni"), "uni", {}, {}, {}, {}});
    d.agencies.push_back(Agency{AgencyId("pol"), "pol", Sector::police, {AreaId("uni")}});
    d.agencies.push_back(Agency{AgencyId("dc"), "dc", Sector::district_council, {AreaId("uni")}});
    Board b;
    b.id = BoardId("lscb-uni");
    b.name = "lscb-uni";
    b.kind = BoardKind::lscb;
    b.footprint = {AreaId("uni")};
    d.boards.push_back(b);
    d.people.push_back(Person{PersonId("p1"), "p1", AgencyId("pol"), {}});
    d.people.push_back(Person{PersonId("p2"), "p2", {}, {}});
    d.people.push_back(Person{PersonId("p3"), "p3", AgencyId("dc"), {}});
    Membership m;
    m.board = BoardId("lscb-uni");
    m.person = PersonId("p1");
    m.role = Role::chair;
    d.memberships.push_back(m);
    m.person = PersonId("p2");
    m.role = Role::lay_member;
    d.memberships.push_back(m);
    m.person = PersonId("p3");
    m.role = Role::member;
    d.memberships.push_back(m);
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("rules: the compiled-in default is the shipped datasets/rules file") {
    std::ifstream in(std::string(BOARDSCAPE_SOURCE_DIR) + "/datasets/rules/expected-partners.json");
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    const RepresentationRules from_file = parse_representation_rules(text.str(), "file");
    const RepresentationRules& built_in = default_representation_rules();
    REQUIRE(from_file.kinds.size() == built_in.kinds.size());
    for (const auto& [kind, kr] : from_file.kinds) {
        const KindRules& other = built_in.kinds.at(kind);
        CHECK(kr.sectors == other.sectors);
        CHECK(kr.roles == other.roles);
        CHECK(kr.conditional == other.conditional);
        CHECK(kr.satisfied_by == other.satisfied_by);
    }
}

TEST_CASE("rules: an override file replaces the built-in expectations") {
    const RepresentationRules rules = parse_representation_rules(R"({
        "_source": "a note, ignored",
        "lscb": {"_why": "ignored too", "sectors": ["police", "local_authority"],
                 "roles": {"chair": 1, "lay_member": 3},
                 "conditional": {"_": "notes are allowed in every object"},
                 "satisfied_by": {"_why": "a district stands in", "local_authority": ["district_council"]}}
    })", "override.json");
    REQUIRE(rules.kinds.size() == 1);
    const Dataset d = small_lscb();
    const RepresentationResult r = compute_representation(d, {}, rules);
    REQUIRE(r.boards.size() == 1);
    const auto& b = r.boards[0];
    REQUIRE(b.expected.size() == 2);
    CHECK(b.expected[0].sector == Sector::police);
    CHECK(b.expected[0].present);
    CHECK(b.expected[0].seats == 1);
    // The override lets a district seat stand in for the council on an lscb.
    CHECK(b.expected[1].sector == Sector::local_authority);
    CHECK(b.expected[1].seats == 1);
    REQUIRE(b.roles.size() == 2);
    CHECK(b.roles[0].role == Role::chair);
    CHECK(b.roles[0].expected == 1);
    CHECK(b.roles[0].seats == 1);
    CHECK(b.roles[1].role == Role::lay_member);
    CHECK(b.roles[1].expected == 3);
    CHECK(b.roles[1].seats == 1);
    REQUIRE(b.other_sectors.size() == 1);
    CHECK(b.other_sectors[0].sector == "independent");
    CHECK(b.other_sectors[0].seats == 1);

    // With the built-in rules the same board expects 11 sectors (unitary: no district council).
    const RepresentationResult def = compute_representation(d, {});
    CHECK(def.boards[0].expected.size() == 11);
    REQUIRE(def.boards[0].other_sectors.size() == 2);
    CHECK(def.boards[0].other_sectors[0].sector == "district_council");
    CHECK(def.boards[0].other_sectors[1].sector == "independent");

    // An empty object expects nothing anywhere.
    const RepresentationResult none = compute_representation(d, {}, parse_representation_rules("{}", "x"));
    CHECK(none.boards[0].expected.empty());
    CHECK(none.boards[0].other_sectors.size() == 3);
}

TEST_CASE("rules: every problem of a bad file is reported with its pointer, in file order") {
    const auto errors = rule_errors(R"({
        "lscb": {"sectors": ["police", "polise", 3, "police"],
                 "roles": {"lay_member": 2.5, "boss": 1, "chair": -1, "member": "2"},
                 "extra": 1},
        "lcsb": {"sectors": []},
        "csp": [],
        "hwb": {"roles": {}},
        "sab": {"sectors": ["police"], "roles": [],
                "conditional": {"police": "three_tier", "judiciary": "two_tier"},
                "satisfied_by": {"police": ["pcc", "police", "nope"], "probation": []}},
        "a/b~": 1,
        "_note": 5
    })");
    CHECK(pointers(errors) == std::vector<std::string>{
                                  "/lscb/sectors/1", "/lscb/sectors/2", "/lscb/sectors/3",
                                  "/lscb/roles/lay_member", "/lscb/roles/boss",
                                  "/lscb/roles/chair", "/lscb/roles/member", "/lscb/extra",
                                  "/lcsb", "/csp", "/hwb/sectors", "/sab/roles",
                                  "/sab/conditional/police", "/sab/conditional/judiciary",
                                  "/sab/satisfied_by/police/1", "/sab/satisfied_by/police/2",
                                  "/sab/satisfied_by/probation", "/a~1b~0"});
    REQUIRE(errors.size() == 18);
    CHECK(mentions(errors[0], "unknown sector 'polise'"));
    CHECK(mentions(errors[0], "local_authority"));  // lists the allowed values
    CHECK(mentions(errors[1], "string"));
    CHECK(mentions(errors[2], "listed twice"));
    CHECK(mentions(errors[3], "whole number"));
    CHECK(mentions(errors[4], "unknown role 'boss'"));
    CHECK(mentions(errors[7], "unknown key 'extra'"));
    CHECK(mentions(errors[8], "unknown board kind 'lcsb'"));
    CHECK(mentions(errors[10], "missing"));
    CHECK(mentions(errors[12], "two_tier"));
    CHECK(mentions(errors[13], "not in /sab/sectors"));
    CHECK(mentions(errors[16], "not in /sab/sectors"));
    for (const auto& e : errors) {
        CHECK(e.severity == Severity::error);
        CHECK(e.line == 0);
    }
}

TEST_CASE("rules: wrong root type and JSON syntax errors") {
    auto root = rule_errors("[1, 2]");
    REQUIRE(root.size() == 1);
    CHECK(root[0].pointer == "");
    CHECK(mentions(root[0], "object"));

    auto syntax = rule_errors("{\n  \"lscb\": {\"sectors\": [\"police\",]}\n}");
    REQUIRE(syntax.size() == 1);
    CHECK(syntax[0].line == 2);
    CHECK(syntax[0].column == 33);  // the `]` after the trailing comma
    CHECK(mentions(syntax[0], "invalid JSON"));

    auto empty = rule_errors("");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].line == 1);
}
