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

enum class EntityField { name, title, kind, sector, meetings_per_year, meeting_hours };
enum class MembershipField { role, seniority, attendance };

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

/// "name", "meetings a year"… for labels and undo entries.
std::string_view field_label(EntityField f);
std::string_view field_label(MembershipField f);

}  // namespace boardscape::viewer
