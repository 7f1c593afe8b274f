// The panel base class: it owns Begin/End (so no panel can forget End, and all look alike),
// places the window where the app's layout says, and captures the text drawn inside when the
// render tests ask. Panels read state through PanelContext and change it only by commands.
#pragma once

#include "app/commands.hpp"
#include "app/session.hpp"
#include "app/tables.hpp"
#include "app/text_log.hpp"
#include "app/view_state.hpp"
#include "app/visibility.hpp"
#include "overlays/overlay.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct PanelContext {
    const Session& session;
    const ViewState& view;
    const Visibility& visibility;
    const OverlayStyle& overlay;
    const std::vector<TableModel>& tables;
    CommandQueue& commands;
    float scale = 1;
    TextLog* text_log = nullptr;
    /// The map view's key while the map fills the canvas (else null).
    const std::vector<LegendEntry>* map_legend = nullptr;
};

class Panel {
public:
    Panel(std::string title, ImGuiWindowFlags flags) : m_title(std::move(title)), m_flags(flags) {}
    virtual ~Panel() = default;
    Panel(const Panel&) = delete;
    Panel& operator=(const Panel&) = delete;

    /// Draws the panel in the rect given by place() (or wherever ImGui keeps it).
    void draw(PanelContext& ctx);
    /// Fixes the window's rect for the next draw (screen px).
    void place(ImVec2 pos, ImVec2 size) { m_rect = {pos, size}; }
    void clear_placement() { m_rect.reset(); }
    const std::string& title() const { return m_title; }
    void set_flags(ImGuiWindowFlags f) { m_flags = f; }

    bool visible = true;

protected:
    virtual void draw_contents(PanelContext& ctx) = 0;
    /// A panel may refuse to show (e.g. errors with nothing to report).
    virtual bool has_contents(const PanelContext&) const { return true; }
    /// Called when the user closes the window with its [x].
    virtual void on_closed() {}
    bool m_closable = false;

private:
    std::string m_title;
    ImGuiWindowFlags m_flags;
    std::optional<std::pair<ImVec2, ImVec2>> m_rect;
};

/// A selectable entity name that selects it on the canvas when clicked.
void entity_link(PanelContext& ctx, const std::string& id, const char* suffix = nullptr);
/// A small colour swatch (square or disc) inline with text.
void swatch(ImU32 colour, bool disc, float size_px);
/// A disc swatch with an overlay pattern over its fill (boundaries), inline with text.
void mark_swatch(ImU32 fill, NodeMark mark, float size_px);
/// A ring-segment swatch (representation), inline with text.
void ring_swatch(RingStyle style, float size_px);

}  // namespace boardscape::viewer
