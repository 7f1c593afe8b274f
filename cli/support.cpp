// Reading datasets with contract-shaped diagnostics, analysis options, output through the
// library's atomic writer.
#include "support.hpp"

#include "boardscape/atomic_write.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace boardscape::cli {

// [SECTION] Reading

std::string display_name(const std::string& file) { return file == "-" ? "<stdin>" : file; }

namespace {

void cannot_read(const std::string& file, const std::string& reason) {
    std::cerr << display_name(file) << ": error: cannot read: " << reason << "\n";
}

// Closes the descriptor on every path out of read_text_file.
struct FdGuard {
    int fd = -1;
    ~FdGuard() {
        if (fd > 2) ::close(fd);
    }
};

}  // namespace

std::optional<std::string> read_text_file(const std::string& file) {
    FdGuard guard;
    if (file == "-") {
        guard.fd = STDIN_FILENO;
    } else {
        guard.fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (guard.fd < 0) {
            cannot_read(file, std::strerror(errno));
            return std::nullopt;
        }
    }
    struct stat st {};
    if (::fstat(guard.fd, &st) != 0) {
        cannot_read(file, std::strerror(errno));
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        cannot_read(file, std::strerror(EISDIR));
        return std::nullopt;
    }
    const std::string too_big =
        "file is larger than " + std::to_string(max_file_bytes / (1024u * 1024u)) + " MiB";
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_file_bytes) {
        cannot_read(file, too_big);
        return std::nullopt;
    }
    std::string text;
    if (S_ISREG(st.st_mode)) text.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(guard.fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            cannot_read(file, std::strerror(errno));
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
        if (text.size() > max_file_bytes) {  // pipes and growing files have no size up front
            cannot_read(file, too_big);
            return std::nullopt;
        }
    }
    return text;
}

std::optional<LoadResult> load_input(const std::string& file) {
    const auto text = read_text_file(file);
    if (!text) return std::nullopt;
    const std::string name = display_name(file);
    try {
        LoadResult r = parse_dataset(*text, name);
        for (const auto& w : r.warnings) std::cerr << format_diagnostic(name, w) << "\n";
        return r;
    } catch (const LoadError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(name, d) << "\n";
        if (e.diagnostics().empty()) std::cerr << name << ": error: " << e.what() << "\n";
        return std::nullopt;
    }
}

// [SECTION] Options

AnalysisOptions analysis_options(const Args& args) {
    AnalysisOptions o;
    if (auto v = args.get("as-of")) o.as_of = parse_date_option("as-of", *v);
    if (auto v = args.get("prep-factor")) o.prep_factor = parse_non_negative("prep-factor", *v);
    if (auto v = args.get("travel-hours")) o.travel_hours = parse_non_negative("travel-hours", *v);
    return o;
}

// [SECTION] Writing

namespace {

bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void cannot_write(const std::string& path, const std::string& reason) {
    std::cerr << path << ": error: cannot write: " << reason << "\n";
}

}  // namespace

namespace {

bool write_to(const std::string& path, const std::string& text, const AtomicWriteOptions& options) {
    if (path == "-") {
        // Straight to the descriptor (after anything already buffered) so a failure such as a
        // full disk reports its real reason.
        std::cout.flush();
        if (!write_all(STDOUT_FILENO, text)) {
            cannot_write("<stdout>", std::strerror(errno));
            return false;
        }
        return true;
    }
    try {
        write_file_atomically(path, text, options);
    } catch (const WriteError& e) {
        cannot_write(path, e.reason());
        return false;
    }
    return true;
}

}  // namespace

bool write_output(const std::string& path, const std::string& text) {
    return write_to(path, text, {});
}

bool write_dataset_output(const std::string& path, const std::string& text) {
    AtomicWriteOptions options;
    options.keep_backup = true;  // a no-op when there is no file yet
    return write_to(path, text, options);
}

std::string xlsx_output(const Args& args) {
    const auto out = args.get("output");
    if (!out || out->empty() || *out == "-")
        throw UsageError("--format xlsx needs an output file: -o OUT.xlsx");
    return *out;
}

bool write_xlsx_output(const std::string& path, const std::vector<report::Table>& tables,
                       const report::WorkbookAbout& about) {
    std::string bytes;
    try {
        bytes = report::xlsx_workbook(tables, about);
    } catch (const std::exception& e) {
        cannot_write(path, e.what());
        return false;
    }
    return write_output(path, bytes);
}

}  // namespace boardscape::cli
