#include "panels/file_browser_panel.hpp"

#include "panels/filters_panel.hpp"

#include "boardscape/report/report_kinds.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace boardscape::viewer {

namespace fs = std::filesystem;

namespace {
const char* extension_for(BrowseMode m) {
    switch (m) {
    case BrowseMode::open:
    case BrowseMode::scenario_baseline:
    case BrowseMode::save_as: return ".json";
    case BrowseMode::export_png: return ".png";
    case BrowseMode::export_csv:
    case BrowseMode::import_members: return ".csv";
    case BrowseMode::export_csv_folder: return "";  // a folder: list folders only
    case BrowseMode::export_xlsx_report: return ".xlsx";
    }
    return ".json";
}
const char* title_for(BrowseMode m) {
    switch (m) {
    case BrowseMode::open: return "Open";
    case BrowseMode::save_as: return "Save as";
    case BrowseMode::export_png: return "Export PNG";
    case BrowseMode::export_csv: return "Export table as CSV";
    case BrowseMode::import_members: return "Import members from a CSV sheet";
    case BrowseMode::export_csv_folder: return "Export the dataset as a CSV folder (created if missing)";
    case BrowseMode::export_xlsx_report: return "Export a report as an Excel workbook (every table, one sheet each)";
    case BrowseMode::scenario_baseline: return "Compare with a file: the dataset the Scenario table measures changes from";
    }
    return "Open";
}
bool writes_one_file(BrowseMode m) {
    return m == BrowseMode::save_as || m == BrowseMode::export_png || m == BrowseMode::export_csv ||
           m == BrowseMode::export_xlsx_report;
}
}  // namespace

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

ChosenPath choose_path(BrowseMode mode, const fs::path& typed_path) {
    // Spaces typed around the name are not part of it.
    std::string text = typed_path.string();
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    const fs::path typed(text);
    ChosenPath out{typed, {}};
    const std::string name = typed.filename().string();
    // "", ".", "..", "dir/", and ".png" (a type with no name before it).
    if (name.find_first_not_of('.') == std::string::npos ||
        (writes_one_file(mode) && name.front() == '.' && name.find('.', 1) == std::string::npos)) {
        out.error = mode == BrowseMode::export_csv_folder ? "Choose a folder name." : "Choose a file name.";
        return out;
    }
    if (!writes_one_file(mode)) return out;
    const std::string want = extension_for(mode);
    // Only a known file type counts as a wrong extension: "St. Helens scenario" and "leeds.v2"
    // are names with a dot, and get the extension added.
    static const char* const k_types[] = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".csv", ".tsv",
                                          ".txt", ".xlsx", ".xls", ".ods", ".json", ".md", ".html"};
    const std::string ext = lower_extension(typed);  // "MAP.PNG" is fine
    const bool known = std::find(std::begin(k_types), std::end(k_types), ext) != std::end(k_types);
    if (ext != want && !known) {
        out.path += want;
    } else if (ext != want) {
        std::string type = want.substr(1);
        for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out.error = "'" + typed.filename().string() + "' must end in " + want + " (this writes a " + type +
                    " file): try '" + typed.stem().string() + want + "'.";
    }
    return out;
}

FileBrowserPanel::FileBrowserPanel() : Panel("Files", ImGuiWindowFlags_NoCollapse) {
    visible = false;
    m_closable = true;
}

void FileBrowserPanel::start(BrowseMode mode, const fs::path& folder, const std::string& file_name,
                             const std::string& report_kind) {
    m_mode = mode;
    m_report_kind = report_kind;
    std::error_code ec;
    m_folder = folder.empty() ? fs::current_path(ec) : folder;
    m_path = (m_folder / file_name).string();
    m_error.clear();
    visible = true;
    m_focus_path = true;
    list_folder();
}

