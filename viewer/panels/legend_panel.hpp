// The legend: node shapes, board-kind and sector colours, edge styles, and the current
// overlay's key and headline figures. Always shown, including in workshop mode.
#pragma once

#include "panels/panel.hpp"

namespace boardscape::viewer {

class LegendPanel : public Panel {
public:
    LegendPanel();

protected:
    void draw_contents(PanelContext& ctx) override;
};

}  // namespace boardscape::viewer
