// Overlays turn an analysis into styling for the canvas: per-node fill, size and emphasis,
// extra edges (board interlocks), rings (expected partners) and a legend section. Built when
// the overlay, the selection, the date or the dataset changes — the canvas only reads it.
#pragma once

#include "app/scenario_compare.hpp"
#include "app/session.hpp"
#include "app/view_state.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::viewer {

/// A pattern drawn over a node's fill, so an overlay's categories do not rest on colour alone
/// (see canvas/marks.hpp).
enum class NodeMark : std::uint8_t { none, centre_dot, hatch };
/// How a ring segment is stroked: solid, dashed or hollow (an empty slot).
enum class RingStyle : std::uint8_t { solid, dashed, hollow };

struct LegendEntry {
    enum class Swatch { disc, square, line, ring, gradient } swatch = Swatch::disc;
    ImU32 colour = 0;
    std::string text;
    float thickness = 0;  // lines: width in px at scale 1
    NodeMark mark = NodeMark::none;        // discs: the pattern over the fill
    RingStyle ring = RingStyle::solid;     // rings: the stroke
};

/// One segment of a board's ring: an expected partner sector and how it is present.
struct RingSegment {
    RingStyle style = RingStyle::solid;
    std::string label;   // the sector, short ("Police")
    std::string status;  // "present, senior and regular" / "junior or irregular" / "absent"
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
    std::vector<NodeMark> mark;      /// by node; pattern over the fill
    std::vector<std::vector<RingSegment>> rings;  /// by node; segments around boards, clockwise from 12
    std::vector<OverlayEdge> edges;  /// drawn above the base edges
    bool fade_membership_edges = false;
    std::string title;
    std::string hint;                  // what to do next ("Select an agency…")
    std::vector<std::string> summary;  // a few lines shown under the legend
    std::vector<LegendEntry> legend;
    std::optional<NodeIndex> subject;  // the node the overlay is about (boundaries' agency)
    /// By node: what the overlay highlights (the subject's boards, boards with rings, people on
    /// several boards); their labels are placed before everything else's.
    std::vector<std::uint8_t> highlight;
};

/// Builds the style of `kind`. `selected` is the current selection (boundaries uses it when it
/// is an agency; otherwise it picks the agency with the most meetings to attend). `scenario` is
/// the Scenario panel's comparison (the scenario overlay is empty without one).
OverlayStyle build_overlay(Overlay kind, const Session& s, std::optional<NodeIndex> selected,
                           bool anonymise, const ScenarioCompare* scenario = nullptr);

OverlayStyle overlap_overlay(const Session& s, bool anonymise);
OverlayStyle boundaries_overlay(const Session& s, std::optional<NodeIndex> selected, bool anonymise);
OverlayStyle load_overlay(const Session& s, bool anonymise);
OverlayStyle representation_overlay(const Session& s, std::optional<NodeIndex> selected, bool anonymise);
OverlayStyle scenario_overlay(const Session& s, const ScenarioCompare& scenario, bool anonymise);
/// The scenario legend's line for agencies or people: "People: 7 save 88 h, 0 gain 0 h (net
/// −88 h)" from each one's change in hours a year (the net is the Scenario table's total).
std::string scenario_change_line(std::string_view who, const std::vector<double>& changes);

/// Fill and pattern of a board by its footprint relation in the boundaries overlay.
ImU32 boundary_colour(BoundaryRelation r);
NodeMark boundary_mark(BoundaryRelation r);

}  // namespace boardscape::viewer