void FileBrowserPanel::list_folder() {
    m_dirs.clear();
    m_files.clear();
    std::error_code ec;
    for (fs::directory_iterator it(m_folder, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        if (it->is_directory(e2)) m_dirs.push_back(p);
        else if (m_mode != BrowseMode::export_csv_folder && lower_extension(p) == extension_for(m_mode))
            m_files.push_back(p);
    }
    std::sort(m_dirs.begin(), m_dirs.end());
    std::sort(m_files.begin(), m_files.end());
    if (ec) m_error = "Cannot list " + m_folder.string() + ": " + ec.message();
}

void FileBrowserPanel::accept(PanelContext& ctx) {
    const ChosenPath chosen = choose_path(m_mode, fs::path(m_path));
    if (!chosen.error.empty()) {
        m_error = chosen.error;
        return;
    }
    const fs::path& p = chosen.path;
    switch (m_mode) {
    case BrowseMode::open: ctx.commands.push(OpenFile{p}); break;
    case BrowseMode::save_as: ctx.commands.push(SaveAs{p}); break;
    case BrowseMode::export_png: ctx.commands.push(ExportPng{p}); break;
    case BrowseMode::export_csv: ctx.commands.push(ExportCsv{p}); break;
    case BrowseMode::import_members: ctx.commands.push(PreviewMembersImport{p}); break;
    case BrowseMode::export_csv_folder: ctx.commands.push(ExportCsvFolder{p}); break;
    case BrowseMode::export_xlsx_report: ctx.commands.push(ExportXlsxReport{p, m_report_kind}); break;
    case BrowseMode::scenario_baseline: ctx.commands.push(SetScenarioBaseline{p}); break;
    }
    visible = false;
}

void FileBrowserPanel::draw_report_kind() {
    // The kinds are the library's list, as `boardscape report` offers them.
    if (!ImGui::BeginCombo("Report", m_report_kind.c_str())) return;
    for (const auto& k : report::report_kinds()) {
        const std::string name(k.name);
        if (ImGui::Selectable(name.c_str(), name == m_report_kind)) {
            // A proposed name that ends in the old kind follows the new one.
            fs::path p(m_path);
            std::string suffix = "-";  // piecewise: GCC 12 warns falsely (-Wrestrict) on "-" + string
            suffix += m_report_kind;
            std::string stem = p.stem().string();
            if (stem.size() > suffix.size() && stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
                stem.resize(stem.size() - suffix.size());
                m_path = (p.parent_path() / (stem + "-" + name + ".xlsx")).string();
            }
            m_report_kind = name;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%.*s", static_cast<int>(k.summary.size()), k.summary.data());
    }
    ImGui::EndCombo();
}

void FileBrowserPanel::draw_contents(PanelContext& ctx) {
    ImGui::TextUnformatted(title_for(m_mode));
    if (m_mode == BrowseMode::export_xlsx_report) draw_report_kind();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
    if (m_focus_path) {
        ImGui::SetKeyboardFocusHere();
        m_focus_path = false;
    }
    const bool enter = input_text("##path", m_path, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("OK") || enter) accept(ctx);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) visible = false;
    ImGui::TextDisabled("%s", m_folder.string().c_str());
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0, 1), "%s", m_error.c_str());
    ImGui::BeginChild("listing", ImVec2(0, 0), true);
    if (m_folder.has_parent_path() && m_folder != m_folder.root_path() && ImGui::Selectable("[..]")) {
        m_folder = m_folder.parent_path();
        list_folder();
    }
    fs::path go;
    for (const auto& d : m_dirs) {
        std::string label = "[";  // piecewise: GCC 12 warns falsely (-Wrestrict) on "[" + string
        label += d.filename().string();
        label += ']';
        if (ImGui::Selectable(label.c_str())) go = d;
    }
    for (const auto& f : m_files) {
        const bool chosen = fs::path(m_path) == f;
        if (ImGui::Selectable(f.filename().string().c_str(), chosen, ImGuiSelectableFlags_AllowDoubleClick)) {
            m_path = f.string();
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) accept(ctx);
        }
    }
    ImGui::EndChild();
    if (!go.empty()) {
        const std::string name = fs::path(m_path).filename().string();
        m_folder = go;
        m_path = (m_folder / name).string();
        list_folder();
    }
}

}  // namespace boardscape::viewer
