#!/usr/bin/env bash
# A sharded scan with GNU parallel, on local cores or over ssh hosts, then the
# merge, on this machine.
#
#   packaging/cluster/parallel-scan.sh ROOT OUT N [-j JOBS] [-S HOSTS | --sshloginfile FILE]
#   e.g. parallel-scan.sh ~/midi /tmp/lib 2 -j 2                 (two local cores)
#        parallel-scan.sh /data/midi /shared/lib 32 -S 8/node1,8/node2,8/node3,8/node4
#
# Over ssh, ROOT and OUT must be at the same paths on every host (a shared
# file system) and loopminer-cli on the hosts' PATH (or LOOPMINER_CLI set to
# its path there). A failed shard stops the run (--halt now,fail=1); running
# the same command again redoes only what is missing: a part's finished files
# are kept (the scan is incremental). Environment: LIST, FILE_TIMEOUT,
# MERGE_OPTIONS as for slurm-scan.sh.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 ROOT OUT N [parallel options: -j JOBS, -S HOSTS, --sshloginfile FILE]" >&2
  exit 2
fi
root=$(realpath "$1") out=$(realpath -m "$2") n=$3
shift 3
cli=${LOOPMINER_CLI:-loopminer-cli}
[[ $cli == */* ]] && cli=$(realpath "$cli") # the same path on the ssh hosts
mkdir -p "$out/parts"
if [ -n "${LIST:-}" ]; then
  input="--list $(printf %q "$(realpath "$LIST")") --root $(printf %q "$root")"
else
  input=$(printf %q "$root")
fi
part="$(printf %q "$out")/parts/part-{}-of-$n"
seq 0 $((n - 1)) | parallel --will-cite --halt now,fail=1 "$@" \
  "$(printf %q "$cli") scan $input --db $part.sqlite --shard {}/$n --threads 1 --file-timeout ${FILE_TIMEOUT:-30} --quiet >$part.json.tmp && mv $part.json.tmp $part.json"
parts=()
for ((k = 0; k < n; ++k)); do parts+=("$out/parts/part-$k-of-$n.sqlite"); done
"$cli" merge "${parts[@]}" --db "$out/library.sqlite" ${MERGE_OPTIONS:-} >"$out/merge.json.tmp"
mv "$out/merge.json.tmp" "$out/merge.json"
cat "$out/merge.json"
