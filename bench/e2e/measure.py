#!/usr/bin/env python3
"""Run one command; print its wall time, exit code and peak memory on one line.

    measure.py [--poll] [--stdout FILE] [--stderr FILE] -- COMMAND [ARG...]

Output (one line, space-separated):
    wall_s rc maxrss_kib [tool_hwm_kib children_hwm_kib children]

wall_s       from just before the spawn to the reaping of the command (perf_counter).
maxrss_kib   peak RSS as GNU time's %M reports it (ru_maxrss from wait4). Linux gives the
             larger of the process's own peak and the peak of the largest descendant it
             waited for: for a tool that starts workers, max(coordinator, largest worker),
             never a sum. It also counts the memory of the process image a command was
             exec'd from (a `bash -c` adds a floor of about 3 MiB; python would add 13).
             That is why the command runs under /usr/bin/time, a small program, when there
             is one; otherwise this script's own wait4 is used (higher floor).
--poll       also sample VmHWM from /proc every 5 ms for the command's process (tool_hwm_kib,
             after its exec) and for each of its descendants (children_hwm_kib: the largest;
             children: how many were seen). These are the process's own peaks, free of the
             floor above, but a sample can miss growth in the last 5 ms of a process.
             Polling costs CPU: use it for memory, not for timing.
"""
import os
import shutil
import sys
import tempfile
import time


def parse(argv):
    opts = {"poll": False, "stdout": None, "stderr": None}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            return opts, argv[i + 1:]
        if a == "--poll":
            opts["poll"] = True
        elif a in ("--stdout", "--stderr") and i + 1 < len(argv):
            i += 1
            opts[a[2:]] = argv[i]
        else:
            break
        i += 1
    sys.exit("usage: measure.py [--poll] [--stdout FILE] [--stderr FILE] -- COMMAND [ARG...]")


def status_fields(pid):
    """(ppid, VmHWM kiB or None) of pid, or None when it is gone."""
    try:
        with open("/proc/%d/status" % pid, "rb") as f:
            text = f.read()
    except OSError:
        return None
    ppid, hwm = None, None
    for line in text.split(b"\n"):
        if line.startswith(b"PPid:"):
            ppid = int(line.split()[1])
        elif line.startswith(b"VmHWM:"):
            hwm = int(line.split()[1])
    return ppid, hwm


def main():
    opts, cmd = parse(sys.argv[1:])
    if not cmd:
        sys.exit("measure.py: no command")
    actions = []
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if opts[name]:
            actions.append((os.POSIX_SPAWN_OPEN, fd, opts[name],
                            os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    rss_file = None
    if gnu_time:
        fd, rss_file = tempfile.mkstemp(prefix="measure-rss.")
        os.close(fd)
        cmd = [gnu_time, "-f", "%M", "-o", rss_file, "--"] + cmd

    t0 = time.perf_counter()
    root = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    last = {}                  # pid -> last VmHWM sample (kiB); VmHWM restarts at exec: keep the last
    tree = {root}
    tool = None if gnu_time else root
    while True:
        done, status, ru = os.wait4(root, os.WNOHANG if opts["poll"] else 0)
        if done:
            break
        # between wrap-arounds pids grow: only pids above the root's can be its descendants
        for p in sorted(int(n) for n in os.listdir("/proc") if n.isdigit()):
            if p < root:
                continue
            st = status_fields(p)
            if st is None or (p != root and st[0] not in tree):
                continue
            tree.add(p)
            if tool is None and st[0] == root:
                tool = p
            if st[1] is not None:
                last[p] = st[1]
        time.sleep(0.005)
    wall = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    maxrss = ru.ru_maxrss
    if rss_file:
        with open(rss_file) as f:
            lines = f.read().split()
        os.unlink(rss_file)
        maxrss = int(lines[-1]) if lines and lines[-1].isdigit() else -1
    out = "%.4f %d %d" % (wall, rc, maxrss)
    if opts["poll"]:
        kids = [v for p, v in last.items() if p not in (root, tool)]
        out += " %d %d %d" % (last.get(tool, 0), max(kids, default=0), len(kids))
    print(out)


if __name__ == "__main__":
    main()
