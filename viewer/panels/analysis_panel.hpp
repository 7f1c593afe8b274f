// Analysis tables in tabs (overlap pairs, load by agency and person, boundaries per agency,
// the representation matrix, brokers): sortable ImGui tables over the shared TableModels;
// clicking a row selects that entity on the canvas. The current tab is what CSV export saves.
#pragma once

#include "panels/panel.hpp"

namespace boardscape::viewer {

class AnalysisPanel : public Panel {
public:
    AnalysisPanel();
    int current_tab() const { return m_current; }
    void set_current_tab(int t) { m_request = t; }

protected:
    void draw_contents(PanelContext& ctx) override;

private:
    void draw_table(PanelContext& ctx, const TableModel& t, int index);

    int m_current = 0;
    int m_request = -1;
    // Sorted row order per table, kept between frames and refreshed when ImGui says the sort
    // specs changed or the table's rows changed.
    std::vector<std::vector<std::size_t>> m_order;
    std::vector<const void*> m_order_source;
    std::vector<std::size_t> m_order_rows;
};

}  // namespace boardscape::viewer
