// boardscape-viewer: parse the command line, then run the window or render headless.
#include "app/options.hpp"
#include "platform/run.hpp"

#include <iostream>
#include <stdexcept>

int main(int argc, char** argv) {
    using namespace boardscape::viewer;
    ViewerOptions o;
    try {
        o = parse_viewer_options(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::cerr << "boardscape-viewer: error: " << e.what() << "\n" << viewer_usage;
        return 2;
    }
    if (o.help) {
        std::cout << viewer_usage;
        return 0;
    }
    if (o.screenshot || o.bench_frames > 0) return run_headless(o);
    return run_interactive(o);
}
