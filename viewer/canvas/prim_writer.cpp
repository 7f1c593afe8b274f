#include "canvas/prim_writer.hpp"

#include <algorithm>
#include <cmath>

namespace boardscape::viewer {

namespace {
constexpr int chunk_vertices = 16384;
constexpr int segment_counts[4] = {8, 12, 20, 32};

ImU32 transparent(ImU32 c) { return c & ~IM_COL32_A_MASK; }
}  // namespace

PrimWriter::PrimWriter(ImDrawList* dl) : m_dl(dl), m_uv(ImGui::GetFontTexUvWhitePixel()) {
    for (int k = 0; k < 4; ++k) {
        const int n = segment_counts[k];
        for (int i = 0; i < n; ++i) {
            const double a = 2.0 * 3.14159265358979323846 * i / n;
            m_unit[k].push_back(ImVec2(static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a))));
        }
    }
}

PrimWriter::~PrimWriter() { finish(); }

void PrimWriter::finish() {
    if (m_idx_left > 0 || m_vtx_left > 0) m_dl->PrimUnreserve(m_idx_left, m_vtx_left);
    m_idx_left = m_vtx_left = 0;
}

void PrimWriter::ensure(int idx, int vtx) {
    if (idx <= m_idx_left && vtx <= m_vtx_left) return;
    finish();
    const int v = std::max(vtx, chunk_vertices);
    const int i = std::max(idx, chunk_vertices * 3);
    m_dl->PrimReserve(i, v);
    m_idx_left = i;
    m_vtx_left = v;
}

