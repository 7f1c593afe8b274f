#include "app/vocab_labels.hpp"

namespace boardscape::viewer {

// Board kinds are labelled from the library's one table (board_kinds.def).
std::string_view label(BoardKind k) { return info(k).label; }
std::string_view short_label(BoardKind k) { return info(k).short_label; }

std::string_view label(Sector s) {
    switch (s) {
    case Sector::local_authority: return "Council";
    case Sector::district_council: return "District council";
    case Sector::police: return "Police";
    case Sector::pcc: return "Police and crime commissioner";
    case Sector::health_commissioner: return "Health commissioner";
    case Sector::nhs_england: return "NHS England";
    case Sector::nhs_provider: return "NHS provider";
    case Sector::public_health: return "Public health";
    case Sector::probation: return "Probation";
    case Sector::youth_justice: return "Youth justice";
    case Sector::cafcass: return "Cafcass";
    case Sector::school: return "School";
    case Sector::academy: return "Academy";
    case Sector::fe_college: return "FE college";
    case Sector::voluntary: return "Voluntary sector";
    case Sector::fire_rescue: return "Fire and rescue";
    case Sector::housing: return "Housing";
    case Sector::secure_estate: return "Secure estate";
    case Sector::healthwatch: return "Healthwatch";
    case Sector::judiciary: return "Judiciary";
    case Sector::other: return "Other agency";
    case Sector::independent: return "Independent";
    }
    return "Agency";
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
