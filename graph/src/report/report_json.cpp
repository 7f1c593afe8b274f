// JSON text of analysis results (DESIGN §5). ordered_json keeps the contract's field order.
#include "boardscape/report/report_json.hpp"

#include "report_schema_json.hpp"

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
    j["board_pairs"] = schema::rows_json(schema::board_pairs(), r.board_pairs);
    j["people"] = schema::rows_json(schema::overlap_people(r), r.people);
    j["multi_board_people"] = r.multi_board_people;
    j["interlock_density"] = optional_json(r.interlock_density);
    j["chairs_of_several"] = string_list(r.chairs_of_several);
    j["brokers"] = schema::rows_json(schema::brokers(), r.brokers);
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
    j["boards"] = schema::rows_json(schema::boundary_boards(), r.boards);
    return finish(j);
}

std::string to_json(const LoadReport& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    j["prep_factor"] = number_json(r.prep_factor);
    j["travel_hours"] = number_json(r.travel_hours);
    j["people"] = schema::rows_json(schema::load_people(), r.people);
    j["agencies"] = schema::rows_json(schema::load_agencies(), r.agencies);
    j["boards"] = schema::rows_json(schema::load_boards(), r.boards);
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
