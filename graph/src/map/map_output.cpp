// JSON and SVG output of the map (DESIGN §8.2).
#include "boardscape/map/map_output.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <numeric>
#include <set>
#include <sstream>

namespace boardscape::map {

namespace {

/// `text` in lines of at most `width` characters, broken at spaces, at most `max_lines` of them;
/// what does not fit ends the last line with an ellipsis.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width, std::size_t max_lines);

/// Characters, not bytes, for sizing text (district and board names hold é, ’ and –).
std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width, std::size_t max_lines) {
    std::vector<std::string> lines(1);
    std::size_t at = 0;
    bool cut = false;
    while (at < text.size()) {
        const std::size_t sp = text.find(' ', at);
        const std::string_view word = text.substr(at, sp == std::string_view::npos ? std::string_view::npos : sp - at);
        at = sp == std::string_view::npos ? text.size() : sp + 1;
        if (word.empty()) continue;
        std::string& cur = lines.back();
        if (cur.empty() || utf8_length(cur) + 1 + utf8_length(word) <= width) {
            if (!cur.empty()) cur += ' ';
            cur += word;
        } else if (lines.size() < max_lines) {
            lines.emplace_back(word);
        } else {
            cut = true;
            break;
        }
    }
    if (cut) lines.back() += "\u2026";
    return lines;
}

using Json = nlohmann::ordered_json;

std::string entity_name(const Dataset& d, const LayerRegions& l, std::size_t region) {
    const std::size_t e = l.entities[region];
    return l.layer.type == Layer::Type::board_kind ? d.boards[e].name : d.agencies[e].name;
}

Json layer_json(const LayerRegions& l) {
    Json j = Json::object();
    j["layer"] = l.layer.name;
    j["regions"] = l.regions;
    j["split_cells"] = l.split_cells;
    return j;
}

void add_regions(Json& out, const MapResult& m, const LayerRegions& l) {
    for (std::size_t r = 0; r < l.ids.size(); ++r) {
        if (l.region_cells[r] == 0) continue;
        Json j = Json::object();
        j["id"] = l.ids[r];
        j["layer"] = l.layer.name;
        j["cells"] = l.region_cells[r];
        Json codes = Json::array();
        for (std::size_t c = 0; c < m.cells.size(); ++c)
            if (l.cell_region[c] == static_cast<int>(r)) codes.push_back(m.hexes->hexes[m.cells[c].hex].code);
        j["codes"] = std::move(codes);
        out.push_back(std::move(j));
    }
}

}  // namespace

std::string map_json(const Dataset& d, const MapResult& m, const MapOptions& opts) {
    Json j = Json::object();
    const auto date = analysis_date(d, opts.analysis);
    j["as_of"] = date ? Json(date->str()) : Json(nullptr);
    j["layout"] = m.layout;
    j["cells"] = m.cells.size();
    j["fill"] = layer_json(m.fill);
    if (m.borders) j["borders"] = layer_json(*m.borders);
    j["boundary_edges"] = Json{{"fill", m.fill_edges}, {"borders", m.borders_edges}, {"mismatch", m.mismatch_edges}};
    Json regions = Json::array();
    add_regions(regions, m, m.fill);
    if (m.borders) add_regions(regions, m, *m.borders);
    std::stable_sort(regions.begin(), regions.end(), [](const Json& a, const Json& b) {
        return a["id"].get<std::string>() < b["id"].get<std::string>();
    });
    j["regions"] = std::move(regions);
    Json hexes = Json::array();
    for (std::size_t c = 0; c < m.cells.size(); ++c) {
        const Hex& h = m.hexes->hexes[m.cells[c].hex];
        Json o = Json::object();
        o["code"] = h.code;
        o["name"] = h.name;
        o["area"] = d.areas[m.cells[c].area].id.str();
        o["q"] = h.q;
        o["r"] = h.r;
        const auto region = [&](const LayerRegions& l) {
            const int r = l.cell_region[c];
            return r < 0 ? Json(nullptr) : Json(l.ids[static_cast<std::size_t>(r)]);
        };
        o["fill"] = region(m.fill);
        o["fill_split"] = static_cast<bool>(m.fill.cell_split[c]);
        if (m.borders) {
            o["borders"] = region(*m.borders);
            o["borders_split"] = static_cast<bool>(m.borders->cell_split[c]);
        }
        if (m.agency) o["in_agency_footprint"] = static_cast<bool>(m.agency->cell_in_footprint[c]);
        hexes.push_back(std::move(o));
    }
    j["hexes"] = std::move(hexes);
    if (m.agency) {
        Json a = Json::object();
        a["id"] = m.agency->id;
        a["cells"] = m.agency->cells;
        Json boards = Json::array();
        for (const auto& b : m.agency->boards) {
            Json o = Json::object();
            o["id"] = b.id;
            o["kind"] = std::string(to_string(b.kind));
            o["relation"] = std::string(to_string(b.relation));
            o["cells"] = b.cells.size();
            boards.push_back(std::move(o));
        }
        a["expected_boards"] = std::move(boards);
        j["agency"] = std::move(a);
    }
    return j.dump(2) + "\n";
}

