// Which board kinds the legend and the filters list, read from the library's kind table: only
// the kinds a dataset has (so the key stays short), with kinds that share a colour in one entry
// ("CYPP / Children's Trust"). Pure: no ImGui calls, testable without a window.
#pragma once

#include "boardscape/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace boardscape::viewer {

struct KindLegendItem {
    std::uint32_t rgb = 0;          // the kinds' colour, 0xRRGGBB
    std::string text;               // "LSCP — Safeguarding Children Partnership"
    std::vector<BoardKind> kinds;   // in table order
};

/// One item per colour among the kinds of `d`'s boards, in table order of their first kind.
std::vector<KindLegendItem> board_kind_legend(const Dataset& d);

/// The kinds of `d`'s boards, in table order (what the Filters panel offers).
std::vector<BoardKind> board_kinds_present(const Dataset& d);

}  // namespace boardscape::viewer
