// Representation against expected partners (DESIGN §4 "Representation"): the rules file
// parser (strict, so a typo in a sector or role is an error with its JSON pointer, not a
// silently empty expectation) and the per-board seat counts.
#include "boardscape/analysis/representation.hpp"

#include "boardscape/dataset_json.hpp"
#include "boardscape/expected_partners_json.hpp"  // generated from datasets/rules/
#include "../json_internal.hpp"
#include "seat_refs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace boardscape {

std::string_view to_string(RuleCondition c) {
    switch (c) {
        case RuleCondition::two_tier: return "two_tier";
    }
    return "two_tier";
}

// [SECTION] Rules file parser

namespace {

using Json = nlohmann::ordered_json;  // keeps document order, so errors come in file order

/// `parent` + "/" + `key` escaped as a JSON pointer token (~ → ~0, / → ~1). Built by
/// appending: GCC 12 raises a false -Wrestrict on `"/" + std::string` at -O3.
std::string child_pointer(std::string_view parent, std::string_view key) {
    std::string out(parent);
    out += '/';
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}
std::string child_pointer(std::string_view parent, std::size_t index) {
    return child_pointer(parent, std::to_string(index));
}

std::string join_names(std::span<const std::string_view> names) {
    std::string out;
    for (std::string_view n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

std::string type_name(const Json& v) { return v.type_name(); }

/// Collects errors while walking the document; every problem is reported, not just the first.
class RulesParser {
public:
    RulesParser() = default;

    RepresentationRules parse(const Json& doc) {
        RepresentationRules rules;
        if (!doc.is_object()) {
            error("", "expected an object mapping board kinds to rules, got " + type_name(doc));
            return rules;
        }
        for (const auto& [key, value] : doc.items()) {
            if (is_note(key)) continue;
            const std::string ptr = child_pointer("", key);
            const auto kind = parse_board_kind(key);
            if (!kind) {
                error(ptr, "unknown board kind '" + key + "'; expected one of: " +
                               join_names(board_kind_names()));
                continue;
            }
            if (!value.is_object()) {
                error(ptr, "expected an object with `sectors` and `roles`, got " + type_name(value));
                continue;
            }
            rules.kinds[*kind] = parse_kind(value, ptr);
        }
        return rules;
    }

    std::vector<Diagnostic> take_errors() { return std::move(m_errors); }

private:
    static bool is_note(std::string_view key) { return !key.empty() && key.front() == '_'; }

    void error(std::string pointer, std::string message) {
        Diagnostic d;
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        m_errors.push_back(std::move(d));
    }

    std::optional<Sector> sector_at(const Json& v, const std::string& ptr) {
        if (!v.is_string()) {
            error(ptr, "expected a sector name (string), got " + type_name(v));
            return std::nullopt;
        }
        return sector_named(v.get<std::string>(), ptr);
    }

    std::optional<Sector> sector_named(const std::string& name, const std::string& ptr) {
        auto s = parse_sector(name);
        if (!s) error(ptr, "unknown sector '" + name + "'; expected one of: " +
                               join_names(sector_names()));
        return s;
    }

    KindRules parse_kind(const Json& obj, const std::string& ptr) {
        KindRules kr;
        // `sectors` first, whatever its position: `conditional` and `satisfied_by` refer to it.
        if (auto it = obj.find("sectors"); it == obj.end()) {
            error(ptr + "/sectors", "missing required field `sectors`");
        } else if (!it->is_array()) {
            error(ptr + "/sectors", "expected an array of sector names, got " + type_name(*it));
        } else {
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string item_ptr = child_pointer(child_pointer(ptr, "sectors"), i);
                const auto s = sector_at((*it)[i], item_ptr);
                if (!s) continue;
                if (std::find(kr.sectors.begin(), kr.sectors.end(), *s) != kr.sectors.end())
                    error(item_ptr, "sector '" + std::string(to_string(*s)) + "' listed twice");
                else
                    kr.sectors.push_back(*s);
            }
        }
        const auto expected = [&](Sector s) {
            return std::find(kr.sectors.begin(), kr.sectors.end(), s) != kr.sectors.end();
        };

        for (const auto& [key, value] : obj.items()) {
            if (is_note(key) || key == "sectors") continue;
            const std::string kptr = child_pointer(ptr, key);
            if (key == "roles") {
                parse_roles(value, kptr, kr);
            } else if (key == "conditional") {
                if (!value.is_object()) {
                    error(kptr, "expected an object mapping sectors to conditions, got " +
                                    type_name(value));
                    continue;
                }
                for (const auto& [sname, cond] : value.items()) {
                    if (is_note(sname)) continue;
                    const std::string sptr = child_pointer(kptr, sname);
                    const auto s = sector_named(sname, sptr);
                    if (!s) continue;
                    if (!expected(*s)) {
                        error(sptr, "sector '" + sname + "' is not in " + ptr + "/sectors");
                        continue;
                    }
                    if (!cond.is_string() || cond.get<std::string>() != "two_tier") {
                        error(sptr, "unknown condition; expected one of: two_tier");
                        continue;
                    }
                    kr.conditional[*s] = RuleCondition::two_tier;
                }
            } else if (key == "satisfied_by") {
                if (!value.is_object()) {
                    error(kptr, "expected an object mapping sectors to arrays of sectors, got " +
                                    type_name(value));
                    continue;
                }
                for (const auto& [sname, list] : value.items()) {
                    if (is_note(sname)) continue;
                    const std::string sptr = child_pointer(kptr, sname);
                    const auto s = sector_named(sname, sptr);
                    if (!s) continue;
                    if (!expected(*s)) {
                        error(sptr, "sector '" + sname + "' is not in " + ptr + "/sectors");
                        continue;
                    }
                    if (!list.is_array()) {
                        error(sptr, "expected an array of sector names, got " + type_name(list));
                        continue;
                    }
                    auto& subs = kr.satisfied_by[*s];
                    for (std::size_t i = 0; i < list.size(); ++i) {
                        const std::string iptr = child_pointer(sptr, i);
                        const auto t = sector_at(list[i], iptr);
                        if (!t) continue;
                        if (*t == *s)
                            error(iptr, "a sector cannot stand in for itself");
                        else if (std::find(subs.begin(), subs.end(), *t) == subs.end())
                            subs.push_back(*t);
                    }
                }
            } else {
                error(kptr, "unknown key '" + key +
                                "'; expected sectors, roles, conditional, satisfied_by "
                                "(keys starting with '_' are notes)");
            }
        }
        return kr;
    }

    void parse_roles(const Json& value, const std::string& ptr, KindRules& kr) {
        if (!value.is_object()) {
            error(ptr, "expected an object mapping roles to seat counts, got " + type_name(value));
            return;
        }
        for (const auto& [rname, count] : value.items()) {
            if (is_note(rname)) continue;
            const std::string rptr = child_pointer(ptr, rname);
            const auto role = parse_role(rname);
            if (!role) {
                error(rptr, "unknown role '" + rname + "'; expected one of: " +
                                join_names(role_names()));
                continue;
            }
            const bool whole = count.is_number_unsigned() ||
                               (count.is_number_integer() && count.get<std::int64_t>() >= 0);
            if (!whole || count.get<std::uint64_t>() > 1000000u) {
                error(rptr, "expected a whole number of seats (0 to 1000000), got " +
                                (count.is_number() ? count.dump() : type_name(count)));
                continue;
            }
            kr.roles[*role] = static_cast<int>(count.get<std::uint64_t>());
        }
    }

    std::vector<Diagnostic> m_errors;
};


}  // namespace

RepresentationRules parse_representation_rules(std::string_view text, std::string_view file) {
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw LoadError(std::string(file), {detail::nlohmann_syntax_error(text, e)});
    }
    RulesParser parser;
    RepresentationRules rules = parser.parse(doc);
    auto errors = parser.take_errors();
    if (!errors.empty()) throw LoadError(std::string(file), std::move(errors));
    return rules;
}

