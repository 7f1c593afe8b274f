// "Did you mean …?": the one edit distance and closest-match rule every error message uses
// (DESIGN §3: suggest the closest candidate when it is within max(2, length/3) edits).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape {

/// Optimal-string-alignment distance (adjacent transpositions cost 1, so "lcsb" is one edit
/// from "lscb"), or `bound + 1` as soon as it must exceed `bound`. `cells`, when given, is
/// increased by the work done (callers with many candidates keep a budget).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound = std::size_t(-1) / 2,
                          std::size_t* cells = nullptr);

/// max(2, word.size() / 3): how far a suggestion may be from what was typed.
std::size_t suggestion_limit(std::string_view word);

/// The candidate closest to `word` within suggestion_limit(word) (ties: the first), or none.
/// A candidate equal to `word` is returned as is.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates);
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// closest_match under a total work budget, for callers that may ask thousands of times (a
/// spreadsheet with the same typo on many rows, against hundreds of names): once the budget
/// of edit-distance cells is spent, suggestions simply stop, so a hostile input stays fast.
class Suggester {
public:
    static constexpr std::size_t default_budget_cells = 20'000'000;
    explicit Suggester(std::size_t budget_cells = default_budget_cells) : m_budget(budget_cells) {}

    /// As closest_match, but the index of the candidate.
    std::optional<std::size_t> closest_index(std::string_view word,
                                             std::span<const std::string_view> candidates);
    std::optional<std::string> closest(std::string_view word,
                                       std::span<const std::string_view> candidates);

private:
    std::size_t m_budget;
    std::size_t m_cells = 0;
};

}  // namespace boardscape
