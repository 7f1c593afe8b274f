#include "panels/inspector_panel.hpp"

#include "app/vocab_labels.hpp"
#include "boardscape/plural.hpp"
#include "canvas/palette.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace boardscape::viewer {

namespace {

void field(const char* name, const std::string& value) {
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(ImGui::GetFontSize() * 8.5f);
    ImGui::TextWrapped("%s", value.c_str());
}

std::string date_range(const std::optional<Date>& from, const std::optional<Date>& until) {
    if (!from && !until) return "";
    return (from ? from->str() : std::string("…")) + " to " + (until ? until->str() : std::string("…"));
}

std::string fmt(double v, int decimals = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

void footprint(PanelContext& ctx, const std::vector<AreaId>& fp) {
    if (ImGui::TreeNodeEx("Footprint", ImGuiTreeNodeFlags_DefaultOpen, "Footprint (%s)",
                          count_noun(static_cast<long long>(fp.size()), "area").c_str())) {
        for (const auto& a : fp) entity_link(ctx, a.str());
        ImGui::TreePop();
    }
}

}  // namespace

InspectorPanel::InspectorPanel()
    : Panel("Inspector", ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse) {}

void InspectorPanel::draw_contents(PanelContext& ctx) {
    const Session& s = ctx.session;
    if (!s.has_dataset()) {
        ImGui::TextWrapped("No dataset open. File > Open…");
        return;
    }
    const auto sel = ctx.view.selected ? s.scene().find(*ctx.view.selected) : std::nullopt;
    if (!sel) {
        const Dataset& d = s.dataset();
        ImGui::TextWrapped("%s", d.meta.title.c_str());
        if (d.meta.description) ImGui::TextWrapped("%s", d.meta.description->c_str());
        ImGui::Separator();
        const auto n = [](std::size_t v) { return static_cast<long long>(v); };
        ImGui::Text("%s, %s, %s, %s", count_noun(n(d.boards.size()), "board").c_str(),
                    count_noun(n(d.agencies.size()), "agency", "agencies").c_str(), count_people(n(d.people.size())).c_str(),
                    count_noun(n(d.areas.size()), "area").c_str());
        ImGui::Text("%s, %s", count_noun(n(d.memberships.size()), "membership").c_str(),
                    count_noun(n(d.relations.size()), "relation").c_str());
        if (s.derived().as_of) ImGui::Text("As at %s", s.derived().as_of->str().c_str());
        if (!d.meta.sources.empty() && ImGui::TreeNode("Sources")) {
            for (const auto& src : d.meta.sources) ImGui::BulletText("%s", src.c_str());
            ImGui::TreePop();
        }
        if (d.meta.licence) ImGui::TextWrapped("Licence: %s", d.meta.licence->c_str());
        ImGui::Separator();
        ImGui::TextWrapped("Click a node to inspect it; double-click for its network; drag to move and pin.");
        return;
    }
    const SceneNode& node = s.scene().nodes[*sel];
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.display_name(*sel, ctx.view.anonymise).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s \xC2\xB7 %s", std::string(label(node.type)).c_str(),
                        s.display_id(*sel, ctx.view.anonymise).c_str());
    if (ImGui::SmallButton("Clear selection")) ctx.commands.push(SelectEntity{std::nullopt, false});
    ImGui::SameLine();
    if (ImGui::SmallButton(ctx.view.focus ? "Unfocus" : "Focus network")) {
        if (ctx.view.focus) ctx.commands.push(FocusEgo{std::nullopt, 1});
        else ctx.commands.push(FocusEgo{node.id, 1});
    }
    if (ctx.view.focus) {
        ImGui::SameLine();
        int hops = ctx.view.focus_hops;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        if (ImGui::SliderInt("hops", &hops, 1, 2)) ctx.commands.push(FocusEgo{ctx.view.focus, hops});
    }
    ImGui::Separator();
    switch (node.type) {
    case EntityType::board: draw_board(ctx, *sel); break;
    case EntityType::agency: draw_agency(ctx, *sel); break;
    case EntityType::person: draw_person(ctx, *sel); break;
    case EntityType::area: draw_area(ctx, *sel); break;
    }
    draw_edit(ctx, *sel);
}

