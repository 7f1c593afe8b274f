// libFuzzer target: the members sheet importer (import-members, DESIGN §8.1). Every input is a
// sheet planned against a small base whose boards and agencies carry the template's names, so
// the fuzzer reaches the matching and applying paths, not only the reader. The first byte's
// low bit switches --create-missing. The plan must never throw; a plan without errors must
// apply, give a dataset that validates, and import again into no change (idempotence).
#include "boardscape/dataset_json.hpp"
#include "boardscape/import/members.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_members_sheet: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
    std::abort();
}

const char* const k_base = R"({"format": "boardscape", "version": 1, "meta": {"title": "Leeds", "as_of": "2024-07-01"},
  "areas": [{"id": "leeds", "name": "Leeds", "code": "E08000035"}],
  "agencies": [
    {"id": "la-leeds", "name": "Leeds Council", "sector": "local_authority", "footprint": ["leeds"]},
    {"id": "police-wy", "name": "West Yorkshire Police", "sector": "police", "footprint": ["leeds"]},
    {"id": "icb-wy", "name": "NHS West Yorkshire Integrated Care Board", "sector": "health_commissioner", "footprint": ["leeds"]}],
  "boards": [
    {"id": "lscp-leeds", "name": "Leeds Safeguarding Children Partnership", "kind": "lscp", "footprint": ["leeds"], "meetings_per_year": 6, "meeting_hours": 3},
    {"id": "hwb-leeds", "name": "Leeds Health and Wellbeing Board", "kind": "hwb", "footprint": ["leeds"], "meetings_per_year": 4, "meeting_hours": 2},
    {"id": "sub-leeds", "name": "Leeds Learning Group", "kind": "lscp", "parent": "lscp-leeds", "footprint": ["leeds"], "meetings_per_year": 4, "meeting_hours": 2}],
  "people": [{"id": "p-alex-example", "name": "Alex Example", "agency": "la-leeds"}],
  "memberships": [{"person": "p-alex-example", "board": "hwb-leeds", "role": "member"}]})";

// Parsed once for the whole fuzzing process.
const boardscape::Dataset g_base = boardscape::parse_dataset(k_base, "base.json").dataset;
const boardscape::Dataset& base() { return g_base; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace bs = boardscape;
    namespace bi = boardscape::import;
    const std::string_view sheet(reinterpret_cast<const char*>(data), size);
    bi::MembersOptions options;
    options.create_missing = size > 0 && (data[0] & 1) != 0;
    bi::MembersPlan plan;
    try {
        plan = bi::plan_members_import(base(), sheet, "sheet.csv", options);
    } catch (const std::exception& e) {
        finding("plan_members_import threw", e.what());
    }
    for (const auto& diag : plan.diagnostics)
        if (diag.line < 0 || diag.column < 0 || diag.message.empty()) finding("a diagnostic without a place or message");
    if (!plan.ok()) return 0;
    bs::Dataset out;
    try {
        out = bi::apply_members_plan(base(), plan);
        (void)bi::members_edit(base(), plan);
    } catch (const std::exception& e) {
        finding("a plan without errors did not apply", e.what());
    }
    try {
        out = bs::parse_dataset(bs::dataset_to_json_text(out), "out.json").dataset;
    } catch (const bs::LoadError& e) {
        finding("the imported dataset does not validate", e.what());
    }
    const bi::MembersPlan again = bi::plan_members_import(out, sheet, "sheet.csv", options);
    if (!again.ok()) finding("the sheet imported once has errors the second time");
    if (!again.no_change()) finding("importing the same sheet twice changed something");
    return 0;
}
