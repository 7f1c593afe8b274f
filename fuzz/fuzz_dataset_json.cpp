// libFuzzer target: the dataset JSON loader and validator (parse_dataset), then — for inputs
// that load — the canonical writer (its text must load again to the same text) and the four
// analyses (load may refuse absurd numbers with std::range_error; see tests/graph/test_limits.cpp).
// Expected failures are LoadError (bad input) only; anything else escaping is a finding.
#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "fuzz_dataset_json: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    boardscape::LoadResult loaded;
    try {
        loaded = boardscape::parse_dataset(text, "<fuzz>");
    } catch (const boardscape::LoadError& e) {
        if (e.diagnostics().empty()) finding("LoadError without diagnostics");
        return 0;
    }
    // A loaded dataset writes canonically, and the canonical text is a fixed point.
    const std::string canonical = boardscape::dataset_to_json_text(loaded.dataset);
    try {
        const auto again = boardscape::parse_dataset(canonical, "<canonical>");
        if (boardscape::dataset_to_json_text(again.dataset) != canonical)
            finding("canonical text is not a fixed point");
    } catch (const boardscape::LoadError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        finding("canonical text of a valid dataset does not load");
    }
    // The analyses run on anything that validates; big inputs (the seed datasets) skip them,
    // as exact brokers on thousands of vertices would slow the whole run to one input a second.
    if (size > 16384) return 0;
    const boardscape::AnalysisOptions opts;
    (void)boardscape::compute_overlap(loaded.dataset, opts);
    (void)boardscape::compute_boundaries(loaded.dataset, opts);
    try {
        (void)boardscape::compute_load(loaded.dataset, opts);
    } catch (const std::range_error&) {
        // Absurd but finite numbers (1e308 meetings a year): a clear error, by design.
    }
    (void)boardscape::compute_representation(loaded.dataset, opts);
    return 0;
}
