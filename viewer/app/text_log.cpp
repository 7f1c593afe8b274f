#include "app/text_log.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace boardscape::viewer {

void begin_text_capture(const TextLog* log) {
    if (log && log->enabled && !GImGui->LogEnabled) ImGui::LogToBuffer();
}

void end_text_capture(TextLog* log) {
    if (!log || !log->enabled || !GImGui->LogEnabled) return;
    log->add(GImGui->LogBuffer.c_str());
    ImGui::LogFinish();
}

}  // namespace boardscape::viewer
