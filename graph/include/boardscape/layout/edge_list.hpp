// Plain edge lists (`.edges`) for `boardscape layout` and the benchmark: one `u v` pair of node
// ids per line, optionally a third field with a positive weight; `#` starts a comment; blank
// lines are skipped. Node ids are any whitespace-free strings, numbered in order of first use.
#pragma once

#include "boardscape/layout/force_layout.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace boardscape::layout {

struct EdgeList {
    std::vector<std::string> ids;  // indexed by node
    LayoutGraph graph;
};

/// Parses edge-list text. Throws boardscape::LoadError listing every bad line as
/// "FILE:LINE:COL: error: …" (see dataset_json.hpp); `file` is used only in messages.
EdgeList parse_edge_list(std::string_view text, std::string_view file = "<input>");

/// Reads then parses a file; I/O failures throw LoadError "FILE: error: cannot read: REASON".
EdgeList read_edge_list_file(const std::filesystem::path& path);

/// The text form: "u v" per line (weights other than 1 as a third field).
std::string edge_list_text(const EdgeList& list);

}  // namespace boardscape::layout
