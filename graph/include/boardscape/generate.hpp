// Synthetic, governance-shaped landscapes of any size, for benchmarks and stress tests
// (`boardscape generate`): areas in counties with districts and unitaries, agencies of many
// sectors with footprints, boards of the DESIGN kinds with sub-groups, people with 1–5 seats,
// and heavy-tailed board sizes. Deterministic for a seed; the result passes validation.
#pragma once

#include "boardscape/model.hpp"

#include <cstddef>
#include <cstdint>

namespace boardscape {

struct GenerateOptions {
    std::size_t people = 1000;
    std::size_t boards = 100;  // top-level boards and sub-groups together (at least 1)
    std::uint64_t seed = 1;
};

/// Builds an indexed Dataset (reindex() already called).
Dataset generate_landscape(const GenerateOptions& opts);

}  // namespace boardscape
