#!/usr/bin/env bash
# Installs what is missing, then configures and builds loopminer into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} "$@" >/dev/null
# Two parallel jobs: a Torch translation unit takes over 1 GB to compile.
cmake --build "$BUILD_DIR" --parallel "${JOBS:-$(nproc)}"
