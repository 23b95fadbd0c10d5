#!/usr/bin/env python3
"""Startup figure of `eventflux server`: the time from starting the distribution's bin/eventflux (the bash
script, which execs java) to the line "eventflux: server ready in N ms" on stderr, over N starts, each
with a fresh home folder and `--port 0`; SIGTERM stops each server before the next start. Prints the
median and the minimum of the figure the server reports (measured from its process start), of the
wall time seen from here and of the CPU time the process used until then, and the load average (other processes share the cores: note it with the
figures). Usage (from the repository root, after `mvn install`):

    python3 eventflux.launcher/src/test/scripts/server-ready.py [N] [--dist TAR.GZ | --cmd PATH] [-- ARGS...]

--dist takes a distribution tar.gz (default eventflux.launcher/target/eventflux-*.tar.gz, extracted into a
temporary folder once); --cmd runs another launcher script instead (e.g. ./eventflux). ARGS after `--`
are added to the server command line. EVENTFLUX_JAVA_OPTS is passed through (e.g. -Deventflux.boot.trace=true,
whose phase lines are echoed).
"""
import glob
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

def cpu_seconds(pid):
    """User + system CPU time of the process so far (all its threads), from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
args = sys.argv[1:]
extra = []
if "--" in args:
    extra = args[args.index("--") + 1:]
    args = args[:args.index("--")]
runs = 5
dist = None
cmd = None
i = 0
while i < len(args):
    if args[i] == "--dist":
        dist = args[i + 1]
        i += 2
    elif args[i] == "--cmd":
        cmd = os.path.abspath(args[i + 1])
        i += 2
    else:
        runs = int(args[i])
        i += 1

work = tempfile.mkdtemp(prefix="eventflux-ready-")
try:
    if cmd is None:
        if dist is None:
            found = sorted(glob.glob(os.path.join(root, "eventflux.launcher", "target", "eventflux-*.tar.gz")))
            if not found:
                sys.exit("no distribution in eventflux.launcher/target: run mvn install first")
            dist = found[-1]
        with tarfile.open(dist) as tar:
            tar.extractall(work)
        cmd = glob.glob(os.path.join(work, "eventflux-*", "bin", "eventflux"))[0]
    ready = re.compile(r"eventflux: server ready in (\d+) ms")
    reported, walls, cpus = [], [], []
    for n in range(runs):
        home = os.path.join(work, f"home{n}")
        os.makedirs(home)
        start = time.monotonic()
        p = subprocess.Popen([cmd, "server", "--port", "0", "--home", home, *extra],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines = []
        for line in p.stderr:
            lines.append(line)
            if line.startswith("eventflux: boot"):
                print("  " + line.rstrip())
            m = ready.search(line)
            if m:
                walls.append(time.monotonic() - start)
                reported.append(int(m.group(1)))
                cpus.append(cpu_seconds(p.pid))
                break
        p.send_signal(signal.SIGTERM)
        rest = p.stderr.read()
        code = p.wait(timeout=60)
        if len(reported) <= n:
            sys.exit(f"no ready line (exit {code}):\n{''.join(lines)}{rest}")
        print(f"start {n + 1}: reported {reported[-1]} ms, wall {walls[-1] * 1000:.0f} ms, cpu {cpus[-1] * 1000:.0f} ms")
    print(f"server ready (reported): median {statistics.median(reported):.0f} ms, min {min(reported)} ms over {runs} starts")
    print(f"server ready (wall):     median {statistics.median(walls) * 1000:.0f} ms, min {min(walls) * 1000:.0f} ms")
    print(f"cpu time until ready:    median {statistics.median(cpus) * 1000:.0f} ms, min {min(cpus) * 1000:.0f} ms"
          " (user + system, all threads: what a busy machine cannot take away)")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
finally:
    shutil.rmtree(work, ignore_errors=True)
