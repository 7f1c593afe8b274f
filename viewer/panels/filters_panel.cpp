#include "panels/filters_panel.hpp"

#include "app/kind_legend.hpp"
#include "app/vocab_labels.hpp"
#include "canvas/palette.hpp"

namespace boardscape::viewer {

namespace {

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

}  // namespace

bool input_text(const char* label, std::string& s, ImGuiInputTextFlags flags) {
    return ImGui::InputText(label, s.data(), s.capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                            resize_callback, &s);
}

bool input_text_with_hint(const char* label, const char* hint, std::string& s, ImGuiInputTextFlags flags) {
    return ImGui::InputTextWithHint(label, hint, s.data(), s.capacity() + 1,
                                    flags | ImGuiInputTextFlags_CallbackResize, resize_callback, &s);
}

FiltersPanel::FiltersPanel()
    : Panel("Filters", ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse) {}

void FiltersPanel::draw_contents(PanelContext& ctx) {
    const Filters& current = ctx.view.filters;
    Filters f = current;
    const float sw = ImGui::GetTextLineHeight() * 0.8f;

    // Search.
    if (m_focus_search) {
        ImGui::SetKeyboardFocusHere();
        m_focus_search = false;
    }
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::IsAnyItemActive()) m_search = current.search;
    if (input_text_with_hint("##search", "Search names ( / )", m_search)) f.search = m_search;
    if (!ctx.visibility.search_match.empty()) {
        ImGui::Text("%d found", ctx.visibility.search_matches);
        int shown = 0;
        const Scene& sc = ctx.session.scene();
        for (NodeIndex i = 0; i < sc.nodes.size() && shown < 8; ++i)
            if (ctx.visibility.search_match[i]) {
                entity_link(ctx, sc.nodes[i].id);
                ++shown;
            }
    }
    ImGui::Separator();

    // Date.
    const auto& as_of = ctx.session.derived().as_of;
    if (!ImGui::IsAnyItemActive() && !m_date_bad) m_date = as_of ? as_of->str() : "";
    ImGui::TextUnformatted("As at date");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (input_text("##asof", m_date, ImGuiInputTextFlags_EnterReturnsTrue)) {
        const auto d = Date::parse(m_date);
        m_date_bad = !d && !m_date.empty();
        if (d) f.as_of = d;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("File's date")) {
        f.as_of.reset();
        m_date = ctx.session.dataset().meta.as_of ? ctx.session.dataset().meta.as_of->str() : "";
        m_date_bad = false;
    }
    if (m_date_bad) ImGui::TextColored(ImVec4(0.75f, 0.2f, 0, 1), "Use YYYY-MM-DD, then Enter");
    ImGui::Checkbox("Show inactive at this date", &f.show_inactive);
    ImGui::Separator();

    ImGui::Checkbox("People", &f.show_people);
    ImGui::SameLine();
    ImGui::Checkbox("Areas", &f.show_areas);

    if (ImGui::CollapsingHeader("Board kinds", ImGuiTreeNodeFlags_DefaultOpen)) {
        // Only the kinds the file has: a kind with no board hides nothing.
        for (const BoardKind kind : board_kinds_present(ctx.session.dataset())) {
            const auto k = static_cast<std::size_t>(kind);
            ImGui::PushID(static_cast<int>(k));
            swatch(board_kind_colour(kind), true, sw);
            bool shown = f.board_kind_shown[k];
            if (ImGui::Checkbox(std::string(label(kind)).c_str(), &shown)) f.board_kind_shown[k] = shown;
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Sectors")) {
        for (std::size_t s = 0; s < sector_count; ++s) {
            const auto sec = static_cast<Sector>(s);
            ImGui::PushID(100 + static_cast<int>(s));
            swatch(sector_colour(sec), false, sw);
            bool shown = f.sector_shown[s];
            if (ImGui::Checkbox(std::string(label(sec)).c_str(), &shown)) f.sector_shown[s] = shown;
            ImGui::PopID();
        }
    }
    ImGui::Separator();
    if (ImGui::Button("Show everything (C)")) {
        ctx.commands.push(ClearFilters{});
        m_search.clear();
        return;
    }
    if (!(f == current)) ctx.commands.push(SetFilters{f});
}

}  // namespace boardscape::viewer
