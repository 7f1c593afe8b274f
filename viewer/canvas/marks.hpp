// Patterns and ring strokes that carry an overlay's categories in ink rather than colour: one
// drawing routine shared by the map and the legend, so the key always looks like the map.
#pragma once

#include "overlays/overlay.hpp"

#include <imgui.h>

#include <cstddef>
#include <utility>

namespace boardscape::viewer {

/// Draws `mark` over a disc of radius `r` at `c` whose fill is `fill` (the dot takes whichever of
/// ink or paper contrasts with the fill; hatching is ink). `scale` is the UI scale.
void draw_node_mark(ImDrawList* dl, ImVec2 c, float r, NodeMark mark, ImU32 fill, float scale);

/// Start and end angle (radians, screen y down, 0 = +x) of segment `k` of a ring of `count`
/// segments: clockwise from 12 o'clock with small gaps between segments.
std::pair<float, float> ring_segment_angles(std::size_t count, std::size_t k);

/// Strokes the arc from angle `a0` to `a1` (radians, clockwise on screen from +x) at radius `rad`
/// with width `thick`: solid `ink`, `ink` dashes, or hollow (`paper` with `ink` edges).
void draw_ring_segment(ImDrawList* dl, ImVec2 c, float rad, float a0, float a1, float thick,
                       RingStyle style, ImU32 ink, ImU32 paper);

}  // namespace boardscape::viewer
