// Anonymising people for a room or a file: the one naming scheme the viewer (key A) and the
// command line (--anonymise) share, so "Police rep 3" is the same person in both.
//
// A person becomes "<sector label> rep N", numbered within that label in the order of the
// people's ids (so the numbering does not depend on the order of the file), or "Independent
// member N" without an agency (or with one the file does not define).
#pragma once

#include "boardscape/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace boardscape {

/// The human label of a sector: "Council", "Police", "Health commissioner".
std::string_view sector_label(Sector s);

/// The pseudonym of every person, by person index ("Police rep 2", "Independent member 1").
std::vector<std::string> person_pseudonyms(const Dataset& d);

/// "police-rep-2" for "Police rep 2": the id an anonymised person gets (lower case, spaces
/// and anything else that is not a letter or digit become '-').
std::string pseudonym_id(std::string_view pseudonym);

/// A copy of `d` in which no person can be recognised: names become their pseudonyms, ids
/// the pseudonym's id (made unique against every other id with "-2", "-3", ...), and every
/// reference to a person follows. What else could name someone goes: people's titles, the
/// sources of seats (often "minutes by ..."), and the viewer's saved views (they may select
/// or search for a person). Node positions are kept under the new ids. Boards, agencies,
/// areas and every number stay as they are, so analyses of the copy equal the original's.
Dataset anonymised(const Dataset& d);

}  // namespace boardscape
