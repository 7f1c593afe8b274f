#include "panels/analysis_panel.hpp"

#include "boardscape/report/report_kinds.hpp"

#include <algorithm>
#include <numeric>

namespace boardscape::viewer {

AnalysisPanel::AnalysisPanel()
    : Panel("Analysis", ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse) {}

void AnalysisPanel::draw_contents(PanelContext& ctx) {
    if (ctx.tables.empty()) {
        ImGui::TextUnformatted("No dataset open.");
        return;
    }
    for (const auto& e : ctx.session.derived().errors) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0, 1), "%s", e.c_str());
    if (!m_request_kind.empty()) {
        if (const int t = first_table_of(ctx.tables, m_request_kind); t >= 0) m_request = t;
        m_request_kind.clear();
    }
    m_order.resize(ctx.tables.size());
    m_order_source.resize(ctx.tables.size(), nullptr);
    m_order_rows.resize(ctx.tables.size(), 0);
    if (ImGui::BeginTabBar("analysis_tabs")) {
        for (std::size_t i = 0; i < ctx.tables.size(); ++i) {
            const TableModel& t = ctx.tables[i];
            ImGuiTabItemFlags flags = 0;
            if (m_request == static_cast<int>(i)) flags |= ImGuiTabItemFlags_SetSelected;
            const bool open = ImGui::BeginTabItem(t.name.c_str(), nullptr, flags);
            if (ImGui::IsItemHovered())
                if (const auto* kind = report::find_report_kind(t.kind))
                    ImGui::SetTooltip("%s: %.*s", t.kind.c_str(), static_cast<int>(kind->summary.size()),
                                      kind->summary.data());
            if (open) {
                m_current = static_cast<int>(i);
                if (!t.note.empty()) ImGui::TextDisabled("%s", t.note.c_str());
                draw_table(ctx, t, static_cast<int>(i));
                ImGui::EndTabItem();
            }
        }
        m_request = -1;
        ImGui::EndTabBar();
    }
}

void AnalysisPanel::draw_table(PanelContext& ctx, const TableModel& t, int index) {
    const auto ti = static_cast<std::size_t>(index);
    auto& order = m_order[ti];
    bool resort = false;
    if (m_order_source[ti] != static_cast<const void*>(&t) || m_order_rows[ti] != t.rows.size()) {
        order.resize(t.rows.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        m_order_source[ti] = &t;
        m_order_rows[ti] = t.rows.size();
        resort = true;
    }
    const int cols = static_cast<int>(t.columns.size());
    if (cols == 0) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(t.name.c_str(), cols, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < cols; ++c) {
        ImGuiTableColumnFlags cf = c == 0 ? ImGuiTableColumnFlags_WidthFixed : 0;
        if (c == t.default_sort) cf |= ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending;
        else if (c < static_cast<int>(t.numeric.size()) && t.numeric[static_cast<std::size_t>(c)])
            cf |= ImGuiTableColumnFlags_PreferSortDescending;
        if (c == 0) cf |= ImGuiTableColumnFlags_NoHide;
        const float w = c == 0 ? ImGui::GetFontSize() * 16 : 0.0f;
        ImGui::TableSetupColumn(t.columns[static_cast<std::size_t>(c)].c_str(), cf, w, static_cast<ImGuiID>(c));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && (specs->SpecsDirty || resort)) {
        if (specs->SpecsCount > 0) {
            const auto col = static_cast<std::size_t>(specs->Specs[0].ColumnUserID);
            const bool desc = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            const bool numeric = col < t.numeric.size() && t.numeric[col];
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                const TableCell& x = t.rows[a][col];
                const TableCell& y = t.rows[b][col];
                if (numeric) return desc ? x.sort > y.sort : x.sort < y.sort;
                return desc ? x.text > y.text : x.text < y.text;
            });
        }
        specs->SpecsDirty = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::size_t row = order[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(row));
            for (int c = 0; c < cols; ++c) {
                ImGui::TableSetColumnIndex(c);
                const auto ci = static_cast<std::size_t>(c);
                if (ci >= t.rows[row].size()) continue;
                const TableCell& cell = t.rows[row][ci];
                if (cell.colour) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, (cell.colour & 0x00FFFFFFu) | 0x80000000u);
                if (c == 0) {
                    const bool selected = ctx.view.selected && row < t.row_entity.size() &&
                                          *ctx.view.selected == t.row_entity[row];
                    if (ImGui::Selectable(cell.text.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns) &&
                        row < t.row_entity.size())
                        ctx.commands.push(SelectEntity{t.row_entity[row], true});
                } else {
                    ImGui::TextUnformatted(cell.text.c_str());
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace boardscape::viewer
