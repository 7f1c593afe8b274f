#include "app/session.hpp"

#include "app/vocab_labels.hpp"
#include "boardscape/anonymise.hpp"

#include <algorithm>
#include <exception>

namespace boardscape::viewer {

namespace {
constexpr std::size_t npos = static_cast<std::size_t>(-1);
}

void Session::dataset_changed(std::optional<Date> as_of) {
    // The parameters are built (moved out of the members) before set_dataset's body runs.
    set_dataset(std::move(m_dataset), std::move(m_path), std::move(m_warnings), as_of);
}

void Session::set_dataset(Dataset d, std::filesystem::path path, std::vector<Diagnostic> warnings,
                          std::optional<Date> as_of) {
    m_dataset = std::move(d);
    m_dataset.reindex();
    ++m_revision;
    m_path = std::move(path);
    m_warnings = std::move(warnings);
    m_has_dataset = true;
    m_scene = build_scene(m_dataset);
    m_names.clear();
    m_anon_names.clear();
    const auto person_anon = person_pseudonyms(m_dataset);  // shared with the CLI's --anonymise
    for (const SceneNode& n : m_scene.nodes) {
        std::string name;
        switch (n.type) {
        case EntityType::area: name = m_dataset.areas[n.index].name; break;
        case EntityType::agency: name = m_dataset.agencies[n.index].name; break;
        case EntityType::board: name = m_dataset.boards[n.index].name; break;
        case EntityType::person: name = m_dataset.people[n.index].name; break;
        }
        m_anon_names.push_back(n.type == EntityType::person ? person_anon[n.index] : name);
        m_names.push_back(std::move(name));
    }
    m_node_sector.assign(m_scene.nodes.size(), Sector::other);
    for (NodeIndex i = 0; i < m_scene.nodes.size(); ++i) {
        const SceneNode& node = m_scene.nodes[i];
        if (node.type == EntityType::agency) {
            m_node_sector[i] = m_dataset.agencies[node.index].sector;
        } else if (node.type == EntityType::person) {
            m_node_sector[i] = Sector::independent;
            if (const auto& ag = m_dataset.people[node.index].agency)
                if (auto a = m_dataset.find_agency(*ag)) m_node_sector[i] = m_dataset.agencies[*a].sector;
        }
    }
    recompute(as_of);
}

void Session::recompute(std::optional<Date> as_of) {
    Derived r;
    const Dataset& d = m_dataset;
    const Scene& s = m_scene;
    AnalysisOptions opts;
    opts.as_of = as_of;
    r.as_of = analysis_date(d, opts);
    r.activity = compute_activity(d, r.as_of);
    // Each analysis is guarded on its own: one failing must not take the map down with it.
    const auto guarded = [&](const char* what, auto&& fn) {
        try {
            fn();
        } catch (const std::exception& e) {
            r.errors.push_back(std::string(what) + ": " + e.what());
        }
    };
    OverlapOptions oo;
    oo.brokers = true;
    guarded("overlap", [&] { r.overlap = compute_overlap(d, opts, oo); });
    guarded("boundaries", [&] { r.boundaries = compute_boundaries(d, opts); });
    guarded("load", [&] { r.load = compute_load(d, opts); });
    guarded("representation", [&] { r.representation = compute_representation(d, opts); });

    const std::size_t n = s.nodes.size();
    r.node_hours.assign(n, 0);
    r.node_boards.assign(n, 0);
    r.node_active.assign(n, true);
    r.node_seats.assign(n, 0);
    r.node_top.resize(n);
    r.rep_of_board.assign(n, npos);
    r.bnd_of_agency.assign(n, npos);
    for (NodeIndex i = 0; i < n; ++i) r.node_top[i] = i;

    for (const auto& p : r.load.people)
        if (auto k = s.find(p.id)) r.node_hours[*k] = p.hours;
    for (const auto& a : r.load.agencies)
        if (auto k = s.find(a.id)) {
            r.node_hours[*k] = a.hours;
            r.node_seats[*k] = a.seats;
        }
    for (const auto& b : r.load.boards)
        if (auto k = s.find(b.id)) r.node_seats[*k] = b.seats;
    for (const auto& p : r.overlap.people)
        if (auto k = s.find(p.id)) r.node_boards[*k] = p.boards;
    for (std::size_t i = 0; i < r.representation.boards.size(); ++i)
        if (auto k = s.find(r.representation.boards[i].id)) r.rep_of_board[*k] = i;
    for (std::size_t i = 0; i < r.boundaries.agencies.size(); ++i)
        if (auto k = s.find(r.boundaries.agencies[i].id)) r.bnd_of_agency[*k] = i;

    r.expected_load = std::none_of(r.activity.membership_counted.begin(),
                                   r.activity.membership_counted.end(), [](bool c) { return c; });
    r.node_expected_hours.assign(n, 0);
    for (const auto& a : r.boundaries.agencies)
        if (auto k = s.find(a.id)) r.node_expected_hours[*k] = a.expected_hours;

    std::vector<bool> person_counted(d.people.size(), false);
    for (std::size_t m = 0; m < d.memberships.size(); ++m)
        if (m < r.activity.membership_counted.size() && r.activity.membership_counted[m])
            if (auto p = d.find_person(d.memberships[m].person)) person_counted[*p] = true;
    std::vector<bool> person_has_any(d.people.size(), false);
    for (const auto& m : d.memberships)
        if (auto p = d.find_person(m.person)) person_has_any[*p] = true;

    for (NodeIndex i = 0; i < n; ++i) {
        const SceneNode& node = s.nodes[i];
        if (node.type == EntityType::board) {
            const Board& b = d.boards[node.index];
            r.node_active[i] = node.index < r.activity.board_active.size() && r.activity.board_active[node.index];
            if (node.index < r.activity.top_level.size())
                if (auto k = s.find(d.boards[r.activity.top_level[node.index]].id.str())) r.node_top[i] = *k;
            r.node_hours[i] = r.node_seats[i] * b.meetings_per_year * b.meeting_hours;
        } else if (node.type == EntityType::person) {
            r.node_active[i] = person_counted[node.index] || !person_has_any[node.index];
        }
    }
    r.edge_active.assign(s.edges.size(), true);
    for (std::size_t e = 0; e < s.edges.size(); ++e) {
        const SceneEdge& ed = s.edges[e];
        if (ed.type == EdgeType::membership)
            r.edge_active[e] = ed.index < r.activity.membership_counted.size() &&
                               r.activity.membership_counted[ed.index];
        else
            r.edge_active[e] = r.node_active[ed.u] && r.node_active[ed.v];
    }
    m_derived = std::move(r);
}

const std::string& Session::display_name(NodeIndex n, bool anonymise) const {
    return anonymise ? m_anon_names[n] : m_names[n];
}

std::string Session::display_id(NodeIndex n, bool anonymise) const {
    if (anonymise && m_scene.nodes[n].type == EntityType::person) return "(hidden)";
    return m_scene.nodes[n].id;
}

std::string Session::display_name(std::string_view id, bool anonymise) const {
    const auto n = m_scene.find(id);
    return n ? display_name(*n, anonymise) : std::string();
}

Sector Session::node_sector(NodeIndex n) const { return n < m_node_sector.size() ? m_node_sector[n] : Sector::other; }

}  // namespace boardscape::viewer
