// The field descriptions of each report's lists. Each line is one field in every format: the
// JSON key of DESIGN §5 (in the contract's order), the table column (named like the JSON key,
// except the entity id, which the table calls by its type), the cell type and the getter.
#include "report_schema.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace boardscape::report::schema {

namespace {

std::string join(const Strings& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) s += ", ";
        s += items[i];
    }
    return s;
}

/// "health 8, council 3": counts largest first, ties by name.
std::string count_list(const Counts& m) {
    std::vector<std::pair<std::string, int>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    Strings parts;
    parts.reserve(v.size());
    for (const auto& [k, n] : v) parts.push_back(k + " " + std::to_string(n));
    return join(parts);
}

Value optional_text(const std::optional<std::string>& s) {
    return s ? Value(*s) : Value(std::monostate{});
}
Value optional_number(const std::optional<double>& v) {
    return v ? Value(*v) : Value(std::monostate{});
}
Value integer(int n) { return Value(static_cast<long long>(n)); }

}  // namespace

std::string format_cell(const Value& v, CellType type, bool sign) {
    struct Visitor {
        CellType type;
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(long long n) const { return std::to_string(n); }
        std::string operator()(double x) const {
            return type == CellType::hours ? format_hours(x) : format_number(x);
        }
        std::string operator()(const Counts& m) const {
            if (type != CellType::integer) return count_list(m);
            long long n = 0;
            for (const auto& [k, c] : m) n += c;
            return std::to_string(n);
        }
        std::string operator()(const Strings& s) const {
            return type == CellType::integer ? std::to_string(s.size()) : join(s);
        }
        std::string operator()(bool b) const { return b ? "yes" : "no"; }
        std::string operator()(const Texts& m) const {
            Strings parts;
            for (const auto& [k, text] : m) parts.push_back(k + " " + text);
            return join(parts);
        }
    };
    std::string text = std::visit(Visitor{type}, v);
    // The sign goes on the raw value: a tiny positive change still reads "+0.0", never "0.0".
    if (sign && cell_number(v, type) > 0) text.insert(text.begin(), '+');
    return text;
}

double cell_number(const Value& v, CellType type) {
    const double none = std::numeric_limits<double>::quiet_NaN();
    if (const auto* n = std::get_if<long long>(&v)) return static_cast<double>(*n);
    if (const auto* x = std::get_if<double>(&v)) return *x;
    if (type != CellType::integer) return none;
    if (const auto* c = std::get_if<Counts>(&v)) {
        long long n = 0;
        for (const auto& [k, m] : *c) n += m;
        return static_cast<double>(n);
    }
    if (const auto* s = std::get_if<Strings>(&v)) return static_cast<double>(s->size());
    return none;
}

// [SECTION] Key orders

bool kind_less(const std::string& a, const std::string& b) {
    const auto ka = parse_board_kind(a);
    const auto kb = parse_board_kind(b);
    if (ka && kb) return *ka < *kb;
    if (ka != kb) return ka.has_value();
    return a < b;
}
bool sector_less(const std::string& a, const std::string& b) {
    const auto sa = parse_sector(a);
    const auto sb = parse_sector(b);
    if (sa && sb) return *sa < *sb;
    if (sa != sb) return sa.has_value();
    return a < b;
}
bool role_less(const std::string& a, const std::string& b) {
    const auto ra = parse_role(a);
    const auto rb = parse_role(b);
    if (ra && rb) return *ra < *rb;
    if (ra != rb) return ra.has_value();
    return a < b;
}

// [SECTION] Overlap

Schema<BoardPair> board_pairs() {
    using R = BoardPair;
    return {
        {
            {"a", "a", CellType::text, [](const R& p) { return Value(p.a); }},
            {"b", "b", CellType::text, [](const R& p) { return Value(p.b); }},
            {"shared", "shared", CellType::integer, [](const R& p) { return integer(p.shared); }},
            {"jaccard", "jaccard", CellType::share, [](const R& p) { return Value(p.jaccard); }},
            {"min_overlap", "min_overlap", CellType::share,
             [](const R& p) { return Value(p.min_overlap); }},
            {"newman_weight", "newman_weight", CellType::number,
             [](const R& p) { return Value(p.newman_weight); }},
        },
        {},
        {}};
}

Schema<PersonBoards> overlap_people(const OverlapResult& r) {
    using R = PersonBoards;
    const auto* chairs = &r.chairs_of_several;
    return {
        {
            {"id", "person", CellType::text, [](const R& p) { return Value(p.id); }, true},
            {"boards", "boards", CellType::integer, [](const R& p) { return integer(p.boards); }},
            {"", "chair_of_several", CellType::text,
             [chairs](const R& p) {
                 const bool chair = std::binary_search(chairs->begin(), chairs->end(), p.id);
                 return chair ? Value(std::string("yes")) : Value(std::monostate{});
             }},
        },
        {},
        {}};
}

