// Commands: the only way panels and the canvas change anything. UI code queues them while it
// draws; the App applies them after the frame, in order. Applying a document-changing command
// yields its inverse, which the History keeps for undo (view changes are not undoable: they
// are cheap to redo by hand and would drown the edits in the undo list).
#pragma once

#include "app/view_state.hpp"
#include "boardscape/edit.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace boardscape::viewer {

// [SECTION] View commands (not recorded for undo)

struct SelectEntity {
    std::optional<std::string> id;  // nullopt clears the selection
    bool frame = false;             // also centre the camera on it
};
struct FocusEgo {
    std::optional<std::string> id;  // nullopt clears the focus
    int hops = 1;
};
struct SetOverlay {
    Overlay overlay = Overlay::none;
};
struct SetFilters {
    Filters filters;
};
struct ClearFilters {};
struct SetWorkshop {
    WorkshopSettings settings;
};
struct SetAnonymise {
    bool on = false;
};
struct SetCamera {
    Camera camera;
};
struct FitView {};
struct ApplySavedView {
    int index = 0;
};
struct StepSavedView {
    int delta = 1;
};
struct SaveCurrentView {
    std::string name;
};

// [SECTION] File commands

struct OpenFile {
    std::filesystem::path path;
};
struct SaveAs {
    std::filesystem::path path;
};
struct ExportPng {
    std::filesystem::path path;
};
struct ExportCsv {
    std::filesystem::path path;
};

// [SECTION] Document commands (recorded for undo)

/// Moves one node to `to` (world units) and sets its pin. While dragging, the canvas sends
/// `final = false` moves, which are applied but not recorded; the release sends one `final`
/// move carrying where the drag started, so one drag is one undo step.
struct MoveNode {
    std::string id;
    WorldPoint to;
    bool pin = true;
    bool final = true;
    std::optional<WorldPoint> from;  // for the inverse; the drag start
    bool was_pinned = false;
};
/// A node dragged from `from` and released over another node. A person dropped on a board
/// joins it (one undo step: "add membership") and goes back to where the drag started; any
/// other pair just ends the drag there as a normal move.
struct DropOnNode {
    std::string dragged;
    std::string target;
    WorldPoint from;
    WorldPoint to;
};
/// A change to the dataset itself, issued to the graph library (which owns the edit and its
/// exact inverse). The label names the action in the Edit menu ("add membership").
struct ApplyEdit {
    Edit edit;
};
struct Undo {};
struct Redo {};
struct Save {};  // to the current file
struct RestoreRecovery {
    bool restore = true;  // false: discard the recovery file
};

using Command = std::variant<SelectEntity, FocusEgo, SetOverlay, SetFilters, ClearFilters,
                             SetWorkshop, SetAnonymise, SetCamera, FitView, ApplySavedView,
                             StepSavedView, SaveCurrentView, OpenFile, SaveAs, ExportPng,
                             ExportCsv, MoveNode, DropOnNode, ApplyEdit, Undo, Redo, Save, RestoreRecovery>;

/// A short human name for menus ("Undo move node").
std::string describe(const Command& c);

/// Commands queued during a frame, applied after it.
class CommandQueue {
public:
    void push(Command c) { m_pending.push_back(std::move(c)); }
    std::vector<Command> take() { return std::exchange(m_pending, {}); }
    bool empty() const { return m_pending.empty(); }
    std::size_t size() const { return m_pending.size(); }

private:
    std::vector<Command> m_pending;
};

/// One ordered undo/redo stack of inverse commands (node moves and library edits together).
/// `record` is called with the inverse of a command just applied; undoing applies that
/// inverse, whose own inverse goes to the redo stack. The saved depth drives the "unsaved"
/// marker: undoing back to the saved state makes the document clean again.
class History {
public:
    void record(Command inverse) {
        if (m_saved_depth && *m_saved_depth > m_undo.size()) m_saved_depth.reset();
        m_undo.push_back(std::move(inverse));
        m_redo.clear();
    }
    std::optional<Command> pop_undo() { return pop(m_undo); }
    std::optional<Command> pop_redo() { return pop(m_redo); }
    void push_undo(Command c) { m_undo.push_back(std::move(c)); }
    void push_redo(Command c) { m_redo.push_back(std::move(c)); }
    bool can_undo() const { return !m_undo.empty(); }
    bool can_redo() const { return !m_redo.empty(); }
    const Command* next_undo() const { return m_undo.empty() ? nullptr : &m_undo.back(); }
    const Command* next_redo() const { return m_redo.empty() ? nullptr : &m_redo.back(); }
    bool dirty() const { return !m_saved_depth || *m_saved_depth != m_undo.size(); }
    void mark_saved() { m_saved_depth = m_undo.size(); }
    void clear() {
        m_undo.clear();
        m_redo.clear();
        m_saved_depth = 0;
    }

private:
    static std::optional<Command> pop(std::vector<Command>& v) {
        if (v.empty()) return std::nullopt;
        Command c = std::move(v.back());
        v.pop_back();
        return c;
    }
    std::vector<Command> m_undo;
    std::vector<Command> m_redo;
    std::optional<std::size_t> m_saved_depth = 0;  // nullopt: the saved state is unreachable
};

}  // namespace boardscape::viewer