const RepresentationRules& default_representation_rules() {
    // Parsed once on first use; immutable afterwards, so this is a constant, not state. The
    // text is checked by the test suite, so a bad edit to the rules file fails the tests.
    static const RepresentationRules rules = parse_representation_rules(
        generated::expected_partners_json, "datasets/rules/expected-partners.json");
    return rules;
}

// [SECTION] What a board expects

std::vector<bool> areas_with_children(const Dataset& d) {
    std::vector<bool> has_children(d.areas.size(), false);
    for (const Area& a : d.areas)
        if (a.parent)
            if (auto p = d.find_area(*a.parent)) has_children[*p] = true;
    return has_children;
}

BoardExpectation board_expectation(const RepresentationRules& rules, const Dataset& d,
                                   const Board& b, const std::vector<bool>& has_children) {
    BoardExpectation out;
    out.slot.fill(BoardExpectation::k_none);
    const auto kit = rules.kinds.find(b.kind);
    if (kit == rules.kinds.end()) return out;
    const KindRules& kr = kit->second;
    const bool two_tier =
        std::any_of(b.footprint.begin(), b.footprint.end(), [&](const AreaId& id) {
            const auto a = d.find_area(id);
            return a && *a < has_children.size() && has_children[*a];
        });
    for (Sector s : kr.sectors) {
        if (auto c = kr.conditional.find(s);
            c != kr.conditional.end() && c->second == RuleCondition::two_tier && !two_tier)
            continue;
        out.slot[static_cast<std::size_t>(s)] = static_cast<int>(out.sectors.size());
        out.sectors.push_back(s);
    }
    // Stand-ins only fill sectors not expected themselves, in rules order: the first expected
    // sector naming a stand-in gets its seats.
    for (Sector e : out.sectors) {
        const auto sub = kr.satisfied_by.find(e);
        if (sub == kr.satisfied_by.end()) continue;
        for (Sector t : sub->second)
            if (out.slot[static_cast<std::size_t>(t)] == BoardExpectation::k_none)
                out.slot[static_cast<std::size_t>(t)] = out.slot[static_cast<std::size_t>(e)];
    }
    return out;
}

