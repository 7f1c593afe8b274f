// The canonical writer: a Dataset becomes an ordered DOM in the format's field order, printed
// with a 2-space indent (short scalar arrays on one line). Saving it to a file is
// save_dataset_file in atomic_write.cpp.
#include "json_internal.hpp"

#include <cmath>
#include <cstdint>

namespace boardscape {

namespace {

using detail::append_member;
using detail::Json;

// [SECTION] Building the DOM

/// Integral values are written without ".0" (a population of 1200, 6 meetings a year).
Json number(double v, std::string_view where) {
    if (!std::isfinite(v)) throw std::runtime_error("cannot write a non-finite number at " + std::string(where));
    if (v == std::trunc(v) && std::fabs(v) < 9.0e15) return Json(static_cast<std::int64_t>(v));
    return Json(v);
}

template <class T>
void put_optional(Json& o, const char* key, const std::optional<T>& v) {
    if (v) append_member(o, key, Json(*v));
}

void put_optional_date(Json& o, const char* key, const std::optional<Date>& v) {
    if (v) append_member(o, key, Json(v->str()));
}

template <class Tag>
void put_optional_id(Json& o, const char* key, const std::optional<Id<Tag>>& v) {
    if (v) append_member(o, key, Json(v->value));
}

Json id_list(const std::vector<AreaId>& ids) {
    Json a = Json::array();
    for (const auto& id : ids) a.push_back(id.value);
    return a;
}

Json meta_json(const Meta& m) {
    Json o = Json::object();
    append_member(o, "title", Json(m.title));
    put_optional_date(o, "as_of", m.as_of);
    put_optional(o, "description", m.description);
    if (!m.sources.empty()) append_member(o, "sources", Json(m.sources));
    put_optional(o, "licence", m.licence);
    return o;
}

Json area_json(const Area& a, std::size_t i) {
    Json o = Json::object();
    append_member(o, "id", Json(a.id.value));
    append_member(o, "name", Json(a.name));
    put_optional(o, "kind", a.kind);
    put_optional_id(o, "parent", a.parent);
    put_optional(o, "code", a.code);
    if (a.population) append_member(o, "population", number(*a.population, "/areas/" + std::to_string(i)));
    return o;
}

Json agency_json(const Agency& a) {
    Json o = Json::object();
    append_member(o, "id", Json(a.id.value));
    append_member(o, "name", Json(a.name));
    append_member(o, "sector", Json(std::string(to_string(a.sector))));
    append_member(o, "footprint", id_list(a.footprint));
    return o;
}

Json board_json(const Board& b, std::size_t i) {
    const std::string where = "/boards/" + std::to_string(i);
    Json o = Json::object();
    append_member(o, "id", Json(b.id.value));
    append_member(o, "name", Json(b.name));
    append_member(o, "kind", Json(std::string(to_string(b.kind))));
    append_member(o, "footprint", id_list(b.footprint));
    put_optional_id(o, "parent", b.parent);
    append_member(o, "meetings_per_year", number(b.meetings_per_year, where));
    append_member(o, "meeting_hours", number(b.meeting_hours, where));
    put_optional_date(o, "from", b.from);
    put_optional_date(o, "until", b.until);
    put_optional_id(o, "successor", b.successor);
    return o;
}

Json person_json(const Person& p) {
    Json o = Json::object();
    append_member(o, "id", Json(p.id.value));
    append_member(o, "name", Json(p.name));
    put_optional_id(o, "agency", p.agency);
    put_optional(o, "title", p.title);
    return o;
}

Json membership_json(const Membership& m) {
    Json o = Json::object();
    append_member(o, "person", Json(m.person.value));
    append_member(o, "board", Json(m.board.value));
    put_optional_id(o, "represents", m.represents);
    append_member(o, "role", Json(std::string(to_string(m.role))));
    // "unknown" is what absence means, so the canonical form leaves it out.
    if (m.seniority != Seniority::unknown) append_member(o, "seniority", Json(std::string(to_string(m.seniority))));
    if (m.attendance != Attendance::unknown)
        append_member(o, "attendance", Json(std::string(to_string(m.attendance))));
    put_optional_date(o, "from", m.from);
    put_optional_date(o, "until", m.until);
    put_optional(o, "source", m.source);
    return o;
}

Json relation_json(const Relation& r) {
    Json o = Json::object();
    append_member(o, "from", Json(r.from.value));
    append_member(o, "to", Json(r.to.value));
    append_member(o, "kind", Json(std::string(to_string(r.kind))));
    put_optional(o, "note", r.note);
    return o;
}

Json layout_json(const Layout& l) {
    Json o = Json::object();
    if (!l.positions.empty()) {
        Json positions = Json::object();
        for (const auto& [id, xy] : l.positions) {
            const std::string where = "/layout/positions/" + id;
            append_member(positions, id, Json::array({number(xy[0], where), number(xy[1], where)}));
        }
        append_member(o, "positions", std::move(positions));
    }
    if (!l.pinned.empty()) append_member(o, "pinned", Json(l.pinned));
    return o;
}

template <class T, class F>
Json array_of(const std::vector<T>& items, F&& to_json) {
    Json a = Json::array();
    a.get_ptr<Json::array_t*>()->reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) a.push_back(to_json(items[i], i));
    return a;
}

// [SECTION] Printing

std::string scalar_text(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

/// Arrays of scalars this short stay on one line (footprints, [x, y] positions).
constexpr std::size_t k_inline_array_chars = 72;

void emit(const Json& v, std::size_t indent, std::string& out) {
    if (v.is_object()) {
        if (v.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& [key, child] : static_cast<const Json::object_t::Container&>(*v.get_ptr<const Json::object_t*>())) {
            if (!first) out += ",\n";
            first = false;
            out.append(indent + 2, ' ');
            out += scalar_text(Json(key));
            out += ": ";
            emit(child, indent + 2, out);
        }
        out += '\n';
        out.append(indent, ' ');
        out += '}';
        return;
    }
    if (v.is_array()) {
        if (v.empty()) {
            out += "[]";
            return;
        }
        bool scalars = true;
        for (const auto& item : v)
            if (item.is_structured()) scalars = false;
        if (scalars) {
            std::string line = "[";
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i) line += ", ";
                line += scalar_text(v[i]);
            }
            line += ']';
            if (line.size() <= k_inline_array_chars) {
                out += line;
                return;
            }
        }
        out += "[\n";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ",\n";
            out.append(indent + 2, ' ');
            emit(v[i], indent + 2, out);
        }
        out += '\n';
        out.append(indent, ' ');
        out += ']';
        return;
    }
    out += scalar_text(v);
}

}  // namespace

