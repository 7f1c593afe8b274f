#!/usr/bin/env python3
"""An independent recomputation of `boardscape map --format json` (DESIGN §8.2) from a dataset and
the shipped hex layouts, written from the contract without the C++ library: cells, regions per
layer, split cells, fill/borders/mismatch edges. Prints both and exits 1 when they differ.

    python3 datasets/tools/check_map.py FILE FILL [BORDERS] [--boardscape build/bin/boardscape]

Python 3 standard library only.
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAYOUTS = {"lad15": "openinnovations_hexmap_lad15_uk.hexjson", "lad23": "openinnovations_hexmap_lad23_uk.hexjson"}


def main():
    args = [a for a in sys.argv[1:]]
    exe = os.path.join(ROOT, "build", "bin", "boardscape")
    if "--boardscape" in args:
        i = args.index("--boardscape"); exe = args[i + 1]; del args[i:i + 2]
    path, fill = args[0], args[1]
    borders = args[2] if len(args) > 2 else None
    d = json.load(open(path))
    as_of = d.get("meta", {}).get("as_of")
    areas = {a["id"]: a for a in d.get("areas", [])}
    children = {}
    for a in d.get("areas", []):
        if a.get("parent"): children.setdefault(a["parent"], []).append(a["id"])

    def leaves(aid):
        if aid not in children: return {aid}
        out = set()
        for c in children[aid]: out |= leaves(c)
        return out

    def fp(ids):
        out = set()
        for i in ids: out |= leaves(i)
        return out

    boards = {b["id"]: b for b in d.get("boards", [])}

    def active(b):
        if as_of:
            if b.get("from") and b["from"] > as_of: return False
            if b.get("until") and not as_of < b["until"]: return False
        if b.get("parent"): return active(boards[b["parent"]])
        return True

    kinds = {b["kind"] for b in d.get("boards", [])} | {"lscb", "lscp", "hwb", "csp", "lfjb", "sab", "cypp",
             "childrens_trust", "icp", "dalpb", "cdp", "svp", "mappa_smb", "lcjb", "yjmb", "other"}

    def candidates(layer):
        if layer in kinds:
            ents = [b for b in d["boards"] if b["kind"] == layer and not b.get("parent") and active(b)]
        else:
            ents = [a for a in d["agencies"] if a["sector"] == layer]
        return sorted(((e["id"], fp(e["footprint"])) for e in ents), key=lambda x: x[0])

    by_code = {}
    for a in d["areas"]:
        if a.get("code") and a["code"] not in by_code: by_code[a["code"]] = a["id"]
    best = None
    for name, f in LAYOUTS.items():
        hexes = json.load(open(os.path.join(ROOT, "datasets", "geo", f)))["hexes"]
        n = sum(1 for a in d["areas"] if a.get("code") in hexes)
        if n and (best is None or n >= best[1]): best = (name, n, hexes)
    layout, _, hexes = best
    cells = {code: by_code[code] for code in hexes if code in by_code}

    def regions(layer):
        cands = candidates(layer)
        out, split = {}, {}
        for code, aid in cells.items():
            lv = leaves(aid)
            use_pop = all(areas[l].get("population") is not None for l in lv) and sum(areas[l].get("population") or 0 for l in lv) > 0
            w = {}
            for cid, cl in cands:
                common = lv & cl
                if common: w[cid] = sum(areas[l]["population"] for l in common) if use_pop else len(common)
            out[code] = min(w, key=lambda k: (-w[k], k)) if w else None
            split[code] = len(w) > 1
        return out, split

    pos = {(h["q"], h["r"]): code for code, h in hexes.items() if code in cells}

    def nbrs(q, r):
        o = r & 1
        return [(q + 1, r), (q + o, r + 1), (q - 1 + o, r + 1), (q - 1, r), (q - 1 + o, r - 1), (q + o, r - 1)]

    edges = set()
    for (q, r), code in pos.items():
        for p in nbrs(q, r):
            if p in pos: edges.add(tuple(sorted((code, pos[p]))))
    fr, fs = regions(fill)
    res = {"layout": layout, "cells": len(cells),
           "fill": {"layer": fill, "regions": len({v for v in fr.values() if v}), "split_cells": sum(fs.values())}}
    ef = {e for e in edges if fr[e[0]] != fr[e[1]]}
    if borders:
        br, bs = regions(borders)
        res["borders"] = {"layer": borders, "regions": len({v for v in br.values() if v}), "split_cells": sum(bs.values())}
        eb = {e for e in edges if br[e[0]] != br[e[1]]}
        res["boundary_edges"] = {"fill": len(ef), "borders": len(eb), "mismatch": len(ef ^ eb)}
    else:
        res["boundary_edges"] = {"fill": len(ef), "borders": 0, "mismatch": 0}
    cmd = [exe, "map", path, "--fill", fill, "--format", "json", "-o", "-"] + (["--borders", borders] if borders else [])
    got = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    mine = {k: got[k] for k in res}
    print("independent:", json.dumps(res))
    print("boardscape: ", json.dumps(mine))
    return 0 if mine == res else 1


if __name__ == "__main__":
    sys.exit(main())
