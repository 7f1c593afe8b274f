// A minimal fork-join helper for the layout engine: splits an index range into contiguous
// chunks, one per thread. Callers write only to their own indices, so results do not depend
// on the thread count (determinism across machines).
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace boardscape::layout::detail {

/// Number of threads to use: `requested` if positive, else the hardware's cores (at least 1).
inline int resolve_threads(int requested) {
    if (requested > 0) return requested;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : static_cast<int>(std::min(hw, 64u));
}

/// Calls f(begin, end) over [0, n) in up to `threads` chunks. Runs inline when the range is
/// too small for a thread start (~tens of µs) to pay off.
template <class F>
void parallel_for(std::size_t n, int threads, std::size_t min_per_thread, F&& f) {
    std::size_t t = static_cast<std::size_t>(std::max(threads, 1));
    if (min_per_thread > 0) t = std::min(t, std::max<std::size_t>(1, n / min_per_thread));
    if (t <= 1) {
        f(std::size_t{0}, n);
        return;
    }
    std::vector<std::thread> workers;
    workers.reserve(t - 1);
    const std::size_t chunk = (n + t - 1) / t;
    for (std::size_t k = 1; k < t; ++k) {
        const std::size_t b = std::min(n, k * chunk);
        const std::size_t e = std::min(n, b + chunk);
        workers.emplace_back([&f, b, e] { f(b, e); });
    }
    f(std::size_t{0}, std::min(n, chunk));
    for (auto& w : workers) w.join();
}

}  // namespace boardscape::layout::detail
