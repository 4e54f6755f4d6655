#!/usr/bin/env bash
# A single-node Slurm (Debian's slurm-wlm) with its own munged, in a folder of
# its own, for the cluster test: nothing of the system's configuration is used
# or changed. Source it, then:
#   slurm_start DIR    writes DIR/slurm.conf and DIR/munge/*, starts munged,
#                      slurmctld and slurmd (jobs wait in the queue until the node is up)
#   slurm_stop DIR     stops the three daemons it started (by their pid files)
# While it runs, SLURM_CONF points at DIR/slurm.conf.

slurm_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

slurm_start() {
  local dir=$1 host cpus
  host=$(hostname -s)
  cpus=$(nproc)
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  chmod 700 "$dir" "$dir/munge"
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
  munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" ||
    { echo "slurm_local: munged did not start:" >&2; cat "$dir/munge/munged.log" >&2; return 1; }
  cat >"$dir/slurm.conf" <<CONF
ClusterName=loopminertest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(slurm_free_port)
SlurmdPort=$(slurm_free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
ReturnToService=2
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -i -f "$SLURM_CONF" || { echo "slurm_local: slurmctld did not start:" >&2; cat "$dir/slurmctld.log" >&2; return 1; }
  slurmd -f "$SLURM_CONF" || { echo "slurm_local: slurmd did not start:" >&2; cat "$dir/slurmd.log" >&2; return 1; }
  # No waiting for the node here: a job submitted before it registers waits in the queue.
}

slurm_stop() {
  local dir=$1 f pid
  for f in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    timeout 20 tail --pid="$pid" -f /dev/null || true # gone, so that the folder can be removed
  done
}
