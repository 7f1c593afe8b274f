// `boardscape format FILE [-o OUT | --in-place | --check]`: rewrites a dataset in canonical form
// (dataset_to_json_text: format field order, 2-space indent) through the atomic writer, so a
// kill at any moment leaves the target either as it was or complete. --in-place keeps the
// previous version as FILE.bak.
#include "commands.hpp"
#include "support.hpp"

#include <exception>
#include <iostream>

namespace boardscape::cli {

namespace {

int run_format(const Args& args) {
    const std::string& file = args.positional.at(0);
    const auto out = args.get("output");
    const bool in_place = args.has("in-place");
    const bool check = args.has("check");
    if (int(out.has_value()) + int(in_place) + int(check) > 1)
        throw UsageError("use at most one of '-o OUT', '--in-place' and '--check'");
    if (out && out->empty()) throw UsageError("option '-o' needs a file name");
    if ((in_place || check) && file == "-")
        throw UsageError("'--in-place' and '--check' need a file, not standard input");

    const auto text = read_text_file(file);
    if (!text) return exit_input;
    std::string canonical;
    {
        // load_input would read the file a second time; parse the text we already hold.
        const std::string name = display_name(file);
        try {
            LoadResult r = parse_dataset(*text, name);
            for (const auto& w : r.warnings) std::cerr << format_diagnostic(name, w) << "\n";
            canonical = dataset_to_json_text(r.dataset);
        } catch (const LoadError& e) {
            for (const auto& d : e.diagnostics()) std::cerr << format_diagnostic(name, d) << "\n";
            return exit_input;
        }
    }

    if (check) {
        if (canonical == *text) return exit_ok;
        std::cerr << file << ": not in canonical form (run 'boardscape format " << file
                  << " --in-place')\n";
        return exit_input;
    }
    if (!in_place && (!out || *out == "-")) return write_output("-", canonical) ? exit_ok : exit_input;
    return write_dataset_output(in_place ? file : *out, canonical) ? exit_ok : exit_input;
}

}  // namespace

Command command_format() {
    Command c;
    c.spec.name = "format";
    c.spec.synopsis = "FILE [-o OUT | --in-place | --check]";
    c.spec.summary = "rewrite a dataset in canonical form (stable order, 2-space indent)";
    c.spec.description =
        "Without -o or --in-place the canonical text goes to standard output. Files are\n"
        "replaced atomically (temporary file in the same folder, fsync, rename): killed at\n"
        "any moment, the target is either as it was or complete. A file replaced (FILE with\n"
        "--in-place, or an existing OUT) is kept as FILE.bak. Unknown keys (reported as\n"
        "warnings) are not kept.\n"
        "--check writes nothing and exits 1 when FILE is not already canonical.";
    c.spec.options = {
        {"output", 'o', "OUT",
         "write to OUT ('-' for standard output; an existing OUT is kept as OUT.bak)"},
        {"in-place", 0, "", "replace FILE, keeping the previous version as FILE.bak"},
        {"check", 0, "", "only check that FILE is in canonical form"},
    };
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_format;
    return c;
}

}  // namespace boardscape::cli
