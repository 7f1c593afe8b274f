// compare(): per-agency and per-person deltas and entity changes between two datasets.
#include "boardscape/compare.hpp"

#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace boardscape {

// [SECTION] One side

LandscapeFigures landscape_figures(const Dataset& d, const std::optional<Date>& as_of,
                                   const CompareOptions& opts) {
    AnalysisOptions a;
    a.as_of = as_of;
    a.prep_factor = opts.prep_factor;
    a.travel_hours = opts.travel_hours;
    const RepresentationRules& rules = opts.rules ? *opts.rules : default_representation_rules();
    LandscapeFigures f;
    f.as_of = analysis_date(d, a);
    const BoundariesResult bounds = compute_boundaries(d, a, rules);
    const LoadReport load = compute_load(d, a);
    f.agencies.reserve(d.agencies.size());
    for (const auto& ab : bounds.agencies) {
        AgencyFigures& g = f.agencies[ab.id];
        g.expected_meetings = ab.expected_meetings;
        g.expected_hours = ab.expected_hours;
    }
    for (const auto& al : load.agencies) {
        AgencyFigures& g = f.agencies[al.id];
        g.meetings = al.meetings;
        g.hours = al.hours;
    }
    f.people.reserve(load.people.size());
    for (const auto& p : load.people) f.people[p.id] = PersonFigures{p.meetings, p.hours};
    return f;
}

// [SECTION] Matching agencies

namespace {

/// The sorted ONS codes of an agency's footprint areas; empty when any area has none.
std::vector<std::string> footprint_codes(const Dataset& d, const Agency& a) {
    std::vector<std::string> codes;
    for (const auto& area : a.footprint) {
        const auto i = d.find_area(area);
        if (!i || !d.areas[*i].code || d.areas[*i].code->empty()) return {};
        codes.push_back(*d.areas[*i].code);
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

/// before id → after id for agencies whose ids differ but whose sector and coded footprint
/// match uniquely on both sides.
std::map<std::string, std::string> match_by_codes(const Dataset& before, const Dataset& after) {
    using Key = std::pair<Sector, std::vector<std::string>>;
    const auto unmatched = [](const Dataset& self, const Dataset& other) {
        std::map<Key, std::vector<std::string>> by_key;
        for (const auto& a : self.agencies) {
            if (other.find_agency(a.id)) continue;
            auto codes = footprint_codes(self, a);
            if (!codes.empty()) by_key[{a.sector, std::move(codes)}].push_back(a.id.value);
        }
        return by_key;
    };
    const auto b = unmatched(before, after);
    const auto a = unmatched(after, before);
    std::map<std::string, std::string> out;
    for (const auto& [key, ids] : b) {
        const auto it = a.find(key);
        if (ids.size() == 1 && it != a.end() && it->second.size() == 1)
            out.emplace(ids.front(), it->second.front());
    }
    return out;
}

/// a - b without the floating-point dust of sums (0.1 + 0.2 - 0.3 is not 0): deltas are read
/// by people and tested for zero, so they are kept to nine decimals.
double diff(double a, double b) {
    const double v = a - b;
    if (!std::isfinite(v) || std::fabs(v) >= 1e6) return v;
    const double r = std::round(v * 1e9) / 1e9;
    return r == 0 ? 0.0 : r;
}

AgencyFigures minus(const AgencyFigures& a, const AgencyFigures& b) {
    return {diff(a.expected_meetings, b.expected_meetings), diff(a.expected_hours, b.expected_hours),
            diff(a.meetings, b.meetings), diff(a.hours, b.hours)};
}
PersonFigures minus(const PersonFigures& a, const PersonFigures& b) {
    return {diff(a.meetings, b.meetings), diff(a.hours, b.hours)};
}
void add_to(AgencyFigures& sum, const AgencyFigures& x) {
    sum.expected_meetings += x.expected_meetings;
    sum.expected_hours += x.expected_hours;
    sum.meetings += x.meetings;
    sum.hours += x.hours;
}
void add_to(PersonFigures& sum, const PersonFigures& x) {
    sum.meetings += x.meetings;
    sum.hours += x.hours;
}

template <class Row>
void sort_by_hours(std::vector<Row>& rows) {
    std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        const double ax = std::fabs(x.delta.hours), ay = std::fabs(y.delta.hours);
        if (ax != ay) return ax > ay;
        return x.id < y.id;
    });
}

// [SECTION] Entity changes

bool same_board(const Board& a, const Board& b) {
    auto fa = a.footprint, fb = b.footprint;
    std::sort(fa.begin(), fa.end());
    std::sort(fb.begin(), fb.end());
    return a.name == b.name && a.kind == b.kind && fa == fb && a.parent == b.parent &&
           a.meetings_per_year == b.meetings_per_year && a.meeting_hours == b.meeting_hours &&
           a.from == b.from && a.until == b.until && a.successor == b.successor;
}

BoardChanges board_changes(const Dataset& before, const Dataset& after) {
    BoardChanges c;
    for (const auto& b : before.boards) {
        const auto i = after.find_board(b.id);
        if (!i)
            c.removed.push_back(b.id.value);
        else if (!same_board(b, after.boards[*i]))
            c.changed.push_back(b.id.value);
    }
    for (const auto& b : after.boards)
        if (!before.find_board(b.id)) c.added.push_back(b.id.value);
    for (auto* v : {&c.added, &c.removed, &c.changed}) std::sort(v->begin(), v->end());
    return c;
}

bool same_membership(const Membership& a, const Membership& b) {
    return a.represents == b.represents && a.role == b.role && a.seniority == b.seniority &&
           a.attendance == b.attendance && a.until == b.until && a.source == b.source;
}

MembershipChanges membership_changes(const Dataset& before, const Dataset& after) {
    // A key may repeat within a file (two records of one seat); the n-th occurrence on one
    // side pairs with the n-th on the other.
    using Slots = std::map<MembershipKey, std::vector<const Membership*>>;
    const auto slots = [](const Dataset& d) {
        Slots s;
        for (const auto& m : d.memberships)
            s[MembershipKey{m.person.value, m.board.value, m.from}].push_back(&m);
        return s;
    };
    const Slots b = slots(before), a = slots(after);
    MembershipChanges c;
    for (const auto& [key, ms] : b) {
        const auto it = a.find(key);
        const std::size_t common = it == a.end() ? 0 : std::min(ms.size(), it->second.size());
        for (std::size_t i = 0; i < common; ++i)
            if (!same_membership(*ms[i], *it->second[i])) c.changed.push_back(key);
        for (std::size_t i = common; i < ms.size(); ++i) c.removed.push_back(key);
    }
    for (const auto& [key, ms] : a) {
        const auto it = b.find(key);
        const std::size_t there = it == b.end() ? 0 : it->second.size();
        for (std::size_t i = there; i < ms.size(); ++i) c.added.push_back(key);
    }
    // Map iteration is already in key order; a repeated key stays together.
    return c;
}

}  // namespace

