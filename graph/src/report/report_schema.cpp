// The field descriptions of each report's lists. Each line is one field in every format: the
// JSON key of DESIGN §5 (in the contract's order), the table column (named like the JSON key,
// except the entity id, which the table calls by its type), the cell type and the getter.
#include "report_schema.hpp"

#include <algorithm>
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

std::string format_cell(const Value& v, CellType type) {
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
    };
    return std::visit(Visitor{type}, v);
}

// [SECTION] Overlap

Schema<BoardPair> board_pairs() {
    using R = BoardPair;
    return {{
        {"a", "a", CellType::text, [](const R& p) { return Value(p.a); }},
        {"b", "b", CellType::text, [](const R& p) { return Value(p.b); }},
        {"shared", "shared", CellType::integer, [](const R& p) { return integer(p.shared); }},
        {"jaccard", "jaccard", CellType::share, [](const R& p) { return Value(p.jaccard); }},
        {"min_overlap", "min_overlap", CellType::share,
         [](const R& p) { return Value(p.min_overlap); }},
        {"newman_weight", "newman_weight", CellType::number,
         [](const R& p) { return Value(p.newman_weight); }},
    }, {}};
}

Schema<PersonBoards> overlap_people(const OverlapResult& r) {
    using R = PersonBoards;
    const auto* chairs = &r.chairs_of_several;
    return {{
        {"id", "person", CellType::text, [](const R& p) { return Value(p.id); }, true},
        {"boards", "boards", CellType::integer, [](const R& p) { return integer(p.boards); }},
        {"", "chair_of_several", CellType::text,
         [chairs](const R& p) {
             const bool chair = std::binary_search(chairs->begin(), chairs->end(), p.id);
             return chair ? Value(std::string("yes")) : Value(std::monostate{});
         }},
    }, {}};
}

Schema<Broker> brokers() {
    using R = Broker;
    return {{
        {"id", "id", CellType::text, [](const R& b) { return Value(b.id); }, true},
        {"type", "type", CellType::text,
         [](const R& b) { return Value(std::string(to_string(b.type))); }},
        {"betweenness", "betweenness", CellType::share,
         [](const R& b) { return Value(b.betweenness); }},
    }, {}};
}

// [SECTION] Boundaries

Schema<BoardBoundaries> boundary_boards() {
    using R = BoardBoundaries;
    return {{
        {"id", "board", CellType::text, [](const R& b) { return Value(b.id); }, true},
        {"kind", "kind", CellType::text,
         [](const R& b) { return Value(std::string(to_string(b.kind))); }},
        // JSON lists the partners; the table counts them.
        {"partners", "partners", CellType::integer, [](const R& b) { return Value(b.partners); }},
        {"coterminosity", "coterminosity", CellType::share,
         [](const R& b) { return optional_number(b.coterminosity); }},
        {"straddling", "straddling", CellType::text,
         [](const R& b) { return Value(b.straddling); }},
    }, {}};
}

// [SECTION] Load

Schema<PersonLoad> load_people() {
    using R = PersonLoad;
    return {{
        {"id", "person", CellType::text, [](const R& p) { return Value(p.id); }, true},
        {"seats", "seats", CellType::integer, [](const R& p) { return integer(p.seats); }},
        {"boards", "boards", CellType::integer, [](const R& p) { return integer(p.boards); }},
        {"meetings", "meetings", CellType::number, [](const R& p) { return Value(p.meetings); }},
        {"hours", "hours", CellType::hours, [](const R& p) { return Value(p.hours); }},
        {"attended_hours", "attended_hours", CellType::hours,
         [](const R& p) { return Value(p.attended_hours); }},
    }, {}};
}

Schema<AgencyLoad> load_agencies() {
    using R = AgencyLoad;
    return {{
                {"id", "agency", CellType::text, [](const R& a) { return Value(a.id); }, true},
                {"sector", "sector", CellType::text,
                 [](const R& a) { return Value(std::string(to_string(a.sector))); }},
                {"seats", "seats", CellType::integer, [](const R& a) { return integer(a.seats); }},
                {"people", "people", CellType::integer,
                 [](const R& a) { return integer(a.people); }},
                {"boards", "boards", CellType::integer,
                 [](const R& a) { return integer(a.boards); }},
                {"meetings", "meetings", CellType::number,
                 [](const R& a) { return Value(a.meetings); }},
                {"hours", "hours", CellType::hours, [](const R& a) { return Value(a.hours); }},
                {"attended_hours", "attended_hours", CellType::hours,
                 [](const R& a) { return Value(a.attended_hours); }},
            },
            // People before seats in the table: "how many of ours sit there" reads first.
            {"agency", "sector", "people", "seats", "boards", "meetings", "hours",
             "attended_hours"}};
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

}  // namespace boardscape::report::schema
