// Structural edits from the viewer: new boards, agencies, people and areas; adding and removing
// memberships, board relations and footprint areas. Each turns what the user chose into one
// library Edit checked by the file format's own validator (check_edit), so a dialog can show
// why a draft is refused before anything changes. Pure functions of the dataset: tested
// without a window.
#pragma once

#include "app/field_edit.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::viewer {

/// What the "New …" dialog collects. Only the fields of `type` are used; text fields use the
/// file format's spellings ("lscb", "police"), empty meaning absent for optional ones.
struct NewEntityDraft {
    EntityType type = EntityType::board;
    std::string id;    // empty: made from the name (suggest_id)
    std::string name;
    std::string kind;  // board kind (vocabulary) or area kind (free text)
    std::string sector;
    std::vector<std::string> footprint;  // area ids, boards and agencies
    std::string meetings_per_year = "6";
    std::string meeting_hours = "2";
    std::string agency;  // a person's agency id
    std::string title;
    std::string parent;  // an area's parent area id

    bool operator==(const NewEntityDraft&) const = default;
};

/// A fresh id from a name: lower case ASCII letters and digits joined by '-', prefixed by the
/// type ("board-…"), unique in `d` (a "-2", "-3"… suffix when taken). "board" for an empty name.
std::string suggest_id(const Dataset& d, EntityType type, std::string_view name);

/// The insert edit for a draft, labelled "add board" etc., or why not (every problem, one per
/// line, in the validator's words).
FieldEdit new_entity_edit(const Dataset& d, const NewEntityDraft& draft);

/// Membership of `person` on `board` as an ordinary member ("add membership").
FieldEdit add_membership_edit(const Dataset& d, std::string_view person, std::string_view board);
/// Removes membership `index` ("remove membership").
FieldEdit remove_membership_edit(const Dataset& d, std::size_t index);

/// A relation from board `from` to board `to` ("add relation"); `kind` is a relation kind name.
FieldEdit add_relation_edit(const Dataset& d, std::string_view from, std::string_view to, std::string_view kind);
FieldEdit remove_relation_edit(const Dataset& d, std::size_t index);

/// Adds or removes one area in a board's or agency's footprint ("add area to footprint",
/// "remove area from footprint"); removing the last area is refused (a footprint is never
/// empty), as is adding one already there.
FieldEdit footprint_edit(const Dataset& d, std::string_view entity, std::string_view area, bool add);

}  // namespace boardscape::viewer