Schema<Broker> brokers() {
    using R = Broker;
    return {{
                {"id", "id", CellType::text, [](const R& b) { return Value(b.id); }, true},
                {"type", "type", CellType::text,
                 [](const R& b) { return Value(std::string(to_string(b.type))); }},
                {"betweenness", "betweenness", CellType::share,
                 [](const R& b) { return Value(b.betweenness); }},
            },
            {},
            {}};
}

Schema<OverlapResult> overlap_report(const OverlapResult& r) {
    using R = OverlapResult;
    Schema<R> s{{
        {"as_of", "", CellType::text,
         [](const R& x) { return x.as_of ? Value(x.as_of->str()) : Value(); }},
        {"", "board pairs sharing people", CellType::integer,
         [](const R& x) { return Value(static_cast<long long>(x.board_pairs.size())); }},
        {"multi_board_people", "multi_board_people", CellType::integer,
         [](const R& x) { return integer(x.multi_board_people); }},
        {"interlock_density", "interlock_density", CellType::share,
         [](const R& x) { return optional_number(x.interlock_density); }},
        // JSON lists the chairs; the table counts them.
        {"chairs_of_several", "chairs_of_several", CellType::integer,
         [](const R& x) { return Value(x.chairs_of_several); }},
        {"", "brokers", CellType::text,
         [](const R& x) {
             return Value(std::string(x.brokers_estimated ? "estimated" : "exact"));
         }},
        {"estimated", "", CellType::text, [](const R& x) { return Value(x.brokers_estimated); }},
    }};
    s.nested.push_back(
        nested<R>("board_pairs", "board_pairs", board_pairs(),
                  [](const R& x) -> const std::vector<BoardPair>& { return x.board_pairs; }));
    s.nested.push_back(
        nested<R>("people", "people", overlap_people(r),
                  [](const R& x) -> const std::vector<PersonBoards>& { return x.people; }));
    s.nested.push_back(
        nested<R>("brokers", "brokers", brokers(),
                  [](const R& x) -> const std::vector<Broker>& { return x.brokers; }));
    s.json_order = {"as_of",
                    "board_pairs",
                    "people",
                    "multi_board_people",
                    "interlock_density",
                    "chairs_of_several",
                    "brokers",
                    "estimated"};
    return s;
}

// [SECTION] Boundaries

Schema<AgencyBoundaries> boundary_agencies() {
    using R = AgencyBoundaries;
    // A patch board's kind with its expected and patch counts (the agency_kinds companion).
    struct KindRow {
        std::string kind;
        int expected = 0;
        int patch = 0;
    };
    Schema<KindRow> by_kind{
        {
            {"kind", "kind", CellType::text, [](const KindRow& k) { return Value(k.kind); }},
            {"expected_boards", "expected_boards", CellType::integer,
             [](const KindRow& k) { return integer(k.expected); }},
            {"boards_to_attend", "boards_to_attend", CellType::integer,
             [](const KindRow& k) { return integer(k.patch); }},
        },
        {},
        {}};
    using Rel = AgencyBoardRelation;
    Schema<Rel> relation{
        {
            {"board", "board", CellType::text, [](const Rel& x) { return Value(x.board); }},
            {"relation", "relation", CellType::text,
             [](const Rel& x) { return Value(std::string(to_string(x.relation))); }},
            omit_null(Field<Rel>{"overlap_share", "overlap_share", CellType::share,
                                 [](const Rel& x) { return optional_number(x.overlap_share); }}),
        },
        {},
        {}};
    Schema<R> s{{
                    {"id", "agency", CellType::text, [](const R& a) { return Value(a.id); }, true},
                    {"sector", "sector", CellType::text,
                     [](const R& a) { return Value(std::string(to_string(a.sector))); }},
                    // JSON gives the counts by kind; the table their total.
                    {"boards_to_attend", "boards_to_attend", CellType::integer,
                     [](const R& a) { return Value(a.boards_to_attend); }},
                    {"meetings_to_attend", "meetings_to_attend", CellType::number,
                     [](const R& a) { return Value(a.meetings_to_attend); }},
                    {"expected_boards", "expected_boards", CellType::integer,
                     [](const R& a) { return Value(a.expected_boards); }},
                    {"expected_meetings", "expected_meetings", CellType::number,
                     [](const R& a) { return Value(a.expected_meetings); }},
                    {"expected_hours", "expected_hours", CellType::hours,
                     [](const R& a) { return Value(a.expected_hours); }},
                    // The table breaks expected_boards down by kind: the duty is what a planner
                    // reads first; the patch by kind is in the agency_kinds companion.
                    spread(Field<R>{"", "expected_by_kind", CellType::integer,
                                    [](const R& a) { return Value(a.expected_boards); }},
                           &kind_less),
                    {"", "straddles", CellType::integer,
                     [](const R& a) {
                         return integer(static_cast<int>(std::count_if(
                             a.relations.begin(), a.relations.end(), [](const Rel& x) {
                                 return x.relation == BoundaryRelation::straddles;
                             })));
                     }},
                },
                {"agency", "sector", "expected_boards", "expected_meetings", "expected_hours",
                 "expected_by_kind", "boards_to_attend", "meetings_to_attend", "straddles"},
                {}};
    s.nested.push_back(
        nested<R>("relations", "relations", relation,
                  [](const R& a) -> const std::vector<Rel>& { return a.relations; }));
    s.nested.push_back(nested<R>("agency_kinds", "", by_kind, [](const R& a) {
        std::vector<KindRow> rows;  // patch kinds; every expected board is in the patch
        for (const auto& [k, n] : a.boards_to_attend) {
            const auto e = a.expected_boards.find(k);
            rows.push_back({k, e == a.expected_boards.end() ? 0 : e->second, n});
        }
        std::sort(rows.begin(), rows.end(),
                  [](const KindRow& x, const KindRow& y) { return kind_less(x.kind, y.kind); });
        return rows;
    }));
    return s;
}

