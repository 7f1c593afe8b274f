// The report kinds (`boardscape report KIND`, the viewer's analysis panel): one list saying,
// for each kind, what it is, which options it takes, how it is computed and what tables and
// JSON it gives. A new report is one entry here; the command line and the viewer read the list.
#pragma once

#include "boardscape/analysis/common.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/report/report_table.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::report {

struct ReportInputs {
    const Dataset* dataset = nullptr;
    AnalysisOptions options;
    const RepresentationRules* rules = nullptr;  /// nullptr: the built-in rules
    std::string rules_name = "built-in";         /// shown in boundaries' notes and JSON
};

struct ReportOutput {
    std::vector<Table> tables;  /// names from the dataset
    std::string json;           /// DESIGN §5, when asked for
};

struct ReportKind {
    std::string_view name;     /// "overlap"
    std::string_view summary;  /// one line
    bool takes_hours = false;  /// --prep-factor, --travel-hours
    bool takes_rules = false;  /// --rules
    /// Computes the analysis; fills json only when `json` is true.
    ReportOutput (*run)(const ReportInputs& in, bool json) = nullptr;
    /// The table ids this kind gives, in order (from an empty result).
    std::vector<std::string> (*table_ids)() = nullptr;
};

/// Every report kind, in the order the command line lists them.
std::span<const ReportKind> report_kinds();
/// The kind called `name`, else nullptr.
const ReportKind* find_report_kind(std::string_view name);

}  // namespace boardscape::report
