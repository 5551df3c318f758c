#!/usr/bin/env python3
"""Soak benchmark of the web lab (not a test: numbers depend on the machine).

Starts `./losslab serve` (the launcher's flags: its bounded heap) on a free port, then for SECONDS:
  - paced traffic at ~RATE requests/s from a pool of threads, mixed as a page makes it: quick calls
    (catalog, surface, analyze, step-factor) and computing ones (a 3-racer race, a landscape);
  - two misbehaving clients: one asks for 8 racers x 100,000 steps again and again and never reads
    the answer; one loops legal heavy 200x200 basin maps.
It prints p50/p99/max latency of the quick and the computing calls, the errors, and the server's
peak resident memory (VmHWM). Usage: losslab-bench/web/soak.py [SECONDS] [RATE]
"""
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 60
RATE = float(sys.argv[2]) if len(sys.argv) > 2 else 200

QUICK = ["/api/catalog", "/api/surface?surface=himmelblau", "/api/analyze?surface=rosenbrock&at=0.5,0.5",
         "/api/step-factor?h=10&lr=0.19"]
RACE = json.dumps({"surface": "himmelblau", "steps": 1000,
                   "racers": [{"optimizer": "gd"}, {"optimizer": "momentum"}, {"optimizer": "adam"}]})
BIG_RACE = json.dumps({"surface": "bowl", "steps": 100000, "tol": 0, "racers": [{"optimizer": name} for name in
                       ["gd", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw"]]})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None):
    """(seconds, status) of one request on a fresh connection, reading the whole answer."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return time.perf_counter() - start, response.status
    except OSError:
        return time.perf_counter() - start, 0
    finally:
        conn.close()


def never_reads(port, stop):
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(("POST /api/race HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Content-Length: %d\r\n\r\n%s" % (len(BIG_RACE), BIG_RACE)).encode())
            stop.wait(5)  # holds the connection without reading, then opens another
            s.close()
        except OSError:
            stop.wait(1)


def heavy_maps(port, stop):
    while not stop.is_set():
        request(port, "GET", "/api/basins?surface=himmelblau&optimizer=gd&grid=200&steps=1000")


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main():
    port = free_port()
    server = subprocess.Popen([os.path.join(ROOT, "losslab"), "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        if "running at" not in line:
            sys.exit("soak.py: the server did not start: " + line)
        java = subprocess.run(["pgrep", "-f", "serve --port %d" % port], capture_output=True, text=True).stdout.split()
        pid = java[-1] if java else None

        for _ in range(20):  # warm-up
            request(port, "POST", "/api/race", RACE)
            request(port, "GET", random.choice(QUICK))

        stop = threading.Event()
        bad = [threading.Thread(target=never_reads, args=(port, stop), daemon=True),
               threading.Thread(target=heavy_maps, args=(port, stop), daemon=True)]
        for t in bad:
            t.start()

        results = {"quick": [], "computing": []}
        errors = {"quick": 0, "computing": 0}
        lock = threading.Lock()
        peak = [0]

        def one(kind):
            if kind == "quick":
                seconds, status = request(port, "GET", random.choice(QUICK))
            elif random.random() < 0.5:
                seconds, status = request(port, "POST", "/api/race", RACE)
            else:
                seconds, status = request(port, "GET", "/api/landscape?surface=%s" % random.choice(
                    ["himmelblau", "rosenbrock", "bowl", "ravine", "beale"]))
            with lock:
                results[kind].append(seconds)
                if status != 200:
                    errors[kind] += 1

        start = time.perf_counter()
        sent = 0
        workers = []
        while time.perf_counter() - start < SECONDS:
            due = start + sent / RATE
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            kind = "quick" if random.random() < 0.7 else "computing"
            t = threading.Thread(target=one, args=(kind,), daemon=True)
            t.start()
            workers.append(t)
            sent += 1
            if pid and sent % 200 == 0:
                peak[0] = max(peak[0], rss_peak_kb(pid))
        for t in workers:
            t.join(60)
        stop.set()
        if pid:
            peak[0] = max(peak[0], rss_peak_kb(pid))

        print("soak: %.0f s, %d requests at ~%.0f/s, with a client that never reads 8x100,000-step races"
              " and one looping 200x200 basin maps" % (SECONDS, sent, RATE))
        for kind in ("quick", "computing"):
            ms = [1000 * s for s in results[kind]]
            print("  %-9s n=%5d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %d" % (
                kind, len(ms), percentile(ms, 50), percentile(ms, 99), max(ms) if ms else float("nan"), errors[kind]))
        print("  server peak RSS (VmHWM): %.0f MB" % (peak[0] / 1024))
    finally:
        server.terminate()
        server.wait(10)


def rss_peak_kb(pid):
    try:
        with open("/proc/%s/status" % pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    main()