namespace detail {

std::string write_pretty(const Json& value) {
    std::string out;
    emit(value, 0, out);
    out += '\n';
    return out;
}

}  // namespace detail

std::string dataset_to_json_text(const Dataset& d) {
    Json root = Json::object();
    append_member(root, "format", Json("boardscape"));
    append_member(root, "version", Json(1));
    const Meta& m = d.meta;
    if (!m.title.empty() || m.as_of || m.description || !m.sources.empty() || m.licence)
        append_member(root, "meta", meta_json(m));
    append_member(root, "areas", array_of(d.areas, [](const Area& a, std::size_t i) { return area_json(a, i); }));
    append_member(root, "agencies", array_of(d.agencies, [](const Agency& a, std::size_t) { return agency_json(a); }));
    append_member(root, "boards", array_of(d.boards, [](const Board& b, std::size_t i) { return board_json(b, i); }));
    append_member(root, "people", array_of(d.people, [](const Person& p, std::size_t) { return person_json(p); }));
    append_member(root, "memberships",
                  array_of(d.memberships, [](const Membership& x, std::size_t) { return membership_json(x); }));
    append_member(root, "relations",
                  array_of(d.relations, [](const Relation& r, std::size_t) { return relation_json(r); }));
    if (!d.layout.empty()) append_member(root, "layout", layout_json(d.layout));
    if (!d.views_json.empty()) {
        detail::ParsedJson views = detail::parse_json_text(d.views_json);
        if (views.error) throw std::runtime_error("views_json is not valid JSON: " + views.error->message);
        append_member(root, "views", views.root().to_json());
    }
    return detail::write_pretty(root);
}

}  // namespace boardscape
