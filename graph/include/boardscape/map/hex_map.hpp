// The map of DESIGN §8.2: a dataset's areas on a hex layout of districts, each cell's region in
// a fill layer and a borders layer (a board kind or an agency sector), the boundary and mismatch
// edges between neighbouring cells, and an agency's footprint with the relation of each board
// it must attend. Pure functions of a validated Dataset; the CLI writes it as JSON or SVG and
// the viewer draws the same geometry.
#pragma once

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/common.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/map/hex_layout.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::map {

/// What a layer colours cells by: the active top-level boards of one kind, or the agencies of
/// one sector. A name that is both (`other`) is the board kind.
struct Layer {
    enum class Type { board_kind, sector } type = Type::board_kind;
    BoardKind kind = BoardKind::other;
    Sector sector = Sector::other;
    std::string name;  // the file-format string
};
std::optional<Layer> parse_layer(std::string_view name);

/// One cell: a hex of the layout whose code is an area's `code`.
struct Cell {
    std::size_t hex = 0;                 // index into the layout's hexes
    std::size_t area = 0;                // index into Dataset::areas
    std::vector<std::size_t> leaves;     // the area's leaf areas, sorted
    std::array<int, 6> neighbour{};      // index into MapResult::cells per side, or -1
};

/// Regions of one layer. Region r is `entities[r]` (a board or agency index of the dataset).
struct LayerRegions {
    Layer layer;
    std::vector<std::size_t> entities;  /// board indices (board kind) or agency indices (sector), by id
    std::vector<std::string> ids;       /// the same, as ids
    std::vector<int> cell_region;       /// by cell: region index, or -1 (no region)
    std::vector<bool> cell_split;       /// by cell: its leaves fall in more than one region
    std::vector<int> region_cells;      /// by region: number of cells it holds
    int regions = 0;                    /// regions holding at least one cell
    int split_cells = 0;
};

/// A side shared by two cells of the map (each pair once, `a` < `b`).
struct SharedEdge {
    std::size_t a = 0;
    std::size_t b = 0;
    int side = 0;  // the side of cell a it lies on (0 east … 5 south-east)
    bool fill = false;      // the cells' fill regions differ
    bool borders = false;   // the cells' borders regions differ
    bool mismatch = false;  // a boundary in exactly one of the two layers
};

/// The agency mode: the agency's footprint and the boards it must attend (DESIGN §4 expected
/// attendance), each with its relation to the agency's footprint.
struct AgencyBoardOnMap {
    std::string id;
    BoardKind kind = BoardKind::other;
    BoundaryRelation relation = BoundaryRelation::disjoint;
    std::vector<std::size_t> cells;  /// cells holding at least one of the board's leaves
};
struct AgencyOnMap {
    std::string id;
    std::vector<bool> cell_in_footprint;  /// by cell: at least one leaf in the agency's footprint
    int cells = 0;
    std::vector<AgencyBoardOnMap> boards;  /// by id
};

struct MapOptions {
    Layer fill;
    std::optional<Layer> borders;
    std::optional<std::string> agency;
    AnalysisOptions analysis;  // the date (as_of) and load options
    /// Expected partners for the agency mode (null: the built-in rules).
    const RepresentationRules* rules = nullptr;
};

struct MapResult {
    std::string layout;  // "lad15" or "lad23"
    const HexLayout* hexes = nullptr;
    std::vector<Cell> cells;  /// in layout order (by code)
    LayerRegions fill;
    std::optional<LayerRegions> borders;
    std::vector<SharedEdge> edges;  /// every shared side between two cells
    int fill_edges = 0, borders_edges = 0, mismatch_edges = 0;
    std::optional<AgencyOnMap> agency;
};

/// The layout whose codes the dataset's areas use most (ties: the later, lad23), with how many
/// areas match; none when no area's code is in either layout.
struct LayoutChoice {
    const HexLayout* layout = nullptr;
    int matched = 0;
};
std::optional<LayoutChoice> choose_layout(const Dataset& d);

/// Thrown when a map cannot be made (no matching codes, an unknown agency); the message says
/// why and what to do.
struct MapError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

MapResult compute_map(const Dataset& d, const MapOptions& opts);

/// A mismatch edge is "outside" when the layer that has no boundary there has no region on
/// either side: the borders cut between two cells no fill region holds, or a fill boundary
/// lies between two cells no borders region holds. It is a mismatch by DESIGN §8.2's
/// definition (and counted as one), but says only that the file stops there — a file cut out
/// round one council has such edges all round it — so the outputs draw and name it apart.
bool mismatch_outside(const MapResult& m, const SharedEdge& e);

/// The cell whose hex contains `p` (world units of hex_centre), or none.
std::optional<std::size_t> cell_at(const MapResult& m, Point p);

/// By cell: true when at least one of the cell's leaves is in `footprint`'s leaf set (an
/// agency's or a board's footprint on the map).
std::vector<bool> footprint_cells(const Dataset& d, const MapResult& m, const std::vector<AreaId>& footprint);

/// The agency mode on its own (compute_map calls it when MapOptions::agency is set).
AgencyOnMap agency_on_map(const Dataset& d, const MapResult& m, std::size_t agency, const AnalysisOptions& opts,
                          const RepresentationRules& rules);

/// By cell: the meetings a year agency `agency` must attend (DESIGN §4 expected attendance)
/// at boards whose footprint covers at least one of the cell's leaves.
std::vector<double> expected_meetings_by_cell(const Dataset& d, const MapResult& m, std::size_t agency,
                                              const AnalysisOptions& opts, const RepresentationRules& rules);

/// By cell: the load there — hours a year of the counted seats on active boards (sub-groups
/// included) covering the cell. A file with no counted seat (the national files) gets the
/// expected hours instead: for each board covering the cell, its hours a year times the number
/// of agencies expected at it; `expected` says which.
struct CellLoad {
    std::vector<double> hours;
    bool expected = false;
};
CellLoad load_by_cell(const Dataset& d, const MapResult& m, const AnalysisOptions& opts,
                      const RepresentationRules& rules);

/// By cell: one number per agency (by agency index; e.g. the change in its hours a year in a
/// scenario) shared out evenly over the cells of that agency's footprint and summed per cell, so
/// the map shows where a change lands. An agency with no cell on the map adds nothing; the
/// cells' total is the total of the agencies on the map.
std::vector<double> spread_over_footprints(const Dataset& d, const MapResult& m, const std::vector<double>& by_agency);

/// Regions of one layer over given cells (exposed for the viewer and tests).
LayerRegions layer_regions(const Dataset& d, const Activity& act, const std::vector<Cell>& cells,
                           const std::vector<std::vector<std::size_t>>& leaves, const Layer& layer);

}  // namespace boardscape::map
