// Inputs the fuzzers found (tests/fuzz_regressions/TARGET/*), replayed the way the fuzz target
// reads them (fuzz/fuzz_ons_csv.cpp): 3 to 5 CSV tables separated by the byte 0x1E go to the
// ONS importer, which must either refuse them with an ImportError at a position or produce a
// dataset that passes validation. Each file was a crash once; see tests/fuzz_regressions/README.
#include "boardscape/dataset_json.hpp"
#include "boardscape/import/ons_import.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace boardscape;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
    std::vector<fs::path> out;
    const fs::path dir = fs::path(BOARDSCAPE_SOURCE_DIR) / "tests" / "fuzz_regressions" / target;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename().string().rfind("crash-", 0) == 0) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("fuzz regressions: ONS importer inputs give a clear error or a valid dataset") {
    const auto files = inputs("ons_csv");
    REQUIRE(files.size() >= 5);
    const fs::path dir = fs::temp_directory_path() / ("boardscape-fuzz-regressions-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        const std::string input = read_all(file);
        std::vector<std::string> tables;
        for (std::size_t pos = 0;;) {
            const std::size_t sep = input.find('\x1e', pos);
            tables.push_back(input.substr(pos, sep == std::string::npos ? std::string::npos : sep - pos));
            if (sep == std::string::npos) break;
            pos = sep + 1;
        }
        REQUIRE(tables.size() >= 3);
        REQUIRE(tables.size() <= 5);
        const char* names[] = {"tiers.csv", "csp.csv", "health.csv", "nhs.csv", "probation.csv"};
        std::vector<fs::path> paths;
        for (std::size_t i = 0; i < tables.size(); ++i) {
            paths.push_back(dir / names[i]);
            std::ofstream(paths.back(), std::ios::binary) << tables[i];
        }
        import::ImportSources sources;
        sources.tiers = paths[0];
        sources.csp = paths[1];
        sources.health = paths[2];
        if (paths.size() > 3) sources.nhs_areas = paths[3];
        if (paths.size() > 4) sources.probation = paths[4];
        import::ImportOptions options;
        options.year = 2024;
        try {
            const import::ImportResult r = import::import_ons(sources, options);
            CHECK_NOTHROW((void)parse_dataset(dataset_to_json_text(r.dataset), "<imported>"));
        } catch (const import::ImportError& e) {
            // Refused with a position: these inputs all had a nameless authority.
            CHECK(e.line() > 0);
            CHECK(e.column() > 0);
            CHECK(e.message().find("missing name for") == 0);
        }
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
}
