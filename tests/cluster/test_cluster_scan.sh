#!/usr/bin/env bash
# The ready-made cluster jobs of packaging/cluster, run for real on this
# machine over a fixture folder, their merged library compared row for row
# with a single scan of the same folder:
#   test_cluster_scan.sh slurm    CLI MAKE_CORPUS  a single-node Slurm (slurm_local.sh): the job array + merge
#   test_cluster_scan.sh parallel CLI MAKE_CORPUS  GNU parallel on the local cores
set -euo pipefail
[ -n "${LM_TRACE:-}" ] && set -x
mode=$1 cli=$2 make_corpus=$3
here=$(dirname "$(realpath "$0")")
src=$(realpath "$here/../..")
work=$(mktemp -d)
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ]; then # what the jobs said
    tail -n 20 "$work"/out/*.out "$work"/slurm/*.log 2>/dev/null >&2 || true
  fi
  [ "$mode" = slurm ] && slurm_stop "$work/slurm"
  rm -rf "$work"
}
trap cleanup EXIT
"$make_corpus" "$work/midi" 120 11 # 120 files in part0/ (incl. 3/4, no bass, truncated)
mkdir -p "$work/midi/extra/deep"
cp "$work/midi/part0/groove_1.mid" "$work/midi/extra/deep/copy of groove 1.mid" # spaces in a path
"$cli" scan "$work/midi" --db "$work/single.sqlite" --quiet >"$work/single.json"
shards=3
export LOOPMINER_CLI=$cli
case $mode in
  slurm)
    source "$here/slurm_local.sh"
    slurm_start "$work/slurm"
    # SBATCH_WAIT: each sbatch returns when its job has ended, the array first.
    SBATCH_WAIT=1 timeout 300 "$src/packaging/cluster/slurm-scan.sh" "$work/midi" "$work/out" $shards
    completed=$(scontrol show job 2>/dev/null | grep -c 'JobState=COMPLETED' || true)
    echo "slurm jobs completed: $completed (the $shards array tasks and the merge)"
    [ "$completed" -eq $((shards + 1)) ]
    ;;
  parallel)
    timeout 300 "$src/packaging/cluster/parallel-scan.sh" "$work/midi" "$work/out" $shards -j 2
    ;;
  *)
    echo "usage: $0 slurm|parallel CLI MAKE_CORPUS" >&2
    exit 2
    ;;
esac
for k in $(seq 0 $((shards - 1))); do
  grep -q "\"shard\": \"$k/$shards\"" "$work/out/parts/part-$k-of-$shards.json"
done
grep -q '"files": 121' "$work/out/merge.json"
python3 "$here/compare_libraries.py" "$work/single.sqlite" "$work/out/library.sqlite"
