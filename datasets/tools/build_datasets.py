#!/usr/bin/env python3
"""Generates the bundled case-study datasets (datasets/*.json, format version 1).

Maintainer tool, Python 3 standard library only; the committed .json files are the product.
One "world" is described below (areas, agencies, boards, people, seats, relations); each
case-study file is the slice of it that its boards need, and landscape-2015.json is the whole
world, so shared entities carry the same ids and identical fields everywhere.

    python3 datasets/tools/build_datasets.py            # rewrite datasets/*.json
    python3 datasets/tools/build_datasets.py --check    # exit 1 if a file is out of date

Every person, every name and every source label is invented (see datasets/README.md).
"""

import argparse
import hashlib
import json
import os
import re
import sys

AS_OF = "2015-01-31"
REVIEW = ("A review of current arrangements for the operation of Local Safeguarding Children "
          "Boards (LGA / Research in Practice, 2015): case-study pseudonyms and national figures")
LICENCE = "CC0-1.0 (invented illustrative data)"

# [SECTION] Name pools (fictional people; names are drawn deterministically, see World.person)

FIRST = """Alison Amanda Andrew Angela Anil Barbara Beverley Bharat Brian Carol Catherine Clive
Colin Dawn Deborah Declan Denise Elaine Esther Farida Fiona Frances Gareth Geoffrey Gillian
Graham Harriet Hazel Helen Hugh Ian Ifeoma Imran Jacqueline Janet Joanne Julian Karen Keith
Kwame Lesley Lorraine Louise Malcolm Mandy Marcus Martin Nadia Neil Nicola Nigel Olu Orla Owen
Paula Pauline Philippa Priya Rachel Rhiannon Roger Rosalind Sanjay Sheila Simon Stuart Tessa
Trevor Una Valerie Vanessa Vikram Warren Wendy Yusuf Zara Agnieszka Bernadette Chidi Dominic
Eleanor Femi Gordon Hannah Isobel Jasminder Kieran Lydia Mohammed Naomi Oliver Rebecca Shabana
Tariq""".split()

SURNAMES = """Ackland Ainsworth Ambler Appleyard Aspinall Bagshaw Bancroft Barraclough Beaumont
Birtwistle Blackledge Blenkinsop Brindle Broadbent Brocklehurst Bulmer Burrows Calvert Catterall
Chadwick Cowgill Crabtree Critchley Crossley Dawber Denby Dewhurst Drinkwater Duckworth Eccles
Elland Emmott Entwistle Fairbank Fawcett Fenwick Fishwick Fothergill Foulds Gatenby Gledhill
Greenhalgh Grimshaw Hardcastle Hargreaves Hartley Haworth Hindle Holdsworth Holroyd Horsfall
Ibbotson Illingworth Jowett Kenworthy Kershaw Kilner Kitching Lambert Laycock Lockwood Lumb
Marsden Metcalfe Midgley Mitchinson Mossop Murgatroyd Nettleton Nuttall Oldroyd Ormerod
Pickersgill Pilling Pollard Ramsden Rawcliffe Rishworth Rushworth Shuttleworth Sowerby
Stansfield Tattersall Thackray Threlfall Townend Utley Varley Wadsworth Whiteley Whitworth
Wolstenholme Womersley Yeadon Adebayo Ahmed Akhtar Asante Banerjee Bhatt Chowdhury Desai
Fernandes Gill Hussain Iqbal Kowalski Mahmood Mensah Mistry Nwosu Obi Okafor Osei Owusu Pereira
Rahman Rana Sandhu Sharma Siddiqui Thakrar Wojcik Yilmaz O'Connell Brennan McAllister Donnelly
Quinlan Gallagher Kavanagh MacLeod Fraser Lindqvist""".split()

SENIORITY = {"S": "senior", "N": "not_senior", "U": "unknown"}
ATTENDANCE = {"R": "regular", "P": "sporadic", "X": "never", "U": "unknown"}


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


# [SECTION] The world model


