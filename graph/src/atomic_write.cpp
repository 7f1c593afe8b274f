// The atomic writer behind `boardscape format` and the viewer's saves. The order of steps is
// what makes a kill at any moment safe: (1) the new text goes into a temporary file in the
// target's folder and is fsynced; (2) with a backup requested, the current target is hard-linked
// (or copied) to a temporary name which is renamed over TARGET.bak; (3) the temporary file is
// renamed over the target; (4) the folder is fsynced so the renames survive a power cut.
// Renames within one folder are atomic, so the target is always either old or complete.
#include "boardscape/atomic_write.hpp"

#include "boardscape/dataset_json.hpp"

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace boardscape {

namespace fs = std::filesystem;

namespace {

// [SECTION] Small helpers

[[noreturn]] void write_failure(const fs::path& path, const std::string& reason) {
    throw WriteError(path, reason);
}

// Closes on every path out of a function.
struct FdGuard {
    int fd = -1;
    FdGuard() = default;
    explicit FdGuard(int f) : fd(f) {}
    FdGuard(const FdGuard&) = delete;
    FdGuard& operator=(const FdGuard&) = delete;
    ~FdGuard() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

/// 0 on success, else errno.
int write_all(int fd, std::string_view text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

/// A hidden name beside the target that no other writer picks: ".NAME.TAG-PID-RANDOM".
fs::path temp_name(const fs::path& folder, const std::string& base, const char* tag,
                   std::random_device& rd) {
    return folder / ("." + base + tag + std::to_string(::getpid()) + "-" + std::to_string(rd()));
}

/// Gives an unnamed O_TMPFILE inode a name in `folder`; false when the system refuses.
bool name_unnamed_file(int fd, const fs::path& folder, const std::string& base,
                       std::random_device& rd, fs::path& out) {
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 16; ++attempt) {
        out = temp_name(folder, base, ".tmp-", rd);
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, out.c_str(), AT_SYMLINK_FOLLOW) == 0)
            return true;
        if (errno != EEXIST) return false;
    }
    return false;
}

/// Creates a named temporary file exclusively; returns its descriptor (throws on failure).
int create_named_temp(const fs::path& target, const fs::path& folder, const std::string& base,
                      std::random_device& rd, fs::path& out) {
    for (int attempt = 0; attempt < 16; ++attempt) {
        out = temp_name(folder, base, ".tmp-", rd);
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) return fd;
        if (errno != EEXIST)
            write_failure(target, "cannot create a temporary file in '" + folder.string() +
                                      "': " + std::strerror(errno));
    }
    write_failure(target, "cannot create a temporary file in '" + folder.string() + "'");
}

/// Writes, fsyncs and closes `fd`; unlinks `temp` (when named) and throws on failure.
void fill_and_sync(int fd, std::string_view text, const fs::path& target, const fs::path& temp) {
    FdGuard guard(fd);
    int err = write_all(fd, text);
    const char* what = "write failed";
    if (err == 0 && ::fsync(fd) != 0) {
        err = errno;
        what = "fsync failed";
    }
    if (err == 0) {
        const int closed = ::close(guard.fd);
        guard.fd = -1;
        if (closed != 0) {
            err = errno;
            what = "close failed";
        }
    }
    if (err != 0) {
        if (!temp.empty()) ::unlink(temp.c_str());
        write_failure(target, std::string(what) + ": " + std::strerror(err));
    }
}

/// Copies `from` to a new file `to` (created exclusively) and fsyncs it; 0 or errno.
int copy_and_sync(const fs::path& from, const fs::path& to) {
    FdGuard in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0) return errno;
    FdGuard out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (out.fd < 0) return errno;
    // The backup is as private as the file it copies (a 0600 file of names stays 0600).
    struct stat st {};
    if (::fstat(in.fd, &st) == 0) ::fchmod(out.fd, st.st_mode & 07777);
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (const int err = write_all(out.fd, std::string_view(buffer, static_cast<std::size_t>(n))))
            return err;
    }
    if (::fsync(out.fd) != 0) return errno;
    return 0;
}

