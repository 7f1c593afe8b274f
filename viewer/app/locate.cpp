#include "app/locate.hpp"

#include <system_error>
#include <vector>

namespace boardscape::viewer {

std::optional<std::filesystem::path> executable_path() {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return p;
}

std::optional<std::filesystem::path> find_bundled_dataset(std::string_view name) {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (const auto exe = executable_path()) {
        const fs::path bin = exe->parent_path();
        candidates.push_back(bin / "datasets" / name);
        candidates.push_back(bin.parent_path() / "share" / "boardscape" / "datasets" / name);
        // build/bin → source tree when the build folder sits inside it.
        candidates.push_back(bin.parent_path() / "datasets" / name);
        candidates.push_back(bin.parent_path().parent_path() / "datasets" / name);
    }
#ifdef BOARDSCAPE_SOURCE_DIR
    candidates.push_back(fs::path(BOARDSCAPE_SOURCE_DIR) / "datasets" / name);
#endif
#ifdef BOARDSCAPE_INSTALL_PREFIX
    candidates.push_back(fs::path(BOARDSCAPE_INSTALL_PREFIX) / "share" / "boardscape" / "datasets" / name);
#endif
    std::error_code ec;
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, ec)) return c;
    return std::nullopt;
}

}  // namespace boardscape::viewer
