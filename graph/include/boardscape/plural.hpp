// Counts in prose: "1 seat", "3 seats", "1 person", "2 people" — one helper so no message says
// "1 people" or "1 seats".
#pragma once

#include <string>
#include <string_view>

namespace boardscape {

/// `n` and the noun in the right number; the plural defaults to the singular with an "s".
inline std::string count_noun(long long n, std::string_view singular,
                              std::string_view plural = {}) {
    std::string out = std::to_string(n);
    out += ' ';
    if (n == 1 || n == -1)
        out += singular;
    else if (!plural.empty())
        out += plural;
    else
        (out += singular) += 's';
    return out;
}

/// "person" / "people".
inline std::string count_people(long long n) { return count_noun(n, "person", "people"); }

}  // namespace boardscape