// [SECTION] Colouring regions so that neighbours differ

std::vector<int> colour_regions(const MapResult& m, const LayerRegions& layer, int colours) {
    const std::size_t n = layer.entities.size();
    std::vector<std::set<int>> adjacent(n);
    for (const SharedEdge& e : m.edges) {
        const int a = layer.cell_region[e.a];
        const int b = layer.cell_region[e.b];
        if (a < 0 || b < 0 || a == b) continue;
        adjacent[static_cast<std::size_t>(a)].insert(b);
        adjacent[static_cast<std::size_t>(b)].insert(a);
    }
    // Welsh–Powell: most neighbours first, each taking the lowest colour its coloured
    // neighbours do not use; with more neighbours than colours, the least used among them.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return adjacent[x].size() > adjacent[y].size(); });
    std::vector<int> colour(n, -1);
    for (const std::size_t r : order) {
        if (layer.region_cells[r] == 0) continue;
        std::vector<int> used(static_cast<std::size_t>(colours), 0);
        for (const int nb : adjacent[r])
            if (const int c = colour[static_cast<std::size_t>(nb)]; c >= 0) ++used[static_cast<std::size_t>(c)];
        colour[r] = static_cast<int>(std::min_element(used.begin(), used.end()) - used.begin());
    }
    return colour;
}

// [SECTION] SVG

namespace {

std::string xml_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string hex_rgb(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

/// A region's label: its name without the kind's label ("Kent Safeguarding Adults Board" → "Kent").
std::string_view relation_text(BoundaryRelation r) {
    switch (r) {
    case BoundaryRelation::equal: return "same footprint";
    case BoundaryRelation::agency_wider: return "board inside the agency's footprint";
    case BoundaryRelation::agency_narrower: return "board wider than the agency";
    case BoundaryRelation::straddles: return "board straddles the agency's edge";
    case BoundaryRelation::disjoint: return "outside";
    }
    return "";
}

}  // namespace

std::string region_label(const Dataset& d, const LayerRegions& l, std::size_t region) {
    const std::string name = entity_name(d, l, region);
    if (l.layer.type != Layer::Type::board_kind) return name;
    // The place comes first in a board's name; it ends where the words of the board's work
    // begin (the kind's own label, or one of the words boards use for it).
    std::vector<std::string> stops{" " + std::string(info(l.layer.kind).label)};
    for (const char* w : {" Safeguarding", " Adult Safeguarding", " Adults Safeguarding", " Health and Wellbeing",
                          " Community Safety", " Children", " Integrated Care", " Domestic Abuse", " MAPPA",
                          " Local Criminal Justice", " Criminal Justice", " Youth Justice", " Youth Offending",
                          " Partnership", " Board", " SAB", " LSCB", " LSCP", " HWB", " CSP"})
        stops.emplace_back(w);
    std::size_t cut = std::string::npos;
    for (const auto& w : stops)
        if (const auto at = name.find(w); at != std::string::npos && at > 0) cut = std::min(cut, at);
    std::string place = cut == std::string::npos ? name : name.substr(0, cut);
    while (!place.empty() && (place.back() == ' ' || place.back() == '-' || place.back() == ',')) place.pop_back();
    // "Our Safeguarding Children Partnership (Cornwall and IoS)", "The Safer … ": the place is
    // in the brackets, else the name stays whole.
    if (place.size() < 4 || place == "Our" || place == "The") {
        const auto open = name.find('('), close = name.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open + 1)
            return name.substr(open + 1, close - open - 1);
        return name;
    }
    return place;
}

