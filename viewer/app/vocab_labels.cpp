#include "app/vocab_labels.hpp"

#include "boardscape/anonymise.hpp"

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
