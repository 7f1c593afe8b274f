// Test helpers for the end-to-end CLI suite: run the built `boardscape` binary with
// posix_spawn, capturing stdout, stderr and the exit status, and write fixtures to a private
// temporary folder that is removed when the test case ends.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cli_test {

struct RunResult {
    int exit_code = -1;  // the process's exit code; -1 when it did not exit normally
    int signal = 0;      // the terminating signal when it crashed or was killed
    std::string out;
    std::string err;
    bool crashed() const { return signal != 0; }
};

/// Runs BOARDSCAPE_BIN_DIR/boardscape with `args`; stdin is `stdin_file` or /dev/null.
RunResult run_boardscape(const std::vector<std::string>& args, const std::string& stdin_file = "");

/// A fresh temporary folder, removed (with its contents) on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    /// Writes `content` to a file named `name` in the folder; returns its full path.
    std::string write(const std::string& name, const std::string& content) const;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

std::string read_file(const std::string& path);
/// Lines of `text` without their line ends (handles "\n" and "\r\n").
std::vector<std::string> lines(const std::string& text);
bool contains(const std::string& haystack, const std::string& needle);

}  // namespace cli_test
