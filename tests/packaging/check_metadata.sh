#!/usr/bin/env bash
# The desktop entry and the AppStream metainfo (as configured into the build)
# validate without errors or warnings. Exit 77 when the validators are missing.
#   check_metadata.sh SRC_DIR BUILD_DIR
set -uo pipefail
SRC=$1
BUILD=$2
command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null \
  || { echo "SKIP: desktop-file-validate or appstreamcli missing (desktop-file-utils, appstream)"; exit 77; }
status=0
out=$(desktop-file-validate "$SRC/packaging/loopminer.desktop" 2>&1)
if [ $? -ne 0 ] || [ -n "$out" ]; then echo "FAIL: desktop-file-validate: ${out:-non-zero exit}"; status=1; fi
meta="$BUILD/packaging/io.github.loopminer.metainfo.xml"
out=$(appstreamcli validate --no-net --pedantic "$meta" 2>&1)
if [ $? -ne 0 ] || grep -qE '^[EWI]:' <<<"$out"; then echo "FAIL: appstreamcli validate $meta:"; echo "$out"; status=1; fi
[ $status = 0 ] && echo "PASS: desktop entry and metainfo are valid"
exit $status
