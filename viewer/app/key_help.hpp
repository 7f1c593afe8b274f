// The viewer's keys, once: Help > Keys draws this table, and a test checks it against the keys
// App::handle_key (app_menus.cpp) acts on and against the key tables of README.md and
// docs/viewer.md, so the three cannot drift apart.
#pragma once

#include <span>
#include <string_view>

namespace boardscape::viewer {

struct KeyHelp {
    std::string_view keys;    // ", "-separated: "S, 5", "Ctrl+Shift+Z, Ctrl+Y"
    std::string_view action;  // what they do
};

/// Every key the map and the menus answer to, in the order Help > Keys lists them.
std::span<const KeyHelp> key_help();

}  // namespace boardscape::viewer
