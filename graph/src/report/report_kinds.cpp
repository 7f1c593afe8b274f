// The list of report kinds: each entry runs its analysis and builds its tables and JSON.
#include "boardscape/report/report_kinds.hpp"

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/report/report_json.hpp"

#include <algorithm>
#include <array>

namespace boardscape::report {

namespace {

const RepresentationRules& rules_of(const ReportInputs& in) {
    return in.rules != nullptr ? *in.rules : default_representation_rules();
}

template <class Result>
ReportOutput finish(const Result& r, const ReportInputs& in, bool json,
                    std::vector<Table> (*tables)(const Result&, const Dataset*)) {
    ReportOutput out;
    out.tables = tables(r, in.dataset);
    if (json) out.json = to_json(r);
    return out;
}

template <class Result>
std::vector<std::string> ids_of(std::vector<Table> (*tables)(const Result&, const Dataset*)) {
    std::vector<std::string> ids;
    for (const auto& t : tables(Result{}, nullptr)) ids.push_back(t.id);
    return ids;
}

ReportOutput run_overlap(const ReportInputs& in, bool json) {
    return finish(compute_overlap(*in.dataset, in.options), in, json, &overlap_tables);
}
ReportOutput run_boundaries(const ReportInputs& in, bool json) {
    BoundariesResult r = compute_boundaries(*in.dataset, in.options, rules_of(in));
    r.rules = in.rules_name;
    return finish(r, in, json, &boundaries_tables);
}
ReportOutput run_load(const ReportInputs& in, bool json) {
    return finish(compute_load(*in.dataset, in.options), in, json, &load_tables);
}
ReportOutput run_representation(const ReportInputs& in, bool json) {
    return finish(compute_representation(*in.dataset, in.options, rules_of(in)), in, json,
                  &representation_tables);
}

const std::array<ReportKind, 4> k_report_kinds = {{
    {"overlap", "board pairs sharing people, people on several boards, brokers", false, false,
     &run_overlap, [] { return ids_of(&overlap_tables); }},
    {"boundaries",
     "boards each agency must attend (expected and whole patch); partners, coterminosity",
     true, true, &run_boundaries, [] { return ids_of(&boundaries_tables); }},
    {"load", "seats, meetings and hours a year per person, agency and board", true, false,
     &run_load, [] { return ids_of(&load_tables); }},
    {"representation", "expected partner sectors and roles per board (statutory guidance)",
     false, true, &run_representation, [] { return ids_of(&representation_tables); }},
}};

}  // namespace

std::span<const ReportKind> report_kinds() { return k_report_kinds; }

const ReportKind* find_report_kind(std::string_view name) {
    const auto it = std::find_if(k_report_kinds.begin(), k_report_kinds.end(),
                                 [&](const ReportKind& k) { return k.name == name; });
    return it == k_report_kinds.end() ? nullptr : &*it;
}

}  // namespace boardscape::report
