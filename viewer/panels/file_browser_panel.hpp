// A small built-in file browser (no external dialog library): a path field, the folders and
// matching files of the current folder, and OK. One panel serves Open, Save As, Export PNG,
// Export CSV, Import members and Export CSV folder; OK queues the matching command.
#pragma once

#include "panels/panel.hpp"

#include <filesystem>

namespace boardscape::viewer {

enum class BrowseMode { open, save_as, export_png, export_csv, import_members, export_csv_folder, export_xlsx_report, scenario_baseline };

/// What OK does with the typed path. Modes that write one file of a fixed type (Save as, Export
/// PNG, table CSV, XLSX report) add their extension to a name without one and refuse a name with
/// another one: a PNG saved as "map.jpg" would open as nothing. Reading modes and the CSV folder
/// take the path as typed.
struct ChosenPath {
    std::filesystem::path path;
    std::string error;  // non-empty: say this and keep the browser open
};
ChosenPath choose_path(BrowseMode mode, const std::filesystem::path& typed);
/// The extension in lower case (".PNG" → ".png"), so the listing shows MAP.PNG as a picture.
std::string lower_extension(const std::filesystem::path& p);

class FileBrowserPanel : public Panel {
public:
    FileBrowserPanel();
    /// Opens the browser in `mode`, starting in `folder` with `file_name` proposed; for an XLSX
    /// report, `report_kind` is the kind chosen at first (the user may pick another).
    void start(BrowseMode mode, const std::filesystem::path& folder, const std::string& file_name,
               const std::string& report_kind = {});
    bool active() const { return visible; }

protected:
    void draw_contents(PanelContext& ctx) override;
    void on_closed() override { visible = false; }

private:
    void list_folder();
    void accept(PanelContext& ctx);
    void draw_report_kind();

    BrowseMode m_mode = BrowseMode::open;
    std::filesystem::path m_folder;
    std::string m_path;  // edit buffer: full path of the chosen file
    std::vector<std::filesystem::path> m_dirs;
    std::vector<std::filesystem::path> m_files;
    std::string m_error;
    bool m_focus_path = false;  // put the cursor in the path field when the browser opens
    std::string m_report_kind;  // export_xlsx_report: the kind to write
};

}  // namespace boardscape::viewer
