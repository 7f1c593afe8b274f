// Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies), how board
// kinds and agency sectors map onto it, and the two canvas themes (normal and high contrast).
// Sectors are coloured by their DESIGN §4 group so eight colours stay distinguishable.
#pragma once

#include "boardscape/model.hpp"

#include <imgui.h>

#include <cstdint>
#include <string_view>

namespace boardscape::viewer {

namespace okabe_ito {
inline constexpr ImU32 black = IM_COL32(0, 0, 0, 255);
inline constexpr ImU32 orange = IM_COL32(230, 159, 0, 255);
inline constexpr ImU32 sky_blue = IM_COL32(86, 180, 233, 255);
inline constexpr ImU32 bluish_green = IM_COL32(0, 158, 115, 255);
inline constexpr ImU32 yellow = IM_COL32(240, 228, 66, 255);
inline constexpr ImU32 blue = IM_COL32(0, 114, 178, 255);
inline constexpr ImU32 vermillion = IM_COL32(213, 94, 0, 255);
inline constexpr ImU32 reddish_purple = IM_COL32(204, 121, 167, 255);
inline constexpr ImU32 grey = IM_COL32(140, 140, 140, 255);
}  // namespace okabe_ito

/// 0xRRGGBB as an opaque ImGui colour.
ImU32 rgb_colour(std::uint32_t rgb);
ImU32 board_kind_colour(BoardKind k);
/// Colour of a sector's group (council, health, justice, education, community, services, other).
ImU32 sector_colour(Sector s);
/// The legend name of a sector's colour group.
std::string_view sector_colour_group(Sector s);

/// `c` with its alpha multiplied by `a` (0–1).
ImU32 with_alpha(ImU32 c, float a);
/// Linear blend of two colours (t = 0 gives a).
ImU32 mix(ImU32 a, ImU32 b, float t);
/// A sequential heat scale from pale yellow to dark red-brown (t in 0–1), readable on white
/// and monotone in lightness so it survives greyscale printing.
ImU32 heat_colour(float t);

struct CanvasTheme {
    ImU32 background;
    ImU32 text;
    ImU32 label_background;
    ImU32 outline;
    ImU32 edge[6];  // by EdgeType
    float edge_width[6];
    ImU32 dimmed;  // colour nodes fade towards when out of focus
    ImU32 selection;
    ImU32 banner_background;
    ImU32 banner_text;
};
const CanvasTheme& canvas_theme(bool high_contrast);

}  // namespace boardscape::viewer
