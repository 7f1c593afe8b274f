// Syntax-level failures of the loader (DESIGN §3): line and column for JSON syntax errors,
// invalid UTF-8, duplicate keys and excessive nesting; hostile input (empty, truncated,
// binary, 100k-deep) fails cleanly; diagnostics format exactly as the CLI prints them.
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace boardscape;

namespace {

/// The single diagnostic a text is expected to fail with.
Diagnostic only_error(std::string_view text) {
    try {
        parse_dataset(text, "t.json");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.file() == "t.json");
        return e.diagnostics()[0];
    }
    FAIL("expected a LoadError");
    return {};
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("json syntax: an error on a multi-line text has its 1-based line and column") {
    // Line 3 is `  "version": 1 x`: the stray `x` is column 16.
    const std::string text = "{\n  \"format\": \"boardscape\",\n  \"version\": 1 x\n}\n";
    const Diagnostic d = only_error(text);
    CHECK(d.severity == Severity::error);
    CHECK(d.line == 3);
    CHECK(d.column == 16);
    CHECK(d.pointer.empty());
    CHECK(contains(d.message, "syntax error"));
    CHECK(format_diagnostic("t.json", d) == "t.json:3:16: error: " + d.message);
}

TEST_CASE("json syntax: columns count characters, not bytes") {
    // Positions are where the parser detects the error (as nlohmann counts): here the missing
    // comma is noticed once the string "b" has been read, at its closing quote. "é" is two
    // bytes but one column, so that quote is column 14 of `  "a": "é" "b": 1}`.
    const std::string text = "{\n  \"a\": \"é\" \"b\": 1}";
    const Diagnostic d = only_error(text);
    CHECK(d.line == 2);
    CHECK(d.column == 14);
}

TEST_CASE("json syntax: invalid UTF-8 is reported where it occurs, printably") {
    const std::string text = "{\"format\": \"boardscape\",\n \"meta\": {\"title\": \"ab\xff\"}}";
    const Diagnostic d = only_error(text);
    CHECK(d.line == 2);
    CHECK(d.column == 23);  // the 0xFF byte: ` "meta": {"title": "ab` is 22 characters
    CHECK(contains(d.message, "UTF-8"));
    CHECK(contains(d.message, "\\xFF"));
    CHECK_FALSE(contains(d.message, "\xff"));
}

TEST_CASE("json syntax: a duplicate key is an error at the second occurrence") {
    const std::string text = "{\n  \"format\": \"boardscape\",\n  \"version\": 1,\n    \"format\": \"x\"\n}";
    const Diagnostic d = only_error(text);
    CHECK(d.line == 4);
    CHECK(d.column == 5);
    CHECK(d.message == "duplicate key 'format' in one object");
}

TEST_CASE("json syntax: duplicate keys are found in large objects and nested ones") {
    std::string positions;
    for (int i = 0; i < 100; ++i) positions += "\"p" + std::to_string(i) + "\": [0, 0], ";
    const std::string text = "{\"layout\": {\"positions\": {" + positions + "\"p42\": [1, 1]}}}";
    const Diagnostic d = only_error(text);
    CHECK(d.line == 1);
    CHECK(d.column == static_cast<int>(text.find("\"p42\": [1, 1]")) + 1);
    CHECK(d.message == "duplicate key 'p42' in one object");
    // The same key in two different objects is fine (no syntax error).
    CHECK_THROWS_AS(parse_dataset("{\"a\": {\"k\": 1}, \"b\": {\"k\": 1}}"), LoadError);
    try {
        parse_dataset("{\"a\": {\"k\": 1}, \"b\": {\"k\": 1}}");
    } catch (const LoadError& e) {
        CHECK(e.diagnostics()[0].line == 0);  // validation errors (no format), not syntax
    }
}

TEST_CASE("json syntax: nesting 300 deep stops at level 257") {
    const std::string text = "{\"views\": " + std::string(299, '[') + std::string(299, ']') + "}";
    const Diagnostic d = only_error(text);
    // The object is level 1, so the 256th '[' (column 11 + 255) is level 257.
    CHECK(d.line == 1);
    CHECK(d.column == 11 + 255);
    CHECK(d.message == "nesting deeper than 256 levels");
}

TEST_CASE("json syntax: nesting exactly 256 deep is accepted") {
    const std::string text = "{\"format\": \"boardscape\", \"version\": 1, \"views\": " + std::string(255, '[') +
                             std::string(255, ']') + "}";
    const LoadResult r = parse_dataset(text);
    CHECK(r.dataset.views_json.size() == 2 * 255);
}

TEST_CASE("json syntax: 100k-deep nesting fails fast without recursion") {
    const Diagnostic d = only_error(std::string(100000, '['));
    CHECK(d.line == 1);
    CHECK(d.column == 257);
    CHECK(d.message == "nesting deeper than 256 levels");
}

TEST_CASE("json syntax: empty, blank, truncated and binary input") {
    SUBCASE("empty") {
        const Diagnostic d = only_error("");
        CHECK(d.line == 1);
        CHECK(d.column == 1);
        CHECK(d.message == "empty input: expected a JSON object");
    }
    SUBCASE("blank lines") {
        const Diagnostic d = only_error("  \n\n");
        CHECK(d.line == 3);
        CHECK(d.column == 1);
        CHECK(contains(d.message, "empty input"));
    }
    SUBCASE("truncated") {
        const Diagnostic d = only_error("{\"format\": \"boardscape\",\n \"areas\": [{\"id\": \"a\"");
        CHECK(d.line == 2);
        CHECK(d.column == 22);  // one past the 21 characters of the last line
        CHECK(contains(d.message, "unexpected end of input"));
    }
    SUBCASE("binary") {
        const std::string elf("\x7f" "ELF\x02\x01\x01\x00\x00\x00\xff\xfe", 12);
        const Diagnostic d = only_error(elf);
        CHECK(d.line == 1);
        CHECK(d.column == 1);
        CHECK(contains(d.message, "\\x7F"));
    }
    SUBCASE("NUL inside a string") {
        const std::string text("{\"a\": \"x\0y\"}", 12);
        const Diagnostic d = only_error(text);
        CHECK(d.line == 1);
        CHECK(d.column == 9);
        CHECK(d.message == "a NUL byte (is this really a JSON text file?)");
    }
}

TEST_CASE("json syntax: a NUL byte is an error at its line and column, not the end of the input") {
    // nlohmann reads a NUL outside a string as the end: "}\0\0garbage" used to load.
    const std::string valid = "{\"format\": \"boardscape\", \"version\": 1}";
    SUBCASE("after the closing brace") {
        const Diagnostic d = only_error(valid + std::string("\n\0\0garbage", 10));
        CHECK(d.line == 2);
        CHECK(d.column == 1);
        CHECK(d.message == "a NUL byte (is this really a JSON text file?)");
        CHECK(format_diagnostic("t.json", d) ==
              "t.json:2:1: error: a NUL byte (is this really a JSON text file?)");
    }
    SUBCASE("in the middle, between members") {
        // Line 2 is `  <NUL>"version": 1}`: the NUL is column 3 (was "unexpected end of input").
        const Diagnostic d =
            only_error(std::string("{\"format\": \"boardscape\",\n  \0\"version\": 1}", 41));
        CHECK(d.line == 2);
        CHECK(d.column == 3);
        CHECK(d.message == "a NUL byte (is this really a JSON text file?)");
    }
    SUBCASE("a syntax error before the NUL is reported first") {
        const Diagnostic d = only_error(std::string("{x\0", 3));
        CHECK(d.column == 2);
        CHECK(d.message.find("NUL") == std::string::npos);
    }
}

TEST_CASE("json syntax: 1e400 becomes a validation error at its pointer, and parsing goes on") {
    // Both overflowing numbers are reported, each by pointer; the negative one too.
    const std::string text = R"({"format": "boardscape", "version": 1,
      "areas": [{"id": "a", "name": "A", "population": 1e400}],
      "boards": [{"id": "b", "name": "B", "kind": "hwb", "footprint": ["a"],
                  "meetings_per_year": 4, "meeting_hours": -1E999}]})";
    try {
        parse_dataset(text, "t.json");
        FAIL("expected a LoadError");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.diagnostics()[0].pointer == "/areas/0/population");
        CHECK(e.diagnostics()[0].line == 0);
        CHECK(contains(e.diagnostics()[0].message, "out of range"));
        CHECK(e.diagnostics()[1].pointer == "/boards/0/meeting_hours");
        CHECK(contains(e.diagnostics()[1].message, "out of range"));
    }
}

