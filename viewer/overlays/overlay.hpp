// Overlays turn an analysis into styling for the canvas: per-node fill, size and emphasis,
// extra edges (board interlocks), rings (expected partners) and a legend section. Built when
// the overlay, the selection, the date or the dataset changes — the canvas only reads it.
#pragma once

#include "app/session.hpp"
#include "app/view_state.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct LegendEntry {
    enum class Swatch { disc, square, line, ring, gradient } swatch = Swatch::disc;
    ImU32 colour = 0;
    std::string text;
    float thickness = 0;  // lines: width in px at scale 1
};

struct OverlayEdge {
    NodeIndex a = 0;
    NodeIndex b = 0;
    float width = 1;  // screen px at scale 1
    ImU32 colour = 0;
};

struct OverlayStyle {
    Overlay kind = Overlay::none;
    std::vector<ImU32> fill;         /// by node; 0 = the default colour
    std::vector<float> size;         /// by node; multiplies the default radius
    std::vector<std::uint8_t> fade;  /// by node; 1 = draw faded (not part of the story)
    std::vector<std::vector<ImU32>> rings;  /// by node; segments around boards
    std::vector<OverlayEdge> edges;  /// drawn above the base edges
    bool fade_membership_edges = false;
    std::string title;
    std::string hint;                  // what to do next ("Select an agency…")
    std::vector<std::string> summary;  // a few lines shown under the legend
    std::vector<LegendEntry> legend;
    std::optional<NodeIndex> subject;  // the node the overlay is about (boundaries' agency)
};

/// Builds the style of `kind`. `selected` is the current selection (boundaries uses it when it
/// is an agency; otherwise it picks the agency with the most meetings to attend).
OverlayStyle build_overlay(Overlay kind, const Session& s, std::optional<NodeIndex> selected,
                           bool anonymise);

OverlayStyle overlap_overlay(const Session& s, bool anonymise);
OverlayStyle boundaries_overlay(const Session& s, std::optional<NodeIndex> selected, bool anonymise);
OverlayStyle load_overlay(const Session& s, bool anonymise);
OverlayStyle representation_overlay(const Session& s, bool anonymise);

/// Colour of a footprint relation in the boundaries overlay.
ImU32 boundary_colour(BoundaryRelation r);
/// Representation ring colours.
inline constexpr ImU32 rep_strong = IM_COL32(0, 158, 115, 255);  // present, senior and regular
inline constexpr ImU32 rep_weak = IM_COL32(230, 159, 0, 255);    // present but weak
inline constexpr ImU32 rep_absent = IM_COL32(213, 94, 0, 255);   // absent

}  // namespace boardscape::viewer
