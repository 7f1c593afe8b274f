// The viewer's command line: FILE, headless screenshots and frame benchmarks, and the state
// file the end-to-end test reads. Parsing is pure so it is tested without a window.
#pragma once

#include "app/view_state.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::viewer {

struct ViewerOptions {
    std::optional<std::filesystem::path> file;
    std::optional<std::filesystem::path> screenshot;
    int width = 1600;
    int height = 900;
    bool size_given = false;
    std::optional<Overlay> overlay;
    std::optional<std::string> select;
    std::optional<int> view;  // saved view, 1-based as the map's caption counts them
    std::optional<ViewKind> view_kind;  // --view map|graph
    std::optional<std::string> fill, borders, agency;  // the map view's layers; the agency to select
    std::optional<MapMeasure> measure;
    /// --scenario opens the Scenario panel; --merge A,B,… also merges those boards through it
    /// (its Merge… with the defaults; --merge-name, --merge-id, --merge-date, --merge-kind and
    /// --merge-cadence fill the popup's Name, Id, Date, Kind and Cadence).
    bool scenario = false;
    /// --baseline FILE: the Scenario panel measures changes from FILE (its "Compare with a
    /// file…"), e.g. the national file a saved scenario came from. Implies --scenario.
    std::optional<std::filesystem::path> baseline;
    std::vector<std::string> merge;
    std::optional<std::string> merge_name, merge_id, merge_date, merge_kind, merge_cadence;
    bool workshop = false;
    float workshop_scale = 0;  // 0: default
    bool anonymise = false;
    int frames = 4;
    int bench_frames = 0;
    std::optional<std::filesystem::path> state_out;
    bool help = false;
};

/// Parses argv (without the program name). Throws std::invalid_argument with a message on a
/// usage error; a misspelt option or overlay names the closest one ("did you mean …?"), a
/// --merge-* option without --merge is refused, and so is a --screenshot not ending in .png.
ViewerOptions parse_viewer_options(const std::vector<std::string>& args);

/// The candidate closest to `word` (case-insensitive edit distance, at most max(2, ⌈|word|/3⌉)
/// edits), or "" when none is that close.
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

/// Why `--select ID` names nothing in a map whose entities have `ids` and `names` (by index):
/// "no entity with id 'x'", with "did you mean 'y'?" for a close id, or for a name typed
/// instead of an id.
std::string unknown_entity_message(std::string_view id, const std::vector<std::string>& ids,
                                   const std::vector<std::string>& names);

inline constexpr const char* viewer_usage =
    "usage: boardscape-viewer [FILE] [--screenshot OUT.png [--size WxH] [--frames N]]\n"
    "                         [--view N|graph|map [--fill LAYER] [--borders LAYER|none] [--agency ID]\n"
    "                          [--measure regions|expected_meetings|load|scenario]]\n"
    "                         [--overlay overlap|boundaries|load|representation|scenario] [--select ID]\n"
    "                         [--scenario] [--baseline FILE.json]\n"
    "                         [--merge ID,ID[,...] [--merge-name NAME] [--merge-id ID]\n"
    "                          [--merge-date YYYY-MM-DD] [--merge-kind KIND] [--merge-cadence N[xH]]]\n"
    "                         [--workshop [--text-scale S]] [--anonymise] [--bench-frames N]\n"
    "                         [--state-out FILE]\n";

}  // namespace boardscape::viewer
