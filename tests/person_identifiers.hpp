// What identifies a person in a dataset, for the privacy tests of the command line
// (tests/cli/test_anonymise.cpp) and the real window (tests/viewer/test_end_to_end.cpp): their
// names, each part of a name as a whole word, their ids (often made from the name) and the
// titles only they hold.
#pragma once

#include "boardscape/model.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace privacy_test {

struct PersonIdentifiers {
    std::vector<std::string> substrings;  // full names, ids, titles
    std::vector<std::string> words;       // name parts, matched as whole words

    explicit PersonIdentifiers(const boardscape::Dataset& d) {
        for (const auto& p : d.people) {
            substrings.push_back(p.name);
            substrings.push_back(p.id.str());
            // A title only one person holds identifies them; a shared one ("Lay member",
            // "Chief Executive") is also ordinary text on screen.
            if (p.title && std::count_if(d.people.begin(), d.people.end(),
                                         [&](const auto& q) { return q.title == p.title; }) == 1)
                substrings.push_back(*p.title);
            std::size_t start = 0;
            while (start < p.name.size()) {
                const std::size_t end = std::min(p.name.find(' ', start), p.name.size());
                if (end > start) words.push_back(p.name.substr(start, end - start));
                start = end + 1;
            }
        }
    }

    /// The first identifier found in `text`, or "" when it names no one.
    std::string leak(const std::string& text) const {
        for (const auto& s : substrings)
            if (text.find(s) != std::string::npos) return s;
        for (const auto& w : words)
            if (has_word(text, w)) return w;
        return "";
    }

    /// The word check is sound only when no name part is also part of an area's, agency's or
    /// board's name (those are shown anonymised or not); returns the first clash or "".
    std::string clash_with_entity_names(const boardscape::Dataset& d) const {
        std::string names;
        for (const auto& a : d.areas) names += a.name + "\n";
        for (const auto& a : d.agencies) names += a.name + "\n";
        for (const auto& b : d.boards) names += b.name + "\n";
        return leak(names);
    }

private:
    static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
    static bool has_word(const std::string& text, const std::string& word) {
        for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
            const bool left = at == 0 || !is_letter(text[at - 1]);
            const bool right = at + word.size() >= text.size() || !is_letter(text[at + word.size()]);
            if (left && right) return true;
        }
        return false;
    }
};

}  // namespace privacy_test
