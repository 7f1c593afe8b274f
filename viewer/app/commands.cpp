#include "app/commands.hpp"

namespace boardscape::viewer {

namespace {
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;
}  // namespace

std::string describe(const Command& c) {
    return std::visit(
        Overloaded{
            [](const SelectEntity&) -> std::string { return "select"; },
            [](const FocusEgo&) -> std::string { return "focus"; },
            [](const SetOverlay& o) -> std::string { return "overlay " + std::string(to_string(o.overlay)); },
            [](const SetViewKind& v) -> std::string { return std::string(to_string(v.kind)) + " view"; },
            [](const SetMapSettings& m) -> std::string { return "map of " + m.settings.fill; },
            [](const SetFilters&) -> std::string { return "filter"; },
            [](const ClearFilters&) -> std::string { return "clear filters"; },
            [](const SetWorkshop&) -> std::string { return "workshop mode"; },
            [](const SetAnonymise&) -> std::string { return "anonymise"; },
            [](const SetCamera&) -> std::string { return "camera"; },
            [](const FitView&) -> std::string { return "fit view"; },
            [](const ApplySavedView&) -> std::string { return "apply view"; },
            [](const StepSavedView&) -> std::string { return "step view"; },
            [](const SaveCurrentView&) -> std::string { return "save view"; },
            [](const OpenFile&) -> std::string { return "open file"; },
            [](const SaveAs&) -> std::string { return "save as"; },
            [](const ExportPng&) -> std::string { return "export PNG"; },
            [](const ExportCsv&) -> std::string { return "export CSV"; },
            [](const ExportCsvFolder&) -> std::string { return "export CSV folder"; },
            [](const ExportXlsxReport&) -> std::string { return "export XLSX report"; },
            [](const PreviewMembersImport&) -> std::string { return "preview members import"; },
            [](const BrowseScenarioBaseline&) -> std::string { return "choose a scenario baseline"; },
            [](const SetScenarioBaseline&) -> std::string { return "compare with a file"; },
            [](const MoveNode&) -> std::string { return "move node"; },
            [](const DropOnNode&) -> std::string { return "drop"; },
            [](const ApplyEdit& e) -> std::string { return e.edit.label.empty() ? "edit" : e.edit.label; },
            [](const Undo&) -> std::string { return "undo"; },
            [](const Save&) -> std::string { return "save"; },
            [](const RestoreRecovery&) -> std::string { return "restore recovery"; },
            [](const Redo&) -> std::string { return "redo"; },
        },
        c);
}

}  // namespace boardscape::viewer
