#include "app/layout_runner.hpp"

#include <algorithm>

namespace boardscape::viewer {

std::vector<double> bridge_weights(const Scene& s) {
    // Iterative Tarjan bridge finding with DFS subtree sizes. A spring-electrical layout puts
    // two big clusters joined by one edge (e.g. one independent chair serving two areas) far
    // apart: the pair's repulsion grows with the product of their sizes while one spring holds
    // them. Strengthening such a spring in proportion to the smaller side keeps both landscapes
    // on one screen without touching how either is laid out inside.
    const std::size_t n = s.nodes.size();
    std::vector<double> w(s.edges.size(), 1.0);
    std::vector<int> disc(n, -1), low(n, 0), sub(n, 1);
    std::vector<std::int64_t> parent_edge(n, -1);
    std::vector<std::size_t> comp_size_of(n, 0);
    struct Frame {
        NodeIndex node;
        std::size_t next;
    };
    std::vector<Frame> stack;
    std::vector<NodeIndex> order;
    int time = 0;
    for (NodeIndex root = 0; root < n; ++root) {
        if (disc[root] >= 0) continue;
        order.clear();
        stack.push_back({root, 0});
        disc[root] = low[root] = time++;
        order.push_back(root);
        while (!stack.empty()) {
            Frame& f = stack.back();
            const auto& inc = s.incident[f.node];
            if (f.next < inc.size()) {
                const std::uint32_t e = inc[f.next++];
                if (static_cast<std::int64_t>(e) == parent_edge[f.node]) continue;
                const SceneEdge& ed = s.edges[e];
                const NodeIndex m = ed.u == f.node ? ed.v : ed.u;
                if (disc[m] < 0) {
                    disc[m] = low[m] = time++;
                    parent_edge[m] = e;
                    order.push_back(m);
                    stack.push_back({m, 0});
                } else {
                    low[f.node] = std::min(low[f.node], disc[m]);
                }
            } else {
                const NodeIndex c = f.node;
                stack.pop_back();
                if (!stack.empty()) {
                    const NodeIndex p = stack.back().node;
                    low[p] = std::min(low[p], low[c]);
                    sub[p] += sub[c];
                }
            }
        }
        for (NodeIndex v : order) comp_size_of[v] = order.size();
    }
    for (NodeIndex c = 0; c < n; ++c) {
        if (parent_edge[c] < 0) continue;
        const SceneEdge& ed = s.edges[static_cast<std::size_t>(parent_edge[c])];
        const NodeIndex p = ed.u == c ? ed.v : ed.u;
        if (low[c] <= disc[p]) continue;  // not a bridge
        const double small = std::min<double>(sub[c], static_cast<double>(comp_size_of[c]) - sub[c]);
        if (small >= 8) w[static_cast<std::size_t>(parent_edge[c])] = std::min(40.0, small / 3.0);
    }
    return w;
}

layout::LayoutGraph layout_graph(const Scene& s) {
    const std::vector<double> bridge = bridge_weights(s);
    layout::LayoutGraph g;
    g.node_count = s.nodes.size();
    g.edges.reserve(s.edges.size());
    for (const SceneEdge& e : s.edges) {
        // Memberships and sub-groups shape the picture; footprints only pull agencies and
        // boards loosely towards their areas so geography shows without dominating.
        double w = 1.0;
        switch (e.type) {
        case EdgeType::membership: w = 1.0; break;
        case EdgeType::works_for: w = 0.6; break;
        case EdgeType::subgroup_of: w = 2.0; break;
        case EdgeType::relation: w = 0.8; break;
        case EdgeType::covers: w = 0.35; break;
        case EdgeType::part_of: w = 1.0; break;
        }
        g.edges.push_back({e.u, e.v, w * bridge[g.edges.size()]});
    }
    return g;
}

LayoutRunner::~LayoutRunner() { stop(); }

void LayoutRunner::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
    m_stepper.reset();
    m_stop = false;
    m_ops.clear();
}

void LayoutRunner::start(const Scene& s, std::vector<WorldPoint> initial, std::vector<bool> pinned,
                         bool threaded) {
    stop();
    std::vector<layout::Vec2> init;
    if (initial.size() == s.nodes.size())
        for (const auto& p : initial) init.push_back({p.x, p.y});
    if (pinned.size() != s.nodes.size()) pinned.clear();
    layout::LayoutOptions opts;
    opts.seed = 2015;
    // One thread: the worker already takes a core from the UI, and for the many small
    // components of a landscape, spreading each iteration over threads costs more than it saves.
    opts.threads = 1;
    m_stepper = std::make_unique<layout::LayoutStepper>(layout_graph(s), opts, std::move(init),
                                                        std::move(pinned));
    m_converged = m_stepper->converged();
    m_threaded = threaded;
    {
        std::lock_guard lock(m_mutex);
        publish_locked();
    }
    if (threaded) m_thread = std::thread([this] { worker(); });
}

void LayoutRunner::publish_locked() {
    const auto& pos = m_stepper->positions();
    m_snapshot.resize(pos.size());
    for (std::size_t i = 0; i < pos.size(); ++i) m_snapshot[i] = {pos[i].x, pos[i].y};
    ++m_generation;
}

void LayoutRunner::apply_ops_locked(std::vector<Op>& ops) {
    for (const Op& op : ops) {
        switch (op.kind) {
        case Op::Kind::move: m_stepper->set_position(op.node, {op.p.x, op.p.y}, op.pin); break;
        case Op::Kind::pin: m_stepper->set_pinned(op.node, op.pin); break;
        case Op::Kind::reheat: m_stepper->reheat(); break;
        }
    }
    if (!ops.empty()) m_converged = m_stepper->converged();
    ops.clear();
}

void LayoutRunner::worker() {
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        apply_ops_locked(m_ops);
        if (m_stepper->converged()) {
            m_converged = true;
            publish_locked();
            m_wake.wait(lock, [&] { return m_stop || !m_ops.empty(); });
            continue;
        }
        lock.unlock();
        // The stepper is only touched by this thread while running; ops wait for the lock.
        m_stepper->step(2);
        lock.lock();
        publish_locked();
        m_converged = m_stepper->converged();
    }
}

bool LayoutRunner::poll(std::vector<WorldPoint>& out) {
    if (!m_stepper) return false;
    std::lock_guard lock(m_mutex);
    if (m_generation == m_seen_generation) return false;
    m_seen_generation = m_generation;
    out = m_snapshot;
    return true;
}

bool LayoutRunner::settle(int max_steps) {
    if (!m_stepper || m_threaded) return m_converged;
    std::lock_guard lock(m_mutex);
    apply_ops_locked(m_ops);
    for (int i = 0; i < max_steps && !m_stepper->converged(); ++i) m_stepper->step(32);
    m_converged = m_stepper->converged();
    publish_locked();
    return m_converged;
}

void LayoutRunner::set_position(NodeIndex n, WorldPoint p, bool pin) {
    {
        std::lock_guard lock(m_mutex);
        m_ops.push_back({Op::Kind::move, n, p, pin});
    }
    m_wake.notify_all();
}

void LayoutRunner::set_pinned(NodeIndex n, bool pin) {
    {
        std::lock_guard lock(m_mutex);
        m_ops.push_back({Op::Kind::pin, n, {}, pin});
    }
    m_wake.notify_all();
}

void LayoutRunner::reheat() {
    {
        std::lock_guard lock(m_mutex);
        m_ops.push_back({Op::Kind::reheat, 0, {}, false});
    }
    m_wake.notify_all();
}

}  // namespace boardscape::viewer
