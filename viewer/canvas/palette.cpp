#include "canvas/palette.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace boardscape::viewer {

ImU32 rgb_colour(std::uint32_t rgb) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255);
}

// The colour is a column of the library's kind table (board_kinds.def).
ImU32 board_kind_colour(BoardKind k) { return rgb_colour(info(k).rgb); }

std::string_view sector_colour_group(Sector s) {
    switch (s) {
    case Sector::local_authority:
    case Sector::district_council: return "Councils";
    case Sector::health_commissioner:
    case Sector::nhs_england:
    case Sector::nhs_provider:
    case Sector::public_health: return "Health";
    case Sector::police:
    case Sector::pcc:
    case Sector::probation:
    case Sector::youth_justice:
    case Sector::cafcass:
    case Sector::judiciary:
    case Sector::secure_estate: return "Justice and police";
    case Sector::school:
    case Sector::academy:
    case Sector::fe_college: return "Education";
    case Sector::voluntary:
    case Sector::healthwatch: return "Voluntary and community";
    case Sector::fire_rescue:
    case Sector::housing: return "Fire, housing";
    case Sector::other:
    case Sector::independent: return "Other, independent";
    }
    return "Other, independent";
}

ImU32 sector_colour(Sector s) {
    using namespace okabe_ito;
    const std::string_view g = sector_colour_group(s);
    if (g == "Councils") return blue;
    if (g == "Health") return bluish_green;
    if (g == "Justice and police") return vermillion;
    if (g == "Education") return orange;
    if (g == "Voluntary and community") return reddish_purple;
    if (g == "Fire, housing") return sky_blue;
    return grey;
}

ImU32 with_alpha(ImU32 c, float a) {
    const float old = static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF);
    const auto na = static_cast<ImU32>(std::clamp(old * a, 0.0f, 255.0f) + 0.5f);
    return (c & ~IM_COL32_A_MASK) | (na << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    ImU32 out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const float ca = static_cast<float>((a >> shift) & 0xFF);
        const float cb = static_cast<float>((b >> shift) & 0xFF);
        out |= static_cast<ImU32>(ca + (cb - ca) * t + 0.5f) << shift;
    }
    return out;
}

ImU32 heat_colour(float t) {
    const auto& stops = heat_stops;
    constexpr int n = static_cast<int>(std::size(heat_stops));
    t = std::clamp(std::isfinite(t) ? t : 0.0f, 0.0f, 1.0f) * (n - 1);
    const int i = std::min(static_cast<int>(t), n - 2);
    return mix(stops[i], stops[i + 1], t - static_cast<float>(i));
}

namespace {
const CanvasTheme k_normal{
        IM_COL32(250, 250, 247, 255),
        IM_COL32(25, 25, 25, 255),
        IM_COL32(250, 250, 247, 215),
        IM_COL32(40, 40, 40, 255),
        {IM_COL32(110, 110, 110, 70), IM_COL32(110, 110, 110, 40), IM_COL32(60, 60, 60, 170),
         IM_COL32(120, 60, 140, 170), IM_COL32(150, 150, 150, 28), IM_COL32(150, 150, 150, 45)},
        {1.0f, 1.0f, 2.0f, 2.0f, 1.0f, 1.0f},
        IM_COL32(225, 225, 222, 255),
        IM_COL32(0, 0, 0, 255),
        IM_COL32(255, 236, 179, 245),
        IM_COL32(60, 40, 0, 255)};
const CanvasTheme k_contrast{
        IM_COL32(255, 255, 255, 255),
        IM_COL32(0, 0, 0, 255),
        IM_COL32(255, 255, 255, 235),
        IM_COL32(0, 0, 0, 255),
        {IM_COL32(60, 60, 60, 110), IM_COL32(60, 60, 60, 70), IM_COL32(0, 0, 0, 220),
         IM_COL32(90, 30, 110, 220), IM_COL32(90, 90, 90, 45), IM_COL32(90, 90, 90, 70)},
        {1.4f, 1.2f, 2.6f, 2.6f, 1.2f, 1.2f},
        IM_COL32(230, 230, 230, 255),
        IM_COL32(0, 0, 0, 255),
        IM_COL32(255, 220, 0, 255),
        IM_COL32(0, 0, 0, 255)};
}  // namespace

const CanvasTheme& canvas_theme(bool high_contrast) { return high_contrast ? k_contrast : k_normal; }

}  // namespace boardscape::viewer
