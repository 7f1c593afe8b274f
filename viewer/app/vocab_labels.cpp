#include "app/vocab_labels.hpp"

namespace boardscape::viewer {

std::string_view label(BoardKind k) {
    switch (k) {
    case BoardKind::lscb: return "Local Safeguarding Children Board";
    case BoardKind::lscp: return "Safeguarding Children Partnership";
    case BoardKind::hwb: return "Health and Wellbeing Board";
    case BoardKind::csp: return "Community Safety Partnership";
    case BoardKind::lfjb: return "Local Family Justice Board";
    case BoardKind::sab: return "Safeguarding Adults Board";
    case BoardKind::cypp: return "Children and Young People's Partnership";
    case BoardKind::childrens_trust: return "Children's Trust";
    case BoardKind::icp: return "Integrated Care Partnership";
    case BoardKind::dalpb: return "Domestic Abuse Local Partnership Board";
    case BoardKind::cdp: return "Combating Drugs Partnership";
    case BoardKind::svp: return "Serious Violence Duty partnership";
    case BoardKind::mappa_smb: return "MAPPA Strategic Management Board";
    case BoardKind::lcjb: return "Local Criminal Justice Board";
    case BoardKind::yjmb: return "Youth justice management board";
    case BoardKind::other: return "Other board";
    }
    return "Board";
}

std::string_view short_label(BoardKind k) {
    switch (k) {
    case BoardKind::lscb: return "LSCB";
    case BoardKind::lscp: return "LSCP";
    case BoardKind::hwb: return "HWB";
    case BoardKind::csp: return "CSP";
    case BoardKind::lfjb: return "LFJB";
    case BoardKind::sab: return "SAB";
    case BoardKind::cypp: return "CYPP";
    case BoardKind::childrens_trust: return "Children's Trust";
    case BoardKind::icp: return "ICP";
    case BoardKind::dalpb: return "DALPB";
    case BoardKind::cdp: return "CDP";
    case BoardKind::svp: return "SVP";
    case BoardKind::mappa_smb: return "MAPPA SMB";
    case BoardKind::lcjb: return "LCJB";
    case BoardKind::yjmb: return "YJMB";
    case BoardKind::other: return "Other";
    }
    return "Board";
}

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
