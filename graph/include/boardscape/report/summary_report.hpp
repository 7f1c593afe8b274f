// `boardscape summary`: what a dataset holds — counts by entity type (and how many are active at
// the analysis date), boards by kind, agencies by sector — as tables and as JSON, both built
// from one description of each list.
#pragma once

#include "boardscape/analysis/common.hpp"
#include "boardscape/report/report_table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace boardscape::report {

struct SummaryCount {
    std::string key;    /// JSON key: "top_level_boards"
    std::string label;  /// table label: "top-level boards"
    long long total = 0;
    std::optional<long long> active;  /// none for areas and agencies (they have no dates)
};
struct SummaryKind {
    std::string kind;  /// board kind id, vocabulary order
    long long total = 0, active = 0, top_level_active = 0;
};
struct SummarySector {
    std::string sector;  /// vocabulary order
    long long agencies = 0;
};

struct DatasetSummary {
    std::string title;
    std::optional<Date> as_of;
    std::vector<SummaryCount> counts;
    std::vector<SummaryKind> kinds;      /// kinds with at least one board
    std::vector<SummarySector> sectors;  /// sectors with at least one agency
};

/// Counts at the analysis date (options.as_of, else meta.as_of, else everything active).
DatasetSummary summarise(const Dataset& d, const AnalysisOptions& options = {});

/// {"title", "as_of", "counts": {KEY: {"total", "active"?}}, "board_kinds": {KIND: {"total",
/// "active", "top_level_active"}}, "agency_sectors": {SECTOR: n}}; 2-space indent, final newline.
std::string to_json(const DatasetSummary& s);

/// counts, board_kinds (with each kind's label), agency_sectors.
std::vector<Table> summary_tables(const DatasetSummary& s);

}  // namespace boardscape::report
