// `boardscape format`: canonical output to stdout, -o, --in-place with FILE.bak, --check, and
// the usage and input errors. The SIGKILL safety test is in test_format_kill.cpp.
#include "run_cli.hpp"

#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace cli_test;

namespace {

// A valid file written in a non-canonical way: one line, keys out of format order.
//   area a; agency g (police, [a]); board b (lscb, [a], 6×2); person p (g) member of b.
const std::string k_messy =
    R"({"version":1,"format":"boardscape","meta":{"title":"T"},)"
    R"("areas":[{"name":"A","id":"a"}],)"
    R"("agencies":[{"sector":"police","footprint":["a"],"name":"G","id":"g"}],)"
    R"("boards":[{"meeting_hours":2,"meetings_per_year":6,"footprint":["a"],"kind":"lscb","name":"B","id":"b"}],)"
    R"("people":[{"agency":"g","name":"P","id":"p"}],)"
    R"("memberships":[{"role":"member","board":"b","person":"p"}]})";

std::string canonical_of(const std::string& text) {
    return boardscape::dataset_to_json_text(boardscape::parse_dataset(text).dataset);
}

}  // namespace

TEST_CASE("format prints the canonical text to standard output") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    const RunResult r = run_boardscape({"format", f});
    CHECK(r.exit_code == 0);
    CHECK(r.out == canonical_of(k_messy));
    // Canonical: fields in format order, 2-space indent, trailing newline.
    CHECK(r.out.rfind("{\n  \"format\": \"boardscape\",\n  \"version\": 1,", 0) == 0);
    CHECK(r.out.back() == '\n');
    CHECK(read_file(f) == k_messy);  // the input is untouched
    CHECK_FALSE(std::filesystem::exists(f + ".bak"));
}

TEST_CASE("format is idempotent: canonical text formats to itself") {
    TempDir dir;
    const std::string canon = canonical_of(k_messy);
    const std::string f = dir.write("canon.json", canon);
    const RunResult r = run_boardscape({"format", f});
    CHECK(r.exit_code == 0);
    CHECK(r.out == canon);
    CHECK(run_boardscape({"format", f, "--check"}).exit_code == 0);
}

TEST_CASE("format -o writes OUT and leaves FILE alone") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    const std::string out = dir.file("out.json");
    const RunResult r = run_boardscape({"format", f, "-o", out});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out) == canonical_of(k_messy));
    CHECK(read_file(f) == k_messy);
    CHECK_FALSE(std::filesystem::exists(out + ".bak"));
}

TEST_CASE("format -o over an existing file keeps it as OUT.bak") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    const std::string out = dir.write("out.json", "old text\n");
    CHECK(run_boardscape({"format", f, "-o", out}).exit_code == 0);
    CHECK(read_file(out) == canonical_of(k_messy));
    CHECK(read_file(out + ".bak") == "old text\n");
    // FILE -o FILE is the same as --in-place.
    CHECK(run_boardscape({"format", f, "-o", f}).exit_code == 0);
    CHECK(read_file(f) == canonical_of(k_messy));
    CHECK(read_file(f + ".bak") == k_messy);
}

TEST_CASE("format --in-place replaces FILE and keeps the previous version as FILE.bak") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    std::filesystem::permissions(f, std::filesystem::perms(0640));
    const RunResult r = run_boardscape({"format", "--in-place", f});
    CHECK(r.exit_code == 0);
    CHECK(read_file(f) == canonical_of(k_messy));
    CHECK(read_file(f + ".bak") == k_messy);
    // The file keeps its permissions.
    CHECK(std::filesystem::status(f).permissions() == std::filesystem::perms(0640));
    // A second run replaces the backup with the (now canonical) previous version.
    CHECK(run_boardscape({"format", f, "--in-place"}).exit_code == 0);
    CHECK(read_file(f + ".bak") == canonical_of(k_messy));
    // Nothing else is left in the folder: no temporary files.
    int entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 2);
}

TEST_CASE("format --check reports a file that is not canonical") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    const RunResult r = run_boardscape({"format", f, "--check"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "not in canonical form"));
    CHECK(read_file(f) == k_messy);
}

TEST_CASE("format refuses an invalid file and leaves it untouched") {
    TempDir dir;
    const std::string bad = R"({"format": "boardscape", "version": 1, "boards": [{"id": "b"}]})";
    const std::string f = dir.write("bad.json", bad);
    const RunResult r = run_boardscape({"format", f, "--in-place"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "error: /boards/0/name"));
    CHECK(read_file(f) == bad);
    CHECK_FALSE(std::filesystem::exists(f + ".bak"));

    const RunResult missing = run_boardscape({"format", dir.file("nope.json")});
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "cannot read"));
}

TEST_CASE("format usage errors") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    CHECK(run_boardscape({"format", f, "--in-place", "-o", dir.file("x.json")}).exit_code == 2);
    CHECK(run_boardscape({"format", "-", "--in-place"}).exit_code == 2);
    CHECK(run_boardscape({"format"}).exit_code == 2);
    CHECK(read_file(f) == k_messy);
}

TEST_CASE("format reads standard input with '-'") {
    TempDir dir;
    const std::string f = dir.write("messy.json", k_messy);
    const RunResult r = run_boardscape({"format", "-"}, f);
    CHECK(r.exit_code == 0);
    CHECK(r.out == canonical_of(k_messy));
}

TEST_CASE("format refuses a file over the size cap without reading it") {
    TempDir dir;
    const std::string f = dir.write("huge.json", "{");
    // Sparse: instant, no disk space used.
    std::filesystem::resize_file(f, boardscape::max_file_bytes + 1);
    const RunResult r = run_boardscape({"format", f, "--in-place"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "cannot read"));
    CHECK(std::filesystem::file_size(f) == boardscape::max_file_bytes + 1);
    CHECK_FALSE(std::filesystem::exists(f + ".bak"));
}
