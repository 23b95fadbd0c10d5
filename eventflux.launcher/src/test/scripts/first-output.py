#!/usr/bin/env python3
"""Startup figure of the runnable jar: seconds from `java -jar eventflux.jar run APP --input EVENTS`
to the first event on stdout (the first processed event of the bundled example), over N runs, and the
jar's size. Usage (from the repository root):

    python3 eventflux.launcher/src/test/scripts/first-output.py [N] [extra java options...]
"""
import os
import statistics
import subprocess
import sys
import time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
jar = os.path.join(root, "eventflux.launcher", "target", "eventflux.jar")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
flags = sys.argv[2:] or ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m"]
cmd = ["java", *flags, "-jar", jar, "run", os.path.join(root, "examples", "stock-alerts.sql"),
       "--input", os.path.join(root, "examples", "stock-events.jsonl")]

firsts, totals = [], []
for _ in range(runs):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd="/tmp")
    p.stdout.readline()
    firsts.append(time.monotonic() - start)
    p.stdout.read()
    p.wait()
    totals.append(time.monotonic() - start)
    if p.returncode != 0:
        sys.exit(f"exit {p.returncode}: {' '.join(cmd)}")

print(f"jar: {os.path.getsize(jar) / 1e6:.1f} MB")
print(f"first output: median {statistics.median(firsts):.3f} s, min {min(firsts):.3f} s over {runs} runs")
print(f"whole run:    median {statistics.median(totals):.3f} s, min {min(totals):.3f} s")
print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
