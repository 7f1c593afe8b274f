// Writes canvas geometry straight into an ImDrawList's buffers: reserve a chunk once, then fill
// vertices and indices by hand (lines as quads with a 1 px anti-aliasing fringe, discs as
// fans). One PrimReserve per chunk instead of one AddLine/AddCircleFilled call per element is
// what keeps 100k edges inside the frame budget. Chunks stay under 16-bit index limits.
#pragma once

#include <imgui.h>

#include <array>
#include <vector>

namespace boardscape::viewer {

class PrimWriter {
public:
    explicit PrimWriter(ImDrawList* dl);
    ~PrimWriter();
    PrimWriter(const PrimWriter&) = delete;
    PrimWriter& operator=(const PrimWriter&) = delete;

    /// A line of `width` px; `aa` adds a 1 px fading fringe on both sides.
    void line(ImVec2 a, ImVec2 b, float width, ImU32 col, bool aa);
    /// A line about one pixel wide with no fringe and no square root: the offset is taken
    /// along the minor axis (as Bresenham would), for views with tens of thousands of edges.
    void thin_line(ImVec2 a, ImVec2 b, float width, ImU32 col);
    /// A filled disc; tiny discs become single quads. `coarse` caps the segment count (for
    /// views with thousands of discs on screen).
    void disc(ImVec2 c, float r, ImU32 col, bool coarse = false);
    /// A plain square of half side `h`, no fringe: the level-of-detail stand-in for small nodes.
    void dot(ImVec2 c, float h, ImU32 col);
    /// A filled axis-aligned square of half side `h` with an AA fringe.
    void square(ImVec2 c, float h, ImU32 col);
    /// A filled diamond (square turned 45°) of radius `r`.
    void diamond(ImVec2 c, float r, ImU32 col);
    /// Flushes unused reserved space; called by the destructor too.
    void finish();

    std::size_t vertices_written() const { return m_written; }

private:
    void ensure(int idx, int vtx);
    void convex(const ImVec2* pts, int n, ImU32 col);

    ImDrawList* m_dl;
    ImVec2 m_uv;
    int m_idx_left = 0;
    int m_vtx_left = 0;
    std::size_t m_written = 0;
    std::array<std::vector<ImVec2>, 4> m_unit;  // unit circles of 8, 12, 20 and 32 segments
};

}  // namespace boardscape::viewer
