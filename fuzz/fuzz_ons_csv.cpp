// libFuzzer target: the ONS CSV importer. Every input goes through parse_csv, column
// recognition and table classification. An input holding 3 to 5 tables separated by the byte
// 0x1E (tiers, csp, health[, nhs_areas[, probation]]) is also written to a private temporary
// folder and run through import_ons, whose result must pass validation after a write/parse round
// trip. ImportError is the only expected failure; anything else escaping is a finding.
#include "boardscape/dataset_json.hpp"
#include "boardscape/import/csv.hpp"
#include "boardscape/import/ons_columns.hpp"
#include "boardscape/import/ons_import.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace bi = boardscape::import;

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "fuzz_ons_csv: %s\n", what);
    std::abort();
}

/// One folder per fuzzing process, removed at exit.
struct Scratch {
    fs::path path;
    Scratch() {
        const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::string tmpl = (base / "boardscape-fuzz-ons-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) finding("mkdtemp failed");
        path = tmpl;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

fs::path put(const fs::path& dir, const char* name, std::string_view text) {
    const fs::path p = dir / name;
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(text.data(), static_cast<std::streamsize>(text.size()));
    return p;
}

// The tables of each input are written here; one folder for the whole fuzzing process.
Scratch g_scratch;

void parse_one(std::string_view table) {
    try {
        const bi::CsvTable t = bi::parse_csv(table, "<fuzz>");
        const auto cols = bi::recognise_columns(t);
        std::optional<int> vintage;
        (void)bi::classify_columns(cols, vintage);
        for (const auto& row : t.rows)
            for (std::size_t i = 0; i < t.header.size(); ++i) (void)t.cell(row, i);
    } catch (const bi::ImportError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> tables;
    for (std::size_t pos = 0;;) {
        const std::size_t sep = input.find('\x1e', pos);
        tables.push_back(input.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos));
        if (sep == std::string_view::npos) break;
        pos = sep + 1;
    }
    for (const auto& t : tables) parse_one(t);
    if (tables.size() < 3 || tables.size() > 5) return 0;

    bi::ImportSources sources;
    sources.tiers = put(g_scratch.path, "tiers.csv", tables[0]);
    sources.csp = put(g_scratch.path, "csp.csv", tables[1]);
    sources.health = put(g_scratch.path, "health.csv", tables[2]);
    if (tables.size() > 3) sources.nhs_areas = put(g_scratch.path, "nhs.csv", tables[3]);
    if (tables.size() > 4) sources.probation = put(g_scratch.path, "probation.csv", tables[4]);
    bi::ImportOptions options;
    options.year = 2024;
    bi::ImportResult result;
    try {
        result = bi::import_ons(sources, options);
    } catch (const bi::ImportError&) {
        return 0;
    }
    // The importer promises a valid dataset.
    try {
        (void)boardscape::parse_dataset(boardscape::dataset_to_json_text(result.dataset), "<imported>");
    } catch (const boardscape::LoadError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        finding("import_ons produced a dataset that does not validate");
    }
    return 0;
}
