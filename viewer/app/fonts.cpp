#include "app/fonts.hpp"

#include <cstdlib>
#include <system_error>

namespace boardscape::viewer {

namespace {
// Latin-1 (· × included) plus the dashes, quotes, ellipsis and arrows the viewer draws, and Δ and
// the minus sign of the Scenario panel's changes. The atlas keeps a pointer to this table, so it
// must outlive every build.
constexpr ImWchar k_glyph_ranges[] = {0x0020, 0x00FF, 0x0394, 0x0394, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0};
}  // namespace

std::optional<std::filesystem::path> find_ui_font(bool bold) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!bold)
        if (const char* env = std::getenv("BOARDSCAPE_FONT"); env && *env && fs::is_regular_file(env, ec))
            return fs::path(env);
    const char* name = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
    const char* dirs[] = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
                          "/usr/local/share/fonts", "/usr/share/fonts/truetype"};
    for (const char* d : dirs) {
        const fs::path p = fs::path(d) / name;
        if (fs::is_regular_file(p, ec)) return p;
    }
    return std::nullopt;
}

bool FontSet::ensure(float scale) {
    if (scale == m_scale && m_ui) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    m_ui = m_bold = nullptr;
    m_from_ttf = false;
    const float px = base_size * scale;
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    if (const auto regular = find_ui_font(false)) {
        m_ui = io.Fonts->AddFontFromFileTTF(regular->string().c_str(), px, &cfg, k_glyph_ranges);
        if (const auto bold = find_ui_font(true); bold && m_ui)
            m_bold = io.Fonts->AddFontFromFileTTF(bold->string().c_str(), px, &cfg, k_glyph_ranges);
        m_from_ttf = m_ui != nullptr;
    }
    if (!m_ui) {
        ImFontConfig def;
        def.SizePixels = px;
        m_ui = io.Fonts->AddFontDefault(&def);
    }
    io.FontDefault = m_ui;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    m_scale = scale;
    return true;
}

void apply_style(bool high_contrast, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.WindowBorderSize = 1;
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 5);
    style.CellPadding = ImVec2(6, 3);
    if (high_contrast) {
        ImVec4* c = style.Colors;
        c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.25f, 0.25f, 0.25f, 1);
        c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_Border] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.92f, 0.92f, 0.92f, 1);
        c[ImGuiCol_Header] = ImVec4(1.0f, 0.86f, 0.0f, 1);
        c[ImGuiCol_HeaderHovered] = ImVec4(1.0f, 0.8f, 0.0f, 1);
        c[ImGuiCol_Button] = ImVec4(0.9f, 0.9f, 0.9f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(1.0f, 0.86f, 0.0f, 1);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.93f, 0.93f, 0.93f, 1);
        style.FrameBorderSize = 1;
        style.WindowBorderSize = 2;
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace boardscape::viewer
