// Commands: the only way panels and the canvas change anything. UI code queues them while it
// draws; the App applies them after the frame, in order. Applying a document-changing command
// yields its inverse; the History keeps both as one step for undo and redo (view changes are
// not undoable: they are cheap to redo by hand and would drown the edits in the undo list).
#pragma once

#include "app/view_state.hpp"
#include "boardscape/edit.hpp"
#include "boardscape/undo_stack.hpp"

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
/// The presenter's own anonymise toggle (key A, View > Anonymise people, --anonymise): on
/// locks names hidden until the presenter turns it off again (ViewState::anonymise_locked).
/// Nothing else sends it; saved views go through ViewState::set_anonymise_by_view.
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
/// Graph or map in the canvas (key M).
struct SetViewKind {
    ViewKind kind = ViewKind::graph;
};
/// The map view's layers and colouring.
struct SetMapSettings {
    MapSettings settings;
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
/// The whole dataset as a folder of CSV files (boardscape/dataset_csv.hpp), unlike ExportCsv
/// which writes one analysis table.
struct ExportCsvFolder {
    std::filesystem::path path;
};
/// One report kind (report::report_kinds() name) as an Excel workbook, computed at the view's
/// date with the view's anonymisation, through the library's writer (as `boardscape report
/// KIND --format xlsx`).
struct ExportXlsxReport {
    std::filesystem::path path;
    std::string kind;
};
/// Reads a members sheet and opens the import preview; nothing changes until its Import
/// button queues the ApplyEdit.
struct PreviewMembersImport {
    std::filesystem::path path;
    /// The library's create_missing: agencies the sheet names but the file lacks are created
    /// (the sheet then needs a `sector` column); boards never are.
    bool create_missing = false;
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
/// The Scenario panel's "Compare with a file…": opens the file browser for a dataset file.
struct BrowseScenarioBaseline {};
/// Makes another dataset file the scenario's baseline (the original of a saved scenario, or
/// last year's landscape): the table and overlays then show the open file's change against it.
/// Nothing is edited; a file that does not load is reported and the baseline stays.
struct SetScenarioBaseline {
    std::filesystem::path path;
};
struct RestoreRecovery {
    bool restore = true;  // false: discard the recovery file
};

using Command = std::variant<SelectEntity, FocusEgo, SetOverlay, SetViewKind, SetMapSettings, SetFilters, ClearFilters,
                             SetWorkshop, SetAnonymise, SetCamera, FitView, ApplySavedView,
                             StepSavedView, SaveCurrentView, OpenFile, SaveAs, ExportPng,
                             ExportCsv, ExportCsvFolder, ExportXlsxReport, PreviewMembersImport, BrowseScenarioBaseline, SetScenarioBaseline, MoveNode, DropOnNode, ApplyEdit, Undo, Redo, Save, RestoreRecovery>;

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

/// One undoable step: the document command as applied and its inverse (node moves and library
/// edits share one ordered history).
struct Step {
    Command forward;
    Command inverse;
};
/// "add membership": what the Edit menu calls the step.
inline std::string describe(const Step& s) { return describe(s.forward); }

/// The library's undo bookkeeping (boardscape/undo_stack.hpp) over the viewer's steps; its
/// saved point drives the "unsaved" marker.
using History = UndoStack<Step>;

}  // namespace boardscape::viewer
