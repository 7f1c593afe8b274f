// libFuzzer target: the `.edges` reader (parse_edge_list). Inputs that parse must write back
// (edge_list_text) to text that parses to the same graph, and small graphs are laid out for a
// few iterations (positions must stay finite). LoadError is the only expected failure.
#include "boardscape/dataset_json.hpp"
#include "boardscape/layout/edge_list.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "fuzz_edge_list: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace bl = boardscape::layout;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    bl::EdgeList list;
    try {
        list = bl::parse_edge_list(text, "<fuzz>");
    } catch (const boardscape::LoadError& e) {
        if (e.diagnostics().empty()) finding("LoadError without diagnostics");
        return 0;
    }
    try {
        const bl::EdgeList again = bl::parse_edge_list(bl::edge_list_text(list), "<written>");
        if (again.graph.edges.size() != list.graph.edges.size()) finding("round trip changed the edge count");
    } catch (const boardscape::LoadError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        finding("written edge list does not parse");
    }
    if (list.graph.node_count <= 64) {
        bl::LayoutOptions opts;
        opts.threads = 1;
        opts.max_iterations = 20;
        for (const auto& p : bl::run_layout(list.graph, opts))
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) finding("layout produced a non-finite position");
    }
    return 0;
}
