// Runs the library's LayoutStepper for the scene, either on a worker thread (interactive: the
// layout animates while frames stay smooth) or synchronously (headless: settle, then render).
// The main thread never touches the stepper; it exchanges positions and edits through a lock.
#pragma once

#include "app/scene.hpp"
#include "boardscape/layout/force_layout.hpp"
#include "canvas/camera.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace boardscape::viewer {

/// The layout graph of a scene: one layout node per scene node, edges weighted by type, with
/// bridges between two large parts strengthened (see bridge_weights).
layout::LayoutGraph layout_graph(const Scene& s);
/// By scene edge: 1, or more for a bridge whose removal splits off ≥ 8 nodes on each side.
std::vector<double> bridge_weights(const Scene& s);

class LayoutRunner {
public:
    LayoutRunner() = default;
    ~LayoutRunner();
    LayoutRunner(const LayoutRunner&) = delete;
    LayoutRunner& operator=(const LayoutRunner&) = delete;

    /// Stops any running layout and starts a new one. `initial` (world units) may be empty.
    void start(const Scene& s, std::vector<WorldPoint> initial, std::vector<bool> pinned,
               bool threaded);
    void stop();
    /// Copies the newest positions into `out` when they changed since the last call.
    bool poll(std::vector<WorldPoint>& out);
    /// Synchronous mode only: steps until converged or `max_steps` calls; returns converged.
    bool settle(int max_steps);
    bool converged() const { return m_converged.load(); }
    bool running() const { return m_stepper != nullptr || m_thread.joinable(); }

    void set_position(NodeIndex n, WorldPoint p, bool pin);
    void set_pinned(NodeIndex n, bool pin);
    void reheat();

private:
    struct Op {
        enum class Kind { move, pin, reheat } kind = Kind::move;
        NodeIndex node = 0;
        WorldPoint p;
        bool pin = false;
    };
    void worker();
    void apply_ops_locked(std::vector<Op>& ops);
    void publish_locked();

    std::unique_ptr<layout::LayoutStepper> m_stepper;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::vector<Op> m_ops;
    std::vector<WorldPoint> m_snapshot;
    std::uint64_t m_generation = 0;
    std::uint64_t m_seen_generation = 0;
    std::atomic<bool> m_converged{false};
    bool m_threaded = false;
};

}  // namespace boardscape::viewer