std::string layer_title(const Layer& l) {
    if (l.type == Layer::Type::board_kind) return std::string(info(l.kind).label) + "s";
    switch (l.sector) {
    case Sector::police: return "Police force areas";
    case Sector::pcc: return "Police and crime commissioner areas";
    case Sector::health_commissioner: return "Health commissioner (ICB, CCG) areas";
    case Sector::local_authority: return "Council areas";
    case Sector::district_council: return "District council areas";
    case Sector::probation: return "Probation regions";
    case Sector::youth_justice: return "Youth justice service areas";
    default: break;
    }
    std::string s(to_string(l.sector));
    std::replace(s.begin(), s.end(), '_', ' ');
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + " footprints";
}

// Relation colours for the agency mode: the Tol "bright" blue / cyan / purple / red set, kept
// apart from the region palette (which is light) by saturation.
std::uint32_t relation_rgb(BoundaryRelation r) {
    switch (r) {
    case BoundaryRelation::equal: return 0x228833;            // green: coterminous
    case BoundaryRelation::agency_wider: return 0x4477AA;     // blue: the board is inside
    case BoundaryRelation::agency_narrower: return 0xAA3377;  // purple: the board is wider
    case BoundaryRelation::straddles: return 0xEE6677;        // red: cuts across
    case BoundaryRelation::disjoint: return 0xDDDDDD;
    }
    return 0xDDDDDD;
}

