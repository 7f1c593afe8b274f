// Representation load: seats, meetings and hours a year per person, agency and board
// (DESIGN §4 "Load"), with prep-time and travel options and attendance weighting.
#pragma once

#include "boardscape/analysis/common.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace boardscape {

struct PersonLoad {
    std::string id;
    int seats = 0;
    int boards = 0;
    double meetings = 0;
    double hours = 0;
    double attended_hours = 0;
};
struct AgencyLoad {
    std::string id;
    Sector sector = Sector::other;
    int seats = 0;
    int people = 0;
    int boards = 0;
    double meetings = 0;
    double hours = 0;
    double attended_hours = 0;
};
struct BoardLoad {
    std::string id;
    int seats = 0;
    std::map<std::string, int> seats_by_sector;
    std::map<std::string, int> seats_by_group;
    std::optional<std::string> largest_sector;
    int largest_sector_seats = 0;
    std::optional<std::string> largest_group;
    int largest_group_seats = 0;
};
struct LoadReport {
    std::optional<Date> as_of;
    double prep_factor = 0;
    double travel_hours = 0;
    std::vector<PersonLoad> people;    /// hours desc, then id
    std::vector<AgencyLoad> agencies;  /// hours desc, then id (every agency)
    std::vector<BoardLoad> boards;     /// seats desc, then id (every active board)
};

LoadReport compute_load(const Dataset& d, const AnalysisOptions& opts);

}  // namespace boardscape
