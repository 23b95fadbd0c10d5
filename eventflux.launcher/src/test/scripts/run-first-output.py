#!/usr/bin/env python3
"""Issue 10, the lean process: workload W2 (examples/w2-inmemory.sql: StockStream read from an inMemory source,
WINDOW('length', 100) GROUP BY symbol, one output per event) run as `eventflux run APP --input -` with a small
heap, fed EVENTS events on standard input as they are generated here. Over N runs it prints the time from
starting the process to its first output line (median, min) and the CPU time used until then, the whole run, the peak resident memory, and
checks that every event gave its output and that the process exited 0 without an OutOfMemoryError.

    python3 eventflux.launcher/src/test/scripts/run-first-output.py [N] [--events E] [--xmx 64m]
            [--dist TAR.GZ | --cmd PATH | --jar JAR] [-- JAVA_OPTIONS...]

By default it runs the distribution's bin/eventflux (class data sharing: the first run makes the archive, so
one unmeasured run comes first) from eventflux.launcher/target/eventflux-*.tar.gz with
EVENTFLUX_JAVA_OPTS=-XmxXMX; --cmd runs another launcher script (./eventflux), --jar runs
`java OPTIONS -XmxXMX -jar JAR` (no class data sharing). The events: symbol SYM0-9, price 0-100, volume 1-1000
(Python's random, seed 42); the value checks are LeanRunJarIT's.
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
i = 0
while i < len(args):
    if args[i] in ("--events", "--xmx", "--dist", "--cmd", "--jar"):
        value = args[i + 1]
        if args[i] == "--events":
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


def command():
    if jar is not None:
        return ["java", *java_opts, "-Xmx" + xmx, "-jar", jar, "run", app, "--input", "-"], None
    env = dict(os.environ, EVENTFLUX_JAVA_OPTS=" ".join([*java_opts, "-Xmx" + xmx]))
    return [cmd, "run", app, "--input", "-"], env


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


def run_once():
    argv, env = command()
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
    outputs = 0
    rss = 0
    for line in p.stdout:
        if first is None:
            first = time.monotonic() - start
            cpu = cpu_seconds(p.pid)
        if b'"stream":"Out"' in line:
            outputs += 1
            if outputs % 50_000 == 0:
                rss = max(rss, peak_rss_kb(p.pid))
    rss = max(rss, peak_rss_kb(p.pid))
    code = p.wait(timeout=300)
    total = time.monotonic() - start
    err = errors[0].decode(errors="replace") if errors else ""
    if code != 0 or "OutOfMemoryError" in err or outputs != events:
        sys.exit(f"run failed: exit {code}, {outputs} of {events} outputs\n{err}")
    return first, cpu, total, rss


try:
    if cmd is None and jar is None:
        if dist is None:
            found = sorted(glob.glob(os.path.join(root, "eventflux.launcher", "target", "eventflux-*.tar.gz")))
            if not found:
                sys.exit("no distribution in eventflux.launcher/target: run mvn install first")
            dist = found[-1]
        with tarfile.open(dist) as tar:
            tar.extractall(work)
        cmd = glob.glob(os.path.join(work, "eventflux-*", "bin", "eventflux"))[0]
    if jar is None:
        run_once()  # makes the class data sharing archive (and the bundle folder) when there is none
    firsts, cpus, totals, rsss = [], [], [], []
    for n in range(runs):
        first, cpu, total, rss = run_once()
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
