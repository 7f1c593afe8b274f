// JSON text of analysis results (DESIGN §5). ordered_json keeps the contract's field order.
#include "boardscape/report/report_json.hpp"

#include "report_schema_json.hpp"

namespace boardscape::report {

using Json = nlohmann::ordered_json;

using schema::date_json;
using schema::number_json;
using schema::optional_json;

std::string to_json(const OverlapResult& r) {
    return schema::dump(schema::row_json(schema::overlap_report(r), r));
}

std::string to_json(const BoundariesResult& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    // What expected attendance was computed with (beyond §5's fields, which allows more).
    j["rules"] = r.rules;
    j["prep_factor"] = number_json(r.prep_factor);
    j["travel_hours"] = number_json(r.travel_hours);
    j["agencies"] = schema::rows_json(schema::boundary_agencies(), r.agencies);
    j["boards"] = schema::rows_json(schema::boundary_boards(), r.boards);
    return schema::dump(j);
}

std::string to_json(const LoadReport& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    j["prep_factor"] = number_json(r.prep_factor);
    j["travel_hours"] = number_json(r.travel_hours);
    j["people"] = schema::rows_json(schema::load_people(), r.people);
    j["agencies"] = schema::rows_json(schema::load_agencies(), r.agencies);
    j["boards"] = schema::rows_json(schema::load_boards(), r.boards);
    return schema::dump(j);
}

std::string to_json(const RepresentationResult& r) {
    Json j = Json::object();
    j["as_of"] = date_json(r.as_of);
    j["boards"] = schema::rows_json(schema::representation_boards(), r.boards);
    return schema::dump(j);
}

}  // namespace boardscape::report
