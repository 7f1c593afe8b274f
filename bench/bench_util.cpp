// Benchmark helpers (see bench_util.hpp). POSIX only: fork, pipe, wait4.
#include "bench_util.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace boardscape::bench {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double cpu_seconds() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

namespace {

/// Resets the kernel's peak-RSS mark for this process (Linux ≥ 4.0), so VmHWM afterwards
/// is the peak of the measured step (including memory the step inherited and touched).
void reset_peak_rss() {
    if (std::FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
}

double peak_rss_mb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

}  // namespace

Measured run_in_child(const std::function<double()>& work) {
    Measured m;
    int fds[2];
    if (pipe(fds) != 0) {
        m.error = "pipe failed";
        return m;
    }
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid < 0) {
        m.error = "fork failed";
        return m;
    }
    if (pid == 0) {
        close(fds[0]);
        double s[3] = {-1, 0, 0};
        reset_peak_rss();
        const double c0 = cpu_seconds();
        try {
            s[0] = work();
        } catch (...) {
            s[0] = -1;
        }
        s[1] = cpu_seconds() - c0;
        s[2] = peak_rss_mb();
        const ssize_t w = write(fds[1], s, sizeof s);
        _exit(w == static_cast<ssize_t>(sizeof s) ? 0 : 1);
    }
    close(fds[1]);
    double s[3] = {-1, 0, 0};
    const ssize_t r = read(fds[0], s, sizeof s);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    m.ok = r == static_cast<ssize_t>(sizeof s) && s[0] >= 0 && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
    m.seconds = s[0];
    m.cpu_seconds = s[1];
    m.peak_mb = s[2];
    if (!m.ok) m.error = "child failed";
    return m;
}

void write_dot(const layout::LayoutGraph& g, const std::string& path) {
    std::ofstream out(path);
    out << "graph G {\n  node [shape=point];\n";
    for (std::size_t i = 0; i < g.node_count; ++i) out << "  " << i << ";\n";
    for (const auto& e : g.edges) out << "  " << e.u << " -- " << e.v << ";\n";
    out << "}\n";
}

namespace {

/// Runs a program (found on PATH) with its standard output in `stdout_path` (none: inherited)
/// and waits: wall time around it, its CPU time and peak memory, and its exit code (-1: it did
/// not exit normally or could not start).
struct ProgramRun {
    int exit_code = -1;
    Measured m;
};
ProgramRun run_program(const std::vector<std::string>& argv, const std::string& stdout_path = {}) {
    ProgramRun r;
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::fflush(stdout);
    const double t0 = now_seconds();
    const pid_t pid = fork();
    if (pid < 0) {
        r.m.error = "fork failed";
        return r;
    }
    if (pid == 0) {
        if (!stdout_path.empty()) {
            const int fd = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0) _exit(127);
            dup2(fd, 1);
        }
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    r.m.seconds = now_seconds() - t0;
    r.m.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                      static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
    r.m.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    return r;
}

}  // namespace

Measured run_sfdp(const std::string& dot_path, std::size_t n, const std::string& out_path,
                  std::vector<layout::Vec2>& positions) {
    const ProgramRun run = run_program({"sfdp", "-Tplain", dot_path}, out_path);
    Measured m = run.m;
    if (run.exit_code != 0) {
        m.error = "sfdp failed (is graphviz installed?)";
        return m;
    }
    // -Tplain: "node NAME X Y W H ..." lines; names are our indices.
    positions.assign(n, layout::Vec2{});
    std::ifstream in(out_path);
    std::string line;
    std::size_t seen = 0;
    while (std::getline(in, line)) {
        if (line.rfind("node ", 0) != 0) continue;
        std::istringstream ls(line.substr(5));
        std::string name;
        double x = 0, y = 0;
        if (!(ls >> name >> x >> y)) continue;
        if (!name.empty() && name.front() == '"') name = name.substr(1, name.size() - 2);
        const std::size_t id = std::stoul(name);
        if (id < n) {
            positions[id] = {x, y};
            ++seen;
        }
    }
    m.ok = seen == n;
    if (!m.ok) m.error = "sfdp output had " + std::to_string(seen) + " of " + std::to_string(n) + " nodes";
    return m;
}

Measured run_igraph_fr(const std::string& script, const layout::LayoutGraph& g, const std::string& tmp_dir,
                       std::vector<layout::Vec2>& positions) {
    Measured m;
    const std::string stem = tmp_dir + "/boardscape-bench-" + std::to_string(getpid()) + "-igraph";
    const std::string edges_path = stem + ".edges";
    const std::string out_path = stem + ".pos";
    {
        std::ofstream edges(edges_path);
        edges << g.node_count << ' ' << g.edges.size() << '\n';
        for (const auto& e : g.edges) edges << e.u << ' ' << e.v << '\n';
        if (!edges) {
            m.error = "cannot write " + edges_path;
            return m;
        }
    }
    // Debian's interpreter: python3-igraph is a Debian package, not in a pyenv on PATH.
    const ProgramRun run = run_program({"/usr/bin/python3", script, edges_path, out_path});
    std::filesystem::remove(edges_path);
    m.peak_mb = run.m.peak_mb;
    if (run.exit_code != 0) {
        m.error = run.exit_code == 3 ? "python3-igraph not installed" : "igraph_fr.py failed";
        std::filesystem::remove(out_path);
        return m;
    }
    std::ifstream in(out_path);
    in >> m.seconds >> m.cpu_seconds;
    positions.assign(g.node_count, layout::Vec2{});
    std::size_t seen = 0;
    for (double x = 0, y = 0; seen < g.node_count && in >> x >> y; ++seen) positions[seen] = {x, y};
    in.close();
    std::filesystem::remove(out_path);
    m.ok = seen == g.node_count;
    if (!m.ok) m.error = "igraph output had " + std::to_string(seen) + " of " + std::to_string(g.node_count) + " nodes";
    return m;
}

void write_positions(const std::vector<layout::Vec2>& p, const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return;
    std::fwrite(p.data(), sizeof(layout::Vec2), p.size(), f);
    std::fclose(f);
}

std::optional<std::vector<layout::Vec2>> read_positions(const std::string& path, std::size_t n) {
    std::vector<layout::Vec2> p(n);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    const std::size_t got = std::fread(p.data(), sizeof(layout::Vec2), n, f);
    std::fclose(f);
    if (got != n) return std::nullopt;
    return p;
}

}  // namespace boardscape::bench
