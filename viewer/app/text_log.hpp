// A record of the text the viewer drew straight onto draw lists (canvas labels, banners,
// legend lines), switched on by the render tests and the end-to-end state file to prove that
// anonymised output names no one. Widget text (panels, tooltips) is captured through ImGui's own log.
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

/// Starts capturing widget text of the current window (a panel, a tooltip) into `log`
/// (ImGui's log, which stops at the window's End); `end_text_capture` must run before that End.
void begin_text_capture(const TextLog* log);
void end_text_capture(TextLog* log);

}  // namespace boardscape::viewer
