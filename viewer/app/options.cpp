#include "app/options.hpp"

#include "boardscape/model.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <stdexcept>

namespace boardscape::viewer {

namespace {

int parse_int(const std::string& opt, const std::string& v, int lo, int hi) {
    std::size_t used = 0;
    int n = 0;
    try {
        n = std::stoi(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v.size() || n < lo || n > hi)
        throw std::invalid_argument(opt + ": expected a whole number from " + std::to_string(lo) + " to " +
                                    std::to_string(hi) + ", got '" + v + "'");
    return n;
}

const std::vector<std::string> k_options = {"--help",   "--screenshot",   "--size",      "--overlay",
                                            "--select", "--view",         "--workshop",   "--text-scale", "--anonymise",
                                            "--frames", "--bench-frames", "--state-out",  "--fill",
                                            "--borders", "--agency",      "--measure",    "--scenario",   "--baseline",
                                            "--merge",   "--merge-name",  "--merge-id",   "--merge-date",
                                            "--merge-kind", "--merge-cadence"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string with_guess(std::string msg, std::string_view word, const std::vector<std::string>& candidates) {
    if (const std::string g = closest_word(word, candidates); !g.empty()) msg += " (did you mean '" + g + "'?)";
    return msg;
}

}  // namespace

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = lower(word);
    const std::size_t limit = std::max<std::size_t>(2, (w.size() + 2) / 3);
    std::string best;
    std::size_t best_d = std::numeric_limits<std::size_t>::max();
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(w, lower(c));
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best_d <= limit ? best : std::string();
}

std::string unknown_entity_message(std::string_view id, const std::vector<std::string>& ids,
                                   const std::vector<std::string>& names) {
    std::string msg = "no entity with id '" + std::string(id) + "'";
    // A name typed instead of an id ("Shire LSCB" for "lscb") is the likeliest slip.
    const std::string want = lower(id);
    for (std::size_t i = 0; i < names.size() && i < ids.size(); ++i)
        if (lower(names[i]) == want) return msg + " (did you mean '" + ids[i] + "', the id of " + names[i] + "?)";
    return with_guess(msg, id, ids);
}

ViewerOptions parse_viewer_options(const std::vector<std::string>& args) {
    ViewerOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        std::string value;
        bool has_inline = false;
        if (a.rfind("--", 0) == 0) {
            if (const auto eq = a.find('='); eq != std::string::npos) {
                value = a.substr(eq + 1);
                a = a.substr(0, eq);
                has_inline = true;
            }
        }
        const auto next = [&]() -> std::string {
            if (has_inline) return value;
            if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
            return args[++i];
        };
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--screenshot") o.screenshot = next();
        else if (a == "--size") {
            const std::string v = next();
            const auto x = v.find('x');
            if (x == std::string::npos) throw std::invalid_argument("--size: expected WxH, got '" + v + "'");
            o.width = parse_int("--size", v.substr(0, x), 64, 8192);
            o.height = parse_int("--size", v.substr(x + 1), 64, 8192);
            o.size_given = true;
        } else if (a == "--overlay") {
            const std::string v = next();
            o.overlay = parse_overlay(v);
            if (!o.overlay)
                throw std::invalid_argument(with_guess("--overlay: unknown overlay '" + v + "'", v,
                                                       {"overlap", "boundaries", "load", "representation", "scenario", "none"}) +
                                            "; expected overlap, boundaries, load, representation, scenario or none");
        } else if (a == "--select") o.select = next();
        else if (a == "--view") {
            // A number is a saved view; "map" or "graph" the view that fills the canvas.
            const std::string v = next();
            if (const auto k = parse_view_kind(v)) o.view_kind = k;
            else if (!v.empty() && std::isdigit(static_cast<unsigned char>(v[0]))) o.view = parse_int("--view", v, 1, 100000);
            else throw std::invalid_argument(with_guess("--view: expected a saved view's number, graph or map, got '" + v + "'", v, {"graph", "map"}));
        } else if (a == "--fill") o.fill = next();
        else if (a == "--borders") {
            o.borders = next();
            if (*o.borders == "none") o.borders = std::string();
        } else if (a == "--agency") o.agency = next();
        else if (a == "--measure") {
            const std::string v = next();
            o.measure = parse_map_measure(v);
            if (!o.measure)
                throw std::invalid_argument(with_guess("--measure: unknown measure '" + v + "'", v,
                                                       {"regions", "expected_meetings", "load", "scenario"}) +
                                            "; expected regions, expected_meetings, load or scenario");
        } else if (a == "--scenario") o.scenario = true;
        else if (a == "--baseline") {
            o.baseline = std::filesystem::path(next());
            o.scenario = true;
        }
        else if (a == "--merge") {
            const std::string v = next();
            for (std::size_t at = 0; at <= v.size();) {
                const std::size_t comma = std::min(v.find(',', at), v.size());
                if (comma > at) o.merge.push_back(v.substr(at, comma - at));
                at = comma + 1;
            }
            if (o.merge.size() < 2) throw std::invalid_argument("--merge: expected two or more board ids, got '" + v + "'");
            o.scenario = true;
        } else if (a == "--merge-name") o.merge_name = next();
        else if (a == "--merge-id") o.merge_id = next();
        else if (a == "--merge-date") o.merge_date = next();
        else if (a == "--merge-cadence") o.merge_cadence = next();
        else if (a == "--merge-kind") {
            o.merge_kind = next();
            if (!parse_board_kind(*o.merge_kind)) {
                const auto names = board_kind_names();
                throw std::invalid_argument(
                    with_guess("--merge-kind: unknown board kind '" + *o.merge_kind + "'", *o.merge_kind,
                               std::vector<std::string>(names.begin(), names.end())) +
                    "; a kind is a board kind of the file format, such as sab or lscp");
            }
        }
        else if (a == "--workshop") o.workshop = true;
        else if (a == "--text-scale") {
            const std::string v = next();
            try {
                o.workshop_scale = std::stof(v);
            } catch (const std::exception&) {
                o.workshop_scale = -1;
            }
            if (!(o.workshop_scale >= 1 && o.workshop_scale <= 3))
                throw std::invalid_argument("--text-scale: expected 1 to 3, got '" + v + "'");
        } else if (a == "--anonymise" || a == "--anonymize") o.anonymise = true;
        else if (a == "--frames") o.frames = parse_int("--frames", next(), 1, 100000);
        else if (a == "--bench-frames") o.bench_frames = parse_int("--bench-frames", next(), 1, 1000000);
        else if (a == "--state-out") o.state_out = next();
        else if (!a.empty() && a[0] == '-') throw std::invalid_argument(with_guess("unknown option " + a, a, k_options));
        else if (o.file) throw std::invalid_argument("only one FILE may be given");
        else o.file = a;
    }
    // Naming or shaping a merger means nothing without one: refuse rather than ignore it.
    for (const auto& [name, given] : {std::pair{"--merge-name", o.merge_name.has_value()},
                                      std::pair{"--merge-id", o.merge_id.has_value()},
                                      std::pair{"--merge-date", o.merge_date.has_value()},
                                      std::pair{"--merge-kind", o.merge_kind.has_value()},
                                      std::pair{"--merge-cadence", o.merge_cadence.has_value()}})
        if (given && o.merge.empty())
            throw std::invalid_argument(std::string(name) + " needs --merge ID,ID[,...] (the boards to merge)");
    // The picture is always a PNG: a .jpg name would hold PNG bytes and mislead whatever opens it.
    if (o.screenshot) {
        std::string ext = o.screenshot->extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext != ".png")
            throw std::invalid_argument("--screenshot: '" + o.screenshot->string() +
                                        "' must end in .png (the viewer writes PNG pictures only)");
    }
    return o;
}

}  // namespace boardscape::viewer
