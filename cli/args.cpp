// The shared argument parser and value checks of the command line.
#include "args.hpp"

#include "boardscape/suggest.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace boardscape::cli {

std::optional<std::string> Args::get(std::string_view name) const {
    const auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::get_all(std::string_view name) const {
    const auto it = repeated.find(name);
    if (it == repeated.end()) return {};
    return it->second;
}

// [SECTION] Parsing

namespace {

const OptionSpec* find_long(const CommandSpec& spec, std::string_view name) {
    for (const auto& o : spec.options)
        if (o.name == name) return &o;
    return nullptr;
}

const OptionSpec* find_short(const CommandSpec& spec, char c) {
    for (const auto& o : spec.options)
        if (o.short_name != 0 && o.short_name == c) return &o;
    return nullptr;
}

std::vector<std::string> option_words(const CommandSpec& spec) {
    std::vector<std::string> words = {"--help"};
    for (const auto& o : spec.options) words.push_back("--" + std::string(o.name));
    return words;
}

[[noreturn]] void unknown_option(const CommandSpec& spec, std::string_view word) {
    const auto words = option_words(spec);
    std::string msg =
        "unknown option '" + std::string(word) + "' for '" + std::string(spec.name) + "'";
    // Compare the option's name without any "=value".
    const std::string_view bare = word.substr(0, word.find('='));
    const std::string guess = closest(bare, words);
    if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
    throw UsageError(msg);
}

}  // namespace

Args parse_args(const CommandSpec& spec, std::span<const std::string> argv) {
    Args args;
    // --help anywhere (before "--") wins over every other mistake on the line.
    for (const auto& a : argv) {
        if (a == "--") break;
        if (a == "--help" || a == "-h") args.help = true;
    }
    bool only_positional = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positional || a == "-" || a.size() < 2 || a[0] != '-') {
            args.positional.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            args.help = true;
            continue;
        }
        const OptionSpec* opt = nullptr;
        std::optional<std::string> inline_value;
        std::string shown;  // the option as the user should see it in messages
        if (a.rfind("--", 0) == 0) {
            const auto eq = a.find('=');
            const std::string name =
                a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            if (eq != std::string::npos) inline_value = a.substr(eq + 1);
            if (name == "help") {
                if (inline_value) throw UsageError("option '--help' takes no value");
                args.help = true;
                continue;
            }
            opt = find_long(spec, name);
            shown = "--" + name;
        } else {
            opt = find_short(spec, a[1]);
            shown = a.substr(0, 2);
            if (a.size() > 2) inline_value = a.substr(a[2] == '=' ? 3 : 2);
        }
        if (opt == nullptr) {
            if (args.help) continue;  // --help wins over everything else
            unknown_option(spec, a);
        }
        std::string value;
        if (opt->value_name.empty()) {
            if (inline_value) throw UsageError("option '" + shown + "' takes no value");
        } else if (inline_value) {
            value = *inline_value;
        } else if (i + 1 < argv.size()) {
            value =
                argv[++i];  // may start with '-': "--prep-factor -1" is a bad value, not an option
        } else {
            throw UsageError("option '" + shown + "' needs a value (" +
                             std::string(opt->value_name) + ")");
        }
        args.repeated[std::string(opt->name)].push_back(value);
        args.options[std::string(opt->name)] = value;
    }
    if (args.help) return args;
    if (args.positional.size() < spec.min_positional) {
        const std::size_t n = args.positional.size();
        if (n < spec.positional_names.size())
            throw UsageError("missing " + std::string(spec.positional_names[n]));
        throw UsageError("missing arguments");
    }
    if (args.positional.size() > spec.max_positional)
        throw UsageError("unexpected argument '" + args.positional[spec.max_positional] + "'");
    return args;
}

std::string usage_line(const CommandSpec& spec) {
    return "usage: boardscape " + std::string(spec.name) + " " + std::string(spec.synopsis);
}

std::string help_text(const CommandSpec& spec) {
    std::string out = usage_line(spec) + "\n\n" + std::string(spec.summary) + "\n";
    if (!spec.description.empty()) {
        out += '\n';
        out += spec.description;
        out += '\n';
    }
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& o : spec.options) {
        // Appending piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + string here.
        std::string left;
        if (o.short_name != 0) {
            left += '-';
            left += o.short_name;
            left += ", ";
        } else {
            left += "    ";
        }
        left += "--";
        left += o.name;
        if (!o.value_name.empty()) {
            left += ' ';
            left += o.value_name;
        }
        rows.emplace_back(left, std::string(o.help));
    }
    rows.emplace_back("-h, --help", "show this help and exit");
    std::size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.first.size());
    out += "\noptions:\n";
    for (const auto& [left, help] : rows)
        out += "  " + left + std::string(width - left.size() + 2, ' ') + help + "\n";
    return out;
}

// [SECTION] Values and suggestions

std::string closest(std::string_view word, std::span<const std::string> candidates) {
    return closest_match(word, std::vector<std::string>(candidates.begin(), candidates.end())).value_or("");
}

void throw_bad_choice(std::string_view what, std::string_view value,
                      std::span<const std::string> choices) {
    std::string msg = "unknown " + std::string(what) + " '" + std::string(value) + "'";
    const std::string guess = closest(value, choices);
    if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
    msg += "; expected one of: ";
    for (std::size_t i = 0; i < choices.size(); ++i) msg += (i > 0 ? ", " : "") + choices[i];
    throw UsageError(msg);
}

double parse_non_negative(std::string_view name, std::string_view text) {
    double v = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, v);
    const std::string where = "option '--" + std::string(name) + "'";
    if (text.empty() || ec == std::errc::invalid_argument || ptr != last)
        throw UsageError(where + " needs a number, not '" + std::string(text) + "'");
    if (ec == std::errc::result_out_of_range || !std::isfinite(v))
        throw UsageError(where + " needs a finite number, not '" + std::string(text) + "'");
    if (v < 0) throw UsageError(where + " must not be negative, got '" + std::string(text) + "'");
    return v == 0 ? 0.0 : v;  // no "-0"
}

std::size_t parse_positive_count(std::string_view name, std::string_view text) {
    std::size_t v = 0;
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), last, v);
    if (text.empty() || ec != std::errc() || ptr != last || v == 0)
        throw UsageError("option '--" + std::string(name) + "' needs a whole number >= 1, not '" +
                         std::string(text) + "'");
    return v;
}

Date parse_date_option(std::string_view name, std::string_view text) {
    const auto d = Date::parse(text);
    if (!d)
        throw UsageError("option '--" + std::string(name) + "' needs a date YYYY-MM-DD, not '" +
                         std::string(text) + "'");
    return *d;
}

}  // namespace boardscape::cli
