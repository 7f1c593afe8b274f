#include "panels/panel.hpp"

#include "canvas/marks.hpp"
#include "canvas/palette.hpp"

namespace boardscape::viewer {

void Panel::draw(PanelContext& ctx) {
    if (!visible || !has_contents(ctx)) return;
    if (m_rect) {
        ImGui::SetNextWindowPos(m_rect->first, ImGuiCond_Always);
        ImGui::SetNextWindowSize(m_rect->second, ImGuiCond_Always);
    }
    bool open = true;
    const bool shown = ImGui::Begin(m_title.c_str(), m_closable ? &open : nullptr, m_flags);
    if (shown) {
        begin_text_capture(ctx.text_log);
        draw_contents(ctx);
        end_text_capture(ctx.text_log);
    }
    ImGui::End();
    if (!open) on_closed();
}

void entity_link(PanelContext& ctx, const std::string& id, const char* suffix) {
    const std::string name = ctx.session.display_name(id, ctx.view.anonymise);
    std::string text = name.empty() ? id : name;
    if (suffix) text += suffix;
    ImGui::PushID(id.c_str());
    const bool selected = ctx.view.selected && *ctx.view.selected == id;
    if (ImGui::Selectable(text.c_str(), selected)) ctx.commands.push(SelectEntity{id, true});
    ImGui::PopID();
}

void swatch(ImU32 colour, bool disc, float size_px) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const float s = size_px;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + s * 0.5f, p.y + h * 0.5f);
    if (disc) {
        dl->AddCircleFilled(c, s * 0.5f, colour, 20);
        dl->AddCircle(c, s * 0.5f, IM_COL32(40, 40, 40, 255), 20, 1.0f);
    } else {
        dl->AddRectFilled(ImVec2(c.x - s * 0.5f, c.y - s * 0.5f), ImVec2(c.x + s * 0.5f, c.y + s * 0.5f), colour);
        dl->AddRect(ImVec2(c.x - s * 0.5f, c.y - s * 0.5f), ImVec2(c.x + s * 0.5f, c.y + s * 0.5f),
                    IM_COL32(40, 40, 40, 255));
    }
    ImGui::Dummy(ImVec2(s, h));
    ImGui::SameLine();
}

void mark_swatch(ImU32 fill, NodeMark mark, float size_px) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 c(p.x + size_px * 0.5f, p.y + h * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(c, size_px * 0.5f, fill, 20);
    draw_node_mark(dl, c, size_px * 0.5f, mark, fill, size_px / 14.0f);
    dl->AddCircle(c, size_px * 0.5f, IM_COL32(40, 40, 40, 255), 20, 1.0f);
    ImGui::Dummy(ImVec2(size_px, h));
    ImGui::SameLine();
}

void ring_swatch(RingStyle style, float size_px) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 c(p.x + size_px * 0.5f, p.y + h * 0.5f);
    constexpr float pi = 3.14159265f;
    draw_ring_segment(ImGui::GetWindowDrawList(), c, size_px * 0.36f, -pi * 0.9f, pi * 0.6f, size_px * 0.26f, style,
                      overlay_colour::ink, overlay_colour::paper);
    ImGui::Dummy(ImVec2(size_px, h));
    ImGui::SameLine();
}

}  // namespace boardscape::viewer
