// View > Scenario (key S): "what if" on the open file (DESIGN §8.3). Tick boards (from a list
// filtered by kind and text, or from the graph's or the map's selection), merge them ("Merge…":
// name, id, date, kind, cadence) or change a ticked board's cadence, and read a live before /
// after table of every agency's and person's meetings and hours against the baseline. Each
// change is one ordinary undoable edit (ApplyEdit); while a cadence is dragged the table
// previews it without an edit (ScenarioCompare::preview_cadence) and the edit lands on release.
#pragma once

#include "app/scenario_compare.hpp"
#include "panels/panel.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

/// The "Merge…" popup's fields, as typed.
struct MergeDraft {
    std::string name;
    std::string id;  // shown as derived (merged_board_id) until the planner edits it
    bool id_edited = false;
    std::string date;     // YYYY-MM-DD; default scenario_date (the file's as_of, else today)
    int kind = -1;        // BoardKind index; needed only when the ticked boards' kinds differ
    std::string cadence;  // "N" or "NxH"; empty: the largest of the merged boards'
};

/// A cadence being dragged or typed on one ticked board (not yet an edit).
struct CadenceDraft {
    std::string board;
    double meetings_per_year = 0;
    double meeting_hours = 0;
};

/// One row of the before / after table (agencies and people alike; people have no expected
/// figures). Built when the comparison or the anonymisation changes, never per frame.
struct ScenarioRow {
    std::string id;
    std::string name;  // display name (anonymised people: their pseudonym)
    AgencyFigures before, after, delta;
};

/// Where a merge's problems are read: the Merge… popup, or the viewer's command line.
enum class MergeWords { popup, options };
/// A library merge problem (worded for `boardscape scenario`: "give --kind KIND", "choose
/// another with --id") in the words of where it is read: the popup's Kind and Id fields, or the
/// viewer's --merge-kind and --merge-id. Other problems come back unchanged.
std::string merge_problem_words(std::string problem, MergeWords words);

struct ScenarioPanelState {
    std::string filter;               // text filter of the board list (name or id)
    int kind = -1;                    // board kind filter (BoardKind index), -1: every kind
    std::vector<std::string> ticked;  // board ids, in the order ticked
    MergeDraft merge;
    bool open_merge_popup = false;   // the popup opens on the next draw
    bool close_merge_popup = false;  // a merge went through: the popup closes on the next draw
    std::optional<CadenceDraft> cadence;
    std::vector<std::string> problems;  // the last failed action's problems, each listed
    std::string problems_heading;
    bool only_changed = true;  // the table hides rows with no change
};

class ScenarioPanel : public Panel {
public:
    ScenarioPanel();

    /// Shows the panel and ticks the selected board (if a board is selected).
    void open(const Session& s, const std::optional<std::string>& selected);
    /// A file was opened (or restored): it becomes the baseline; ticks and problems clear.
    void dataset_loaded(const Session& s);
    /// The open dataset becomes the baseline ("Reset baseline").
    void reset_baseline(const Session& s);
    /// Another file becomes the baseline ("Compare with a file…"); `label` names it.
    void use_baseline(const Dataset& d, std::string label);
    /// Recomputes the comparison if its inputs changed (App::refresh); true when it did.
    bool update(const Session& s, const std::optional<Date>& as_of, bool anonymise);

    // [SECTION] What the panel's widgets do (tests call the same functions)
    void tick(const std::string& board, bool on);
    bool ticked(const std::string& board) const;
    /// Ticks the selected board, or with an area selected (a click on the map) the active
    /// top-level boards covering it (of the kind filter, when one is set).
    void tick_selection(const Session& s, const std::optional<std::string>& selected);
    /// Fills the Merge… draft's defaults from the ticked boards and opens the popup.
    void begin_merge(const Session& s);
    MergeDraft& merge_draft() { return m_state.merge; }
    /// The id the merge would give the new board from the draft (merged_board_id).
    std::string derived_merge_id(const Session& s) const;
    /// Builds the merge from the draft: one ApplyEdit queued and true, or every problem listed
    /// in the panel and false (nothing queued).
    bool confirm_merge(const Session& s, CommandQueue& commands);
    /// While dragging: preview `board` at this cadence (no edit).
    void preview_cadence(const Session& s, const std::string& board, double meetings, double hours);
    /// On release / Enter: one cadence edit queued (true), or its problems listed (false).
    bool commit_cadence(const Session& s, CommandQueue& commands, const std::string& board,
                        double meetings, double hours);

    // [SECTION] What it shows
    const ScenarioPanelState& state() const { return m_state; }
    const ScenarioCompare& compare() const { return m_compare; }
    /// The table's rows in their default order (largest change in hours first), every row.
    const std::vector<ScenarioRow>& agency_rows() const { return m_agency_rows; }
    const std::vector<ScenarioRow>& people_rows() const { return m_people_rows; }
    const ScenarioRow& agency_totals() const { return m_agency_totals; }
    const ScenarioRow& people_totals() const { return m_people_totals; }
    /// Where the Merge… popup's Merge button was drawn last frame (screen px, min and max), so
    /// tests can click it; none while the popup is closed.
    std::optional<std::pair<ImVec2, ImVec2>> merge_button_rect() const { return m_merge_button; }

protected:
    void draw_contents(PanelContext& ctx) override;
    void on_closed() override;

private:
    void draw_board_list(PanelContext& ctx);
    void draw_ticked(PanelContext& ctx);
    void draw_merge_popup(PanelContext& ctx);
    void draw_table(PanelContext& ctx, bool agencies);
    void rebuild_rows(const Session& s, bool anonymise);
    void show_problems(std::string heading, std::vector<std::string> problems);

    ScenarioPanelState m_state;
    ScenarioCompare m_compare;
    std::vector<ScenarioRow> m_agency_rows, m_people_rows;
    ScenarioRow m_agency_totals, m_people_totals;
    std::uint64_t m_rows_version = ~std::uint64_t{0};
    bool m_rows_anonymise = false;
    // Display order of each table (indices into the rows), re-sorted when the rows or the
    // sort specs change.
    std::vector<std::size_t> m_order[2];
    std::uint64_t m_order_version[2] = {~std::uint64_t{0}, ~std::uint64_t{0}};
    bool m_order_only_changed[2] = {true, true};
    std::optional<std::pair<ImVec2, ImVec2>> m_merge_button;
};

}  // namespace boardscape::viewer
