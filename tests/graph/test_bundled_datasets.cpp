// The bundled case-study landscape must keep showing the review's phenomena (PRODUCT.md):
// these are the figures the README and the datasets README quote.
#include "boardscape/analysis/boundaries.hpp"
#include "boardscape/analysis/load.hpp"
#include "boardscape/analysis/overlap.hpp"
#include "boardscape/analysis/representation.hpp"
#include "boardscape/dataset_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace boardscape;

namespace {

const Dataset& landscape() {
    static const Dataset d =
        load_dataset_file(std::string(BOARDSCAPE_SOURCE_DIR) + "/datasets/landscape-2015.json")
            .dataset;
    return d;
}

template <class V, class Pred>
auto find_if_or_fail(const V& v, Pred p) {
    auto it = std::find_if(v.begin(), v.end(), p);
    REQUIRE(it != v.end());
    return *it;
}

}  // namespace

TEST_CASE("every bundled dataset loads without warnings") {
    for (const char* name : {"midshire", "buffton", "marston", "landscape-2015"}) {
        CAPTURE(name);
        auto r = load_dataset_file(std::string(BOARDSCAPE_SOURCE_DIR) + "/datasets/" + name +
                                   ".json");
        CHECK(r.warnings.empty());
        REQUIRE(r.dataset.meta.as_of.has_value());
        CHECK(r.dataset.meta.as_of->str() == "2015-01-31");
    }
}

TEST_CASE("Midshire LSCB: 28 seats, health the largest group with 9") {
    auto load = compute_load(landscape(), {});
    auto b = find_if_or_fail(load.boards, [](const BoardLoad& x) { return x.id == "midshire-lscb"; });
    CHECK(b.seats == 28);
    CHECK(b.largest_group == "health");
    CHECK(b.largest_group_seats == 9);
}

TEST_CASE("one chair of an LSCB and the SAB, another of two LSCBs") {
    auto o = compute_overlap(landscape(), {});
    CHECK(o.chairs_of_several ==
          std::vector<std::string>{"p-lesley-fenwick", "p-vanessa-oconnell"});
    // Before the SAB chair changed hands (2014-10-01) only the two-LSCB chair remains.
    AnalysisOptions before;
    before.as_of = Date{2014, 9, 1};
    CHECK(compute_overlap(landscape(), before).chairs_of_several ==
          std::vector<std::string>{"p-vanessa-oconnell"});
}

TEST_CASE("the police force is wider than boards in two areas, a CCG straddles Midshire") {
    auto b = compute_boundaries(landscape(), {});
    auto police = find_if_or_fail(
        b.agencies, [](const AgencyBoundaries& a) { return a.id == "midshire-buffton-police"; });
    auto rel = [&](const AgencyBoundaries& a, const std::string& board) {
        return find_if_or_fail(a.relations,
                               [&](const AgencyBoardRelation& r) { return r.board == board; })
            .relation;
    };
    CHECK(rel(police, "midshire-lscb") == BoundaryRelation::agency_wider);
    CHECK(rel(police, "buffton-lscb") == BoundaryRelation::agency_wider);
    auto ccg = find_if_or_fail(
        b.agencies, [](const AgencyBoundaries& a) { return a.id == "south-midshire-buffton-ccg"; });
    CHECK(rel(ccg, "midshire-lscb") == BoundaryRelation::straddles);
    CHECK(rel(ccg, "buffton-lscb") == BoundaryRelation::agency_wider);
}

TEST_CASE("NHS England sporadic on one LSCB and never attending another, Cafcass weak") {
    auto r = compute_representation(landscape(), {});
    auto sector = [&](const std::string& board, Sector s) {
        auto br = find_if_or_fail(r.boards,
                                  [&](const BoardRepresentation& x) { return x.id == board; });
        return find_if_or_fail(br.expected, [&](const SectorPresence& p) { return p.sector == s; });
    };
    CHECK(sector("midshire-lscb", Sector::nhs_england).sporadic == 1);
    CHECK(sector("buffton-lscb", Sector::nhs_england).never == 1);
    CHECK(sector("buffton-lscb", Sector::nhs_england).present);
    CHECK_FALSE(sector("buffton-lscb", Sector::cafcass).present);
    CHECK(sector("midshire-lscb", Sector::cafcass).sporadic == 1);
    for (const char* lscb : {"midshire-lscb", "buffton-lscb", "marston-lscb"})
        CHECK(sector(lscb, Sector::academy).senior == 0);
}

TEST_CASE("one business manager serves both Midshire's children's and adults' boards") {
    const Dataset& d = landscape();
    int officer_seats = 0;
    for (const Membership& m : d.memberships)
        if (m.person.value == "p-barbara-fishwick" && m.role == Role::officer &&
            (m.board.value == "midshire-lscb" || m.board.value == "midshire-sab"))
            ++officer_seats;
    CHECK(officer_seats == 2);
}
