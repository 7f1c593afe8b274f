// Validation of a parsed document into a Dataset (DESIGN §3). Two passes: the first indexes
// every entity id and finds parent/successor cycles; the second walks the document in order,
// building the dataset and collecting every error and warning with its JSON pointer, so the
// messages come out in document order without sorting.
#include "boardscape/suggest.hpp"
#include "json_internal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <unordered_map>
#include <vector>

namespace boardscape::detail {

namespace {

std::string_view describe(JsonRef v) {
    switch (v.kind()) {
        case JsonKind::null: return "null";
        case JsonKind::boolean: return "a boolean";
        case JsonKind::integer:
        case JsonKind::unsigned_integer:
        case JsonKind::real: return "a number";
        case JsonKind::string: return "a string";
        case JsonKind::array: return "an array";
        case JsonKind::object: return "an object";
    }
    return "an unsupported value";
}

bool is_non_finite(JsonRef v) { return v.kind() == JsonKind::real && !std::isfinite(v.node().number.d); }

std::string_view with_article(EntityType t) {
    switch (t) {
        case EntityType::area: return "an area";
        case EntityType::agency: return "an agency";
        case EntityType::board: return "a board";
        case EntityType::person: return "a person";
    }
    return "an entity";
}

std::string_view array_name(EntityType t) {
    switch (t) {
        case EntityType::area: return "areas";
        case EntityType::agency: return "agencies";
        case EntityType::board: return "boards";
        case EntityType::person: return "people";
    }
    return "";
}

std::size_t type_slot(EntityType t) { return static_cast<std::size_t>(t); }

std::string in_quotes(std::string_view s) { return "'" + printable(s) + "'"; }

// [SECTION] Edit distance for "did you mean"

/// Total edit-distance work allowed per load, so a file with thousands of bad references
/// against thousands of ids still validates quickly (suggestions simply stop).
constexpr std::size_t k_suggestion_budget_cells = 20'000'000;

// [SECTION] The builder

struct IdEntry {
    EntityType type;
    std::size_t index;  // in that type's array
};

/// What the first pass keeps of an area or board: enough to follow parent/successor links.
struct RawLinks {
    bool first = false;  // this element's id is the first occurrence
    std::string_view id;
    std::optional<std::string_view> parent;
    std::optional<std::string_view> successor;
};

class Builder {
public:
    Builder(JsonRef root, const JsonDocument& doc, std::string_view file) : m_root(root), m_doc(&doc), m_file(file) {}

    LoadResult run() {
        if (!m_root.is_object()) {
            error("expected a JSON object (a Boardscape document), got " + std::string(describe(m_root)));
            throw LoadError(std::string(m_file), std::move(m_errors));
        }
        index_entities();
        m_area_parent_cycles = find_cycles(m_area_links, EntityType::area, &RawLinks::parent, "parent");
        m_board_parent_cycles = find_cycles(m_board_links, EntityType::board, &RawLinks::parent, "parent");
        m_board_successor_cycles = find_cycles(m_board_links, EntityType::board, &RawLinks::successor, "successor");
        walk_root();
        if (!m_errors.empty()) throw LoadError(std::string(m_file), std::move(m_errors));
        m_out.reindex();
        LoadResult result;
        result.dataset = std::move(m_out);
        result.warnings = std::move(m_warnings);
        return result;
    }

private:
    // [SECTION] Pointers and diagnostics

    /// Extends the current JSON pointer for the lifetime of the scope.
    class Scope {
    public:
        Scope(Builder& b, std::string_view key) : m_b(b), m_len(b.m_path.size()) {
            append_pointer_token(b.m_path, key);
        }
        Scope(Builder& b, std::size_t index) : m_b(b), m_len(b.m_path.size()) {
            b.m_path += '/';
            b.m_path += std::to_string(index);
        }
        ~Scope() { m_b.m_path.resize(m_len); }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        Builder& m_b;
        std::size_t m_len;
    };

