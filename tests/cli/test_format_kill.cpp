// SIGKILL safety of `boardscape format --in-place` (issue 6): a large, valid but non-canonical
// file is formatted in a child process that is killed with SIGKILL after a delay spread over a
// whole unkilled run (measured first, so the kills land in reading, parsing, validating,
// writing and renaming alike, whatever the build type or machine load). After every kill:
//   - FILE is byte-identical to before, or byte-identical to the complete canonical text;
//   - FILE.bak, when present, is byte-identical to the previous version (never partial);
//   - any other entry in the folder is a hidden ".NAME.tmp-…" / ".NAME.bak.tmp-…" temporary
//     (never the target). These are accepted — they are what a kill between the writer's last
//     steps can leave, and they are never read — and counted in the test's message.
// No timing is asserted; timing only chooses when to kill.
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_sanitized = true;  // ~5x slower: a smaller file keeps the test short
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_sanitized = true;
#else
constexpr bool k_sanitized = false;
#endif
#else
constexpr bool k_sanitized = false;
#endif

/// A valid dataset as one long line of JSON (so it is not canonical): `people` people in
/// agencies, each a member of 3 boards.
std::string big_minified_dataset(int people) {
    const int areas = 200, agencies = 150, boards = 800;
    const char* sectors[] = {"local_authority", "police", "health_commissioner", "school", "probation"};
    const char* kinds[] = {"lscb", "sab", "hwb", "csp"};
    std::string s;
    s.reserve(static_cast<std::size_t>(people) * 260);
    s += R"({"format":"boardscape","version":1,"meta":{"title":"Kill test"},"areas":[)";
    for (int i = 0; i < areas; ++i) {
        if (i) s += ',';
        s += R"({"id":"a)" + std::to_string(i) + R"(","name":"Area )" + std::to_string(i) +
             R"(","population":)" + std::to_string(1000 + i) + "}";
    }
    s += R"(],"agencies":[)";
    for (int i = 0; i < agencies; ++i) {
        if (i) s += ',';
        s += R"({"id":"g)" + std::to_string(i) + R"(","name":"Agency )" + std::to_string(i) +
             R"(","sector":")" + sectors[i % 5] + R"(","footprint":["a)" + std::to_string(i % areas) + "\"]}";
    }
    s += R"(],"boards":[)";
    for (int i = 0; i < boards; ++i) {
        if (i) s += ',';
        s += R"({"id":"b)" + std::to_string(i) + R"(","name":"Board )" + std::to_string(i) +
             R"(","kind":")" + kinds[i % 4] + R"(","footprint":["a)" + std::to_string(i % areas) +
             R"(","a)" + std::to_string((i + 7) % areas) +
             R"("],"meetings_per_year":6,"meeting_hours":2.5})";
    }
    s += R"(],"people":[)";
    for (int i = 0; i < people; ++i) {
        if (i) s += ',';
        s += R"({"id":"p)" + std::to_string(i) + R"(","name":"Person )" + std::to_string(i) +
             R"(","agency":"g)" + std::to_string(i % agencies) + "\"}";
    }
    s += R"(],"memberships":[)";
    for (int i = 0; i < people; ++i) {
        for (int k = 0; k < 3; ++k) {
            if (i || k) s += ',';
            s += R"({"person":"p)" + std::to_string(i) + R"(","board":"b)" +
                 std::to_string((i * 3 + k * 101) % boards) + R"(","role":"member","from":"2014-01-01"})";
        }
    }
    s += "]}";
    return s;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

/// Starts `boardscape format FILE --in-place` with its output discarded.
pid_t spawn_format(const std::string& file) {
    const std::string bin = std::string(BOARDSCAPE_BIN_DIR) + "/boardscape";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = {bin, "format", file, "--in-place"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

struct TempFolder {
    fs::path path;
    TempFolder() {
        std::string tmpl = (fs::temp_directory_path() / "boardscape-kill-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("format --in-place killed with SIGKILL at any moment leaves FILE old or complete") {
    const std::string original = big_minified_dataset(k_sanitized ? 2000 : 6000);
    const std::string canonical = boardscape::dataset_to_json_text(boardscape::parse_dataset(original).dataset);
    REQUIRE(canonical != original);

    TempFolder dir;
    const fs::path file = dir.path / "big.json";
    const fs::path bak = dir.path / "big.json.bak";

    // Reset the folder to just the original FILE (temporaries and backup removed).
    auto reset = [&] {
        for (const auto& e : fs::directory_iterator(dir.path)) fs::remove(e.path());
        put(file, original);
    };

    // One unkilled run: it must succeed, and its duration sets the kill schedule.
    reset();
    const auto t0 = std::chrono::steady_clock::now();
    {
        const pid_t pid = spawn_format(file.string());
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
    }
    const auto full = std::chrono::steady_clock::now() - t0;
    REQUIRE(slurp(file) == canonical);
    REQUIRE(slurp(bak) == original);

    const int rounds = 30;
    int kept_old = 0, complete = 0, finished_first = 0, strays = 0, backups = 0;
    for (int round = 0; round < rounds; ++round) {
        reset();
        // Delays 0, T/29·1.1, …, 1.1·T: the last few land after the rename or after exit.
        const auto delay = full * round * 11 / ((rounds - 1) * 10);
        const pid_t pid = spawn_format(file.string());
        if (round > 0) std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        if (WIFEXITED(status)) ++finished_first;

        CAPTURE(round);
        const std::string now = slurp(file);
        const bool is_old = now == original;
        const bool is_new = now == canonical;
        CHECK((is_old || is_new));
        kept_old += is_old;
        complete += is_new;
        if (is_new) CHECK(fs::exists(bak));  // the backup is in place before the target moves
        for (const auto& e : fs::directory_iterator(dir.path)) {
            const std::string name = e.path().filename().string();
            if (name == "big.json") continue;
            if (name == "big.json.bak") {
                ++backups;
                CHECK(slurp(e.path()) == original);
                continue;
            }
            CAPTURE(name);
            ++strays;
            CHECK((name.rfind(".big.json.tmp-", 0) == 0 || name.rfind(".big.json.bak.tmp-", 0) == 0));
        }
    }
    MESSAGE("SIGKILL rounds: " << rounds << ", file " << original.size() << " bytes, full run "
            << std::chrono::duration_cast<std::chrono::milliseconds>(full).count()
            << " ms; FILE as before: " << kept_old << ", complete: " << complete
            << " (process had already exited: " << finished_first << "); backups present: "
            << backups << "; stray hidden temporaries: " << strays);
    CHECK(kept_old + complete == rounds);
}
