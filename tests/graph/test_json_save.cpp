// Atomic saving (DESIGN §3 / atomic_write.hpp): the target is either the old file or the
// complete new one; on failure a WriteError says why and no temporary file is left.
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace boardscape;
namespace fs = std::filesystem;

namespace {

/// A fresh, empty folder for one test, removed afterwards.
class TempFolder {
public:
    explicit TempFolder(const std::string& name)
        : m_path(fs::temp_directory_path() / ("boardscape-test-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }
    std::size_t entries() const {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(m_path)) ++n;
        return n;
    }

private:
    fs::path m_path;
};

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_all(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// Two areas, big enough that its text is a few hundred bytes.
Dataset sample() {
    Dataset d;
    d.meta.title = "Save test";
    d.areas.push_back(Area{AreaId("shire"), "Midshire", "county", std::nullopt, "E10000016", 812000.0});
    d.areas.push_back(Area{AreaId("north"), "North", "district", AreaId("shire"), std::nullopt, 1200.0});
    d.reindex();
    return d;
}

}  // namespace

TEST_CASE("json save: writes the canonical text and leaves no temporary file") {
    TempFolder folder("save-ok");
    const fs::path target = folder.path() / "d.json";
    write_all(target, "old contents");
    save_dataset_file(sample(), target);
    CHECK(read_all(target) == dataset_to_json_text(sample()));
    CHECK(folder.entries() == 1);
    const LoadResult back = load_dataset_file(target);
    CHECK(back.dataset.areas.size() == 2);
    CHECK(back.dataset.areas[1].parent == AreaId("shire"));
}

TEST_CASE("json save: a relative path in the current folder works") {
    TempFolder folder("save-relative");
    struct RestoreCwd {
        fs::path old = fs::current_path();
        ~RestoreCwd() { fs::current_path(old); }
    } restore;
    fs::current_path(folder.path());
    CHECK_NOTHROW(save_dataset_file(sample(), "rel.json"));
    CHECK(read_all(folder.path() / "rel.json") == dataset_to_json_text(sample()));
    CHECK(folder.entries() == 1);
}

TEST_CASE("json save: a missing folder fails with the reason") {
    TempFolder folder("save-missing");
    const fs::path target = folder.path() / "no-such-folder" / "d.json";
    try {
        save_dataset_file(sample(), target);
        FAIL("expected std::runtime_error");
    } catch (const WriteError& e) {
        const std::string what = e.what();
        CHECK(what.find("cannot write " + target.string() + ": ") == 0);
        CHECK(e.path() == target);
        CHECK(e.reason().find("No such file or directory") != std::string::npos);
    }
    CHECK(folder.entries() == 0);
}

TEST_CASE("json save: the target is unchanged when the folder is not writable") {
    TempFolder folder("save-readonly");
    const fs::path target = folder.path() / "d.json";
    write_all(target, "old contents");
    const auto read_exec = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(folder.path(), read_exec, fs::perm_options::replace);
    if (::access(folder.path().c_str(), W_OK) != 0) {
        CHECK_THROWS_AS(save_dataset_file(sample(), target), std::runtime_error);
    } else {
        // Root ignores permission bits: try from a child process running as "nobody".
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
            try {
                save_dataset_file(sample(), target);
            } catch (const std::runtime_error& e) {
                ::_exit(std::string(e.what()).find("Permission denied") != std::string::npos ? 0 : 2);
            }
            ::_exit(1);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        if (WEXITSTATUS(status) == 3) MESSAGE("cannot drop privileges to test an unwritable folder");
        else CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(read_all(target) == "old contents");
    CHECK(folder.entries() == 1);
}

TEST_CASE("json save: the target is unchanged when writing fails part-way") {
    // Limit file size to 64 bytes so the write itself fails (EFBIG) after a partial write.
    TempFolder folder("save-efbig");
    const fs::path target = folder.path() / "d.json";
    write_all(target, "old contents");
    REQUIRE(dataset_to_json_text(sample()).size() > 64);

    rlimit old_limit{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old_limit;
    small.rlim_cur = 64;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string error;
    try {
        save_dataset_file(sample(), target);
    } catch (const std::runtime_error& e) {
        error = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);

    CHECK(error.find("write failed") != std::string::npos);
    CHECK(error.find("File too large") != std::string::npos);
    CHECK(read_all(target) == "old contents");
    CHECK(folder.entries() == 1);  // the temporary file was removed
}

TEST_CASE("json save: the target is unchanged when the rename fails") {
    // The target is a non-empty folder: the new file cannot replace it.
    TempFolder folder("save-rename");
    const fs::path target = folder.path() / "d.json";
    fs::create_directories(target / "inside");
    try {
        save_dataset_file(sample(), target);
        FAIL("expected std::runtime_error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("cannot replace the file") != std::string::npos);
    }
    CHECK(fs::is_directory(target / "inside"));
    CHECK(folder.entries() == 1);
}

TEST_CASE("json save: a dataset that cannot be written leaves the target unchanged") {
    TempFolder folder("save-nonfinite");
    const fs::path target = folder.path() / "d.json";
    write_all(target, "old contents");
    Dataset d = sample();
    d.layout.positions["shire"] = {std::numeric_limits<double>::quiet_NaN(), 0};
    CHECK_THROWS_AS(save_dataset_file(d, target), std::runtime_error);
    CHECK(read_all(target) == "old contents");
    CHECK(folder.entries() == 1);
}

TEST_CASE("json save: keep_backup leaves the previous version as FILE.bak") {
    TempFolder folder("save-backup");
    const fs::path target = folder.path() / "d.json";
    write_all(target, "first version");
    AtomicWriteOptions keep;
    keep.keep_backup = true;
    save_dataset_file(sample(), target, keep);
    CHECK(read_all(target) == dataset_to_json_text(sample()));
    CHECK(read_all(backup_path(target)) == "first version");
    CHECK(backup_path(target).filename() == "d.json.bak");

    // A second save moves the backup on to the version it replaced.
    Dataset changed = sample();
    changed.meta.title = "Changed";
    save_dataset_file(changed, target, keep);
    CHECK(read_all(backup_path(target)) == dataset_to_json_text(sample()));
    CHECK(load_dataset_file(target).dataset.meta.title == "Changed");
    CHECK(folder.entries() == 2);

    // Without the option the backup is left alone.
    save_dataset_file(sample(), target);
    CHECK(read_all(backup_path(target)) == dataset_to_json_text(sample()));
}
