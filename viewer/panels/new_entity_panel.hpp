// "Add to the map": a small window that collects a new board, agency, person or area. The
// draft is checked by the library's validator as it changes (app/structure_edit.hpp); the
// problem is shown in red and Add stays disabled until the draft is valid. Add queues one
// ApplyEdit ("add board" in the Edit menu) and selects the new node.
#pragma once

#include "app/structure_edit.hpp"
#include "panels/panel.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace boardscape::viewer {

class NewEntityPanel : public Panel {
public:
    NewEntityPanel();
    /// Shows the window with an empty draft of `type`; `near` (an area, board or agency id, e.g.
    /// the selection) pre-fills the footprint, parent or agency where it fits.
    void start(EntityType type, const Dataset& d, const std::optional<std::string>& near);
    const NewEntityDraft& draft() const { return m_draft; }
    /// Why the draft cannot be added yet ("" when it can).
    const std::string& problem() const { return m_error; }

protected:
    void draw_contents(PanelContext& ctx) override;
    void on_closed() override { visible = false; }

private:
    void draw_type_fields(const Dataset& d);
    void draw_footprint(const Dataset& d);
    void revalidate(const Session& s);

    NewEntityDraft m_draft;
    std::optional<NewEntityDraft> m_checked;  // the draft `m_error` belongs to…
    std::uint64_t m_checked_revision = 0;     // …checked against this revision of the dataset
    std::string m_board_kind;                 // kept apart from the area kind (free text)
    std::string m_error;
    std::string m_suggested_id;
    std::array<char, 256> m_name{};
    std::array<char, 128> m_id{};
    std::array<char, 256> m_person_title{};
    std::array<char, 128> m_area_kind{};
    std::array<char, 32> m_meetings{};
    std::array<char, 32> m_hours{};
    std::array<char, 128> m_area_filter{};
    bool m_focus_name = false;
};

}  // namespace boardscape::viewer
