#!/usr/bin/env bash
# Opens loopminer under Xvfb and saves a screenshot:
#   tools/screenshot.sh [OUT.png [SELECT [APP OPTIONS...]]]
# SELECT: show the first demo piece whose path contains it (e.g. rendered_groove,
# groove_3); APP OPTIONS go to loopminer, e.g. --view loops.
# SHOT_DELAY (seconds, default 3) is how long the app gets before the shot.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-shot.png}
select=${2:-}
shift $(( $# > 2 ? 2 : $# ))
[ -x build/bin/loopminer ] || ./tools/build.sh
args=(--demo)
[ -n "$select" ] && args+=(--select "$select")
args+=("$@")
xvfb-run -a -s "-screen 0 1280x860x24" bash -c '
  out=$1; shift
  ./build/bin/loopminer "$@" & pid=$!
  sleep "${SHOT_DELAY:-3}"
  import -window root "$out"
  kill $pid' shot "$out" "${args[@]}"
echo "screenshot: $out"
