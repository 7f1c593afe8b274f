// Human labels for the closed vocabularies (board kinds, sectors, roles) as shown in the
// viewer's legend, panels and anonymised names. The file format's strings stay the ids.
#pragma once

#include "boardscape/model.hpp"

#include <string_view>

namespace boardscape::viewer {

std::string_view label(BoardKind k);        // "Health and Wellbeing Board"
std::string_view short_label(BoardKind k);  // "HWB"
std::string_view label(Sector s);           // "Police", "Health commissioner"
std::string_view label(Role r);             // "Chair", "Lay member"
std::string_view label(EntityType t);       // "Board"

}  // namespace boardscape::viewer
