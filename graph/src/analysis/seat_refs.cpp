// Membership → board, person and represented agency indices. The Dataset's own index is one
// node-based hash map over every id in the file; resolving tens of thousands of memberships
// through it is dominated by cache misses, so this builds small open-addressing tables (hash
// and index only, 8 bytes a slot) per entity type and probes those instead.
#include "seat_refs.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string_view>

namespace boardscape::detail {

namespace {

/// FNV-1a: ids are short, so a simple byte hash beats std::hash's setup cost.
std::uint32_t hash_id(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

/// Id → index for one entity vector. First occurrence wins, like Dataset::reindex.
template <class Entity>
class IdTable {
public:
    explicit IdTable(const std::vector<Entity>& entities) : m_entities(entities) {
        const std::size_t cap = std::bit_ceil(std::max<std::size_t>(16, entities.size() * 2));
        m_mask = cap - 1;
        m_slots.assign(cap, Slot{0, k_empty});
        for (std::size_t i = 0; i < entities.size(); ++i) {
            const std::string_view id = entities[i].id.value;
            const std::uint32_t h = hash_id(id);
            std::size_t s = h & m_mask;
            for (; m_slots[s].index != k_empty; s = (s + 1) & m_mask)
                if (m_slots[s].hash == h && m_entities[m_slots[s].index].id.value == id) break;
            if (m_slots[s].index == k_empty) m_slots[s] = Slot{h, static_cast<std::uint32_t>(i)};
        }
    }

    std::size_t find(std::string_view id) const {
        const std::uint32_t h = hash_id(id);
        for (std::size_t s = h & m_mask; m_slots[s].index != k_empty; s = (s + 1) & m_mask)
            if (m_slots[s].hash == h && m_entities[m_slots[s].index].id.value == id)
                return m_slots[s].index;
        return k_no_index;
    }

private:
    static constexpr std::uint32_t k_empty = UINT32_MAX;
    struct Slot {
        std::uint32_t hash;
        std::uint32_t index;
    };
    const std::vector<Entity>& m_entities;
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

}  // namespace

SeatRefs resolve_seats(const Dataset& d) {
    const std::size_t n = d.memberships.size();
    SeatRefs refs;
    refs.board.assign(n, k_no_index);
    refs.person.assign(n, k_no_index);
    refs.agency.assign(n, k_no_index);

    const IdTable<Board> boards(d.boards);
    const IdTable<Person> people(d.people);
    const IdTable<Agency> agencies(d.agencies);
    // Ids share one namespace, so an id found in two tables would be a duplicate the
    // validator rejects; within a validated dataset these lookups agree with Dataset::find_*.
    constexpr std::size_t unresolved = k_no_index - 1;
    std::vector<std::size_t> person_agency(d.people.size(), unresolved);  /// by person index

    for (std::size_t i = 0; i < n; ++i) {
        const Membership& m = d.memberships[i];
        refs.board[i] = boards.find(m.board.value);
        refs.person[i] = people.find(m.person.value);
        if (m.represents) {
            refs.agency[i] = agencies.find(m.represents->value);
        } else if (const std::size_t p = refs.person[i]; p != k_no_index) {
            if (person_agency[p] == unresolved)
                person_agency[p] =
                    d.people[p].agency ? agencies.find(d.people[p].agency->value) : k_no_index;
            refs.agency[i] = person_agency[p];
        }
    }
    return refs;
}

}  // namespace boardscape::detail
