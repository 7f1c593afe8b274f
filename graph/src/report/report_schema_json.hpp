// JSON of a schema's rows (private; report_json.cpp, compare_report.cpp and the tests): one
// object per row with the fields' JSON keys in order, and the few helpers every report's JSON
// shares. Kept apart from report_schema.hpp so the table builders do not compile nlohmann.
#pragma once

#include "report_schema.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace boardscape::report::schema {

inline nlohmann::ordered_json date_json(const std::optional<Date>& d) {
    return d ? nlohmann::ordered_json(d->str()) : nlohmann::ordered_json(nullptr);
}

// nlohmann writes NaN and infinity as null anyway; say so explicitly so the intent is clear.
inline nlohmann::ordered_json number_json(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

inline nlohmann::ordered_json optional_json(const std::optional<double>& v) {
    return v ? number_json(*v) : nlohmann::ordered_json(nullptr);
}

/// The report's text: 2-space indent and a final newline. Ids come from validated UTF-8, but
/// a hand-built result must not make dump() throw.
inline std::string dump(const nlohmann::ordered_json& j) {
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

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
        Json operator()(bool b) const { return Json(b); }
        Json operator()(const Texts& m) const {
            Json o = Json::object();
            for (const auto& [k, text] : m) o[k] = text;
            return o;
        }
    };
    return std::visit(Visitor{}, v);
}

/// One row's object: the fields with a JSON key in order, then the nested lists (or both in
/// the schema's json_order).
template <class Row>
nlohmann::ordered_json row_json(const Schema<Row>& s, const Row& row) {
    using Json = nlohmann::ordered_json;
    Json o = Json::object();
    const auto put_field = [&](const Field<Row>& f) {
        Value v = f.get(row);
        if (f.omit_null && std::holds_alternative<std::monostate>(v)) return;
        o[f.json] = value_json(v);
    };
    const auto put_nested = [&](const Nested<Row>& n) {
        Json items = Json::array();
        for (const auto& values : n.items(row)) {
            Json item = Json::object();
            for (std::size_t i = 0; i < n.fields.size() && i < values.size(); ++i) {
                const ItemField& f = n.fields[i];
                if (f.json.empty()) continue;
                if (f.omit_null && std::holds_alternative<std::monostate>(values[i])) continue;
                item[f.json] = value_json(values[i]);
            }
            items.push_back(std::move(item));
        }
        o[n.json] = std::move(items);
    };
    if (s.json_order.empty()) {
        for (const auto& f : s.fields)
            if (!f.json.empty()) put_field(f);
        for (const auto& n : s.nested)
            if (!n.json.empty()) put_nested(n);
        return o;
    }
    for (const auto& key : s.json_order) {
        for (const auto& f : s.fields)
            if (f.json == key) put_field(f);
        for (const auto& n : s.nested)
            if (n.json == key) put_nested(n);
    }
    return o;
}

template <class Row>
nlohmann::ordered_json rows_json(const Schema<Row>& s, const std::vector<Row>& rows) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& row : rows) a.push_back(row_json(s, row));
    return a;
}

}  // namespace boardscape::report::schema