    void error(std::string message) {
        m_errors.push_back(Diagnostic{Severity::error, m_path, 0, 0, std::move(message)});
    }
    void warning(std::string message) {
        m_warnings.push_back(Diagnostic{Severity::warning, m_path, 0, 0, std::move(message)});
    }
    void error_at(std::string_view key, std::string message) {
        Scope s(*this, key);
        error(std::move(message));
    }
    void missing(std::string_view key) { error_at(key, "missing required field '" + std::string(key) + "'"); }
    void wrong_type(std::string_view expected, JsonRef v) {
        error("expected " + std::string(expected) + ", got " + std::string(describe(v)));
    }
    void unknown_key(std::string_view key, JsonRef v) {
        warning("unknown key " + in_quotes(key) + " (ignored)");
        check_finite_tree(v);
    }

    /// Reports every number in a subtree that overflowed to infinity (views, ignored keys).
    /// One pass over the flat nodes in document order, with a stack of the open containers,
    /// so it is linear however many numbers overflow and however deep the nesting.
    void check_finite_tree(JsonRef root) {
        const auto& nodes = m_doc->nodes;
        const std::size_t base = m_path.size();
        if (!root.is_structured()) {
            if (is_non_finite(root)) non_finite();
            return;
        }
        struct Open {
            std::uint32_t end;
            std::uint32_t next_position;
            std::size_t path_len;
            bool object;
        };
        std::vector<Open> open{{root.node().end, 0, base, root.is_object()}};
        for (std::uint32_t i = root.index() + 1; i < root.node().end; ++i) {
            while (open.back().end <= i) open.pop_back();  // the root's frame is never popped
            Open& parent = open.back();
            const std::uint32_t position = parent.next_position++;
            const bool in_object = parent.object;
            m_path.resize(parent.path_len);
            const JsonNode& n = nodes[i];
            const bool structured = n.kind == JsonKind::array || n.kind == JsonKind::object;
            const bool bad = n.kind == JsonKind::real && !std::isfinite(n.number.d);
            if (!structured && !bad) continue;
            if (in_object) append_pointer_token(m_path, JsonRef(*m_doc, i).key());
            else m_path += "/" + std::to_string(position);
            if (bad) non_finite();
            else open.push_back({n.end, 0, m_path.size(), n.kind == JsonKind::object});
        }
        m_path.resize(base);
    }

    void non_finite() { error("number out of range: it overflows a double (not finite)"); }

    // [SECTION] Suggestions

    std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates) {
        const std::size_t bound = std::max<std::size_t>(2, word.size() / 3);
        std::size_t best = bound + 1;
        std::string_view best_word;
        for (const std::string_view c : candidates) {
            if (m_suggestion_cells > k_suggestion_budget_cells) break;
            const std::size_t d = edit_distance(word, c, std::min(bound, best - 1), &m_suggestion_cells);
            if (d < best && d <= bound) {
                best = d;
                best_word = c;
                if (d == 0) break;
            }
        }
        if (best > bound) return std::nullopt;
        return std::string(best_word);
    }

    std::optional<std::string> closest_id(std::string_view word, EntityType type) {
        std::string key = std::string(1, static_cast<char>('0' + type_slot(type)));
        key += word;
        if (const auto it = m_suggestion_cache.find(key); it != m_suggestion_cache.end()) return it->second;
        auto found = closest(word, m_ids_by_type[type_slot(type)]);
        m_suggestion_cache.emplace(std::move(key), found);
        return found;
    }

    // [SECTION] First pass: ids and cycles

