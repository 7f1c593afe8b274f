// The session: the loaded dataset, where it came from, its scene graph, and everything derived
// from it (analyses at the current date, per-node figures for the overlays, display names with
// and without anonymisation). Derived results are recomputed when the dataset or the analysis
// date changes — never per frame.
#pragma once

#include "app/scene.hpp"
#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace boardscape::viewer {

/// Analyses and per-node figures at one date. Vectors named `node_*` are indexed by NodeIndex.
struct Derived {
    std::optional<Date> as_of;
    Activity activity;
    OverlapResult overlap;
    BoundariesResult boundaries;
    LoadReport load;
    RepresentationResult representation;
    std::vector<std::string> errors;  // analyses that failed (shown, never fatal)

    std::vector<double> node_hours;        /// hours a year: person and agency seats; board person-hours
    std::vector<int> node_boards;          /// people: k_p (top-level boards); 0 for others
    std::vector<bool> node_active;         /// boards active; people with a counted seat; others true
    std::vector<int> node_seats;           /// boards: counted seats; agencies: seats represented
    std::vector<std::size_t> node_top;     /// boards: node of the top-level board; others: itself
    std::vector<bool> edge_active;         /// by scene edge: memberships counted, boards active
    std::vector<std::size_t> rep_of_board; /// by node: index into representation.boards or npos
    std::vector<std::size_t> bnd_of_agency;/// by node: index into boundaries.agencies or npos

    /// No counted membership at the date (a national file has no people): load has nothing to
    /// show, so the load overlay and tables show expected attendance instead (DESIGN §4).
    bool expected_load = false;
    /// Agencies: expected hours a year (boundaries' expected attendance); 0 for other nodes.
    std::vector<double> node_expected_hours;
};

class Session {
public:
    bool has_dataset() const { return m_has_dataset; }
    const Dataset& dataset() const { return m_dataset; }
    Dataset& dataset_for_save() { return m_dataset; }
    const std::filesystem::path& path() const { return m_path; }
    const Scene& scene() const { return m_scene; }
    const Derived& derived() const { return m_derived; }
    const std::vector<Diagnostic>& warnings() const { return m_warnings; }
    /// Goes up with every change of the dataset (open, edit, undo), for caches of checks.
    std::uint64_t revision() const { return m_revision; }

    /// Replaces the dataset (already validated) and rebuilds the scene and derived results.
    void set_dataset(Dataset d, std::filesystem::path path, std::vector<Diagnostic> warnings,
                     std::optional<Date> as_of);
    /// After the dataset was edited in place (through the library's edits): rebuilds the scene,
    /// names and analyses; the path and load warnings stay.
    void dataset_changed(std::optional<Date> as_of);
    /// Recomputes the analyses at `as_of` (nullopt: the file's own date).
    void recompute(std::optional<Date> as_of);

    /// The name to show for a node: people become "Police rep 2" when anonymising.
    const std::string& display_name(NodeIndex n, bool anonymise) const;
    /// The id to show: people's ids may contain names, so anonymised people show "person".
    std::string display_id(NodeIndex n, bool anonymise) const;
    /// Display name by entity id ("" when unknown).
    std::string display_name(std::string_view id, bool anonymise) const;
    /// Sector of a node's colour: agencies their sector, people their agency's (or independent).
    Sector node_sector(NodeIndex n) const;

private:
    bool m_has_dataset = false;
    std::uint64_t m_revision = 0;
    Dataset m_dataset;
    std::filesystem::path m_path;
    std::vector<Diagnostic> m_warnings;
    Scene m_scene;
    Derived m_derived;
    std::vector<std::string> m_names;       // by node
    std::vector<std::string> m_anon_names;  // by node (people differ; others equal m_names)
    std::vector<Sector> m_node_sector;      // by node; looked up every frame, so precomputed
};

}  // namespace boardscape::viewer
