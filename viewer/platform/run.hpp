// The viewer's two ways of running: the interactive window loop, and headless (screenshot or
// frame benchmark) through the offscreen path. main() only parses options and picks one.
#pragma once

#include "app/options.hpp"

namespace boardscape::viewer {

/// Returns the process exit code.
int run_interactive(const ViewerOptions& o);
int run_headless(const ViewerOptions& o);

}  // namespace boardscape::viewer
