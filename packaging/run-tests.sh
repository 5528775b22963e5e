#!/usr/bin/env bash
# Installs what is missing, builds and runs the whole test suite (GUI tests offscreen).
#   packaging/run-tests.sh             the normal build (preset "default")
#   packaging/run-tests.sh sanitize    the ASan + UBSan build (preset "sanitize")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
preset="${1:-default}"

bash packaging/install-deps.sh
export QT_QPA_PLATFORM=offscreen
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
