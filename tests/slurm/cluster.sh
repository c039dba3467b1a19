#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the tests of `taxiscan find --slurm` and `--shard`.
# All of its state (slurm.conf, spool, state, pid and log files) lives in DIR; only munged uses the
# system's /run/munge and /etc/munge/munge.key, as every Slurm client on the machine expects it to.
# Needs root and the Debian packages slurm-wlm and munge. Recipe and pitfalls: ../shared/notes/platform-facts.md.
#
#   tests/slurm/cluster.sh start DIR    # prints `export SLURM_CONF=DIR/slurm.conf` on stdout (eval it)
#   tests/slurm/cluster.sh status DIR   # exit 0 when both daemons run and the node is up
#   tests/slurm/cluster.sh stop DIR     # safe to repeat, and after a start that failed half-way
#
# Slurm's ports (6817 for slurmctld, 6818 for slurmd) are fixed: one such cluster per machine at a time.
set -euo pipefail

usage() { sed -n '7,9p' "$0" | sed 's/^#   //' >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
case "$command" in start|stop|status) ;; *) usage ;; esac
if [ ! -d "$2" ]; then
    # Nothing was ever started there: stopping is done, and there is no status to give.
    [ "$command" = start ] || { echo "cluster: no cluster in $2" >&2; [ "$command" = stop ]; exit; }
    mkdir -p "$2"
fi
# Absolute: slurm.conf's paths and the pid files' owners are matched against it.
dir=$(cd "$2" && pwd)
conf=$dir/slurm.conf
export SLURM_CONF=$conf
# Root's PATH has the daemons; a login shell of another user may lack the sbin directories.
export PATH=$PATH:/usr/sbin:/sbin

start_timeout=${CLUSTER_START_TIMEOUT:-30}
ports=(6817 6818)

# Never fails: a reader of stderr that went away (`cluster.sh start DIR 2>&1 | head`) must not stop a
# clean-up half-way.
say() { echo "cluster: $*" >&2 || true; }
die() { say "$*"; exit 1; }

# The pid in FILE if that process is alive and was started with our slurm.conf (pid files can be stale,
# and a recycled pid must never be killed).
our_pid() {
    local file=$1 pid
    [ -s "$file" ] || return 1
    pid=$(<"$file")
    [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$conf" || return 1
    echo "$pid"
}

# The pid in FILE if that process is alive and is a munged.
munged_pid() {
    local file=$1 pid
    [ -s "$file" ] || return 1
    pid=$(<"$file")
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = munged ] || return 1
    echo "$pid"
}

