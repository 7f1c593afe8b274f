// "Did you mean": the one edit-distance suggester of the library (DESIGN §3: the closest
// candidate within max(2, length/3) edits). The validator, the members-sheet importer and the
// CSV dataset importer all use it, so a typo gets the same suggestion whichever door it came in by.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace boardscape {

/// Optimal-string-alignment distance in bytes (an adjacent transposition costs 1, so "lcsb" is
/// one edit from "lscb"), or `bound + 1` as soon as it must exceed `bound`. `cells` is
/// increased by the work done (dynamic-programming cells).
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t bound,
                             std::size_t& cells);

/// The largest distance a suggestion may have for `word`: max(2, |word| / 3).
std::size_t suggestion_bound(std::string_view word);

/// Finds suggestions under a total work budget, so thousands of bad references against
/// thousands of candidates stay fast (suggestions simply stop when the budget is spent).
class Suggester {
public:
    static constexpr std::size_t default_budget_cells = 20'000'000;
    explicit Suggester(std::size_t budget_cells = default_budget_cells)
        : m_budget(budget_cells) {}

    /// The candidate closest to `word` within suggestion_bound(word), first in `candidates`
    /// order on ties; nullopt when none is close enough or the budget is spent.
    std::optional<std::string> closest(std::string_view word,
                                       std::span<const std::string_view> candidates);
    /// As closest(), but the index of the candidate.
    std::optional<std::size_t> closest_index(std::string_view word,
                                             std::span<const std::string_view> candidates);

private:
    std::size_t m_budget;
    std::size_t m_cells = 0;
};

}  // namespace boardscape
