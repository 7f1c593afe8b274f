// Analysis tables in tabs, one or more per report kind in the library's list (overlap pairs and
// brokers, boundaries per agency, load by agency and person, the representation matrix):
// sortable ImGui tables over the shared TableModels, each tab's tooltip the kind's one-line
// summary from that list; clicking a row selects that entity on the canvas. The current tab is
// what CSV export saves, and its kind what File > Export > XLSX report proposes.
#pragma once

#include "panels/panel.hpp"

#include <string>
#include <string_view>

namespace boardscape::viewer {

class AnalysisPanel : public Panel {
public:
    AnalysisPanel();
    int current_tab() const { return m_current; }
    void set_current_tab(int t) { m_request = t; }
    /// Brings the first table of report kind `kind` to the front on the next frame.
    void show_kind(std::string_view kind) { m_request_kind = std::string(kind); }

protected:
    void draw_contents(PanelContext& ctx) override;

private:
    void draw_table(PanelContext& ctx, const TableModel& t, int index);

    int m_current = 0;
    int m_request = -1;
    std::string m_request_kind;  // resolved against the tables when drawing
    // Sorted row order per table, kept between frames and refreshed when ImGui says the sort
    // specs changed or the table's rows changed.
    std::vector<std::vector<std::size_t>> m_order;
    std::vector<const void*> m_order_source;
    std::vector<std::size_t> m_order_rows;
};

}  // namespace boardscape::viewer
