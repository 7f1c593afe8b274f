// Hostile and extreme input (issue 6 "Limits"): every case either works or fails with a clear,
// located error — never a hang, never a crash. The caps are documented in dataset_json.hpp:
// max_file_bytes (256 MiB, checked from the file's size before anything is read) and
// max_nesting_depth (256 levels, the document root counting as level 1).
//
// Absurd but finite numbers (decision): the file format accepts any finite value ≥ 0, so
// 1e308 meetings a year *loads*; the load analysis then refuses to produce infinity or NaN and
// throws std::range_error naming the board whose seat overflows (the CLI prints it and exits 1,
// the viewer shows it). 1e400 is not finite and is a validation error at its pointer.
#include <doctest/doctest.h>

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <unistd.h>

using namespace boardscape;
namespace fs = std::filesystem;

namespace {

struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::string tmpl = (fs::temp_directory_path() / "boardscape-limits-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/// The diagnostics of a text that must fail to load (fails the test if it loads).
std::vector<Diagnostic> load_errors(const std::string& text) {
    try {
        (void)parse_dataset(text, "t.json");
    } catch (const LoadError& e) {
        REQUIRE_FALSE(e.diagnostics().empty());
        return e.diagnostics();
    }
    FAIL("expected a LoadError");
    return {};
}

bool mentions(const std::vector<Diagnostic>& ds, const std::string& needle) {
    for (const auto& d : ds)
        if (d.message.find(needle) != std::string::npos) return true;
    return false;
}

const std::string k_head = R"({"format": "boardscape", "version": 1)";

//   one area a; board b (lscb, [a], MEETINGS × HOURS); agency g (police, [a]);
//   people p1 (of g) and p2 (of g when `p2_in_g`, else of no agency), both members of b;
//   p2 never attends.
std::string one_board(const std::string& meetings, const std::string& hours, bool p2_in_g = false) {
    return k_head +
           R"(, "areas": [{"id": "a", "name": "A", "population": 10}],
  "agencies": [{"id": "g", "name": "G", "sector": "police", "footprint": ["a"]}],
  "boards": [{"id": "b", "name": "B", "kind": "lscb", "footprint": ["a"],
              "meetings_per_year": )" + meetings + R"(, "meeting_hours": )" + hours + R"(}],
  "people": [{"id": "p1", "name": "P1", "agency": "g"}, {"id": "p2", "name": "P2")" + std::string(p2_in_g ? R"(, "agency": "g")" : "") + R"(}],
  "memberships": [{"person": "p1", "board": "b", "role": "member"},
                  {"person": "p2", "board": "b", "role": "member", "attendance": "never"}]})";
}

}  // namespace

// [SECTION] File size

TEST_CASE("limits: a file over max_file_bytes is refused from its size, without reading it") {
    ScratchDir dir;
    const fs::path big = dir.path / "huge.json";
    { std::ofstream(big) << "{"; }
    // Sparse: no data blocks are written, so this is instant and takes no disk space.
    fs::resize_file(big, max_file_bytes + 1);
    REQUIRE(fs::file_size(big) == max_file_bytes + 1);
    try {
        (void)load_dataset_file(big);
        FAIL("expected a LoadError");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const Diagnostic& d = e.diagnostics()[0];
        CHECK(d.io);
        CHECK(d.message.rfind("cannot read: file too large", 0) == 0);
        CHECK(d.message.find(std::to_string(max_file_bytes)) != std::string::npos);
    }
    // Exactly at the cap the size check passes (and the zero bytes are then a syntax error,
    // reported with a position): the cap is inclusive.
    fs::resize_file(big, 1024);
    try {
        (void)load_dataset_file(big);
        FAIL("expected a LoadError");
    } catch (const LoadError& e) {
        CHECK_FALSE(e.diagnostics()[0].io);
        CHECK(e.diagnostics()[0].line == 1);
    }
}

// [SECTION] Nesting

