#!/usr/bin/env python3
"""Tables and issue-4 targets from the raw files bench/run.sh writes.

    report.py table SETS.tsv RESULTS.tsv MEM.tsv COMMANDS.tsv
    report.py memory MEMORY.tsv

SETS.tsv     set, total bytes, directory, CPU-s used by other processes while it was timed, wall s
RESULTS.tsv  set, tool, round, wall s, exit code, maxrss KiB, check      (timed runs)
MEM.tsv      set, tool, maxrss KiB, own VmHWM KiB, largest child VmHWM KiB, children, check
             (the untimed warm-up run, sampled from /proc)
COMMANDS.tsv set, tool, command
MEMORY.tsv   run, wall s, maxrss KiB, coordinator VmHWM KiB, largest worker VmHWM KiB, workers, check
"""
import os
import statistics
import sys

MiB = 1024.0  # the files hold KiB
LABEL = {
    "ts-w2": "taxiscan -w2", "base-w2": "base -w2", "ts-w6": "taxiscan -w6", "ts-w1": "taxiscan -w1",
    "ts-ids1000": "taxiscan 1000 ids", "ts-plate": "taxiscan -c 8 plate",
    "rg": "rg", "grep": "grep", "mawk": "mawk", "python-seed": "python-seed",
}


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def verdict(checks):
    if any(c.startswith("WRONG") for c in checks):
        return next(c for c in checks if c.startswith("WRONG"))
    if any(c == "ok-unordered" for c in checks):
        return "ok-unordered"
    return "ok" if checks else "-"


def table(sets_tsv, results_tsv, mem_tsv, commands_tsv):
    sets = [(r[0], int(r[1]), r[2], float(r[3]), float(r[4])) for r in rows(sets_tsv)]
    res = rows(results_tsv)
    mem = {(r[0], r[1]): r[2:] for r in rows(mem_tsv)}
    cmds = rows(commands_tsv)
    targets = []
    ncpu = os.cpu_count() or 1
    for set_name, nbytes, d, others, wall in sets:
        tools = []
        for r in res:
            if r[0] == set_name and r[1] not in tools:
                tools.append(r[1])
        stat = {}
        for t in tools:
            rr = [r for r in res if r[0] == set_name and r[1] == t]
            walls = [float(r[3]) for r in rr]
            checks = [r[6] for r in rr] + ([mem[(set_name, t)][4]] if (set_name, t) in mem else [])
            stat[t] = {
                "med": statistics.median(walls), "min": min(walls), "n": len(walls),
                "rss": max(int(r[5]) for r in rr) / MiB, "check": verdict(checks),
            }
        print("set %s: %s, %.2f GB, page cache warm" % (set_name, d, nbytes / 1e9))
        print("other processes used %.1f CPU-s while this set was timed (%.0f%% of %d cpus x %.0f s)" % (
            others, 100 * others / (ncpu * wall) if wall else 0, ncpu, wall))
        hdr = "%-20s %8s %7s %7s %6s %9s %15s %7s %8s  %s" % (
            "tool", "median s", "min s", "runs", "MB/s", "peak RSS", "own/child MiB", "x rg", "x ts-w2", "rows")
        print(hdr)
        print("-" * len(hdr))
        rg = stat.get("rg", {}).get("med")
        w2 = stat.get("ts-w2", {}).get("med")
        for t in tools:
            s = stat[t]
            m = mem.get((set_name, t))
            own = "-"
            if m:
                own = "%.1f / %s" % (int(m[1]) / MiB, ("%.1f" % (int(m[2]) / MiB)) if int(m[3]) else "-")
            print("%-20s %8.3f %7.3f %7d %6.0f %9.1f %15s %7s %8s  %s" % (
                LABEL.get(t, t), s["med"], s["min"], s["n"], nbytes / s["med"] / 1e6, s["rss"], own,
                "%.2f" % (s["med"] / rg) if rg else "-", "%.2f" % (s["med"] / w2) if w2 else "-",
                s["check"]))
        print()

        def target(text, a, b, fn, limit, fmt):
            """a, b: tools; fn(stat_a, stat_b) -> value; PASS when value meets limit."""
            missing = [t for t in (a, b) if t and t not in stat]
            if missing:
                targets.append(("SKIP", set_name, text, "no %s run" % ", ".join(missing)))
                return
            wrong = [t for t in (a, b) if t and stat[t]["check"].startswith("WRONG")]
            v = fn(stat[a], stat[b] if b else None)
            ok = limit(v) and not wrong
            note = fmt % v + ("  (wrong rows: %s)" % ", ".join(wrong) if wrong else "")
            targets.append(("PASS" if ok else "MISS", set_name, text, note))

        target("taxiscan -w2 <= 1.25x rg", "ts-w2", "rg", lambda x, y: x["med"] / y["med"],
               lambda v: v <= 1.25, "%.2fx")
        target("taxiscan -w6 <= 1.5x rg", "ts-w6", "rg", lambda x, y: x["med"] / y["med"],
               lambda v: v <= 1.5, "%.2fx")
        target("taxiscan -w2 >= 50x faster than python-seed", "python-seed", "ts-w2",
               lambda x, y: x["med"] / y["med"], lambda v: v >= 50, "%.1fx")
        target("1000 ids <= 1.5x single id (-w2)", "ts-ids1000", "ts-w2",
               lambda x, y: x["med"] / y["med"], lambda v: v <= 1.5, "%.2fx")
        target("-c 8 plate >= 1.5 GB/s", "ts-plate", None, lambda x, y: nbytes / x["med"] / 1e9,
               lambda v: v >= 1.5, "%.2f GB/s")

    print("targets (issue 4):")
    for v, s, text, note in targets:
        print("  %-4s  %-8s %-46s %s" % (v, s, text, note))
    print()
    print("commands (set %s; rows go to a file):" % (sets[0][0] if sets else "-"))
    for s, t, c in cmds:
        if sets and s == sets[0][0]:
            print("  %-12s %s" % (t, c))


def memory(memory_tsv):
    rr = rows(memory_tsv)
    print("%-4s %8s %12s %14s %16s %8s  %s" % ("run", "wall s", "maxrss MiB", "coord HWM MiB",
                                                "worker HWM MiB", "workers", "rows"))
    for r in rr:
        print("%-4s %8.3f %12.1f %14.1f %16.1f %8s  %s" % (
            r[0], float(r[1]), int(r[2]) / MiB, int(r[3]) / MiB, int(r[4]) / MiB, r[5], r[6]))
    coord = max(int(r[3]) for r in rr) / MiB
    worker = max(int(r[4]) for r in rr) / MiB
    wrong = verdict([r[6] for r in rr]).startswith("WRONG")
    print()
    print("targets (issue 4):")
    print("  %-4s  worker peak RSS < 64 MiB        %.1f MiB%s" % (
        "PASS" if worker < 64 and not wrong else "MISS", worker, "  (wrong rows)" if wrong else ""))
    print("  %-4s  coordinator peak RSS < 128 MiB  %.1f MiB%s" % (
        "PASS" if coord < 128 and not wrong else "MISS", coord, "  (wrong rows)" if wrong else ""))


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "table":
        table(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "memory":
        memory(sys.argv[2])
    else:
        sys.exit(__doc__)
