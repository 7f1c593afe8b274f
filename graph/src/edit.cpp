// Edit operations with exact inverses, deletion plans and the undo history.
#include "boardscape/edit.hpp"

#include "boardscape/dataset_json.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace boardscape {

// [SECTION] Entities

std::string_view entity_id(const Entity& e) {
    return std::visit([](const auto& v) -> std::string_view { return v.id.value; }, e);
}

EntityType entity_type(const Entity& e) {
    return static_cast<EntityType>(e.index());  // variant order matches EntityType
}

Entity entity_at(const Dataset& d, EntityType t, std::size_t i) {
    switch (t) {
        case EntityType::area: return d.areas[i];
        case EntityType::agency: return d.agencies[i];
        case EntityType::board: return d.boards[i];
        case EntityType::person: return d.people[i];
    }
    return d.areas[i];
}

EditError::EditError(std::vector<std::string> problems)
    : std::runtime_error(problems.empty() ? std::string("invalid edit") : problems.front()),
      m_problems(std::move(problems)) {}

namespace {

[[noreturn]] void refuse(std::string why) { throw EditError({std::move(why)}); }

template <class T>
std::vector<T>& vector_of(Dataset& d);
template <>
std::vector<Area>& vector_of<Area>(Dataset& d) { return d.areas; }
template <>
std::vector<Agency>& vector_of<Agency>(Dataset& d) { return d.agencies; }
template <>
std::vector<Board>& vector_of<Board>(Dataset& d) { return d.boards; }
template <>
std::vector<Person>& vector_of<Person>(Dataset& d) { return d.people; }

std::size_t size_of(const Dataset& d, EntityType t) {
    switch (t) {
        case EntityType::area: return d.areas.size();
        case EntityType::agency: return d.agencies.size();
        case EntityType::board: return d.boards.size();
        case EntityType::person: return d.people.size();
    }
    return 0;
}


void check_index(std::size_t index, std::size_t size, std::string_view what) {
    if (index >= size)
        refuse("no " + std::string(what) + " at index " + std::to_string(index) + " (there are " +
               std::to_string(size) + ")");
}

// [SECTION] Applying one operation (no validation; returns the inverse)

struct Applier {
    Dataset& d;

