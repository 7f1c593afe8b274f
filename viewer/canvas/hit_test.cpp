#include "canvas/hit_test.hpp"

#include <algorithm>
#include <cmath>

namespace boardscape::viewer {

std::uint8_t draw_layer(EntityType t) {
    switch (t) {
    case EntityType::area: return 0;
    case EntityType::person: return 1;
    case EntityType::agency: return 2;
    case EntityType::board: return 3;
    }
    return 0;
}

float base_radius_px(EntityType t, bool top_level_board) {
    switch (t) {
    case EntityType::board: return top_level_board ? 11.0f : 7.0f;
    case EntityType::agency: return 6.5f;
    case EntityType::person: return 3.5f;
    case EntityType::area: return 4.5f;
    }
    return 4.0f;
}

float zoom_growth(const Camera& c) {
    if (!(c.ref_zoom > 0)) return 1.0f;
    return static_cast<float>(std::clamp(std::sqrt(c.zoom / c.ref_zoom), 0.5, 3.0));
}

std::optional<std::uint32_t> hit_test(std::span<const ScreenPoint> pos, std::span<const float> radius_px,
                                      std::span<const std::uint8_t> layer,
                                      std::span<const std::uint8_t> visible, ScreenPoint p,
                                      float slop_px) {
    std::optional<std::uint32_t> best;
    int best_layer = -1;
    float best_d2 = 0;
    const std::size_t n = std::min({pos.size(), radius_px.size(), layer.size(), visible.size()});
    for (std::size_t i = 0; i < n; ++i) {
        if (!visible[i]) continue;
        const float dx = pos[i].x - p.x, dy = pos[i].y - p.y;
        const float r = radius_px[i] + slop_px;
        const float d2 = dx * dx + dy * dy;
        if (d2 > r * r) continue;
        const int l = layer[i];
        if (l > best_layer || (l == best_layer && d2 < best_d2)) {
            best = static_cast<std::uint32_t>(i);
            best_layer = l;
            best_d2 = d2;
        }
    }
    return best;
}

}  // namespace boardscape::viewer
