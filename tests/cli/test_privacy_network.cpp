// Privacy (issue 6): Boardscape makes no network connection of any kind. Two checks that can
// fail: no source file under graph/, cli/ or viewer/ includes a socket or resolver header or a
// networking library, and the built binaries import no socket, connect or name-lookup function
// (their dynamic symbols, read with `nm -D`; skipped when nm is not installed).
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

/// Runs a shell command and returns its standard output.
std::string capture(const std::string& command) {
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    if (p == nullptr) return out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    ::pclose(p);
    return out;
}

const std::vector<std::string> k_network_headers = {
    "<sys/socket.h>", "<netinet/", "<arpa/inet.h>", "<netdb.h>", "<sys/un.h>",
    "<curl/", "<boost/asio", "<asio", "httplib.h", "<zmq.h>",
};

}  // namespace

TEST_CASE("privacy: no source file includes a networking header") {
    const fs::path root = BOARDSCAPE_SOURCE_DIR;
    int scanned = 0;
    for (const char* top : {"graph", "cli", "viewer"}) {
        if (!fs::exists(root / top)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root / top)) {
            const std::string ext = e.path().extension().string();
            if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) continue;
            ++scanned;
            std::ifstream in(e.path());
            std::string line;
            while (std::getline(in, line)) {
                if (line.find("#include") == std::string::npos) continue;
                for (const auto& h : k_network_headers) {
                    CAPTURE(e.path().string());
                    CAPTURE(line);
                    CHECK(line.find(h) == std::string::npos);
                }
            }
        }
    }
    CHECK(scanned > 20);
}

TEST_CASE("privacy: the binaries import no socket, connect or resolver function") {
    if (capture("command -v nm").empty()) {
        MESSAGE("nm not installed: binary check skipped");
        return;
    }
    const std::vector<std::string> forbidden = {
        "socket", "connect", "getaddrinfo", "gethostbyname", "gethostbyname2", "sendto",
        "sendmsg", "recvfrom", "recvmsg", "bind", "listen", "accept", "accept4",
    };
    int checked = 0;
    for (const char* name : {"boardscape", "boardscape-viewer"}) {
        const fs::path bin = fs::path(BOARDSCAPE_BIN_DIR) / name;
        if (!fs::exists(bin)) continue;
        ++checked;
        // Undefined dynamic symbols: what the binary asks the C library (or others) for.
        std::istringstream symbols(capture("nm -D --undefined-only '" + bin.string() + "' 2>/dev/null"));
        std::string line;
        int count = 0;
        while (std::getline(symbols, line)) {
            ++count;
            std::string sym = line.substr(line.find_last_of(' ') + 1);
            sym = sym.substr(0, sym.find('@'));  // "socket@GLIBC_2.2.5" → "socket"
            CAPTURE(name);
            for (const auto& f : forbidden) {
                CAPTURE(sym);
                CHECK(sym != f);
            }
        }
        CHECK(count > 10);  // nm really listed the imports
    }
    CHECK(checked >= 1);
}