    Edit operator()(const edit::InsertEntity& op) const {
        return std::visit(
            [&](const auto& value) -> Edit {
                auto& vec = vector_of<std::decay_t<decltype(value)>>(d);
                const std::size_t at = std::min(op.index, vec.size());
                vec.insert(vec.begin() + static_cast<std::ptrdiff_t>(at), value);
                return {edit::EraseEntity{entity_type(op.value), at}, {}};
            },
            op.value);
    }
    Edit operator()(const edit::EraseEntity& op) const {
        check_index(op.index, size_of(d, op.type), to_string(op.type));
        Entity old = entity_at(d, op.type, op.index);
        std::visit(
            [&](const auto& value) {
                auto& vec = vector_of<std::decay_t<decltype(value)>>(d);
                vec.erase(vec.begin() + static_cast<std::ptrdiff_t>(op.index));
            },
            old);
        return {edit::InsertEntity{std::move(old), op.index}, {}};
    }
    Edit operator()(const edit::ReplaceEntity& op) const {
        const EntityType t = entity_type(op.value);
        check_index(op.index, size_of(d, t), to_string(t));
        Entity old = entity_at(d, t, op.index);
        if (entity_id(old) != entity_id(op.value) && !dependents(d, entity_id(old)).empty())
            refuse("cannot rename '" + std::string(entity_id(old)) +
                   "': other entries refer to it; change or delete them first");
        std::visit(
            [&](const auto& value) {
                vector_of<std::decay_t<decltype(value)>>(d)[op.index] = value;
            },
            op.value);
        return {edit::ReplaceEntity{std::move(old), op.index}, {}};
    }
    template <class T, class Insert, class Erase>
    Edit insert_row(std::vector<T>& vec, const T& value, std::size_t index) const {
        const std::size_t at = std::min(index, vec.size());
        vec.insert(vec.begin() + static_cast<std::ptrdiff_t>(at), value);
        return {Erase{at}, {}};
    }
    Edit operator()(const edit::InsertMembership& op) const {
        return insert_row<Membership, edit::InsertMembership, edit::EraseMembership>(
            d.memberships, op.value, op.index);
    }
    Edit operator()(const edit::EraseMembership& op) const {
        check_index(op.index, d.memberships.size(), "membership");
        Membership old = d.memberships[op.index];
        d.memberships.erase(d.memberships.begin() + static_cast<std::ptrdiff_t>(op.index));
        return {edit::InsertMembership{std::move(old), op.index}, {}};
    }
    Edit operator()(const edit::ReplaceMembership& op) const {
        check_index(op.index, d.memberships.size(), "membership");
        Membership old = std::exchange(d.memberships[op.index], op.value);
        return {edit::ReplaceMembership{std::move(old), op.index}, {}};
    }
    Edit operator()(const edit::InsertRelation& op) const {
        return insert_row<Relation, edit::InsertRelation, edit::EraseRelation>(
            d.relations, op.value, op.index);
    }
    Edit operator()(const edit::EraseRelation& op) const {
        check_index(op.index, d.relations.size(), "relation");
        Relation old = d.relations[op.index];
        d.relations.erase(d.relations.begin() + static_cast<std::ptrdiff_t>(op.index));
        return {edit::InsertRelation{std::move(old), op.index}, {}};
    }
    Edit operator()(const edit::ReplaceRelation& op) const {
        check_index(op.index, d.relations.size(), "relation");
        Relation old = std::exchange(d.relations[op.index], op.value);
        return {edit::ReplaceRelation{std::move(old), op.index}, {}};
    }
    Edit operator()(const edit::SetLayout& op) const {
        edit::SetLayout old{op.id, std::nullopt, false};
        if (auto it = d.layout.positions.find(op.id); it != d.layout.positions.end())
            old.position = it->second;
        auto& pinned = d.layout.pinned;
        auto pit = std::find(pinned.begin(), pinned.end(), op.id);
        old.pinned = pit != pinned.end();
        if (op.position)
            d.layout.positions[op.id] = *op.position;
        else
            d.layout.positions.erase(op.id);
        if (op.pinned && pit == pinned.end()) pinned.push_back(op.id);
        if (!op.pinned && pit != pinned.end()) pinned.erase(pit);
        return {std::move(old), {}};
    }
    Edit operator()(const edit::SetMeta& op) const {
        return {edit::SetMeta{std::exchange(d.meta, op.meta)}, {}};
    }
    Edit operator()(const Compound& op) const {
        Compound inverse;
        inverse.edits.reserve(op.edits.size());
        try {
            for (const Edit& e : op.edits) inverse.edits.push_back(std::visit(*this, e.op));
        } catch (...) {
            for (auto it = inverse.edits.rbegin(); it != inverse.edits.rend(); ++it)
                std::visit(*this, it->op);
            throw;
        }
        std::reverse(inverse.edits.begin(), inverse.edits.end());
        return {std::move(inverse), {}};
    }
};

bool layout_only(const Edit& e) {
    if (std::holds_alternative<edit::SetLayout>(e.op)) return true;
    if (const auto* c = std::get_if<Compound>(&e.op))
        return std::all_of(c->edits.begin(), c->edits.end(), layout_only);
    return false;
}

/// The validator's errors for the dataset as it now is (empty when valid).
std::vector<std::string> validation_problems(const Dataset& d) {
    try {
        (void)parse_dataset(dataset_to_json_text(d), "edit");
        return {};
    } catch (const LoadError& err) {
        std::vector<std::string> out;
        for (const Diagnostic& diag : err.diagnostics())
            out.push_back((diag.pointer.empty() ? std::string("(document)") : diag.pointer) +
                          ": " + diag.message);
        return out;
    }
}

}  // namespace

// [SECTION] Applying and checking

Edit apply_edit(Dataset& d, const Edit& e) {
    Applier applier{d};
    Edit inverse = std::visit(applier, e.op);
    inverse.label = e.label;
    d.reindex();
    if (layout_only(e)) return inverse;
    if (auto problems = validation_problems(d); !problems.empty()) {
        std::visit(applier, inverse.op);
        d.reindex();
        throw EditError(std::move(problems));
    }
    return inverse;
}