void InspectorPanel::draw_board(PanelContext& ctx, NodeIndex n) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    const Derived& der = s.derived();
    const Board& b = d.boards[s.scene().nodes[n].index];
    field("Kind", std::string(label(b.kind)));
    if (b.parent) {
        ImGui::TextDisabled("Sub-group of");
        ImGui::SameLine(ImGui::GetFontSize() * 8.5f);
        entity_link(ctx, b.parent->str());
    }
    field("Meetings", fmt(b.meetings_per_year, 1) + " a year, " + fmt(b.meeting_hours, 1) + " h each");
    if (auto r = date_range(b.from, b.until); !r.empty()) field("Dates", r);
    if (b.successor) {
        ImGui::TextDisabled("Successor");
        ImGui::SameLine(ImGui::GetFontSize() * 8.5f);
        entity_link(ctx, b.successor->str());
    }
    field("Active", der.node_active[n] ? "yes" : "no, at this date");
    field("Seats", std::to_string(der.node_seats[n]));
    for (const auto& bl : der.load.boards)
        if (bl.id == b.id.str() && bl.largest_group) {
            field("Largest group", *bl.largest_group + " (" + std::to_string(bl.largest_group_seats) + " of " +
                                       std::to_string(bl.seats) + ")");
        }
    footprint(ctx, b.footprint);

    // Representation against the board kind's expected partners.
    if (const std::size_t row = der.rep_of_board[n]; row != static_cast<std::size_t>(-1)) {
        const auto& rep = der.representation.boards[row];
        if (!rep.expected.empty() &&
            ImGui::TreeNodeEx("Expected partners", ImGuiTreeNodeFlags_DefaultOpen)) {
            for (const auto& e : rep.expected) {
                ring_swatch(e.present ? (e.senior_regular > 0 ? RingStyle::solid : RingStyle::dashed) : RingStyle::hollow,
                            ImGui::GetTextLineHeight());
                std::string line = std::string(label(e.sector)) + ": ";
                if (!e.present) {
                    line += "absent";
                } else {
                    line += count_noun(e.seats, "seat");
                    const std::pair<int, const char*> parts[] = {{e.senior, "senior"}, {e.regular, "regular"},
                                                                 {e.sporadic, "sporadic"}, {e.never, "never attend"}};
                    for (const auto& [count, what] : parts)
                        if (count > 0) line += ", " + std::to_string(count) + " " + what;
                }
                ImGui::TextWrapped("%s", line.c_str());
            }
            for (const auto& r : rep.roles)
                ImGui::Text("%s: %d of %d expected", std::string(label(r.role)).c_str(), r.seats, r.expected);
            ImGui::TreePop();
        }
    }
    for (const auto& bb : der.boundaries.boards)
        if (bb.id == b.id.str()) {
            if (bb.coterminosity) field("Coterminous", fmt(*bb.coterminosity * 100) + "% of partners");
            if (!bb.straddling.empty() && ImGui::TreeNode("Straddling partners")) {
                for (const auto& a : bb.straddling) entity_link(ctx, a);
                ImGui::TreePop();
            }
        }

    if (ImGui::TreeNodeEx("Members", ImGuiTreeNodeFlags_DefaultOpen)) {
        int rows = 0;
        for (const auto& ms : d.memberships) rows += ms.board == b.id;
        const float h = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min(rows, 14) + 2);
        if (ImGui::BeginTable("members", 4,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
                              ImVec2(0, h))) {
            ImGui::TableSetupScrollFreeze(1, 1);
            ImGui::TableSetupColumn("Person");
            ImGui::TableSetupColumn("Role");
            ImGui::TableSetupColumn("Represents");
            ImGui::TableSetupColumn("Attends");
            ImGui::TableHeadersRow();
            for (std::size_t m = 0; m < d.memberships.size(); ++m) {
                const Membership& ms = d.memberships[m];
                if (ms.board != b.id) continue;
                const bool counted = m < der.activity.membership_counted.size() && der.activity.membership_counted[m];
                if (!counted && !ctx.view.filters.show_inactive) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(m));
                entity_link(ctx, ms.person.str());
                ImGui::PopID();
                if (ms.source && ImGui::IsItemHovered())
                    ImGui::SetTooltip("Source: %s", ctx.view.anonymise ? "(hidden while anonymising)" : ms.source->c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(std::string(label(ms.role)).c_str());
                ImGui::TableNextColumn();
                if (auto a = d.represented_agency(ms)) ImGui::TextUnformatted(d.agencies[*a].name.c_str());
                else ImGui::TextUnformatted("Independent");
                ImGui::TableNextColumn();
                ImGui::Text("%s%s", std::string(to_string(ms.attendance)).c_str(),
                            ms.seniority == Seniority::senior ? ", senior" : "");
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("Hover a name for its source.");
        ImGui::TreePop();
    }
    if (ImGui::TreeNode("Relations")) {
        for (const auto& r : d.relations) {
            if (r.from != b.id && r.to != b.id) continue;
            const std::string& other = r.from == b.id ? r.to.str() : r.from.str();
            ImGui::TextDisabled("%s", std::string(to_string(r.kind)).c_str());
            ImGui::SameLine();
            entity_link(ctx, other);
        }
        ImGui::TreePop();
    }
}