# Sends SIGTERM to each NAME=PID, waits up to 10 s for all of them to go, then SIGKILLs the rest.
# Each daemon takes about 2 s to shut down, so they are signalled together and waited for together.
stop_pids() {
    local entry left
    for entry in "$@"; do kill -TERM "${entry#*=}" 2>/dev/null || true; done
    for _ in $(seq 100); do
        left=()
        for entry in "$@"; do [ -d "/proc/${entry#*=}" ] && left+=("$entry"); done
        [ ${#left[@]} -eq 0 ] && break
        sleep 0.1
    done
    for entry in "${left[@]}"; do
        say "${entry%%=*} (${entry#*=}) ignored SIGTERM for 10 s; killing it"
        kill -KILL "${entry#*=}" 2>/dev/null || true
        while [ -d "/proc/${entry#*=}" ]; do sleep 0.1; done
    done
    for entry in "$@"; do say "stopped ${entry%%=*} (${entry#*=})"; done
}

# Pids and command lines of Slurm daemons already running on this machine, whoever started them.
other_daemons() {
    local comm pid
    for comm in /proc/[0-9]*/comm; do
        case "$(cat "$comm" 2>/dev/null)" in
            slurmctld|slurmd)
                pid=${comm#/proc/}; pid=${pid%/comm}
                echo "  pid $pid: $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)"
                ;;
        esac
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

show_logs() {
    local log
    for log in "$dir"/slurmctld.log "$dir"/slurmd.log /var/log/munge/munged.log; do
        [ -f "$log" ] || continue
        say "--- last lines of $log (known harmless noise left out) ---"
        # Every start logs PMIx plugin errors, missing state files (first start) and munged's
        # "Unauthorized credential" notes; they would bury the line that says what went wrong.
        grep -v -e pmix -e PMIx -e 'MPI: Cannot create context' -e 'state file' -e 'Trying backup state' \
            -e 'Unauthorized credential' "$log" | tail -n 15 >&2 || true
    done
}

do_stop() {
    local pid
    # Cancel what is still queued or running first: slurmd leaves its jobs' slurmstepd processes (and the
    # jobs under them) running when it stops, and nothing would reap them then.
    if pid=$(our_pid "$dir/slurmctld.pid") && [ -n "$pid" ]; then
        local jobs
        jobs=$(squeue -h -o %A 2>/dev/null || true)
        if [ -n "$jobs" ]; then
            # shellcheck disable=SC2086 # one argument per job id
            scancel $jobs 2>/dev/null || true
            for _ in $(seq 50); do
                [ -z "$(squeue -h -o %A 2>/dev/null || true)" ] && break
                sleep 0.1
            done
        fi
    fi
    # slurmd is signalled first, but both are then waited for together: neither needs the other to stop.
    local daemons=()
    if pid=$(our_pid "$dir/slurmd.pid"); then daemons+=("slurmd=$pid"); fi
    if pid=$(our_pid "$dir/slurmctld.pid"); then daemons+=("slurmctld=$pid"); fi
    [ ${#daemons[@]} -eq 0 ] || stop_pids "${daemons[@]}"
    # munged last (the daemons use it until they are gone), and only if this cluster started it: its pid
    # is then recorded in DIR. A munged that was already running belongs to someone else.
    if pid=$(munged_pid "$dir/munged.pid"); then stop_pids "munged=$pid"; fi
    rm -f "$dir/munged.pid"
}

write_conf() {
    local host cpus
    # slurmd finds its own NodeName by the short host name.
    host=$(hostname -s)
    cpus=$(nproc)
    mkdir -p "$dir/state" "$dir/spool"   # slurmd does not create its spool directory itself
    cat > "$conf" <<EOF
# Written by tests/slurm/cluster.sh: a one-node cluster whose state lives in $dir.
ClusterName=taxiscan-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${ports[0]}
SlurmdPort=${ports[1]}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# No systemd and no cgroup hierarchy to rely on: track job processes through /proc, bind no tasks.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# The default 3 s batch delay and scheduler interval dominate small arrays; schedule at once.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
# No slurmdbd: sacct has nothing to read. A finished job stays in slurmctld's memory (squeue -t all,
# scontrol show job) for MinJobAge seconds, which is the only per-task status there is.
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=300
MailProg=/bin/true
# A node that restarts (a daemon restarted between tests) comes back as usable, not DOWN.
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# CPUs as the machine has. Each task takes one core, so on 2 cores an 8-task array would run in 4 waves
# (about 3 s for 8 trivial tasks, as each wave waits for the scheduler); OverSubscribe=FORCE:4 lets 4
# tasks share a core, so all 8 run at once (about 1 s).
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
EOF
}

start_munged() {
    local pid
    if pid=$(munged_pid /run/munge/munged.pid); then
        say "munged is already running ($pid); using it"
        return 0
    fi
    # Without systemd nothing creates munged's runtime directory.
    install -d -o munge -g munge -m 755 /run/munge
    # The package's install creates the key; a machine set up otherwise may lack it.
    if [ ! -f /etc/munge/munge.key ]; then
        runuser -u munge -- mungekey --create
    fi
    # munged refuses to run as root. --force: a munged killed earlier leaves its socket behind.
    runuser -u munge -- munged --force
    pid=$(munged_pid /run/munge/munged.pid) || die "munged did not start; see /var/log/munge/munged.log"
    echo "$pid" > "$dir/munged.pid"
}

# How many times the main scheduler has run (sdiag's "Main schedule statistics"), 0 when unknown.
scheduler_cycles() {
    sdiag 2>/dev/null | awk '/Main schedule statistics/ { main = 1 } main && /Total cycles:/ { print $3; found = 1; exit }
        END { if (!found) print 0 }'
}

wait_until_ready() {
    local state="" deadline=$((SECONDS + start_timeout))
    while [ $SECONDS -lt $deadline ]; do
        state=$(sinfo -h -o %t 2>/dev/null || true)
        # idle is not enough: slurmctld runs its first scheduling pass about 3 s after it starts, and a job
        # submitted before that waits for it. Ready means a job submitted now starts at once.
        [ "$state" = idle ] && [ "$(scheduler_cycles)" -gt 0 ] && return 0
        # A daemon that died at start-up will never make the node idle: say so now, not after the timeout.
        our_pid "$dir/slurmctld.pid" >/dev/null || { say "slurmctld exited during start-up"; return 1; }
        our_pid "$dir/slurmd.pid" >/dev/null || { say "slurmd exited during start-up"; return 1; }
        sleep 0.1
    done
    say "the node is not idle and scheduling after ${start_timeout} s (sinfo says '${state:-nothing}', $(scheduler_cycles) scheduler cycles)"
    return 1
}

do_start() {
    local missing=() program
    [ "$(id -u)" -eq 0 ] || die "needs root (munged runs as the munge user via runuser; the daemons run as root)"
    for program in slurmctld slurmd munged sinfo sdiag sbatch squeue scancel runuser; do
        command -v "$program" >/dev/null || missing+=("$program")
    done
    [ ${#missing[@]} -eq 0 ] ||
        die "not installed: ${missing[*]}; install with: apt-get install -y --no-install-recommends slurm-wlm munge"

    if our_pid "$dir/slurmctld.pid" >/dev/null; then
        die "a cluster is already running in $dir; stop it first: $0 stop $dir"
    fi
    local port
    for port in "${ports[@]}"; do
        if port_in_use "$port"; then
            die "port $port is in use: another Slurm cluster is running on this machine (ports 6817/6818 are fixed by Slurm)
$(other_daemons)
stop it first (tests/slurm/cluster.sh stop ITS_DIR, or kill the pids above)"
        fi
    done

    # A start that fails half-way stops what it started, so the caller has nothing to clean up but DIR.
    # SIGPIPE ignored there for the same reason as in say().
    trap 'status=$?; if [ $status -ne 0 ]; then trap "" PIPE; show_logs || true; do_stop; fi' EXIT
    write_conf
    start_munged
    # Both daemonize and write their pid files. -f: there is no /etc/slurm/slurm.conf to fall back on.
    slurmctld -f "$conf"
    slurmd -f "$conf"
    wait_until_ready
    trap - EXIT
    say "node $(hostname -s) idle and scheduling, $(nproc) CPUs; logs in $dir"
    echo "export SLURM_CONF=$conf"
}

do_status() {
    local pid running=0
    for daemon in slurmctld slurmd; do
        if pid=$(our_pid "$dir/$daemon.pid"); then
            echo "$daemon: running ($pid)"
            running=$((running + 1))
        else
            echo "$daemon: not running"
        fi
    done
    if pid=$(munged_pid /run/munge/munged.pid); then echo "munged: running ($pid)"; else echo "munged: not running"; fi
    [ $running -eq 2 ] || return 1
    echo "node: $(sinfo -h -o '%n %t %c CPUs' 2>&1)"
    echo "export SLURM_CONF=$conf"
}

case "$command" in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
esac
