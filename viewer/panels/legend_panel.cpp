#include "panels/legend_panel.hpp"

#include "app/kind_legend.hpp"
#include "app/vocab_labels.hpp"
#include "canvas/marks.hpp"
#include "canvas/palette.hpp"

#include <algorithm>
#include <set>

namespace boardscape::viewer {

namespace {

void legend_entry(const LegendEntry& e, float line_h) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = line_h * 1.6f;
    const ImVec2 c(p.x + w * 0.5f, p.y + line_h * 0.5f);
    const float r = line_h * 0.36f;
    switch (e.swatch) {
    case LegendEntry::Swatch::disc:
        dl->AddCircleFilled(c, r, e.colour, 24);
        draw_node_mark(dl, c, r, e.mark, e.colour, line_h / 18.0f);
        dl->AddCircle(c, r, IM_COL32(40, 40, 40, 255), 24, 1.0f);
        break;
    case LegendEntry::Swatch::square:
        dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), e.colour);
        break;
    case LegendEntry::Swatch::line:
        dl->AddLine(ImVec2(p.x, c.y), ImVec2(p.x + w, c.y), e.colour, std::max(1.0f, e.thickness * line_h / 18.0f));
        break;
    case LegendEntry::Swatch::ring: {
        // Three segments in the entry's style round a board-like disc, as on the map.
        dl->AddCircleFilled(c, r * 0.5f, IM_COL32(200, 200, 200, 255), 20);
        const float thick = line_h * 0.16f;
        for (std::size_t k = 0; k < 3; ++k) {
            const auto [a0, a1] = ring_segment_angles(3, k);
            draw_ring_segment(dl, c, r * 0.95f - thick * 0.5f + thick * 0.5f, a0, a1, thick, e.ring, e.colour,
                              overlay_colour::paper);
        }
        break;
    }
    case LegendEntry::Swatch::gradient:
        for (int i = 0; i < 8; ++i) {
            const float x0 = p.x + w * 2.0f * static_cast<float>(i) / 8.0f;
            dl->AddRectFilled(ImVec2(x0, p.y + line_h * 0.2f), ImVec2(x0 + w * 2.0f / 8.0f + 0.5f, p.y + line_h * 0.8f),
                              heat_colour(static_cast<float>(i) / 7.0f));
        }
        ImGui::Dummy(ImVec2(w * 2.0f, line_h));
        ImGui::SameLine();
        ImGui::TextUnformatted(e.text.c_str());
        return;
    }
    ImGui::Dummy(ImVec2(w, line_h));
    ImGui::SameLine();
    ImGui::TextWrapped("%s", e.text.c_str());
}

}  // namespace

LegendPanel::LegendPanel()
    : Panel("Legend", ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse) {}

void LegendPanel::draw_contents(PanelContext& ctx) {
    const bool workshop = ctx.view.workshop.enabled;
    if (!workshop) m_fit = 1.0f;
    ImGui::SetWindowFontScale(m_fit);
    const float h = ImGui::GetTextLineHeight();
    if (ctx.map_legend) {
        // The map view's key replaces the graph's (shapes, kinds and lines mean nothing there).
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("Map of England's districts (M: back to the graph)");
        for (const auto& e : *ctx.map_legend) {
            legend_entry(e, h);
            if (ctx.text_log) ctx.text_log->add(e.text);
        }
        ImGui::TextDisabled("Hover a hex for its district and regions; click to select its council.");
        ImGui::PopTextWrapPos();
    } else {
        draw_graph_legend(ctx, h);
    }
    fit_to_window(workshop);
}

