#include "panels/errors_panel.hpp"

namespace boardscape::viewer {

ErrorsPanel::ErrorsPanel() : Panel("Problems", ImGuiWindowFlags_NoCollapse) { m_closable = true; }

void ErrorsPanel::draw_contents(PanelContext&) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.0f, 1), "%s", m_report.heading.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::BeginChild("lines", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false,
                      ImGuiWindowFlags_HorizontalScrollbar);
    for (const auto& l : m_report.lines) ImGui::TextUnformatted(l.c_str());
    ImGui::EndChild();
    if (ImGui::Button("Close")) clear();
}

}  // namespace boardscape::viewer
