// Saving that never loses work: text is written to an unnamed (or, where the file system has no
// O_TMPFILE, a hidden) temporary file in the target's folder, fsynced, and renamed over the
// target, optionally keeping the previous version as TARGET.bak. A crash or SIGKILL at any
// moment leaves the target either as it was or complete (see tests/cli/test_format_kill.cpp).
#pragma once

#include "boardscape/model.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace boardscape {

/// Why a file could not be written. what() is "cannot write PATH: REASON"; the command line
/// prints "PATH: error: cannot write: REASON" from path() and reason().
class WriteError : public std::runtime_error {
public:
    WriteError(std::filesystem::path path, std::string reason)
        : std::runtime_error("cannot write " + path.string() + ": " + reason),
          m_path(std::move(path)),
          m_reason(std::move(reason)) {}
    const std::filesystem::path& path() const { return m_path; }
    const std::string& reason() const { return m_reason; }

private:
    std::filesystem::path m_path;
    std::string m_reason;
};

struct AtomicWriteOptions {
    /// Keep the file being replaced (if any) as PATH.bak, itself replaced atomically; the
    /// backup shares the old file's data (a hard link), or is a copy where links are refused.
    bool keep_backup = false;
};

/// PATH with ".bak" appended to its file name.
std::filesystem::path backup_path(const std::filesystem::path& path);

/// Writes `text` to `path` atomically, keeping an existing file's permissions (a new file gets
/// 0666 less the umask). Throws WriteError on failure and never leaves a partial target.
/// This is the only file writer: datasets, `format`, report/export outputs and viewer saves.
/// A kill between the two final renames can leave a hidden ".NAME.tmp-…" file in the folder
/// (never the target itself); a kill while writing leaves nothing where O_TMPFILE works.
void write_file_atomically(const std::filesystem::path& path, std::string_view text,
                           const AtomicWriteOptions& options = {});

/// dataset_to_json_text(d) written with write_file_atomically. A dataset that cannot be
/// serialised (a non-finite number) throws before anything is written.
void save_dataset_file(const Dataset& d, const std::filesystem::path& path,
                       const AtomicWriteOptions& options = {});

}  // namespace boardscape
