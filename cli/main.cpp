// `boardscape`: the headless command line over the graph library (DESIGN §5). main() finds the
// command, parses its arguments, runs it, and is the one place that turns a usage mistake into
// exit code 2 and any other escaped exception into a message and exit code 1.
#include "commands.hpp"

#include <algorithm>
#include <exception>
#include <iostream>
#include <new>
#include <span>
#include <string>
#include <vector>

#ifndef BOARDSCAPE_VERSION
#define BOARDSCAPE_VERSION "0.0.0"
#endif

namespace boardscape::cli {
namespace {

std::vector<Command> all_commands() {
#define BOARDSCAPE_CLI_ENTRY(name) command_##name(),
    return {BOARDSCAPE_CLI_COMMANDS(BOARDSCAPE_CLI_ENTRY)};
#undef BOARDSCAPE_CLI_ENTRY
}

constexpr const char* k_main_usage = "usage: boardscape COMMAND [ARGS] [OPTIONS]";

std::string main_help(const std::vector<Command>& commands) {
    std::string out = std::string("boardscape ") + BOARDSCAPE_VERSION +
                      " - map the strategic board landscape: boards, partners, footprints, "
                      "load\n\n" +
                      k_main_usage + "\n\ncommands:\n";
    std::size_t width = 4;  // "help"
    for (const auto& c : commands) width = std::max(width, c.spec.name.size());
    for (const auto& c : commands)
        out += "  " + std::string(c.spec.name) + std::string(width - c.spec.name.size() + 2, ' ') +
               std::string(c.spec.summary) + "\n";
    out += "  help" + std::string(width - 4 + 2, ' ') +
           "show a command's help: boardscape help COMMAND\n";
    out +=
        "\noptions:\n  -h, --help     show this help\n      --version  print the version\n"
        "\nRun 'boardscape COMMAND --help' for a command's arguments and options.\n"
        "Exit codes: 0 success, 1 invalid input or I/O failure, 2 usage error.\n";
    return out;
}

int usage_error(const std::string& message, const std::string& usage,
                const std::string& hint = "") {
    std::cerr << "boardscape: error: " << message << "\n" << usage << "\n";
    if (!hint.empty()) std::cerr << hint << "\n";
    return exit_usage;
}

const Command* find_command(const std::vector<Command>& commands, std::string_view name) {
    for (const auto& c : commands)
        if (c.spec.name == name) return &c;
    return nullptr;
}

int unknown_command(const std::vector<Command>& commands, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& c : commands) names.emplace_back(c.spec.name);
    names.emplace_back("help");
    std::string msg = "unknown command '" + name + "'";
    const std::string guess = closest(name, names);
    if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
    return usage_error(msg, k_main_usage, "Run 'boardscape --help' for the list of commands.");
}

int run(int argc, char** argv) {
    const std::vector<Command> commands = all_commands();
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    if (args.empty())
        return usage_error("no command given", k_main_usage,
                           "Run 'boardscape --help' for the list of commands.");
    const std::string first = args.front();
    if (first == "--help" || first == "-h") {
        std::cout << main_help(commands);
        return exit_ok;
    }
    if (first == "--version") {
        std::cout << "boardscape " << BOARDSCAPE_VERSION << "\n";
        return exit_ok;
    }
    if (first == "help") {
        if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
            std::cout << main_help(commands);
            return exit_ok;
        }
        const Command* c = find_command(commands, args[1]);
        if (c == nullptr) return unknown_command(commands, args[1]);
        std::cout << help_text(c->spec);
        return exit_ok;
    }
    if (first.size() > 1 && first[0] == '-') {
        std::vector<std::string> words = {"--help", "--version"};
        std::string msg = "unknown option '" + first + "'";
        const std::string guess = closest(first, words);
        if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
        return usage_error(msg + "; options go after the command", k_main_usage);
    }
    const Command* cmd = find_command(commands, first);
    if (cmd == nullptr) return unknown_command(commands, first);
    try {
        const Args parsed = parse_args(cmd->spec, std::span<const std::string>(args).subspan(1));
        if (parsed.help) {
            std::cout << help_text(cmd->spec);
            return exit_ok;
        }
        return cmd->run(parsed);
    } catch (const UsageError& e) {
        return usage_error(
            e.what(), usage_line(cmd->spec),
            "Run 'boardscape " + std::string(cmd->spec.name) + " --help' for its options.");
    }
}

}  // namespace
}  // namespace boardscape::cli

int main(int argc, char** argv) {
    // Nothing may escape: every failure becomes a message and an exit code.
    try {
        return boardscape::cli::run(argc, argv);
    } catch (const std::bad_alloc&) {
        std::cerr << "boardscape: error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "boardscape: error: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "boardscape: error: unexpected failure\n";
    }
    return boardscape::cli::exit_input;
}
