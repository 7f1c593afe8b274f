// Representation load (DESIGN §4 "Load"): one seat per person per active board, its annual
// meetings and hours, summed per person and per agency, and each board's seats by sector and
// sector group.
#include "boardscape/analysis/load.hpp"

#include "seat_refs.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace boardscape {

namespace {

double attendance_weight(Attendance a) {
    switch (a) {
        case Attendance::regular: return 1.0;
        case Attendance::sporadic: return 0.5;
        case Attendance::never: return 0.0;
        case Attendance::unknown: return 1.0;
    }
    return 1.0;
}

struct Seat {
    std::size_t person;
    std::size_t board;
    std::size_t membership;  // the first counted membership in file order
};

/// The name with the most seats, ties to the alphabetically first (std::map iterates in order,
/// so the first strict maximum wins). None and 0 when the map is empty.
std::pair<std::optional<std::string>, int> largest(const std::map<std::string, int>& counts) {
    std::optional<std::string> best;
    int best_seats = 0;
    for (const auto& [name, seats] : counts)
        if (!best || seats > best_seats) {
            best = name;
            best_seats = seats;
        }
    return {best, best_seats};
}

}  // namespace

LoadReport compute_load(const Dataset& d, const AnalysisOptions& opts) {
    LoadReport rep;
    rep.as_of = analysis_date(d, opts);
    rep.prep_factor = opts.prep_factor;
    rep.travel_hours = opts.travel_hours;
    const detail::SeatRefs refs = detail::resolve_seats(d);
    const Activity act = detail::compute_activity(d, rep.as_of, refs);

    // [SECTION] Seats
    // Ids are resolved once per membership (above); one seat per (person, board), the first
    // counted membership in file order winning: a stable sort by (person, board) keeps file order.
    std::vector<Seat> seats;
    seats.reserve(d.memberships.size());
    for (std::size_t i = 0; i < d.memberships.size(); ++i)
        if (act.membership_counted[i]) seats.push_back({refs.person[i], refs.board[i], i});
    std::stable_sort(seats.begin(), seats.end(), [](const Seat& x, const Seat& y) {
        return std::tie(x.person, x.board) < std::tie(y.person, y.board);
    });
    seats.erase(std::unique(seats.begin(), seats.end(),
                            [](const Seat& x, const Seat& y) {
                                return x.person == y.person && x.board == y.board;
                            }),
                seats.end());

    const std::size_t np = d.people.size(), na = d.agencies.size(), nb = d.boards.size();
    constexpr std::size_t n_sectors = static_cast<std::size_t>(Sector::independent) + 1;
    std::vector<PersonLoad> people(np);
    std::vector<AgencyLoad> agencies(na);
    /// by agency index: (person, board) of each seat representing it, for the distinct counts
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> agency_seats(na);
    std::vector<BoardLoad> boards(nb);
    std::vector<std::array<int, n_sectors>> board_sectors(nb, std::array<int, n_sectors>{});

    for (const Seat& s : seats) {
        const Membership& m = d.memberships[s.membership];
        const Board& board = d.boards[s.board];
        const double meetings = board.meetings_per_year;
        const double hours = seat_hours(board, opts);
        const double attended = hours * attendance_weight(m.attendance);
        // Absurd but finite inputs (1e308 meetings a year, a huge --prep-factor) overflow to
        // infinity or NaN: a clear error, never a silent null in a report or a NaN sort key.
        if (!std::isfinite(hours))
            throw std::range_error("load: the hours of a seat on board '" + board.id.value +
                                   "' are too large to compute (meetings_per_year × meeting_hours, "
                                   "with the preparation and travel options, overflows)");

        PersonLoad& pl = people[s.person];
        ++pl.seats;
        ++pl.boards;  // one seat per board, so distinct boards == seats
        pl.meetings += meetings;
        pl.hours += hours;
        pl.attended_hours += attended;

        const std::size_t agency = refs.agency[s.membership];
        if (agency != detail::k_no_index) {
            AgencyLoad& al = agencies[agency];
            ++al.seats;
            al.meetings += meetings;
            al.hours += hours;
            al.attended_hours += attended;
            agency_seats[agency].emplace_back(s.person, s.board);
        }

        const Sector sector =
            agency != detail::k_no_index ? d.agencies[agency].sector : Sector::independent;
        ++boards[s.board].seats;
        ++board_sectors[s.board][static_cast<std::size_t>(sector)];
    }

    // Finite seats can still sum past the largest double.
    for (std::size_t p = 0; p < np; ++p)
        if (!std::isfinite(people[p].hours) || !std::isfinite(people[p].meetings))
            throw std::range_error("load: the total hours of person '" + d.people[p].id.value +
                                   "' are too large to compute (overflow)");
    for (std::size_t a = 0; a < na; ++a)
        if (!std::isfinite(agencies[a].hours) || !std::isfinite(agencies[a].meetings))
            throw std::range_error("load: the total hours of agency '" + d.agencies[a].id.value +
                                   "' are too large to compute (overflow)");

    // [SECTION] Lists
    for (std::size_t p = 0; p < np; ++p) {
        if (people[p].seats == 0) continue;
        people[p].id = d.people[p].id.value;
        rep.people.push_back(std::move(people[p]));
    }
    for (std::size_t a = 0; a < na; ++a) {
        AgencyLoad& al = agencies[a];
        al.id = d.agencies[a].id.value;
        al.sector = d.agencies[a].sector;
        auto& pairs = agency_seats[a];  // sorted by person (seats are), so people are runs
        std::size_t distinct_people = 0;
        for (std::size_t i = 0; i < pairs.size(); ++i)
            if (i == 0 || pairs[i].first != pairs[i - 1].first) ++distinct_people;
        std::vector<std::size_t> seat_boards;
        seat_boards.reserve(pairs.size());
        for (const auto& pr : pairs) seat_boards.push_back(pr.second);
        std::sort(seat_boards.begin(), seat_boards.end());
        al.people = static_cast<int>(distinct_people);
        al.boards = static_cast<int>(
            std::unique(seat_boards.begin(), seat_boards.end()) - seat_boards.begin());
        rep.agencies.push_back(std::move(al));
    }
    for (std::size_t b = 0; b < nb; ++b) {
        if (!act.board_active[b]) continue;
        BoardLoad& bl = boards[b];
        bl.id = d.boards[b].id.value;
        for (std::size_t sec = 0; sec < n_sectors; ++sec) {
            const int n = board_sectors[b][sec];
            if (n == 0) continue;
            const Sector sector = static_cast<Sector>(sec);
            bl.seats_by_sector[std::string(to_string(sector))] += n;
            bl.seats_by_group[std::string(sector_group(sector))] += n;
        }
        std::tie(bl.largest_sector, bl.largest_sector_seats) = largest(bl.seats_by_sector);
        std::tie(bl.largest_group, bl.largest_group_seats) = largest(bl.seats_by_group);
        rep.boards.push_back(std::move(bl));
    }

    auto by_hours = [](const auto& x, const auto& y) {
        if (x.hours != y.hours) return x.hours > y.hours;
        return x.id < y.id;
    };
    std::sort(rep.people.begin(), rep.people.end(), by_hours);
    std::sort(rep.agencies.begin(), rep.agencies.end(), by_hours);
    std::sort(rep.boards.begin(), rep.boards.end(), [](const BoardLoad& x, const BoardLoad& y) {
        if (x.seats != y.seats) return x.seats > y.seats;
        return x.id < y.id;
    });
    return rep;
}

}  // namespace boardscape