std::vector<std::string> check_edit(const Dataset& d, const Edit& e) {
    Dataset copy = d;
    try {
        apply_edit(copy, e);
    } catch (const EditError& err) {
        return err.problems();
    }
    return {};
}

// [SECTION] Dependents and removal

namespace {

std::string display_name(const Dataset& d, std::string_view id) {
    auto r = d.find(id);
    if (!r) return std::string(id);
    switch (r->type) {
        case EntityType::area: return d.areas[r->index].name;
        case EntityType::agency: return d.agencies[r->index].name;
        case EntityType::board: return d.boards[r->index].name;
        case EntityType::person: return d.people[r->index].name;
    }
    return std::string(id);
}

template <class Vec>
bool lists(const Vec& footprint, std::string_view id) {
    return std::any_of(footprint.begin(), footprint.end(),
                       [&](const auto& a) { return a.value == id; });
}

template <class Opt>
bool names(const Opt& ref, std::string_view id) {
    return ref && ref->value == id;
}

/// Board ids to delete with `id`: itself and, recursively, its sub-groups.
std::set<std::string> board_with_subgroups(const Dataset& d, std::string_view id) {
    std::set<std::string> out{std::string(id)};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Board& b : d.boards)
            if (b.parent && out.count(b.parent->value) && out.insert(b.id.value).second) grew = true;
    }
    return out;
}

}  // namespace

std::vector<Dependent> dependents(const Dataset& d, std::string_view id) {
    std::vector<Dependent> out;
    auto add = [&](std::string pointer, std::string text) {
        out.push_back({std::move(pointer), std::move(text)});
    };
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (names(d.areas[i].parent, id))
            add("/areas/" + std::to_string(i), "area " + d.areas[i].name + " (parent cleared)");
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        if (lists(d.agencies[i].footprint, id))
            add("/agencies/" + std::to_string(i) + "/footprint",
                "footprint of " + d.agencies[i].name);
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        const Board& b = d.boards[i];
        const std::string p = "/boards/" + std::to_string(i);
        if (lists(b.footprint, id)) add(p + "/footprint", "footprint of " + b.name);
        if (names(b.parent, id)) add(p, "sub-group " + b.name + " (deleted with its board)");
        if (names(b.successor, id)) add(p + "/successor", "successor of " + b.name + " (cleared)");
    }
    for (std::size_t i = 0; i < d.people.size(); ++i)
        if (names(d.people[i].agency, id))
            add("/people/" + std::to_string(i) + "/agency",
                d.people[i].name + "'s agency (cleared)");
    for (std::size_t i = 0; i < d.memberships.size(); ++i) {
        const Membership& m = d.memberships[i];
        const std::string p = "/memberships/" + std::to_string(i);
        const std::string what = "membership of " + display_name(d, m.person.value) + " on " +
                                 display_name(d, m.board.value);
        if (m.person.value == id || m.board.value == id)
            add(p, what + " (removed)");
        else if (names(m.represents, id))
            add(p + "/represents", what + " (represents cleared)");
    }
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        const Relation& r = d.relations[i];
        if (r.from.value == id || r.to.value == id)
            add("/relations/" + std::to_string(i),
                std::string(to_string(r.kind)) + " relation " + display_name(d, r.from.value) +
                    " – " + display_name(d, r.to.value) + " (removed)");
    }
    return out;
}

