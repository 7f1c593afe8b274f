// GraphML and DOT export of a whole dataset (all entities and memberships, active or not)
// through Boost.Graph's writers (DESIGN §5 "GraphML export").
#pragma once

#include "boardscape/model.hpp"

#include <ostream>

namespace boardscape {

void write_graphml(const Dataset& d, std::ostream& out);
void write_dot(const Dataset& d, std::ostream& out);

}  // namespace boardscape
