#include "canvas/marks.hpp"

#include "canvas/palette.hpp"

#include <algorithm>
#include <cmath>

namespace boardscape::viewer {

namespace {

/// Perceived lightness of a colour (0–255), to pick ink or paper for a mark on it.
float lightness(ImU32 c) {
    const auto ch = [&](int shift) { return static_cast<float>((c >> shift) & 0xFF); };
    return 0.2126f * ch(IM_COL32_R_SHIFT) + 0.7152f * ch(IM_COL32_G_SHIFT) +
           0.0722f * ch(IM_COL32_B_SHIFT);
}

}  // namespace

void draw_node_mark(ImDrawList* dl, ImVec2 c, float r, NodeMark mark, ImU32 fill, float scale) {
    const bool dark = lightness(fill) < 128;
    const ImU32 on = dark ? overlay_colour::paper : overlay_colour::ink;
    switch (mark) {
        case NodeMark::none:
            break;
        case NodeMark::centre_dot:
            dl->AddCircleFilled(c, r * 0.42f, on, 20);
            break;
        case NodeMark::hatch: {
            // Diagonal lines clipped to the disc by construction: each is the chord of the circle
            // at distance d from the centre, along the 45° direction.
            const float gap = std::max(3.0f * scale, r * 0.36f);
            const float w = std::max(1.2f, gap * 0.42f);
            const float ux = 0.70710678f,
                        uy = -0.70710678f;  // chord direction (up and to the right)
            const float nx = 0.70710678f, ny = 0.70710678f;  // normal
            for (float d = -r + gap * 0.5f; d < r; d += gap) {
                const float half = std::sqrt(std::max(0.0f, r * r - d * d)) - w * 0.3f;
                if (half <= 0) continue;
                const ImVec2 m(c.x + nx * d, c.y + ny * d);
                dl->AddLine(ImVec2(m.x - ux * half, m.y - uy * half),
                            ImVec2(m.x + ux * half, m.y + uy * half), on, w);
            }
            break;
        }
    }
}

std::pair<float, float> ring_segment_angles(std::size_t count, std::size_t k) {
    constexpr float pi = 3.14159265f;
    const float step = 2 * pi / static_cast<float>(count);
    const float gap = count > 1 ? std::min(0.12f, step * 0.2f) : 0.0f;
    const float a0 = -pi / 2 + step * static_cast<float>(k) + gap * 0.5f;
    return {a0, a0 + step - gap};
}

void draw_ring_segment(ImDrawList* dl, ImVec2 c, float rad, float a0, float a1, float thick,
                       RingStyle style, ImU32 ink, ImU32 paper) {
    constexpr float pi = 3.14159265f;
    const auto arc = [&](float r, float from, float to, ImU32 col, float width) {
        dl->PathArcTo(c, r, from, to, std::max(3, static_cast<int>(24.0f * (to - from) / pi)));
        dl->PathStroke(col, 0, width);
    };
    // Present segments are quieter (thinner) than the empty slot of an absent partner, which
    // bulges out of the ring so the gap is what the eye finds first.
    const float quiet = thick * 0.62f;
    switch (style) {
        case RingStyle::solid:
            arc(rad, a0, a1, ink, quiet);
            break;
        case RingStyle::dashed: {
            // Dashes about as long as the ring is thick, with gaps two thirds of that.
            const float dash = std::max(0.08f, thick * 1.1f / std::max(rad, 1.0f));
            const float gap = dash * 0.7f;
            for (float a = a0; a < a1; a += dash + gap)
                arc(rad, a, std::min(a + dash, a1), ink, quiet);
            break;
        }
        case RingStyle::hollow: {
            const float edge = std::max(1.5f, thick * 0.24f);
            thick *= 1.3f;
            arc(rad, a0, a1, paper, thick);
            arc(rad - thick * 0.5f + edge * 0.5f, a0, a1, ink, edge);
            arc(rad + thick * 0.5f - edge * 0.5f, a0, a1, ink, edge);
            for (const float a : {a0, a1}) {
                const ImVec2 d(std::cos(a), std::sin(a));
                dl->AddLine(
                    ImVec2(c.x + d.x * (rad - thick * 0.5f), c.y + d.y * (rad - thick * 0.5f)),
                    ImVec2(c.x + d.x * (rad + thick * 0.5f), c.y + d.y * (rad + thick * 0.5f)), ink,
                    edge);
            }
            break;
        }
    }
}

}  // namespace boardscape::viewer
