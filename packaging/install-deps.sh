#!/usr/bin/env bash
# Installs every Debian 12 package the build, the tests, the fuzzers (clang, libFuzzer), the benchmarks and the app
# need, PostgreSQL 15 and Qt's QPSQL driver included (team workspaces; the tests start a throwaway cluster).
# Idempotent: packages already present are skipped. Runs as root or through sudo.
#   install-deps.sh                    build, tests, benchmarks and the app (with an emoji font: customers use them)
#   install-deps.sh --screenshots      also ImageMagick, for packaging/screenshots.sh
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
  qt6-charts-dev qt6-pdf-dev libqt6svg6 qt6-qpa-plugins
  libsqlite3-dev sqlite3
  libsimdjson-dev libboost-dev
  clang libclang-rt-14-dev
  postgresql libpq-dev libqt6sql6-psql
  xvfb xauth poppler-utils fonts-dejavu-core fonts-noto-color-emoji
)
if [[ "${1:-}" == "--screenshots" ]]; then
  packages+=(imagemagick)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
