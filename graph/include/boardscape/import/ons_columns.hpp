// Recognising ONS lookup columns in any vintage: "LAD19CD", "ltla24_code", "CCG15CDH",
// "utla_code", "pfa24_name", "lsoa21_count", "lad_lsoa21_total"… A header is read as
// ENTITY [2-digit year] FIELD, case-insensitively, where FIELD is CD/NM (older ONS style) or
// _code/_name (newer style and derived tables). The importer picks tables and columns by entity,
// so a newly published lookup works without code changes as long as it follows the pattern.
#pragma once

#include "boardscape/import/csv.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::import {

enum class OnsEntity {
    district,          // LAD, LTLA: lower-tier or unitary authority
    upper_tier,        // UTLA
    county,            // CTY (E10 counties, but also E11/E13 groupings: not an upper tier)
    csp,               // community safety partnership
    police_area,       // PFA (also "pcc_region" in HMPPS tables)
    ccg,               // clinical commissioning group
    icb,               // integrated care board
    sub_icb,           // SICBL
    nhs_area_team,     // NHSAT (2013), NHSRLO (2016+ local offices)
    nhs_region,        // NHSCR, NHSER
    probation_region,  // HMPPS probation region
    lsoa,              // lower-layer super output area (counts)
    other
};
std::string_view to_string(OnsEntity e);

enum class OnsField {
    code,       // CD, _code: the GSS code (E06000001)
    name,       // NM, _name
    alt_code,   // CDH, _code_h, _code_nhs, CDO: an NHS/ODS or old-style code
    welsh_name, // NMW
    id,         // _id (non-ONS tables: a slug)
    count,      // lsoa21_count: LSOAs in this row's pair
    total       // lad_lsoa21_total: LSOAs in the whole ENTITY (the entity is the prefix)
};

struct OnsColumn {
    std::size_t index = 0;     // position in the header
    std::string header;        // as written
    OnsEntity entity = OnsEntity::other;
    std::string token;         // the entity as written, lower case ("ltla", "pcc_region")
    std::optional<int> year;   // 2019 for LAD19CD; none for utla_code
    OnsField field = OnsField::code;
};

/// Reads one header name; std::nullopt when it does not follow the pattern (FID, GlobalID…).
std::optional<OnsColumn> parse_ons_column(std::string_view header);

/// Every recognised column of a table's header, in header order.
std::vector<OnsColumn> recognise_columns(const CsvTable& table);

/// The first column of `entity` with `field`, if any.
const OnsColumn* find_column(const std::vector<OnsColumn>& cols, OnsEntity entity, OnsField field);

}  // namespace boardscape::import