void InspectorPanel::draw_agency(PanelContext& ctx, NodeIndex n) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    const Derived& der = s.derived();
    const Agency& a = d.agencies[s.scene().nodes[n].index];
    field("Sector", std::string(label(a.sector)));
    for (const auto& al : der.load.agencies)
        if (al.id == a.id.str() && !der.expected_load) {  // no seats in the file: all zeros
            field("Seats", std::to_string(al.seats) + " held by " + count_people(al.people) + " on " +
                               count_noun(al.boards, "board"));
            field("Meetings", fmt(al.meetings) + " a year");
            field("Hours", fmt(al.hours) + " a year (" + fmt(al.attended_hours) + " attended)");
        }
    footprint(ctx, a.footprint);
    if (const std::size_t row = der.bnd_of_agency[n]; row != static_cast<std::size_t>(-1)) {
        const auto& ab = der.boundaries.agencies[row];
        field("Must attend", fmt(ab.expected_meetings) + " meetings a year as a statutory partner (" +
                                 fmt(ab.meetings_to_attend) + " in its patch)");
        field("Expected hours", fmt(ab.expected_hours) + " a year");
        if (ImGui::TreeNodeEx("Boards in its footprint", ImGuiTreeNodeFlags_DefaultOpen)) {
            for (const auto& rel : ab.relations) {
                mark_swatch(boundary_colour(rel.relation), boundary_mark(rel.relation), ImGui::GetTextLineHeight() * 0.8f);
                std::string suffix = std::string("  (") + (rel.expected ? "expected, " : "patch only, ") +
                                     std::string(to_string(rel.relation));
                if (rel.overlap_share) suffix += ", " + fmt(*rel.overlap_share * 100) + "% of its people";
                suffix += ")";
                entity_link(ctx, rel.board, suffix.c_str());
            }
            ImGui::TreePop();
        }
    }
    if (ImGui::TreeNode("People")) {
        for (const auto& p : d.people)
            if (p.agency && *p.agency == a.id) entity_link(ctx, p.id.str());
        ImGui::TreePop();
    }
}

void InspectorPanel::draw_person(PanelContext& ctx, NodeIndex n) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    const Derived& der = s.derived();
    const Person& p = d.people[s.scene().nodes[n].index];
    if (p.title && !ctx.view.anonymise) field("Title", *p.title);
    if (p.agency) {
        ImGui::TextDisabled("Agency");
        ImGui::SameLine(ImGui::GetFontSize() * 8.5f);
        entity_link(ctx, p.agency->str());
    }
    for (const auto& pl : der.load.people)
        if (pl.id == p.id.str()) {
            field("Seats", std::to_string(pl.seats) + " on " + count_noun(pl.boards, "board"));
            field("Load", fmt(pl.meetings) + " meetings, " + fmt(pl.hours) + " h a year");
        }
    if (ImGui::TreeNodeEx("Memberships", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (std::size_t m = 0; m < d.memberships.size(); ++m) {
            const Membership& ms = d.memberships[m];
            if (ms.person != p.id) continue;
            const bool counted = m < der.activity.membership_counted.size() && der.activity.membership_counted[m];
            ImGui::PushID(static_cast<int>(m));
            const std::string suffix = "  \xE2\x80\x94 " + std::string(label(ms.role)) + (counted ? "" : " (inactive)");
            entity_link(ctx, ms.board.str(), suffix.c_str());
            ImGui::PopID();
            ImGui::Indent();
            if (auto r = date_range(ms.from, ms.until); !r.empty()) ImGui::TextDisabled("%s", r.c_str());
            ImGui::TextDisabled("%s, %s", std::string(to_string(ms.seniority)).c_str(),
                                std::string(to_string(ms.attendance)).c_str());
            if (ms.source)
                ImGui::TextDisabled("Source: %s", ctx.view.anonymise ? "(hidden while anonymising)" : ms.source->c_str());
            ImGui::Unindent();
        }
        ImGui::TreePop();
    }
}

void InspectorPanel::draw_area(PanelContext& ctx, NodeIndex n) {
    const Session& s = ctx.session;
    const Dataset& d = s.dataset();
    const Area& a = d.areas[s.scene().nodes[n].index];
    if (a.kind) field("Kind", *a.kind);
    if (a.code) field("Code", *a.code);
    if (a.population) field("Population", fmt(*a.population));
    if (a.parent) {
        ImGui::TextDisabled("Part of");
        ImGui::SameLine(ImGui::GetFontSize() * 8.5f);
        entity_link(ctx, a.parent->str());
    }
    if (ImGui::TreeNode("Contains")) {
        for (const auto& c : d.areas)
            if (c.parent && *c.parent == a.id) entity_link(ctx, c.id.str());
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("Covered by", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const auto& b : d.boards)
            for (const auto& f : b.footprint)
                if (f == a.id) entity_link(ctx, b.id.str());
        for (const auto& ag : d.agencies)
            for (const auto& f : ag.footprint)
                if (f == a.id) entity_link(ctx, ag.id.str());
        ImGui::TreePop();
    }
}

}  // namespace boardscape::viewer
