// The canvas camera: the one place where world units (layout coordinates) and screen px
// (framebuffer pixels of the canvas rect) are converted. Pure value type, no ImGui, so the
// logic tests can exercise round trips, zooming about the cursor and fitting without a GPU.
#pragma once

namespace boardscape::viewer {

/// A point or vector in screen px.
struct ScreenPoint {
    float x = 0;
    float y = 0;
};
/// A point in world units (the layout's coordinates).
struct WorldPoint {
    double x = 0;
    double y = 0;
};
/// An axis-aligned box in world units; empty when min > max.
struct WorldBox {
    WorldPoint min{1, 1};
    WorldPoint max{-1, -1};
    bool empty() const { return min.x > max.x || min.y > max.y; }
    void add(WorldPoint p);
};

struct Camera {
    ScreenPoint viewport_min;         // screen px: top-left of the canvas rect
    ScreenPoint viewport_size{1, 1};  // screen px
    WorldPoint center;                // world units shown at the viewport centre
    double zoom = 1;                  // screen px per world unit
    double ref_zoom = 1;              // zoom of the last fit; node sizes grow gently from it

    ScreenPoint to_screen(WorldPoint w) const;
    WorldPoint to_world(ScreenPoint s) const;
    /// Screen px length of a world-units length.
    double to_screen_length(double world) const { return world * zoom; }

    /// Multiplies the zoom by `factor`, keeping the world point under `anchor` (screen px) fixed.
    void zoom_about(ScreenPoint anchor, double factor);
    /// Moves the view by a screen px delta (content follows the mouse).
    void pan_by(ScreenPoint delta_px);
    /// Centres `box` with `margin_px` free on every side; also resets `ref_zoom`.
    void fit(const WorldBox& box, float margin_px);
    /// World units visible across the viewport height (stored in saved views, resolution-free).
    double world_span() const { return viewport_size.y / zoom; }
    void set_world_span(double span);

    static constexpr double min_zoom = 1e-6;
    static constexpr double max_zoom = 1e6;
};

}  // namespace boardscape::viewer
