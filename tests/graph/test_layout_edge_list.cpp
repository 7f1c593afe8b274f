// The `.edges` reader: ids in order of first use, comments, weights, and errors with
// file:line:column for every bad line.
#include "boardscape/dataset_json.hpp"
#include "boardscape/layout/edge_list.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace boardscape;
using namespace boardscape::layout;

TEST_CASE("edge list: ids, comments, blank lines and weights") {
    const std::string text =
        "# a triangle and a tail\n"
        "a b\n"
        "\n"
        "  b\tc 2.5   # weighted\n"
        "c a\r\n"
        "c d";  // no final newline
    const EdgeList e = parse_edge_list(text, "t.edges");
    REQUIRE(e.ids == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(e.graph.node_count == 4);
    REQUIRE(e.graph.edges.size() == 4);
    CHECK(e.graph.edges[1].u == 1);
    CHECK(e.graph.edges[1].v == 2);
    CHECK(e.graph.edges[1].weight == 2.5);
    CHECK(e.graph.edges[3].v == 3);
    CHECK(edge_list_text(e) == "a b\nb c 2.5\nc a\nc d\n");
}

TEST_CASE("edge list: empty text is an empty graph") {
    const EdgeList e = parse_edge_list("# nothing\n\n", "t.edges");
    CHECK(e.graph.node_count == 0);
    CHECK(e.graph.edges.empty());
}

TEST_CASE("edge list: every bad line is reported with its line and column") {
    const std::string text =
        "a b\n"
        "lonely\n"        // line 2: one field
        "a b 1 extra\n"   // line 3: four fields, the 4th at column 7
        "a b -2\n"        // line 4: bad weight at column 5
        "a b nan\n";      // line 5: bad weight
    try {
        parse_edge_list(text, "bad.edges");
        FAIL("expected a LoadError");
    } catch (const LoadError& err) {
        REQUIRE(err.diagnostics().size() == 4);
        CHECK(err.diagnostics()[0].line == 2);
        CHECK(err.diagnostics()[0].column == 1);
        CHECK(err.diagnostics()[1].line == 3);
        CHECK(err.diagnostics()[1].column == 7);
        CHECK(err.diagnostics()[2].line == 4);
        CHECK(err.diagnostics()[2].column == 5);
        CHECK(err.diagnostics()[3].line == 5);
        const std::string first = format_diagnostic("bad.edges", err.diagnostics()[0]);
        CHECK(first.rfind("bad.edges:2:1: error: ", 0) == 0);
        CHECK(first.find("lonely") != std::string::npos);
    }
}

TEST_CASE("edge list: a missing file is an I/O error naming the file") {
    const auto path = std::filesystem::temp_directory_path() / "boardscape-no-such-file.edges";
    try {
        read_edge_list_file(path);
        FAIL("expected a LoadError");
    } catch (const LoadError& err) {
        REQUIRE(err.diagnostics().size() == 1);
        CHECK(err.diagnostics()[0].io);
        CHECK(format_diagnostic(path.string(), err.diagnostics()[0]).find("cannot read") !=
              std::string::npos);
    }
}