    void index_entities() {
        std::size_t total = 0;
        for (const JsonRef value : m_root)
            if (value.is_array()) total += value.size();
        m_ids.reserve(total);
        for (const JsonRef value : m_root) {
            const std::string_view key = value.key();
            std::optional<EntityType> type;
            if (key == "areas") type = EntityType::area;
            else if (key == "agencies") type = EntityType::agency;
            else if (key == "boards") type = EntityType::board;
            else if (key == "people") type = EntityType::person;
            if (!type || !value.is_array()) continue;
            std::vector<RawLinks>* links = *type == EntityType::area    ? &m_area_links
                                           : *type == EntityType::board ? &m_board_links
                                                                        : nullptr;
            if (links) links->assign(value.size(), RawLinks{});
            std::size_t i = 0;
            for (const JsonRef item : value) {
                const std::size_t index = i++;
                if (!item.is_object()) continue;
                bool first = false;
                std::string_view id;
                for (const JsonRef member : item) {
                    const std::string_view name = member.key();
                    if (!member.is_string()) continue;
                    if (name == "id") id = member.str();
                    else if (links && name == "parent") (*links)[index].parent = member.str();
                    else if (links && name == "successor") (*links)[index].successor = member.str();
                }
                if (!id.empty()) {
                    first = m_ids.try_emplace(id, IdEntry{*type, index}).second;
                    if (first) m_ids_by_type[type_slot(*type)].push_back(id);
                }
                if (links) {
                    (*links)[index].first = first;
                    (*links)[index].id = id;
                }
            }
        }
    }

    /// Cycles of a one-link-per-node relation (parent or successor), each reported once, at
    /// its first member in document order. Linear: every node is walked once.
    std::unordered_map<std::size_t, std::string> find_cycles(const std::vector<RawLinks>& links, EntityType type,
                                                             std::optional<std::string_view> RawLinks::*link,
                                                             std::string_view what) const {
        std::unordered_map<std::size_t, std::string> found;
        auto next = [&](std::size_t i) -> std::optional<std::size_t> {
            const std::optional<std::string_view>& target = links[i].*link;
            if (!links[i].first || !target) return std::nullopt;
            const auto it = m_ids.find(*target);
            if (it == m_ids.end() || it->second.type != type) return std::nullopt;
            return it->second.index;
        };
        std::vector<std::size_t> stamp(links.size(), 0);
        for (std::size_t start = 0; start < links.size(); ++start) {
            if (stamp[start] != 0) continue;
            std::size_t cur = start;
            for (;;) {
                stamp[cur] = start + 1;
                const auto nx = next(cur);
                if (!nx) break;
                if (stamp[*nx] == 0) {
                    cur = *nx;
                    continue;
                }
                if (stamp[*nx] == start + 1) {  // closed a new cycle through *nx
                    std::vector<std::size_t> cycle{*nx};
                    for (auto k = next(*nx); k && *k != *nx; k = next(*k)) cycle.push_back(*k);
                    const auto first_it = std::min_element(cycle.begin(), cycle.end());
                    std::rotate(cycle.begin(), first_it, cycle.end());
                    std::string msg = std::string(what) + " cycle: ";
                    const std::size_t shown = std::min<std::size_t>(cycle.size(), 8);
                    for (std::size_t k = 0; k < shown; ++k) msg += in_quotes(links[cycle[k]].id) + " -> ";
                    if (shown < cycle.size())
                        msg += "… (" + std::to_string(cycle.size()) + " " + std::string(array_name(type)) + ") -> ";
                    msg += in_quotes(links[cycle.front()].id);
                    found.emplace(cycle.front(), std::move(msg));
                }
                break;
            }
        }
        return found;
    }

    // [SECTION] Typed readers (each reports at the current pointer)

    std::optional<std::string_view> string(JsonRef v, std::string_view expected = "a string") {
        if (!v.is_string()) {
            wrong_type(expected, v);
            return std::nullopt;
        }
        return v.str();
    }

    void optional_string(JsonRef v, std::optional<std::string>& out) {
        if (v.is_null()) return;
        if (const auto s = string(v)) out = std::string(*s);
    }

    std::string non_empty(JsonRef v, std::string_view what) {
        const auto s = string(v);
        if (!s) return {};
        if (s->empty()) error(std::string(what) + " must not be empty");
        return std::string(*s);
    }

    std::string id(JsonRef v, EntityType type, std::size_t index) {
        std::string s = non_empty(v, "id");
        if (s.empty()) return s;
        const auto it = m_ids.find(s);
        if (it != m_ids.end() && (it->second.type != type || it->second.index != index)) {
            error("duplicate id " + in_quotes(s) + " (first used at /" + std::string(array_name(it->second.type)) + "/" +
                  std::to_string(it->second.index) + "/id)");
        }
        return s;
    }

