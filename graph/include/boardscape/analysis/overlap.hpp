// Overlap between top-level boards through shared people (DESIGN §4 "Overlap"), and brokers:
// Brandes betweenness on the person–board graph (Boost.Graph), exact up to a vertex cap and a
// labelled sampled estimate above it.
#pragma once

#include "boardscape/analysis/common.hpp"

#include <optional>
#include <string>
#include <vector>

namespace boardscape {

struct BoardPair {
    std::string a, b;  // board ids, a < b
    int shared = 0;
    double jaccard = 0;
    double min_overlap = 0;
    double newman_weight = 0;
};
struct PersonBoards {
    std::string id;
    int boards = 0;  // k_p: distinct top-level boards
};
struct Broker {
    std::string id;
    EntityType type = EntityType::person;  // person or board
    double betweenness = 0;                // normalised by (N-1)(N-2)/2
};

struct OverlapOptions {
    bool brokers = true;
    /// Above this many vertices betweenness is estimated from `sample_sources` pivots.
    std::size_t exact_broker_limit = 5000;
    std::size_t sample_sources = 256;
    unsigned sample_seed = 1;
};

struct OverlapResult {
    std::optional<Date> as_of;
    std::vector<BoardPair> board_pairs;  /// sorted by shared desc, then (a, b)
    std::vector<PersonBoards> people;    /// people with ≥ 1 counted membership; boards desc, id
    int multi_board_people = 0;
    std::optional<double> interlock_density;  // null when fewer than 2 active top-level boards
    std::vector<std::string> chairs_of_several;  /// person ids, sorted
    std::vector<Broker> brokers;                 /// betweenness desc, then id
    bool brokers_estimated = false;
};

OverlapResult compute_overlap(const Dataset& d, const AnalysisOptions& opts,
                              const OverlapOptions& overlap_opts = {});

}  // namespace boardscape
