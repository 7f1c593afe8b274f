// The command table of `boardscape`. To add a command NAME: write cli/cmd_NAME.cpp defining
// `boardscape::cli::Command boardscape::cli::command_NAME()` and add one line `X(NAME)` to the
// list below. main.cpp dispatches, prints help and turns UsageError into exit code 2.
#pragma once

#include "args.hpp"

namespace boardscape::cli {

struct Command {
    CommandSpec spec;
    /// Runs the command on parsed arguments; returns the exit code. May throw UsageError.
    int (*run)(const Args& args) = nullptr;
};

// clang-format off
#define BOARDSCAPE_CLI_COMMANDS(X) \
    X(validate)                    \
    X(summary)                     \
    X(report)                      \
    X(export)                      \
    X(layout)                      \
    X(generate)                    \
    X(import_ons)                  \
    X(import_members)              \
    X(import_csv)                  \
    X(extract)                     \
    X(format)                      \
    X(map)                         \
    X(scenario)                    \
    X(compare)                     \
    /* one line per command above this comment, in the order `boardscape --help` lists them */
// clang-format on

#define BOARDSCAPE_CLI_DECLARE(name) Command command_##name();
BOARDSCAPE_CLI_COMMANDS(BOARDSCAPE_CLI_DECLARE)
#undef BOARDSCAPE_CLI_DECLARE

}  // namespace boardscape::cli
