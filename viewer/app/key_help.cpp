#include "app/key_help.hpp"

namespace boardscape::viewer {

namespace {

constexpr KeyHelp k_keys[] = {
    {"1\xE2\x80\x93"
     "4, 0",
     "overlay: overlap, boundaries, load, representation; none"},
    {"S, 5", "the Scenario panel (merge boards, change cadences); 5: its overlay alone"},
    {"M", "the map of England's districts instead of the graph, and back"},
    {"W", "workshop mode: full screen, large crisp type, high contrast"},
    {"+, \xE2\x88\x92",
     "workshop text size (1\xC3\x97\xE2\x80\x93"
     "3\xC3\x97)"},
    {"A", "anonymise people everywhere (\"Police rep 2\")"},
    {"\xE2\x86\x90, \xE2\x86\x92", "step through the saved views stored in the file"},
    {"F", "fit the map to the window"},
    {"/", "search names"},
    {"C", "clear every filter"},
    {"Esc", "clear the focus, then the selection"},
    {"Ctrl+Z", "undo (the Edit menu names the step)"},
    {"Ctrl+Shift+Z, Ctrl+Y", "redo"},
    {"Ctrl+N", "add a board (the Edit menu also adds agencies, people and areas)"},
    {"Ctrl+O", "open a file"},
    {"Ctrl+S", "save (the old version stays as FILE.bak)"},
    {"Ctrl+Shift+S", "save as"},
    {"Ctrl+E", "export PNG"},
    {"Ctrl+Shift+E", "export a report as an Excel workbook"},
    {"Ctrl+Q", "quit (asks Save / Discard / Cancel when there are unsaved changes)"},
};

}  // namespace

std::span<const KeyHelp> key_help() { return k_keys; }

}  // namespace boardscape::viewer
