// Pure hit testing and node sizing in screen px. No ImGui: the canvas feeds it the screen
// positions it already computed for drawing, and the logic tests feed it hand-made ones.
#pragma once

#include "boardscape/model.hpp"
#include "canvas/camera.hpp"

#include <cstdint>
#include <optional>
#include <span>

namespace boardscape::viewer {

/// Draw layer of a node type: later layers are drawn on top and win hit tests.
std::uint8_t draw_layer(EntityType t);

/// Default radius in screen px at scale 1 (top-level boards are the landmarks).
float base_radius_px(EntityType t, bool top_level_board);

/// How much nodes grow with zoom: gently (square root), so zooming in separates them.
float zoom_growth(const Camera& c);

/// The topmost visible node whose disc (radius + `slop_px`) contains `p`; among nodes of the
/// same layer, the one whose centre is nearest. Spans are indexed by node.
std::optional<std::uint32_t> hit_test(std::span<const ScreenPoint> pos, std::span<const float> radius_px,
                                      std::span<const std::uint8_t> layer,
                                      std::span<const std::uint8_t> visible, ScreenPoint p,
                                      float slop_px = 3.0f);

}  // namespace boardscape::viewer
