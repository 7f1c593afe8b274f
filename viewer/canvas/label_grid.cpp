#include "canvas/label_grid.hpp"

#include <algorithm>
#include <cmath>

namespace boardscape::viewer {

void LabelGrid::reset(ScreenPoint origin, ScreenPoint size, float cell_px) {
    m_origin = origin;
    m_size = size;
    m_cell = std::max(cell_px, 4.0f);
    const int cols = std::max(1, static_cast<int>(std::ceil(size.x / m_cell)));
    const int rows = std::max(1, static_cast<int>(std::ceil(size.y / m_cell)));
    if (cols != m_cols || rows != m_rows) {
        m_cols = cols;
        m_rows = rows;
        m_cells.assign(static_cast<std::size_t>(cols * rows), {});
    } else {
        for (auto& c : m_cells) c.clear();  // keeps capacity: no allocation per frame
    }
    m_rects.clear();
}

bool LabelGrid::cell_range(const ScreenRect& r, int& cx0, int& cy0, int& cx1, int& cy1) const {
    cx0 = static_cast<int>(std::floor((r.x0 - m_origin.x) / m_cell));
    cy0 = static_cast<int>(std::floor((r.y0 - m_origin.y) / m_cell));
    cx1 = static_cast<int>(std::floor((r.x1 - m_origin.x) / m_cell));
    cy1 = static_cast<int>(std::floor((r.y1 - m_origin.y) / m_cell));
    if (cx1 < 0 || cy1 < 0 || cx0 >= m_cols || cy0 >= m_rows) return false;
    cx0 = std::clamp(cx0, 0, m_cols - 1);
    cx1 = std::clamp(cx1, 0, m_cols - 1);
    cy0 = std::clamp(cy0, 0, m_rows - 1);
    cy1 = std::clamp(cy1, 0, m_rows - 1);
    return true;
}

void LabelGrid::insert(const ScreenRect& r) {
    int cx0, cy0, cx1, cy1;
    if (!cell_range(r, cx0, cy0, cx1, cy1)) return;
    const auto id = static_cast<std::uint32_t>(m_rects.size());
    m_rects.push_back(r);
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x) m_cells[static_cast<std::size_t>(y * m_cols + x)].push_back(id);
}

bool LabelGrid::try_place(const ScreenRect& r) {
    if (r.x0 < m_origin.x || r.y0 < m_origin.y || r.x1 > m_origin.x + m_size.x || r.y1 > m_origin.y + m_size.y)
        return false;
    int cx0, cy0, cx1, cy1;
    if (!cell_range(r, cx0, cy0, cx1, cy1)) return false;
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x)
            for (std::uint32_t id : m_cells[static_cast<std::size_t>(y * m_cols + x)])
                if (m_rects[id].overlaps(r)) return false;
    insert(r);
    return true;
}

void LabelGrid::block(const ScreenRect& r) { insert(r); }

}  // namespace boardscape::viewer
