#!/usr/bin/env python3
"""Issue 10, the lean process: workload W2 (examples/w2-inmemory.sql: StockStream read from an inMemory source,
WINDOW('length', 100) GROUP BY symbol, one output per event) run as `eventflux run APP --input -` with a small
heap, fed EVENTS events on standard input as they are generated here. Over N runs it prints the time from
starting the process to its first output line (median, min) and the CPU time used until then, the whole run, the peak resident memory, and
checks that every event gave its output and that the process exited 0 without an OutOfMemoryError.

    python3 eventflux.launcher/src/test/scripts/run-first-output.py [N] [--events E] [--xmx 64m]
            [--dist TAR.GZ | --cmd PATH | --jar JAR] [--against TAR.GZ | --against-cmd PATH]
            [--b-opts "JAVA_OPTIONS"] [-- JAVA_OPTIONS...]

By default it runs the distribution's bin/eventflux (class data sharing: the first run makes the archive, so
one unmeasured run comes first) from eventflux.launcher/target/eventflux-*.tar.gz with
EVENTFLUX_JAVA_OPTS=-XmxXMX; --cmd runs another launcher script (./eventflux), --jar runs
`java OPTIONS -XmxXMX -jar JAR` (no class data sharing). The events: symbol SYM0-9, price 0-100, volume 1-1000
(Python's random, seed 42); the value checks are LeanRunJarIT's.

A/B: with --against (another distribution, e.g. main's) or --against-cmd (another launcher script) and/or
--b-opts (JVM options only B gets, besides the common ones after --), the N runs of A and of B alternate (ABBA...),
so both see the same load on a shared machine, and the medians of both are printed, with the CPU time of the main
thread, the start-level thread and the JIT compiler threads at the first output and the CPU of the whole run (a
throughput figure that load does not inflate as much as wall time).
"""
import glob
import os
import random
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
app = os.path.join(root, "examples", "w2-inmemory.sql")
args = sys.argv[1:]
java_opts = []
if "--" in args:
    java_opts = args[args.index("--") + 1:]
    args = args[:args.index("--")]
runs, events, xmx, dist, cmd, jar = 5, 200_000, "64m", None, None, None
against, against_cmd, b_opts = None, None, None
i = 0
while i < len(args):
    if args[i] in ("--events", "--xmx", "--dist", "--cmd", "--jar", "--against", "--against-cmd", "--b-opts"):
        value = args[i + 1]
        if args[i] == "--against":
            against = value
        elif args[i] == "--against-cmd":
            against_cmd = os.path.abspath(value)
        elif args[i] == "--b-opts":
            b_opts = value.split()
        elif args[i] == "--events":
            events = int(value)
        elif args[i] == "--xmx":
            xmx = value
        elif args[i] == "--dist":
            dist = value
        elif args[i] == "--cmd":
            cmd = os.path.abspath(value)
        else:
            jar = os.path.abspath(value)
        i += 2
    else:
        runs = int(args[i])
        i += 1

rnd = random.Random(42)
lines = []
for n in range(events):
    lines.append('{"ts": %d, "stream": "StockStream", "data": {"symbol": "SYM%d", "price": %r, "volume": %d}}\n'
                 % (n + 1, rnd.randrange(10), rnd.random() * 100, 1 + rnd.randrange(1000)))
payload = "".join(lines).encode()
del lines

work = tempfile.mkdtemp(prefix="eventflux-w2-")


def command(launcher, extra):
    if jar is not None and launcher is None:
        return ["java", *java_opts, *extra, "-Xmx" + xmx, "-jar", jar, "run", app, "--input", "-"], None
    env = dict(os.environ, EVENTFLUX_JAVA_OPTS=" ".join([*java_opts, *extra, "-Xmx" + xmx]))
    return [launcher, "run", app, "--input", "-"], env


