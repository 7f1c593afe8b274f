#include "boardscape/suggest.hpp"

#include <algorithm>

namespace boardscape {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound, std::size_t* cells) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > bound) return bound + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    std::size_t prev_min = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (cells) *cells += m;
        // A transposition reaches back two rows, so stop only when both are past the bound.
        if (row_min > bound && prev_min > bound) return bound + 1;
        prev_min = row_min;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], bound + 1);
}

std::size_t suggestion_limit(std::string_view word) { return std::max<std::size_t>(2, word.size() / 3); }

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
    const std::size_t limit = suggestion_limit(word);
    std::optional<std::string> best;
    std::size_t best_d = limit + 1;
    for (const std::string_view c : candidates) {
        const std::size_t d = edit_distance(word, c, std::min(limit, best_d));
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
            if (d == 0) break;
        }
    }
    return best;
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    return closest_match(word, std::vector<std::string_view>(candidates.begin(), candidates.end()));
}

std::optional<std::size_t> Suggester::closest_index(std::string_view word,
                                                    std::span<const std::string_view> candidates) {
    const std::size_t limit = suggestion_limit(word);
    std::size_t best_d = limit + 1;
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < candidates.size() && m_cells <= m_budget; ++i) {
        const std::size_t d = edit_distance(word, candidates[i], std::min(limit, best_d - 1), &m_cells);
        if (d < best_d) {
            best_d = d;
            best = i;
            if (d == 0) break;
        }
    }
    return best;
}

std::optional<std::string> Suggester::closest(std::string_view word,
                                              std::span<const std::string_view> candidates) {
    if (auto i = closest_index(word, candidates)) return std::string(candidates[*i]);
    return std::nullopt;
}

}  // namespace boardscape
