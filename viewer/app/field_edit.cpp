#include "app/field_edit.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <variant>

namespace boardscape::viewer {

namespace {

std::string fmt_number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

template <class Tag>
std::string id_text(const std::optional<Id<Tag>>& id) {
    return id ? id->str() : std::string();
}

std::string date_text(const std::optional<Date>& d) { return d ? d->str() : std::string(); }

/// An id typed into a reference field; empty clears it (the validator checks what it names).
template <class IdType>
std::optional<IdType> id_or_none(std::string_view text) {
    if (text.empty()) return std::nullopt;
    return IdType(std::string(text));
}

/// A typed date: empty clears it (an inner nullopt); text that is no date gives nullopt.
std::optional<std::optional<Date>> date_or_none(std::string_view text) {
    if (text.empty()) return std::optional<Date>{};
    if (auto d = Date::parse(text)) return std::optional<Date>{*d};
    return std::nullopt;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

}  // namespace

// [SECTION] Shared by the field and structure edits

std::optional<double> parse_number(std::string_view text) {
    const std::string s(text);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<std::string> text_or_none(std::string_view text) {
    if (text.empty()) return std::nullopt;
    return std::string(text);
}

FieldEdit checked(const Dataset& d, Edit e) {
    if (auto problems = check_edit(d, e); !problems.empty()) return {std::nullopt, join(problems)};
    return {std::move(e), ""};
}

// [SECTION] Entity, membership and relation fields

std::string_view field_label(EntityField f) {
    switch (f) {
    case EntityField::name: return "name";
    case EntityField::title: return "title";
    case EntityField::kind: return "kind";
    case EntityField::sector: return "sector";
    case EntityField::meetings_per_year: return "meetings a year";
    case EntityField::meeting_hours: return "meeting hours";
    case EntityField::agency: return "agency";
    case EntityField::parent: return "part of";
    case EntityField::code: return "ONS code";
    case EntityField::population: return "population";
    case EntityField::from: return "from";
    case EntityField::until: return "until";
    case EntityField::successor: return "successor";
    }
    return "field";
}

std::string_view field_label(MembershipField f) {
    switch (f) {
    case MembershipField::role: return "role";
    case MembershipField::seniority: return "seniority";
    case MembershipField::attendance: return "attendance";
    case MembershipField::represents: return "represents";
    case MembershipField::from: return "from";
    case MembershipField::until: return "until";
    case MembershipField::source: return "source";
    }
    return "field";
}

bool has_field(EntityType t, EntityField f) {
    switch (f) {
    case EntityField::name: return true;
    case EntityField::title: return t == EntityType::person;
    case EntityField::kind: return t == EntityType::board || t == EntityType::area;
    case EntityField::sector: return t == EntityType::agency;
    case EntityField::meetings_per_year:
    case EntityField::meeting_hours:
    case EntityField::from:
    case EntityField::until:
    case EntityField::successor: return t == EntityType::board;
    case EntityField::agency: return t == EntityType::person;
    case EntityField::parent: return t == EntityType::area || t == EntityType::board;
    case EntityField::code:
    case EntityField::population: return t == EntityType::area;
    }
    return false;
}

std::string field_text(const Dataset& d, std::string_view id, EntityField f) {
    const auto l = d.find(id);
    if (!l || !has_field(l->type, f)) return "";
    switch (f) {
    case EntityField::name:
        switch (l->type) {
        case EntityType::area: return d.areas[l->index].name;
        case EntityType::agency: return d.agencies[l->index].name;
        case EntityType::board: return d.boards[l->index].name;
        case EntityType::person: return d.people[l->index].name;
        }
        return "";
    case EntityField::title: return d.people[l->index].title.value_or("");
    case EntityField::kind:
        if (l->type == EntityType::area) return d.areas[l->index].kind.value_or("");
        return std::string(to_string(d.boards[l->index].kind));
    case EntityField::sector: return std::string(to_string(d.agencies[l->index].sector));
    case EntityField::meetings_per_year: return fmt_number(d.boards[l->index].meetings_per_year);
    case EntityField::meeting_hours: return fmt_number(d.boards[l->index].meeting_hours);
    case EntityField::agency: return id_text(d.people[l->index].agency);
    case EntityField::parent:
        return l->type == EntityType::area ? id_text(d.areas[l->index].parent) : id_text(d.boards[l->index].parent);
    case EntityField::code: return d.areas[l->index].code.value_or("");
    case EntityField::population: {
        const auto& p = d.areas[l->index].population;
        return p ? fmt_number(*p) : "";
    }
    case EntityField::from: return date_text(d.boards[l->index].from);
    case EntityField::until: return date_text(d.boards[l->index].until);
    case EntityField::successor: return id_text(d.boards[l->index].successor);
    }
    return "";
}

FieldEdit entity_field_edit(const Dataset& d, std::string_view id, EntityField f, std::string_view text) {
    const auto l = d.find(id);
    if (!l) return {std::nullopt, "no such entity: " + std::string(id)};
    if (!has_field(l->type, f)) return {std::nullopt, "a " + std::string(to_string(l->type)) + " has no " + std::string(field_label(f))};
    if (text == field_text(d, id, f)) return {};
    Entity e = entity_at(d, l->type, l->index);
    switch (f) {
    case EntityField::name:
        std::visit([&](auto& v) { v.name = std::string(text); }, e);
        break;
    case EntityField::title:
        // An empty title means "no title" (the field is optional in the file).
        std::get<Person>(e).title = text.empty() ? std::nullopt : std::optional<std::string>(std::string(text));
        break;
    case EntityField::kind:
        if (l->type == EntityType::area) {
            std::get<Area>(e).kind = text.empty() ? std::nullopt : std::optional<std::string>(std::string(text));
        } else {
            const auto k = parse_board_kind(text);
            if (!k) return {std::nullopt, "unknown board kind \"" + std::string(text) + "\""};
            std::get<Board>(e).kind = *k;
        }
        break;
    case EntityField::sector: {
        const auto s = parse_sector(text);
        if (!s) return {std::nullopt, "unknown sector \"" + std::string(text) + "\""};
        std::get<Agency>(e).sector = *s;
        break;
    }
    case EntityField::meetings_per_year:
    case EntityField::meeting_hours: {
        const auto v = parse_number(text);
        if (!v) return {std::nullopt, "not a number: \"" + std::string(text) + "\""};
        Board& b = std::get<Board>(e);
        (f == EntityField::meetings_per_year ? b.meetings_per_year : b.meeting_hours) = *v;
        break;
    }
    case EntityField::agency: std::get<Person>(e).agency = id_or_none<AgencyId>(text); break;
    case EntityField::parent:
        if (l->type == EntityType::area) std::get<Area>(e).parent = id_or_none<AreaId>(text);
        else std::get<Board>(e).parent = id_or_none<BoardId>(text);
        break;
    case EntityField::code: std::get<Area>(e).code = text_or_none(text); break;
    case EntityField::population: {
        if (text.empty()) {
            std::get<Area>(e).population.reset();
            break;
        }
        const auto v = parse_number(text);
        if (!v) return {std::nullopt, "not a number: \"" + std::string(text) + "\""};
        std::get<Area>(e).population = *v;
        break;
    }
    case EntityField::from:
    case EntityField::until: {
        const auto date = date_or_none(text);
        if (!date) return {std::nullopt, "not a date (YYYY-MM-DD): \"" + std::string(text) + "\""};
        (f == EntityField::from ? std::get<Board>(e).from : std::get<Board>(e).until) = *date;
        break;
    }
    case EntityField::successor: std::get<Board>(e).successor = id_or_none<BoardId>(text); break;
    }
    return checked(d, Edit{edit::ReplaceEntity{std::move(e), l->index},
                           "edit " + std::string(to_string(l->type)) + " " + std::string(field_label(f))});
}

std::string field_text(const Dataset& d, std::size_t membership, MembershipField f) {
    if (membership >= d.memberships.size()) return "";
    const Membership& m = d.memberships[membership];
    switch (f) {
    case MembershipField::role: return std::string(to_string(m.role));
    case MembershipField::seniority: return std::string(to_string(m.seniority));
    case MembershipField::attendance: return std::string(to_string(m.attendance));
    case MembershipField::represents: return id_text(m.represents);
    case MembershipField::from: return date_text(m.from);
    case MembershipField::until: return date_text(m.until);
    case MembershipField::source: return m.source.value_or("");
    }
    return "";
}

FieldEdit membership_field_edit(const Dataset& d, std::size_t membership, MembershipField f, std::string_view text) {
    if (membership >= d.memberships.size()) return {std::nullopt, "no such membership"};
    if (text == field_text(d, membership, f)) return {};
    Membership m = d.memberships[membership];
    switch (f) {
    case MembershipField::role: {
        const auto v = parse_role(text);
        if (!v) return {std::nullopt, "unknown role \"" + std::string(text) + "\""};
        m.role = *v;
        break;
    }
    case MembershipField::seniority: {
        const auto v = parse_seniority(text);
        if (!v) return {std::nullopt, "unknown seniority \"" + std::string(text) + "\""};
        m.seniority = *v;
        break;
    }
    case MembershipField::attendance: {
        const auto v = parse_attendance(text);
        if (!v) return {std::nullopt, "unknown attendance \"" + std::string(text) + "\""};
        m.attendance = *v;
        break;
    }
    case MembershipField::represents: m.represents = id_or_none<AgencyId>(text); break;
    case MembershipField::from:
    case MembershipField::until: {
        const auto date = date_or_none(text);
        if (!date) return {std::nullopt, "not a date (YYYY-MM-DD): \"" + std::string(text) + "\""};
        (f == MembershipField::from ? m.from : m.until) = *date;
        break;
    }
    case MembershipField::source: m.source = text_or_none(text); break;
    }
    return checked(d, Edit{edit::ReplaceMembership{std::move(m), membership},
                           "edit membership " + std::string(field_label(f))});
}

std::string_view field_label(RelationField f) { return f == RelationField::kind ? "kind" : "note"; }

std::string field_text(const Dataset& d, std::size_t relation, RelationField f) {
    if (relation >= d.relations.size()) return "";
    const Relation& r = d.relations[relation];
    return f == RelationField::kind ? std::string(to_string(r.kind)) : r.note.value_or("");
}

FieldEdit relation_field_edit(const Dataset& d, std::size_t relation, RelationField f, std::string_view text) {
    if (relation >= d.relations.size()) return {std::nullopt, "no such relation"};
    if (text == field_text(d, relation, f)) return {};
    Relation r = d.relations[relation];
    if (f == RelationField::kind) {
        const auto k = parse_relation_kind(text);
        if (!k) return {std::nullopt, "unknown relation kind \"" + std::string(text) + "\""};
        r.kind = *k;
    } else {
        r.note = text_or_none(text);
    }
    return checked(d, Edit{edit::ReplaceRelation{std::move(r), relation}, "edit relation " + std::string(field_label(f))});
}

}  // namespace boardscape::viewer
