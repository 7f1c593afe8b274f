// Cells, layer regions and shared edges of the map (DESIGN §8.2).
#include "boardscape/map/hex_map.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace boardscape::map {

// [SECTION] Layers and layouts

std::optional<Layer> parse_layer(std::string_view name) {
    Layer l;
    l.name = std::string(name);
    if (const auto k = parse_board_kind(name)) {  // first, so `other` is the board kind
        l.type = Layer::Type::board_kind;
        l.kind = *k;
        return l;
    }
    if (const auto s = parse_sector(name)) {
        l.type = Layer::Type::sector;
        l.sector = *s;
        return l;
    }
    return std::nullopt;
}

std::optional<LayoutChoice> choose_layout(const Dataset& d) {
    std::optional<LayoutChoice> best;
    for (const HexLayout& layout : builtin_layouts()) {
        int matched = 0;
        for (const Area& a : d.areas) {
            if (!a.code) continue;
            const auto it = std::lower_bound(layout.hexes.begin(), layout.hexes.end(), *a.code,
                                             [](const Hex& h, const std::string& c) { return h.code < c; });
            if (it != layout.hexes.end() && it->code == *a.code) ++matched;
        }
        // More matches win; a tie (districts unchanged since 2015, e.g. a local extract) goes to
        // the later layout, today's geography. The national files each match one layout fully.
        if (matched > 0 && (!best || matched >= best->matched)) best = LayoutChoice{&layout, matched};
    }
    return best;
}

// [SECTION] Regions of a layer

LayerRegions layer_regions(const Dataset& d, const Activity& act, const std::vector<Cell>& cells,
                           const std::vector<std::vector<std::size_t>>& leaves, const Layer& layer) {
    LayerRegions out;
    out.layer = layer;
    // Candidates, by id so that index order is id order (ties go to the smallest id).
    std::vector<const std::vector<AreaId>*> footprints;
    if (layer.type == Layer::Type::board_kind) {
        for (std::size_t b = 0; b < d.boards.size(); ++b) {
            const Board& board = d.boards[b];
            if (board.kind == layer.kind && !board.parent && act.board_active[b]) out.entities.push_back(b);
        }
        std::sort(out.entities.begin(), out.entities.end(),
                  [&](std::size_t x, std::size_t y) { return d.boards[x].id < d.boards[y].id; });
        for (const std::size_t b : out.entities) {
            out.ids.push_back(d.boards[b].id.str());
            footprints.push_back(&d.boards[b].footprint);
        }
    } else {
        for (std::size_t a = 0; a < d.agencies.size(); ++a)
            if (d.agencies[a].sector == layer.sector) out.entities.push_back(a);
        std::sort(out.entities.begin(), out.entities.end(),
                  [&](std::size_t x, std::size_t y) { return d.agencies[x].id < d.agencies[y].id; });
        for (const std::size_t a : out.entities) {
            out.ids.push_back(d.agencies[a].id.str());
            footprints.push_back(&d.agencies[a].footprint);
        }
    }
    // Leaf → regions covering it.
    std::vector<std::vector<int>> covering(d.areas.size());
    for (std::size_t r = 0; r < footprints.size(); ++r)
        for (const std::size_t leaf : footprint_leaves(d, leaves, *footprints[r]))
            covering[leaf].push_back(static_cast<int>(r));

    out.cell_region.assign(cells.size(), -1);
    out.cell_split.assign(cells.size(), false);
    out.region_cells.assign(out.entities.size(), 0);
    std::vector<double> weight(out.entities.size(), 0.0);
    std::vector<int> touched;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto& cell_leaves = cells[c].leaves;
        // By population where every leaf of the cell has one (and they add up to more than 0),
        // else by count of leaves.
        double pop_total = 0;
        bool by_population = true;
        for (const std::size_t leaf : cell_leaves) {
            const auto& p = d.areas[leaf].population;
            if (!p) {
                by_population = false;
                break;
            }
            pop_total += *p;
        }
        by_population = by_population && pop_total > 0;
        touched.clear();
        for (const std::size_t leaf : cell_leaves) {
            const double w = by_population ? *d.areas[leaf].population : 1.0;
            for (const int r : covering[leaf]) {
                if (weight[static_cast<std::size_t>(r)] == 0.0 &&
                    std::find(touched.begin(), touched.end(), r) == touched.end())
                    touched.push_back(r);
                weight[static_cast<std::size_t>(r)] += w;
            }
        }
        int best = -1;
        for (const int r : touched) {
            const double w = weight[static_cast<std::size_t>(r)];
            if (best < 0 || w > weight[static_cast<std::size_t>(best)] ||
                (w == weight[static_cast<std::size_t>(best)] && r < best))
                best = r;
        }
        out.cell_region[c] = best;
        out.cell_split[c] = touched.size() > 1;
        if (touched.size() > 1) ++out.split_cells;
        if (best >= 0) ++out.region_cells[static_cast<std::size_t>(best)];
        for (const int r : touched) weight[static_cast<std::size_t>(r)] = 0.0;
    }
    out.regions = static_cast<int>(std::count_if(out.region_cells.begin(), out.region_cells.end(),
                                                 [](int n) { return n > 0; }));
    return out;
}

