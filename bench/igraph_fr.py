#!/usr/bin/python3
"""The igraph peer of boardscape_bench (DESIGN §7, second round).

    igraph_fr.py EDGES OUT

EDGES: a first line "N M", then M lines "U V" (0-based node indices). Lays the graph out with
python3-igraph's grid Fruchterman-Reingold (`layout_fruchterman_reingold(grid=True)`, its
defaults otherwise: 500 iterations), the fastest CPU peer found. OUT gets a first line
"SECONDS CPU_SECONDS" (the layout call only, as boardscape's own row times `run_layout` only:
building the igraph Graph is not counted), then one "X Y" line per node.

Exit status 3 when python3-igraph is not installed, so the benchmark can say so.
"""
import sys
import time

try:
    import igraph
except ImportError:
    sys.stderr.write("igraph_fr.py: python3-igraph is not installed (apt-get install python3-igraph)\n")
    sys.exit(3)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="ascii") as f:
        n, m = (int(x) for x in f.readline().split())
        edges = [tuple(int(x) for x in f.readline().split()) for _ in range(m)]
    g = igraph.Graph(n=n, edges=edges, directed=False)
    w0, c0 = time.perf_counter(), time.process_time()
    layout = g.layout_fruchterman_reingold(grid=True)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    with open(argv[2], "w", encoding="ascii") as out:
        out.write(f"{wall:.6f} {cpu:.6f}\n")
        for x, y in layout.coords:
            out.write(f"{x!r} {y!r}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
