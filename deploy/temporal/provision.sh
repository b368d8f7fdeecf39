#!/usr/bin/env bash
# Find or build the Temporal CLI (which embeds the Temporal dev server) and
# print ONLY its absolute path on stdout. Every other message goes to stderr.
#
# Usage:
#   deploy/temporal/provision.sh           # find or build, print the path
#   deploy/temporal/provision.sh --check   # only report which source would be used
#
# Sources, in order:
#   1. $TEMPORAL_CLI (must be an executable file)
#   2. `temporal` on PATH, if it embeds Temporal Server >= 1.$MIN_SERVER_MINOR
#   3. the cache: ${OPEN_DECISION_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/open-decision}/temporal-$CLI_VERSION/temporal
#   4. a build from Go modules into that cache (needs `go` on PATH)
#
# Exit status: 0 when a CLI was found (or built); 1 otherwise. With --check:
# 0 when a CLI is available without building, 1 when a build would be needed,
# 2 when no source is available at all.
set -euo pipefail

# Pinned: later tags of the CLI carry a replace directive in go.mod and cannot
# be installed with `go install ...@version`.
CLI_VERSION=v1.5.1
CLI_MODULE=github.com/temporalio/cli/cmd/temporal
# The go.mod of the pinned CLI asks for this Go version.
GO_REQUIRED_MINOR=25
# Oldest embedded Temporal Server accepted from PATH (1.x).
MIN_SERVER_MINOR=27

log() { printf 'provision-temporal: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
}

check_only=false
case "${1:-}" in
  "") ;;
  --check) check_only=true ;;
  -h|--help) usage; exit 0 ;;
  *) usage; die "unknown argument: $1" ;;
esac

cache_root="${OPEN_DECISION_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set; set OPEN_DECISION_CACHE}/.cache}/open-decision}"
cache_dir="$cache_root/temporal-$CLI_VERSION"
cache_bin="$cache_dir/temporal"

# Absolute path of an existing file, without resolving symlinks.
abspath() {
  local dir
  dir="$(cd "$(dirname -- "$1")" && pwd -P)" || return 1
  printf '%s/%s\n' "$dir" "$(basename -- "$1")"
}

# Print the result: path on stdout, done.
found() {
  local source="$1" path="$2"
  path="$(abspath "$path")"
  if $check_only; then
    log "would use the Temporal CLI from $source: $path"
  else
    log "using the Temporal CLI from $source: $path"
  fi
  printf '%s\n' "$path"
  exit 0
}

