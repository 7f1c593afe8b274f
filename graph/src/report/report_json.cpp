// JSON text of analysis results (DESIGN §5). ordered_json keeps the contract's field order.
#include "boardscape/report/report_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace boardscape::report {

namespace {

using Json = nlohmann::ordered_json;

Json date_json(const std::optional<Date>& d) { return d ? Json(d->str()) : Json(nullptr); }

// nlohmann writes NaN and infinity as null anyway; say so explicitly so the intent is clear.
Json number_json(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json optional_json(const std::optional<double>& v) { return v ? number_json(*v) : Json(nullptr); }

Json string_list(const std::vector<std::string>& ids) {
    Json a = Json::array();
    for (const auto& id : ids) a.push_back(id);
    return a;
}

Json count_map(const std::map<std::string, int>& m) {
    Json o = Json::object();
    for (const auto& [k, v] : m) o[k] = v;
    return o;
}

// Ids come from validated UTF-8, but a hand-built result must not make dump() throw.
std::string finish(const Json& j) {
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string to_json(const OverlapResult& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    Json pairs = Json::array();
    for (const auto& p : r.board_pairs) {
        Json o = Json::object();
        o["a"] = p.a;
        o["b"] = p.b;
        o["shared"] = p.shared;
        o["jaccard"] = number_json(p.jaccard);
        o["min_overlap"] = number_json(p.min_overlap);
        o["newman_weight"] = number_json(p.newman_weight);
        pairs.push_back(std::move(o));
    }
    j["board_pairs"] = std::move(pairs);
    Json people = Json::array();
    for (const auto& p : r.people) {
        Json o = Json::object();
        o["id"] = p.id;
        o["boards"] = p.boards;
        people.push_back(std::move(o));
    }
    j["people"] = std::move(people);
    j["multi_board_people"] = r.multi_board_people;
    j["interlock_density"] = optional_json(r.interlock_density);
    j["chairs_of_several"] = string_list(r.chairs_of_several);
    Json brokers = Json::array();
    for (const auto& b : r.brokers) {
        Json o = Json::object();
        o["id"] = b.id;
        o["type"] = std::string(to_string(b.type));
        o["betweenness"] = number_json(b.betweenness);
        brokers.push_back(std::move(o));
    }
    j["brokers"] = std::move(brokers);
    j["estimated"] = r.brokers_estimated;
    return finish(j);
}

std::string to_json(const BoundariesResult& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    // What expected attendance was computed with (beyond §5's fields, which allows more).
    j["rules"] = r.rules;
    j["prep_factor"] = number_json(r.prep_factor);
    j["travel_hours"] = number_json(r.travel_hours);
    Json agencies = Json::array();
    for (const auto& a : r.agencies) {
        Json o = Json::object();
        o["id"] = a.id;
        o["sector"] = std::string(to_string(a.sector));
        o["boards_to_attend"] = count_map(a.boards_to_attend);
        o["meetings_to_attend"] = number_json(a.meetings_to_attend);
        o["expected_boards"] = count_map(a.expected_boards);
        o["expected_meetings"] = number_json(a.expected_meetings);
        o["expected_hours"] = number_json(a.expected_hours);
        Json rels = Json::array();
        for (const auto& rel : a.relations) {
            Json ro = Json::object();
            ro["board"] = rel.board;
            ro["relation"] = std::string(to_string(rel.relation));
            if (rel.overlap_share) ro["overlap_share"] = number_json(*rel.overlap_share);
            rels.push_back(std::move(ro));
        }
        o["relations"] = std::move(rels);
        agencies.push_back(std::move(o));
    }
    j["agencies"] = std::move(agencies);
    Json boards = Json::array();
    for (const auto& b : r.boards) {
        Json o = Json::object();
        o["id"] = b.id;
        o["kind"] = std::string(to_string(b.kind));
        o["partners"] = string_list(b.partners);
        o["coterminosity"] = optional_json(b.coterminosity);
        o["straddling"] = string_list(b.straddling);
        boards.push_back(std::move(o));
    }
    j["boards"] = std::move(boards);
    return finish(j);
}

std::string to_json(const LoadReport& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    j["prep_factor"] = number_json(r.prep_factor);
    j["travel_hours"] = number_json(r.travel_hours);
    Json people = Json::array();
    for (const auto& p : r.people) {
        Json o = Json::object();
        o["id"] = p.id;
        o["seats"] = p.seats;
        o["boards"] = p.boards;
        o["meetings"] = number_json(p.meetings);
        o["hours"] = number_json(p.hours);
        o["attended_hours"] = number_json(p.attended_hours);
        people.push_back(std::move(o));
    }
    j["people"] = std::move(people);
    Json agencies = Json::array();
    for (const auto& a : r.agencies) {
        Json o = Json::object();
        o["id"] = a.id;
        o["sector"] = std::string(to_string(a.sector));
        o["seats"] = a.seats;
        o["people"] = a.people;
        o["boards"] = a.boards;
        o["meetings"] = number_json(a.meetings);
        o["hours"] = number_json(a.hours);
        o["attended_hours"] = number_json(a.attended_hours);
        agencies.push_back(std::move(o));
    }
    j["agencies"] = std::move(agencies);
    Json boards = Json::array();
    for (const auto& b : r.boards) {
        Json o = Json::object();
        o["id"] = b.id;
        o["seats"] = b.seats;
        o["seats_by_sector"] = count_map(b.seats_by_sector);
        o["seats_by_group"] = count_map(b.seats_by_group);
        o["largest_sector"] = b.largest_sector ? Json(*b.largest_sector) : Json(nullptr);
        o["largest_sector_seats"] = b.largest_sector_seats;
        o["largest_group"] = b.largest_group ? Json(*b.largest_group) : Json(nullptr);
        o["largest_group_seats"] = b.largest_group_seats;
        boards.push_back(std::move(o));
    }
    j["boards"] = std::move(boards);
    return finish(j);
}

std::string to_json(const RepresentationResult& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    Json boards = Json::array();
    for (const auto& b : r.boards) {
        Json o = Json::object();
        o["id"] = b.id;
        o["kind"] = std::string(to_string(b.kind));
        Json expected = Json::array();
        for (const auto& s : b.expected) {
            Json e = Json::object();
            e["sector"] = std::string(to_string(s.sector));
            e["status"] = s.present ? "present" : "absent";
            e["seats"] = s.seats;
            e["senior"] = s.senior;
            e["regular"] = s.regular;
            e["sporadic"] = s.sporadic;
            e["never"] = s.never;
            e["senior_regular"] = s.senior_regular;
            expected.push_back(std::move(e));
        }
        o["expected"] = std::move(expected);
        Json roles = Json::array();
        for (const auto& rp : b.roles) {
            Json e = Json::object();
            e["role"] = std::string(to_string(rp.role));
            e["expected"] = rp.expected;
            e["seats"] = rp.seats;
            roles.push_back(std::move(e));
        }
        o["roles"] = std::move(roles);
        Json others = Json::array();
        for (const auto& s : b.other_sectors) {
            Json e = Json::object();
            e["sector"] = s.sector;
            e["seats"] = s.seats;
            others.push_back(std::move(e));
        }
        o["other_sectors"] = std::move(others);
        boards.push_back(std::move(o));
    }
    j["boards"] = std::move(boards);
    return finish(j);
}

}  // namespace boardscape::report
