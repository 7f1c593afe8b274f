#include "app/saved_views.hpp"

#include <nlohmann/json.hpp>

namespace boardscape::viewer {

using nlohmann::json;

std::vector<SavedView> parse_saved_views(std::string_view text, std::vector<std::string>& problems) {
    std::vector<SavedView> out;
    if (text.empty()) return out;
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
        problems.emplace_back("views: not a JSON array");
        return out;
    }
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const json& v = doc[i];
        const std::string where = "views/" + std::to_string(i);
        if (!v.is_object()) {
            problems.push_back(where + ": not an object");
            continue;
        }
        try {
            SavedView sv;
            sv.name = v.value("name", "View " + std::to_string(i + 1));
            if (auto o = parse_overlay(v.value("overlay", "none"))) sv.overlay = *o;
            if (v.contains("center") && v["center"].is_array() && v["center"].size() == 2)
                sv.center = {v["center"][0].get<double>(), v["center"][1].get<double>()};
            sv.span = v.value("span", 0.0);
            if (v.contains("selected") && v["selected"].is_string()) sv.selected = v["selected"].get<std::string>();
            if (v.contains("focus") && v["focus"].is_string()) sv.focus = v["focus"].get<std::string>();
            sv.focus_hops = v.value("focus_hops", 1);
            if (v.contains("anonymise") && v["anonymise"].is_boolean()) sv.anonymise = v["anonymise"].get<bool>();
            if (v.contains("view") && v["view"].is_string()) {
                if (auto k = parse_view_kind(v["view"].get<std::string>())) sv.view_kind = *k;
                else problems.push_back(where + "/view: expected \"graph\" or \"map\"");
            }
            if (v.contains("map") && v["map"].is_object()) {
                const json& m = v["map"];
                sv.map.fill = m.value("fill", sv.map.fill);
                sv.map.borders = m.value("borders", sv.map.borders);
                if (auto me = parse_map_measure(m.value("measure", "regions"))) sv.map.measure = *me;
                else problems.push_back(where + "/map/measure: unknown measure");
            }
            if (v.contains("filters") && v["filters"].is_object()) {
                const json& f = v["filters"];
                for (const auto& k : f.value("hidden_board_kinds", json::array()))
                    if (k.is_string())
                        if (auto bk = parse_board_kind(k.get<std::string>()))
                            sv.filters.board_kind_shown[static_cast<std::size_t>(*bk)] = false;
                for (const auto& k : f.value("hidden_sectors", json::array()))
                    if (k.is_string()) {
                        const std::string s = k.get<std::string>();
                        if (s == "independent") sv.filters.sector_shown[static_cast<std::size_t>(Sector::independent)] = false;
                        else if (auto sec = parse_sector(s)) sv.filters.sector_shown[static_cast<std::size_t>(*sec)] = false;
                    }
                sv.filters.show_people = f.value("people", true);
                sv.filters.show_areas = f.value("areas", true);
                sv.filters.show_inactive = f.value("inactive", false);
                if (f.contains("as_of") && f["as_of"].is_string()) sv.filters.as_of = Date::parse(f["as_of"].get<std::string>());
                sv.filters.search = f.value("search", "");
            }
            out.push_back(std::move(sv));
        } catch (const json::exception& e) {
            problems.push_back(where + ": " + e.what());
        }
    }
    return out;
}

std::string saved_views_to_json(const std::vector<SavedView>& views) {
    if (views.empty()) return "";
    json arr = json::array();
    for (const SavedView& sv : views) {
        json v;
        v["name"] = sv.name;
        v["overlay"] = std::string(to_string(sv.overlay));
        v["center"] = {sv.center.x, sv.center.y};
        v["span"] = sv.span;
        if (sv.selected) v["selected"] = *sv.selected;
        if (sv.focus) {
            v["focus"] = *sv.focus;
            v["focus_hops"] = sv.focus_hops;
        }
        if (sv.anonymise) v["anonymise"] = *sv.anonymise;
        if (sv.view_kind == ViewKind::map) {
            v["view"] = std::string(to_string(sv.view_kind));
            v["map"] = {{"fill", sv.map.fill}, {"borders", sv.map.borders},
                        {"measure", std::string(to_string(sv.map.measure))}};
        }
        json f;
        json kinds = json::array(), sectors = json::array();
        const auto bk = board_kind_names();
        for (std::size_t i = 0; i < bk.size() && i < board_kind_count; ++i)
            if (!sv.filters.board_kind_shown[i]) kinds.push_back(std::string(bk[i]));
        for (std::size_t i = 0; i < sector_count; ++i)
            if (!sv.filters.sector_shown[i]) sectors.push_back(std::string(to_string(static_cast<Sector>(i))));
        f["hidden_board_kinds"] = kinds;
        f["hidden_sectors"] = sectors;
        f["people"] = sv.filters.show_people;
        f["areas"] = sv.filters.show_areas;
        f["inactive"] = sv.filters.show_inactive;
        if (sv.filters.as_of) f["as_of"] = sv.filters.as_of->str();
        if (!sv.filters.search.empty()) f["search"] = sv.filters.search;
        v["filters"] = f;
        arr.push_back(v);
    }
    return arr.dump(2);
}

SavedView capture_view(const ViewState& v, std::string name) {
    SavedView sv;
    sv.name = std::move(name);
    sv.overlay = v.overlay;
    sv.center = v.camera.center;
    sv.span = v.camera.world_span();
    sv.selected = v.selected;
    sv.focus = v.focus;
    sv.focus_hops = v.focus_hops;
    sv.anonymise = v.anonymise;
    sv.filters = v.filters;
    sv.view_kind = v.view_kind;
    sv.map = v.map;
    return sv;
}

}  // namespace boardscape::viewer
