// ONS header recognition (see ons_columns.hpp).
#include "boardscape/import/ons_columns.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace boardscape::import {

std::string_view to_string(OnsEntity e) {
    switch (e) {
        case OnsEntity::district: return "district (LAD/LTLA)";
        case OnsEntity::upper_tier: return "upper-tier authority (UTLA)";
        case OnsEntity::county: return "county (CTY)";
        case OnsEntity::csp: return "community safety partnership (CSP)";
        case OnsEntity::police_area: return "police force area (PFA)";
        case OnsEntity::ccg: return "clinical commissioning group (CCG)";
        case OnsEntity::icb: return "integrated care board (ICB)";
        case OnsEntity::sub_icb: return "sub-ICB location (SICBL)";
        case OnsEntity::nhs_area_team: return "NHS England area team (NHSAT/NHSRLO)";
        case OnsEntity::nhs_region: return "NHS England region";
        case OnsEntity::probation_region: return "probation region";
        case OnsEntity::lsoa: return "LSOA";
        case OnsEntity::other: return "other";
    }
    return "other";
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

OnsEntity entity_of(std::string_view token) {
    static constexpr std::array<std::pair<std::string_view, OnsEntity>, 17> table = {{
        {"lad", OnsEntity::district},
        {"ltla", OnsEntity::district},
        {"utla", OnsEntity::upper_tier},
        {"cty", OnsEntity::county},
        {"csp", OnsEntity::csp},
        {"pfa", OnsEntity::police_area},
        {"pcc_region", OnsEntity::police_area},
        {"ccg", OnsEntity::ccg},
        {"icb", OnsEntity::icb},
        {"sicbl", OnsEntity::sub_icb},
        {"nhsat", OnsEntity::nhs_area_team},
        {"nhsrlo", OnsEntity::nhs_area_team},
        {"nhscr", OnsEntity::nhs_region},
        {"nhser", OnsEntity::nhs_region},
        {"probation_region", OnsEntity::probation_region},
        {"lsoa", OnsEntity::lsoa},
        {"nps_region", OnsEntity::other},
    }};
    for (const auto& [name, e] : table)
        if (token == name) return e;
    return OnsEntity::other;
}

bool is_entity_token(std::string_view t) {
    if (t.empty()) return false;
    for (char c : t)
        if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return false;
    return t.front() != '_' && t.back() != '_';
}

}  // namespace

std::optional<OnsColumn> parse_ons_column(std::string_view header) {
    const std::string h = lower(header);
    OnsColumn col;
    col.header = std::string(header);

    // Suffixes, longest first so "_code_nhs" wins over "_code" and "cdh" over "cd".
    static constexpr std::array<std::pair<std::string_view, OnsField>, 11> suffixes = {{
        {"_code_nhs", OnsField::alt_code},
        {"_code_h", OnsField::alt_code},
        {"_total", OnsField::total},
        {"_count", OnsField::count},
        {"_code", OnsField::code},
        {"_name", OnsField::name},
        {"_id", OnsField::id},
        {"cdh", OnsField::alt_code},
        {"cdo", OnsField::alt_code},
        {"nmw", OnsField::welsh_name},
        {"cd", OnsField::code},
    }};
    std::string_view rest;
    bool matched = false;
    for (const auto& [suf, field] : suffixes) {
        if (ends_with(h, suf) && h.size() > suf.size()) {
            rest = std::string_view(h).substr(0, h.size() - suf.size());
            col.field = field;
            matched = true;
            break;
        }
    }
    if (!matched && ends_with(h, "nm") && h.size() > 2) {
        rest = std::string_view(h).substr(0, h.size() - 2);
        col.field = OnsField::name;
        matched = true;
    }
    if (!matched) return std::nullopt;

    if (col.field == OnsField::total) {
        // "lad_lsoa21_total": LSOAs in the whole district; the entity is the part before "_lsoa".
        const auto at = rest.find("_lsoa");
        if (at == std::string_view::npos) return std::nullopt;
        rest = rest.substr(0, at);
    }
    // An optional 2-digit year right before the field ("lad19", "ltla24_").
    std::string_view token = rest;
    if (!token.empty() && token.back() == '_' && col.field != OnsField::code &&
        col.field != OnsField::name)
        token.remove_suffix(1);
    if (token.size() >= 2 && std::isdigit(static_cast<unsigned char>(token.back())) &&
        std::isdigit(static_cast<unsigned char>(token[token.size() - 2]))) {
        const int yy = (token[token.size() - 2] - '0') * 10 + (token.back() - '0');
        col.year = 2000 + yy;
        token.remove_suffix(2);
        if (token.size() >= 3 && std::isdigit(static_cast<unsigned char>(token.back())))
            return std::nullopt;  // more than two digits: not a vintage
    }
    if (!is_entity_token(token)) return std::nullopt;
    col.token = std::string(token);
    col.entity = entity_of(token);
    return col;
}

std::vector<OnsColumn> recognise_columns(const CsvTable& table) {
    std::vector<OnsColumn> out;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        if (auto c = parse_ons_column(table.header[i].text)) {
            c->index = i;
            out.push_back(std::move(*c));
        }
    }
    return out;
}

const OnsColumn* find_column(const std::vector<OnsColumn>& cols, OnsEntity entity, OnsField field) {
    for (const auto& c : cols)
        if (c.entity == entity && c.field == field) return &c;
    return nullptr;
}

}  // namespace boardscape::import
