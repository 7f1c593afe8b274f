#!/usr/bin/env python3
"""Checks the bundled datasets against DESIGN.md section 3 and prints the headline numbers of
the section 4 analyses, independently of the C++ library (a second opinion while it is young).

    python3 datasets/tools/check_datasets.py [FILE ...]    # default: datasets/*.json

Exit 1 on any validation problem, on a case-study file that disagrees with
landscape-2015.json about a shared entity, or when a phenomenon the README promises is missing.
Python 3 standard library only.
"""

import datetime
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.dirname(HERE)



def read_board_kinds():
    """The board kinds from the library's one table (graph/include/boardscape/board_kinds.def),
    without its test-only row."""
    path = os.path.join(DATASETS, "..", "graph", "include", "boardscape", "board_kinds.def")
    text = re.sub(r"#ifdef BOARDSCAPE_TEST_ONLY_KIND.*?#endif", "", open(path).read(), flags=re.S)
    return set(re.findall(r"^BOARDSCAPE_BOARD_KIND\((\w+),", text, flags=re.M))


BOARD_KINDS = read_board_kinds()
SECTORS = {"local_authority", "district_council", "police", "pcc", "health_commissioner",
           "nhs_england", "nhs_provider", "public_health", "probation", "youth_justice",
           "cafcass", "school", "academy", "fe_college", "voluntary", "fire_rescue", "housing",
           "secure_estate", "healthwatch", "judiciary", "other"}
ROLES = {"chair", "vice_chair", "member", "lay_member", "participating_observer", "adviser",
         "officer"}
SENIORITY = {"senior", "not_senior", "unknown"}
ATTENDANCE = {"regular", "sporadic", "never", "unknown"}
RELATION_KINDS = {"protocol", "reports_to", "joint_subgroup", "shared_business_unit", "other"}
GROUPS = {"health_commissioner": "health", "nhs_england": "health", "nhs_provider": "health",
          "public_health": "health", "school": "education", "academy": "education",
          "fe_college": "education", "police": "justice", "pcc": "justice",
          "probation": "justice", "youth_justice": "justice", "cafcass": "justice",
          "judiciary": "justice", "secure_estate": "justice", "local_authority": "council",
          "district_council": "council"}
FIELD_ORDER = {
    "areas": ["id", "name", "kind", "parent", "code", "population"],
    "agencies": ["id", "name", "sector", "footprint"],
    "boards": ["id", "name", "kind", "footprint", "parent", "meetings_per_year",
               "meeting_hours", "from", "until", "successor"],
    "people": ["id", "name", "agency", "title"],
    "memberships": ["person", "board", "represents", "role", "seniority", "attendance", "from",
                    "until", "source"],
    "relations": ["from", "to", "kind", "note"],
}
REQUIRED = {
    "areas": ["id", "name"], "agencies": ["id", "name", "sector", "footprint"],
    "boards": ["id", "name", "kind", "footprint", "meetings_per_year", "meeting_hours"],
    "people": ["id", "name"], "memberships": ["person", "board", "role"],
    "relations": ["from", "to", "kind"],
}


def parse_date(s):
    try:
        return datetime.date.fromisoformat(s) if len(s) == 10 else None
    except (TypeError, ValueError):
        return None


# [SECTION] Validation (DESIGN section 3)