Schema<BoardBoundaries> boundary_boards() {
    using R = BoardBoundaries;
    return {{
                {"id", "board", CellType::text, [](const R& b) { return Value(b.id); }, true},
                {"kind", "kind", CellType::text,
                 [](const R& b) { return Value(std::string(to_string(b.kind))); }},
                // JSON lists the partners; the table counts them.
                {"partners", "partners", CellType::integer,
                 [](const R& b) { return Value(b.partners); }},
                {"coterminosity", "coterminosity", CellType::share,
                 [](const R& b) { return optional_number(b.coterminosity); }},
                {"straddling", "straddling", CellType::text,
                 [](const R& b) { return Value(b.straddling); }},
            },
            {},
            {}};
}

// [SECTION] Load

Schema<PersonLoad> load_people() {
    using R = PersonLoad;
    return {
        {
            {"id", "person", CellType::text, [](const R& p) { return Value(p.id); }, true},
            {"seats", "seats", CellType::integer, [](const R& p) { return integer(p.seats); }},
            {"boards", "boards", CellType::integer, [](const R& p) { return integer(p.boards); }},
            {"meetings", "meetings", CellType::number,
             [](const R& p) { return Value(p.meetings); }},
            {"hours", "hours", CellType::hours, [](const R& p) { return Value(p.hours); }},
            {"attended_hours", "attended_hours", CellType::hours,
             [](const R& p) { return Value(p.attended_hours); }},
        },
        {},
        {}};
}

Schema<AgencyLoad> load_agencies() {
    using R = AgencyLoad;
    return {
        {
            {"id", "agency", CellType::text, [](const R& a) { return Value(a.id); }, true},
            {"sector", "sector", CellType::text,
             [](const R& a) { return Value(std::string(to_string(a.sector))); }},
            {"seats", "seats", CellType::integer, [](const R& a) { return integer(a.seats); }},
            {"people", "people", CellType::integer, [](const R& a) { return integer(a.people); }},
            {"boards", "boards", CellType::integer, [](const R& a) { return integer(a.boards); }},
            {"meetings", "meetings", CellType::number,
             [](const R& a) { return Value(a.meetings); }},
            {"hours", "hours", CellType::hours, [](const R& a) { return Value(a.hours); }},
            {"attended_hours", "attended_hours", CellType::hours,
             [](const R& a) { return Value(a.attended_hours); }},
        },
        // People before seats in the table: "how many of ours sit there" reads first.
        {"agency", "sector", "people", "seats", "boards", "meetings", "hours", "attended_hours"}};
}

