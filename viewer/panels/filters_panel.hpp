// Filters: board kinds, sectors, people and areas on/off, inactive entities, the as-of date and
// the search box ("/" focuses it). Every change is one SetFilters command; the canvas banner
// says whenever something is hidden, and C clears everything.
#pragma once

#include "panels/panel.hpp"

namespace boardscape::viewer {

class FiltersPanel : public Panel {
public:
    FiltersPanel();
    /// Put the keyboard focus in the search box on the next frame.
    void focus_search() { m_focus_search = true; }

protected:
    void draw_contents(PanelContext& ctx) override;

private:
    bool m_focus_search = false;
    std::string m_search;        // edit buffer; synced from the view when not being edited
    std::string m_date;          // YYYY-MM-DD edit buffer
    bool m_date_bad = false;
};

/// ImGui::InputText over a std::string (imgui_stdlib is not in Debian's libimgui).
bool input_text(const char* label, std::string& s, ImGuiInputTextFlags flags = 0);
bool input_text_with_hint(const char* label, const char* hint, std::string& s, ImGuiInputTextFlags flags = 0);

}  // namespace boardscape::viewer
