#!/usr/bin/env bash
# Opens loopminer under Xvfb and saves a screenshot: tools/screenshot.sh [OUT.png [SELECT]]
# SELECT: show the first demo piece whose path contains it (e.g. rendered_groove).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-shot.png}
select=${2:-}
[ -x build/bin/loopminer ] || ./tools/build.sh
xvfb-run -a -s "-screen 0 1280x860x24" bash -c "
  ./build/bin/loopminer --demo ${select:+--select '$select'} & pid=\$!
  sleep \${SHOT_DELAY:-3}
  import -window root '$out'
  kill \$pid"
echo "screenshot: $out"
