// The map as files: the JSON contract of DESIGN §8.2 and an SVG for a report or a slide (hexes
// coloured by the fill layer so that neighbouring regions differ, the borders layer's boundaries
// thick, mismatch edges highlighted, region labels where they fit, a legend, a title and the
// sources line). Both are pure functions of a MapResult.
#pragma once

#include "boardscape/map/hex_map.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace boardscape::map {

/// `{"layout", "cells", "fill": {"layer", "regions", "split_cells"}, "borders"?, "boundary_edges":
/// {"fill", "borders", "mismatch"}, "regions": [{"id", "layer", "cells", "codes"}], "hexes": [...],
/// "agency"?}` — the contract's fields first; `hexes` and `codes` add each cell's detail.
std::string map_json(const Dataset& d, const MapResult& m, const MapOptions& opts);

/// Colour index of each region of a layer (by region index; -1 for regions holding no cell) so
/// that regions sharing an edge never get the same index, using at most `colours` indices where
/// a greedy largest-first colouring manages it (it always does on these planar-like maps with 6).
std::vector<int> colour_regions(const MapResult& m, const LayerRegions& layer, int colours);

struct SvgOptions {
    std::string title;  // default: the dataset's title, the layers and the date
    bool anonymise = false;  // reserved: maps name no people, so nothing changes today
};
std::string map_svg(const Dataset& d, const MapResult& m, const MapOptions& opts,
                    const SvgOptions& svg = {});

/// A layer as people name it: "Safeguarding Children Partnerships", "Police force areas".
std::string layer_title(const Layer& l);
/// A region's name as a map label: a board's name without what its kind already says
/// ("Staffordshire and Stoke-on-Trent Adult Safeguarding Partnership Board" → "Staffordshire
/// and Stoke-on-Trent"; "Our Safeguarding Children Partnership (Cornwall and IoS)" → "Cornwall
/// and IoS"); an agency's name as it is.
std::string region_label(const Dataset& d, const LayerRegions& l, std::size_t region);
/// The agency mode's colour for a board's relation to the agency (0xRRGGBB; Tol "bright",
/// saturated so it stands apart from the light region palette). Shared by SVG and viewer.
std::uint32_t relation_rgb(BoundaryRelation r);

/// The Paul Tol "light" palette used for regions (colour-blind-safe, readable under dark text),
/// 0xRRGGBB. Shared with the viewer's map view.
inline constexpr std::uint32_t region_palette[] = {0x77AADD, 0xEE8866, 0xEEDD88, 0x44BB99,
                                                   0xFFAABB, 0x99DDFF, 0xBBCC33, 0xAAAA00};
inline constexpr int region_palette_size = 8;

}  // namespace boardscape::map