def validate(doc):
    errors = []
    err = errors.append
    if doc.get("format") != "boardscape" or doc.get("version") != 1:
        err("(document): wrong format or version")
    types = {}
    for section in FIELD_ORDER:
        for i, e in enumerate(doc.get(section, [])):
            keys = list(e.keys())
            order = [k for k in FIELD_ORDER[section] if k in e]
            if keys != order:
                err(f"/{section}/{i}: fields not in DESIGN order or unknown: {keys}")
            for k in REQUIRED[section]:
                if e.get(k) in (None, "", []):
                    err(f"/{section}/{i}/{k}: missing")
            if section in ("areas", "agencies", "boards", "people"):
                if e["id"] in types:
                    err(f"/{section}/{i}/id: duplicate id {e['id']}")
                types[e["id"]] = section

    def ref(ptr, value, section):
        if types.get(value) != section:
            err(f"{ptr}: {value!r} is not a known {section[:-1]}")

    for i, a in enumerate(doc.get("areas", [])):
        if "parent" in a:
            ref(f"/areas/{i}/parent", a["parent"], "areas")
        if a.get("population", 0) < 0:
            err(f"/areas/{i}/population: negative")
        if "code" in a:
            err(f"/areas/{i}/code: pseudonymous areas must not carry ONS codes")
    for i, a in enumerate(doc.get("agencies", [])):
        if a["sector"] not in SECTORS:
            err(f"/agencies/{i}/sector: {a['sector']}")
        for j, f in enumerate(a["footprint"]):
            ref(f"/agencies/{i}/footprint/{j}", f, "areas")
    for i, b in enumerate(doc.get("boards", [])):
        if b["kind"] not in BOARD_KINDS:
            err(f"/boards/{i}/kind: {b['kind']}")
        for j, f in enumerate(b["footprint"]):
            ref(f"/boards/{i}/footprint/{j}", f, "areas")
        for k in ("parent", "successor"):
            if k in b:
                ref(f"/boards/{i}/{k}", b[k], "boards")
        for k in ("meetings_per_year", "meeting_hours"):
            if not isinstance(b[k], (int, float)) or b[k] < 0:
                err(f"/boards/{i}/{k}: bad number")
        check_dates(err, f"/boards/{i}", b)
    for i, p in enumerate(doc.get("people", [])):
        if "agency" in p:
            ref(f"/people/{i}/agency", p["agency"], "agencies")
    for i, m in enumerate(doc.get("memberships", [])):
        ref(f"/memberships/{i}/person", m["person"], "people")
        ref(f"/memberships/{i}/board", m["board"], "boards")
        if "represents" in m:
            ref(f"/memberships/{i}/represents", m["represents"], "agencies")
        if m["role"] not in ROLES:
            err(f"/memberships/{i}/role: {m['role']}")
        if m.get("seniority", "unknown") not in SENIORITY:
            err(f"/memberships/{i}/seniority")
        if m.get("attendance", "unknown") not in ATTENDANCE:
            err(f"/memberships/{i}/attendance")
        if not m.get("source"):
            err(f"/memberships/{i}/source: every bundled membership needs a source")
        check_dates(err, f"/memberships/{i}", m)
    for i, r in enumerate(doc.get("relations", [])):
        ref(f"/relations/{i}/from", r["from"], "boards")
        ref(f"/relations/{i}/to", r["to"], "boards")
        if r["kind"] not in RELATION_KINDS:
            err(f"/relations/{i}/kind: {r['kind']}")
    for section, key in (("areas", "parent"), ("boards", "parent"), ("boards", "successor")):
        nxt = {e["id"]: e.get(key) for e in doc.get(section, [])}
        for start in nxt:
            seen, cur = set(), start
            while cur and cur not in seen:
                seen.add(cur)
                cur = nxt.get(cur)
            if cur == start:
                err(f"/{section}: {key} cycle through {start}")
    if doc.get("meta", {}).get("as_of") and not parse_date(doc["meta"]["as_of"]):
        err("/meta/as_of: bad date")
    return errors


def check_dates(err, ptr, e):
    f, u = e.get("from"), e.get("until")
    for k, v in (("from", f), ("until", u)):
        if v is not None and not parse_date(v):
            err(f"{ptr}/{k}: bad date {v!r}")
    if f and u and parse_date(f) and parse_date(u) and u < f:
        err(f"{ptr}/until: before from")


# [SECTION] Analyses (DESIGN section 4, the parts the README's phenomena rely on)

