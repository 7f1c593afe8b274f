// Cells, layer regions and shared edges of the map (DESIGN §8.2).
#include "boardscape/map/hex_map.hpp"

#include <algorithm>
#include <cmath>
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
    if (opts.agency) {
        const auto a = d.find_agency(AgencyId(*opts.agency));
        if (!a) throw MapError("no agency with id '" + *opts.agency + "'");
        // Filled in below, once the cells' edges are known (the footprint needs only cells).
        out.agency = AgencyOnMap{};
        out.agency->id = *opts.agency;
    }
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
    if (out.agency)
        out.agency = agency_on_map(d, out, *d.find_agency(AgencyId(out.agency->id)), opts.analysis,
                                   opts.rules ? *opts.rules : default_representation_rules());
    return out;
}

// [SECTION] The agency mode and numbers per cell

namespace {

/// Active top-level boards that expect agency `a` and meet its footprint, with their leaf sets.
struct ExpectedBoard {
    std::size_t board;
    std::vector<std::size_t> leaves;
};
std::vector<ExpectedBoard> expected_boards(const Dataset& d, const Activity& act,
                                           const std::vector<std::vector<std::size_t>>& leaves,
                                           const std::vector<std::size_t>& agency_leaves, Sector sector,
                                           const RepresentationRules& rules) {
    const auto has_children = areas_with_children(d);
    std::vector<ExpectedBoard> out;
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        const Board& board = d.boards[b];
        if (board.parent || !act.board_active[b]) continue;
        if (!board_expectation(rules, d, board, has_children).expects(sector)) continue;
        auto bl = footprint_leaves(d, leaves, board.footprint);
        if (compare_footprints(agency_leaves, bl) == BoundaryRelation::disjoint) continue;
        out.push_back({b, std::move(bl)});
    }
    std::sort(out.begin(), out.end(),
              [&](const ExpectedBoard& x, const ExpectedBoard& y) { return d.boards[x.board].id < d.boards[y.board].id; });
    return out;
}

std::vector<bool> cells_touching(const MapResult& m, const std::vector<std::size_t>& leaves, std::size_t area_count) {
    std::vector<bool> in(area_count, false);
    for (const std::size_t l : leaves) in[l] = true;
    std::vector<bool> out(m.cells.size(), false);
    for (std::size_t c = 0; c < m.cells.size(); ++c)
        out[c] = std::any_of(m.cells[c].leaves.begin(), m.cells[c].leaves.end(), [&](std::size_t l) { return in[l]; });
    return out;
}

}  // namespace

AgencyOnMap agency_on_map(const Dataset& d, const MapResult& m, std::size_t agency, const AnalysisOptions& opts,
                          const RepresentationRules& rules) {
    const auto leaves = area_leaves(d);
    const Activity act = compute_activity(d, analysis_date(d, opts));
    const Agency& a = d.agencies[agency];
    const auto agency_leaves = footprint_leaves(d, leaves, a.footprint);
    AgencyOnMap out;
    out.id = a.id.str();
    out.cell_in_footprint = cells_touching(m, agency_leaves, d.areas.size());
    out.cells = static_cast<int>(std::count(out.cell_in_footprint.begin(), out.cell_in_footprint.end(), true));
    for (const ExpectedBoard& eb : expected_boards(d, act, leaves, agency_leaves, a.sector, rules)) {
        AgencyBoardOnMap b;
        b.id = d.boards[eb.board].id.str();
        b.kind = d.boards[eb.board].kind;
        b.relation = compare_footprints(agency_leaves, eb.leaves);
        const auto touching = cells_touching(m, eb.leaves, d.areas.size());
        for (std::size_t c = 0; c < touching.size(); ++c)
            if (touching[c]) b.cells.push_back(c);
        out.boards.push_back(std::move(b));
    }
    return out;
}

std::vector<double> expected_meetings_by_cell(const Dataset& d, const MapResult& m, std::size_t agency,
                                              const AnalysisOptions& opts, const RepresentationRules& rules) {
    const auto leaves = area_leaves(d);
    const Activity act = compute_activity(d, analysis_date(d, opts));
    const Agency& a = d.agencies[agency];
    const auto agency_leaves = footprint_leaves(d, leaves, a.footprint);
    std::vector<double> out(m.cells.size(), 0.0);
    for (const ExpectedBoard& eb : expected_boards(d, act, leaves, agency_leaves, a.sector, rules)) {
        const auto touching = cells_touching(m, eb.leaves, d.areas.size());
        for (std::size_t c = 0; c < out.size(); ++c)
            if (touching[c]) out[c] += d.boards[eb.board].meetings_per_year;
    }
    return out;
}