    std::optional<double> number(JsonRef v, bool non_negative) {
        if (!v.is_number()) {
            wrong_type("a number", v);
            return std::nullopt;
        }
        const double d = v.number();
        if (!std::isfinite(d)) {
            non_finite();
            return std::nullopt;
        }
        if (non_negative && d < 0) {
            error("must not be negative (got " + v.number_text() + ")");
            return std::nullopt;
        }
        return d;
    }

    void optional_date(JsonRef v, std::optional<Date>& out) {
        if (v.is_null()) return;
        const auto s = string(v, "a date string (YYYY-MM-DD)");
        if (!s) return;
        if (auto d = Date::parse(*s)) out = *d;
        else error("bad date " + in_quotes(*s) + "; expected YYYY-MM-DD with a real month and day");
    }

    void check_period(const std::optional<Date>& from, const std::optional<Date>& until) {
        if (from && until && *until < *from)
            error_at("until", "'until' (" + until->str() + ") is before 'from' (" + from->str() + ")");
    }

    /// A reference to an entity of `expected` type; nullopt (after reporting) when bad.
    std::optional<std::string> reference(JsonRef v, EntityType expected) {
        if (!v.is_string()) {
            wrong_type("a string (" + std::string(with_article(expected)) + " id)", v);
            return std::nullopt;
        }
        const std::string_view s = v.str();
        if (s.empty()) {
            error("empty reference; expected " + std::string(with_article(expected)) + " id");
            return std::nullopt;
        }
        const auto it = m_ids.find(s);
        std::string msg;
        if (it == m_ids.end()) msg = "no " + std::string(to_string(expected)) + " with id " + in_quotes(s);
        else if (it->second.type != expected)
            msg = in_quotes(s) + " is " + std::string(with_article(it->second.type)) + ", not " +
                  std::string(with_article(expected));
        else return std::string(s);
        if (auto c = closest_id(s, expected)) msg += "; did you mean " + in_quotes(*c) + "?";
        error(std::move(msg));
        return std::nullopt;
    }

    template <class Ref>
    void optional_reference(JsonRef v, EntityType expected, std::optional<Ref>& out) {
        if (v.is_null()) return;
        if (auto r = reference(v, expected)) out = Ref(std::move(*r));
    }

    template <class Ref>
    void required_reference(JsonRef v, EntityType expected, Ref& out) {
        if (auto r = reference(v, expected)) out = Ref(std::move(*r));
    }

    void footprint(JsonRef v, std::vector<AreaId>& out) {
        if (!v.is_array()) {
            wrong_type("an array of area ids", v);
            return;
        }
        if (v.size() == 0) error("footprint must list at least one area");
        std::size_t i = 0;
        for (const JsonRef item : v) {
            Scope s(*this, i++);
            if (auto r = reference(item, EntityType::area)) out.emplace_back(std::move(*r));
        }
    }

