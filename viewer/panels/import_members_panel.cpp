#include "panels/import_members_panel.hpp"

#include <string>

namespace boardscape::viewer {

ImportMembersPanel::ImportMembersPanel() : Panel("Import members", ImGuiWindowFlags_NoCollapse) {
    visible = false;
    m_closable = true;
}

void ImportMembersPanel::start(import::MembersPlan plan, std::optional<Edit> edit, std::filesystem::path sheet,
                               bool create_missing) {
    m_plan = std::move(plan);
    m_sheet = std::move(sheet);
    m_create_missing = create_missing;
    m_edit = m_plan.ok() ? std::move(edit) : std::nullopt;
    visible = true;
}

void ImportMembersPanel::cancel() {
    visible = false;
    m_edit.reset();
}

std::optional<Command> ImportMembersPanel::import_command() const {
    if (!m_edit) return std::nullopt;
    return ApplyEdit{*m_edit};
}

void ImportMembersPanel::draw_contents(PanelContext& ctx) {
    const auto& p = m_plan;
    ImGui::Text("%s: %zu rows", p.sheet.c_str(), p.rows);
    ImGui::Text("%zu people added, %zu seats added, %zu seats updated, %zu agencies created, %zu unchanged",
                p.people_added.size(), p.seats_added.size(), p.seats_updated.size(), p.agencies_added.size(),
                p.seats_unchanged);
    bool create = m_create_missing;
    if (ImGui::Checkbox("Create missing agencies", &create) && !m_sheet.empty())
        ctx.commands.push(create_missing_command(create));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Agencies the sheet names but this file lacks are created; the sheet needs a\n"
                          "'sector' column for them. Boards are never created.");
    const bool errors = !p.ok();
    ImGui::BeginDisabled(!m_edit);
    if (ImGui::Button("Import")) {
        if (auto c = import_command()) ctx.commands.push(std::move(*c));
        cancel();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) cancel();
    if (errors) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0, 1), "Fix the errors in the sheet to import it.");
    } else if (p.no_change()) {
        ImGui::SameLine();
        ImGui::TextDisabled("The sheet changes nothing.");
    }
    ImGui::BeginChild("plan", ImVec2(0, 0), true);
    if (!p.diagnostics.empty() && ImGui::CollapsingHeader("Errors and warnings", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& d : p.diagnostics) {
            const std::string line = import::format_sheet_diagnostic(p.sheet, d);
            if (d.severity == Severity::error) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0, 1), "%s", line.c_str());
            else ImGui::TextUnformatted(line.c_str());
        }
    if (!p.agencies_added.empty() && ImGui::CollapsingHeader("Agencies created", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& a : p.agencies_added)
            ImGui::Text("line %d: %s (%s)", a.line, a.value.name.c_str(), a.value.id.str().c_str());
    if (!p.people_added.empty() && ImGui::CollapsingHeader("People added", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& a : p.people_added)
            ImGui::Text("line %d: %s (%s)", a.line, a.value.name.c_str(), a.value.id.str().c_str());
    if (!p.seats_added.empty() && ImGui::CollapsingHeader("Seats added", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& s : p.seats_added)
            ImGui::Text("line %d: %s on %s", s.line, s.value.person.str().c_str(), s.value.board.str().c_str());
    if (!p.seats_updated.empty() && ImGui::CollapsingHeader("Seats updated", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& u : p.seats_updated) {
            ImGui::Text("line %d: %s on %s", u.line, u.after.person.str().c_str(), u.after.board.str().c_str());
            for (const auto& change : import::describe_changes(u)) ImGui::BulletText("%s", change.c_str());
        }
    if (!p.people_updated.empty() && ImGui::CollapsingHeader("People updated", ImGuiTreeNodeFlags_DefaultOpen))
        for (const auto& u : p.people_updated) {
            ImGui::Text("line %d: %s", u.line, u.after.name.c_str());
            for (const auto& change : import::describe_changes(u)) ImGui::BulletText("%s", change.c_str());
        }
    ImGui::EndChild();
}

}  // namespace boardscape::viewer
