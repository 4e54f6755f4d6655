#!/usr/bin/env bash
# Builds loopminer's Debian package and checks it.
#
#   packaging/build-deb.sh [--no-build] [BUILD_DIR]     (default: build/)
#
# Configures and builds BUILD_DIR (unless --no-build: it must be built), runs
# cpack -G DEB into BUILD_DIR/deb, then checks the package: lintian without
# errors, the AppStream metainfo and the desktop entry valid, the files in
# their places, and no build or source path inside any installed file (nor an
# RPATH into the build tree). Exits non-zero naming the check that failed; on
# success prints the package's path on the last line.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd -P)
build=1
if [ "${1:-}" = --no-build ]; then build=0; shift; fi
BUILD=$(realpath -m "${1:-$SRC/build}")

fail() { echo "build-deb.sh: FAILED check '$1': $2" >&2; exit 1; }
step() { echo "== $*"; }

if [ "$build" = 1 ]; then
  step "building $BUILD"
  cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null || fail build "cmake configure"
  cmake --build "$BUILD" --parallel "${JOBS:-2}" || fail build "cmake --build"
fi
[ -f "$BUILD/CPackConfig.cmake" ] || fail build "$BUILD has no CPackConfig.cmake (not configured?)"
BUILD=$(cd "$BUILD" && pwd -P)

OUT="$BUILD/deb"
step "cpack -G DEB into $OUT"
rm -rf "$OUT"
mkdir -p "$OUT"
(cd "$BUILD" && cpack -G DEB -B "$OUT" >"$OUT/cpack.log" 2>&1) || { cat "$OUT/cpack.log" >&2; fail cpack "cpack -G DEB failed (log above)"; }
shopt -s nullglob
debs=("$OUT"/loopminer_*_amd64.deb)
[ "${#debs[@]}" = 1 ] || fail cpack "expected one loopminer_<version>_amd64.deb in $OUT, found ${#debs[@]}"
DEB=${debs[0]}
echo "$DEB"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
dpkg-deb -x "$DEB" "$TMP/root"
dpkg-deb -c "$DEB" | awk '{print $NF}' | sed 's|^\./|/|' >"$TMP/list"

step "control fields"
dpkg-deb -f "$DEB" >"$TMP/control"
for field in "Section: sound" "Maintainer: " "Homepage: " "Depends: .*libc6" "Depends: .*fluid-soundfont-gm" \
             "Depends: .*libqt6widgets6" "Depends: .*libtorch" "Depends: .*libqt6svg6" "Description: "; do
  grep -q "^$field" "$TMP/control" || fail control "no line matching '^$field' in the control file:
$(cat "$TMP/control")"
done

step "files in their places"
version=$(dpkg-deb -f "$DEB" Version)
for f in /usr/bin/loopminer /usr/bin/loopminer-cli /usr/lib/loopminer/modules/loopminer-cli-models.so \
         /usr/share/loopminer/models/default/model.json /usr/share/loopminer/models/default/vqvae.lmm \
         /usr/share/applications/loopminer.desktop /usr/share/icons/hicolor/scalable/apps/loopminer.svg \
         /usr/share/metainfo/io.github.loopminer.metainfo.xml /usr/share/man/man1/loopminer-cli.1.gz \
         /usr/share/man/man1/loopminer.1.gz /usr/share/doc/loopminer/copyright /usr/share/doc/loopminer/changelog.gz; do
  grep -qx "$f" "$TMP/list" || fail files "$f is not in the package"
done
for size in 16 32 48 64 128 256; do
  f=/usr/share/icons/hicolor/${size}x${size}/apps/loopminer.png
  grep -qx "$f" "$TMP/list" || fail files "$f is not in the package"
  file "$TMP/root$f" | grep -q "PNG image data, $size x $size" || fail files "$f is not a $size x $size PNG"
done
grep -q '^/usr/share/loopminer/demo/.' "$TMP/list" || fail files "no demo material under /usr/share/loopminer/demo"
if grep -E '/\.(copied|made)$' "$TMP/list"; then fail files "the build's stamp files are in the package"; fi

step "no build or source path inside the installed files"
for dir in "$BUILD" "$SRC"; do
  if hits=$(grep -rlaF "$dir" "$TMP/root"); then
    fail paths "these installed files contain '$dir':
${hits//$TMP\/root/}"
  fi
done
while IFS= read -r -d '' f; do
  if file -b "$f" | grep -q '^ELF'; then
    if rpath=$(readelf -d "$f" | grep -E 'RPATH|RUNPATH'); then
      fail rpath "${f#"$TMP/root"} has a search path: $rpath"
    fi
  fi
done < <(find "$TMP/root" -type f -print0)

step "desktop-file-validate"
dfv=$(desktop-file-validate "$TMP/root/usr/share/applications/loopminer.desktop" 2>&1) && [ -z "$dfv" ] \
  || fail desktop-file-validate "${dfv:-exit status non-zero}"

step "appstreamcli validate --no-net"
meta="$TMP/root/usr/share/metainfo/io.github.loopminer.metainfo.xml"
asv=$(appstreamcli validate --no-net --pedantic "$meta" 2>&1) || fail appstream "$asv"
if grep -E '^[EW]:' <<<"$asv"; then fail appstream "errors or warnings above"; fi
grep -q "<release version=\"$version\"" "$meta" || fail appstream "the newest release is not the package's version $version"
echo "$asv"

step "lintian"
# Exit status 0 when there is no error; warnings are printed, not fatal.
lint=$(lintian --fail-on error --display-info --tag-display-limit 0 "$DEB" 2>&1) || { echo "$lint" >&2; fail lintian "errors above"; }
echo "${lint:-lintian: no tags}"

echo "build-deb.sh: all checks passed"
echo "$DEB"
