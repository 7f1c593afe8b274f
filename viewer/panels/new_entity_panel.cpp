#include "panels/new_entity_panel.hpp"

#include "app/vocab_labels.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <span>
#include <type_traits>
#include <variant>
#include <vector>

namespace boardscape::viewer {

namespace {

template <std::size_t N>
void set_buffer(std::array<char, N>& buf, const std::string& text) {
    std::snprintf(buf.data(), buf.size(), "%s", text.c_str());
}

/// An InputText over a fixed buffer that writes back into `out`.
template <std::size_t N>
void text_field(const char* label, std::array<char, N>& buf, std::string& out, const char* hint = "") {
    ImGui::InputTextWithHint(label, hint, buf.data(), buf.size());
    out = buf.data();
}

/// A combo over a vocabulary; the shown text is the human label, the value the file spelling.
template <class Enum, class Parse>
void vocabulary_combo(const char* label, std::span<const std::string_view> names, std::string& value,
                      Parse parse) {
    const auto current = parse(value);
    const std::string shown = current ? std::string(viewer::label(*current)) : std::string("Choose\xE2\x80\xA6");
    if (ImGui::BeginCombo(label, shown.c_str())) {
        for (const std::string_view n : names) {
            const Enum e = *parse(n);
            const std::string item = std::string(viewer::label(e)) + "  (" + std::string(n) + ")";
            if (ImGui::Selectable(item.c_str(), value == n)) value = std::string(n);
        }
        ImGui::EndCombo();
    }
}

/// A combo choosing one agency or area of `d` by name, or none. The list is built only while
/// the combo is open.
template <class T>
void id_combo(const char* label, const Dataset& d, const std::vector<T>& items, std::string& value,
              const char* none_text) {
    std::string shown = none_text;
    if (const auto r = value.empty() ? std::nullopt : d.find(value);
        r && r->index < items.size() && items[r->index].id.str() == value)
        shown = items[r->index].name;
    if (ImGui::BeginCombo(label, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        std::vector<const T*> sorted;
        sorted.reserve(items.size());
        for (const T& x : items) sorted.push_back(&x);
        std::sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->name < b->name; });
        if (ImGui::Selectable(none_text, value.empty())) value.clear();
        for (const T* x : sorted) {
            ImGui::PushID(x->id.str().c_str());
            if (ImGui::Selectable(x->name.c_str(), value == x->id.str())) value = x->id.str();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

}  // namespace

NewEntityPanel::NewEntityPanel() : Panel("Add to the map", ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings) {
    m_closable = true;
    visible = false;
}

void NewEntityPanel::start(EntityType type, const Dataset& d, const std::optional<std::string>& near) {
    m_draft = NewEntityDraft{};
    m_draft.type = type;
    if (near) {
        if (const auto r = d.find(*near)) {
            switch (r->type) {
            case EntityType::area:
                if (type == EntityType::board || type == EntityType::agency) m_draft.footprint = {*near};
                if (type == EntityType::area) m_draft.parent = *near;
                break;
            case EntityType::agency:
                if (type == EntityType::person) m_draft.agency = *near;
                if (type == EntityType::board || type == EntityType::agency)
                    for (const auto& a : d.agencies[r->index].footprint) m_draft.footprint.push_back(a.str());
                break;
            case EntityType::board:
                // Another board like the selected one: same kind and area, new name.
                if (type == EntityType::board) m_draft.kind = std::string(to_string(d.boards[r->index].kind));
                if (type == EntityType::board || type == EntityType::agency)
                    for (const auto& a : d.boards[r->index].footprint) m_draft.footprint.push_back(a.str());
                break;
            case EntityType::person:
                if (type == EntityType::person) {
                    if (const auto& ag = d.people[r->index].agency) m_draft.agency = ag->str();
                }
                break;
            }
        }
    }
    m_board_kind = type == EntityType::board ? m_draft.kind : std::string();
    set_buffer(m_name, "");
    set_buffer(m_id, "");
    set_buffer(m_person_title, "");
    set_buffer(m_area_kind, "");
    set_buffer(m_meetings, m_draft.meetings_per_year);
    set_buffer(m_hours, m_draft.meeting_hours);
    set_buffer(m_area_filter, "");
    m_checked.reset();
    m_error.clear();
    m_focus_name = true;
    visible = true;
}

void NewEntityPanel::revalidate(const Session& s) {
    // The validator runs once per change of the draft or of the dataset (an undo while the
    // window is open can free or take an id).
    if (m_checked && *m_checked == m_draft && m_checked_revision == s.revision()) return;
    const Dataset& d = s.dataset();
    m_checked = m_draft;
    m_checked_revision = s.revision();
    m_suggested_id = suggest_id(d, m_draft.type, m_draft.name);
    if (m_draft.name.empty()) {
        m_error = "Give it a name.";
        return;
    }
    m_error = new_entity_edit(d, m_draft).error;
}

void NewEntityPanel::draw_contents(PanelContext& ctx) {
    if (!ctx.session.has_dataset()) {
        visible = false;
        return;
    }
    const Dataset& d = ctx.session.dataset();
    const float field_w = ImGui::GetFontSize() * 18;

    // The type buttons get their own ID scope: a radio button labelled "Agency" and the person's
    // "Agency" list would otherwise share one ImGui ID, and a click on the list pressed the
    // button instead (the list never opened and the draft turned into an agency).
    int type = static_cast<int>(m_draft.type);
    ImGui::PushID("type");
    for (const EntityType t : {EntityType::board, EntityType::agency, EntityType::person, EntityType::area}) {
        if (t != EntityType::board) ImGui::SameLine();
        ImGui::RadioButton(std::string(label(t)).c_str(), &type, static_cast<int>(t));
    }
    ImGui::PopID();
    m_draft.type = static_cast<EntityType>(type);
    ImGui::Separator();

    if (m_focus_name) {
        ImGui::SetKeyboardFocusHere();
        m_focus_name = false;
    }
    ImGui::SetNextItemWidth(field_w);
    text_field("Name", m_name, m_draft.name);
    // While anonymising, a person's id made from their name is not put on screen.
    const bool hide_id = m_draft.type == EntityType::person && ctx.view.anonymise;
    ImGui::SetNextItemWidth(field_w);
    text_field("Id", m_id, m_draft.id, hide_id ? "made from the name" : m_suggested_id.c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Unique across the file. Leave empty to use %s",
                          hide_id ? "one made from the name" : m_suggested_id.c_str());
    if (m_draft.type == EntityType::person && ctx.view.anonymise)
        ImGui::TextDisabled("Anonymising: the name you type is not shown on the map.");
    draw_type_fields(d);

    // The kind field that counts is the one of the chosen type.
    m_draft.kind = m_draft.type == EntityType::board  ? m_board_kind
                   : m_draft.type == EntityType::area ? std::string(m_area_kind.data())
                                                      : std::string();
    revalidate(ctx.session);
    ImGui::Separator();
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(220, 50, 47, 255));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + field_w * 1.5f);
        ImGui::TextUnformatted(m_error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    const bool ok = m_error.empty();
    const bool enter = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (enter && !ok) m_focus_name = true;  // keep typing: the problem is shown above
    if (!ok) ImGui::BeginDisabled();
    const bool add = ImGui::Button("Add") || (ok && enter);
    if (!ok) ImGui::EndDisabled();
    if (add && ok) {
        FieldEdit r = new_entity_edit(d, m_draft);
        if (r.edit) {
            const std::string id = std::visit([](const auto& op) -> std::string {
                if constexpr (std::is_same_v<std::decay_t<decltype(op)>, edit::InsertEntity>)
                    return std::string(entity_id(op.value));
                else
                    return {};
            }, r.edit->op);
            ctx.commands.push(ApplyEdit{std::move(*r.edit)});
            ctx.commands.push(SelectEntity{id, true});
            visible = false;
        } else {
            m_error = r.error;
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)))
        visible = false;
}

void NewEntityPanel::draw_type_fields(const Dataset& d) {
    const float field_w = ImGui::GetFontSize() * 18;
    switch (m_draft.type) {
    case EntityType::board:
        ImGui::SetNextItemWidth(field_w);
        vocabulary_combo<BoardKind>("Kind", board_kind_names(), m_board_kind,
                                    [](std::string_view s) { return parse_board_kind(s); });
        ImGui::SetNextItemWidth(field_w * 0.4f);
        text_field("Meetings a year", m_meetings, m_draft.meetings_per_year);
        ImGui::SetNextItemWidth(field_w * 0.4f);
        text_field("Hours per meeting", m_hours, m_draft.meeting_hours);
        draw_footprint(d);
        break;
    case EntityType::agency:
        ImGui::SetNextItemWidth(field_w);
        vocabulary_combo<Sector>("Sector", sector_names(), m_draft.sector,
                                 [](std::string_view s) { return parse_sector(s); });
        draw_footprint(d);
        break;
    case EntityType::person:
        ImGui::SetNextItemWidth(field_w);
        id_combo("Agency", d, d.agencies, m_draft.agency, "(independent)");
        ImGui::SetNextItemWidth(field_w);
        text_field("Title", m_person_title, m_draft.title, "optional");
        break;
    case EntityType::area: {
        ImGui::SetNextItemWidth(field_w);
        ImGui::InputTextWithHint("Kind", "county, district, unitary\xE2\x80\xA6", m_area_kind.data(), m_area_kind.size());
        ImGui::SetNextItemWidth(field_w);
        id_combo("Inside", d, d.areas, m_draft.parent, "(no parent area)");
        break;
    }
    }
}

void NewEntityPanel::draw_footprint(const Dataset& d) {
    ImGui::Text("Footprint: %zu area%s", m_draft.footprint.size(), m_draft.footprint.size() == 1 ? "" : "s");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    ImGui::InputTextWithHint("##filter", "filter areas", m_area_filter.data(), m_area_filter.size());
    const std::string filter = m_area_filter.data();
    const auto matches = [&](const std::string& s) {
        return std::search(s.begin(), s.end(), filter.begin(), filter.end(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               }) != s.end();
    };
    ImGui::BeginChild("areas", ImVec2(ImGui::GetFontSize() * 18, ImGui::GetFontSize() * 8), true);
    for (const Area& a : d.areas) {
        if (!filter.empty() && !matches(a.name) && !matches(a.id.str())) continue;
        const auto it = std::find(m_draft.footprint.begin(), m_draft.footprint.end(), a.id.str());
        bool in = it != m_draft.footprint.end();
        ImGui::PushID(a.id.str().c_str());
        if (ImGui::Checkbox(a.name.c_str(), &in)) {
            if (in) m_draft.footprint.push_back(a.id.str());
            else m_draft.footprint.erase(it);
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace boardscape::viewer