TEST_CASE("json syntax: underflowing numbers are zero, even next to an overflowing one") {
    const std::string text = R"({"format": "boardscape", "version": 1,
      "areas": [{"id": "a", "name": "A", "population": 1e-400},
                {"id": "b", "name": "B", "population": 0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001},
                {"id": "c", "name": "C", "population": 2E+308}]})";
    try {
        parse_dataset(text, "t.json");
        FAIL("expected a LoadError");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].pointer == "/areas/2/population");
    }
}

TEST_CASE("json syntax: a syntax error after an overflowing number still has its position") {
    const Diagnostic d = only_error("{\"a\": 1e400,\n \"b\": tru}");
    CHECK(d.line == 2);
    CHECK(contains(d.message, "invalid literal"));
}

TEST_CASE("json format: diagnostics format exactly") {
    Diagnostic syntax;
    syntax.line = 4;
    syntax.column = 7;
    syntax.message = "boom";
    CHECK(format_diagnostic("f.json", syntax) == "f.json:4:7: error: boom");

    Diagnostic validation;
    validation.pointer = "/boards/2/kind";
    validation.message = "bad";
    CHECK(format_diagnostic("f.json", validation) == "f.json: error: /boards/2/kind: bad");

    Diagnostic root;
    root.message = "expected an object";
    CHECK(format_diagnostic("f.json", root) == "f.json: error: (document): expected an object");

    Diagnostic warning;
    warning.severity = Severity::warning;
    warning.pointer = "/x";
    warning.message = "unknown key 'x' (ignored)";
    CHECK(format_diagnostic("f.json", warning) == "f.json: warning: /x: unknown key 'x' (ignored)");

    Diagnostic io;
    io.io = true;
    io.message = "cannot read: No such file or directory";
    CHECK(format_diagnostic("f.json", io) == "f.json: error: cannot read: No such file or directory");
}