    template <class E>
    std::optional<E> vocabulary(JsonRef v, std::optional<E> (*parse)(std::string_view),
                                std::span<const std::string_view> names, std::string_view what) {
        if (!v.is_string()) {
            wrong_type("a string (" + std::string(what) + ")", v);
            return std::nullopt;
        }
        const std::string_view s = v.str();
        if (auto e = parse(s)) return e;
        std::string list;
        for (const auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
        std::string msg;
        if (what == "sector" && s == "independent")
            msg = "sector 'independent' is an output value only (a seat with no agency), not valid in a file; "
                  "expected one of: " + list;
        else msg = "unknown " + std::string(what) + " " + in_quotes(s) + "; expected one of: " + list;
        if (auto c = closest(s, names); c && *c != s) msg += " (did you mean " + in_quotes(*c) + "?)";
        error(std::move(msg));
        return std::nullopt;
    }

    template <class E>
    void required_vocabulary(JsonRef v, std::optional<E> (*parse)(std::string_view),
                             std::span<const std::string_view> names, std::string_view what, E& out) {
        if (auto e = vocabulary(v, parse, names, what)) out = *e;
    }

    void cycle_at(const std::unordered_map<std::size_t, std::string>& cycles, std::size_t index) {
        if (const auto it = cycles.find(index); it != cycles.end()) error(it->second);
    }

    /// Calls `each(item, index)` for every object of an entity array, in order.
    template <class F>
    void entity_array(JsonRef v, std::string_view what, F&& each) {
        if (v.is_null()) return;
        if (!v.is_array()) {
            wrong_type("an array of " + std::string(what), v);
            return;
        }
        std::size_t i = 0;
        for (const JsonRef item : v) {
            const std::size_t index = i++;
            Scope s(*this, index);
            if (!item.is_object()) wrong_type("an object", item);
            else each(item, index);
        }
    }

    // [SECTION] Second pass: the document in order

    void walk_root() {
        bool has_format = false, has_version = false;
        for (const JsonRef v : m_root) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "format") {
                has_format = true;
                if (const auto f = string(v, "the string \"boardscape\""); f && *f != "boardscape")
                    error("not a Boardscape file: format is " + in_quotes(*f) + ", expected 'boardscape'");
            } else if (key == "version") {
                has_version = true;
                if (const auto n = number(v, false); n && *n != 1)
                    error("unsupported version " + v.number_text() + "; this program reads version 1");
            } else if (key == "meta") {
                meta(v);
            } else if (key == "areas") {
                entity_array(v, "areas", [&](JsonRef j, std::size_t i) { area(j, i); });
            } else if (key == "agencies") {
                entity_array(v, "agencies", [&](JsonRef j, std::size_t i) { agency(j, i); });
            } else if (key == "boards") {
                entity_array(v, "boards", [&](JsonRef j, std::size_t i) { board(j, i); });
            } else if (key == "people") {
                entity_array(v, "people", [&](JsonRef j, std::size_t i) { person(j, i); });
            } else if (key == "memberships") {
                entity_array(v, "memberships", [&](JsonRef j, std::size_t) { membership(j); });
            } else if (key == "relations") {
                entity_array(v, "relations", [&](JsonRef j, std::size_t) { relation(j); });
            } else if (key == "layout") {
                layout(v);
            } else if (key == "views") {
                if (v.is_null()) continue;
                if (!v.is_array()) wrong_type("an array", v);
                else {
                    check_finite_tree(v);
                    m_out.views_json = v.to_json().dump();
                }
            } else {
                unknown_key(key, v);
            }
        }
        if (!has_format) missing("format");
        if (!has_version) missing("version");
    }

