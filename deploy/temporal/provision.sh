#!/usr/bin/env bash
# Find or build a Temporal binary and print ONLY its absolute path on stdout.
# Every other message goes to stderr.
#
# Usage:
#   deploy/temporal/provision.sh [--check] [cli|server|sql-tool]
#     cli        the Temporal CLI, which embeds the dev server (the default)
#     server     temporal-server, the production server (npm run cluster runs its services)
#     sql-tool   temporal-sql-tool, the server's schema tool (npm run cluster migrates with it)
#     --check    only report which source would be used
#
# Sources, in order (NAME: temporal, temporal-server or temporal-sql-tool):
#   1. $TEMPORAL_CLI, $TEMPORAL_SERVER or $TEMPORAL_SQL_TOOL (must be an executable file)
#   2. NAME on PATH, if its version fits (the CLI: it embeds Temporal Server >= 1.$MIN_SERVER_MINOR;
#      the server and the sql-tool: exactly $SERVER_VERSION, the schema they migrate must match)
#   3. the cache: ${OPEN_DECISION_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/open-decision}/
#      temporal-$CLI_VERSION/temporal, or temporal-server-$SERVER_VERSION/NAME
#   4. a build from Go modules into that cache (needs `go` on PATH; one `go install` builds the
#      server and the sql-tool together)
#
# Exit status: 0 when the binary was found (or built); 1 otherwise. With --check:
# 0 when it is available without building, 1 when a build would be needed,
# 2 when no source is available at all.
set -euo pipefail

# Pinned: later tags of the CLI carry a replace directive in go.mod and cannot
# be installed with `go install ...@version`.
CLI_VERSION=v1.5.1
CLI_MODULE=github.com/temporalio/cli/cmd/temporal
# The server the pinned CLI embeds, and the one deploy/ ships (tools/cluster/topology.ts).
SERVER_VERSION=v1.29.1
SERVER_MODULE=go.temporal.io/server
# The go.mod of the pinned CLI (and of the server) asks for this Go version.
GO_REQUIRED_MINOR=25
# Oldest embedded Temporal Server accepted from PATH (1.x).
MIN_SERVER_MINOR=27

log() { printf 'provision-temporal: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2
}

check_only=false
tool=cli
for arg in "$@"; do
  case "$arg" in
    --check) check_only=true ;;
    cli|server|sql-tool) tool="$arg" ;;
    -h|--help) usage; exit 0 ;;
    *) usage; die "unknown argument: $arg" ;;
  esac
done

cache_root="${OPEN_DECISION_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set; set OPEN_DECISION_CACHE}/.cache}/open-decision}"
# What one `go install` builds: its targets, the names go gives the binaries, and their names in the cache.
case "$tool" in
  cli)
    what="the Temporal CLI"; env_name=TEMPORAL_CLI; bin_name=temporal; version="$CLI_VERSION"
    cache_dir="$cache_root/temporal-$CLI_VERSION"
    targets=("$CLI_MODULE@$CLI_VERSION"); go_names=(temporal); cache_names=(temporal)
    ;;
  server|sql-tool)
    if [[ "$tool" == server ]]; then
      what="temporal-server"; env_name=TEMPORAL_SERVER; bin_name=temporal-server
    else
      what="temporal-sql-tool"; env_name=TEMPORAL_SQL_TOOL; bin_name=temporal-sql-tool
    fi
    version="$SERVER_VERSION"
    cache_dir="$cache_root/temporal-server-$SERVER_VERSION"
    targets=("$SERVER_MODULE/cmd/server@$SERVER_VERSION" "$SERVER_MODULE/cmd/tools/sql@$SERVER_VERSION")
    go_names=(server sql); cache_names=(temporal-server temporal-sql-tool)
    ;;
esac
cache_bin="$cache_dir/$bin_name"

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
    log "would use $what from $source: $path"
  else
    log "using $what from $source: $path"
  fi
  printf '%s\n' "$path"
  exit 0
}

