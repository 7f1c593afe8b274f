// Helpers for the benchmark program: timing, running a measured step in a forked child (so its
// peak memory is its own), running Graphviz sfdp as a subprocess, and DOT / -Tplain I/O.
#pragma once

#include "boardscape/layout/force_layout.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace boardscape::bench {

struct Measured {
    bool ok = false;
    double seconds = 0;  // as reported by the child (or wall time around a subprocess)
    double cpu_seconds = 0;  // user + system CPU time of the measured step, all threads
    double peak_mb = 0;      // the child's peak resident set size during the step
    std::string error;
};

/// Runs `work` in a forked child. `work` returns its own timed seconds (negative = failure) and
/// may write results to files. The parent reads the measurements back through a pipe.
Measured run_in_child(const std::function<double()>& work);

/// Writes g as an undirected DOT graph with point-shaped nodes named by index.
void write_dot(const layout::LayoutGraph& g, const std::string& path);

/// Runs `sfdp -Tplain` on a DOT file; fills positions (indexed by node) from its output.
Measured run_sfdp(const std::string& dot_path, std::size_t n, const std::string& out_path,
                  std::vector<layout::Vec2>& positions);

/// Runs the igraph peer (bench/igraph_fr.py: python3-igraph's grid Fruchterman–Reingold) on g
/// through an edge-list file in `tmp_dir`; fills positions. `seconds`/`cpu_seconds` are the
/// layout call's own, as the script measured them; `peak_mb` is the whole Python process's. On
/// failure `error` says why (python3-igraph missing: "python3-igraph not installed").
Measured run_igraph_fr(const std::string& script, const layout::LayoutGraph& g, const std::string& tmp_dir,
                       std::vector<layout::Vec2>& positions);

void write_positions(const std::vector<layout::Vec2>& p, const std::string& path);
std::optional<std::vector<layout::Vec2>> read_positions(const std::string& path, std::size_t n);

double now_seconds();
/// User + system CPU seconds of this process so far (all threads).
double cpu_seconds();

}  // namespace boardscape::bench