TEST_CASE("json format: LoadError::what lists every diagnostic, one per line") {
    try {
        parse_dataset("{\"format\": \"x\", \"version\": 2}", "f.json");
        FAIL("expected a LoadError");
    } catch (const LoadError& e) {
        CHECK(std::string(e.what()) ==
              "f.json: error: /format: not a Boardscape file: format is 'x', expected 'boardscape'\n"
              "f.json: error: /version: unsupported version 2; this program reads version 1");
    }
}

TEST_CASE("json file: unreadable paths give 'cannot read: REASON'") {
    const auto dir = std::filesystem::temp_directory_path() / "boardscape-test-json-read";
    std::filesystem::create_directories(dir);
    SUBCASE("missing file") {
        const auto path = dir / "missing.json";
        try {
            load_dataset_file(path);
            FAIL("expected a LoadError");
        } catch (const LoadError& e) {
            REQUIRE(e.diagnostics().size() == 1);
            CHECK(e.diagnostics()[0].io);
            CHECK(std::string(e.what()) == path.string() + ": error: cannot read: No such file or directory");
        }
    }
    SUBCASE("a directory") {
        try {
            load_dataset_file(dir);
            FAIL("expected a LoadError");
        } catch (const LoadError& e) {
            CHECK(std::string(e.what()) == dir.string() + ": error: cannot read: is a directory");
        }
    }
    SUBCASE("a file over the size limit is refused without reading it") {
        const auto path = dir / "huge.json";
        {
            std::ofstream out(path, std::ios::binary);
            out << "{}";
        }
        std::filesystem::resize_file(path, max_file_bytes + 1);  // sparse: no disk used
        try {
            load_dataset_file(path);
            FAIL("expected a LoadError");
        } catch (const LoadError& e) {
            CHECK(e.diagnostics()[0].io);
            CHECK(contains(e.what(), ": error: cannot read: file too large (268435457 bytes; the limit is 268435456"));
        }
        std::filesystem::remove(path);
    }
    SUBCASE("a readable file with a syntax error names the file") {
        const auto path = dir / "bad.json";
        {
            std::ofstream out(path, std::ios::binary);
            out << "{\n  nope\n}";
        }
        try {
            load_dataset_file(path);
            FAIL("expected a LoadError");
        } catch (const LoadError& e) {
            CHECK(e.file() == path.string());
            CHECK(e.diagnostics()[0].line == 2);
            CHECK(e.diagnostics()[0].column == 4);  // "no" cannot start null: detected at 'o'
        }
    }
    std::filesystem::remove_all(dir);
}
