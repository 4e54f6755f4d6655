#!/usr/bin/env bash
# The Debian package installs and runs on a bare Debian 12: builds it with
# packaging/build-deb.sh (which checks it), makes a debootstrap minbase root in
# a temp folder, apt-get installs the .deb there (with its dependencies, no
# recommends) and runs the installed programs.
#
#   test_deb_chroot.sh SRC_DIR BUILD_DIR
#
# Exit 77 (ctest SKIP_RETURN_CODE) without root or debootstrap. The root is
# unmounted and removed in every case. The bare root is cached as a tarball
# under BUILD_DIR/packaging between runs.
set -euo pipefail
SRC=$1
BUILD=$2
SUITE=bookworm
MIRROR=${LOOPMINER_DEBIAN_MIRROR:-http://deb.debian.org/debian}

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot and mount)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed"
command -v chroot >/dev/null || skip "chroot is not installed"

"$SRC/packaging/build-deb.sh" --no-build "$BUILD" | tee "$BUILD/packaging/build-deb.log" \
  || fail "packaging/build-deb.sh failed"
DEB=$(tail -n 1 "$BUILD/packaging/build-deb.log")
[ -f "$DEB" ] || fail "build-deb.sh named no package ($DEB)"

ROOT=$(mktemp -d /tmp/loopminer-deb-root.XXXXXX)
mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" || umount -l "${mounts[i]}" || true
  done
  # Never remove through a mount that is still there (the host's apt cache).
  if findmnt -rno TARGET | grep -q "^$ROOT"; then
    echo "cleanup: $ROOT still has mounts, left in place" >&2
  else
    rm -rf --one-file-system "$ROOT"
  fi
}
trap cleanup EXIT

mkdir -p "$BUILD/packaging"
# The finished bare root, packed: unpacking it takes seconds, where
# debootstrap (even from its own --make-tarball) configures every package again.
CACHE="$BUILD/packaging/$SUITE-minbase-root.tar.gz"
t0=$(date +%s)
if [ -s "$CACHE" ]; then
  echo "== bare root from $CACHE"
  tar -C "$ROOT" --numeric-owner -xzf "$CACHE" || fail "unpacking $CACHE"
else
  echo "== debootstrap --variant=minbase $SUITE ($MIRROR)"
  debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >"$BUILD/packaging/debootstrap.log" 2>&1 \
    || { tail -n 20 "$BUILD/packaging/debootstrap.log"; fail "debootstrap"; }
  rm -f "$ROOT"/var/cache/apt/archives/*.deb # the host's cache is mounted there later
  tar -C "$ROOT" --numeric-owner -czf "$CACHE.part" . && mv "$CACHE.part" "$CACHE"
fi
t1=$(date +%s)

# The host's apt sources and its downloaded packages (so that little is fetched).
rm -f "$ROOT/etc/apt/sources.list"
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
  [ -e "$f" ] && cp "$f" "$ROOT/etc/apt/sources.list.d/"
done
[ -e /etc/apt/sources.list ] && cp /etc/apt/sources.list "$ROOT/etc/apt/sources.list"
mount -t proc proc "$ROOT/proc" && mounts+=("$ROOT/proc")
mount --bind /var/cache/apt/archives "$ROOT/var/cache/apt/archives" && mounts+=("$ROOT/var/cache/apt/archives")
cp "$DEB" "$ROOT/tmp/"
# A throwaway root: dpkg need not sync every file it writes.
echo force-unsafe-io >"$ROOT/etc/dpkg/dpkg.cfg.d/unsafe-io"
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$DEB")"
in_root apt-get update -q >"$BUILD/packaging/apt.log" 2>&1 || { tail -n 20 "$BUILD/packaging/apt.log"; fail "apt-get update in the root"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "/tmp/$(basename "$DEB")" \
  >>"$BUILD/packaging/apt.log" 2>&1 || { tail -n 30 "$BUILD/packaging/apt.log"; fail "apt-get install of the package"; }
t2=$(date +%s)
echo "debootstrap: $((t1 - t0)) s, apt-get install: $((t2 - t1)) s"

expect() { # what, output, pattern
  grep -qE -- "$3" <<<"$2" || fail "$1: no '$3' in its output:
$2"
  echo "ok: $1 ($3)"
}
version=$(dpkg-deb -f "$DEB" Version)
out=$(in_root loopminer-cli version 2>&1) || fail "loopminer-cli version exited non-zero: $out"
expect "loopminer-cli version" "$out" "$version"
expect "loopminer-cli version" "$out" "/usr/share/loopminer"
out=$(in_root loopminer --help 2>&1) || fail "loopminer --help exited non-zero (no display): $out"
expect "loopminer --help" "$out" "--demo"
# The window itself starts from the installed files (platform plugin, icon
# engine, libraries): offscreen, still running after 10 s.
rc=0
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp timeout 10 loopminer --library /tmp/gui.sqlite >"$ROOT/tmp/gui.log" 2>&1 || rc=$?
[ "$rc" = 124 ] || fail "loopminer (offscreen) ended with status $rc within 10 s: $(tail -n 5 "$ROOT/tmp/gui.log")"
echo "ok: loopminer (offscreen) runs"
out=$(in_root loopminer --version 2>&1) || fail "loopminer --version exited non-zero (no display): $out"
expect "loopminer --version" "$out" "loopminer $version"
out=$(in_root loopminer-cli scan /usr/share/loopminer/demo --db /tmp/demo.sqlite --quiet 2>"$ROOT/tmp/scan.err") \
  || fail "loopminer-cli scan of the installed demo exited non-zero: $(cat "$ROOT/tmp/scan.err")"
# The installed demo scans like the build tree's (the same files, windows, errors).
counts() { python3 -c 'import json,sys; j=json.load(sys.stdin); print(*(j[k] for k in ("files_seen","usable","failed","windows","windows_kept")))'; }
installed=$(counts <<<"$out") || fail "loopminer-cli scan printed no JSON: $out"
built=$("$BUILD/bin/loopminer-cli" scan "$BUILD/share/loopminer/demo" --db "$ROOT/tmp/built-demo.sqlite" --quiet | counts) \
  || fail "the scan of the build tree's demo failed"
[ "$installed" = "$built" ] && [ "${built%% *}" -gt 0 ] \
  || fail "scan of /usr/share/loopminer/demo: files seen, usable, failed, windows, kept = $installed, the build tree's: $built"
echo "ok: loopminer-cli scan /usr/share/loopminer/demo ($installed, as in the build tree)"
# A model command: the module in /usr/lib/loopminer/modules and the bundled model.
out=$(in_root loopminer-cli score --db /tmp/demo.sqlite --model /usr/share/loopminer/models/default 2>&1) \
  || fail "loopminer-cli score (the model module) exited non-zero: $out"
expect "loopminer-cli score" "$out" '"windows_scored": [1-9]'
echo "PASS"
