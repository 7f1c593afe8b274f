// `boardscape import-members SHEET.csv --base BASE.json -o OUT.json [--dry-run]
// [--create-missing]`: members from a spreadsheet (DESIGN §8.1). The library plans (every rule,
// every problem with its line and column); this file prints the plan or applies it as the same
// plan the viewer applies as one Edit, validates the text and writes it atomically.
#include "commands.hpp"
#include "support.hpp"

#include "boardscape/dataset_json.hpp"
#include "boardscape/import/members.hpp"

#include <filesystem>
#include <iostream>
#include <sstream>
#include <unordered_map>

namespace boardscape::cli {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string counts(const import::MembersPlan& p) {
    std::string out = plural(p.people_added.size(), "person", "people") + " added, " +
                      plural(p.seats_added.size(), "seat", "seats") + " added, " +
                      plural(p.seats_updated.size(), "seat", "seats") + " updated, " +
                      plural(p.seats_unchanged, "seat", "seats") + " unchanged";
    if (!p.people_updated.empty())
        out += ", " + plural(p.people_updated.size(), "person", "people") + " updated";
    if (!p.agencies_added.empty())
        out += ", " + plural(p.agencies_added.size(), "agency", "agencies") + " added";
    return out;
}

/// The names of the people the plan adds, by id (a sheet of a million new people lists a
/// million seats: one lookup each, not a scan of the new people).
using NewNames = std::unordered_map<std::string_view, std::string_view>;

std::string seat_text(const Dataset& base, const NewNames& new_names, const Membership& m) {
    std::string who = m.person.value;
    if (const auto it = new_names.find(m.person.value); it != new_names.end())
        who = std::string(it->second) + " (" + who + ", new)";
    if (const auto i = base.find_person(m.person)) who = base.people[*i].name + " (" + who + ")";
    std::string board = m.board.value;
    if (const auto i = base.find_board(m.board)) board = base.boards[*i].name + " (" + board + ")";
    std::string out = who + " on " + board + ": " + std::string(to_string(m.role));
    if (m.represents) out += ", represents " + m.represents->value;
    if (m.from) out += ", from " + m.from->str();
    if (m.until) out += ", until " + m.until->str();
    return out;
}

/// What --dry-run prints: the counts, then every change with the sheet line it comes from.
std::string describe_plan(const Dataset& base, const import::MembersPlan& plan,
                          const std::string& sheet) {
    NewNames new_names;
    new_names.reserve(plan.people_added.size());
    for (const auto& p : plan.people_added) new_names.emplace(p.value.id.value, p.value.name);
    std::ostringstream out;
    out << sheet << ": " << plural(plan.rows, "row", "rows") << ": " << counts(plan)
        << " (dry run: nothing written)\n";
    if (!plan.agencies_added.empty()) {
        out << "agencies added:\n";
        for (const auto& a : plan.agencies_added) {
            out << "  line " << a.line << "  " << a.value.id.value << "  " << a.value.name << " ("
                << to_string(a.value.sector) << "; footprint";
            for (const auto& f : a.value.footprint) out << " " << f.value;
            out << ")\n";
        }
    }
    if (!plan.people_added.empty()) {
        out << "people added:\n";
        for (const auto& p : plan.people_added) {
            out << "  line " << p.line << "  " << p.value.id.value << "  " << p.value.name;
            if (p.value.agency) out << " (" << p.value.agency->value << ")";
            if (p.value.title) out << ", " << *p.value.title;
            out << "\n";
        }
    }
    if (!plan.people_updated.empty()) {
        out << "people updated:\n";
        for (const auto& u : plan.people_updated) {
            out << "  line " << u.line << "  " << u.after.id.value << ":";
            {
                const auto changes = import::describe_changes(u);
                for (std::size_t i = 0; i < changes.size(); ++i)
                    out << (i ? "; " : " ") << changes[i];
            }
            out << "\n";
        }
    }
    if (!plan.seats_added.empty()) {
        out << "seats added:\n";
        for (const auto& s : plan.seats_added)
            out << "  line " << s.line << "  " << seat_text(base, new_names, s.value) << "\n";
    }
    if (!plan.seats_updated.empty()) {
        out << "seats updated:\n";
        for (const auto& u : plan.seats_updated) {
            out << "  line " << u.line << "  " << seat_text(base, new_names, u.before) << ":";
            {
                const auto changes = import::describe_changes(u);
                for (std::size_t i = 0; i < changes.size(); ++i)
                    out << (i ? "; " : " ") << changes[i];
            }
            out << "\n";
        }
    }
    return out.str();
}

int run_import_members(const Args& args) {
    const std::string sheet = args.positional.at(0);
    const auto base_file = args.get("base");
    if (!base_file || base_file->empty())
        throw UsageError("option '--base BASE.json' is required (the dataset to add members to)");
    const bool dry_run = args.has("dry-run");
    const auto out = args.get("output");
    if (!dry_run && (!out || out->empty()))
        throw UsageError("option '-o OUT.json' is required (or --dry-run to only see the changes)");

    const auto loaded = load_input(*base_file);
    if (!loaded) return exit_input;
    const Dataset& base = loaded->dataset;
    const auto bytes = read_text_file(sheet);
    if (!bytes) return exit_input;

    import::MembersOptions opts;
    opts.create_missing = args.has("create-missing");
    const std::string name = display_name(sheet);
    const import::MembersPlan plan = import::plan_members_import(base, *bytes, name, opts);
    for (const auto& d : plan.diagnostics)
        std::cerr << import::format_sheet_diagnostic(name, d) << "\n";
    if (const std::size_t errors = plan.error_count(); errors > 0) {
        std::cerr << name << ": " << plural(errors, "error", "errors") << "; nothing written\n";
        return exit_input;
    }
    if (dry_run) {
        std::cout << describe_plan(base, plan, name);
        return exit_ok;
    }

    // The plan applied to a copy of BASE (the viewer applies the same plan as one Edit), then
    // the text to be written is validated by the file format's own validator.
    const Dataset result = import::apply_members_plan(base, plan);
    const std::string text = dataset_to_json_text(result);
    try {
        (void)parse_dataset(text, display_name(*out));
    } catch (const LoadError& e) {
        for (const auto& d : e.diagnostics())
            std::cerr << format_diagnostic(display_name(*out), d) << "\n";
        std::cerr << name << ": the result would not validate; nothing written\n";
        return exit_input;
    }
    if (!write_dataset_output(*out, text)) return exit_input;
    std::cerr << display_name(*out) << ": " << name << " (" << plural(plan.rows, "row", "rows")
              << "): " << counts(plan) << "\n";
    return exit_ok;
}

}  // namespace