TEST_CASE("limits: nesting deeper than max_nesting_depth is an error with a position") {
    // An unknown key holding k nested arrays: the document is 1 + k levels deep.
    auto nested = [](int k) {
        return k_head + R"(, "x": )" + std::string(static_cast<std::size_t>(k), '[') +
               std::string(static_cast<std::size_t>(k), ']') + "}";
    };
    // 256 levels load (with a warning for the unknown key).
    const LoadResult ok = parse_dataset(nested(max_nesting_depth - 1));
    CHECK(ok.warnings.size() == 1);
    // 257 levels do not: the error points at the opening bracket of level 257. The first '['
    // (level 2) follows the 44 characters `{"format": "boardscape", "version": 1, "x": `, so
    // level 257 is the 256th '[', at column 44 + 256 = 300.
    const auto errors = load_errors(nested(max_nesting_depth));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 1);
    CHECK(errors[0].column == 300);
    CHECK(errors[0].message.find("nesting deeper than 256") != std::string::npos);

    // A million levels: still one error, no stack overflow (the parser is iterative).
    const auto deep = load_errors(k_head + R"(, "x": )" + std::string(1'000'000, '['));
    REQUIRE(deep.size() == 1);
    CHECK(deep[0].message.find("nesting deeper than") != std::string::npos);
    const auto deep_objects = load_errors([] {
        std::string s = k_head + ", \"x\": ";
        for (int i = 0; i < 200'000; ++i) s += "{\"a\":";
        return s;
    }());
    CHECK(deep_objects.size() == 1);
}

// [SECTION] Numbers

TEST_CASE("limits: numbers that overflow a double are errors at their pointer") {
    const auto errors = load_errors(one_board("1e400", "-1e400"));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].pointer == "/boards/0/meetings_per_year");
    CHECK(errors[1].pointer == "/boards/0/meeting_hours");
    CHECK(mentions(errors, "not finite"));
}

TEST_CASE("limits: 1e308 meetings a year loads, the load analysis is a clear error, never inf") {
    const LoadResult r = parse_dataset(one_board("1e308", "2"));
    CHECK(r.dataset.boards[0].meetings_per_year == 1e308);
    const AnalysisOptions opts;
    // 1e308 × 2 hours overflows: the load analysis names the board instead of printing inf.
    try {
        (void)compute_load(r.dataset, opts);
        FAIL("expected std::range_error");
    } catch (const std::range_error& e) {
        CHECK(std::string(e.what()).find("board 'b'") != std::string::npos);
    }
    // Analyses that only count seats are unaffected.
    const OverlapResult ov = compute_overlap(r.dataset, opts);
    CHECK(ov.people.size() == 2);
    CHECK(compute_representation(r.dataset, opts).boards.size() == 1);

    // 1e308 meetings of 1 hour is finite: load works and reports the exact value.
    const LoadResult r1 = parse_dataset(one_board("1e308", "1"));
    const LoadReport load = compute_load(r1.dataset, opts);
    REQUIRE(load.people.size() == 2);
    CHECK(load.people[0].hours == 1e308);
    CHECK(load.people[0].meetings == 1e308);
    // p2 never attends: 1e308 × 0, not NaN.
    CHECK(load.people[1].id == "p2");
    CHECK(load.people[1].attended_hours == 0);
    REQUIRE(load.agencies.size() == 1);
    CHECK(load.agencies[0].hours == 1e308);

    // With both seats in agency g, each seat is finite but their sum (2e308) is not: a clear
    // error naming the agency.
    const LoadResult r2 = parse_dataset(one_board("1e308", "1", true));
    try {
        (void)compute_load(r2.dataset, opts);
        FAIL("expected std::range_error");
    } catch (const std::range_error& e) {
        CHECK(std::string(e.what()).find("agency 'g'") != std::string::npos);
    }
}

TEST_CASE("limits: a huge --prep-factor never yields NaN hours (0 meetings × inf)") {
    // 0 meetings a year of 1e308 hours, prep factor 1: 1e308 × 2 = inf, × 0 meetings = NaN
    // without the guard; with it, a range_error naming the board.
    const LoadResult r = parse_dataset(one_board("0", "1e308"));
    AnalysisOptions opts;
    opts.prep_factor = 1;
    CHECK_THROWS_AS((void)compute_load(r.dataset, opts), std::range_error);
    opts.prep_factor = 0;
    const LoadReport ok = compute_load(r.dataset, opts);
    for (const auto& p : ok.people) CHECK(p.hours == 0);
}

