// JSON of a schema's rows (private; report_json.cpp and the tests): one object per row with
// the fields' JSON keys in order. Kept apart from report_schema.hpp so the table builders do
// not compile nlohmann.
#pragma once

#include "report_schema.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace boardscape::report::schema {

inline nlohmann::ordered_json value_json(const Value& v) {
    using Json = nlohmann::ordered_json;
    struct Visitor {
        Json operator()(std::monostate) const { return Json(nullptr); }
        Json operator()(const std::string& s) const { return Json(s); }
        Json operator()(long long n) const { return Json(n); }
        // nlohmann writes NaN and infinity as null anyway; say so explicitly.
        Json operator()(double x) const { return std::isfinite(x) ? Json(x) : Json(nullptr); }
        Json operator()(const Counts& m) const {
            Json o = Json::object();
            for (const auto& [k, n] : m) o[k] = n;
            return o;
        }
        Json operator()(const Strings& ids) const {
            Json a = Json::array();
            for (const auto& id : ids) a.push_back(id);
            return a;
        }
    };
    return std::visit(Visitor{}, v);
}

template <class Row>
nlohmann::ordered_json rows_json(const Schema<Row>& s, const std::vector<Row>& rows) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& row : rows) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (const auto& f : s.fields)
            if (!f.json.empty()) o[f.json] = value_json(f.get(row));
        a.push_back(std::move(o));
    }
    return a;
}

}  // namespace boardscape::report::schema