/// Step 2: the current target (if a regular file) becomes PATH.bak, atomically. A hard link is
/// instant and needs no space; file systems that refuse links get a copy.
void keep_backup(const fs::path& target, const fs::path& folder, const std::string& base,
                 std::random_device& rd) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno == ENOENT) return;  // nothing to keep
        write_failure(target, std::string("cannot read the current file for its backup: ") +
                                  std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) return;
    const fs::path bak = backup_path(target);
    fs::path bak_temp;
    bool made = false;
    for (int attempt = 0; attempt < 16 && !made; ++attempt) {
        bak_temp = temp_name(folder, base, ".bak.tmp-", rd);
        if (::link(target.c_str(), bak_temp.c_str()) == 0) {
            made = true;
        } else if (errno != EEXIST) {
            const int link_err = errno;
            const int copy_err = copy_and_sync(target, bak_temp);
            if (copy_err != 0) {
                ::unlink(bak_temp.c_str());
                write_failure(target, std::string("cannot keep a backup: ") +
                                          std::strerror(copy_err ? copy_err : link_err));
            }
            made = true;
        }
    }
    if (!made) write_failure(target, "cannot keep a backup: no free temporary name");
    if (::rename(bak_temp.c_str(), bak.c_str()) != 0) {
        const int err = errno;
        ::unlink(bak_temp.c_str());
        write_failure(target, "cannot keep a backup as '" + bak.string() + "': " + std::strerror(err));
    }
}

}  // namespace

// [SECTION] Public entry points

fs::path backup_path(const fs::path& path) {
    fs::path bak = path;
    bak += ".bak";
    return bak;
}

void write_file_atomically(const fs::path& path, std::string_view text,
                           const AtomicWriteOptions& options) {
    fs::path folder = path.parent_path();
    if (folder.empty()) folder = ".";
    const std::string base = path.filename().string();
    if (base.empty() || base == "." || base == "..") write_failure(path, "not a file name");

    // An existing file keeps its permissions; a new one gets 0666 less the umask.
    struct stat existing {};
    const bool has_existing = ::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);

    std::random_device rd;
    fs::path temp;
    // Step 1. Prefer an unnamed file: a kill while writing then leaves nothing behind. It gets
    // its (hidden) name only once complete and fsynced.
    int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd >= 0) {
        if (has_existing) ::fchmod(fd, existing.st_mode & 07777);
        FdGuard guard(fd);
        int err = write_all(fd, text);
        if (err == 0 && ::fsync(fd) != 0) err = errno;
        if (err != 0) write_failure(path, std::string("write failed: ") + std::strerror(err));
        if (!name_unnamed_file(fd, folder, base, rd, temp)) {
            temp.clear();  // no /proc or no linkat support: fall back to a named file below
        } else if (::fsync(fd) != 0) {  // cheap: the data is already on disk
            const int e = errno;
            ::unlink(temp.c_str());
            write_failure(path, std::string("fsync failed: ") + std::strerror(e));
        }
    }
    if (temp.empty()) {
        fd = create_named_temp(path, folder, base, rd, temp);
        if (has_existing) ::fchmod(fd, existing.st_mode & 07777);
        fill_and_sync(fd, text, path, temp);
    }

    // Step 2.
    if (options.keep_backup) {
        try {
            keep_backup(path, folder, base, rd);
        } catch (...) {
            ::unlink(temp.c_str());
            throw;
        }
    }

    // Step 3.
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        write_failure(path, std::string("cannot replace the file: ") + std::strerror(err));
    }

    // Step 4. A failure here does not undo a completed save.
    FdGuard dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd >= 0) ::fsync(dir.fd);
}

void save_dataset_file(const Dataset& d, const fs::path& path, const AtomicWriteOptions& options) {
    write_file_atomically(path, dataset_to_json_text(d), options);
}

}  // namespace boardscape
