#include "boardscape/anonymise.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace boardscape {

std::string_view sector_label(Sector s) {
    switch (s) {
    case Sector::local_authority: return "Council";
    case Sector::district_council: return "District council";
    case Sector::police: return "Police";
    case Sector::pcc: return "Police and crime commissioner";
    case Sector::health_commissioner: return "Health commissioner";
    case Sector::nhs_england: return "NHS England";
    case Sector::nhs_provider: return "NHS provider";
    case Sector::public_health: return "Public health";
    case Sector::probation: return "Probation";
    case Sector::youth_justice: return "Youth justice";
    case Sector::cafcass: return "Cafcass";
    case Sector::school: return "School";
    case Sector::academy: return "Academy";
    case Sector::fe_college: return "FE college";
    case Sector::voluntary: return "Voluntary sector";
    case Sector::fire_rescue: return "Fire and rescue";
    case Sector::housing: return "Housing";
    case Sector::secure_estate: return "Secure estate";
    case Sector::healthwatch: return "Healthwatch";
    case Sector::judiciary: return "Judiciary";
    case Sector::other: return "Other agency";
    case Sector::independent: return "Independent";
    }
    return "Agency";
}

std::vector<std::string> person_pseudonyms(const Dataset& d) {
    std::vector<std::size_t> order(d.people.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return d.people[a].id < d.people[b].id; });
    // Linear lookup of agencies by id: `d` may not be indexed (a dataset built in code), and
    // this runs once per anonymisation, not per frame.
    std::unordered_map<std::string_view, Sector> sector_of;
    for (const Agency& a : d.agencies) sector_of.emplace(a.id.str(), a.sector);
    std::map<std::string, int> counters;
    std::vector<std::string> names(d.people.size());
    for (const std::size_t p : order) {
        const Person& person = d.people[p];
        std::string base = "Independent member";
        if (person.agency)
            if (const auto it = sector_of.find(person.agency->str()); it != sector_of.end())
                base = std::string(sector_label(it->second)) + " rep";
        names[p] = base + " " + std::to_string(++counters[base]);
    }
    return names;
}

std::string pseudonym_id(std::string_view pseudonym) {
    std::string id;
    for (const char c : pseudonym) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) id += c;
        else if (u >= 'A' && u <= 'Z') id += static_cast<char>(u - 'A' + 'a');
        else if (!id.empty() && id.back() != '-') id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id;
}

Dataset anonymised(const Dataset& d) {
    Dataset out = d;
    const std::vector<std::string> names = person_pseudonyms(d);
    // Ids are unique across the whole file: a pseudonym's id must not land on an area's,
    // agency's or board's id, nor on another person's.
    std::unordered_set<std::string> taken;
    for (const Area& a : d.areas) taken.insert(a.id.str());
    for (const Agency& a : d.agencies) taken.insert(a.id.str());
    for (const Board& b : d.boards) taken.insert(b.id.str());
    std::unordered_map<std::string, std::string> new_id;  // old person id -> new
    for (std::size_t p = 0; p < out.people.size(); ++p) {
        Person& person = out.people[p];
        const std::string base = pseudonym_id(names[p]);
        std::string id = base;
        for (int n = 2; taken.count(id) != 0; ++n) id = base + "-" + std::to_string(n);
        taken.insert(id);
        new_id.emplace(person.id.str(), id);
        person.id = PersonId(id);
        person.name = names[p];
        person.title.reset();
    }
    for (Membership& m : out.memberships) {
        if (const auto it = new_id.find(m.person.str()); it != new_id.end()) m.person = PersonId(it->second);
        m.source.reset();
    }
    std::map<std::string, std::array<double, 2>> positions;
    for (const auto& [id, at] : out.layout.positions) {
        const auto it = new_id.find(id);
        positions.emplace(it == new_id.end() ? id : it->second, at);
    }
    out.layout.positions = std::move(positions);
    for (std::string& id : out.layout.pinned)
        if (const auto it = new_id.find(id); it != new_id.end()) id = it->second;
    out.views_json.clear();
    out.reindex();
    return out;
}

}  // namespace boardscape
