#!/usr/bin/env bash
# Scan throughput: `loopminer-cli scan` against the straightforward Python
# reference (mido + numpy, one process, tools/reference/method_reference.py) on
# the same folder, in the same run. Also the peak memory of the C++ scan.
#
#   bench/scan_bench.sh [FOLDER] [REFERENCE_FILES]
# Without FOLDER, a synthetic collection of 10,000 files is generated.
# The Python reference runs on the first REFERENCE_FILES files (default 1000)
# to keep the run short; throughput is files per second either way.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/bin/loopminer-cli ] && [ -x build/bin/make_corpus ] || ./tools/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folder=${1:-}
if [ -z "$folder" ]; then
  folder=$work/corpus
  echo "generating 10,000 synthetic MIDI files in $folder ..."
  build/bin/make_corpus "$folder" 10000 1
fi
nref=${2:-1000}
nfiles=$(find "$folder" -type f \( -iname '*.mid' -o -iname '*.midi' \) | wc -l)

/usr/bin/time -f '%e %M' -o "$work/time" build/bin/loopminer-cli scan "$folder" --db "$work/lib.sqlite" --quiet >"$work/scan.json"
read -r secs kb <"$work/time"
/usr/bin/python3 - "$work/scan.json" "$secs" "$kb" "$nfiles" "$folder" "$nref" <<'PY'
import json, sys, time, glob, os
sys.path.insert(0, 'tools/reference')
import method_reference as ref
scan = json.load(open(sys.argv[1]))
secs, kb, nfiles, folder, nref = float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
files = sorted(p for p in glob.glob(os.path.join(folder, '**', '*'), recursive=True)
               if p.lower().endswith(('.mid', '.midi')))[:nref]
t0 = time.perf_counter()
ok = 0
for p in files:
    try:
        ref.analyse(p)
        ok += 1
    except Exception:
        pass
py = time.perf_counter() - t0
cpp_rate = nfiles / secs
py_rate = len(files) / py
print(f"files: {nfiles} (usable {scan['usable']}, unusable {scan['unusable']}, failed {scan['failed']}, "
      f"windows kept {scan['windows_kept']})")
print(f"C++ scan (2 threads, into SQLite): {secs:.2f} s wall, {cpp_rate:.0f} files/s, peak RSS {kb/1024:.0f} MB")
print(f"Python reference (mido+numpy, {len(files)} files, no database): {py:.2f} s, {py_rate:.1f} files/s")
print(f"ratio C++/Python: {cpp_rate/py_rate:.0f}x  (target: at least 50x; memory target: under 300 MB)")
PY
