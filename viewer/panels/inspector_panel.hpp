// The inspector: every field of the selected entity, its memberships with their sources, its
// load figures and footprint relations. Names of linked entities select them when clicked.
// Anonymised people show no name, id or title.
#pragma once

#include "panels/panel.hpp"

namespace boardscape::viewer {

class InspectorPanel : public Panel {
public:
    InspectorPanel();

protected:
    void draw_contents(PanelContext& ctx) override;

private:
    void draw_board(PanelContext& ctx, NodeIndex n);
    void draw_agency(PanelContext& ctx, NodeIndex n);
    void draw_person(PanelContext& ctx, NodeIndex n);
    void draw_area(PanelContext& ctx, NodeIndex n);
};

}  // namespace boardscape::viewer