Edit removal_edit(const Dataset& d, std::string_view id) {
    auto ref = d.find(id);
    if (!ref) refuse("no entity with id '" + std::string(id) + "'");
    std::set<std::string> gone{std::string(id)};
    if (ref->type == EntityType::board) gone = board_with_subgroups(d, id);
    auto is_gone = [&](const std::string& s) { return gone.count(s) > 0; };
    auto gone_opt = [&](const auto& opt) { return opt && is_gone(opt->value); };

    Compound plan;
    auto push = [&](auto op) { plan.edits.push_back(Edit{std::move(op), {}}); };
    // Rows first, from the back, so earlier indices stay valid while erasing.
    for (std::size_t i = d.relations.size(); i-- > 0;)
        if (is_gone(d.relations[i].from.value) || is_gone(d.relations[i].to.value))
            push(edit::EraseRelation{i});
    for (std::size_t i = d.memberships.size(); i-- > 0;) {
        const Membership& m = d.memberships[i];
        if (is_gone(m.person.value) || is_gone(m.board.value)) {
            push(edit::EraseMembership{i});
        } else if (gone_opt(m.represents)) {
            Membership changed = m;
            changed.represents.reset();
            push(edit::ReplaceMembership{std::move(changed), i});
        }
    }
    // References held by surviving entities.
    auto strip = [&](auto footprint, const std::string& owner) {
        std::erase_if(footprint, [&](const auto& a) { return is_gone(a.value); });
        if (footprint.empty())
            refuse("'" + owner + "' covers only '" + std::string(id) +
                   "'; give it another footprint area first");
        return footprint;
    };
    for (std::size_t i = 0; i < d.areas.size(); ++i)
        if (!is_gone(d.areas[i].id.value) && gone_opt(d.areas[i].parent)) {
            Area a = d.areas[i];
            a.parent.reset();
            push(edit::ReplaceEntity{std::move(a), i});
        }
    for (std::size_t i = 0; i < d.agencies.size(); ++i)
        if (!is_gone(d.agencies[i].id.value) && lists(d.agencies[i].footprint, id)) {
            Agency a = d.agencies[i];
            a.footprint = strip(a.footprint, a.name);
            push(edit::ReplaceEntity{std::move(a), i});
        }
    for (std::size_t i = 0; i < d.boards.size(); ++i) {
        const Board& b = d.boards[i];
        if (is_gone(b.id.value)) continue;
        if (lists(b.footprint, id) || gone_opt(b.successor) || gone_opt(b.parent)) {
            Board changed = b;
            changed.footprint = strip(changed.footprint, b.name);
            if (gone_opt(changed.successor)) changed.successor.reset();
            push(edit::ReplaceEntity{std::move(changed), i});
        }
    }
    for (std::size_t i = 0; i < d.people.size(); ++i)
        if (!is_gone(d.people[i].id.value) && gone_opt(d.people[i].agency)) {
            Person p = d.people[i];
            p.agency.reset();
            push(edit::ReplaceEntity{std::move(p), i});
        }
    // The entities themselves, from the back of their vector.
    auto erase_type = [&](const auto& vec, EntityType t) {
        for (std::size_t i = vec.size(); i-- > 0;)
            if (is_gone(vec[i].id.value)) push(edit::EraseEntity{t, i});
    };
    erase_type(d.areas, EntityType::area);
    erase_type(d.agencies, EntityType::agency);
    erase_type(d.boards, EntityType::board);
    erase_type(d.people, EntityType::person);
    for (const std::string& g : gone)
        if (d.layout.positions.count(g) ||
            std::find(d.layout.pinned.begin(), d.layout.pinned.end(), g) != d.layout.pinned.end())
            push(edit::SetLayout{g, std::nullopt, false});

    return Edit{std::move(plan),
                "delete " + std::string(to_string(ref->type)) + " '" + display_name(d, id) + "'"};
}

// [SECTION] History

void History::apply(Dataset& d, const Edit& e) {
    Edit inverse = apply_edit(d, e);
    m_steps.record({e, std::move(inverse)});
}

std::string History::undo_label() const {
    const Step* s = m_steps.next_undo();
    return s ? s->forward.label : "";
}

std::string History::redo_label() const {
    const Step* s = m_steps.next_redo();
    return s ? s->forward.label : "";
}

void History::undo(Dataset& d) {
    if (const Step* s = m_steps.next_undo()) {
        apply_edit(d, s->inverse);  // throws (and keeps the step) if it cannot apply
        m_steps.undone();
    }
}

void History::redo(Dataset& d) {
    if (const Step* s = m_steps.next_redo()) {
        apply_edit(d, s->forward);
        m_steps.redone();
    }
}

}  // namespace boardscape
