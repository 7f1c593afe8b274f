// The inspector's "Edit" section (the rest of the panel is inspector_panel.cpp): fields checked
// as you type, memberships, footprints and relations, and delete with what depends on it.
// Every change is one ApplyEdit built by app/field_edit or app/structure_edit, so the library
// checks it first and the Edit menu can undo it by name.
#include "panels/inspector_panel.hpp"

#include "app/structure_edit.hpp"
#include "app/vocab_labels.hpp"

#include <algorithm>
#include <cstdio>
#include <span>
#include <utility>
#include <vector>

namespace boardscape::viewer {

namespace {

constexpr ImU32 error_red = IM_COL32(220, 50, 47, 255);

void error_text(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, error_red);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

/// (id, display name) of every entity of one kind, sorted by name, for "Add …" combos.
template <class T>
std::vector<std::pair<std::string, std::string>> sorted_choices(const std::vector<T>& items) {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(items.size());
    for (const T& x : items) out.emplace_back(x.id.str(), x.name);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return out;
}

/// A combo listing what `choices()` gives (built only while the combo is open, so a closed
/// combo costs nothing on a national dataset); returns the id picked this frame.
template <class Choices>
std::optional<std::string> pick(const char* label, const char* preview, Choices&& choices,
                                std::string_view except = {}) {
    std::optional<std::string> picked;
    if (ImGui::BeginCombo(label, preview, ImGuiComboFlags_HeightLarge)) {
        for (const auto& [id, name] : choices()) {
            if (id == except) continue;
            ImGui::PushID(id.c_str());
            if (ImGui::Selectable(name.c_str())) picked = id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return picked;
}

}  // namespace

// [SECTION] The Edit section

void InspectorPanel::push(PanelContext& ctx, FieldEdit r) {
    m_structure_error = r.error;
    if (r.edit) ctx.commands.push(ApplyEdit{std::move(*r.edit)});
}

void InspectorPanel::draw_edit(PanelContext& ctx, NodeIndex n) {
    const Session& s = ctx.session;
    const SceneNode& node = s.scene().nodes[n];
    if (m_edit_id != node.id) {
        m_edit_id = node.id;
        m_fields = {};
        m_structure_error.clear();
    }
    ImGui::Separator();
    if (!ImGui::TreeNode("Edit")) return;
    if (node.type == EntityType::person && ctx.view.anonymise) {
        ImGui::TextWrapped("Editing people is off while anonymising (it would show their names).");
        ImGui::TreePop();
        return;
    }
    for (const EntityField f : all_entity_fields)
        if (has_field(node.type, f)) draw_field(ctx, node.id, f);

    switch (node.type) {
    case EntityType::person: edit_memberships(ctx, node.id); break;
    case EntityType::board:
        edit_board_members(ctx, node.id);
        edit_footprint(ctx, node.id);
        edit_relations(ctx, node.id);
        break;
    case EntityType::agency: edit_footprint(ctx, node.id); break;
    case EntityType::area: break;
    }
    error_text(m_structure_error);
    ImGui::Spacing();
    draw_delete(ctx, node.id);
    ImGui::TreePop();
}

void InspectorPanel::edit_memberships(PanelContext& ctx, const std::string& person) {
    const Dataset& d = ctx.session.dataset();
    // Membership fields: combos offer only vocabulary values; the validator still decides.
    for (std::size_t m = 0; m < d.memberships.size(); ++m) {
        const Membership& ms = d.memberships[m];
        if (ms.person.str() != person) continue;
        ImGui::PushID(static_cast<int>(m));
        if (ImGui::SmallButton("x")) push(ctx, remove_membership_edit(d, m));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this seat");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", ctx.session.display_name(ms.board.str(), false).c_str());
        ImGui::Indent();
        const auto combo = [&](MembershipField f, std::span<const std::string_view> values) {
            const std::string current = field_text(d, m, f);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
            if (ImGui::BeginCombo(std::string(field_label(f)).c_str(), current.c_str())) {
                for (const std::string_view v : values) {
                    const std::string value(v);
                    if (ImGui::Selectable(value.c_str(), current == value)) push(ctx, membership_field_edit(d, m, f, value));
                }
                ImGui::EndCombo();
            }
        };
        combo(MembershipField::role, role_names());
        combo(MembershipField::seniority, seniority_names());
        combo(MembershipField::attendance, attendance_names());
        for (const MembershipField f : {MembershipField::represents, MembershipField::from, MembershipField::until,
                                        MembershipField::source}) {
            const std::string label(field_label(f));
            draw_text_field(ctx, std::to_string(m).insert(0, 1, 'm') + "/" + label, label, field_text(d, m, f),
                            [&](std::string_view text) { return membership_field_edit(d, m, f, text); },
                            f == MembershipField::represents ? "agency id (empty: their own)"
                            : f == MembershipField::source   ? "where this seat is recorded"
                                                             : "YYYY-MM-DD");
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (auto board = pick("##add-membership", "Add membership\xE2\x80\xA6", [&] { return sorted_choices(d.boards); }))
        push(ctx, add_membership_edit(d, person, *board));
}

void InspectorPanel::edit_board_members(PanelContext& ctx, const std::string& board) {
    const Dataset& d = ctx.session.dataset();
    if (ctx.view.anonymise) return;  // the list would show people's names
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (auto person = pick("##add-member", "Add member\xE2\x80\xA6", [&] { return sorted_choices(d.people); }))
        push(ctx, add_membership_edit(d, *person, board));
}

void InspectorPanel::edit_footprint(PanelContext& ctx, const std::string& id) {
    const Dataset& d = ctx.session.dataset();
    const auto r = d.find(id);
    if (!r) return;
    const std::vector<AreaId>& fp =
        r->type == EntityType::board ? d.boards[r->index].footprint : d.agencies[r->index].footprint;
    ImGui::TextDisabled("Footprint");
    for (const AreaId& a : fp) {
        ImGui::PushID(a.str().c_str());
        if (ImGui::SmallButton("x")) push(ctx, footprint_edit(d, id, a.str(), false));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove from the footprint");
        ImGui::SameLine();
        ImGui::TextUnformatted(ctx.session.display_name(a.str(), false).c_str());
        ImGui::PopID();
    }
    const auto others = [&] {
        std::vector<std::pair<std::string, std::string>> out;
        for (auto& choice : sorted_choices(d.areas))
            if (std::none_of(fp.begin(), fp.end(), [&](const AreaId& a) { return a.str() == choice.first; }))
                out.push_back(std::move(choice));
        return out;
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (auto area = pick("##add-area", "Add area\xE2\x80\xA6", others)) push(ctx, footprint_edit(d, id, *area, true));
}

void InspectorPanel::edit_relations(PanelContext& ctx, const std::string& board) {
    const Dataset& d = ctx.session.dataset();
    ImGui::TextDisabled("Relations");
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        const Relation& r = d.relations[i];
        if (r.from.str() != board && r.to.str() != board) continue;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("x")) push(ctx, remove_relation_edit(d, i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this relation");
        ImGui::SameLine();
        const bool outgoing = r.from.str() == board;
        const std::string other = ctx.session.display_name(outgoing ? r.to.str() : r.from.str(), false);
        ImGui::TextWrapped("%s %s", outgoing ? "\xE2\x86\x92 to" : "\xE2\x86\x90 from", other.c_str());
        ImGui::Indent();
        const std::string current = field_text(d, i, RelationField::kind);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        if (ImGui::BeginCombo("kind", current.c_str())) {
            for (const std::string_view k : relation_kind_names()) {
                const std::string value(k);
                if (ImGui::Selectable(value.c_str(), value == current))
                    push(ctx, relation_field_edit(d, i, RelationField::kind, value));
            }
            ImGui::EndCombo();
        }
        draw_text_field(ctx, std::to_string(i).insert(0, 1, 'r') + "/note", "note", field_text(d, i, RelationField::note),
                        [&](std::string_view text) { return relation_field_edit(d, i, RelationField::note, text); },
                        "optional");
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("##relation-kind", m_relation_kind.c_str())) {
        for (const std::string_view k : relation_kind_names())
            if (ImGui::Selectable(std::string(k).c_str(), m_relation_kind == k)) m_relation_kind = std::string(k);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (auto to = pick("##relation-to", "to board\xE2\x80\xA6", [&] { return sorted_choices(d.boards); }, board))
        push(ctx, add_relation_edit(d, board, *to, m_relation_kind));
}

// [SECTION] Fields and delete

void InspectorPanel::draw_field(PanelContext& ctx, const std::string& id, EntityField f) {
    const Dataset& d = ctx.session.dataset();
    // Closed vocabularies (a board's kind, an agency's sector) are picked, not typed.
    const auto where = d.find(id);
    const bool board_kind = f == EntityField::kind && where && where->type == EntityType::board;
    if (board_kind || f == EntityField::sector) {
        const std::string current = field_text(d, id, f);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo(std::string(field_label(f)).c_str(), current.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (const std::string_view v : board_kind ? board_kind_names() : sector_names()) {
                const std::string value(v);
                if (ImGui::Selectable(value.c_str(), value == current)) push(ctx, entity_field_edit(d, id, f, value));
            }
            ImGui::EndCombo();
        }
        return;
    }
    const char* hint = "";
    switch (f) {
    case EntityField::agency: hint = "agency id (empty: independent)"; break;
    case EntityField::parent: hint = where && where->type == EntityType::board ? "board id (a sub-group)" : "area id"; break;
    case EntityField::successor: hint = "board id"; break;
    case EntityField::from:
    case EntityField::until: hint = "YYYY-MM-DD"; break;
    case EntityField::code: hint = "e.g. E10000016"; break;
    default: break;
    }
    draw_text_field(ctx, "e/" + std::string(field_label(f)), std::string(field_label(f)), field_text(d, id, f),
                    [&](std::string_view text) { return entity_field_edit(d, id, f, text); }, hint);
}

void InspectorPanel::draw_text_field(PanelContext& ctx, const std::string& key, const std::string& label,
                                     const std::string& current,
                                     const std::function<FieldEdit(std::string_view)>& make,
                                     const char* hint) {
    FieldState& st = m_fields[key];
    if (!st.active && !st.pending) {
        const std::string& v = current;
        std::snprintf(st.buf.data(), st.buf.size(), "%s", v.c_str());
        st.checked_text = v;
        st.error.clear();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const bool red = !st.error.empty();
    if (red) ImGui::PushStyleColor(ImGuiCol_Text, error_red);
    ImGui::PushID(key.c_str());
    ImGui::InputTextWithHint(label.c_str(), hint, st.buf.data(), st.buf.size());
    ImGui::PopID();
    if (red) ImGui::PopStyleColor();
    st.active = ImGui::IsItemActive();
    const bool commit = ImGui::IsItemDeactivatedAfterEdit();
    const std::string text(st.buf.data());
    if (text != st.checked_text) {  // validate as you type, once per change
        st.checked_text = text;
        st.error = make(text).error;
        st.pending = true;
    }
    if (commit) {
        FieldEdit r = make(text);
        st.error = r.error;
        if (r.edit) ctx.commands.push(ApplyEdit{std::move(*r.edit)});
        st.pending = !r.error.empty();  // a refused value stays, in red, until changed
    }
    error_text(st.error);
}

void InspectorPanel::draw_delete(PanelContext& ctx, const std::string& id) {
    const Dataset& d = ctx.session.dataset();
    if (ImGui::Button("Delete\xE2\x80\xA6")) {
        m_delete_id = id;
        m_delete_deps = dependents(d, id);
        m_delete_error.clear();
        ImGui::OpenPopup("Delete?");
    }
    if (!ImGui::BeginPopupModal("Delete?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("Delete %s?", ctx.session.display_name(m_delete_id, ctx.view.anonymise).c_str());
    if (m_delete_deps.empty()) {
        ImGui::TextUnformatted("Nothing else refers to it.");
    } else {
        ImGui::Text("This also changes %zu things that depend on it:", m_delete_deps.size());
        ImGui::BeginChild("deps", ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 10), true);
        for (const auto& dep : m_delete_deps)
            ImGui::BulletText("%s", ctx.view.anonymise ? dep.pointer.c_str() : dep.description.c_str());
        ImGui::EndChild();
    }
    error_text(m_delete_error);
    if (ImGui::Button("Delete")) {
        try {
            Edit e = removal_edit(d, m_delete_id);
            // The library's label names the entity; a person's name must not reach the Edit
            // menu while anonymising, so the menu says only what kind of thing went.
            if (const auto dn = ctx.session.scene().find(m_delete_id))
                e.label = "delete " + std::string(to_string(ctx.session.scene().nodes[*dn].type));
            ctx.commands.push(ApplyEdit{std::move(e)});
            ImGui::CloseCurrentPopup();
        } catch (const EditError& err) {
            m_delete_error.clear();
            for (const auto& p : err.problems()) m_delete_error += p + "\n";
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace boardscape::viewer
