// Entry points of dataset_json.hpp: diagnostics formatting, the typed load error, parsing
// (json_parse.cpp, then json_validate.cpp) and reading files with a size limit. Writing lives
// in json_write.cpp.
#include "boardscape/dataset_json.hpp"

#include "json_internal.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace boardscape {

// [SECTION] Diagnostics

std::string format_diagnostic(std::string_view file, const Diagnostic& d) {
    std::string out(file);
    const std::string_view severity = d.severity == Severity::error ? "error" : "warning";
    if (d.io) {
        out += ": ";
        out += severity;
        out += ": ";
    } else if (d.line > 0) {
        out += ':' + std::to_string(d.line) + ':' + std::to_string(d.column) + ": ";
        out += severity;
        out += ": ";
    } else {
        out += ": ";
        out += severity;
        out += ": ";
        out += d.pointer.empty() ? std::string_view("(document)") : std::string_view(d.pointer);
        out += ": ";
    }
    out += d.message;
    return out;
}

namespace {

std::string format_all(const std::string& file, const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        if (!out.empty()) out += '\n';
        out += format_diagnostic(file, d);
    }
    return out;
}

[[noreturn]] void cannot_read(const std::string& file, const std::string& reason) {
    Diagnostic d;
    d.io = true;
    d.message = "cannot read: " + reason;
    throw LoadError(file, {d});
}

}  // namespace

LoadError::LoadError(std::string file, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(format_all(file, diagnostics)), m_file(std::move(file)), m_diagnostics(std::move(diagnostics)) {}

// [SECTION] Loading

LoadResult parse_dataset(std::string_view text, std::string_view file) {
    detail::ParsedJson parsed = detail::parse_json_text(text);
    if (parsed.error) throw LoadError(std::string(file), {*parsed.error});
    return detail::build_dataset(parsed.root(), file);
}

LoadResult load_dataset_file(const std::filesystem::path& path) {
    const std::string file = path.string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) cannot_read(file, std::strerror(errno));
    detail::BigText text;
    try {
        struct stat st {};
        if (::fstat(fd, &st) != 0) cannot_read(file, std::strerror(errno));
        if (S_ISDIR(st.st_mode)) cannot_read(file, "is a directory");
        const auto limit_text = "the limit is " + std::to_string(max_file_bytes) + " bytes";
        if (S_ISREG(st.st_mode)) {
            const auto size = static_cast<std::size_t>(st.st_size);
            if (size > max_file_bytes)
                cannot_read(file, "file too large (" + std::to_string(size) + " bytes; " + limit_text + ")");
            text.reserve(size);
        }
        // Read in chunks until end of file; pipes and growing files have no trustworthy size.
        char buffer[1 << 16];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n == 0) break;
            if (n < 0) {
                if (errno == EINTR) continue;
                cannot_read(file, std::strerror(errno));
            }
            if (text.size() + static_cast<std::size_t>(n) > max_file_bytes)
                cannot_read(file, "file too large (over " + limit_text + ")");
            text.append(buffer, static_cast<std::size_t>(n));
        }
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    return parse_dataset(std::string_view(text), file);
}

}  // namespace boardscape