class Model:
    def __init__(self, doc, as_of):
        self.doc = doc
        self.as_of = as_of
        self.areas = {a["id"]: a for a in doc.get("areas", [])}
        self.agencies = {a["id"]: a for a in doc.get("agencies", [])}
        self.boards = {b["id"]: b for b in doc.get("boards", [])}
        self.people = {p["id"]: p for p in doc.get("people", [])}
        children = {}
        for a in self.areas.values():
            if a.get("parent"):
                children.setdefault(a["parent"], []).append(a["id"])
        self.children = children

    def active(self, e):
        if self.as_of is None:
            return True
        return (e.get("from") or "0000") <= self.as_of < (e.get("until") or "9999")

    def board_active(self, bid):
        b = self.boards[bid]
        return self.active(b) and (not b.get("parent") or self.board_active(b["parent"]))

    def top(self, bid):
        while self.boards[bid].get("parent"):
            bid = self.boards[bid]["parent"]
        return bid

    def leaves(self, footprint):
        out = set()
        stack = list(footprint)
        while stack:
            a = stack.pop()
            if a in self.children:
                stack.extend(self.children[a])
            else:
                out.add(a)
        return out

    def counted(self):
        return [m for m in self.doc.get("memberships", [])
                if self.active(m) and self.board_active(m["board"])]

    def sector_of(self, m):
        ag = m.get("represents") or self.people[m["person"]].get("agency")
        return ag, (self.agencies[ag]["sector"] if ag else "independent")

    def top_boards(self):
        return [b for b in self.boards if not self.boards[b].get("parent")
                and self.board_active(b)]

    def overlap(self):
        members = {b: set() for b in self.top_boards()}
        chairs = {}
        for m in self.counted():
            members[self.top(m["board"])].add(m["person"])
            if m["role"] == "chair" and not self.boards[m["board"]].get("parent"):
                chairs.setdefault(m["person"], set()).add(m["board"])
        k = {}
        for b, ps in members.items():
            for p in ps:
                k[p] = k.get(p, 0) + 1
        n = len(members)
        tops = sorted(members)
        pairs = sum(1 for i, a in enumerate(tops) for b in tops[i + 1:]
                    if members[a] & members[b])
        return {
            "members": members, "k": k,
            "multi_board_people": sum(1 for v in k.values() if v >= 2),
            "interlock_density": pairs / (n * (n - 1) / 2) if n >= 2 else None,
            "chairs_of_several": sorted(p for p, bs in chairs.items() if len(bs) >= 2),
        }

    def relation(self, agency, board):
        a = self.leaves(self.agencies[agency]["footprint"])
        b = self.leaves(self.boards[board]["footprint"])
        if a == b:
            return "equal"
        if b < a:
            return "agency_wider"
        if a < b:
            return "agency_narrower"
        return "straddles" if a & b else "disjoint"

    def overlap_share(self, agency, board):
        a = self.leaves(self.agencies[agency]["footprint"])
        b = self.leaves(self.boards[board]["footprint"])
        pop = [self.areas[x].get("population") for x in b]
        if None in pop or sum(pop) <= 0:
            return None
        return sum(self.areas[x]["population"] for x in a & b) / sum(pop)

    def seats(self, board):
        """One seat per person on a board: the first counted membership in file order."""
        out = {}
        for m in self.counted():
            if m["board"] == board and m["person"] not in out:
                out[m["person"]] = m
        return out

    def load_board(self, board):
        by_group = {}
        for m in self.seats(board).values():
            _, sector = self.sector_of(m)
            g = GROUPS.get(sector, sector)
            by_group[g] = by_group.get(g, 0) + 1
        seats = sum(by_group.values())
        best = sorted(by_group.items(), key=lambda kv: (-kv[1], kv[0]))
        return seats, by_group, (best[0] if best else (None, 0))

    def person_hours(self):
        hours = {}
        for m in self.counted():
            b = self.boards[m["board"]]
            hours.setdefault(m["person"], {})[m["board"]] = (
                b["meetings_per_year"] * b["meeting_hours"])
        return {p: sum(v.values()) for p, v in hours.items()}

    def representation(self, board, rules):
        kind = self.boards[board]["kind"]
        rule = rules.get(kind, {})
        seats = self.seats(board)
        two_tier = any(a in self.children for a in self.boards[board]["footprint"])
        out = {}
        for sector in rule.get("sectors", []):
            if rule.get("conditional", {}).get(sector) == "two_tier" and not two_tier:
                continue
            also = set(rule.get("satisfied_by", {}).get(sector, []))
            ms = [m for m in seats.values()
                  if self.sector_of(m)[1] == sector or self.sector_of(m)[1] in also]
            out[sector] = {
                "status": "present" if ms else "absent", "seats": len(ms),
                "senior": sum(m.get("seniority") == "senior" for m in ms),
                "regular": sum(m.get("attendance") == "regular" for m in ms),
                "sporadic": sum(m.get("attendance") == "sporadic" for m in ms),
                "never": sum(m.get("attendance") == "never" for m in ms),
            }
        roles = {r: (n, sum(1 for m in seats.values() if m["role"] == r))
                 for r, n in rule.get("roles", {}).items()}
        return out, roles


