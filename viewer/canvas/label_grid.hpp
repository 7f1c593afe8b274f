// Collision avoidance for canvas labels: a uniform grid over the canvas (screen px) that
// remembers placed rectangles, so a label is only drawn where it overlaps no earlier label or
// landmark. Pure and allocation-stable across frames.
#pragma once

#include "canvas/camera.hpp"

#include <cstdint>
#include <vector>

namespace boardscape::viewer {

struct ScreenRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // screen px
    bool overlaps(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

class LabelGrid {
public:
    /// Starts a new frame over the rectangle `origin`..`origin + size` (screen px).
    void reset(ScreenPoint origin, ScreenPoint size, float cell_px);
    /// Records `r` if it is inside the area and overlaps nothing recorded; returns whether it did.
    bool try_place(const ScreenRect& r);
    /// Records `r` unconditionally (landmarks such as board discs).
    void block(const ScreenRect& r);
    std::size_t placed() const { return m_rects.size(); }

private:
    bool cell_range(const ScreenRect& r, int& cx0, int& cy0, int& cx1, int& cy1) const;
    void insert(const ScreenRect& r);

    ScreenPoint m_origin;
    ScreenPoint m_size;
    float m_cell = 32;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<std::vector<std::uint32_t>> m_cells;
    std::vector<ScreenRect> m_rects;
};

}  // namespace boardscape::viewer
