// `boardscape validate FILE`: every problem listed with its pointer (exit 1), or one line of
// counts (exit 0). Warnings go to stderr either way.
#include "commands.hpp"
#include "support.hpp"

#include <iostream>

namespace boardscape::cli {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int validate_one(const std::string& file) {
    const auto loaded = load_input(file);
    if (!loaded) return exit_input;
    const Dataset& d = loaded->dataset;
    std::cout << display_name(file) << ": ok: " << plural(d.areas.size(), "area", "areas") << ", "
              << plural(d.agencies.size(), "agency", "agencies") << ", "
              << plural(d.boards.size(), "board", "boards") << ", "
              << plural(d.people.size(), "person", "people") << ", "
              << plural(d.memberships.size(), "membership", "memberships") << ", "
              << plural(d.relations.size(), "relation", "relations");
    if (!loaded->warnings.empty())
        std::cout << " (" << plural(loaded->warnings.size(), "warning", "warnings") << ")";
    std::cout << "\n";
    return exit_ok;
}

int run_validate(const Args& args) {
    int rc = exit_ok;
    for (const auto& file : args.positional)
        if (validate_one(file) != exit_ok) rc = exit_input;
    return rc;
}

}  // namespace

Command command_validate() {
    Command c;
    c.spec.name = "validate";
    c.spec.synopsis = "FILE [FILE...]";
    c.spec.summary = "check a dataset file; list every problem, or print its counts";
    c.spec.description =
        "Errors go to stderr as FILE:LINE:COL: error: ... (JSON syntax) or\n"
        "FILE: error: /json/pointer: ... (validation); warnings as FILE: warning: ....\n"
        "FILE may be '-' for standard input. Exit code 1 when any file has errors.";
    c.spec.positional_names = {"FILE"};
    c.spec.min_positional = 1;
    c.spec.max_positional = static_cast<std::size_t>(-1);
    c.run = run_validate;
    return c;
}

}  // namespace boardscape::cli
