// The command line's shared argument parser. Each command declares its options and positional
// arguments in a CommandSpec; parse_args accepts options anywhere after the command name, as
// `--opt value` or `--opt=value` (and `-o value` for short names), and throws UsageError with a
// "did you mean" suggestion for anything it does not know. Exit codes live here too.
#pragma once

#include "boardscape/model.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_input = 1;  // invalid input or I/O failure
inline constexpr int exit_usage = 2;

/// A mistake on the command line: main prints "boardscape: error: WHAT" and the usage line.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string_view name;        // long name without dashes, e.g. "format"
    char short_name = 0;          // e.g. 'o' for -o; 0 for none
    std::string_view value_name;  // e.g. "FORMAT"; empty: a flag that takes no value
    std::string_view help;
};

struct CommandSpec {
    std::string_view name;
    std::string_view synopsis;        // what follows "boardscape NAME " in the usage line
    std::string_view summary;         // one line for `boardscape --help`
    std::string_view description;     // a paragraph for `boardscape NAME --help` ("" for none)
    std::vector<OptionSpec> options;  // --help/-h is implicit
    /// Names of the positional arguments for "missing FILE" messages (may be empty).
    std::vector<std::string_view> positional_names;
    std::size_t min_positional = 0;
    std::size_t max_positional = 0;
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string, std::less<>> options;  // long name → value ("" for flags)
    /// Every value of each option in command-line order, for options that may repeat
    /// (`scenario --cadence A=4 --cadence B=6`); `options` keeps the last.
    std::map<std::string, std::vector<std::string>, std::less<>> repeated;
    bool help = false;

    bool has(std::string_view name) const { return options.find(name) != options.end(); }
    std::optional<std::string> get(std::string_view name) const;
    /// All values given to option `name`, in order (empty when it was not given).
    std::vector<std::string> get_all(std::string_view name) const;
};

/// Parses the arguments after the command name. A later repeat of an option overrides an
/// earlier one. With --help present nothing else is checked. Throws UsageError.
Args parse_args(const CommandSpec& spec, std::span<const std::string> argv);

/// "usage: boardscape NAME SYNOPSIS"
std::string usage_line(const CommandSpec& spec);
/// The full help text of a command (usage, description, options).
std::string help_text(const CommandSpec& spec);

// [SECTION] Values and suggestions

/// Levenshtein distance (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate closest to `word` when within max(2, |word|/3) edits, else "".
std::string closest(std::string_view word, std::span<const std::string> candidates);
/// "unknown WHAT 'value' (did you mean 'x'?); expected one of: a, b, c" as a UsageError.
[[noreturn]] void throw_bad_choice(std::string_view what, std::string_view value,
                                   std::span<const std::string> choices);

/// A finite number ≥ 0 given to option `name`; anything else is a UsageError.
double parse_non_negative(std::string_view name, std::string_view text);
/// A whole number ≥ 1 given to option `name`.
std::size_t parse_positive_count(std::string_view name, std::string_view text);
/// A YYYY-MM-DD date given to option `name`.
Date parse_date_option(std::string_view name, std::string_view text);

}  // namespace boardscape::cli
