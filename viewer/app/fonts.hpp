// Fonts and the ImGui style at the current UI scale. Text is rasterised from a real TTF
// (DejaVu Sans) at the scaled pixel size, and the atlas is rebuilt when the scale changes, so
// workshop mode at 3× is as crisp as 1× (stretching with FontGlobalScale would blur it).
#pragma once

#include <imgui.h>

#include <filesystem>
#include <optional>

namespace boardscape::viewer {

/// The first readable DejaVu Sans (or `bold` variant) in the usual system font folders, or the
/// file named by $BOARDSCAPE_FONT. nullopt: fall back to ImGui's built-in font.
std::optional<std::filesystem::path> find_ui_font(bool bold);

class FontSet {
public:
    static constexpr float base_size = 16.0f;  // px at scale 1

    /// Rebuilds the atlas for `scale` if it differs from the current one. Returns true when
    /// the atlas changed (the renderer must then re-upload its font texture).
    bool ensure(float scale);
    ImFont* ui() const { return m_ui; }
    ImFont* bold() const { return m_bold ? m_bold : m_ui; }
    float scale() const { return m_scale; }
    float size() const { return base_size * m_scale; }
    bool from_ttf() const { return m_from_ttf; }

private:
    float m_scale = 0;
    ImFont* m_ui = nullptr;
    ImFont* m_bold = nullptr;
    bool m_from_ttf = false;
};

/// Applies the viewer's theme to ImGui's style: light by default, black on white with strong
/// borders when `high_contrast`; sizes scaled by `scale`.
void apply_style(bool high_contrast, float scale);

}  // namespace boardscape::viewer
