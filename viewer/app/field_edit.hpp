// Inspector field edits: turn the text the user typed into one field of an entity or a
// membership into a library Edit, checked by the file format's own validator (check_edit), so
// the inspector can show an invalid value in red with the validator's message and not apply it.
// Pure functions of the dataset: tested without a window.
#pragma once

#include "boardscape/edit.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace boardscape::viewer {

/// Every field of an entity but its id and footprint (footprints have their own edits):
/// references are typed as ids, dates as YYYY-MM-DD; an empty text clears an optional field.
enum class EntityField {
    name, title, agency,                       // a person's title and agency
    kind, sector,                              // board / area kind, agency sector
    parent, code, population,                  // area parent (also a board's), ONS code, population
    meetings_per_year, meeting_hours, from, until, successor  // boards
};
inline constexpr EntityField all_entity_fields[] = {
    EntityField::name, EntityField::title, EntityField::agency, EntityField::kind, EntityField::sector,
    EntityField::parent, EntityField::code, EntityField::population, EntityField::meetings_per_year,
    EntityField::meeting_hours, EntityField::from, EntityField::until, EntityField::successor};
enum class MembershipField { role, seniority, attendance, represents, from, until, source };
enum class RelationField { kind, note };

/// An edit ready to apply, or why not (`error` is the message to show; empty when `edit` set).
/// Neither when the text equals the current value (nothing to do).
struct FieldEdit {
    std::optional<Edit> edit;
    std::string error;
};

/// Whether an entity of type `t` has field `f` (areas' kind is free text; boards' a vocabulary).
bool has_field(EntityType t, EntityField f);
/// The field's current value as the inspector shows it for editing ("" when unset).
std::string field_text(const Dataset& d, std::string_view id, EntityField f);
FieldEdit entity_field_edit(const Dataset& d, std::string_view id, EntityField f, std::string_view text);

std::string field_text(const Dataset& d, std::size_t membership, MembershipField f);
FieldEdit membership_field_edit(const Dataset& d, std::size_t membership, MembershipField f, std::string_view text);

std::string field_text(const Dataset& d, std::size_t relation, RelationField f);
FieldEdit relation_field_edit(const Dataset& d, std::size_t relation, RelationField f, std::string_view text);

// [SECTION] Helpers shared with structure_edit

/// The whole text as a finite number, or nullopt ("3x", "", "1e999" are refused).
std::optional<double> parse_number(std::string_view text);
/// Empty text means "absent" for an optional text field.
std::optional<std::string> text_or_none(std::string_view text);
/// `e` when check_edit finds nothing wrong, else its problems (one per line) as the error.
FieldEdit checked(const Dataset& d, Edit e);

/// "name", "meetings a year"… for labels and undo entries.
std::string_view field_label(EntityField f);
std::string_view field_label(MembershipField f);
std::string_view field_label(RelationField f);

}  // namespace boardscape::viewer