    void meta(JsonRef j) {
        if (j.is_null()) return;
        if (!j.is_object()) return wrong_type("an object", j);
        Meta& m = m_out.meta;
        bool has_title = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "title") {
                has_title = true;
                if (const auto t = string(v)) m.title = std::string(*t);
            } else if (key == "as_of") optional_date(v, m.as_of);
            else if (key == "description") optional_string(v, m.description);
            else if (key == "licence") optional_string(v, m.licence);
            else if (key == "sources") {
                if (v.is_null()) continue;
                if (!v.is_array()) {
                    wrong_type("an array of strings", v);
                    continue;
                }
                std::size_t i = 0;
                for (const JsonRef item : v) {
                    Scope si(*this, i++);
                    if (const auto src = string(item)) m.sources.emplace_back(*src);
                }
            } else unknown_key(key, v);
        }
        if (!has_title) missing("title");
    }

    void area(JsonRef j, std::size_t index) {
        Area a;
        bool has_id = false, has_name = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "id") {
                has_id = true;
                a.id.value = id(v, EntityType::area, index);
            } else if (key == "name") {
                has_name = true;
                a.name = non_empty(v, "name");
            } else if (key == "kind") optional_string(v, a.kind);
            else if (key == "parent") {
                optional_reference(v, EntityType::area, a.parent);
                cycle_at(m_area_parent_cycles, index);
            } else if (key == "code") optional_string(v, a.code);
            else if (key == "population") {
                if (!v.is_null()) a.population = number(v, true);
            } else unknown_key(key, v);
        }
        if (!has_id) missing("id");
        if (!has_name) missing("name");
        m_out.areas.push_back(std::move(a));
    }

    void agency(JsonRef j, std::size_t index) {
        Agency a;
        bool has_id = false, has_name = false, has_sector = false, has_footprint = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "id") {
                has_id = true;
                a.id.value = id(v, EntityType::agency, index);
            } else if (key == "name") {
                has_name = true;
                a.name = non_empty(v, "name");
            } else if (key == "sector") {
                has_sector = true;
                required_vocabulary(v, &parse_sector, sector_names(), "sector", a.sector);
            } else if (key == "footprint") {
                has_footprint = true;
                footprint(v, a.footprint);
            } else unknown_key(key, v);
        }
        if (!has_id) missing("id");
        if (!has_name) missing("name");
        if (!has_sector) missing("sector");
        if (!has_footprint) missing("footprint");
        m_out.agencies.push_back(std::move(a));
    }

    void board(JsonRef j, std::size_t index) {
        Board b;
        bool has_id = false, has_name = false, has_kind = false, has_footprint = false;
        bool has_meetings = false, has_hours = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "id") {
                has_id = true;
                b.id.value = id(v, EntityType::board, index);
            } else if (key == "name") {
                has_name = true;
                b.name = non_empty(v, "name");
            } else if (key == "kind") {
                has_kind = true;
                required_vocabulary(v, &parse_board_kind, board_kind_names(), "board kind", b.kind);
            } else if (key == "footprint") {
                has_footprint = true;
                footprint(v, b.footprint);
            } else if (key == "parent") {
                optional_reference(v, EntityType::board, b.parent);
                cycle_at(m_board_parent_cycles, index);
            } else if (key == "meetings_per_year") {
                has_meetings = true;
                b.meetings_per_year = number(v, true).value_or(0);
            } else if (key == "meeting_hours") {
                has_hours = true;
                b.meeting_hours = number(v, true).value_or(0);
            } else if (key == "from") optional_date(v, b.from);
            else if (key == "until") optional_date(v, b.until);
            else if (key == "successor") {
                optional_reference(v, EntityType::board, b.successor);
                cycle_at(m_board_successor_cycles, index);
            } else unknown_key(key, v);
        }
        check_period(b.from, b.until);
        if (!has_id) missing("id");
        if (!has_name) missing("name");
        if (!has_kind) missing("kind");
        if (!has_footprint) missing("footprint");
        if (!has_meetings) missing("meetings_per_year");
        if (!has_hours) missing("meeting_hours");
        m_out.boards.push_back(std::move(b));
    }

    void person(JsonRef j, std::size_t index) {
        Person p;
        bool has_id = false, has_name = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "id") {
                has_id = true;
                p.id.value = id(v, EntityType::person, index);
            } else if (key == "name") {
                has_name = true;
                p.name = non_empty(v, "name");
            } else if (key == "agency") optional_reference(v, EntityType::agency, p.agency);
            else if (key == "title") optional_string(v, p.title);
            else unknown_key(key, v);
        }
        if (!has_id) missing("id");
        if (!has_name) missing("name");
        m_out.people.push_back(std::move(p));
    }

    void membership(JsonRef j) {
        Membership m;
        bool has_person = false, has_board = false, has_role = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "person") {
                has_person = true;
                required_reference(v, EntityType::person, m.person);
            } else if (key == "board") {
                has_board = true;
                required_reference(v, EntityType::board, m.board);
            } else if (key == "represents") optional_reference(v, EntityType::agency, m.represents);
            else if (key == "role") {
                has_role = true;
                required_vocabulary(v, &parse_role, role_names(), "role", m.role);
            } else if (key == "seniority") {
                if (!v.is_null()) required_vocabulary(v, &parse_seniority, seniority_names(), "seniority", m.seniority);
            } else if (key == "attendance") {
                if (!v.is_null())
                    required_vocabulary(v, &parse_attendance, attendance_names(), "attendance", m.attendance);
            } else if (key == "from") optional_date(v, m.from);
            else if (key == "until") optional_date(v, m.until);
            else if (key == "source") optional_string(v, m.source);
            else unknown_key(key, v);
        }
        check_period(m.from, m.until);
        if (!has_person) missing("person");
        if (!has_board) missing("board");
        if (!has_role) missing("role");
        m_out.memberships.push_back(std::move(m));
    }

    void relation(JsonRef j) {
        Relation r;
        bool has_from = false, has_to = false, has_kind = false;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "from") {
                has_from = true;
                required_reference(v, EntityType::board, r.from);
            } else if (key == "to") {
                has_to = true;
                required_reference(v, EntityType::board, r.to);
            } else if (key == "kind") {
                has_kind = true;
                required_vocabulary(v, &parse_relation_kind, relation_kind_names(), "relation kind", r.kind);
            } else if (key == "note") optional_string(v, r.note);
            else unknown_key(key, v);
        }
        if (!has_from) missing("from");
        if (!has_to) missing("to");
        if (!has_kind) missing("kind");
        m_out.relations.push_back(std::move(r));
    }

    void layout(JsonRef j) {
        if (j.is_null()) return;
        if (!j.is_object()) return wrong_type("an object", j);
        Layout& out = m_out.layout;
        for (const JsonRef v : j) {
            const std::string_view key = v.key();
            Scope s(*this, key);
            if (key == "positions") {
                if (v.is_null()) continue;
                if (!v.is_object()) {
                    wrong_type("an object mapping ids to [x, y]", v);
                    continue;
                }
                for (const JsonRef xy : v) {
                    const std::string_view entity = xy.key();
                    Scope se(*this, entity);
                    std::array<double, 2> p{};
                    bool ok = xy.is_array() && xy.size() == 2;
                    if (!ok) wrong_type("[x, y] (two numbers)", xy);
                    std::size_t k = 0;
                    for (const JsonRef coordinate : xy) {
                        if (!ok) break;
                        Scope sk(*this, k);
                        const auto n = number(coordinate, false);
                        ok = n.has_value();
                        if (ok) p[k] = *n;
                        ++k;
                    }
                    if (!ok) continue;
                    if (!m_ids.contains(entity)) {
                        warning("no entity with id " + in_quotes(entity) + "; position ignored");
                        continue;
                    }
                    out.positions[std::string(entity)] = p;
                }
            } else if (key == "pinned") {
                if (v.is_null()) continue;
                if (!v.is_array()) {
                    wrong_type("an array of ids", v);
                    continue;
                }
                std::size_t i = 0;
                for (const JsonRef item : v) {
                    Scope si(*this, i++);
                    const auto pinned = string(item, "a string (an entity id)");
                    if (!pinned) continue;
                    if (!m_ids.contains(*pinned)) warning("no entity with id " + in_quotes(*pinned) + "; pin ignored");
                    else out.pinned.emplace_back(*pinned);
                }
            } else unknown_key(key, v);
        }
    }

    JsonRef m_root;
    const JsonDocument* m_doc;
    std::string_view m_file;
    std::string m_path;
    std::vector<Diagnostic> m_errors;
    std::vector<Diagnostic> m_warnings;
    Dataset m_out;

    std::unordered_map<std::string_view, IdEntry> m_ids;  // views into m_root's strings
    std::array<std::vector<std::string_view>, 4> m_ids_by_type;  // document order
    std::vector<RawLinks> m_area_links;
    std::vector<RawLinks> m_board_links;
    std::unordered_map<std::size_t, std::string> m_area_parent_cycles;
    std::unordered_map<std::size_t, std::string> m_board_parent_cycles;
    std::unordered_map<std::size_t, std::string> m_board_successor_cycles;

    std::size_t m_suggestion_cells = 0;
    std::unordered_map<std::string, std::optional<std::string>> m_suggestion_cache;
};

}  // namespace

LoadResult build_dataset(JsonRef root, std::string_view file) {
    return Builder(root, root.document(), file).run();
}

}  // namespace boardscape::detail