hint() {
  cat >&2 <<EOF
provision-temporal: To get $what $version, do one of:
  - install Go >= 1.$GO_REQUIRED_MINOR (https://go.dev/dl/) and re-run this script; it builds
    it once into $cache_dir
  - put \`$bin_name\` on PATH (see the version rule in \`$0 --help\`)
  - set $env_name to the path of an existing $bin_name binary
EOF
  if [[ "$tool" == cli ]]; then
    cat >&2 <<EOF
  On a machine with internet access the Temporal TypeScript SDK can also
  download a dev server by itself (TestWorkflowEnvironment.createLocal()).
EOF
  fi
}

# 1. $TEMPORAL_CLI, $TEMPORAL_SERVER or $TEMPORAL_SQL_TOOL
from_env="${!env_name:-}"
if [[ -n "$from_env" ]]; then
  if [[ -f "$from_env" && -x "$from_env" ]]; then
    found "$env_name" "$from_env"
  fi
  die "$env_name is set to '$from_env', which is not an executable file. Fix it or unset $env_name."
fi

# 2. On PATH, if its version fits.
if on_path="$(command -v "$bin_name" 2>/dev/null)" && [[ -n "$on_path" && -x "$on_path" ]]; then
  version_out="$("$on_path" --version 2>&1 || true)"
  if [[ "$tool" == cli ]]; then
    server_minor="$(printf '%s\n' "$version_out" | sed -n 's/.*Server 1\.\([0-9][0-9]*\).*/\1/p' | head -n 1)"
    if [[ -n "$server_minor" ]] && (( 10#$server_minor >= MIN_SERVER_MINOR )); then
      found "PATH" "$on_path"
    elif [[ -n "$server_minor" ]]; then
      log "ignoring $on_path: it embeds Temporal Server 1.$server_minor, need >= 1.$MIN_SERVER_MINOR ($(printf '%s' "$version_out" | head -n 1))"
    else
      log "ignoring $on_path: cannot tell its Temporal Server version from \`temporal --version\`: $(printf '%s' "$version_out" | head -n 1)"
    fi
  else
    # Both print e.g. "temporal version 1.29.1".
    if printf '%s\n' "$version_out" | grep -Eq "version ${SERVER_VERSION#v}([^0-9.]|$)"; then
      found "PATH" "$on_path"
    fi
    log "ignoring $on_path: need version ${SERVER_VERSION#v}, it says: $(printf '%s' "$version_out" | head -n 1)"
  fi
fi

# 3. The cache.
if [[ -f "$cache_bin" && -x "$cache_bin" ]]; then
  found "cache" "$cache_bin"
fi

# 4. Build from Go modules.
if ! command -v go >/dev/null 2>&1; then
  if $check_only; then
    log "no $what found and \`go\` is not on PATH: cannot build it"
    hint
    exit 2
  fi
  log "ERROR: no $what found ($env_name unset, none usable on PATH, none in $cache_dir) and \`go\` is not on PATH to build it."
  hint
  exit 1
fi

if $check_only; then
  log "no $what found; would build $version with $(command -v go) into $cache_dir"
  exit 1
fi

# Go version: the CLI and the server need Go >= 1.$GO_REQUIRED_MINOR. An older Go (>= 1.21)
# can fetch that toolchain from the Go module proxy when GOTOOLCHAIN allows it.
go_env=()
go_version="$(go env GOVERSION 2>/dev/null || true)"   # e.g. go1.24.3
go_minor="$(printf '%s' "$go_version" | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')"
if [[ -z "$go_minor" ]]; then
  log "cannot tell the version of $(command -v go) ('$go_version'); trying anyway"
elif (( 10#$go_minor < 21 )); then
  log "ERROR: $(command -v go) is $go_version; building $what $version needs Go >= 1.$GO_REQUIRED_MINOR."
  hint
  exit 1
elif (( 10#$go_minor < GO_REQUIRED_MINOR )); then
  log "$(command -v go) is $go_version but $what $version needs Go >= 1.$GO_REQUIRED_MINOR; letting Go fetch that toolchain from the module proxy (GOTOOLCHAIN=auto)"
  go_env=(GOTOOLCHAIN=auto)
fi

mkdir -p "$cache_dir"

# One builder at a time: a concurrent provisioner waits here, then finds the
# binary the first one built.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache_dir/.lock"
  if ! flock -n 9; then
    log "another provisioner is building into $cache_dir; waiting for it…"
    flock 9
  fi
  if [[ -f "$cache_bin" && -x "$cache_bin" ]]; then
    found "cache (built by a concurrent provisioner)" "$cache_bin"
  fi
else
  log "flock not found: not locking (a concurrent provisioner may build a second time)"
fi

build_dir="$(mktemp -d "$cache_dir/.build.XXXXXX")"
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() { rm -rf -- "$build_dir"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Building ${cache_names[*]} $version from Go modules into $cache_dir (first time only; this takes a few minutes)…"
started=$SECONDS
if ! (cd "$build_dir" && env ${go_env[@]+"${go_env[@]}"} CGO_ENABLED=0 GOBIN="$build_dir" \
        go install "${targets[@]}") >&2; then
  log "ERROR: \`go install ${targets[*]}\` failed (see above)."
  hint
  exit 1
fi

for i in "${!go_names[@]}"; do
  built="$build_dir/${go_names[$i]}"
  [[ -f "$built" && -x "$built" ]] || die "go install succeeded but $built is missing"
  if ! built_version="$("$built" --version 2>&1)"; then
    die "the freshly built $built does not run: $built_version"
  fi
  # Atomic: $build_dir is inside $cache_dir, so this is a rename on one filesystem.
  mv -f -- "$built" "$cache_dir/${cache_names[$i]}"
  log "built in $((SECONDS - started))s: ${cache_names[$i]}: $(printf '%s' "$built_version" | head -n 1)"
done
found "fresh build" "$cache_bin"
