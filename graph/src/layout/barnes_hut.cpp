// Barnes–Hut quadtree (see barnes_hut.hpp).
#include "barnes_hut.hpp"

#include <algorithm>
#include <cmath>

namespace boardscape::layout::detail {

namespace {

constexpr std::uint32_t leaf_size = 8;
constexpr int max_depth = 40;
constexpr int max_stack = 4 * max_depth + 8;

/// A fixed unit direction for a coincident pair, the same for (i, j) and (j, i).
void pair_direction(std::uint32_t i, std::uint32_t j, double& dx, double& dy) {
    std::uint64_t h = (static_cast<std::uint64_t>(std::min(i, j)) << 32) | std::max(i, j);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    const double angle = static_cast<double>(h >> 11) * (6.283185307179586 / 9007199254740992.0);
    const double sign = i < j ? 1.0 : -1.0;
    dx = sign * std::cos(angle);
    dy = sign * std::sin(angle);
}

}  // namespace

void QuadTree::build(const std::vector<Vec2>& p, const std::vector<double>& m, double min_cell,
                     double min_dist) {
    const auto n = static_cast<std::uint32_t>(p.size());
    m_p = &p;
    m_min_cell = min_cell;
    m_min_dist2 = min_dist * min_dist;
    m_cells.clear();
    m_cells.reserve(n / 2 + 16);
    m_order.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) m_order[i] = i;
    if (n == 0) return;
    double lo_x = p[0].x, hi_x = p[0].x, lo_y = p[0].y, hi_y = p[0].y;
    for (std::uint32_t i = 1; i < n; ++i) {
        lo_x = std::min(lo_x, p[i].x);
        hi_x = std::max(hi_x, p[i].x);
        lo_y = std::min(lo_y, p[i].y);
        hi_y = std::max(hi_y, p[i].y);
    }
    const double width = std::max({hi_x - lo_x, hi_y - lo_y, min_cell}) * 1.0000001;
    build_cell(0, n, lo_x, lo_y, width, 0);
    m_pp.resize(n);
    m_pm.resize(n);
    for (std::uint32_t k = 0; k < n; ++k) {
        m_pp[k] = p[m_order[k]];
        m_pm[k] = m[m_order[k]];
    }
    // Centres of mass bottom-up: children always come after their parent in m_cells.
    for (std::size_t c = m_cells.size(); c-- > 0;) {
        Cell& cell = m_cells[c];
        double sx = 0, sy = 0, sm = 0;
        if (cell.leaf) {
            for (std::uint32_t k = cell.begin; k < cell.end; ++k) {
                const double w = m_pm[k];
                sx += w * m_pp[k].x;
                sy += w * m_pp[k].y;
                sm += w;
            }
        } else {
            for (const std::int32_t ch : cell.child) {
                if (ch < 0) continue;
                const Cell& cc = m_cells[static_cast<std::size_t>(ch)];
                sx += cc.mass * cc.cx;
                sy += cc.mass * cc.cy;
                sm += cc.mass;
            }
        }
        cell.mass = sm;
        cell.cx = sm > 0 ? sx / sm : 0;
        cell.cy = sm > 0 ? sy / sm : 0;
    }
}

std::int32_t QuadTree::build_cell(std::uint32_t begin, std::uint32_t end, double x0, double y0,
                                  double width, int depth) {
    const auto index = static_cast<std::int32_t>(m_cells.size());
    m_cells.emplace_back();
    m_cells.back().width = width;
    m_cells.back().begin = begin;
    m_cells.back().end = end;
    if (end - begin <= leaf_size || depth >= max_depth || width <= m_min_cell) return index;

    const double half = width / 2;
    const double mx = x0 + half, my = y0 + half;
    const auto& ps = *m_p;
    auto* first = m_order.data() + begin;
    auto* last = m_order.data() + end;
    // Split by y, then each half by x: quadrants 0 (low x, low y), 1 (high x, low y), 2, 3.
    auto* mid_y = std::partition(first, last, [&](std::uint32_t i) { return ps[i].y < my; });
    auto* mid_x0 = std::partition(first, mid_y, [&](std::uint32_t i) { return ps[i].x < mx; });
    auto* mid_x1 = std::partition(mid_y, last, [&](std::uint32_t i) { return ps[i].x < mx; });
    const std::uint32_t bounds[5] = {
        begin, static_cast<std::uint32_t>(mid_x0 - m_order.data()),
        static_cast<std::uint32_t>(mid_y - m_order.data()),
        static_cast<std::uint32_t>(mid_x1 - m_order.data()), end};
    m_cells[static_cast<std::size_t>(index)].leaf = false;
    for (int q = 0; q < 4; ++q) {
        if (bounds[q] == bounds[q + 1]) continue;
        const double qx = x0 + ((q & 1) ? half : 0.0);
        const double qy = y0 + ((q & 2) ? half : 0.0);
        const std::int32_t ch = build_cell(bounds[q], bounds[q + 1], qx, qy, half, depth + 1);
        m_cells[static_cast<std::size_t>(index)].child[q] = ch;
    }
    return index;
}

void QuadTree::repulsion(std::uint32_t self, double px, double py, double theta, double& fx,
                         double& fy) const {
    fx = 0;
    fy = 0;
    if (m_cells.empty()) return;
    const double theta2 = theta * theta;
    std::int32_t stack[max_stack];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Cell& cell = m_cells[static_cast<std::size_t>(stack[--top])];
        const double dx = px - cell.cx;
        const double dy = py - cell.cy;
        const double d2 = dx * dx + dy * dy;
        if (cell.leaf) {
            for (std::uint32_t k = cell.begin; k < cell.end; ++k) {
                const std::uint32_t j = m_order[k];
                if (j == self) continue;
                double ex = px - m_pp[k].x;
                double ey = py - m_pp[k].y;
                double e2 = ex * ex + ey * ey;
                if (e2 < m_min_dist2) {
                    if (e2 <= 0) pair_direction(self, j, ex, ey);
                    else {
                        const double inv = 1.0 / std::sqrt(e2);
                        ex *= inv;
                        ey *= inv;
                    }
                    // Treat as exactly min_dist apart along that direction.
                    const double s = m_pm[k] / std::sqrt(m_min_dist2);
                    fx += s * ex;
                    fy += s * ey;
                    continue;
                }
                const double s = m_pm[k] / e2;
                fx += s * ex;
                fy += s * ey;
            }
        } else if (cell.width * cell.width < theta2 * d2) {
            const double s = cell.mass / d2;
            fx += s * dx;
            fy += s * dy;
        } else {
            for (const std::int32_t ch : cell.child)
                if (ch >= 0 && top < max_stack) stack[top++] = ch;
        }
    }
}

}  // namespace boardscape::layout::detail