// [SECTION] The analysis

namespace {

constexpr std::size_t k_sector_count = BoardExpectation::k_sectors;
constexpr int k_no_slot = BoardExpectation::k_none;

/// One seat per person on a board: the first counted membership in file order. `memberships`
/// is in file order; the result is in person order.
std::vector<std::size_t> first_seats(const detail::SeatRefs& refs,
                                     std::vector<std::size_t> memberships) {
    std::stable_sort(memberships.begin(), memberships.end(), [&](std::size_t x, std::size_t y) {
        return refs.person[x] < refs.person[y];
    });
    memberships.erase(std::unique(memberships.begin(), memberships.end(),
                                  [&](std::size_t x, std::size_t y) {
                                      return refs.person[x] == refs.person[y];
                                  }),
                      memberships.end());
    return memberships;
}

}  // namespace

RepresentationResult compute_representation(const Dataset& d, const AnalysisOptions& opts,
                                            const RepresentationRules& rules) {
    RepresentationResult result;
    result.as_of = analysis_date(d, opts);
    const detail::SeatRefs refs = detail::resolve_seats(d);
    const Activity act = detail::compute_activity(d, result.as_of, refs);

    const std::vector<bool> has_children = areas_with_children(d);

    // Counted memberships of each active top-level board itself (sub-group seats excluded).
    std::vector<std::vector<std::size_t>> on_board(d.boards.size());  /// by board index
    for (std::size_t mi = 0; mi < d.memberships.size(); ++mi) {
        if (!act.membership_counted[mi]) continue;
        const std::size_t bi = refs.board[mi];
        if (bi != detail::k_no_index && !d.boards[bi].parent) on_board[bi].push_back(mi);
    }

    std::vector<std::size_t> boards;
    for (std::size_t i = 0; i < d.boards.size(); ++i)
        if (act.board_active[i] && !d.boards[i].parent) boards.push_back(i);
    std::sort(boards.begin(), boards.end(), [&](std::size_t x, std::size_t y) {
        return d.boards[x].id.value < d.boards[y].id.value;
    });

    const KindRules no_rules;  // kinds without rules expect nothing
    result.boards.reserve(boards.size());
    for (std::size_t bi : boards) {
        const Board& board = d.boards[bi];
        const auto kit = rules.kinds.find(board.kind);
        const KindRules& kr = kit == rules.kinds.end() ? no_rules : kit->second;
        const BoardExpectation expectation = board_expectation(rules, d, board, has_children);

        BoardRepresentation out;
        out.id = board.id.value;
        out.kind = board.kind;
        for (Sector s : expectation.sectors) {
            SectorPresence e;
            e.sector = s;
            out.expected.push_back(e);
        }
        // Which expected entry (if any) a seat of each sector counts towards.
        const auto& slot = expectation.slot;
        for (const auto& [role, n] : kr.roles) out.roles.push_back(RolePresence{role, n, 0});

        std::array<int, k_sector_count> other{};
        for (std::size_t mi : first_seats(refs, on_board[bi])) {
            const Membership& m = d.memberships[mi];
            for (RolePresence& r : out.roles)
                if (r.role == m.role) ++r.seats;
            const std::size_t ai = refs.agency[mi];
            const Sector sector = ai == detail::k_no_index ? Sector::independent
                                                           : d.agencies[ai].sector;
            const int k = slot[static_cast<std::size_t>(sector)];
            if (k == k_no_slot) {
                ++other[static_cast<std::size_t>(sector)];
                continue;
            }
            SectorPresence& e = out.expected[static_cast<std::size_t>(k)];
            e.present = true;
            ++e.seats;
            const bool senior = m.seniority == Seniority::senior;
            if (senior) ++e.senior;
            switch (m.attendance) {
                case Attendance::regular:
                    ++e.regular;
                    if (senior) ++e.senior_regular;
                    break;
                case Attendance::sporadic: ++e.sporadic; break;
                case Attendance::never: ++e.never; break;
                case Attendance::unknown: break;
            }
        }
        for (std::size_t s = 0; s < k_sector_count; ++s)
            if (other[s] > 0)
                out.other_sectors.push_back(
                    SectorSeats{std::string(to_string(static_cast<Sector>(s))), other[s]});
        std::sort(out.other_sectors.begin(), out.other_sectors.end(),
                  [](const SectorSeats& x, const SectorSeats& y) {
                      if (x.seats != y.seats) return x.seats > y.seats;
                      return x.sector < y.sector;
                  });
        result.boards.push_back(std::move(out));
    }
    return result;
}

}  // namespace boardscape
