// Barnes–Hut quadtree for the layout's repulsive forces: O(n log n) per iteration instead of
// O(n²). Bucket leaves (a few points each) keep the tree shallow, and a minimum cell size keeps
// coincident points from recursing forever; those are pushed apart in a direction derived from
// their two indices, so the result is deterministic and finite.
#pragma once

#include "boardscape/layout/force_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace boardscape::layout::detail {

class QuadTree {
public:
    /// Builds over points p[i] with masses m[i] > 0. `min_cell` (world units) is the
    /// smallest cell that is still split; `min_dist` is the distance below which two points
    /// count as coincident.
    void build(const std::vector<Vec2>& p, const std::vector<double>& m, double min_cell,
               double min_dist);

    /// Σⱼ mⱼ·(p − pⱼ)/|p − pⱼ|² over all points j ≠ self, with cells whose width / distance is
    /// below `theta` taken as one point at their centre of mass. The caller scales by C·K²·mᵢ.
    void repulsion(std::uint32_t self, double px, double py, double theta, double& fx,
                   double& fy) const;

    /// The points in tree order: iterating in it keeps consecutive queries spatially close,
    /// so they walk the same cells (much better cache behaviour than index order).
    const std::vector<std::uint32_t>& order() const { return m_order; }

private:
    struct Cell {
        double cx = 0, cy = 0, mass = 0, width = 0;
        std::int32_t child[4] = {-1, -1, -1, -1};
        std::uint32_t begin = 0, end = 0;  // leaf points in m_order[begin, end)
        bool leaf = true;
    };
    std::int32_t build_cell(std::uint32_t begin, std::uint32_t end, double x0, double y0,
                            double width, int depth);

    std::vector<Cell> m_cells;
    std::vector<std::uint32_t> m_order;
    std::vector<Vec2> m_pp;        // leaf point positions in m_order order
    std::vector<double> m_pm;      // and masses
    const std::vector<Vec2>* m_p = nullptr;
    double m_min_cell = 0;
    double m_min_dist2 = 0;
};

}  // namespace boardscape::layout::detail
