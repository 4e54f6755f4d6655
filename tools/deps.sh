#!/usr/bin/env bash
# Installs the Debian 12 packages loopminer needs, only when some are missing.
# Called by ./run and ./test; safe to call again.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  qt6-multimedia-dev
  libqt6sql6-sqlite libsqlite3-dev libgl-dev
  libtorch-dev libopenblas0-openmp libgloo-dev
  libsndfile1-dev libsamplerate0-dev libfftw3-dev libaubio-dev librtmidi-dev
  libfluidsynth-dev fluid-soundfont-gm jackd1
  timidity freepats mma
  xvfb xauth imagemagick
  python3-torch python3-mido python3-numpy
  slurm-wlm munge parallel
  python3-sklearn
  lintian desktop-file-utils appstream debootstrap librsvg2-bin qt6-svg-dev
  qt6-translations-l10n
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "loopminer: installing ${#missing[@]} missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
