#include "app/kind_legend.hpp"

#include <array>

namespace boardscape::viewer {

std::vector<BoardKind> board_kinds_present(const Dataset& d) {
    std::array<bool, board_kind_count> present{};
    for (const auto& b : d.boards) present[static_cast<std::size_t>(b.kind)] = true;
    std::vector<BoardKind> out;
    for (const BoardKindInfo& k : board_kinds())
        if (present[static_cast<std::size_t>(k.kind)]) out.push_back(k.kind);
    return out;
}

std::vector<KindLegendItem> board_kind_legend(const Dataset& d) {
    std::vector<KindLegendItem> items;
    for (const BoardKind k : board_kinds_present(d)) {
        const BoardKindInfo& row = info(k);
        KindLegendItem* same = nullptr;
        for (auto& it : items)
            if (it.rgb == row.rgb) same = &it;
        if (!same) {
            items.push_back({row.rgb, {}, {}});
            same = &items.back();
        }
        same->kinds.push_back(k);
    }
    for (auto& it : items) {
        if (it.kinds.size() == 1) {
            const BoardKindInfo& row = info(it.kinds.front());
            it.text = std::string(row.short_label);
            // A short label that is the whole name ("Children's Trust") is not repeated.
            if (row.label != row.short_label) it.text += " \xE2\x80\x94 " + std::string(row.label);
        } else {
            for (std::size_t i = 0; i < it.kinds.size(); ++i) {
                if (i) it.text += " / ";
                it.text += info(it.kinds[i]).short_label;
            }
        }
    }
    return items;
}

}  // namespace boardscape::viewer
