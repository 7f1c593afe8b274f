#include "app/structure_edit.hpp"

#include <algorithm>

namespace boardscape::viewer {

namespace {

FieldEdit refused(std::string why) { return {std::nullopt, std::move(why)}; }

std::vector<AreaId> area_ids(const std::vector<std::string>& ids) {
    std::vector<AreaId> out;
    for (const auto& a : ids) out.emplace_back(a);
    return out;
}

}  // namespace

// [SECTION] New entities

std::string suggest_id(const Dataset& d, EntityType type, std::string_view name) {
    std::string slug;
    bool gap = false;
    for (const char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            if (gap && !slug.empty()) slug += '-';
            slug += c;
            gap = false;
        } else if (u >= 'A' && u <= 'Z') {
            if (gap && !slug.empty()) slug += '-';
            slug += static_cast<char>(u - 'A' + 'a');
            gap = false;
        } else if (u != '\'') {  // "O'Connell" stays one word
            gap = true;
        }
        if (slug.size() >= 48) break;
    }
    std::string base = std::string(to_string(type));
    if (!slug.empty()) base += "-" + slug;
    if (!d.find(base)) return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + "-" + std::to_string(n);
        if (!d.find(candidate)) return candidate;
    }
}

FieldEdit new_entity_edit(const Dataset& d, const NewEntityDraft& draft) {
    const std::string id = draft.id.empty() ? suggest_id(d, draft.type, draft.name) : draft.id;
    Entity value;
    switch (draft.type) {
    case EntityType::area: {
        Area a;
        a.id = AreaId(id);
        a.name = draft.name;
        a.kind = text_or_none(draft.kind);
        if (!draft.parent.empty()) a.parent = AreaId(draft.parent);
        value = std::move(a);
        break;
    }
    case EntityType::agency: {
        Agency a;
        a.id = AgencyId(id);
        a.name = draft.name;
        const auto s = parse_sector(draft.sector);
        if (!s) return refused("choose a sector");
        a.sector = *s;
        a.footprint = area_ids(draft.footprint);
        value = std::move(a);
        break;
    }
    case EntityType::board: {
        Board b;
        b.id = BoardId(id);
        b.name = draft.name;
        const auto k = parse_board_kind(draft.kind);
        if (!k) return refused("choose a board kind");
        b.kind = *k;
        b.footprint = area_ids(draft.footprint);
        const auto meetings = parse_number(draft.meetings_per_year);
        if (!meetings) return refused("meetings a year: not a number: \"" + draft.meetings_per_year + "\"");
        const auto hours = parse_number(draft.meeting_hours);
        if (!hours) return refused("meeting hours: not a number: \"" + draft.meeting_hours + "\"");
        b.meetings_per_year = *meetings;
        b.meeting_hours = *hours;
        value = std::move(b);
        break;
    }
    case EntityType::person: {
        Person p;
        p.id = PersonId(id);
        p.name = draft.name;
        if (!draft.agency.empty()) p.agency = AgencyId(draft.agency);
        p.title = text_or_none(draft.title);
        value = std::move(p);
        break;
    }
    }
    // InsertEntity clamps the index: the new entity goes last in its type's vector.
    constexpr std::size_t last = static_cast<std::size_t>(-1);
    return checked(d, Edit{edit::InsertEntity{std::move(value), last}, "add " + std::string(to_string(draft.type))});
}

// [SECTION] Memberships and relations

FieldEdit add_membership_edit(const Dataset& d, std::string_view person, std::string_view board) {
    Membership m;
    m.person = PersonId(std::string(person));
    m.board = BoardId(std::string(board));
    m.role = Role::member;
    return checked(d, Edit{edit::InsertMembership{std::move(m), d.memberships.size()}, "add membership"});
}

FieldEdit remove_membership_edit(const Dataset& d, std::size_t index) {
    if (index >= d.memberships.size()) return refused("no such membership");
    return checked(d, Edit{edit::EraseMembership{index}, "remove membership"});
}

FieldEdit add_relation_edit(const Dataset& d, std::string_view from, std::string_view to, std::string_view kind) {
    const auto k = parse_relation_kind(kind);
    if (!k) return refused("unknown relation kind \"" + std::string(kind) + "\"");
    if (from == to) return refused("a board cannot have a relation with itself");
    for (const Relation& r : d.relations)
        if (r.from.str() == from && r.to.str() == to && r.kind == *k)
            return refused("that relation is already there");
    Relation r;
    r.from = BoardId(std::string(from));
    r.to = BoardId(std::string(to));
    r.kind = *k;
    return checked(d, Edit{edit::InsertRelation{std::move(r), d.relations.size()}, "add relation"});
}

FieldEdit remove_relation_edit(const Dataset& d, std::size_t index) {
    if (index >= d.relations.size()) return refused("no such relation");
    return checked(d, Edit{edit::EraseRelation{index}, "remove relation"});
}

// [SECTION] Footprints

FieldEdit footprint_edit(const Dataset& d, std::string_view entity, std::string_view area, bool add) {
    const auto r = d.find(entity);
    if (!r || (r->type != EntityType::board && r->type != EntityType::agency))
        return refused("only boards and agencies have a footprint");
    const auto change = [&](std::vector<AreaId>& fp) -> std::optional<std::string> {
        const auto it = std::find_if(fp.begin(), fp.end(), [&](const AreaId& a) { return a.str() == area; });
        if (add) {
            if (it != fp.end()) return "that area is already in the footprint";
            fp.emplace_back(std::string(area));
        } else {
            if (it == fp.end()) return "that area is not in the footprint";
            if (fp.size() == 1) return "a footprint needs at least one area: add another first";
            fp.erase(it);
        }
        return std::nullopt;
    };
    Entity value;
    if (r->type == EntityType::board) {
        Board b = d.boards[r->index];
        if (auto why = change(b.footprint)) return refused(*why);
        value = std::move(b);
    } else {
        Agency a = d.agencies[r->index];
        if (auto why = change(a.footprint)) return refused(*why);
        value = std::move(a);
    }
    return checked(d, Edit{edit::ReplaceEntity{std::move(value), r->index},
                           add ? "add area to footprint" : "remove area from footprint"});
}

}  // namespace boardscape::viewer
