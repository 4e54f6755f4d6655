#!/usr/bin/env bash
# Opens loopminer under Xvfb and saves a screenshot:
#   tools/screenshot.sh [OUT.png [SELECT] [APP OPTIONS...]]
# Without SELECT the app shows what a first start shows: the demo library with
# its lowest-scoring generated loop selected. SELECT: show the first demo piece
# whose path contains it instead (e.g. WesternSwing, .wav); APP OPTIONS go to
# loopminer, e.g. --view loops.
# SHOT_DELAY (seconds, default 3) is how long the app gets before the shot;
# SHOT_SIZE the screen (default 1280x860; 1280x800 is the smallest laptop we fit);
# LOOPMINER_THEME=dark (or light) the theme, QT_SCALE_FACTOR=2 a high-DPI screen.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-shot.png}
shift $(( $# > 0 ? 1 : 0 ))
select=
# SELECT may be left out: `tools/screenshot.sh OUT.png --view training` works too.
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  select=$1
  shift
elif [ $# -gt 0 ] && [ -z "$1" ]; then
  shift
fi
[ -x build/bin/loopminer ] || ./tools/build.sh
args=(--demo)
[ -n "$select" ] && args+=(--select "$select")
args+=("$@")
xvfb-run -a -s "-screen 0 ${SHOT_SIZE:-1280x860}x24" bash -c '
  out=$1; shift
  ./build/bin/loopminer "$@" & pid=$!
  sleep "${SHOT_DELAY:-3}"
  import -window root "$out"
  kill $pid' shot "$out" "${args[@]}"
echo "screenshot: $out"
