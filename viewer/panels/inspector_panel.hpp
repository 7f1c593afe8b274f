// The inspector: every field of the selected entity, its memberships with their sources, its
// load figures and footprint relations. Names of linked entities select them when clicked.
// Anonymised people show no name, id or title. Its "Edit" section (inspector_edit.cpp) edits
// fields (validated as you type by the library's check_edit), memberships, footprints and
// relations, and deletes the entity after listing what depends on it; every change is an
// ApplyEdit command, so it is one undo step.
#pragma once

#include "app/field_edit.hpp"
#include "panels/panel.hpp"

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

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
    void draw_edit(PanelContext& ctx, NodeIndex n);
    void draw_field(PanelContext& ctx, const std::string& id, EntityField f);
    /// One text field checked as you type: `current` is the dataset's value, `make` turns the
    /// typed text into an edit (or the reason it is refused). `key` names its state.
    void draw_text_field(PanelContext& ctx, const std::string& key, const std::string& label,
                         const std::string& current, const std::function<FieldEdit(std::string_view)>& make,
                         const char* hint = "");
    void draw_delete(PanelContext& ctx, const std::string& id);
    // Structural edits (inspector_edit.cpp).
    void edit_memberships(PanelContext& ctx, const std::string& person);
    void edit_board_members(PanelContext& ctx, const std::string& board);
    void edit_footprint(PanelContext& ctx, const std::string& id);
    void edit_relations(PanelContext& ctx, const std::string& board);
    /// Queues r's edit, or keeps its reason to show in red.
    void push(PanelContext& ctx, FieldEdit r);

    /// One text field being edited: the buffer holds the user's text while it is active or
    /// was refused (`pending`), and the dataset's value otherwise.
    struct FieldState {
        std::array<char, 256> buf{};
        bool active = false;
        bool pending = false;
        std::string checked_text;  // text `error` belongs to (validation reruns only on change)
        std::string error;
    };
    std::map<std::string, FieldState> m_fields;  // by field key, for the selected entity
    std::string m_edit_id;  // entity the field states belong to
    std::string m_delete_id;
    std::vector<Dependent> m_delete_deps;
    std::string m_delete_error;
    std::string m_structure_error;         // why the last membership/footprint/relation edit was refused
    std::string m_relation_kind = "protocol";  // kind for the next "add relation"
};

}  // namespace boardscape::viewer