void PrimWriter::line(ImVec2 a, ImVec2 b, float width, ImU32 col, bool aa) {
    float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    if (len2 < 1e-6f) return;
    const float inv = 1.0f / std::sqrt(len2);
    dx *= inv;
    dy *= inv;
    if (width < 1.0f) {
        // Sub-pixel lines: keep one pixel of coverage, fade the colour instead.
        const float alpha = static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * std::max(width, 0.1f);
        col = (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
        width = 1.0f;
    }
    if (!aa) {
        ensure(6, 4);
        const ImDrawIdx b0 = static_cast<ImDrawIdx>(m_dl->_VtxCurrentIdx);
        ImDrawVert* v = m_dl->_VtxWritePtr;
        ImDrawIdx* ix = m_dl->_IdxWritePtr;
        const float hx = -dy * width * 0.5f, hy = dx * width * 0.5f;
        v[0] = {ImVec2(a.x + hx, a.y + hy), m_uv, col};
        v[1] = {ImVec2(b.x + hx, b.y + hy), m_uv, col};
        v[2] = {ImVec2(b.x - hx, b.y - hy), m_uv, col};
        v[3] = {ImVec2(a.x - hx, a.y - hy), m_uv, col};
        const ImDrawIdx q[6] = {0, 1, 2, 0, 2, 3};
        for (int k = 0; k < 6; ++k) ix[k] = static_cast<ImDrawIdx>(b0 + q[k]);
        m_dl->_VtxWritePtr += 4;
        m_dl->_IdxWritePtr += 6;
        m_dl->_VtxCurrentIdx += 4;
        m_idx_left -= 6;
        m_vtx_left -= 4;
        m_written += 4;
        return;
    }
    ensure(18, 8);
    const ImDrawIdx b0 = static_cast<ImDrawIdx>(m_dl->_VtxCurrentIdx);
    ImDrawVert* v = m_dl->_VtxWritePtr;
    ImDrawIdx* ix = m_dl->_IdxWritePtr;
    const float hw = width * 0.5f - 0.5f, fw = hw + 1.0f;
    const float nx = -dy, ny = dx;
    const ImU32 clear = transparent(col);
    v[0] = {ImVec2(a.x + nx * fw, a.y + ny * fw), m_uv, clear};
    v[1] = {ImVec2(a.x + nx * hw, a.y + ny * hw), m_uv, col};
    v[2] = {ImVec2(a.x - nx * hw, a.y - ny * hw), m_uv, col};
    v[3] = {ImVec2(a.x - nx * fw, a.y - ny * fw), m_uv, clear};
    v[4] = {ImVec2(b.x + nx * fw, b.y + ny * fw), m_uv, clear};
    v[5] = {ImVec2(b.x + nx * hw, b.y + ny * hw), m_uv, col};
    v[6] = {ImVec2(b.x - nx * hw, b.y - ny * hw), m_uv, col};
    v[7] = {ImVec2(b.x - nx * fw, b.y - ny * fw), m_uv, clear};
    const ImDrawIdx q[18] = {0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6};
    for (int k = 0; k < 18; ++k) ix[k] = static_cast<ImDrawIdx>(b0 + q[k]);
    m_dl->_VtxWritePtr += 8;
    m_dl->_IdxWritePtr += 18;
    m_dl->_VtxCurrentIdx += 8;
    m_idx_left -= 18;
    m_vtx_left -= 8;
    m_written += 8;
}

void PrimWriter::convex(const ImVec2* pts, int n, ImU32 col) {
    // Fill fan on the inner ring plus a 1 px fringe quad per side fading to transparent.
    ensure(3 * (n - 2) + 6 * n, 2 * n);
    const ImDrawIdx b0 = static_cast<ImDrawIdx>(m_dl->_VtxCurrentIdx);
    ImDrawVert* v = m_dl->_VtxWritePtr;
    ImDrawIdx* ix = m_dl->_IdxWritePtr;
    float cx = 0, cy = 0;
    for (int i = 0; i < n; ++i) {
        cx += pts[i].x;
        cy += pts[i].y;
    }
    cx /= static_cast<float>(n);
    cy /= static_cast<float>(n);
    const ImU32 clear = transparent(col);
    for (int i = 0; i < n; ++i) {
        float dx = pts[i].x - cx, dy = pts[i].y - cy;
        const float len = std::sqrt(dx * dx + dy * dy);
        const float k = len > 1e-4f ? 0.5f / len : 0.0f;
        dx *= k;
        dy *= k;
        v[i] = {ImVec2(pts[i].x - dx, pts[i].y - dy), m_uv, col};
        v[n + i] = {ImVec2(pts[i].x + dx, pts[i].y + dy), m_uv, clear};
    }
    int w = 0;
    for (int i = 2; i < n; ++i) {
        ix[w++] = b0;
        ix[w++] = static_cast<ImDrawIdx>(b0 + i - 1);
        ix[w++] = static_cast<ImDrawIdx>(b0 + i);
    }
    for (int i = 0; i < n; ++i) {
        const int j = (i + 1) % n;
        ix[w++] = static_cast<ImDrawIdx>(b0 + i);
        ix[w++] = static_cast<ImDrawIdx>(b0 + j);
        ix[w++] = static_cast<ImDrawIdx>(b0 + n + j);
        ix[w++] = static_cast<ImDrawIdx>(b0 + i);
        ix[w++] = static_cast<ImDrawIdx>(b0 + n + j);
        ix[w++] = static_cast<ImDrawIdx>(b0 + n + i);
    }
    m_dl->_VtxWritePtr += 2 * n;
    m_dl->_IdxWritePtr += w;
    m_dl->_VtxCurrentIdx += static_cast<unsigned>(2 * n);
    m_idx_left -= w;
    m_vtx_left -= 2 * n;
    m_written += static_cast<std::size_t>(2 * n);
}

void PrimWriter::thin_line(ImVec2 a, ImVec2 b, float width, ImU32 col) {
    ensure(6, 4);
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float h = std::max(width, 1.0f) * 0.5f;
    // Offset perpendicular to the major axis: a shallow line gets thickness in y, a steep one in x.
    const bool shallow = std::fabs(dx) >= std::fabs(dy);
    const float ox = shallow ? 0.0f : h, oy = shallow ? h : 0.0f;
    const ImDrawIdx b0 = static_cast<ImDrawIdx>(m_dl->_VtxCurrentIdx);
    ImDrawVert* v = m_dl->_VtxWritePtr;
    ImDrawIdx* ix = m_dl->_IdxWritePtr;
    v[0] = {ImVec2(a.x - ox, a.y - oy), m_uv, col};
    v[1] = {ImVec2(b.x - ox, b.y - oy), m_uv, col};
    v[2] = {ImVec2(b.x + ox, b.y + oy), m_uv, col};
    v[3] = {ImVec2(a.x + ox, a.y + oy), m_uv, col};
    ix[0] = b0;
    ix[1] = static_cast<ImDrawIdx>(b0 + 1);
    ix[2] = static_cast<ImDrawIdx>(b0 + 2);
    ix[3] = b0;
    ix[4] = static_cast<ImDrawIdx>(b0 + 2);
    ix[5] = static_cast<ImDrawIdx>(b0 + 3);
    m_dl->_VtxWritePtr += 4;
    m_dl->_IdxWritePtr += 6;
    m_dl->_VtxCurrentIdx += 4;
    m_idx_left -= 6;
    m_vtx_left -= 4;
    m_written += 4;
}

void PrimWriter::dot(ImVec2 c, float h, ImU32 col) {
    ensure(6, 4);
    const ImDrawIdx b0 = static_cast<ImDrawIdx>(m_dl->_VtxCurrentIdx);
    ImDrawVert* v = m_dl->_VtxWritePtr;
    ImDrawIdx* ix = m_dl->_IdxWritePtr;
    v[0] = {ImVec2(c.x - h, c.y - h), m_uv, col};
    v[1] = {ImVec2(c.x + h, c.y - h), m_uv, col};
    v[2] = {ImVec2(c.x + h, c.y + h), m_uv, col};
    v[3] = {ImVec2(c.x - h, c.y + h), m_uv, col};
    ix[0] = b0;
    ix[1] = static_cast<ImDrawIdx>(b0 + 1);
    ix[2] = static_cast<ImDrawIdx>(b0 + 2);
    ix[3] = b0;
    ix[4] = static_cast<ImDrawIdx>(b0 + 2);
    ix[5] = static_cast<ImDrawIdx>(b0 + 3);
    m_dl->_VtxWritePtr += 4;
    m_dl->_IdxWritePtr += 6;
    m_dl->_VtxCurrentIdx += 4;
    m_idx_left -= 6;
    m_vtx_left -= 4;
    m_written += 4;
}

void PrimWriter::disc(ImVec2 c, float r, ImU32 col, bool coarse) {
    if (r < 1.25f) {
        // Level of detail: a node this small is a dot; one quad is enough.
        dot(c, std::max(r, 0.6f), col);
        return;
    }
    // Inner ring at r - 0.5 in the colour, outer ring at r + 0.5 transparent: the fringe is
    // the anti-aliasing. The unit circle is precomputed, so no square roots here.
    const int k = coarse ? (r < 16 ? 0 : 1) : (r < 4 ? 0 : r < 9 ? 1 : r < 22 ? 2 : 3);
    const auto& unit = m_unit[static_cast<std::size_t>(k)];
    const int n = static_cast<int>(unit.size());
    ensure(3 * (n - 2) + 6 * n, 2 * n);
    const ImDrawIdx b0 = static_cast<ImDrawIdx>(m_dl->_VtxCurrentIdx);
    ImDrawVert* v = m_dl->_VtxWritePtr;
    ImDrawIdx* ix = m_dl->_IdxWritePtr;
    const ImU32 clear = transparent(col);
    const float ri = r - 0.5f, ro = r + 0.5f;
    for (int i = 0; i < n; ++i) {
        const ImVec2 u = unit[static_cast<std::size_t>(i)];
        v[i] = {ImVec2(c.x + u.x * ri, c.y + u.y * ri), m_uv, col};
        v[n + i] = {ImVec2(c.x + u.x * ro, c.y + u.y * ro), m_uv, clear};
    }
    int w = 0;
    for (int i = 2; i < n; ++i) {
        ix[w++] = b0;
        ix[w++] = static_cast<ImDrawIdx>(b0 + i - 1);
        ix[w++] = static_cast<ImDrawIdx>(b0 + i);
    }
    for (int i = 0; i < n; ++i) {
        const int j = i + 1 == n ? 0 : i + 1;
        ix[w++] = static_cast<ImDrawIdx>(b0 + i);
        ix[w++] = static_cast<ImDrawIdx>(b0 + j);
        ix[w++] = static_cast<ImDrawIdx>(b0 + n + j);
        ix[w++] = static_cast<ImDrawIdx>(b0 + i);
        ix[w++] = static_cast<ImDrawIdx>(b0 + n + j);
        ix[w++] = static_cast<ImDrawIdx>(b0 + n + i);
    }
    m_dl->_VtxWritePtr += 2 * n;
    m_dl->_IdxWritePtr += w;
    m_dl->_VtxCurrentIdx += static_cast<unsigned>(2 * n);
    m_idx_left -= w;
    m_vtx_left -= 2 * n;
    m_written += static_cast<std::size_t>(2 * n);
}

void PrimWriter::square(ImVec2 c, float h, ImU32 col) {
    const ImVec2 pts[4] = {ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y - h), ImVec2(c.x + h, c.y + h),
                           ImVec2(c.x - h, c.y + h)};
    convex(pts, 4, col);
}

void PrimWriter::diamond(ImVec2 c, float r, ImU32 col) {
    const ImVec2 pts[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y)};
    convex(pts, 4, col);
}

}  // namespace boardscape::viewer
