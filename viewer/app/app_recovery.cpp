// Autosave and recovery: unsaved edits are written beside the file every 60 s and offered back
// on the next start; quitting with unsaved changes asks first.
#include "app/app.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

namespace boardscape::viewer {

namespace fs = std::filesystem;

fs::path App::recovery_path(const fs::path& file) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on `"." + std::string&&`.
    std::string name = ".";
    name += file.filename().string();
    name += ".recovery.json";
    return file.parent_path() / name;
}

void App::autosave_tick(double now) {
    if (!m_opts.recovery || !m_session.has_dataset() || !unsaved()) {
        m_unsaved_since.reset();
        return;
    }
    if (!m_unsaved_since) {
        m_unsaved_since = now;
        return;
    }
    if (now - *m_unsaved_since < 60.0) return;
    write_recovery();
    m_unsaved_since = now;
}

void App::write_recovery() {
    // A copy with the current positions and views, as Save would write it, so the dataset in
    // memory (and the undo history's exact inverses) are untouched.
    Dataset d = m_session.dataset();
    store_layout_and_views(d);
    try {
        save_dataset_file(d, recovery_path(m_session.path()));
    } catch (const std::exception& e) {
        m_errors.show({"Could not write the recovery file", {e.what()}});
    }
}

void App::remove_recovery() {
    if (!m_session.has_dataset()) return;
    std::error_code ec;
    fs::remove(recovery_path(m_session.path()), ec);
}

void App::restore_recovery() {
    m_recovery_offer = false;
    const fs::path file = m_session.path();
    try {
        LoadResult r = load_dataset_file(recovery_path(file));
        set_dataset(std::move(r.dataset), file, std::move(r.warnings));
        m_unsaved = true;  // the file on disk still lacks these changes
    } catch (const std::exception& e) {
        m_errors.show({"Could not restore the recovery file", {e.what()}});
    }
}

void App::discard_recovery() {
    m_recovery_offer = false;
    remove_recovery();
}

void App::draw_recovery_prompt() {
    if (!m_recovery_offer) return;
    if (!ImGui::IsPopupOpen("Recover unsaved changes")) ImGui::OpenPopup("Recover unsaved changes");
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Recover unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s has autosaved changes that were never saved.", m_session.path().filename().string().c_str());
    ImGui::TextDisabled("Enter restores them; Discard deletes the autosave.");
    if (ImGui::Button("Restore") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        ImGui::CloseCurrentPopup();
        m_commands.push(RestoreRecovery{true});
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard")) {
        ImGui::CloseCurrentPopup();
        m_commands.push(RestoreRecovery{false});
    }
    ImGui::EndPopup();
}

void App::request_quit() {
    if (unsaved()) m_quit_prompt = true;
    else m_quit = true;
}

void App::draw_quit_prompt() {
    if (!m_quit_prompt) return;
    if (!ImGui::IsPopupOpen("Unsaved changes")) ImGui::OpenPopup("Unsaved changes");
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("%s has unsaved changes.", m_session.path().filename().string().c_str());
    ImGui::TextDisabled("Enter saves, Esc goes back to the map.");
    if (ImGui::Button("Save") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        save();
        m_quit_prompt = false;
        m_quit = !unsaved();  // a failed save keeps the window open (the error shows)
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard")) {
        m_quit_prompt = false;
        m_quit = true;
        remove_recovery();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        m_quit_prompt = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace boardscape::viewer
