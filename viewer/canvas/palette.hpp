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

/// Overlay colours. The base map spends every distinct hue of the Okabe–Ito and Tol palettes on
/// board kinds and sector groups, so an overlay that recoloured a node with one of those hues
/// would say two things at once (a vermillion board: a CSP, or straddling?). Overlays therefore
/// speak in ink: black, white and pale grey, each at least ΔE 20 (CIE76) from every kind and
/// sector colour (tests/viewer/test_logic.cpp checks), with patterns and line styles carrying
/// the categories (canvas/marks.hpp), so they also survive any colour-vision deficiency and a
/// greyscale print. The load ramp (heat_colour) runs through browns, a hue no kind uses.
namespace overlay_colour {
/// Text-black marks: equal footprints, wider boards, solid representation segments, people on
/// several boards, the boundaries overlay's agency.
inline constexpr ImU32 ink = IM_COL32(20, 20, 20, 255);
/// White: hollow marks (boards inside the agency's area, straddling boards under their hatch,
/// absent representation segments).
inline constexpr ImU32 paper = IM_COL32(255, 255, 255, 255);
/// Pale grey: boards outside the story (no overlap with the agency); far lighter than the
/// #999999 of "other" boards.
inline constexpr ImU32 faint = IM_COL32(228, 228, 228, 255);
/// Overlap interlocks and the boundaries overlay's agency-to-board lines: near-black (drawn at
/// 80–100% opacity so they never thin out into the grey of "other").
inline constexpr ImU32 line = IM_COL32(45, 45, 45, 255);
/// The scenario overlay: agencies and people whose hours a year fall (dark cyan) or rise
/// (crimson); each ΔE 20 or more from every kind and sector colour and from each other, and
/// one dark, one darker-red, so saves and gains differ for the common colour-vision deficiencies
/// too. The size of a node says how much.
inline constexpr ImU32 saves = IM_COL32(0x00, 0x6D, 0x77, 255);
inline constexpr ImU32 gains = IM_COL32(0xA5, 0x00, 0x26, 255);
}  // namespace overlay_colour

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
/// The load overlay's sequential scale (t in 0–1): cream through tan and brown to near-black,
/// monotone in lightness (it survives greyscale printing) and at least ΔE 20 from every board
/// kind and sector colour at every t (the old yellow–orange–red ramp passed through the LFJB
/// orange and the CSP vermillion).
ImU32 heat_colour(float t);
/// The heat scale's stops, for tests.
inline constexpr ImU32 heat_stops[] = {IM_COL32(245, 236, 225, 255), IM_COL32(205, 175, 140, 255),
                                       IM_COL32(150, 105, 65, 255), IM_COL32(90, 55, 25, 255),
                                       IM_COL32(35, 20, 10, 255)};

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
