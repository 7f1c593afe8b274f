// libFuzzer target: import-csv (a dataset as one CSV per entity array, DESIGN §8.1). An input is
// split at the byte 0x1E into up to seven parts: areas.csv, agencies.csv, boards.csv,
// people.csv, memberships.csv, relations.csv and meta.json, in that order. CsvDatasetError is
// the only expected failure; a dataset that loads must export and import back to the same JSON.
#include "boardscape/dataset_csv.hpp"
#include "boardscape/dataset_json.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_import_csv: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace bs = boardscape;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::map<std::string, std::string> files;
    std::size_t part = 0;
    for (std::size_t pos = 0; part < 7; ++part) {
        const std::size_t sep = input.find('\x1e', pos);
        const std::string_view text = input.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos);
        files[part < 6 ? bs::dataset_csv_files[part] : bs::dataset_csv_meta_file] = std::string(text);
        if (sep == std::string_view::npos) break;
        pos = sep + 1;
    }
    bs::CsvLoadResult first;
    try {
        first = bs::dataset_from_csv_files(files, "dir");
    } catch (const bs::CsvDatasetError& e) {
        if (e.diagnostics().empty()) finding("CsvDatasetError without a diagnostic");
        return 0;
    } catch (const std::exception& e) {
        finding("dataset_from_csv_files threw something other than CsvDatasetError", e.what());
    }
    // What loaded must survive the round trip unchanged (export refuses only a ';' in a list
    // item, which the reader cannot produce: it splits lists at ';').
    std::map<std::string, std::string> again;
    try {
        for (auto& [name, text] : bs::dataset_to_csv_files(first.dataset)) again[name] = std::move(text);
        const bs::CsvLoadResult second = bs::dataset_from_csv_files(again, "dir");
        if (bs::dataset_to_json_text(second.dataset) != bs::dataset_to_json_text(first.dataset))
            finding("export then import changed the dataset");
    } catch (const std::exception& e) {
        finding("a loaded dataset did not round-trip", e.what());
    }
    return 0;
}
