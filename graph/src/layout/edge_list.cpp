// Edge-list reading and writing (see edge_list.hpp).
#include "boardscape/layout/edge_list.hpp"

#include "boardscape/dataset_json.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace boardscape::layout {

namespace {

constexpr std::size_t max_reported_errors = 50;
constexpr std::size_t max_nodes = 0xFFFFFFF0u;  // node ids must fit LayoutEdge's uint32

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

EdgeList parse_edge_list(std::string_view text, std::string_view file) {
    EdgeList out;
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<Diagnostic> errors;
    auto error = [&](int line, std::size_t column, std::string message) {
        if (errors.size() < max_reported_errors) {
            Diagnostic d;
            d.line = line;
            d.column = static_cast<int>(column);
            d.message = std::move(message);
            errors.push_back(std::move(d));
        }
    };
    auto node = [&](std::string_view id) -> std::uint32_t {
        auto [it, added] = index.try_emplace(std::string(id), static_cast<std::uint32_t>(out.ids.size()));
        if (added) out.ids.emplace_back(id);
        return it->second;
    };
    std::size_t pos = 0;
    int line_no = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        pos = end + 1;
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        struct Field {
            std::string_view text;
            std::size_t column;  // 1-based
        };
        std::vector<Field> fields;
        for (std::size_t i = 0; i < line.size();) {
            if (is_space(line[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < line.size() && !is_space(line[j])) ++j;
            fields.push_back({line.substr(i, j - i), i + 1});
            i = j;
        }
        if (fields.empty()) continue;
        if (line.find('\0') != std::string_view::npos) {
            error(line_no, 1, "NUL byte in line (is this a binary file?)");
            continue;
        }
        if (fields.size() < 2) {
            error(line_no, fields[0].column,
                  "expected two node ids 'u v', found only '" + std::string(fields[0].text) + "'");
            continue;
        }
        if (fields.size() > 3) {
            error(line_no, fields[3].column,
                  "expected 'u v' or 'u v weight', found " + std::to_string(fields.size()) +
                      " fields");
            continue;
        }
        double weight = 1;
        if (fields.size() == 3) {
            const std::string w(fields[2].text);
            char* stop = nullptr;
            weight = std::strtod(w.c_str(), &stop);
            if (stop == w.c_str() || *stop != '\0' || !std::isfinite(weight) || weight <= 0) {
                error(line_no, fields[2].column,
                      "weight '" + w + "' is not a positive finite number");
                continue;
            }
        }
        if (out.ids.size() + 2 > max_nodes) {
            error(line_no, 1, "too many nodes");
            break;
        }
        const std::uint32_t u = node(fields[0].text);
        const std::uint32_t v = node(fields[1].text);
        out.graph.edges.push_back({u, v, weight});
    }
    if (!errors.empty()) throw LoadError(std::string(file), std::move(errors));
    out.graph.node_count = out.ids.size();
    return out;
}

EdgeList read_edge_list_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    auto fail = [&](const std::string& reason) {
        Diagnostic d;
        d.io = true;
        d.message = "cannot read: " + reason;
        throw LoadError(path.string(), {d});
    };
    if (!in) fail(std::strerror(errno));
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) fail("is a directory");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) fail("read error");
    return parse_edge_list(buf.str(), path.string());
}

std::string edge_list_text(const EdgeList& list) {
    std::string out;
    for (const auto& e : list.graph.edges) {
        out += list.ids[e.u];
        out += ' ';
        out += list.ids[e.v];
        if (e.weight != 1) {
            char buf[32];
            std::snprintf(buf, sizeof buf, " %.17g", e.weight);
            out += buf;
        }
        out += '\n';
    }
    return out;
}

}  // namespace boardscape::layout
