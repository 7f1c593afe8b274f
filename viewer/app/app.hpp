// The viewer application without its platform: session, view state, commands and history,
// layout runner, canvas and panels. The platform shell (or a test) creates the ImGui context,
// calls prepare_frame() before NewFrame, build_frame() between NewFrame and Render, and
// end_frame() after rendering — which applies the frame's commands and refreshes what they
// invalidated. Nothing here touches GLFW or OpenGL, so frames can be built in tests without GL.
#pragma once

#include "app/commands.hpp"
#include "app/fonts.hpp"
#include "app/layout_runner.hpp"
#include "app/saved_views.hpp"
#include "app/session.hpp"
#include "app/tables.hpp"
#include "app/text_log.hpp"
#include "app/view_state.hpp"
#include "app/visibility.hpp"
#include "canvas/canvas.hpp"
#include "views/map_view.hpp"
#include "overlays/overlay.hpp"
#include "panels/analysis_panel.hpp"
#include "panels/errors_panel.hpp"
#include "panels/file_browser_panel.hpp"
#include "panels/filters_panel.hpp"
#include "panels/import_members_panel.hpp"
#include "panels/inspector_panel.hpp"
#include "panels/legend_panel.hpp"
#include "panels/new_entity_panel.hpp"
#include "panels/scenario_panel.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

/// What opening a CSV file says (a members sheet or one table of an exported dataset).
inline constexpr const char* csv_file_message =
    "this is a CSV file: use File > Import members\xE2\x80\xA6 for a members sheet, or "
    "`boardscape import-csv DIR` for an exported dataset";

struct AppOptions {
    bool threaded_layout = true;  // false: the layout only moves in settle_layout()
    bool keyboard = true;         // handle shortcuts
    bool remember_recent = true;  // read and write the recent-files list
    /// Offer a file's autosave back when it is opened, and autosave unsaved changes. Off for
    /// headless pictures: a leftover autosave must not put its dialog into every screenshot,
    /// and a run that only draws has no changes of its own to keep.
    bool recovery = true;
};

/// Where each part of the window goes this frame (screen px).
struct UiLayout {
    ImVec2 canvas_min, canvas_max;
    ImVec2 filters_pos, filters_size;
    ImVec2 legend_pos, legend_size;
    ImVec2 inspector_pos, inspector_size;
    ImVec2 analysis_pos, analysis_size;
    ImVec2 scenario_pos, scenario_size;  // while the Scenario panel is open (else zero)
};

