// A record of the text the viewer drew straight onto draw lists (canvas labels, banners,
// legend lines), switched on by the render tests to prove that anonymised output names no one.
// Widget text is captured separately through ImGui's own log.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boardscape::viewer {

struct TextLog {
    bool enabled = false;
    std::vector<std::string> lines;
    void add(std::string_view s) {
        if (enabled) lines.emplace_back(s);
    }
};

}  // namespace boardscape::viewer