CellLoad load_by_cell(const Dataset& d, const MapResult& m, const AnalysisOptions& opts,
                      const RepresentationRules& rules) {
    const auto leaves = area_leaves(d);
    const Activity act = compute_activity(d, analysis_date(d, opts));
    // Hours of each board: its counted seats (one per person) × its seat hours.
    std::vector<double> board_hours(d.boards.size(), 0.0);
    bool any_seat = false;
    {
        std::vector<std::vector<std::string_view>> people(d.boards.size());
        for (std::size_t i = 0; i < d.memberships.size(); ++i) {
            if (!act.membership_counted[i]) continue;
            const auto b = d.find_board(d.memberships[i].board);
            if (!b) continue;
            auto& seen = people[*b];
            const std::string_view p = d.memberships[i].person.str();
            if (std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
            seen.push_back(p);
            board_hours[*b] += seat_hours(d.boards[*b], opts);
            any_seat = true;
        }
    }
    CellLoad out;
    out.hours.assign(m.cells.size(), 0.0);
    out.expected = !any_seat;
    if (out.expected) {
        // Expected hours: each active top-level board's seat hours times the agencies it
        // expects whose footprint meets its own.
        const auto has_children = areas_with_children(d);
        std::vector<std::vector<std::size_t>> agency_leaves(d.agencies.size());
        for (std::size_t a = 0; a < d.agencies.size(); ++a)
            agency_leaves[a] = footprint_leaves(d, leaves, d.agencies[a].footprint);
        for (std::size_t b = 0; b < d.boards.size(); ++b) {
            const Board& board = d.boards[b];
            if (board.parent || !act.board_active[b]) continue;
            const BoardExpectation e = board_expectation(rules, d, board, has_children);
            const auto bl = footprint_leaves(d, leaves, board.footprint);
            int partners = 0;
            for (std::size_t a = 0; a < d.agencies.size(); ++a)
                if (e.expects(d.agencies[a].sector) &&
                    compare_footprints(agency_leaves[a], bl) != BoundaryRelation::disjoint)
                    ++partners;
            board_hours[b] = partners * seat_hours(board, opts);
        }
    }
    for (std::size_t b = 0; b < d.boards.size(); ++b) {
        if (board_hours[b] == 0.0 || !act.board_active[b]) continue;
        const auto touching = cells_touching(m, footprint_leaves(d, leaves, d.boards[b].footprint), d.areas.size());
        for (std::size_t c = 0; c < touching.size(); ++c)
            if (touching[c]) out.hours[c] += board_hours[b];
    }
    return out;
}

// [SECTION] Hit testing and footprints

bool mismatch_outside(const MapResult& m, const SharedEdge& e) {
    if (!e.mismatch) return false;
    if (e.borders) return m.fill.cell_region[e.a] < 0 && m.fill.cell_region[e.b] < 0;
    return m.borders && m.borders->cell_region[e.a] < 0 && m.borders->cell_region[e.b] < 0;
}

std::optional<std::size_t> cell_at(const MapResult& m, Point p) {
    // The nearest centre wins; inside a hex of circumradius 1 it is at most 1 away, and the
    // nearest centre's hex is the one containing the point (hexes tile the plane).
    std::optional<std::size_t> best;
    double best_d = 1.0;
    for (std::size_t c = 0; c < m.cells.size(); ++c) {
        const Hex& h = m.hexes->hexes[m.cells[c].hex];
        const Point q = hex_centre(h.q, h.r);
        const double d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
        if (d <= best_d) {
            best_d = d;
            best = c;
        }
    }
    if (!best) return std::nullopt;
    // Near a corner the nearest centre may belong to a hex next to an empty position: check the
    // point is inside the hex (|x| ≤ √3/2 and the slanted sides).
    const Hex& h = m.hexes->hexes[m.cells[*best].hex];
    const Point q = hex_centre(h.q, h.r);
    const double dx = std::abs(p.x - q.x), dy = std::abs(p.y - q.y);
    const double half_w = std::sqrt(3.0) / 2.0;
    if (dx > half_w || dy > 1.0 || dy > 1.0 - dx / (2.0 * half_w)) return std::nullopt;
    return best;
}

std::vector<bool> footprint_cells(const Dataset& d, const MapResult& m, const std::vector<AreaId>& footprint) {
    const auto leaves = area_leaves(d);
    std::vector<bool> in(d.areas.size(), false);
    for (const std::size_t leaf : footprint_leaves(d, leaves, footprint)) in[leaf] = true;
    std::vector<bool> out(m.cells.size(), false);
    for (std::size_t c = 0; c < m.cells.size(); ++c)
        out[c] = std::any_of(m.cells[c].leaves.begin(), m.cells[c].leaves.end(),
                             [&](std::size_t leaf) { return in[leaf]; });
    return out;
}

std::vector<double> spread_over_footprints(const Dataset& d, const MapResult& m, const std::vector<double>& by_agency) {
    std::vector<double> out(m.cells.size(), 0.0);
    const auto leaves = area_leaves(d);
    std::vector<char> in(d.areas.size(), 0);
    std::vector<std::size_t> cells;
    for (std::size_t a = 0; a < d.agencies.size() && a < by_agency.size(); ++a) {
        if (by_agency[a] == 0) continue;  // most agencies are untouched by a scenario
        std::fill(in.begin(), in.end(), 0);
        for (const std::size_t leaf : footprint_leaves(d, leaves, d.agencies[a].footprint)) in[leaf] = 1;
        cells.clear();
        for (std::size_t c = 0; c < m.cells.size(); ++c)
            if (std::any_of(m.cells[c].leaves.begin(), m.cells[c].leaves.end(), [&](std::size_t l) { return in[l] != 0; }))
                cells.push_back(c);
        if (cells.empty()) continue;
        const double share = by_agency[a] / static_cast<double>(cells.size());
        for (const std::size_t c : cells) out[c] += share;
    }
    return out;
}

}  // namespace boardscape::map
