#include "canvas/camera.hpp"

#include <algorithm>
#include <cmath>

namespace boardscape::viewer {

void WorldBox::add(WorldPoint p) {
    if (empty()) {
        min = p;
        max = p;
        return;
    }
    min.x = std::min(min.x, p.x);
    min.y = std::min(min.y, p.y);
    max.x = std::max(max.x, p.x);
    max.y = std::max(max.y, p.y);
}

ScreenPoint Camera::to_screen(WorldPoint w) const {
    const double sx = viewport_min.x + viewport_size.x * 0.5 + (w.x - center.x) * zoom;
    const double sy = viewport_min.y + viewport_size.y * 0.5 + (w.y - center.y) * zoom;
    return {static_cast<float>(sx), static_cast<float>(sy)};
}

WorldPoint Camera::to_world(ScreenPoint s) const {
    const double wx = center.x + (s.x - viewport_min.x - viewport_size.x * 0.5) / zoom;
    const double wy = center.y + (s.y - viewport_min.y - viewport_size.y * 0.5) / zoom;
    return {wx, wy};
}

void Camera::zoom_about(ScreenPoint anchor, double factor) {
    if (!std::isfinite(factor) || factor <= 0) return;
    const WorldPoint before = to_world(anchor);
    zoom = std::clamp(zoom * factor, min_zoom, max_zoom);
    // Shift the centre so `before` lands on the anchor again.
    const WorldPoint after = to_world(anchor);
    center.x += before.x - after.x;
    center.y += before.y - after.y;
}

void Camera::pan_by(ScreenPoint delta_px) {
    center.x -= delta_px.x / zoom;
    center.y -= delta_px.y / zoom;
}

void Camera::fit(const WorldBox& box, float margin_px) {
    if (box.empty()) {
        center = {0, 0};
        zoom = ref_zoom = 1;
        return;
    }
    center = {(box.min.x + box.max.x) * 0.5, (box.min.y + box.max.y) * 0.5};
    const double w = std::max(box.max.x - box.min.x, 1e-9);
    const double h = std::max(box.max.y - box.min.y, 1e-9);
    const double avail_x = std::max(1.0, viewport_size.x - 2.0 * margin_px);
    const double avail_y = std::max(1.0, viewport_size.y - 2.0 * margin_px);
    zoom = std::clamp(std::min(avail_x / w, avail_y / h), min_zoom, max_zoom);
    ref_zoom = zoom;
}

void Camera::set_world_span(double span) {
    if (!(span > 0) || !std::isfinite(span)) return;
    zoom = std::clamp(viewport_size.y / span, min_zoom, max_zoom);
}

}  // namespace boardscape::viewer