# [SECTION] Report

def describe(path, doc, rules, failures):
    as_of = doc.get("meta", {}).get("as_of")
    md = Model(doc, as_of)
    name = os.path.basename(path)
    print(f"== {name} (as of {as_of}): {len(doc['areas'])} areas, {len(doc['agencies'])} "
          f"agencies, {len(doc['boards'])} boards, {len(doc['people'])} people, "
          f"{len(doc['memberships'])} memberships, {len(doc['relations'])} relations")
    ov = md.overlap()
    people_counted = len(ov["k"])
    print(f"  people with a counted seat: {people_counted}; multi-board people: "
          f"{ov['multi_board_people']}; interlock density: {ov['interlock_density']:.3f}; "
          f"chairs of several: {', '.join(ov['chairs_of_several']) or '-'}")
    for b in md.top_boards():
        seats, by_group, (group, n) = md.load_board(b)
        print(f"  {b}: {seats} seats, largest group {group} {n}, members incl. sub-groups "
              f"{len(ov['members'][b])}")
    hours = md.person_hours()
    busiest = sorted(hours.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print("  busiest people (hours/yr, no prep/travel): "
          + ", ".join(f"{p} {h:g}" for p, h in busiest))
    interesting = [a for a in md.agencies
                   if md.agencies[a]["sector"] in ("police", "health_commissioner",
                                                   "nhs_england", "probation", "cafcass")]
    for a in interesting:
        rels = {}
        for b in md.top_boards():
            r = md.relation(a, b)
            if r != "disjoint":
                rels.setdefault(r, []).append(b)
        summary = "; ".join(f"{r}: {len(bs)}" for r, bs in sorted(rels.items()))
        print(f"  {a}: {summary}")
    for b in md.top_boards():
        if md.boards[b]["kind"] != "lscb":
            continue
        rep, roles = md.representation(b, rules)
        notes = []
        for sector in ("nhs_england", "cafcass", "academy", "probation"):
            r = rep.get(sector)
            if r:
                notes.append(f"{sector} {r['status']} s{r['senior']}/r{r['regular']}/"
                             f"p{r['sporadic']}/n{r['never']} of {r['seats']}")
        notes.append(", ".join(f"{r} {have}/{want}" for r, (want, have) in roles.items()))
        print(f"  {b} representation: " + "; ".join(notes))
    return md


def expect(failures, cond, what):
    if not cond:
        failures.append(what)


def phenomena(results, failures):
    """The review's phenomena the README promises (see datasets/README.md)."""
    if "midshire.json" in results:
        md = results["midshire.json"]
        seats, _, (group, n) = md.load_board("midshire-lscb")
        expect(failures, group == "health" and n in (8, 9) and 26 <= seats <= 30,
               f"midshire-lscb: health {n} of {seats}")
        expect(failures, md.overlap()["chairs_of_several"], "midshire: no chair of several")
        expect(failures, md.relation("midshire-buffton-police", "midshire-lscb")
               == "agency_wider", "police not wider than midshire-lscb")
        expect(failures, md.relation("south-midshire-buffton-ccg", "midshire-lscb")
               == "straddles", "CCG does not straddle midshire-lscb")
        rep, _ = md.representation("midshire-lscb", RULES)
        expect(failures, rep["nhs_england"]["sporadic"] == 1, "NHS England not sporadic")
        expect(failures, rep["academy"]["senior"] == 0, "academy senior on midshire-lscb")
        mdearly = Model(md.doc, "2014-09-01")
        expect(failures, not mdearly.overlap()["chairs_of_several"],
               "as-of 2014-09-01 should have no chair of several in Midshire")
    if "buffton.json" in results:
        md = results["buffton.json"]
        rep, roles = md.representation("buffton-lscb", RULES)
        expect(failures, rep["nhs_england"]["never"] == 1, "NHS England not never (Buffton)")
        expect(failures, rep["cafcass"]["status"] == "absent", "Cafcass present (Buffton)")
        expect(failures, roles["lay_member"] == (2, 1), "Buffton lay members at as_of")
    if "landscape-2015.json" in results:
        md = results["landscape-2015.json"]
        chairs = md.overlap()["chairs_of_several"]
        expect(failures, len(chairs) >= 2, f"landscape chairs of several: {chairs}")
        ds = [p for p, k in md.overlap()["k"].items() if k >= 4]
        expect(failures, ds, "nobody on four or more boards in the landscape")


def union_check(docs, failures):
    land = docs.get("landscape-2015.json")
    if not land:
        return
    for name, doc in docs.items():
        if name == "landscape-2015.json":
            continue
        for section in ("areas", "agencies", "boards", "people"):
            index = {e["id"]: e for e in land[section]}
            for e in doc[section]:
                if index.get(e["id"]) != e:
                    failures.append(f"{name}: {section} {e['id']} differs from the landscape")
        lm = [json.dumps(m, sort_keys=True) for m in land["memberships"]]
        for m in doc["memberships"]:
            if json.dumps(m, sort_keys=True) not in lm:
                failures.append(f"{name}: membership {m['person']}@{m['board']} not in landscape")


def readme_check(docs, failures):
    """The README names ids and counts; keep it honest when the generator changes."""
    path = os.path.join(DATASETS, "README.md")
    land = docs.get("landscape-2015.json")
    if not land or not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ids = {e["id"] for s in ("areas", "agencies", "boards", "people") for e in land[s]}
    for name in sorted(set(re.findall(r"`((?:p-)?[a-z0-9]+(?:-[a-z0-9]+)+)`", text))):
        if name not in ids and name != "p-first-last":
            failures.append(f"README.md names {name}, which is in no dataset")
    for name, doc in docs.items():
        counts = " | ".join(str(len(doc[s])) for s in ("areas", "agencies", "boards", "people",
                                                       "memberships", "relations"))
        row = re.search(r"^\| `" + re.escape(name) + r"` \|[^|]*\| (.*) \|$", text, re.M)
        if not row or row.group(1) != counts:
            failures.append(f"README.md count row for {name} should read {counts}")


with open(os.path.join(DATASETS, "rules", "expected-partners.json"), encoding="utf-8") as f:
    RULES = json.load(f)


def main():
    # By default the case-study files: the national files (england-*.json) are real places with
    # ONS codes, built by `boardscape import-ons` and checked by its own tests.
    paths = sys.argv[1:] or sorted(p for p in glob.glob(os.path.join(DATASETS, "*.json"))
                                   if not os.path.basename(p).startswith("england-"))
    failures, results, docs = [], {}, {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errs = validate(doc)
        for e in errs:
            failures.append(f"{os.path.basename(path)}: {e}")
        if errs:
            continue
        docs[os.path.basename(path)] = doc
        results[os.path.basename(path)] = describe(path, doc, RULES, failures)
    union_check(docs, failures)
    readme_check(docs, failures)
    phenomena(results, failures)
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    print("ok" if not failures else f"{len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
