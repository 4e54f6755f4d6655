#!/usr/bin/env bash
# packaging/cluster/train.sbatch run for real: a single-node Slurm
# (slurm_local.sh) runs the job with 2 tasks, which train the detector as
# ranks 0 and 1 of a data-parallel training meeting at the job's first node;
# its model equals one process's with the same batch and seed.
#   test_cluster_train.sh CLI
set -euo pipefail
[ -n "${LM_TRACE:-}" ] && set -x
cli=$1
here=$(dirname "$(realpath "$0")")
src=$(realpath "$here/../..")
work=$(mktemp -d)
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ]; then # what the job said
    tail -n 20 "$work"/*.out "$work"/slurm/*.log 2>/dev/null >&2 || true
  fi
  slurm_stop "$work/slurm"
  rm -rf "$work"
}
source "$here/slurm_local.sh"
trap cleanup EXIT
# Loops to train on: 24 from the bundled model, every draw kept.
"$cli" generate -n 24 --seed 3 --max-score 1e9 --out "$work/loops" --quiet >/dev/null
opts=(--loops "$work/loops" --batch 8 --epochs-ae 3 --epochs-svdd 3 --seed 5 --threads 1 --quiet)
"$cli" train detector "${opts[@]}" --out "$work/single" >"$work/single.json"
slurm_start "$work/slurm"
cd "$work"
LOOPMINER_CLI=$cli MASTER_PORT=$(slurm_free_port) DIST_TIMEOUT=60 timeout 240 \
  sbatch --wait --nodes=1 --ntasks-per-node=2 --cpus-per-task=1 --output="$work/train-%j.out" \
  "$src/packaging/cluster/train.sbatch" detector "${opts[@]}" --out "$work/dist"
grep -q "loopminer-train: 2 ranks, master" "$work"/train-*.out
[ -f "$work/dist/detector.lmm" ]
python3 - "$work/single.json" "$work"/train-*.out <<'PY'
import json, sys
single = json.load(open(sys.argv[1]))
# The job's output holds both ranks' JSON objects (and the script's line on stderr).
text = open(sys.argv[2]).read()
objs, dec, i = [], json.JSONDecoder(), 0
while (i := text.find("{", i)) >= 0:
    o, end = dec.raw_decode(text, i)
    objs.append(o)
    i = end
assert len(objs) == 2, f"{len(objs)} results in the job's output"
for o in objs:
    for k in ("threshold", "final_loss", "final_val_loss"):
        a, b = single[k], o[k]
        assert abs(a - b) <= 1e-5 * abs(a), f"{k}: one process {a}, the Slurm job {b}"
print("slurm job = one process:", {k: objs[0][k] for k in ("threshold", "final_loss")})
PY