// [SECTION] Text

TEST_CASE("limits: invalid UTF-8 is an error with line and column, wherever it is") {
    struct Case {
        const char* what;
        std::string bytes;
    };
    const Case cases[] = {
        {"stray continuation byte", "\x80"},
        {"0xFF", "\xff"},
        {"overlong '/'", "\xc0\xaf"},
        {"UTF-16 surrogate", "\xed\xa0\x80"},
        {"above U+10FFFF", "\xf4\x90\x80\x80"},
        {"truncated sequence", "\xe2\x82"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        // In a value, on line 2: `  "meta": {"title": "ab` puts the bad byte at column 24.
        const auto in_value = load_errors(k_head + ",\n  \"meta\": {\"title\": \"ab" + c.bytes + "\"}}");
        REQUIRE(in_value.size() == 1);
        CHECK(in_value[0].line == 2);
        CHECK(in_value[0].column >= 22);
        CHECK(in_value[0].column <= 26);
        // In a key, and at the very end of the input.
        CHECK(load_errors(k_head + ", \"k" + c.bytes + "\": 1}").size() == 1);
        CHECK(load_errors(k_head + ", \"k\": \"" + c.bytes).size() == 1);
    }
    // An escaped lone surrogate is rejected too.
    CHECK(load_errors(k_head + R"(, "meta": {"title": "\ud800"}})").size() == 1);
    // Valid multi-byte text loads unchanged.
    const LoadResult ok = parse_dataset(k_head + R"(, "meta": {"title": "Ynys Môn – 𝄞"}})");
    CHECK(ok.dataset.meta.title == "Ynys Môn – 𝄞");
}

TEST_CASE("limits: NUL bytes and control characters in strings are errors") {
    const char with_nul[] = ", \"meta\": {\"title\": \"a\0b\"}}";
    CHECK(load_errors(k_head + std::string(with_nul, sizeof with_nul - 1)).size() == 1);
    CHECK(load_errors(k_head + ", \"meta\": {\"title\": \"a\nb\"}}").size() == 1);
}

TEST_CASE("limits: an escaped NUL character is an error where it is written, an escaped backslash before u0000 is text") {
    const auto errors = load_errors(k_head + ",\n \"meta\": {\"title\": \"Leeds\\u0000SCP\"}}");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 26);  // the backslash of \u0000
    CHECK(errors[0].message.find("a \\u0000 escape (a NUL character)") != std::string::npos);
    // The first problem in the text is the one reported: the escape, before a later duplicate key.
    const auto two = load_errors(k_head + ",\n \"meta\": {\"title\": \"a\\u0000\",\n \"title\": \"b\"}}");
    REQUIRE(two.size() == 1);
    CHECK(two[0].line == 2);
    CHECK(two[0].message.find("\\u0000") != std::string::npos);
    // "\\u0000" is a backslash followed by the letters u0000: allowed.
    const LoadResult ok = parse_dataset(k_head + ", \"meta\": {\"title\": \"a\\\\u0000\"}}", "t.json");
    CHECK(ok.dataset.meta.title == "a\\u0000");
}

// [SECTION] Many problems, long ids

TEST_CASE("limits: thousands of bad references to long ids validate without a hang") {
    // 2000 boards with 2 kB ids and 2000 memberships naming people that do not exist, with ids
    // one edit away from the boards' (so every "did you mean" search is worst-case). The
    // suggestion budget bounds the work; each error is still reported.
    const std::string pad(2000, 'x');
    std::string s = k_head + R"(, "areas": [{"id": "a", "name": "A"}], "boards": [)";
    for (int i = 0; i < 2000; ++i) {
        if (i) s += ',';
        s += R"({"id": ")" + pad + std::to_string(i) +
             R"(", "name": "B", "kind": "lscb", "footprint": ["a"], "meetings_per_year": 1, "meeting_hours": 1})";
    }
    s += R"(], "memberships": [)";
    for (int i = 0; i < 2000; ++i) {
        if (i) s += ',';
        s += R"({"person": ")" + pad + "y" + std::to_string(i) + R"(", "board": ")" + pad +
             std::to_string(i) + R"(", "role": "member"})";
    }
    s += "]}";
    const auto errors = load_errors(s);
    CHECK(errors.size() == 2000);
    CHECK(errors[0].pointer == "/memberships/0/person");
    CHECK(errors[1999].pointer == "/memberships/1999/person");
}