// [SECTION] Comparison

Comparison compare(const Dataset& before, const LandscapeFigures& fb, const Dataset& after,
                   const LandscapeFigures& fa) {
    Comparison c;
    c.as_of_before = fb.as_of;
    c.as_of_after = fa.as_of;

    const auto renamed = match_by_codes(before, after);
    std::set<std::string> seen_after;
    c.agencies.reserve(fb.agencies.size() + fa.agencies.size());
    for (const auto& [id, figures] : fb.agencies) {
        AgencyDelta row;
        row.id = id;
        row.before = figures;
        std::string after_id = id;
        if (const auto r = renamed.find(id); r != renamed.end()) {
            after_id = r->second;
            row.id = after_id;
            row.before_id = id;
        }
        if (const auto it = fa.agencies.find(after_id); it != fa.agencies.end()) {
            row.after = it->second;
            seen_after.insert(after_id);
            ++c.shared_agencies;
        }
        c.agencies.push_back(std::move(row));
    }
    for (const auto& [id, figures] : fa.agencies) {
        if (seen_after.count(id)) continue;
        AgencyDelta row;
        row.id = id;
        row.after = figures;
        c.agencies.push_back(std::move(row));
    }
    for (auto& row : c.agencies) row.delta = minus(row.after, row.before);
    sort_by_hours(c.agencies);
    for (const auto& row : c.agencies) {  // summed in list order, so totals are reproducible
        add_to(c.agency_totals_before, row.before);
        add_to(c.agency_totals_after, row.after);
    }
    c.agency_totals_delta = minus(c.agency_totals_after, c.agency_totals_before);

    for (const auto& [id, figures] : fb.people) {
        PersonDelta row{id, figures, {}, {}};
        if (const auto it = fa.people.find(id); it != fa.people.end()) row.after = it->second;
        c.people.push_back(std::move(row));
    }
    for (const auto& [id, figures] : fa.people)
        if (!fb.people.count(id)) c.people.push_back(PersonDelta{id, {}, figures, {}});
    for (auto& row : c.people) row.delta = minus(row.after, row.before);
    sort_by_hours(c.people);
    for (const auto& row : c.people) {
        add_to(c.people_totals_before, row.before);
        add_to(c.people_totals_after, row.after);
    }
    c.people_totals_delta = minus(c.people_totals_after, c.people_totals_before);

    c.boards = board_changes(before, after);
    c.shared_boards = before.boards.size() - c.boards.removed.size();
    c.memberships = membership_changes(before, after);
    return c;
}

Comparison compare(const Dataset& before, const Dataset& after, const CompareOptions& opts) {
    return compare(before, landscape_figures(before, opts.before_as_of, opts), after,
                   landscape_figures(after, opts.after_as_of, opts));
}

}  // namespace boardscape