class World:
    """All entities in file order, plus which case-study files each board belongs to."""

    def __init__(self):
        self.areas, self.agencies, self.boards = [], [], []
        self.people, self.memberships, self.relations = [], [], []
        self.ids = {}
        self.board_files = {}      # board id -> set of dataset keys
        self.board_source = {}     # board id -> default membership source
        self.home_areas = {}       # dataset key -> areas the file is about
        self._occurrences = {}
        self._used_names = set()
        self._first_uses, self._surname_uses = {}, {}

    def _claim(self, id_, kind):
        if id_ in self.ids:
            raise ValueError(f"duplicate id {id_}")
        self.ids[id_] = kind

    def area(self, id_, name, kind, parent=None, population=None):
        self._claim(id_, "area")
        a = {"id": id_, "name": name, "kind": kind}
        if parent:
            a["parent"] = parent
        if population is not None:
            a["population"] = population
        self.areas.append(a)
        return id_

    def agency(self, id_, name, sector, footprint):
        self._claim(id_, "agency")
        self.agencies.append({"id": id_, "name": name, "sector": sector,
                              "footprint": list(footprint)})
        return id_

    def board(self, id_, name, kind, footprint, meetings, hours, parent=None, files=None,
              source=None, from_=None, until=None, successor=None):
        self._claim(id_, "board")
        b = {"id": id_, "name": name, "kind": kind, "footprint": list(footprint)}
        if parent:
            b["parent"] = parent
        b["meetings_per_year"] = meetings
        b["meeting_hours"] = hours
        if from_:
            b["from"] = from_
        if until:
            b["until"] = until
        if successor:
            b["successor"] = successor
        self.boards.append(b)
        self.board_files[id_] = set(files) if files else set(self.board_files[parent])
        self.board_source[id_] = source or self.board_source[parent]
        return id_

    def _draw_name(self, key):
        """A name that depends only on `key` (agency, title and occurrence) and on which names
        are taken, so adding a person renames almost nobody else. A first name is used at most
        three times and a surname at most twice; a clash moves on to the next one."""
        h = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
        f = h % len(FIRST)
        while self._first_uses.get(f, 0) >= 3:
            f = (f + 1) % len(FIRST)
        s = (h // len(FIRST)) % len(SURNAMES)
        while (self._surname_uses.get(s, 0) >= 2
               or f"{FIRST[f]} {SURNAMES[s]}" in self._used_names):
            s = (s + 1) % len(SURNAMES)
        name = f"{FIRST[f]} {SURNAMES[s]}"
        self._used_names.add(name)
        self._first_uses[f] = self._first_uses.get(f, 0) + 1
        self._surname_uses[s] = self._surname_uses.get(s, 0) + 1
        return name

    def person(self, agency, title):
        """A fictional person; the id is `p-` and the slug of the drawn name."""
        base = f"{agency or 'independent'}|{title}"
        n = self._occurrences.get(base, 0)
        self._occurrences[base] = n + 1
        name = self._draw_name(f"{base}|{n}")
        id_ = "p-" + slug(name)
        self._claim(id_, "person")
        p = {"id": id_, "name": name}
        if agency:
            p["agency"] = agency
        p["title"] = title
        self.people.append(p)
        return id_

    def seat(self, person, board, role="member", sen="S", att="R", represents=None,
             from_=None, until=None, source=None):
        assert self.ids.get(person) == "person", person
        assert self.ids.get(board) == "board", board
        m = {"person": person, "board": board}
        if represents:
            m["represents"] = represents
        m["role"] = role
        # "unknown" is the default, and the library's canonical writer omits it.
        if sen != "U":
            m["seniority"] = SENIORITY[sen]
        if att != "U":
            m["attendance"] = ATTENDANCE[att]
        if from_:
            m["from"] = from_
        if until:
            m["until"] = until
        m["source"] = source or self.board_source[board]
        self.memberships.append(m)

    def seats(self, board, rows):
        """rows: (person, role, seniority, attendance[, extra-dict]) tuples."""
        for row in rows:
            person, role, sen, att = row[:4]
            extra = row[4] if len(row) > 4 else {}
            self.seat(person, board, role, sen, att, **extra)

    def relation(self, from_, to, kind, note=None):
        r = {"from": from_, "to": to, "kind": kind}
        if note:
            r["note"] = note
        self.relations.append(r)


# [SECTION] Areas

def build_areas(w):
    w.area("central", "Central region", "region")
    w.area("midshire", "Midshire", "county", "central", 648100)
    w.area("midshire-castlebury", "Castlebury", "district", "midshire", 128400)
    w.area("midshire-north", "North Midshire", "district", "midshire", 104700)
    w.area("midshire-south", "South Midshire", "district", "midshire", 121300)
    w.area("midshire-edgecote", "Edgecote", "district", "midshire", 92600)
    w.area("midshire-kesby", "Kesby", "district", "midshire", 87900)
    w.area("midshire-harrowdale", "Harrowdale", "district", "midshire", 113200)
    w.area("buffton", "Buffton", "unitary", "central", 256400)
    w.area("wexley", "Wexley", "unitary", "central", 183200)
    w.area("holtshire", "Holtshire", "county", "central", 541800)
    w.area("london", "London", "region")
    w.area("marston", "Marston", "london_borough", "london", 312600)
    w.area("eastbrook", "Eastbrook", "london_borough", "london", 276300)
    w.area("fairmead", "Fairmead", "london_borough", "london", 241900)
    w.area("hallowfield", "Hallowfield", "london_borough", "london", 198700)
    w.area("redwater", "Redwater", "london_borough", "london", 337500)
    w.home_areas = {"midshire": ["midshire"], "buffton": ["buffton"], "marston": ["marston"]}


# [SECTION] Shared agencies (Midshire and Buffton; Central region)

def build_shared_agencies(w):
    w.agency("midshire-buffton-police", "Midshire and Buffton Police", "police",
             ["midshire", "buffton"])
    w.agency("midshire-buffton-pcc", "Office of the Police and Crime Commissioner for Midshire "
             "and Buffton", "pcc", ["midshire", "buffton"])
    w.agency("south-midshire-buffton-ccg", "South Midshire and Buffton Clinical Commissioning "
             "Group", "health_commissioner", ["midshire-south", "buffton"])
    w.agency("central-nhs-england", "NHS England, Central Area Team", "nhs_england",
             ["midshire", "buffton", "wexley"])
    w.agency("midshire-partnership-ft", "Midshire Partnership NHS Foundation Trust (community "
             "and mental health)", "nhs_provider", ["midshire", "buffton"])
    w.agency("central-ambulance", "Central Ambulance Service NHS Trust", "nhs_provider",
             ["central"])
    w.agency("nps-central", "National Probation Service, Central Division", "probation",
             ["central"])
    w.agency("midshire-buffton-crc", "Midshire and Buffton Community Rehabilitation Company",
             "probation", ["midshire", "buffton"])
    w.agency("cafcass-central", "Cafcass, Central service area", "cafcass", ["central"])
    w.agency("midshire-buffton-fire", "Midshire and Buffton Fire and Rescue Service",
             "fire_rescue", ["midshire", "buffton"])
    w.agency("midshire-buffton-family-court", "Family Court at Castlebury (Midshire and "
             "Buffton)", "judiciary", ["midshire", "buffton"])
    w.agency("midshire-buffton-hmcts", "HM Courts and Tribunals Service, Midshire and Buffton",
             "other", ["midshire", "buffton"])
    w.agency("central-legal-aid", "Legal Aid Agency, Central region office", "other",
             ["central"])
    w.agency("midshire-buffton-family-law", "Midshire and Buffton Family Law Practitioners' "
             "Group", "other", ["midshire", "buffton"])
    w.agency("midshire-family-mediation", "Midshire Family Mediation", "voluntary",
             ["midshire", "buffton"])


def shared_people(w):
    """People who sit on boards in more than one case-study area."""
    s = {}
    s["police_dsupt"] = w.person("midshire-buffton-police",
                                 "Detective Superintendent, Head of Public Protection")
    s["nps_head"] = w.person("nps-central", "Head of Midshire and Buffton Local Delivery Unit")
    s["smb_chief_nurse"] = w.person("south-midshire-buffton-ccg",
                                    "Chief Nurse and Director of Quality")
    s["smb_clinical_chair"] = w.person("south-midshire-buffton-ccg", "Clinical Chair (GP)")
    s["nhse_nursing"] = w.person("central-nhs-england",
                                 "Deputy Director of Nursing (Safeguarding)")
    s["nhse_ops"] = w.person("central-nhs-england", "Director of Operations and Delivery")
    s["nhse_sg_lead"] = w.person("central-nhs-england", "Safeguarding Lead")
    s["crc_director"] = w.person("midshire-buffton-crc", "Director of Operations")
    s["cafcass_hos"] = w.person("cafcass-central", "Head of Service, Midshire and Buffton")
    s["cafcass_sm"] = w.person("cafcass-central", "Service Manager")
    s["chair_b"] = w.person(None, "Independent Chair, Buffton LSCB and Marston LSCB")
    s["partnership_don"] = w.person("midshire-partnership-ft", "Director of Nursing")
    s["ambulance_sg"] = w.person("central-ambulance", "Head of Safeguarding")
    s["fire_am"] = w.person("midshire-buffton-fire", "Area Manager, Community Safety")
    s["pcc_policy"] = w.person("midshire-buffton-pcc", "Policy and Partnerships Officer")
    s["smb_partnerships"] = w.person("south-midshire-buffton-ccg",
                                     "Head of Urgent Care and Partnerships")
    return s


# [SECTION] Midshire (two-tier county)

def build_midshire(w, s):
    M = ["midshire"]
    ag = w.agency
    ag("midshire-cc", "Midshire County Council", "local_authority", M)
    ag("midshire-public-health", "Public Health Midshire (Midshire County Council)",
       "public_health", M)
    ag("midshire-yos", "Midshire Youth Offending Service", "youth_justice", M)
    ag("midshire-castlebury-dc", "Castlebury City Council", "district_council",
       ["midshire-castlebury"])
    ag("midshire-north-dc", "North Midshire District Council", "district_council",
       ["midshire-north"])
    ag("midshire-south-dc", "South Midshire District Council", "district_council",
       ["midshire-south"])
    ag("midshire-edgecote-dc", "Edgecote Borough Council", "district_council",
       ["midshire-edgecote"])
    ag("midshire-kesby-dc", "Kesby District Council", "district_council", ["midshire-kesby"])
    ag("midshire-harrowdale-dc", "Harrowdale District Council", "district_council",
       ["midshire-harrowdale"])
    ag("midshire-cnm-ccg", "Castlebury and North Midshire Clinical Commissioning Group",
       "health_commissioner", ["midshire-castlebury", "midshire-north"])
    ag("midshire-rural-ccg", "Midshire Rural Clinical Commissioning Group",
       "health_commissioner", ["midshire-edgecote", "midshire-kesby", "midshire-harrowdale"])
    ag("midshire-hospitals", "Midshire Hospitals NHS Trust", "nhs_provider", M)
    ag("midshire-primary-heads", "Midshire Primary Headteachers' Association (maintained "
       "schools)", "school", M)
    ag("midshire-secondary-heads", "Midshire Secondary Heads' Forum (maintained schools)",
       "school", M)
    ag("castlebury-academies-trust", "Castlebury Academies Trust", "academy",
       ["midshire-castlebury", "midshire-north", "midshire-south"])
    ag("castlebury-college", "Castlebury College", "fe_college", M)
    ag("midshire-cvs", "Community and Voluntary Service Midshire (CVS umbrella body)",
       "voluntary", M)
    ag("midshire-safe-steps", "Safe Steps Midshire (children's charity)", "voluntary", M)
    ag("midshire-older-peoples-forum", "Midshire Older People's Forum", "voluntary", M)
    ag("healthwatch-midshire", "Healthwatch Midshire", "healthwatch", M)
    ag("midshire-homes", "Midshire Homes Partnership", "housing", M)

    P = w.person
    # Council and partners who sit on several Midshire boards.
    chair_a = P(None, "Independent Chair, Midshire LSCB and Midshire SAB")
    dcs = P("midshire-cc", "Director of Children's Services")
    dass = P("midshire-cc", "Director of Adult Social Care")
    hos = P("midshire-cc", "Head of Safeguarding and Quality Assurance (Children)")
    ad_early = P("midshire-cc", "Assistant Director, Early Help")
    lead_member = P("midshire-cc", "Councillor; Cabinet Member for Children and Young People")
    leader = P("midshire-cc", "Councillor; Leader of the Council")
    cm_health = P("midshire-cc", "Councillor; Cabinet Member for Health and Wellbeing")
    bm = P("midshire-cc", "Business Manager, Midshire Safeguarding Children and Adults Boards")
    dph = P("midshire-public-health", "Director of Public Health")
    cnm_don = P("midshire-cnm-ccg", "Director of Nursing and Quality")
    cnm_chair = P("midshire-cnm-ccg", "Clinical Chair (GP)")
    rural_hos_old = P("midshire-rural-ccg", "Head of Safeguarding (to December 2014)")
    rural_hos = P("midshire-rural-ccg", "Head of Safeguarding")
    rural_ao = P("midshire-rural-ccg", "Chief Officer")
    hosp_cn = P("midshire-hospitals", "Chief Nurse")
    des_doc = P("midshire-hospitals", "Designated Doctor for Safeguarding Children, Midshire")
    des_nurse = P("midshire-cnm-ccg", "Designated Nurse for Safeguarding Children, Midshire")
    yos_head = P("midshire-yos", "Head of Youth Offending Service")
    primary_head = P("midshire-primary-heads", "Headteacher, Kesby Primary School")
    secondary_head = P("midshire-secondary-heads", "Headteacher, Harrowdale High School")
    academy_rep = P("castlebury-academies-trust",
                    "Designated Safeguarding Lead, Castlebury Academy")
    fe_vp = P("castlebury-college", "Vice Principal, Student Services")
    cvs_ceo = P("midshire-cvs", "Chief Executive")
    castlebury_ce = P("midshire-castlebury-dc", "Chief Executive")
    lay1 = P(None, "Lay member")
    lay2 = P(None, "Lay member")

    src_ar = "Midshire LSCB annual report 2013-14"
    src_list = "Midshire LSCB membership list, December 2014"
    lscb = w.board("midshire-lscb", "Midshire Local Safeguarding Children Board", "lscb", M,
                   6, 3, files=["midshire"], source=src_list)
    w.seats(lscb, [
        (chair_a, "chair", "S", "R", {"from_": "2013-01-07", "source": src_ar}),
        (dcs, "vice_chair", "S", "R"),
        (hos, "member", "S", "R"),
        (ad_early, "member", "S", "R"),
        (lead_member, "participating_observer", "S", "R"),
        (dph, "member", "S", "R"),
        (cnm_don, "member", "S", "R"),
        (s["smb_chief_nurse"], "member", "S", "R"),
        (rural_hos_old, "member", "N", "R", {"until": "2015-01-01", "source": src_ar}),
        (rural_hos, "member", "N", "R", {"from_": "2015-01-01"}),
        (s["nhse_nursing"], "member", "S", "P"),
        (hosp_cn, "member", "S", "R"),
        (s["partnership_don"], "member", "S", "R"),
        (des_doc, "adviser", "S", "R", {"represents": "midshire-cnm-ccg"}),
        (des_nurse, "adviser", "S", "R"),
        (s["police_dsupt"], "member", "S", "R"),
        (s["nps_head"], "member", "S", "R"),
        (s["crc_director"], "member", "S", "P"),
        (yos_head, "member", "S", "R"),
        (s["cafcass_sm"], "member", "N", "P"),
        (primary_head, "member", "S", "R"),
        (secondary_head, "member", "S", "R"),
        (academy_rep, "member", "N", "P"),
        (fe_vp, "member", "S", "R"),
        (cvs_ceo, "member", "S", "R"),
        (castlebury_ce, "member", "S", "P",
         {"source": "Midshire LSCB minutes, September 2014 (district councils' nominee)"}),
        (lay1, "lay_member", "U", "R", {"from_": "2013-09-01"}),
        (lay2, "lay_member", "U", "P", {"from_": "2014-03-01"}),
        (bm, "officer", "N", "R"),
    ])

    src_sg = "Midshire LSCB sub-group terms of reference (2014)"
    exec_ = w.board("midshire-lscb-exec", "Midshire LSCB Executive Group", "lscb", M, 8, 2,
                    parent=lscb, source=src_sg)
    w.seats(exec_, [
        (chair_a, "chair", "S", "R"), (dcs, "member", "S", "R"), (hos, "member", "S", "R"),
        (s["police_dsupt"], "member", "S", "R"), (s["smb_chief_nurse"], "member", "S", "R"),
        (hosp_cn, "member", "S", "P"), (s["nps_head"], "member", "S", "R"),
        (dph, "member", "S", "P"), (bm, "officer", "N", "R"),
    ])

    dci_ppu = P("midshire-buffton-police", "Detective Chief Inspector, Public Protection Unit")
    cp_manager = P("midshire-cc", "Service Manager, Child Protection")
    legal = P("midshire-cc", "Senior Solicitor, Children's Legal Services")
    hosp_named_nurse = P("midshire-hospitals", "Named Nurse for Safeguarding Children")
    part_named_nurse = P("midshire-partnership-ft", "Named Nurse for Safeguarding Children")
    scr = w.board("midshire-lscb-scr", "Midshire LSCB Serious Case Review Sub-group", "lscb",
                  M, 6, 2, parent=lscb)
    w.seats(scr, [
        (des_nurse, "chair", "S", "R"), (dci_ppu, "member", "S", "R"),
        (cp_manager, "member", "N", "R"), (legal, "adviser", "N", "R"),
        (hosp_named_nurse, "member", "N", "R"), (part_named_nurse, "member", "N", "R"),
        (des_doc, "adviser", "S", "P", {"represents": "midshire-cnm-ccg"}),
        (s["nps_head"], "member", "S", "P"), (bm, "officer", "N", "R"),
    ])

    analyst = P("midshire-cc", "Senior Performance Analyst, Children's Services")
    edu_safeguarding = P("midshire-cc", "Education Safeguarding Adviser")
    di_perf = P("midshire-buffton-police", "Detective Inspector, Safeguarding Performance")
    cnm_sg_lead = P("midshire-cnm-ccg", "Safeguarding Children Lead Nurse")
    yos_manager = P("midshire-yos", "Operations Manager")
    crc_quality = P("midshire-buffton-crc", "Quality and Performance Manager")
    ph_consultant = P("midshire-public-health", "Consultant in Public Health (Children)")
    qap = w.board("midshire-lscb-qap", "Midshire LSCB Quality Assurance and Performance "
                  "Sub-group", "lscb", M, 6, 2, parent=lscb)
    w.seats(qap, [
        (hos, "chair", "S", "R"), (analyst, "officer", "N", "R"),
        (edu_safeguarding, "member", "N", "R"), (di_perf, "member", "N", "R"),
        (cnm_sg_lead, "member", "N", "R"), (hosp_named_nurse, "member", "N", "P"),
        (yos_manager, "member", "N", "R"), (crc_quality, "member", "N", "P"),
        (ph_consultant, "member", "N", "R"), (bm, "officer", "N", "R"),
    ])

    trainer = P("midshire-cc", "LSCB Training Co-ordinator")
    wfd = P("midshire-cc", "Workforce Development Manager, Children's Services")
    part_trainer = P("midshire-partnership-ft", "Safeguarding Trainer")
    police_trainer = P("midshire-buffton-police", "Detective Sergeant, Public Protection "
                       "Training")
    cvs_dev = P("midshire-cvs", "Development Officer (Safeguarding)")
    hosp_trainer = P("midshire-hospitals", "Safeguarding Education Lead")
    ld = w.board("midshire-lscb-ld", "Midshire LSCB Learning and Development Sub-group",
                 "lscb", M, 4, 2, parent=lscb)
    w.seats(ld, [
        (fe_vp, "chair", "S", "R"), (trainer, "officer", "N", "R"),
        (wfd, "member", "N", "R"), (part_trainer, "member", "N", "R"),
        (police_trainer, "member", "N", "P"), (primary_head, "member", "S", "P"),
        (cvs_dev, "member", "N", "R"), (hosp_trainer, "member", "N", "R"),
    ])

    dci_cse = P("midshire-buffton-police", "Detective Chief Inspector, Child Sexual "
                "Exploitation and Missing")
    cse_coord = P("midshire-cc", "CSE Co-ordinator")
    missing_lead = P("midshire-cc", "Head of Service, Children in Care")
    safe_steps = P("midshire-safe-steps", "Project Manager, CSE Service")
    sexual_health = P("midshire-hospitals", "Lead Nurse, Sexual Health")
    camhs = P("midshire-partnership-ft", "Clinical Lead, CAMHS")
    licensing = P("midshire-castlebury-dc", "Licensing Manager")
    school_dsl = P("midshire-secondary-heads", "Designated Safeguarding Lead, Edgecote School")
    academy_dsl = P("castlebury-academies-trust", "Trust Safeguarding Lead")
    cse = w.board("midshire-lscb-cse", "Midshire LSCB Child Sexual Exploitation Sub-group",
                  "lscb", M, 6, 2, parent=lscb, from_="2014-04-01")
    w.seats(cse, [
        (dci_cse, "chair", "S", "R"), (cse_coord, "officer", "N", "R"),
        (missing_lead, "member", "S", "R"), (yos_manager, "member", "N", "R"),
        (safe_steps, "member", "N", "R"), (sexual_health, "member", "N", "P"),
        (camhs, "member", "N", "R"), (licensing, "member", "N", "R"),
        (school_dsl, "member", "N", "P"), (academy_dsl, "member", "N", "P"),
    ])

    hosp_named_doc = P("midshire-hospitals", "Named Doctor for Safeguarding Children")
    part_named_doc = P("midshire-partnership-ft", "Named Doctor for Safeguarding Children")
    named_gp = P("midshire-cnm-ccg", "Named GP for Safeguarding Children")
    smb_sg_nurse = P("south-midshire-buffton-ccg", "Designated Nurse, Looked After Children")
    midwife = P("midshire-hospitals", "Safeguarding Midwife")
    school_nursing = P("midshire-public-health", "Commissioning Manager, School Nursing and "
                       "Health Visiting")
    health = w.board("midshire-lscb-health", "Midshire LSCB Health Sub-group", "lscb", M,
                     4, 2, parent=lscb)
    w.seats(health, [
        (des_nurse, "chair", "S", "R"),
        (des_doc, "adviser", "S", "R", {"represents": "midshire-cnm-ccg"}),
        (cnm_sg_lead, "member", "N", "R"), (smb_sg_nurse, "member", "N", "R"),
        (rural_hos, "member", "N", "R", {"from_": "2015-01-01"}),
        (s["nhse_sg_lead"], "member", "N", "P"), (hosp_named_nurse, "member", "N", "R"),
        (hosp_named_doc, "member", "N", "P"), (part_named_nurse, "member", "N", "R"),
        (part_named_doc, "member", "N", "P"), (s["ambulance_sg"], "member", "N", "P"),
        (named_gp, "member", "N", "R"), (midwife, "member", "N", "R"),
        (school_nursing, "member", "N", "R"),
    ])

    # Health and Wellbeing Board (Health and Social Care Act 2012).
    district_leader = P("midshire-kesby-dc", "Councillor; Leader of Kesby District Council")
    healthwatch_chair = P("healthwatch-midshire", "Chair")
    deputy_pcc = P("midshire-buffton-pcc", "Deputy Police and Crime Commissioner")
    hwb = w.board("midshire-hwb", "Midshire Health and Wellbeing Board", "hwb", M, 6, 2.5,
                  files=["midshire"], source="Midshire HWB terms of reference (2014)")
    w.seats(hwb, [
        (leader, "chair", "S", "R"), (cm_health, "vice_chair", "S", "R"),
        (lead_member, "member", "S", "R"), (dcs, "member", "S", "R"),
        (dass, "member", "S", "R"), (dph, "member", "S", "R"),
        (cnm_chair, "member", "S", "R"), (rural_ao, "member", "S", "R"),
        (s["smb_clinical_chair"], "member", "S", "P"), (s["nhse_ops"], "member", "S", "P"),
        (healthwatch_chair, "member", "S", "R"), (district_leader, "member", "S", "R"),
        (deputy_pcc, "member", "S", "P"), (cvs_ceo, "member", "S", "R"),
    ])

    # Children and Young People's Partnership, successor to the Children's Trust Board.
    cnm_commissioner = P("midshire-cnm-ccg", "Head of Children's Commissioning")
    police_supt = P("midshire-buffton-police", "Superintendent, Partnerships")
    cypp = w.board("midshire-cypp", "Midshire Children and Young People's Partnership",
                   "cypp", M, 4, 2, files=["midshire"], from_="2014-04-01",
                   source="Midshire CYPP terms of reference (April 2014)")
    ct = w.board("midshire-childrens-trust", "Midshire Children's Trust Board",
                 "childrens_trust", M, 4, 2, files=["midshire"], until="2014-04-01",
                 successor=cypp, source="Midshire Children's Trust Board minutes, March 2014")
    for b in (ct, cypp):
        w.seats(b, [
            (lead_member, "chair", "S", "R"), (dcs, "vice_chair", "S", "R"),
            (ad_early, "member", "S", "R"), (dph, "member", "S", "P"),
            (cnm_commissioner, "member", "S", "R"), (police_supt, "member", "S", "P"),
            (primary_head, "member", "S", "R"), (fe_vp, "member", "S", "R"),
            (cvs_ceo, "member", "S", "R"), (yos_head, "member", "S", "R"),
        ])

    # Community Safety Partnerships (Crime and Disorder Act 1998): one per district, except
    # Kesby and Harrowdale, which merged theirs.
    county_cs = P("midshire-cc", "Community Safety Manager")
    ci_north = P("midshire-buffton-police", "Chief Inspector, Castlebury and North Midshire "
                 "Local Policing")
    ci_south = P("midshire-buffton-police", "Chief Inspector, South Midshire and Edgecote "
                 "Local Policing")
    ci_east = P("midshire-buffton-police", "Chief Inspector, Kesby and Harrowdale Local "
                "Policing")
    fire_west = P("midshire-buffton-fire", "Group Manager, Midshire West")
    fire_east = P("midshire-buffton-fire", "Group Manager, Midshire East")
    crc_manager = P("midshire-buffton-crc", "Area Manager, Midshire")
    cnm_cs = P("midshire-cnm-ccg", "Head of Partnerships")
    rural_cs = P("midshire-rural-ccg", "Commissioning Manager")
    housing = P("midshire-homes", "Head of Tenancy Services")
    csps = [
        ("midshire-csp-castlebury", "Safer Castlebury Partnership", ["midshire-castlebury"],
         "midshire-castlebury-dc", "Castlebury", ci_north, fire_west, cnm_cs, "R",
         "Castlebury CSP minutes, November 2014"),
        ("midshire-csp-north", "North Midshire Community Safety Partnership",
         ["midshire-north"], "midshire-north-dc", "North Midshire", ci_north, fire_west,
         cnm_cs, "P", "North Midshire CSP annual plan 2014-15"),
        ("midshire-csp-south", "South Midshire Community Safety Partnership",
         ["midshire-south"], "midshire-south-dc", "South Midshire", ci_south, fire_west,
         s["smb_partnerships"], "P", "South Midshire CSP minutes, October 2014"),
        ("midshire-csp-edgecote", "Edgecote Community Safety Partnership",
         ["midshire-edgecote"], "midshire-edgecote-dc", "Edgecote", ci_south, fire_east,
         rural_cs, "X", "Edgecote CSP terms of reference (2013)"),
        ("midshire-csp-kesby-harrowdale", "Kesby and Harrowdale Community Safety Partnership",
         ["midshire-kesby", "midshire-harrowdale"], "midshire-kesby-dc",
         "Kesby and Harrowdale", ci_east, fire_east, None, None,
         "Kesby and Harrowdale CSP minutes, December 2014"),
    ]
    csp_ids = []
    for bid, name, fp, dc, place, police, fire, ccg, ccg_att, src in csps:
        b = w.board(bid, name, "csp", fp, 4, 2, files=["midshire"], source=src)
        csp_ids.append(b)
        cllr = P(dc, f"Councillor; Portfolio Holder for Community Safety ({place})")
        officer = P(dc, "Community Safety Officer")
        rows = [
            (cllr, "chair", "S", "R"), (police, "vice_chair", "S", "R"),
            (officer, "officer", "N", "R"), (county_cs, "member", "N", "R"),
            (fire, "member", "S", "R"),
            (crc_manager, "member", "N", "P" if bid != "midshire-csp-castlebury" else "R"),
        ]
        if ccg:
            rows.append((ccg, "member", "N", ccg_att))
        if bid in ("midshire-csp-castlebury", "midshire-csp-north", "midshire-csp-south"):
            rows.append((housing, "member", "N", "P"))
        w.seats(b, rows)
        if bid == "midshire-csp-kesby-harrowdale":
            harrowdale_officer = P("midshire-harrowdale-dc", "Community Safety Officer")
            w.seats(b, [(harrowdale_officer, "officer", "N", "R")])
        if bid in ("midshire-csp-castlebury", "midshire-csp-south"):
            w.seats(b, [(s["pcc_policy"], "member", "N", "P")])
        if bid == "midshire-csp-castlebury":
            w.seats(b, [(yos_manager, "member", "N", "R"), (cvs_dev, "member", "N", "P")])

    # Safeguarding Adults Board (statutory under the Care Act 2014 from April 2015). The
    # Director of Adult Social Care chaired it until the LSCB's independent chair took over.
    asg_head = P("midshire-cc", "Head of Adult Safeguarding")
    hosp_dcn = P("midshire-hospitals", "Deputy Chief Nurse")
    district_housing = P("midshire-north-dc", "Head of Housing (district councils' nominee)")
    older_forum = P("midshire-older-peoples-forum", "Chief Officer")
    healthwatch_mgr = P("healthwatch-midshire", "Manager")
    src_sab = "Midshire SAB annual report 2013-14"
    sab = w.board("midshire-sab", "Midshire Safeguarding Adults Board", "sab", M, 4, 2.5,
                  files=["midshire"], source=src_sab)
    w.seats(sab, [
        (dass, "chair", "S", "R", {"until": "2014-10-01"}),
        (chair_a, "chair", "S", "R",
         {"from_": "2014-10-01", "source": "Midshire SAB minutes, October 2014"}),
        (dass, "member", "S", "R",
         {"from_": "2014-10-01", "source": "Midshire SAB minutes, October 2014"}),
        (asg_head, "member", "S", "R"), (bm, "officer", "N", "R"),
        (s["police_dsupt"], "member", "S", "R"), (cnm_don, "member", "S", "R"),
        (s["smb_chief_nurse"], "member", "S", "P"),
        (rural_hos_old, "member", "N", "R", {"until": "2015-01-01"}),
        (rural_hos, "member", "N", "R", {"from_": "2015-01-01"}),
        (hosp_dcn, "member", "S", "R"), (s["partnership_don"], "member", "S", "R"),
        (s["ambulance_sg"], "member", "N", "P"), (crc_manager, "member", "N", "P"),
        (s["fire_am"], "member", "S", "R"), (healthwatch_mgr, "member", "N", "R"),
        (older_forum, "member", "N", "R"), (district_housing, "member", "S", "R"),
        (housing, "member", "N", "R"),
    ])

    w.relation(lscb, hwb, "protocol", "LSCB-HWB protocol (2013); LSCB annual report presented "
               "to the HWB each autumn")
    w.relation(lscb, sab, "shared_business_unit", "One business manager and business unit "
               "serve both boards")
    w.relation(lscb, csp_ids[0], "protocol", "Joint protocol on CSE and domestic abuse with "
               "Safer Castlebury Partnership; no arrangement with the other four CSPs")
    w.relation(cypp, hwb, "reports_to", "The CYPP is the HWB's children's delivery arm")
    return {"midshire_cc": "midshire-cc", "lscb": lscb, "legal": legal}


# [SECTION] Local Family Justice Board (shared by Midshire and Buffton)

def build_lfjb(w, s, buffton_ad):
    dfj = w.person("midshire-buffton-family-court", "Designated Family Judge")
    magistrate = w.person("midshire-buffton-family-court", "Chair, Family Panel of Magistrates")
    hmcts = w.person("midshire-buffton-hmcts", "Delivery Manager, Family Business")
    laa = w.person("central-legal-aid", "Regional Contract Manager")
    solicitor = w.person("midshire-buffton-family-law", "Solicitor; Practitioners' "
                         "Representative")
    mediator = w.person("midshire-family-mediation", "Service Manager")
    midshire_ad = w.person("midshire-cc", "Assistant Director, Children's Social Care")
    lfjb = w.board("midshire-buffton-lfjb", "Midshire and Buffton Local Family Justice Board",
                   "lfjb", ["midshire", "buffton"], 4, 2, files=["midshire", "buffton"],
                   source="Midshire and Buffton LFJB membership list, September 2014")
    w.seats(lfjb, [
        (s["cafcass_hos"], "chair", "S", "R"), (dfj, "member", "S", "R"),
        (magistrate, "member", "S", "P"), (hmcts, "member", "N", "R"),
        (laa, "member", "N", "P"), (solicitor, "member", "N", "R"),
        (mediator, "member", "N", "R"), (midshire_ad, "member", "S", "R"),
        (buffton_ad, "member", "S", "R"), (s["cafcass_sm"], "member", "N", "R"),
    ])
    return lfjb


# [SECTION] Buffton (unitary)

def build_buffton(w, s):
    B = ["buffton"]
    ag = w.agency
    ag("buffton-council", "Buffton Council", "local_authority", B)
    ag("buffton-public-health", "Public Health Buffton (Buffton Council)", "public_health", B)
    ag("buffton-yos", "Buffton Youth Offending Team", "youth_justice", B)
    ag("buffton-hospitals", "Buffton Teaching Hospitals NHS Trust", "nhs_provider", B)
    ag("buffton-schools-forum", "Buffton Headteachers' Forum (maintained schools)", "school", B)
    ag("buffton-learning-trust", "Buffton Learning Trust", "academy", B)
    ag("buffton-college", "Buffton College", "fe_college", B)
    ag("buffton-voluntary-action", "Buffton Voluntary Action (CVS)", "voluntary", B)
    ag("healthwatch-buffton", "Healthwatch Buffton", "healthwatch", B)
    ag("buffton-homes", "Buffton Homes", "housing", B)

    P = w.person
    dcs = P("buffton-council", "Strategic Director, Children and Families")
    ad = P("buffton-council", "Assistant Director, Children's Social Care")
    hos = P("buffton-council", "Head of Safeguarding and Reviewing")
    lead_member = P("buffton-council", "Councillor; Executive Member for Children's Services")
    dph = P("buffton-public-health", "Director of Public Health")
    hosp_cn = P("buffton-hospitals", "Director of Nursing")
    part_ad = P("midshire-partnership-ft", "Associate Director, Buffton Locality")
    des_doc = P("buffton-hospitals", "Designated Doctor for Safeguarding Children, Buffton")
    des_nurse = P("south-midshire-buffton-ccg", "Designated Nurse for Safeguarding Children, "
                  "Buffton")
    crc_mgr = P("midshire-buffton-crc", "Area Manager, Buffton")
    yot_head = P("buffton-yos", "Head of Youth Offending Team")
    head = P("buffton-schools-forum", "Headteacher, Millgate Primary School")
    academy_rep = P("buffton-learning-trust", "Deputy Headteacher, Buffton Academy")
    fe_rep = P("buffton-college", "Director of Student Support")
    bva = P("buffton-voluntary-action", "Chief Executive")
    housing = P("buffton-homes", "Director of Housing Services")
    lay1 = P(None, "Lay member")
    lay2 = P(None, "Lay member (from March 2015)")
    bm = P("buffton-council", "LSCB Business Manager")

    src = "Buffton LSCB annual report 2013-14"
    lscb = w.board("buffton-lscb", "Buffton Local Safeguarding Children Board", "lscb", B,
                   4, 3, files=["buffton"], source=src)
    w.seats(lscb, [
        (s["chair_b"], "chair", "S", "R", {"from_": "2011-09-01"}),
        (dcs, "vice_chair", "S", "R"), (hos, "member", "S", "R"),
        (lead_member, "participating_observer", "S", "R"), (dph, "member", "S", "P"),
        (s["smb_chief_nurse"], "member", "S", "R"), (s["nhse_nursing"], "member", "S", "X"),
        (hosp_cn, "member", "S", "R"), (part_ad, "member", "S", "R"),
        (des_doc, "adviser", "S", "R", {"represents": "south-midshire-buffton-ccg"}),
        (des_nurse, "adviser", "S", "R"),
        (s["police_dsupt"], "member", "S", "R"), (s["nps_head"], "member", "S", "R"),
        (crc_mgr, "member", "N", "R"), (yot_head, "member", "S", "R"),
        (head, "member", "S", "R"), (academy_rep, "member", "N", "R"),
        (fe_rep, "member", "S", "P"), (bva, "member", "S", "R"),
        (housing, "member", "S", "R"),
        (lay1, "lay_member", "U", "R", {"from_": "2014-01-01"}),
        (lay2, "lay_member", "U", "U",
         {"from_": "2015-03-01", "source": "Buffton LSCB minutes, January 2015"}),
        (bm, "officer", "N", "R"),
    ])

    src_sg = "Buffton LSCB business plan 2014-15"
    di = P("midshire-buffton-police", "Detective Inspector, Buffton Public Protection Unit")
    cp_mgr = P("buffton-council", "Service Manager, Child Protection and Court")
    hosp_named = P("buffton-hospitals", "Named Nurse for Safeguarding Children")
    part_named = P("midshire-partnership-ft", "Named Nurse, Buffton Locality")
    scr = w.board("buffton-lscb-scr", "Buffton LSCB Case Review Sub-group", "lscb", B, 5, 2,
                  parent=lscb, source=src_sg)
    w.seats(scr, [
        (ad, "chair", "S", "R"), (di, "member", "N", "R"), (cp_mgr, "member", "N", "R"),
        (des_nurse, "adviser", "S", "R"), (hosp_named, "member", "N", "R"),
        (part_named, "member", "N", "P"), (bm, "officer", "N", "R"),
    ])

    analyst = P("buffton-council", "Performance and Information Officer")
    yot_mgr = P("buffton-yos", "Team Manager")
    edu_officer = P("buffton-council", "Education Safeguarding Officer")
    qa = w.board("buffton-lscb-qa", "Buffton LSCB Quality and Performance Sub-group", "lscb",
                 B, 6, 2, parent=lscb)
    w.seats(qa, [
        (hos, "chair", "S", "R"), (analyst, "officer", "N", "R"),
        (des_nurse, "member", "S", "P"), (di, "member", "N", "P"),
        (yot_mgr, "member", "N", "R"), (edu_officer, "member", "N", "R"),
        (hosp_named, "member", "N", "R"),
    ])

    trainer = P("buffton-council", "Multi-agency Training Officer")
    bva_dev = P("buffton-voluntary-action", "Training and Development Officer")
    ld = w.board("buffton-lscb-ld", "Buffton Safeguarding Learning and Development "
                 "Sub-group (joint with the SAB)", "lscb", B, 4, 2, parent=lscb)
    w.seats(ld, [
        (bva, "chair", "S", "R"), (trainer, "officer", "N", "R"),
        (bva_dev, "member", "N", "R"), (part_named, "member", "N", "R"),
        (head, "member", "S", "P"), (edu_officer, "member", "N", "R"),
    ])

    # HWB
    leader = P("buffton-council", "Councillor; Leader of the Council")
    cm_health = P("buffton-council", "Councillor; Executive Member for Adult Care and Health")
    dass = P("buffton-council", "Strategic Director, Adult Social Care")
    hw_chair = P("healthwatch-buffton", "Chair")
    hosp_ceo = P("buffton-hospitals", "Chief Executive")
    hwb = w.board("buffton-hwb", "Buffton Health and Wellbeing Board", "hwb", B, 6, 2,
                  files=["buffton"], source="Buffton HWB minutes, November 2014")
    w.seats(hwb, [
        (leader, "chair", "S", "R"), (s["smb_clinical_chair"], "vice_chair", "S", "R"),
        (cm_health, "member", "S", "R"), (lead_member, "member", "S", "R"),
        (dcs, "member", "S", "R"), (dass, "member", "S", "R"), (dph, "member", "S", "R"),
        (s["nhse_ops"], "member", "S", "P"), (hw_chair, "member", "S", "R"),
        (hosp_ceo, "member", "S", "P"), (bva, "member", "S", "R"),
    ])

    # CSP
    cm_cs = P("buffton-council", "Councillor; Executive Member for Communities and Safety")
    cs_head = P("buffton-council", "Head of Community Safety")
    supt = P("midshire-buffton-police", "Superintendent, Buffton Local Policing Commander")
    fire_gm = P("midshire-buffton-fire", "Group Manager, Buffton")
    ccg_cs = s["smb_partnerships"]
    homes_asb = P("buffton-homes", "Anti-social Behaviour Manager")
    dv_coord = P("buffton-council", "Domestic Abuse Co-ordinator")
    csp = w.board("buffton-csp", "Safer Buffton Partnership", "csp", B, 4, 2,
                  files=["buffton"], source="Buffton CSP minutes, November 2014")
    w.seats(csp, [
        (cm_cs, "chair", "S", "R"), (supt, "vice_chair", "S", "R"),
        (cs_head, "officer", "S", "R"), (fire_gm, "member", "S", "R"),
        (crc_mgr, "member", "N", "R"), (s["nps_head"], "member", "S", "P"),
        (ccg_cs, "member", "N", "P"), (s["pcc_policy"], "member", "N", "R"),
        (homes_asb, "member", "N", "R"), (yot_head, "member", "S", "R"),
        (dv_coord, "member", "N", "R"), (dph, "member", "S", "P"),
    ])

    # SAB
    asg = P("buffton-council", "Principal Social Worker and Adult Safeguarding Lead")
    ccg_dcn = P("south-midshire-buffton-ccg", "Deputy Chief Nurse")
    hosp_asg = P("buffton-hospitals", "Lead Nurse, Adult Safeguarding")
    sab_bm = P("buffton-council", "SAB Business Co-ordinator")
    sab = w.board("buffton-sab", "Buffton Safeguarding Adults Board", "sab", B, 4, 2.5,
                  files=["buffton"], source="Buffton SAB terms of reference (2014)")
    w.seats(sab, [
        (dass, "chair", "S", "R"), (asg, "member", "S", "R"),
        (s["police_dsupt"], "member", "S", "P"), (ccg_dcn, "member", "S", "R"),
        (hosp_asg, "member", "N", "R"), (part_ad, "member", "S", "R"),
        (s["ambulance_sg"], "member", "N", "P"), (s["fire_am"], "member", "S", "P"),
        (hw_chair, "member", "S", "R"), (bva, "member", "S", "R"),
        (homes_asb, "member", "N", "R"), (sab_bm, "officer", "N", "R"),
    ])

    w.relation(lscb, hwb, "reports_to", "Annual report presented to the HWB; protocol drafted "
               "in 2014 but not yet operational")
    w.relation(lscb, csp, "protocol", "Domestic abuse protocol (2013)")
    w.relation(sab, lscb, "joint_subgroup", "Joint Learning and Development sub-group")
    # No arrangement between Buffton LSCB and the LFJB (the review: 42 per cent of boards).
    return ad


# [SECTION] Marston (London borough)

def build_marston(w):
    L = ["london"]
    MA = ["marston"]
    ag = w.agency
    ag("met-police", "Metropolitan Police Service", "police", L)
    ag("mopac", "Mayor's Office for Policing and Crime", "pcc", L)
    ag("london-nhs-england", "NHS England, London region", "nhs_england", L)
    ag("nps-london", "National Probation Service, London Division", "probation", L)
    ag("london-crc", "London Community Rehabilitation Company", "probation", L)
    ag("cafcass-london", "Cafcass, London service area", "cafcass", L)
    ag("london-fire-brigade", "London Fire Brigade", "fire_rescue", L)
    ag("london-ambulance", "London Ambulance Service NHS Trust", "nhs_provider", L)
    ag("marston-council", "London Borough of Marston", "local_authority", MA)
    ag("marston-public-health", "Public Health Marston (London Borough of Marston)",
       "public_health", MA)
    ag("marston-yos", "Marston Youth Offending Service", "youth_justice", MA)
    ag("marston-ccg", "Marston Clinical Commissioning Group", "health_commissioner", MA)
    ag("marston-eastbrook-hospitals", "Marston and Eastbrook Hospitals NHS Trust",
       "nhs_provider", ["marston", "eastbrook"])
    ag("east-london-cmh-ft", "East London Community and Mental Health NHS Foundation Trust",
       "nhs_provider", ["marston", "eastbrook", "fairmead"])
    ag("marston-primary-heads", "Marston Primary Headteachers' Group (maintained schools)",
       "school", MA)
    ag("marston-secondary-heads", "Marston Secondary Headteachers' Group", "school", MA)
    ag("marston-park-academy", "Marston Park Academy", "academy", MA)
    ag("marston-college", "Marston and Eastbrook College", "fe_college",
       ["marston", "eastbrook"])
    ag("marston-cvs", "Marston Council for Voluntary Service", "voluntary", MA)
    ag("marston-victim-support", "Marston Victim and Witness Service (charity)", "voluntary",
       MA)
    ag("healthwatch-marston", "Healthwatch Marston", "healthwatch", MA)
    ag("marston-homes", "Marston Homes (arm's-length housing management)", "housing", MA)
    ag("east-london-family-court", "East London Family Court", "judiciary",
       ["marston", "eastbrook", "fairmead"])
    ag("east-london-hmcts", "HM Courts and Tribunals Service, East London", "other",
       ["marston", "eastbrook", "fairmead"])
    ag("eastbrook-council", "London Borough of Eastbrook", "local_authority", ["eastbrook"])
    ag("fairmead-council", "London Borough of Fairmead", "local_authority", ["fairmead"])
    return L, MA


def build_marston_boards(w, s):
    L, MA = build_marston(w)
    P = w.person
    chair_d = P(None, "Independent Chair, Marston LSCB (to May 2014)")
    dcs = P("marston-council", "Director of Children's Services")
    hos = P("marston-council", "Head of Safeguarding and Quality Assurance")
    lead_member = P("marston-council", "Councillor; Cabinet Member for Children and Schools")
    dph = P("marston-public-health", "Director of Public Health")
    ccg_dq = P("marston-ccg", "Director of Quality and Nursing")
    nhse = P("london-nhs-england", "Head of Nursing, Safeguarding (London)")
    hosp_cn = P("marston-eastbrook-hospitals", "Chief Nurse")
    elft = P("east-london-cmh-ft", "Associate Director of Safeguarding")
    des_doc = P("marston-eastbrook-hospitals", "Designated Doctor for Safeguarding Children, "
                "Marston")
    des_nurse = P("marston-ccg", "Designated Nurse for Safeguarding Children, Marston")
    commander = P("met-police", "Chief Superintendent, Marston Borough Commander")
    cait = P("met-police", "Detective Superintendent, Child Abuse Investigation Command "
             "(East)")
    nps = P("nps-london", "Head of Marston and Eastbrook Cluster")
    crc = P("london-crc", "Borough Manager, Marston")
    yos_head = P("marston-yos", "Head of Youth Offending Service")
    cafcass = P("cafcass-london", "Head of Service, East London")
    primary = P("marston-primary-heads", "Headteacher, Fernside Primary School")
    secondary = P("marston-secondary-heads", "Headteacher, Marston Vale School")
    academy = P("marston-park-academy", "Assistant Principal (Inclusion)")
    college = P("marston-college", "Vice Principal, Curriculum and Learner Support")
    cvs = P("marston-cvs", "Director")
    homes = P("marston-homes", "Head of Neighbourhoods")
    lay1 = P(None, "Lay member")
    lay2 = P(None, "Lay member")
    bm = P("marston-council", "LSCB Business Manager")

    src = "Marston LSCB annual report 2013-14"
    lscb = w.board("marston-lscb", "Marston Local Safeguarding Children Board", "lscb", MA,
                   6, 2.5, files=["marston"], source=src)
    w.seats(lscb, [
        (chair_d, "chair", "S", "R", {"from_": "2010-04-01", "until": "2014-06-01"}),
        (s["chair_b"], "chair", "S", "R",
         {"from_": "2014-06-01", "source": "Marston LSCB minutes, June 2014"}),
        (dcs, "vice_chair", "S", "R"), (hos, "member", "S", "R"),
        (lead_member, "participating_observer", "S", "R"), (dph, "member", "S", "R"),
        (ccg_dq, "member", "S", "R"), (nhse, "member", "S", "R"),
        (hosp_cn, "member", "S", "R"), (elft, "member", "S", "R"),
        (des_doc, "adviser", "S", "R", {"represents": "marston-ccg"}),
        (des_nurse, "adviser", "S", "R"),
        (commander, "member", "S", "R"), (cait, "member", "S", "P"),
        (nps, "member", "S", "R"), (crc, "member", "N", "P"),
        (yos_head, "member", "S", "R"), (cafcass, "member", "S", "R"),
        (primary, "member", "S", "R"), (secondary, "member", "S", "R"),
        (academy, "member", "N", "P"), (college, "member", "S", "R"),
        (cvs, "member", "S", "R"), (homes, "member", "S", "P"),
        (lay1, "lay_member", "U", "R", {"from_": "2013-06-01"}),
        (lay2, "lay_member", "U", "R", {"from_": "2013-06-01"}),
        (bm, "officer", "N", "R"),
    ])

    src_sg = "Marston LSCB sub-group membership, December 2014"
    di = P("met-police", "Detective Inspector, Child Abuse Investigation Team")
    cp_mgr = P("marston-council", "Service Manager, Child Protection")
    hosp_named = P("marston-eastbrook-hospitals", "Named Nurse for Safeguarding Children")
    elft_named = P("east-london-cmh-ft", "Named Nurse, Marston")
    scr = w.board("marston-lscb-scr", "Marston LSCB Serious Case Review Sub-group", "lscb",
                  MA, 6, 2, parent=lscb, source=src_sg)
    w.seats(scr, [
        (des_nurse, "chair", "S", "R"), (di, "member", "N", "R"),
        (cp_mgr, "member", "N", "R"), (hosp_named, "member", "N", "R"),
        (elft_named, "member", "N", "P"), (cafcass, "member", "S", "P"),
        (bm, "officer", "N", "R"),
    ])
    analyst = P("marston-council", "Business Intelligence Analyst")
    ccg_sg = P("marston-ccg", "Safeguarding Children Lead Nurse")
    qa = w.board("marston-lscb-qa", "Marston LSCB Quality Assurance and Performance Sub-group",
                 "lscb", MA, 6, 2, parent=lscb)
    w.seats(qa, [
        (hos, "chair", "S", "R"), (analyst, "officer", "N", "R"),
        (ccg_sg, "member", "N", "R"), (di, "member", "N", "P"),
        (hosp_named, "member", "N", "R"), (secondary, "member", "S", "P"),
    ])
    trainer = P("marston-council", "LSCB Training Manager")
    cvs_dev = P("marston-cvs", "Safeguarding Development Worker")
    training = P("marston-council", "Principal Social Worker")
    ld = w.board("marston-lscb-training", "Marston LSCB Training and Development Sub-group",
                 "lscb", MA, 4, 2, parent=lscb)
    w.seats(ld, [
        (college, "chair", "S", "R"), (trainer, "officer", "N", "R"),
        (cvs_dev, "member", "N", "R"), (training, "member", "S", "R"),
        (elft_named, "member", "N", "R"), (primary, "member", "S", "P"),
    ])
    cse_lead = P("met-police", "Detective Chief Inspector, Marston Public Protection")
    cse_coord = P("marston-council", "CSE and Missing Co-ordinator")
    yos_mgr = P("marston-yos", "Operations Manager")
    sexual_health = P("marston-eastbrook-hospitals", "Clinical Nurse Specialist, Young "
                      "People's Sexual Health")
    cse = w.board("marston-lscb-cse", "Marston LSCB CSE and Missing Sub-group", "lscb", MA,
                  6, 2, parent=lscb)
    w.seats(cse, [
        (cse_lead, "chair", "S", "R"), (cse_coord, "officer", "N", "R"),
        (yos_mgr, "member", "N", "R"), (sexual_health, "member", "N", "R"),
        (academy, "member", "N", "P"),
    ])

    # HWB
    leader = P("marston-council", "Councillor; Cabinet Member for Health and Adult Care")
    dass = P("marston-council", "Director of Adult Social Services")
    ccg_chair = P("marston-ccg", "Clinical Chair (GP)")
    ccg_ao = P("marston-ccg", "Chief Officer")
    hw = P("healthwatch-marston", "Chair")
    nhse_comm = P("london-nhs-england", "Head of Primary Care Commissioning (East London)")
    hwb = w.board("marston-hwb", "Marston Health and Wellbeing Board", "hwb", MA, 6, 2.5,
                  files=["marston"], source="Marston HWB terms of reference (2013)")
    w.seats(hwb, [
        (leader, "chair", "S", "R"), (ccg_chair, "vice_chair", "S", "R"),
        (lead_member, "member", "S", "R"), (dcs, "member", "S", "R"),
        (dass, "member", "S", "R"), (dph, "member", "S", "R"), (ccg_ao, "member", "S", "R"),
        (hw, "member", "S", "R"), (nhse_comm, "member", "N", "P"),
        (commander, "member", "S", "P"), (cvs, "member", "S", "R"),
    ])

    # CSP
    cm_cs = P("marston-council", "Councillor; Cabinet Member for Community Safety")
    cs_head = P("marston-council", "Head of Community Safety")
    lfb = P("london-fire-brigade", "Borough Commander, Marston")
    mopac = P("mopac", "Criminal Justice Policy Officer (East London)")
    ccg_cs = P("marston-ccg", "Head of Mental Health Commissioning")
    victim = P("marston-victim-support", "Service Manager")
    csp = w.board("marston-csp", "Safer Marston Partnership", "csp", MA, 4, 2,
                  files=["marston"], source="Safer Marston Partnership minutes, December 2014")
    w.seats(csp, [
        (cm_cs, "chair", "S", "R"), (commander, "vice_chair", "S", "R"),
        (cs_head, "officer", "S", "R"), (lfb, "member", "S", "R"),
        (crc, "member", "N", "R"), (nps, "member", "S", "P"), (ccg_cs, "member", "N", "P"),
        (mopac, "member", "N", "P"), (yos_head, "member", "S", "R"),
        (homes, "member", "S", "R"), (victim, "member", "N", "R"), (dph, "member", "S", "P"),
    ])

    # SAB
    chair_c = P(None, "Independent Chair, Marston Safeguarding Adults Board")
    asg = P("marston-council", "Head of Adult Safeguarding")
    ccg_asg = P("marston-ccg", "Adult Safeguarding Lead Nurse")
    hosp_asg = P("marston-eastbrook-hospitals", "Deputy Chief Nurse")
    las = P("london-ambulance", "Safeguarding Manager, East Sector")
    di_adult = P("met-police", "Detective Inspector, Community Safety Unit")
    tenancy = P("marston-homes", "Tenancy Sustainment Manager")
    sab_bm = P("marston-council", "SAB Business Manager")
    sab = w.board("marston-sab", "Marston Safeguarding Adults Board", "sab", MA, 4, 2.5,
                  files=["marston"], source="Marston SAB annual report 2013-14")
    w.seats(sab, [
        (chair_c, "chair", "S", "R", {"from_": "2013-04-01"}), (dass, "vice_chair", "S", "R"),
        (asg, "member", "S", "R"), (ccg_asg, "member", "N", "R"),
        (hosp_asg, "member", "S", "R"), (elft, "member", "S", "P"),
        (las, "member", "N", "P"), (di_adult, "member", "N", "R"),
        (lfb, "member", "S", "P"), (hw, "member", "S", "R"), (tenancy, "member", "N", "R"),
        (sab_bm, "officer", "N", "R"),
    ])

    # LFJB (spans Marston and two neighbouring boroughs)
    dfj = P("east-london-family-court", "Designated Family Judge, East London")
    hmcts = P("east-london-hmcts", "Family Business Delivery Manager")
    ad = P("marston-council", "Assistant Director, Children's Social Care")
    eastbrook = P("eastbrook-council", "Head of Children's Legal Services")
    fairmead = P("fairmead-council", "Assistant Director, Safeguarding and Care")
    lfjb = w.board("east-london-lfjb", "East London Local Family Justice Board", "lfjb",
                   ["marston", "eastbrook", "fairmead"], 4, 2, files=["marston"],
                   source="East London LFJB terms of reference (2013)")
    w.seats(lfjb, [
        (dfj, "chair", "S", "R"), (cafcass, "member", "S", "R"), (hmcts, "member", "N", "R"),
        (ad, "member", "S", "R"), (eastbrook, "member", "N", "R"),
        (fairmead, "member", "S", "P"),
    ])

    w.relation(lscb, hwb, "protocol", ("Joint protocol (2014): the chair has an open door to the HWB; five LSCB members sit on it, "
               "the chair does not"))
    w.relation(lscb, csp, "joint_subgroup", "Joint violence against women and girls sub-group")
    w.relation(lscb, lfjb, "protocol", "LFJB-LSCB information-sharing protocol (2014)")
    w.relation(sab, lscb, "protocol", "Transitions protocol (young people moving to adult "
               "services)")


# [SECTION] Assembly and selection


def build_world():
    w = World()
    build_areas(w)
    build_shared_agencies(w)
    s = shared_people(w)
    mid = build_midshire(w, s)
    # The LFJB seats Buffton's assistant director, so Buffton is built first.
    buffton_ad = build_buffton(w, s)
    lfjb = build_lfjb(w, s, buffton_ad)
    w.relation(mid["lscb"], lfjb, "protocol", "LFJB-LSCB protocol (2014) on public law "
               "outline and care proceedings")
    build_marston_boards(w, s)
    return w


def area_closure(w, area_ids):
    """Every area in the trees (from the root down) of the given areas."""
    parent = {a["id"]: a.get("parent") for a in w.areas}
    roots = set()
    for a in area_ids:
        while parent.get(a):
            a = parent[a]
        roots.add(a)
    keep = set()
    for a in w.areas:
        r = a["id"]
        while parent.get(r):
            r = parent[r]
        if r in roots:
            keep.add(a["id"])
    return keep


def select(w, key):
    """The slice of the world a case-study file needs (key None: everything)."""
    if key is None:
        boards = {b["id"] for b in w.boards}
    else:
        boards = {b for b, files in w.board_files.items() if key in files}
    memberships = [m for m in w.memberships if m["board"] in boards]
    people = {m["person"] for m in memberships}
    agencies = set()
    for p in w.people:
        if p["id"] in people and p.get("agency"):
            agencies.add(p["agency"])
    for m in memberships:
        if m.get("represents"):
            agencies.add(m["represents"])
    if key is None:
        agencies = {a["id"] for a in w.agencies}
    referenced = set(w.home_areas.get(key, []))
    for b in w.boards:
        if b["id"] in boards:
            referenced.update(b["footprint"])
    for a in w.agencies:
        if a["id"] in agencies:
            referenced.update(a["footprint"])
    areas = area_closure(w, referenced) if key else {a["id"] for a in w.areas}
    return {
        "areas": [a for a in w.areas if a["id"] in areas],
        "agencies": [a for a in w.agencies if a["id"] in agencies],
        "boards": [b for b in w.boards if b["id"] in boards],
        "people": [p for p in w.people if p["id"] in people],
        "memberships": memberships,
        "relations": [r for r in w.relations if r["from"] in boards and r["to"] in boards],
    }


DATASETS = {
    "midshire": ("midshire.json", "Midshire (case study): safeguarding boards, January 2015",
                 "A two-tier county, 'Midshire' (the review's pseudonym), as it might have looked "
                 "when the case studies were done: the LSCB with its executive group and five "
                 "sub-groups, the HWB, five CSPs (Kesby and Harrowdale share one), the SAB, the "
                 "CYPP that replaced the Children's Trust Board, and the LFJB shared with "
                 "Buffton. Statutory structures are real; every person, name and source label "
                 "is invented."),
    "buffton": ("buffton.json", "Buffton (case study): safeguarding boards, January 2015",
                "A unitary authority, 'Buffton' (the review's pseudonym): its LSCB with three "
                "sub-groups, HWB, CSP and SAB, and the LFJB shared with Midshire; police, a CCG "
                "and several providers also cover Midshire. Statutory structures are real; "
                "every person, name and source label is invented."),
    "marston": ("marston.json", "Marston (case study): safeguarding boards, January 2015",
                "A London borough, 'Marston' (the review's pseudonym): its LSCB with four "
                "sub-groups, HWB, CSP, SAB and the East London LFJB; the Metropolitan Police, "
                "NHS England (London), probation and Cafcass cover all of London. Statutory "
                "structures are real; every person, name and source label is invented."),
    None: ("landscape-2015.json", "Midshire, Buffton and Marston: the 2015 case-study "
           "landscape",
           "The three case-study areas of the 2015 LSCB review together (the union of "
           "midshire.json, buffton.json and marston.json, with the same ids), so that the "
           "people and agencies who serve boards in more than one area show up: the police "
           "force, CCG, providers and probation shared by Midshire and Buffton, and the "
           "independent chair of both the Buffton and the Marston LSCB. Statutory structures "
           "are real; every person, name and source label is invented."),
}


def document(w, key):
    filename, title, description = DATASETS[key]
    part = select(w, key)
    sources = [REVIEW]
    for m in part["memberships"]:
        if m["source"] not in sources:
            sources.append(m["source"])
    doc = {
        "format": "boardscape",
        "version": 1,
        "meta": {"title": title, "as_of": AS_OF, "description": description,
                 "sources": sources, "licence": LICENCE},
    }
    doc.update(part)
    if key is None:
        doc["views"] = WORKSHOP_VIEWS
    return filename, pretty(doc) + "\n"


def view(name, overlay, selected=None, anonymise=False, areas=True):
    """One saved viewer view (docs/viewer.md), keys in the order the viewer writes them. Every
    view says whether names show, so stepping back from the anonymised one shows them again."""
    v = {"anonymise": anonymise, "center": [0, 0]}
    v["filters"] = {"areas": areas, "hidden_board_kinds": [], "hidden_sectors": [],
                    "inactive": False, "people": True}
    v["name"] = name
    v["overlay"] = overlay
    if selected:
        v["selected"] = selected
    v["span"] = 0
    return v


# The default map's storyline for a workshop (stepped through with the arrow keys): each view
# fits the whole map (span 0) with one overlay.
WORKSHOP_VIEWS = [
    view("1. Who sits on several boards", "overlap"),
    view("2. One police force, many boards", "boundaries", selected="midshire-buffton-police"),
    view("3. Hours a year at the table", "load"),
    view("4. Expected partners round each board", "representation"),
    view("5. Overlap, names hidden", "overlap", anonymise=True, areas=False),
]


INLINE_ARRAY_CHARS = 72


def pretty(value, indent=0):
    """The library's canonical layout (graph/src/json_write.cpp): 2-space indent, one member per
    line, arrays of scalars on one line when that line is at most 72 characters."""
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {pretty(v, indent + 2)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if not any(isinstance(v, (dict, list)) for v in value):
            line = "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
            if len(line) <= INLINE_ARRAY_CHARS:
                return line
        items = [pad + pretty(v, indent + 2) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a committed file differs")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), ".."),
                        help="folder to write into (default: datasets/)")
    args = parser.parse_args()
    w = build_world()
    stale = []
    for key in ("midshire", "buffton", "marston", None):
        filename, text = document(w, key)
        path = os.path.join(args.out, filename)
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(filename)
            except OSError:
                stale.append(filename)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