Schema<BoardLoad> load_boards() {
    using R = BoardLoad;
    return {{
                {"id", "board", CellType::text, [](const R& b) { return Value(b.id); }, true},
                {"seats", "seats", CellType::integer, [](const R& b) { return integer(b.seats); }},
                {"seats_by_sector", "", CellType::text,
                 [](const R& b) { return Value(b.seats_by_sector); }},
                {"seats_by_group", "seats_by_group", CellType::text,
                 [](const R& b) { return Value(b.seats_by_group); }},
                {"largest_sector", "largest_sector", CellType::text,
                 [](const R& b) { return optional_text(b.largest_sector); }},
                {"largest_sector_seats", "largest_sector_seats", CellType::integer,
                 [](const R& b) { return integer(b.largest_sector_seats); }},
                {"largest_group", "largest_group", CellType::text,
                 [](const R& b) { return optional_text(b.largest_group); }},
                {"largest_group_seats", "largest_group_seats", CellType::integer,
                 [](const R& b) { return integer(b.largest_group_seats); }},
            },
            // The table leads with the largest group (the "one agency dominates" question).
            {"board", "seats", "largest_group", "largest_group_seats", "largest_sector",
             "largest_sector_seats", "seats_by_group"}};
}

// [SECTION] Representation

Schema<BoardRepresentation> representation_boards() {
    using R = BoardRepresentation;
    using SP = SectorPresence;
    using RP = RolePresence;
    using SS = SectorSeats;
    Schema<SP> sector{
        {
            {"sector", "sector", CellType::text,
             [](const SP& x) { return Value(std::string(to_string(x.sector))); }},
            {"status", "status", CellType::text,
             [](const SP& x) { return Value(std::string(x.present ? "present" : "absent")); }},
            {"seats", "seats", CellType::integer, [](const SP& x) { return integer(x.seats); }},
            {"senior", "senior", CellType::integer, [](const SP& x) { return integer(x.senior); }},
            {"regular", "regular", CellType::integer,
             [](const SP& x) { return integer(x.regular); }},
            {"sporadic", "sporadic", CellType::integer,
             [](const SP& x) { return integer(x.sporadic); }},
            {"never", "never", CellType::integer, [](const SP& x) { return integer(x.never); }},
            {"senior_regular", "senior_regular", CellType::integer,
             [](const SP& x) { return integer(x.senior_regular); }},
        },
        {},
        {}};
    Schema<RP> role{
        {
            {"role", "role", CellType::text,
             [](const RP& x) { return Value(std::string(to_string(x.role))); }},
            {"expected", "expected", CellType::integer,
             [](const RP& x) { return integer(x.expected); }},
            {"seats", "seats", CellType::integer, [](const RP& x) { return integer(x.seats); }},
        },
        {},
        {}};
    Schema<SS> other{
        {
            {"sector", "sector", CellType::text, [](const SS& x) { return Value(x.sector); }},
            {"seats", "seats", CellType::integer, [](const SS& x) { return integer(x.seats); }},
        },
        {},
        {}};
    // The table is a matrix: one column per sector and role expected of any board, in
    // vocabulary order. No name column: the matrix is already wide, and board ids read well.
    Schema<R> s{
        {
            {"id", "board", CellType::text, [](const R& b) { return Value(b.id); }},
            {"kind", "kind", CellType::text,
             [](const R& b) { return Value(std::string(to_string(b.kind))); }},
            spread(right_aligned(Field<R>{"", "expected_sectors", CellType::text,
                                          [](const R& b) {
                                              Texts cells;
                                              for (const auto& e : b.expected)
                                                  cells[std::string(to_string(e.sector))] =
                                                      e.present
                                                          ? std::to_string(e.seats) + " (" +
                                                                std::to_string(e.senior_regular) +
                                                                ")"
                                                          : std::string("absent");
                                              return Value(std::move(cells));
                                          }}),
                   &sector_less),
            spread(right_aligned(Field<R>{"", "expected_roles", CellType::text,
                                          [](const R& b) {
                                              Texts cells;
                                              for (const auto& r : b.roles)
                                                  cells[std::string(to_string(r.role))] =
                                                      std::to_string(r.seats) + "/" +
                                                      std::to_string(r.expected);
                                              return Value(std::move(cells));
                                          }}),
                   &role_less),
            {"", "other_sectors", CellType::text,
             [](const R& b) {
                 Strings parts;  // in the analysis' order: most seats first
                 for (const auto& o : b.other_sectors)
                     parts.push_back(o.sector + " " + std::to_string(o.seats));
                 return Value(std::move(parts));
             }},
        },
        {},
        {}};
    s.nested.push_back(nested<R>("sectors", "expected", sector,
                                 [](const R& b) -> const std::vector<SP>& { return b.expected; }));
    s.nested.push_back(nested<R>("roles", "roles", role,
                                 [](const R& b) -> const std::vector<RP>& { return b.roles; }));
    s.nested.push_back(
        nested<R>("other_sectors", "other_sectors", other,
                  [](const R& b) -> const std::vector<SS>& { return b.other_sectors; }));
    return s;
}

}  // namespace boardscape::report::schema
