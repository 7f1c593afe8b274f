// File > Import members…: the preview of a members sheet (boardscape/import/members.hpp) —
// what would be added or changed and every error and warning with its line and column — with
// Import (one undoable ApplyEdit, disabled while the sheet has errors) and Cancel. "Create
// missing agencies" is the library's create_missing: ticking it asks the app to plan the sheet
// again (a command; the panel changes nothing itself).
#pragma once

#include "boardscape/edit.hpp"
#include "boardscape/import/members.hpp"
#include "panels/panel.hpp"

#include <filesystem>
#include <optional>

namespace boardscape::viewer {

class ImportMembersPanel : public Panel {
public:
    ImportMembersPanel();
    /// Shows `plan`; `edit` is members_edit(base, plan), absent when the plan has errors or
    /// changes nothing.
    /// `sheet` and `create_missing` are what the plan was made from (the checkbox re-plans).
    void start(import::MembersPlan plan, std::optional<Edit> edit, std::filesystem::path sheet = {},
               bool create_missing = false);
    /// Closes the preview without importing (also when the dataset changes under it, since the
    /// edit was matched against the dataset as it was).
    void cancel();

    const import::MembersPlan& plan() const { return m_plan; }
    bool can_import() const { return m_edit.has_value(); }
    /// The command the Import button queues (absent when it is disabled).
    std::optional<Command> import_command() const;
    bool create_missing() const { return m_create_missing; }
    /// The command the "Create missing agencies" checkbox queues when set to `on`.
    Command create_missing_command(bool on) const { return PreviewMembersImport{m_sheet, on}; }

protected:
    void draw_contents(PanelContext& ctx) override;
    void on_closed() override { cancel(); }

private:
    import::MembersPlan m_plan;
    std::optional<Edit> m_edit;
    std::filesystem::path m_sheet;
    bool m_create_missing = false;
};

}  // namespace boardscape::viewer
