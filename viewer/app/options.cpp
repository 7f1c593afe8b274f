#include "app/options.hpp"

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

}  // namespace

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
            if (!o.overlay) throw std::invalid_argument("--overlay: unknown overlay '" + v + "'");
        } else if (a == "--select") o.select = next();
        else if (a == "--view") o.view = parse_int("--view", next(), 1, 100000);
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
        else if (!a.empty() && a[0] == '-') throw std::invalid_argument("unknown option " + a);
        else if (o.file) throw std::invalid_argument("only one FILE may be given");
        else o.file = a;
    }
    return o;
}

}  // namespace boardscape::viewer
