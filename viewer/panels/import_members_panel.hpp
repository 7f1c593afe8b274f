// File > Import members…: the preview of a members sheet (boardscape/import/members.hpp) —
// what would be added or changed and every error and warning with its line and column — with
// Import (one undoable ApplyEdit, disabled while the sheet has errors) and Cancel.
#pragma once

#include "boardscape/edit.hpp"
#include "boardscape/import/members.hpp"
#include "panels/panel.hpp"

#include <optional>

namespace boardscape::viewer {

class ImportMembersPanel : public Panel {
public:
    ImportMembersPanel();
    /// Shows `plan`; `edit` is members_edit(base, plan), absent when the plan has errors or
    /// changes nothing.
    void start(import::MembersPlan plan, std::optional<Edit> edit);
    /// Closes the preview without importing (also when the dataset changes under it, since the
    /// edit was matched against the dataset as it was).
    void cancel();

    const import::MembersPlan& plan() const { return m_plan; }
    bool can_import() const { return m_edit.has_value(); }
    /// The command the Import button queues (absent when it is disabled).
    std::optional<Command> import_command() const;

protected:
    void draw_contents(PanelContext& ctx) override;
    void on_closed() override { cancel(); }

private:
    import::MembersPlan m_plan;
    std::optional<Edit> m_edit;
};

}  // namespace boardscape::viewer
