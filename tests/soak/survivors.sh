# Sourced by the soak scripts. `survivors TAG` prints the pids of processes whose environment holds
# TAXISCAN_SOAK_RUN=TAG. A run's workers inherit its environment, so this finds them even after their
# coordinator died and they were re-parented to init (where `pgrep -P coordinator` no longer sees them).
survivors() {
    local tag=$1 environ pid
    for environ in /proc/[0-9]*/environ; do
        pid=${environ#/proc/}; pid=${pid%/environ}
        [ "$pid" = $$ ] && continue
        if tr '\0' '\n' 2>/dev/null < "$environ" | grep -qx "TAXISCAN_SOAK_RUN=$tag"; then
            # A zombie has exited already; only a live process is left behind.
            grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null || echo "$pid"
        fi
    done
}
