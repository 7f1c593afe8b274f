// HexJSON reading, neighbours and hex geometry (see hex_layout.hpp for the coordinates).
#include "boardscape/map/hex_layout.hpp"

#include "boardscape/dataset_json.hpp"
#include "boardscape/hexmap_lad15_json.hpp"  // generated from datasets/geo/
#include "boardscape/hexmap_lad23_json.hpp"
#include "../json_internal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace boardscape::map {

namespace {

using Json = nlohmann::json;

Diagnostic error_at(std::string pointer, std::string message) {
    Diagnostic d;
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    return d;
}

std::optional<int> integer(const Json& v) {
    if (v.is_number_integer()) {
        const auto i = v.get<long long>();
        if (i >= -100000 && i <= 100000) return static_cast<int>(i);
        return std::nullopt;
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) <= 100000)
            return static_cast<int>(d);
    }
    return std::nullopt;
}

}  // namespace

HexLayout parse_hexjson(std::string_view text, std::string_view file, std::string id) {
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        throw LoadError(std::string(file), {detail::nlohmann_syntax_error(text, e)});
    }
    std::vector<Diagnostic> errors;
    HexLayout out;
    out.id = std::move(id);
    if (!doc.is_object()) throw LoadError(std::string(file), {error_at("", "expected a HexJSON object")});
    const auto layout = doc.find("layout");
    if (layout == doc.end() || !layout->is_string() || layout->get<std::string>() != "odd-r")
        errors.push_back(error_at("/layout", "expected \"odd-r\" (the only layout supported)"));
    const auto hexes = doc.find("hexes");
    if (hexes == doc.end() || !hexes->is_object()) {
        errors.push_back(error_at("/hexes", "expected an object of hexes keyed by code"));
        throw LoadError(std::string(file), std::move(errors));
    }
    std::map<std::pair<int, int>, std::string> taken;
    for (const auto& [code, h] : hexes->items()) {
        std::string ptr = "/hexes";
        detail::append_pointer_token(ptr, code);
        if (!h.is_object()) {
            errors.push_back(error_at(ptr, "expected an object with q and r"));
            continue;
        }
        Hex hex;
        hex.code = code;
        if (const auto n = h.find("n"); n != h.end() && n->is_string()) hex.name = n->get<std::string>();
        std::optional<int> q, r;
        if (const auto it = h.find("q"); it != h.end()) q = integer(*it);
        if (const auto it = h.find("r"); it != h.end()) r = integer(*it);
        if (!q) errors.push_back(error_at(ptr + "/q", "expected a whole number (the column)"));
        if (!r) errors.push_back(error_at(ptr + "/r", "expected a whole number (the row)"));
        if (!q || !r) continue;
        hex.q = *q;
        hex.r = *r;
        const auto [it, fresh] = taken.emplace(std::make_pair(hex.q, hex.r), code);
        if (!fresh) {
            errors.push_back(error_at(ptr, "at the same position (q " + std::to_string(hex.q) + ", r " +
                                                   std::to_string(hex.r) + ") as '" + it->second + "'"));
            continue;
        }
        out.hexes.push_back(std::move(hex));
    }
    if (!errors.empty()) throw LoadError(std::string(file), std::move(errors));
    std::sort(out.hexes.begin(), out.hexes.end(),
              [](const Hex& a, const Hex& b) { return a.code < b.code; });
    return out;
}

const std::vector<HexLayout>& builtin_layouts() {
    // Parsed on first use; the texts are the shipped files, so they cannot fail.
    static const std::vector<HexLayout> layouts = {
            parse_hexjson(generated::hexmap_lad15_json, "datasets/geo/openinnovations_hexmap_lad15_uk.hexjson",
                          "lad15"),
            parse_hexjson(generated::hexmap_lad23_json, "datasets/geo/openinnovations_hexmap_lad23_uk.hexjson",
                          "lad23")};
    return layouts;
}

std::array<std::array<int, 2>, 6> neighbour_positions(int q, int r) {
    const int o = odd_row(r) ? 1 : 0;
    return {{{q + 1, r}, {q + o, r + 1}, {q - 1 + o, r + 1}, {q - 1, r}, {q - 1 + o, r - 1}, {q + o, r - 1}}};
}

std::vector<std::array<int, 6>> neighbours(const std::vector<Hex>& hexes) {
    std::map<std::pair<int, int>, int> at;
    for (std::size_t i = 0; i < hexes.size(); ++i) at.emplace(std::make_pair(hexes[i].q, hexes[i].r), static_cast<int>(i));
    std::vector<std::array<int, 6>> out(hexes.size());
    for (std::size_t i = 0; i < hexes.size(); ++i) {
        const auto pos = neighbour_positions(hexes[i].q, hexes[i].r);
        for (std::size_t s = 0; s < 6; ++s) {
            const auto it = at.find({pos[s][0], pos[s][1]});
            out[i][s] = it == at.end() ? -1 : it->second;
        }
    }
    return out;
}

Point hex_centre(int q, int r) {
    const double sqrt3 = std::sqrt(3.0);
    return {sqrt3 * (q + (odd_row(r) ? 0.5 : 0.0)), -1.5 * r};
}

std::array<Point, 6> hex_corners(int q, int r) {
    // Corner s sits at angle 330° + 60°·s (world, y up); side s joins corners s and s+1.
    const Point c = hex_centre(q, r);
    const double h = std::sqrt(3.0) / 2.0;
    return {{{c.x + h, c.y + 0.5},
             {c.x + h, c.y - 0.5},
             {c.x, c.y - 1.0},
             {c.x - h, c.y - 0.5},
             {c.x - h, c.y + 0.5},
             {c.x, c.y + 1.0}}};
}

}  // namespace boardscape::map