// [SECTION] 100k entities

TEST_CASE("limits: a 100k-entity file loads, writes and analyses") {
    // 500 areas, 1500 agencies, 8000 boards (2000 of them sub-groups), 90000 people with one or
    // two seats each: 100000 entities, 135000 memberships.
    const int areas = 500, agencies = 1500, boards = 8000, people = 90000;
    const char* sectors[] = {"local_authority", "police", "health_commissioner", "school", "probation", "other"};
    const char* kinds[] = {"lscb", "sab", "hwb", "csp", "other"};
    std::string s = k_head + R"(, "meta": {"title": "100k", "as_of": "2015-06-30"}, "areas": [)";
    for (int i = 0; i < areas; ++i) {
        if (i) s += ',';
        s += R"({"id": "a)" + std::to_string(i) + R"(", "name": "Area", "population": 1000)";
        if (i >= 50) s += R"(, "parent": "a)" + std::to_string(i % 50) + "\"";
        s += "}";
    }
    s += R"(], "agencies": [)";
    for (int i = 0; i < agencies; ++i) {
        if (i) s += ',';
        s += R"({"id": "g)" + std::to_string(i) + R"(", "name": "Agency", "sector": ")" + sectors[i % 6] +
             R"(", "footprint": ["a)" + std::to_string(i % areas) + "\"]}";
    }
    s += R"(], "boards": [)";
    for (int i = 0; i < boards; ++i) {
        if (i) s += ',';
        s += R"({"id": "b)" + std::to_string(i) + R"(", "name": "Board", "kind": ")" + kinds[i % 5] +
             R"(", "footprint": ["a)" + std::to_string(i % areas) + R"("], "meetings_per_year": 6, "meeting_hours": 2)";
        if (i >= 6000) s += R"(, "parent": "b)" + std::to_string(i - 6000) + "\"";
        s += "}";
    }
    s += R"(], "people": [)";
    for (int i = 0; i < people; ++i) {
        if (i) s += ',';
        s += R"({"id": "p)" + std::to_string(i) + R"(", "name": "Person", "agency": "g)" +
             std::to_string(i % agencies) + "\"}";
    }
    s += R"(], "memberships": [)";
    int memberships = 0;
    for (int i = 0; i < people; ++i) {
        const int seats = i % 2 == 0 ? 2 : 1;  // 45000 × 2 + 45000 × 1
        for (int k = 0; k < seats; ++k) {
            if (memberships++) s += ',';
            s += R"({"person": "p)" + std::to_string(i) + R"(", "board": "b)" +
                 std::to_string((i + k * 3001) % boards) + R"(", "role": "member"})";
        }
    }
    s += "]}";
    REQUIRE(memberships == 135000);

    const LoadResult r = parse_dataset(s, "100k.json");
    const Dataset& d = r.dataset;
    CHECK(d.areas.size() + d.agencies.size() + d.boards.size() + d.people.size() == 100000);
    CHECK(d.memberships.size() == 135000);
    // The canonical text loads again to the same counts.
    const LoadResult again = parse_dataset(dataset_to_json_text(d), "canonical.json");
    CHECK(again.dataset.memberships.size() == 135000);

    const AnalysisOptions opts;
    const OverlapResult ov = compute_overlap(d, opts);
    CHECK(ov.people.size() == 90000);
    CHECK(ov.brokers_estimated);  // far above the exact limit: sampled, and labelled so
    const LoadReport load = compute_load(d, opts);
    CHECK(load.people.size() == 90000);
    CHECK(load.agencies.size() == 1500);
    // Every seat is 6 meetings × 2 hours; half the people have two seats.
    CHECK(load.people.front().hours == 24);
    CHECK(load.people.back().hours == 12);
    const BoundariesResult bd = compute_boundaries(d, opts);
    CHECK(bd.agencies.size() == 1500);
    CHECK(compute_representation(d, opts).boards.size() == 6000);
}
