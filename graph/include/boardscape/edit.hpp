// Edits: every change to a Dataset as a value with an exact inverse, so undo/redo is a pair of
// stacks of edits and the viewer never mutates the model itself. apply_edit checks the result
// with the file format's own validator (same rules, same messages, JSON pointers into the
// canonical document) and leaves the dataset untouched when the edit would make it invalid.
#pragma once

#include "boardscape/model.hpp"
#include "boardscape/undo_stack.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace boardscape {

using Entity = std::variant<Area, Agency, Board, Person>;

std::string_view entity_id(const Entity& e);
EntityType entity_type(const Entity& e);
/// A copy of the entity at `index` of type `t`'s vector (the index must be in range), e.g. to
/// build an edit::ReplaceEntity from what Dataset::find returned.
Entity entity_at(const Dataset& d, EntityType t, std::size_t index);

// [SECTION] Edit operations (indices are positions in the dataset's vectors)

namespace edit {
struct InsertEntity { Entity value; std::size_t index = 0; };  // index clamped to the end
struct EraseEntity { EntityType type = EntityType::area; std::size_t index = 0; };
/// Replaces the entity at `index` of the value's type; its id may change only when nothing
/// refers to it (references are never silently rewritten).
struct ReplaceEntity { Entity value; std::size_t index = 0; };
struct InsertMembership { Membership value; std::size_t index = 0; };
struct EraseMembership { std::size_t index = 0; };
struct ReplaceMembership { Membership value; std::size_t index = 0; };
struct InsertRelation { Relation value; std::size_t index = 0; };
struct EraseRelation { std::size_t index = 0; };
struct ReplaceRelation { Relation value; std::size_t index = 0; };
/// Sets (or clears, with nullopt) one entity's saved position and its pinned flag.
struct SetLayout { std::string id; std::optional<std::array<double, 2>> position; bool pinned = false; };
struct SetMeta { Meta meta; };
}  // namespace edit

struct Edit;
/// Several edits applied in order as one undoable step (e.g. a delete with its dependents).
struct Compound { std::vector<Edit> edits; };

struct Edit {
    std::variant<edit::InsertEntity, edit::EraseEntity, edit::ReplaceEntity,
                 edit::InsertMembership, edit::EraseMembership, edit::ReplaceMembership,
                 edit::InsertRelation, edit::EraseRelation, edit::ReplaceRelation,
                 edit::SetLayout, edit::SetMeta, Compound>
        op;
    /// What the user did, for menus: "add membership", "delete board 'Midshire LSCB'".
    std::string label;
};

/// Why an edit was refused; `problems` are "/pointer: message" lines from the validator.
class EditError : public std::runtime_error {
public:
    explicit EditError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    std::vector<std::string> m_problems;
};

/// Applies `e` and returns its inverse. Throws EditError and leaves `d` unchanged when an
/// index is out of range or the result would not validate. Layout-only edits skip validation.
Edit apply_edit(Dataset& d, const Edit& e);

/// The problems `e` would cause, without changing `d` (empty when it is fine).
std::vector<std::string> check_edit(const Dataset& d, const Edit& e);

// [SECTION] Deleting with dependents

/// Something that refers to an entity, for the "this will also change…" confirmation.
struct Dependent {
    std::string pointer;      // e.g. /memberships/12
    std::string description;  // e.g. "membership of Ann Example on Midshire LSCB (removed)"
};
std::vector<Dependent> dependents(const Dataset& d, std::string_view id);

/// The compound edit that deletes an entity and what depends on it: its memberships and
/// relations go, sub-groups are deleted with their board, references from optional fields
/// (parent area, successor, a person's agency, `represents`) are cleared, the id leaves every
/// footprint and the layout. Throws EditError when that would leave a footprint empty.
Edit removal_edit(const Dataset& d, std::string_view id);

// [SECTION] History

/// Undo and redo of applied edits (an UndoStack of forward/inverse pairs), with the saved
/// point for the "unsaved" marker.
class History {
public:
    /// Applies and records `e`; clears the redo stack. Throws EditError (nothing recorded).
    void apply(Dataset& d, const Edit& e);
    bool can_undo() const { return m_steps.can_undo(); }
    bool can_redo() const { return m_steps.can_redo(); }
    /// Labels of the next undo / redo ("" when none).
    std::string undo_label() const;
    std::string redo_label() const;
    void undo(Dataset& d);
    void redo(Dataset& d);
    /// True when the dataset differs from the last mark_saved() (or the start).
    bool dirty() const { return m_steps.dirty(); }
    void mark_saved() { m_steps.mark_saved(); }
    void clear() { m_steps.clear(); }

private:
    struct Step {
        Edit forward;
        Edit inverse;
    };
    UndoStack<Step> m_steps;
};

}  // namespace boardscape
