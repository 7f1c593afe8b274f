// Schematic hex layouts of England's districts (HexJSON, "odd-r"), the geometry of their cells
// and which cells are neighbours. The two layouts the map ships (datasets/geo/, Open Innovations,
// MIT) are compiled in: `lad15` (the 326 districts of 2015–2018) and `lad23` (the 296 of 2023–24).
// Coordinates: `q` is the column and `r` the row of a hex; rows are horizontal, odd rows (r odd,
// negative rows included) are shifted right by half a hex, and `r` grows northwards.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::map {

struct Hex {
    std::string code;  // the key: an ONS district code (E06…, E07…, E08…, E09…) or another nation's
    std::string name;  // "n"
    int q = 0;
    int r = 0;
};

struct HexLayout {
    std::string id;         // "lad15", "lad23", or what the caller named it
    std::vector<Hex> hexes;  /// sorted by code
};

/// Reads HexJSON text (`{"layout": "odd-r", "hexes": {CODE: {"n", "q", "r", …}}}`); other keys
/// are ignored. Only "odd-r" is supported. Throws LoadError (file, JSON pointer or line/column)
/// on bad input: a syntax error, another layout, a missing or non-integer q/r, two hexes at one
/// position.
HexLayout parse_hexjson(std::string_view text, std::string_view file, std::string id);

/// The two layouts shipped in datasets/geo/, parsed once: lad15 then lad23.
const std::vector<HexLayout>& builtin_layouts();

/// True when row `r` is shifted right (odd, also for negative rows: -1 is odd).
constexpr bool odd_row(int r) { return (r & 1) != 0; }

/// The six neighbours' (q, r) in side order: east, north-east, north-west, west, south-west,
/// south-east (side s is the hex edge between corners s and s+1 of hex_corners()).
std::array<std::array<int, 2>, 6> neighbour_positions(int q, int r);

/// For each hex of `hexes` (by index), the index of its neighbour on each side, or -1.
std::vector<std::array<int, 6>> neighbours(const std::vector<Hex>& hexes);

/// World geometry of a pointy-top hex of circumradius 1, north up: x grows east, y grows south
/// (screen convention), so a cell's centre is (√3·(q + ½·odd), −1.5·r).
struct Point {
    double x = 0;
    double y = 0;
};
Point hex_centre(int q, int r);
/// Corners in order, starting at the east side's northern end and turning anticlockwise on
/// screen (north-east corner first): corner s and s+1 bound side s of neighbour_positions().
std::array<Point, 6> hex_corners(int q, int r);

}  // namespace boardscape::map