Command command_import_members() {
    Command c;
    c.spec.name = "import-members";
    c.spec.synopsis = "SHEET.csv --base BASE.json -o OUT.json [--dry-run] [--create-missing]";
    c.spec.summary = "add people and seats from a members spreadsheet (CSV) to a dataset";
    c.spec.description =
        "SHEET is a CSV saved from a spreadsheet: one row per seat, a header row naming the\n"
        "columns in any order and case: person and board (required), agency, role (default\n"
        "member), represents, seniority, attendance, from, until (YYYY-MM-DD), source, title,\n"
        "person_id, and sector (for --create-missing). Comma or semicolon separated, UTF-8 or\n"
        "Windows-1252. datasets/templates/members.csv is a template.\n"
        "\n"
        "Boards, agencies and represents match an id, else a name (case and extra spaces do\n"
        "not matter). A person matches by person_id, else by name and agency; anyone else is\n"
        "added with an id made from the name. A seat is person + board + from: a row naming an\n"
        "existing seat updates the cells it fills, so importing the same sheet twice changes\n"
        "nothing. Every problem is listed as SHEET:LINE:COL: error: ... and nothing is written\n"
        "when there is any. OUT is validated and written atomically (a file it replaces, BASE\n"
        "included, is kept as OUT.bak).";
    c.spec.options = {
        {"base", 0, "BASE.json", "the dataset the members join (e.g. an extract of your area)"},
        {"output", 'o', "OUT.json", "where to write the result ('-' for standard output)"},
        {"dry-run", 0, "", "print what would change (people and seats added, seats updated)"},
        {"create-missing", 0, "",
         "create agencies the sheet names but BASE lacks (needs a sector column); never boards"},
    };
    c.spec.positional_names = {"SHEET.csv"};
    c.spec.min_positional = 1;
    c.spec.max_positional = 1;
    c.run = run_import_members;
    return c;
}

}  // namespace boardscape::cli
