#include "app/vocab_labels.hpp"

#include "boardscape/anonymise.hpp"

namespace boardscape::viewer {

// Board kinds are labelled from the library's one table (board_kinds.def).
std::string_view label(BoardKind k) { return info(k).label; }
std::string_view short_label(BoardKind k) { return info(k).short_label; }

std::string_view label(Sector s) {
    // The library owns sector labels: anonymised names ("Police rep 2") are built from them in
    // the library, and the legend must call a sector what the pseudonyms call it.
    return sector_label(s);
}

std::string_view label(Role r) {
    switch (r) {
    case Role::chair: return "Chair";
    case Role::vice_chair: return "Vice chair";
    case Role::member: return "Member";
    case Role::lay_member: return "Lay member";
    case Role::participating_observer: return "Participating observer";
    case Role::adviser: return "Adviser";
    case Role::officer: return "Officer";
    }
    return "Member";
}

std::string_view label(EntityType t) {
    switch (t) {
    case EntityType::area: return "Area";
    case EntityType::agency: return "Agency";
    case EntityType::board: return "Board";
    case EntityType::person: return "Person";
    }
    return "Entity";
}

}  // namespace boardscape::viewer