// [SECTION] The map

MapResult compute_map(const Dataset& d, const MapOptions& opts) {
    const auto choice = choose_layout(d);
    if (!choice)
        throw MapError(
                "no area's ONS code matches a district of the 2015 or 2023 hex layouts, so this file "
                "has no map (areas need codes such as E07000177; see datasets/NATIONAL.md)");
    MapResult out;
    out.hexes = choice->layout;
    out.layout = choice->layout->id;
    const auto leaves = area_leaves(d);
    const Activity act = compute_activity(d, analysis_date(d, opts.analysis));

    // Cells: hexes whose code an area carries (the first such area in file order).
    std::unordered_map<std::string_view, std::size_t> area_by_code;
    for (std::size_t a = 0; a < d.areas.size(); ++a)
        if (d.areas[a].code) area_by_code.emplace(*d.areas[a].code, a);
    const auto& hexes = choice->layout->hexes;
    std::vector<int> cell_of_hex(hexes.size(), -1);
    for (std::size_t h = 0; h < hexes.size(); ++h) {
        const auto it = area_by_code.find(hexes[h].code);
        if (it == area_by_code.end()) continue;
        cell_of_hex[h] = static_cast<int>(out.cells.size());
        Cell c;
        c.hex = h;
        c.area = it->second;
        c.leaves = leaves[it->second];
        out.cells.push_back(std::move(c));
    }
    const auto hex_neighbours = neighbours(hexes);
    for (Cell& c : out.cells)
        for (std::size_t s = 0; s < 6; ++s) {
            const int h = hex_neighbours[c.hex][s];
            c.neighbour[s] = h < 0 ? -1 : cell_of_hex[static_cast<std::size_t>(h)];
        }

    out.fill = layer_regions(d, act, out.cells, leaves, opts.fill);
    if (opts.borders) out.borders = layer_regions(d, act, out.cells, leaves, *opts.borders);

    for (std::size_t a = 0; a < out.cells.size(); ++a)
        for (std::size_t s = 0; s < 6; ++s) {
            const int nb = out.cells[a].neighbour[s];
            if (nb < 0 || static_cast<std::size_t>(nb) < a) continue;
            const auto b = static_cast<std::size_t>(nb);
            SharedEdge e;
            e.a = a;
            e.b = b;
            e.side = static_cast<int>(s);
            e.fill = out.fill.cell_region[a] != out.fill.cell_region[b];
            if (out.borders) {
                e.borders = out.borders->cell_region[a] != out.borders->cell_region[b];
                e.mismatch = e.fill != e.borders;
            }
            out.fill_edges += e.fill;
            out.borders_edges += e.borders;
            out.mismatch_edges += e.mismatch;
            out.edges.push_back(e);
        }
    return out;
}

}  // namespace boardscape::map