class App {
public:
    explicit App(AppOptions opts = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // [SECTION] Loading and saving
    /// Loads and validates `path`. On failure the errors panel lists every problem and the
    /// current dataset stays open. Returns whether the file was opened.
    bool open_file(const std::filesystem::path& path);
    /// Shows an already validated dataset (tests build them inline).
    void set_dataset(Dataset d, std::filesystem::path path, std::vector<Diagnostic> warnings = {});
    void save_as(const std::filesystem::path& path);
    /// Shows "Add to the map" for a new entity of `type`, pre-filled from the selection.
    void open_new_entity(EntityType type);
    const NewEntityPanel& new_entity_panel() const { return m_new_entity; }
    const ImportMembersPanel& import_members_panel() const { return m_import_members; }
    /// Shows the Scenario panel (key S), ticking the selected board, with its change on the
    /// graph (scenario overlay) and the map (MapMeasure::scenario).
    void open_scenario();
    /// The Scenario panel: tests drive its ticks, Merge… and cadences through the functions its
    /// widgets call.
    ScenarioPanel& scenario_panel() { return m_scenario_panel; }

    // [SECTION] Frame
    /// Before ImGui::NewFrame: rebuilds fonts and style when the scale or theme changed.
    /// Returns true when the font atlas was rebuilt (the renderer must re-upload it).
    bool prepare_frame(float content_scale = 1.0f);
    void build_frame();
    void end_frame();
    /// Applies one command now (as if queued and the frame ended).
    void apply_now(const Command& c);
    /// Runs the layout synchronously to convergence (at most `max_steps` stepper calls).
    bool settle_layout(int max_steps = 4000);

    /// A key press seen by the platform (GLFW key code, GLFW modifier bits). ImGui 1.86 misses
    /// a press and release that arrive within one frame; these are never lost.
    void queue_key_press(int key, int mods) { m_key_presses.emplace_back(key, mods); }

    // [SECTION] Requests for the platform shell
    std::optional<std::filesystem::path> take_png_request();
    bool wants_quit() const { return m_quit; }
    /// Quits now, or first asks Save / Discard / Cancel when there are unsaved changes.
    void request_quit();
    bool quit_prompt_open() const { return m_quit_prompt; }
    bool wants_fullscreen() const { return m_view.workshop.enabled; }
    std::string window_title() const;
    /// Loads `path` and makes it the Scenario panel's baseline; false (reported in the errors
    /// panel, the baseline unchanged) when it does not load.
    bool set_scenario_baseline(const std::filesystem::path& path);
    /// Report an export failure (the platform does the PNG write): the errors panel and the
    /// menu bar's status line.
    void report_problem(std::string heading, std::vector<std::string> lines);
    /// The last export's outcome, shown at the right end of the menu bar ("Wrote map.png …").
    void report_status(std::string line) { m_status = std::move(line); }

    // [SECTION] Access (tests, headless)
    const Session& session() const { return m_session; }
    const ViewState& view() const { return m_view; }
    const Visibility& visibility() const { return m_visibility; }
    const OverlayStyle& overlay() const { return m_overlay; }
    const std::vector<TableModel>& tables() const { return m_tables; }
    const std::vector<WorldPoint>& positions() const { return m_positions; }
    const std::vector<bool>& pinned() const { return m_pinned; }
    const std::vector<SavedView>& saved_views() const { return m_views; }
    const ErrorReport& problems() const { return m_errors.report(); }
    /// The last file operation's outcome, shown at the right of the menu bar ("" for none).
    const std::string& status() const { return m_status; }
    const History& history() const { return m_history; }
    CommandQueue& commands() { return m_commands; }
    Canvas& canvas() { return m_canvas; }
    MapView& map_view() { return m_map_view; }
    TextLog& text_log() { return m_text_log; }
    const UiLayout& ui_layout() const { return m_layout; }
    const FontSet& fonts() const { return m_fonts; }
    /// Unsaved edits (the history is away from the saved point) or a newly saved view.
    bool unsaved() const { return m_unsaved || m_history.dirty(); }
    /// Saves to the current file (atomic, via the library's writer).
    void save();

    // [SECTION] Recovery
    /// `.FILE.recovery.json` next to FILE: where unsaved changes are autosaved.
    static std::filesystem::path recovery_path(const std::filesystem::path& file);
    /// Call with a steady clock (seconds): after 60 s of unsaved changes, writes the recovery
    /// file (and again every 60 s while changes stay unsaved).
    void autosave_tick(double now_seconds);
    /// True after opening a file that has a recovery file; the window asks Restore / Discard.
    bool recovery_offered() const { return m_recovery_offer; }
    /// Loads the recovery file in place of the opened file (unsaved, same path).
    void restore_recovery();
    void discard_recovery();
    /// Everything an end-to-end test checks, as JSON: selection, overlay, workshop, anonymise,
    /// and the screen position of each top-level board on screen; with the text log on, also
    /// the text drawn last frame and every table's cells.
    std::string state_json() const;

private:
    // Commands.
    void apply(const Command& c);
    std::optional<Command> apply_document(const Command& c);
    std::optional<Command> apply_edit_command(const ApplyEdit& e);
    /// After a library edit: rebuilds the scene and analyses, keeping every surviving node
    /// exactly where it was (held fixed in the layout); new nodes are placed beside a neighbour.
    void dataset_changed();
    /// Where a node new to the map goes: beside its placed neighbour (board or agency first), in
    /// the free-most of a few spots in view. `pos` and `known` are by node of scene `s`.
    WorldPoint place_new_node(const Scene& s, const std::vector<WorldPoint>& pos, const std::vector<bool>& known,
                              NodeIndex n) const;
    void apply_drop(const DropOnNode& drop);
    void apply_saved_view(int index);
    /// Loads a dataset file; on failure (a CSV sheet, a located error, anything else) shows
    /// `heading` with the reasons in the errors panel and returns nothing.
    std::optional<LoadResult> load_or_report(const std::filesystem::path& path, const std::string& heading);
    void export_csv(const std::filesystem::path& p);
    void export_csv_folder(const std::filesystem::path& dir);
    void export_xlsx_report(const std::filesystem::path& p, const std::string& kind);
    /// The report kind File > Export > XLSX report proposes: the overlay's, else the current
    /// analysis tab's, else the first in the library's list.
    std::string default_report_kind() const;
    void start_xlsx_export();
    void preview_members_import(const std::filesystem::path& sheet, bool create_missing);
    /// Copies the current node positions, pins and saved views into `d` for saving.
    void store_layout_and_views(Dataset& d) const;
    // Frame parts.
    void compute_layout();
    void draw_menu_bar();
    void draw_map_menu();
    void handle_keys();
    void draw_canvas();
    void draw_names_hidden_badge();
    void draw_panels();
    void draw_quit_prompt();
    void draw_recovery_prompt();
    void write_recovery();
    void remove_recovery();
    // Derived state.
    void refresh();
    void start_layout();
    void fit_to_visible();
    void remember_recent(const std::filesystem::path& p);
    void load_recent();

    AppOptions m_opts;
    Session m_session;
    ViewState m_view;
    Visibility m_visibility;
    OverlayStyle m_overlay;
    std::vector<TableModel> m_tables;
    std::vector<bool> m_focus_set;
    std::vector<SavedView> m_views;

    CommandQueue m_commands;
    History m_history;
    LayoutRunner m_layout_runner;
    std::vector<WorldPoint> m_positions;
    std::vector<bool> m_pinned;
    std::optional<std::pair<std::string, bool>> m_drag_pin_before;  // id, pinned before the drag
    // Display frame = the layout's frame rotated so its principal axis lies along the screen's
    // width (a wide screen then shows a wide map). Follows the layout while it first settles,
    // then stays fixed so nothing spins under the user.
    double m_rot_cos = 1;
    double m_rot_sin = 0;
    bool m_rotation_frozen = false;
    std::vector<WorldPoint> m_raw_positions;  // the layout's own frame
    void take_layout_positions();
    WorldPoint to_layout_frame(WorldPoint display) const;

    FontSet m_fonts;
    float m_style_scale = 0;
    int m_style_contrast = -1;
    Canvas m_canvas;
    MapView m_map_view;
    std::vector<LegendEntry> m_map_legend;  // the map view's key, rebuilt each frame it shows
    TextLog m_text_log;
    UiLayout m_layout;

    FiltersPanel m_filters_panel;
    InspectorPanel m_inspector_panel;
    AnalysisPanel m_analysis_panel;
    LegendPanel m_legend_panel;
    ErrorsPanel m_errors;
    FileBrowserPanel m_browser;
    std::string m_status;  // see status()
    NewEntityPanel m_new_entity;
    ImportMembersPanel m_import_members;
    ScenarioPanel m_scenario_panel;

    bool m_dirty_derived = false;
    bool m_dirty_visibility = true;
    bool m_dirty_overlay = true;
    bool m_dirty_tables = true;
    bool m_dirty_focus = true;
    bool m_auto_fit = true;
    bool m_fit_requested = false;
    bool m_unsaved = false;
    bool m_quit = false;
    bool m_quit_prompt = false;
    bool m_recovery_offer = false;
    std::optional<double> m_unsaved_since;  // autosave clock: when changes became unsaved
    std::optional<std::filesystem::path> m_png_request;
    std::vector<std::filesystem::path> m_recent;
    std::vector<std::pair<int, int>> m_key_presses;
    void handle_key(int key, bool ctrl, bool shift);
};

}  // namespace boardscape::viewer