std::string map_svg(const Dataset& d, const MapResult& m, const MapOptions& opts, const SvgOptions& svg) {
    constexpr double pad = 24.0;
    // The key's longest lines name a layer twice over ("runs inside one of the Health
    // commissioner (ICB, CCG) areas: 192 edges"); 12 px text is about 6.7 px a character.
    const std::size_t longest_title = std::max(utf8_length(layer_title(opts.fill)),
                                               opts.borders ? utf8_length(layer_title(*opts.borders)) : 0);
    const double legend_w = std::max(470.0, 34.0 + 6.7 * static_cast<double>(longest_title + 46));
    constexpr double title_h = 56.0;
    constexpr double foot_h = 52.0;
    // Bounds of the cells, in unit-hex world coordinates.
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const Cell& c : m.cells) {
        const Hex& h = m.hexes->hexes[c.hex];
        for (const Point& p : hex_corners(h.q, h.r)) {
            x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
            y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
        }
    }
    if (m.cells.empty()) x0 = y0 = x1 = y1 = 0;
    // Hex circumradius in px: 13 for England (about 500 px tall); a file cut out round one council
    // (a dozen cells) is drawn larger, up to 44, so its map fills the picture and each cell can
    // carry its district's name.
    const double span_x = x1 - x0, span_y = y1 - y0;
    const double R = span_x > 0 && span_y > 0 ? std::clamp(std::min(440.0 / span_y, 560.0 / span_x), 13.0, 44.0) : 13.0;
    const bool zoomed = R >= 24.0;
    const double map_w = span_x * R, map_h = span_y * R;
    // Wide enough for the title (19 px bold, about 11 px a character) and the licence line.
    const double text_w = std::max(11.0 * static_cast<double>(utf8_length(svg.title.empty() ? d.meta.title : svg.title)),
                                   5.9 * static_cast<double>(d.meta.licence ? utf8_length(*d.meta.licence) : 0));
    const double width = std::max(pad * 2 + std::max(map_w, 200.0) + legend_w, pad * 2 + text_w);
    const double height = title_h + std::max(map_h, 420.0) + foot_h + pad;
    const auto X = [&](double x) { return pad + (x - x0) * R; };
    const auto Y = [&](double y) { return title_h + (y - y0) * R; };

    const std::vector<int> colour = colour_regions(m, m.fill, region_palette_size);
    const auto date = analysis_date(d, opts.analysis);
    std::string title = svg.title;
    if (title.empty()) {
        title = d.meta.title.empty() ? std::string("Boardscape map") : d.meta.title;
    }
    std::string subtitle = layer_title(m.fill.layer);
    if (m.borders) subtitle += ", with " + layer_title(m.borders->layer) + " as borders";
    if (m.agency) subtitle += ", for " + d.agencies[*d.find_agency(AgencyId(m.agency->id))].name;
    subtitle += date ? ", as of " + date->str() : ", all dates";

    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width) << "\" height=\"" << num(height)
      << "\" viewBox=\"0 0 " << num(width) << ' ' << num(height) << "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
      << "<title>" << xml_escape(title) << "</title>\n"
      << "<defs><pattern id=\"split\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#333\" "
         "stroke-width=\"1.2\" stroke-opacity=\"0.55\"/></pattern></defs>\n"
      << "<style>.cell{stroke:#fff;stroke-width:0.6}.fill{stroke:#666;stroke-width:1;stroke-linecap:round}"
         ".borders{stroke:#111;stroke-width:3;stroke-linecap:round}"
         ".mismatch{stroke:#EE3377;stroke-linecap:round}.cut{stroke-width:3.4;stroke-dasharray:5 3}"
         ".outside{stroke:#BBBBBB;stroke-width:1;stroke-dasharray:none}"
         ".nested{stroke-width:1.4}"
         ".footprint{stroke:#000;stroke-width:3.4;stroke-linecap:round}"
         ".label{font-size:9px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:2.5px;stroke-linejoin:round;text-anchor:middle}"
         ".cellname{font-size:9.5px;fill:#444;text-anchor:middle}"
         ".legend{font-size:12px;fill:#222}.small{font-size:10.5px;fill:#444}</style>\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
      << "<text x=\"" << num(pad) << "\" y=\"26\" font-size=\"19\" font-weight=\"bold\" fill=\"#111\">"
      << xml_escape(title) << "</text>\n"
      << "<text x=\"" << num(pad) << "\" y=\"46\" font-size=\"13\" fill=\"#333\">" << xml_escape(subtitle) << "</text>\n";

    // Agency mode: a cell in the agency's footprint takes the relation colour of its fill
    // region's board (when the agency must attend it), else a neutral tint.
    std::vector<std::uint32_t> agency_fill;
    if (m.agency && m.fill.layer.type == Layer::Type::board_kind) {
        agency_fill.assign(m.cells.size(), 0xF4F4F4);
        for (std::size_t c = 0; c < m.cells.size(); ++c) {
            if (!m.agency->cell_in_footprint[c]) continue;
            agency_fill[c] = 0xCCCCCC;
            const int r = m.fill.cell_region[c];
            if (r < 0) continue;
            for (const auto& b : m.agency->boards)
                if (b.id == m.fill.ids[static_cast<std::size_t>(r)]) agency_fill[c] = relation_rgb(b.relation);
        }
    }

    o << "<g id=\"cells\">\n";
    for (std::size_t c = 0; c < m.cells.size(); ++c) {
        const Hex& h = m.hexes->hexes[m.cells[c].hex];
        const int r = m.fill.cell_region[c];
        std::uint32_t fill = r < 0 ? 0xF2F2F2 : region_palette[colour[static_cast<std::size_t>(r)]];
        if (!agency_fill.empty()) fill = agency_fill[c];
        o << "<polygon class=\"cell\" data-code=\"" << xml_escape(h.code) << "\" fill=\"" << hex_rgb(fill)
          << "\" points=\"";
        const auto corners = hex_corners(h.q, h.r);
        for (std::size_t k = 0; k < 6; ++k) o << (k ? " " : "") << num(X(corners[k].x)) << ',' << num(Y(corners[k].y));
        o << "\"><title>" << xml_escape(h.name) << " (" << h.code << ")";
        if (r >= 0) o << " — " << xml_escape(entity_name(d, m.fill, static_cast<std::size_t>(r)));
        if (m.fill.cell_split[c]) o << " (split)";
        if (m.borders && m.borders->cell_region[c] >= 0)
            o << "; " << xml_escape(entity_name(d, *m.borders, static_cast<std::size_t>(m.borders->cell_region[c])));
        o << "</title></polygon>\n";
        if (m.fill.cell_split[c]) {
            o << "<polygon class=\"split\" fill=\"url(#split)\" points=\"";
            for (std::size_t k = 0; k < 6; ++k) o << (k ? " " : "") << num(X(corners[k].x)) << ',' << num(Y(corners[k].y));
            o << "\"/>\n";
        }
    }
    o << "</g>\n";

    const auto edge_line = [&](const SharedEdge& e, std::string_view cls) {
        const Hex& h = m.hexes->hexes[m.cells[e.a].hex];
        const auto corners = hex_corners(h.q, h.r);
        const Point& p = corners[static_cast<std::size_t>(e.side)];
        const Point& q = corners[static_cast<std::size_t>((e.side + 1) % 6)];
        o << "<line class=\"" << cls << "\" x1=\"" << num(X(p.x)) << "\" y1=\"" << num(Y(p.y)) << "\" x2=\""
          << num(X(q.x)) << "\" y2=\"" << num(Y(q.y)) << "\"/>\n";
    };
    o << "<g id=\"fill-boundaries\">\n";
    for (const SharedEdge& e : m.edges)
        if (e.fill && !e.borders) edge_line(e, "fill");
    o << "</g>\n<g id=\"borders\">\n";
    for (const SharedEdge& e : m.edges)
        if (e.borders) edge_line(e, "borders");
    // Two kinds of mismatch: the borders layer cuts through a fill region (a boundary only in
    // the borders layer: the costly case, drawn bold) or a fill boundary runs inside one border
    // region (nesting, drawn thin).
    // A mismatch where the layer without the boundary has no region on either side only says
    // where the file stops (mismatch_outside): a thin grey line over the boundary that is there,
    // so the picture shows no mismatch while the SVG still has one line per mismatch.
    o << "</g>\n<g id=\"mismatch\">\n";
    for (const SharedEdge& e : m.edges)
        if (mismatch_outside(m, e)) edge_line(e, e.borders ? "mismatch cut outside" : "mismatch nested outside");
    for (const SharedEdge& e : m.edges)
        if (e.mismatch && !e.borders && !mismatch_outside(m, e)) edge_line(e, "mismatch nested");
    for (const SharedEdge& e : m.edges)
        if (e.mismatch && e.borders && !mismatch_outside(m, e)) edge_line(e, "mismatch cut");
    o << "</g>\n";
    if (m.agency) {
        // The agency's outline: sides between a footprint cell and a cell outside it (or the
        // map's edge).
        o << "<g id=\"agency-footprint\">\n";
        for (std::size_t c = 0; c < m.cells.size(); ++c) {
            if (!m.agency->cell_in_footprint[c]) continue;
            const Hex& h = m.hexes->hexes[m.cells[c].hex];
            const auto corners = hex_corners(h.q, h.r);
            for (std::size_t s = 0; s < 6; ++s) {
                const int nb = m.cells[c].neighbour[s];
                if (nb >= 0 && m.agency->cell_in_footprint[static_cast<std::size_t>(nb)]) continue;
                const Point& p = corners[s];
                const Point& q = corners[(s + 1) % 6];
                o << "<line class=\"footprint\" x1=\"" << num(X(p.x)) << "\" y1=\"" << num(Y(p.y)) << "\" x2=\""
                  << num(X(q.x)) << "\" y2=\"" << num(Y(q.y)) << "\"/>\n";
            }
        }
        o << "</g>\n";
    }

    // Region labels where they fit: regions of at least four cells, largest first, at the cell
    // nearest their centre, skipping a label that would overlap one already placed.
    o << "<g id=\"labels\">\n";
    std::vector<std::size_t> label_order(m.fill.entities.size());
    std::iota(label_order.begin(), label_order.end(), std::size_t{0});
    std::stable_sort(label_order.begin(), label_order.end(), [&](std::size_t a, std::size_t b) {
        return m.fill.region_cells[a] > m.fill.region_cells[b];
    });
    struct Box {
        double x0, y0, x1, y1;
    };
    std::vector<Box> placed;
    std::set<std::size_t> labelled_cells;  // cells holding a region label
    for (const std::size_t r : label_order) {
        if (m.fill.region_cells[r] < (zoomed ? 1 : 4)) continue;
        double sx = 0, sy = 0;
        int n = 0;
        for (std::size_t c = 0; c < m.cells.size(); ++c)
            if (m.fill.cell_region[c] == static_cast<int>(r)) {
                const Hex& h = m.hexes->hexes[m.cells[c].hex];
                const Point p = hex_centre(h.q, h.r);
                sx += p.x, sy += p.y, ++n;
            }
        sx /= n, sy /= n;
        double best = 1e18;
        Point at{};
        std::size_t at_cell = 0;
        for (std::size_t c = 0; c < m.cells.size(); ++c)
            if (m.fill.cell_region[c] == static_cast<int>(r)) {
                const Hex& h = m.hexes->hexes[m.cells[c].hex];
                const Point p = hex_centre(h.q, h.r);
                const double dd = (p.x - sx) * (p.x - sx) + (p.y - sy) * (p.y - sy);
                if (dd < best) best = dd, at = p, at_cell = c;
            }
        const std::string text = region_label(d, m.fill, r);
        // DejaVu Sans at 9 px averages about 5.4 px a character.
        const double half_w = 2.7 * static_cast<double>(utf8_length(text)) + 2, cx = X(at.x),
                     cy = Y(at.y) - (zoomed ? 0.3 * R : 0.0);
        const Box box{cx - half_w, cy - 6, cx + half_w, cy + 6};
        if (std::any_of(placed.begin(), placed.end(), [&](const Box& b) {
                return box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1;
            }))
            continue;
        placed.push_back(box);
        labelled_cells.insert(static_cast<std::size_t>(at_cell));
        o << "<text class=\"label\" x=\"" << num(cx) << "\" y=\"" << num(cy + 3) << "\">" << xml_escape(text)
          << "</text>\n";
    }
    if (zoomed) {
        // A map this large has room for each district's name below its centre (where it does
        // not collide with a region label or another name).
        // Names wrap at spaces into at most two lines the width of a hex (9.5 px text averages
        // about 5.8 px a character); a longer name ends in an ellipsis.
        const std::size_t max_chars = static_cast<std::size_t>(std::max(6.0, 1.6 * R / 5.8));
        for (std::size_t ci = 0; ci < m.cells.size(); ++ci) {
            const Hex& h = m.hexes->hexes[m.cells[ci].hex];
            if (m.fill.cell_region[ci] >= 0 && labelled_cells.count(ci) &&
                region_label(d, m.fill, static_cast<std::size_t>(m.fill.cell_region[ci])) == h.name)
                continue;  // the region label already says it
            std::vector<std::string> lines = wrap_words(h.name, max_chars, 2);
            std::size_t widest = 0;
            for (const auto& l : lines) widest = std::max(widest, utf8_length(l));
            const Point p = hex_centre(h.q, h.r);
            const double half_w = 2.9 * static_cast<double>(widest) + 2, cx = X(p.x), cy = Y(p.y) + 0.25 * R;
            const Box box{cx - half_w, cy - 6, cx + half_w, cy + 6 + 11.0 * static_cast<double>(lines.size() - 1)};
            if (std::any_of(placed.begin(), placed.end(), [&](const Box& b) {
                    return box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1;
                }))
                continue;
            placed.push_back(box);
            for (std::size_t k = 0; k < lines.size(); ++k)
                o << "<text class=\"cellname\" x=\"" << num(cx) << "\" y=\"" << num(cy + 3 + 11.0 * static_cast<double>(k))
                  << "\">" << xml_escape(lines[k]) << "</text>\n";
        }
    }
    o << "</g>\n";

    // Legend.
    const double lx = pad * 2 + std::max(map_w, 200.0);
    double ly = title_h + 10;
    const auto line = [&](std::string_view text, std::string_view cls = "legend") {
        o << "<text class=\"" << cls << "\" x=\"" << num(lx + 34) << "\" y=\"" << num(ly + 4) << "\">"
          << xml_escape(text) << "</text>\n";
        ly += 22;
    };
    const auto swatch_hex = [&](std::string_view fill) {
        o << "<polygon points=\"";
        const auto c = hex_corners(0, 0);
        for (std::size_t k = 0; k < 6; ++k)
            o << (k ? " " : "") << num(lx + 12 + c[k].x * 9) << ',' << num(ly + c[k].y * 9);
        o << "\" fill=\"" << fill << "\" stroke=\"#999\" stroke-width=\"0.6\"/>\n";
    };
    const auto swatch_line = [&](std::string_view cls) {
        o << "<line class=\"swatch " << cls << "\" x1=\"" << num(lx) << "\" y1=\"" << num(ly) << "\" x2=\"" << num(lx + 24)
          << "\" y2=\"" << num(ly) << "\"/>\n";
    };
    o << "<g id=\"legend\">\n";
    o << "<text x=\"" << num(lx) << "\" y=\"" << num(ly) << "\" font-size=\"14\" font-weight=\"bold\" fill=\"#111\">"
      << "Key</text>\n";
    ly += 24;
    if (!agency_fill.empty()) {
        for (const BoundaryRelation rel : {BoundaryRelation::equal, BoundaryRelation::agency_wider,
                                           BoundaryRelation::straddles, BoundaryRelation::agency_narrower}) {
            int n = 0;
            for (const auto& b : m.agency->boards)
                if (b.relation == rel && b.kind == m.fill.layer.kind) ++n;
            swatch_hex(hex_rgb(relation_rgb(rel)));
            line(std::string(relation_text(rel)) + " (" + std::to_string(n) + ")");
        }
        swatch_hex("#CCCCCC");
        line("in the footprint, not a board it must attend");
        swatch_line("footprint");
        line("the agency's footprint");
    } else {
        // One line: three of the palette's colours side by side, then what they mean (the
        // colours are not categories: any region may take any of them).
        const auto c = hex_corners(0, 0);
        for (int k = 0; k < 3; ++k) {
            o << "<polygon points=\"";
            for (std::size_t j = 0; j < 6; ++j)
                o << (j ? " " : "") << num(lx + 4 + 9 * k + c[j].x * 5.5) << ',' << num(ly + c[j].y * 5.5);
            o << "\" fill=\"" << hex_rgb(region_palette[static_cast<std::size_t>(k)]) << "\" stroke=\"#999\" stroke-width=\"0.4\"/>\n";
        }
        line(layer_title(m.fill.layer) + ": " + std::to_string(m.fill.regions) +
             (m.fill.regions == 1 ? " region" : " regions") + ", one colour each (neighbours differ)");
    }
    if (m.fill.split_cells > 0) {
        swatch_hex("url(#split)");
        line("split between regions (" + std::to_string(m.fill.split_cells) + " cells)");
    }
    swatch_hex("#F2F2F2");
    line("no region of the " + layer_title(m.fill.layer) + " in this file");
    swatch_line("fill");
    line("boundary between " + layer_title(m.fill.layer));
    if (m.borders) {
        swatch_line("borders");
        line("boundary between " + layer_title(m.borders->layer));
        int cuts = 0, nested = 0, outside = 0;
        for (const SharedEdge& e : m.edges) {
            if (!e.mismatch) continue;
            if (mismatch_outside(m, e)) ++outside;
            else if (e.borders) ++cuts;
            else ++nested;
        }
        swatch_line("mismatch cut");
        line("cuts through one of the " + layer_title(m.fill.layer) + ": " + std::to_string(cuts) + " edges");
        swatch_line("mismatch nested");
        line("runs inside one of the " + layer_title(m.borders->layer) + ": " + std::to_string(nested) + " edges");
        if (outside > 0) {
            // The rest of the mismatches (DESIGN §8.2 counts them all): the file stops there.
            swatch_line("mismatch cut outside");
            line("the file has no region of the other layer on either side: " + std::to_string(outside) + " edges");
        }
    }
    ly += 8;
    line("Hover a hex for its district and regions.", "small");
    o << "</g>\n";

    // Sources line.
    o << "<text class=\"small\" x=\"" << num(pad) << "\" y=\"" << num(height - 30) << "\">"
      << "Hex layout of districts: Open Innovations (odileeds/hexmaps, MIT). Made with Boardscape.</text>\n";
    if (d.meta.licence)
        o << "<text class=\"small\" x=\"" << num(pad) << "\" y=\"" << num(height - 14) << "\">"
          << xml_escape(*d.meta.licence) << "</text>\n";
    o << "</svg>\n";
    return o.str();
}

}  // namespace boardscape::map
