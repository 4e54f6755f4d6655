#!/usr/bin/env bash
# Submits a sharded scan to Slurm: a job array of N shards, then the merge,
# which waits for the whole array (afterok). Prints the two job ids.
#
#   packaging/cluster/slurm-scan.sh ROOT OUT N [sbatch options...]
#   e.g. slurm-scan.sh /data/gigamidi /scratch/$USER/giga 64 --partition=short --time=00:30:00
#
# Environment passed on: LIST, LOOPMINER_CLI, FILE_TIMEOUT, MERGE_OPTIONS.
# The result: OUT/library.sqlite, with OUT/merge.json and OUT/parts/*.json.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 ROOT OUT N [sbatch options...]" >&2
  exit 2
fi
root=$(realpath "$1") out=$(realpath -m "$2") n=$3
shift 3
here=$(dirname "$(realpath "$0")")
mkdir -p "$out/parts"
export ROOT="$root" OUT="$out" SHARDS="$n"
# The jobs run in OUT: paths given relative to here are made absolute.
[[ ${LOOPMINER_CLI:-} == */* ]] && export LOOPMINER_CLI=$(realpath "$LOOPMINER_CLI")
[ -n "${LIST:-}" ] && export LIST=$(realpath "$LIST")
array=$(sbatch --parsable --array=0-$((n - 1)) --chdir="$out" --export=ALL "$@" "$here/scan-array.sbatch") ||
  { echo "$0: the scan array failed (or could not be submitted): see $out/loopminer-scan-*.out" >&2; exit 1; }
array=${array%%;*}
merge=$(sbatch --parsable --dependency=afterok:"$array" --chdir="$out" --export=ALL "$@" "$here/merge.sbatch") ||
  { echo "$0: the merge failed (or could not be submitted): see $out/loopminer-merge-*.out" >&2; exit 1; }
merge=${merge%%;*}
echo "scan array: $array (shards 0-$((n - 1))), merge: $merge -> $out/library.sqlite"
