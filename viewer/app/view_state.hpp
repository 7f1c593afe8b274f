// What the user is looking at, as plain values: camera, selection, filters, overlay and workshop
// settings. Everything a saved view stores lives here; changing it never touches the dataset.
#pragma once

#include "app/map_settings.hpp"
#include "boardscape/model.hpp"
#include "canvas/camera.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace boardscape::viewer {

enum class Overlay { none, overlap, boundaries, load, representation, scenario };
std::string_view to_string(Overlay o);
std::optional<Overlay> parse_overlay(std::string_view s);

inline constexpr std::size_t sector_count = 22;     // Sector values, `independent` included

struct Filters {
    std::array<bool, board_kind_count> board_kind_shown;
    std::array<bool, sector_count> sector_shown;
    bool show_people = true;
    bool show_areas = true;
    bool show_inactive = false;  // boards and memberships not active at the date
    std::optional<Date> as_of;   // overrides the file's meta.as_of
    std::string search;

    Filters() {
        board_kind_shown.fill(true);
        sector_shown.fill(true);
    }
    friend bool operator==(const Filters&, const Filters&) = default;
    /// True when any filter hides something (the banner shows while this holds). The date and
    /// search are not "hiding" by themselves; inactive entities hidden by the date are counted
    /// by the banner separately.
    bool hides_something() const;
    /// The analysis-relevant part (date) differs: analyses must be recomputed.
    bool same_analysis_inputs(const Filters& o) const { return as_of == o.as_of; }
};

struct WorkshopSettings {
    bool enabled = false;
    float text_scale = 1.5f;  // 1–3×, used while enabled
    bool high_contrast = true;
    friend bool operator==(const WorkshopSettings&, const WorkshopSettings&) = default;
};

struct ViewState {
    Camera camera;
    std::optional<std::string> selected;  // entity id
    std::optional<std::string> focus;     // ego-network focus (double-click), entity id
    int focus_hops = 1;
    Filters filters;
    Overlay overlay = Overlay::none;
    WorkshopSettings workshop;
    /// People shown as "Police rep 2" (labels, tooltips, tables, exports, the state file).
    /// Read it freely; change it only through the two functions below.
    bool anonymise = false;
    /// The presenter's lock: set by their own toggle (key A, the View menu, --anonymise). While
    /// it holds, names stay hidden whatever else happens (saved views, undo, reload, dialogs).
    bool anonymise_locked = false;
    int current_view = -1;  // index into the saved views last applied, -1 none
    ViewKind view_kind = ViewKind::graph;  // which view fills the canvas (key M)
    MapSettings map;                       // what the map view shows

    /// The presenter's toggle: on hides names and locks them hidden; off shows them again
    /// (the only way names come back once the lock is on).
    void set_anonymise_by_presenter(bool on) { anonymise = anonymise_locked = on; }
    /// A saved view's `anonymise`: it may hide names; it shows them again only when the
    /// presenter has not locked them hidden.
    void set_anonymise_by_view(bool on) { anonymise = anonymise_locked || on; }

    /// The UI/text scale in effect (workshop scale while workshop mode is on), before any
    /// monitor content scale.
    float text_scale() const { return workshop.enabled ? workshop.text_scale : 1.0f; }
};

}  // namespace boardscape::viewer
