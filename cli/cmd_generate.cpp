// `boardscape generate --people N --boards M [--seed S] -o OUT.json`: a valid synthetic
// landscape of any size for benchmarks and stress tests (the generator is in the library).
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/dataset_json.hpp"
#include "boardscape/generate.hpp"

#include <charconv>
#include <iostream>

namespace boardscape::cli {

namespace {

int run_generate(const Args& args) {
    const auto out = args.get("output");
    if (!out) throw UsageError("missing option '-o OUT.json' (use '-o -' for standard output)");
    if (out->empty()) throw UsageError("option '-o' needs a file name");
    const auto people = args.get("people");
    const auto boards = args.get("boards");
    if (!people) throw UsageError("missing option '--people N'");
    if (!boards) throw UsageError("missing option '--boards M'");
    GenerateOptions opts;
    opts.people = parse_positive_count("people", *people);
    opts.boards = parse_positive_count("boards", *boards);
    constexpr std::size_t limit = 10'000'000;
    if (opts.people > limit || opts.boards > limit)
        throw UsageError("--people and --boards are limited to 10000000");
    if (auto s = args.get("seed")) {
        const char* last = s->data() + s->size();
        const auto [ptr, ec] = std::from_chars(s->data(), last, opts.seed);
        if (s->empty() || ec != std::errc() || ptr != last)
            throw UsageError("option '--seed' needs a whole number >= 0, not '" + *s + "'");
    }
    const Dataset d = generate_landscape(opts);
    std::string text;
    try {
        text = dataset_to_json_text(d);
    } catch (const std::exception& e) {
        std::cerr << *out << ": error: " << e.what() << "\n";
        return exit_input;
    }
    return write_dataset_output(*out, text) ? exit_ok : exit_input;
}

}  // namespace

Command command_generate() {
    Command c;
    c.spec.name = "generate";
    c.spec.synopsis = "--people N --boards M [--seed S] -o OUT.json";
    c.spec.summary = "write a synthetic, valid landscape of any size (for benchmarks)";
    c.spec.description =
        "Areas (regions, counties with districts, unitaries), agencies of every sector with\n"
        "footprints, M boards of the statutory kinds (about 45% top-level, the rest sub-groups),\n"
        "and N people with 1-5 seats each; board sizes are heavy-tailed. Deterministic for a\n"
        "seed (default 1). OUT is replaced atomically (an existing OUT is kept as OUT.bak);\n"
        "'-o -' writes to standard output.";
    c.spec.options = {
        {"people", 0, "N", "number of people"},
        {"boards", 0, "M", "number of boards, sub-groups included"},
        {"seed", 0, "S", "random seed (default 1)"},
        {"output", 'o', "OUT", "output file ('-' for standard output)"},
    };
    c.spec.min_positional = 0;
    c.spec.max_positional = 0;
    c.run = run_generate;
    return c;
}

}  // namespace boardscape::cli