void LegendPanel::draw_graph_legend(PanelContext& ctx, float h) {
    const bool workshop = ctx.view.workshop.enabled;
    const OverlayStyle& ov = ctx.overlay;
    if (ov.kind != Overlay::none) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(ov.title.c_str());
        for (const auto& e : ov.legend) legend_entry(e, h);
        for (const auto& line : ov.summary) ImGui::TextUnformatted(line.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();
    }
    // Shapes.
    const ImU32 grey = IM_COL32(150, 150, 150, 255);
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float r = h * 0.38f;
        float x = p.x + r;
        const char* names[] = {"Board", "Agency", "Person", "Area"};
        const float right = p.x + ImGui::GetContentRegionAvail().x;
        float y = p.y + h * 0.5f;
        float top = p.y;
        for (int k = 0; k < 4; ++k) {
            // Wrap to a new line rather than run past the window's edge at large text sizes.
            const float item_w = r * 2 + 4 + ImGui::CalcTextSize(names[k]).x;
            if (k > 0 && x - r + item_w > right) {
                x = p.x + r;
                top += h * 1.15f;
                y = top + h * 0.5f;
            }
            switch (k) {
            case 0: dl->AddCircleFilled(ImVec2(x, y), r, grey, 20); dl->AddCircle(ImVec2(x, y), r, IM_COL32(40, 40, 40, 255), 20, 1.2f); break;
            case 1: dl->AddRectFilled(ImVec2(x - r * 0.8f, y - r * 0.8f), ImVec2(x + r * 0.8f, y + r * 0.8f), grey); break;
            case 2: dl->AddCircleFilled(ImVec2(x, y), r * 0.45f, grey, 12); break;
            case 3: dl->AddQuadFilled(ImVec2(x, y - r * 0.6f), ImVec2(x + r * 0.6f, y), ImVec2(x, y + r * 0.6f), ImVec2(x - r * 0.6f, y), grey); break;
            }
            const float tw = ImGui::CalcTextSize(names[k]).x;
            dl->AddText(ImVec2(x + r + 4, top), ImGui::GetColorU32(ImGuiCol_Text), names[k]);
            x += r * 2 + 4 + tw + h * 0.9f;
        }
        ImGui::Dummy(ImVec2(right - p.x, top - p.y + h));
        if (ctx.text_log) ctx.text_log->add("Board Agency Person Area");
    }
    const bool recoloured_boards = ov.kind == Overlay::boundaries || ov.kind == Overlay::load;
    if (!recoloured_boards) {
        ImGui::TextDisabled("Boards by kind");
        for (const KindLegendItem& it : board_kind_legend(ctx.session.dataset()))
            legend_entry({LegendEntry::Swatch::disc, rgb_colour(it.rgb), it.text, 0}, h);
    }
    if (ov.kind != Overlay::load && ov.kind != Overlay::scenario) {
        ImGui::TextDisabled("Agencies and people by sector");
        std::set<std::string_view> groups;
        std::vector<Sector> firsts;
        for (const auto& a : ctx.session.dataset().agencies)
            if (groups.insert(sector_colour_group(a.sector)).second) firsts.push_back(a.sector);
        std::sort(firsts.begin(), firsts.end());
        for (Sector s : firsts)
            legend_entry({LegendEntry::Swatch::square, sector_colour(s), std::string(sector_colour_group(s)), 0}, h);
    }
    if (!workshop) {
        ImGui::TextDisabled("Lines");
        const CanvasTheme& th = canvas_theme(false);
        legend_entry({LegendEntry::Swatch::line, with_alpha(th.edge[0], 2.5f), "Membership (person on board)", 2}, h);
        legend_entry({LegendEntry::Swatch::line, th.edge[2], "Sub-group of", 4}, h);
        legend_entry({LegendEntry::Swatch::line, th.edge[3], "Relation between boards", 4}, h);
    }
}

void LegendPanel::fit_to_window(bool workshop) {
    // Measure against the window (scrolled content included) and shrink for the next frame.
    const float used = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    const float avail = ImGui::GetWindowHeight();
    m_overflow = used > avail + 1.0f;
    if (workshop && used > 0) {
        const float want = std::clamp(m_fit * avail / used * 0.98f, 0.45f, 1.0f);
        // Shrink at once; grow back only when clearly roomy, so wrapping cannot make it flicker.
        if (want < m_fit || want > m_fit * 1.06f) m_fit = want;
    }
    ImGui::SetWindowFontScale(1.0f);
}

}  // namespace boardscape::viewer