hint() {
  cat >&2 <<EOF
provision-temporal: To get the Temporal CLI (which contains the Temporal dev server), do one of:
  - install Go >= 1.$GO_REQUIRED_MINOR (https://go.dev/dl/) and re-run this script; it builds
    the CLI $CLI_VERSION once into $cache_dir
  - install the Temporal CLI (https://docs.temporal.io/cli) with an embedded
    Temporal Server >= 1.$MIN_SERVER_MINOR and put \`temporal\` on PATH
  - set TEMPORAL_CLI to the path of an existing Temporal CLI binary
  On a machine with internet access the Temporal TypeScript SDK can also
  download a dev server by itself (TestWorkflowEnvironment.createLocal()).
EOF
}

# 1. $TEMPORAL_CLI
if [[ -n "${TEMPORAL_CLI:-}" ]]; then
  if [[ -f "$TEMPORAL_CLI" && -x "$TEMPORAL_CLI" ]]; then
    found "TEMPORAL_CLI" "$TEMPORAL_CLI"
  fi
  die "TEMPORAL_CLI is set to '$TEMPORAL_CLI', which is not an executable file. Fix it or unset TEMPORAL_CLI."
fi

# 2. `temporal` on PATH, if recent enough.
if on_path="$(command -v temporal 2>/dev/null)" && [[ -n "$on_path" && -x "$on_path" ]]; then
  version_out="$("$on_path" --version 2>&1 || true)"
  server_minor="$(printf '%s\n' "$version_out" | sed -n 's/.*Server 1\.\([0-9][0-9]*\).*/\1/p' | head -n 1)"
  if [[ -n "$server_minor" ]] && (( 10#$server_minor >= MIN_SERVER_MINOR )); then
    found "PATH" "$on_path"
  elif [[ -n "$server_minor" ]]; then
    log "ignoring $on_path: it embeds Temporal Server 1.$server_minor, need >= 1.$MIN_SERVER_MINOR ($(printf '%s' "$version_out" | head -n 1))"
  else
    log "ignoring $on_path: cannot tell its Temporal Server version from \`temporal --version\`: $(printf '%s' "$version_out" | head -n 1)"
  fi
fi

# 3. The cache.
if [[ -f "$cache_bin" && -x "$cache_bin" ]]; then
  found "cache" "$cache_bin"
fi

# 4. Build from Go modules.
if ! command -v go >/dev/null 2>&1; then
  if $check_only; then
    log "no Temporal CLI found and \`go\` is not on PATH: cannot build one"
    hint
    exit 2
  fi
  log "ERROR: no Temporal CLI found (TEMPORAL_CLI unset, none usable on PATH, none in $cache_dir) and \`go\` is not on PATH to build one."
  hint
  exit 1
fi

if $check_only; then
  log "no Temporal CLI found; would build $CLI_VERSION with $(command -v go) into $cache_dir"
  exit 1
fi

# Go version: the CLI needs Go >= 1.$GO_REQUIRED_MINOR. An older Go (>= 1.21)
# can fetch that toolchain from the Go module proxy when GOTOOLCHAIN allows it.
go_env=()
go_version="$(go env GOVERSION 2>/dev/null || true)"   # e.g. go1.24.3
go_minor="$(printf '%s' "$go_version" | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')"
if [[ -z "$go_minor" ]]; then
  log "cannot tell the version of $(command -v go) ('$go_version'); trying anyway"
elif (( 10#$go_minor < 21 )); then
  log "ERROR: $(command -v go) is $go_version; building the Temporal CLI $CLI_VERSION needs Go >= 1.$GO_REQUIRED_MINOR."
  hint
  exit 1
elif (( 10#$go_minor < GO_REQUIRED_MINOR )); then
  log "$(command -v go) is $go_version but the Temporal CLI $CLI_VERSION needs Go >= 1.$GO_REQUIRED_MINOR; letting Go fetch that toolchain from the module proxy (GOTOOLCHAIN=auto)"
  go_env=(GOTOOLCHAIN=auto)
fi

mkdir -p "$cache_dir"

# One builder at a time: a concurrent provisioner waits here, then finds the
# binary the first one built.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache_dir/.lock"
  if ! flock -n 9; then
    log "another provisioner is building the Temporal CLI into $cache_dir; waiting for it…"
    flock 9
  fi
  if [[ -f "$cache_bin" && -x "$cache_bin" ]]; then
    found "cache (built by a concurrent provisioner)" "$cache_bin"
  fi
else
  log "flock not found: not locking (a concurrent provisioner may build the CLI a second time)"
fi

build_dir="$(mktemp -d "$cache_dir/.build.XXXXXX")"
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() { rm -rf -- "$build_dir"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Building the Temporal CLI $CLI_VERSION from Go modules into $cache_dir (first time only; this takes a few minutes)…"
started=$SECONDS
if ! (cd "$build_dir" && env ${go_env[@]+"${go_env[@]}"} CGO_ENABLED=0 GOBIN="$build_dir" \
        go install "$CLI_MODULE@$CLI_VERSION") >&2; then
  log "ERROR: \`go install $CLI_MODULE@$CLI_VERSION\` failed (see above)."
  hint
  exit 1
fi

built="$build_dir/temporal"
[[ -f "$built" && -x "$built" ]] || die "go install succeeded but $built is missing"
if ! built_version="$("$built" --version 2>&1)"; then
  die "the freshly built $built does not run: $built_version"
fi
# Atomic: $build_dir is inside $cache_dir, so this is a rename on one filesystem.
mv -f -- "$built" "$cache_bin"
log "built in $((SECONDS - started))s: $built_version"
found "fresh build" "$cache_bin"
