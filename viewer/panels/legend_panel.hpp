// The legend: node shapes, board-kind and sector colours, edge styles, and the current
// overlay's key and headline figures. Always shown, including in workshop mode.
#pragma once

#include "panels/panel.hpp"

namespace boardscape::viewer {

class LegendPanel : public Panel {
public:
    LegendPanel();
    /// The font scale the legend last drew at (below 1 when workshop text would not fit).
    float fit_scale() const { return m_fit; }
    /// Whether the last frame's contents overflowed the window (they were clipped).
    bool overflowed() const { return m_overflow; }

protected:
    void draw_contents(PanelContext& ctx) override;

private:
    void draw_graph_legend(PanelContext& ctx, float line_h);
    void fit_to_window(bool workshop);

    // Workshop mode has no room to scroll: the legend shrinks its text until it fits, measured
    // on one frame and applied on the next.
    float m_fit = 1.0f;
    bool m_overflow = false;
};

}  // namespace boardscape::viewer