def thread_cpu_ms(pid):
    """CPU time so far of the live threads, grouped: main, FelixStartLevel, C1 and C2 compiler threads, the rest."""
    groups = {}
    for stat in glob.glob(f"/proc/{pid}/task/*/stat"):
        try:
            with open(stat) as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        group = ("main" if name == "java" else "C1" if name.startswith("C1 ") else "C2" if name.startswith("C2 ")
                 else name if name == "FelixStartLevel" else "other")
        groups[group] = groups.get(group, 0) + (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    return groups


def cpu_seconds(pid):
    """User + system CPU time of the process so far (all its threads), from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_once(launcher=None, extra=()):
    argv, env = command(launcher if launcher is not None else cmd, list(extra))
    start = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work, env=env)
    errors = []
    threading.Thread(target=lambda: errors.append(p.stderr.read()), daemon=True).start()

    def feed():
        try:
            p.stdin.write(payload)
            p.stdin.close()
        except BrokenPipeError:
            pass
    threading.Thread(target=feed, daemon=True).start()
    first = None
    cpu = 0
    threads = {}
    outputs = 0
    rss = 0
    for line in p.stdout:
        if first is None:
            first = time.monotonic() - start
            cpu = cpu_seconds(p.pid)
            threads = thread_cpu_ms(p.pid)
        if b'"stream":"Out"' in line:
            outputs += 1
            if outputs % 50_000 == 0:
                rss = max(rss, peak_rss_kb(p.pid))
    rss = max(rss, peak_rss_kb(p.pid))
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = code = os.waitstatus_to_exitcode(status)
    rss = max(rss, usage.ru_maxrss)  # kB; the last /proc read may come after the process ended
    total = time.monotonic() - start
    err = errors[0].decode(errors="replace") if errors else ""
    if code != 0 or "OutOfMemoryError" in err or outputs != events:
        sys.exit(f"run failed: exit {code}, {outputs} of {events} outputs\n{err}")
    return first, cpu, total, rss, threads, (usage.ru_utime + usage.ru_stime)


def extract(tarball, folder):
    target = os.path.join(work, folder)
    with tarfile.open(tarball) as tar:
        tar.extractall(target)
    return glob.glob(os.path.join(target, "eventflux-*", "bin", "eventflux"))[0]


def ab():
    """A (this build, or --dist/--cmd) and B (--against/--against-cmd, and/or --b-opts) alternately."""
    b_cmd = against_cmd or (extract(against, "b") if against else cmd)
    sides = {"A": (cmd, ()), "B": (b_cmd, b_opts or ())}
    for launcher, extra in sides.values():
        # the class data sharing archive of each: the first run lists the core bundles, the second (the first
        # with them on the class path) archives
        run_once(launcher, extra)
        run_once(launcher, extra)
    results = {"A": [], "B": []}
    for n in range(runs):
        for side in (("A", "B") if n % 2 == 0 else ("B", "A")):
            results[side].append(run_once(*sides[side]))
        print(f"round {n + 1}: " + ", ".join(f"{k} {results[k][-1][0] * 1000:.0f} ms (cpu {results[k][-1][1] * 1000:.0f})"
                                            for k in ("A", "B")) + f", load {os.getloadavg()[0]:.1f}", flush=True)
    print(f"A: {cmd} {' '.join(java_opts)}\nB: {b_cmd} {' '.join([*java_opts, *(b_opts or ())])}")
    for side in ("A", "B"):
        r = results[side]
        med = lambda i: statistics.median(x[i] for x in r)
        groups = sorted({g for x in r for g in x[4]})
        print(f"{side}: first output median {med(0) * 1000:.0f} ms (min {min(x[0] for x in r) * 1000:.0f}), cpu until then "
              f"{med(1) * 1000:.0f} ms [" + ", ".join(f"{g} {statistics.median(x[4].get(g, 0) for x in r):.0f}" for g in groups)
              + f"]; whole run {med(2):.2f} s, cpu {med(5):.2f} s; peak RSS {med(3) / 1024:.0f} MB")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cpus"
          f" ({events} events, -Xmx{xmx}, every output present, no OutOfMemoryError)")


try:
    if cmd is None and jar is None:
        if dist is None:
            found = sorted(glob.glob(os.path.join(root, "eventflux.launcher", "target", "eventflux-*.tar.gz")))
            if not found:
                sys.exit("no distribution in eventflux.launcher/target: run mvn install first")
            dist = found[-1]
        cmd = extract(dist, "a")
    if against or against_cmd or b_opts:
        if jar is not None:
            sys.exit("--against, --against-cmd and --b-opts compare launcher scripts: not with --jar")
        ab()
        sys.exit(0)
    if jar is None:
        run_once()  # makes the bundle folder, the list of core bundles and an archive when there are none
        run_once()  # the first run with the core bundles on the class path archives them
    firsts, cpus, totals, rsss = [], [], [], []
    for n in range(runs):
        first, cpu, total, rss, _, _ = run_once()
        firsts.append(first)
        cpus.append(cpu)
        totals.append(total)
        rsss.append(rss)
        print(f"run {n + 1}: first output {first * 1000:.0f} ms (cpu {cpu * 1000:.0f} ms), whole run {total:.2f} s, peak RSS {rss / 1024:.0f} MB")
    print(f"first output: median {statistics.median(firsts) * 1000:.0f} ms, min {min(firsts) * 1000:.0f} ms over {runs} runs"
          f" ({events} events, -Xmx{xmx}, every output present, no OutOfMemoryError)")
    print(f"cpu until the first output: median {statistics.median(cpus) * 1000:.0f} ms (all threads)")
    print(f"whole run:    median {statistics.median(totals):.2f} s; peak RSS median {statistics.median(rsss) / 1024:.0f} MB")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
finally:
    shutil.rmtree(work, ignore_errors=True)
