#!/usr/bin/env python3
"""Start-up probe: wall time from process start to the first output line on stdout.

usage: python3 first-output.py N siddhi|esper [--cds] [--events 200000] [--check]

Starts `java -Xmx64m -XX:+UseSerialGC -Xshare:auto -cp target/peers.jar peers.FirstOutput ENGINE` N times,
writes the generated events (JSON lines) to its stdin from a writer thread, and measures
time.monotonic() from just before Popen to the return of the first stdout readline().
After the first line the child is killed (unless --check, which drains all output and counts it).
--cds: first one (unmeasured) training run with -XX:ArchiveClassesAtExit=target/first-output-ENGINE.jsa
       (stdin fully written and closed, normal exit so the archive is dumped), then the N measured runs
       with -XX:SharedArchiveFile=that archive.
Data: the same generator as the throughput harness (java.util.Random(42) reimplemented; row 0 = SYM0/75.0/100).
"""
import os
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "target", "peers.jar")


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        if r & (1 << (bits - 1)):
            r -= 1 << bits  # signed int
        return r

    def next_int(self, bound):
        if (bound & -bound) == bound:
            return (bound * (self.next(31) & 0x7FFFFFFF)) >> 31
        while True:
            bits = self.next(31) & 0x7FFFFFFF
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val

    def next_double(self):
        hi = self.next(26) & ((1 << 26) - 1)
        lo = self.next(27) & ((1 << 27) - 1)
        return ((hi << 27) + lo) * (1.0 / (1 << 53))


def gen_input(n):
    rnd = JavaRandom(42)
    lines = []
    for i in range(n):
        sym = "SYM%d" % rnd.next_int(10)
        price = rnd.next_double() * 100
        vol = 1 + rnd.next_int(1000)
        if i == 0:
            sym, price, vol = "SYM0", 75.0, 100
        lines.append('{"symbol": "%s", "price": %r, "volume": %d}\n' % (sym, price, vol))
    return "".join(lines).encode()


def cmd(engine, extra):
    return (["java", "-Xmx64m", "-XX:+UseSerialGC", "-Xshare:auto"] + extra
            + ["-cp", JAR, "peers.FirstOutput", engine])


def writer(p, data):
    try:
        p.stdin.write(data)
        p.stdin.close()
    except (BrokenPipeError, ValueError, OSError):
        pass


def run_once(engine, data, extra, check=False):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd(engine, extra), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, bufsize=0)
    th = threading.Thread(target=writer, args=(p, data), daemon=True)
    th.start()
    first = p.stdout.readline()
    t1 = time.monotonic()
    if not first:
        p.wait()
        raise SystemExit("no output from %s (rc=%s)" % (engine, p.returncode))
    n_out = None
    if check:
        n_out = 1
        for _ in p.stdout:
            n_out += 1
        p.wait()
    else:
        p.kill()
        p.wait()
    th.join()
    p.stdout.close()
    return t1 - t0, first.decode().strip(), n_out


def train_cds(engine, data, archive):
    if os.path.exists(archive):
        os.remove(archive)
    p = subprocess.Popen(cmd(engine, ["-XX:ArchiveClassesAtExit=" + archive]), stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    p.communicate(data)
    if p.returncode != 0 or not os.path.exists(archive):
        raise SystemExit("CDS training run failed rc=%s" % p.returncode)


def main():
    args = sys.argv[1:]
    if len(args) < 2 or args[1] not in ("siddhi", "esper"):
        print(__doc__)
        sys.exit(2)
    n, engine = int(args[0]), args[1]
    cds = "--cds" in args
    check = "--check" in args
    events = int(args[args.index("--events") + 1]) if "--events" in args else 200000
    data = gen_input(events)
    extra = []
    if cds:
        archive = os.path.join(HERE, "target", "first-output-%s.jsa" % engine)
        train_cds(engine, data, archive)
        extra = ["-XX:SharedArchiveFile=" + archive]
    times = []
    for i in range(n):
        dt, first, n_out = run_once(engine, data, extra, check)
        times.append(dt)
        print("run %d: first_output_ms=%.1f%s first=%s" % (i + 1, dt * 1000,
              "" if n_out is None else " outputs=%d" % n_out, first), flush=True)
    print("%s first-output%s runs=%d events=%d median_ms=%.1f min_ms=%.1f" % (
        engine, " (AppCDS)" if cds else "", n, events, statistics.median(times) * 1000, min(times) * 1000))


if __name__ == "__main__":
    main()
