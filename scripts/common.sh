# Shared by scripts/run and scripts/test: install what is missing, configure and build.
# Sourced, not run. Quiet when nothing changed; on failure, shows the log of the failing step.

BOARDSCAPE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian 12 packages the build, the tests and the viewer need. libxlsxwriter's pkg-config file
# links -lz but its -dev package does not pull in zlib1g-dev; the XLSX tests read workbooks with unzip.
BOARDSCAPE_PACKAGES=(
  g++ make cmake pkg-config
  libboost-graph-dev nlohmann-json3-dev doctest-dev libxlsxwriter-dev zlib1g-dev
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  fonts-dejavu-core xvfb xauth xdotool unzip
)

bs_log() { printf '%s\n' "$*" >&2; }

# Runs a step with its output in a log; prints the log only when the step fails.
bs_quiet() {
  local what=$1; shift
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/boardscape-XXXXXX.log")
  if "$@" >"$log" 2>&1; then
    rm -f "$log"
  else
    local rc=$?
    bs_log "boardscape: $what failed (exit $rc):"
    tail -n 60 "$log" >&2
    bs_log "(full log: $log)"
    exit "$rc"
  fi
}

bs_install_packages() {
  local missing=() p
  for p in "${BOARDSCAPE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { bs_log "boardscape: need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  bs_log "boardscape: installing ${missing[*]}"
  bs_quiet "apt-get update" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  bs_quiet "apt-get install" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# bs_build BUILD_DIR [cmake options…]: configures once, then builds incrementally.
bs_build() {
  local dir=$1; shift
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    bs_quiet "cmake configure" cmake -S "$BOARDSCAPE_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@"
  fi
  bs_quiet "build" cmake --build "$dir" -j "$jobs"
}
