"""Local load test of the web app: N concurrent clients on 127.0.0.1, bounded in count and time.

Starts ``newsdossier.web.serve`` in a subprocess on a free port of 127.0.0.1 with a fresh
corpus store, uploads the articles (the seeds when ../shared/seeds exists, else built-in
fictional texts) through ``POST /upload``, opens the largest story once (the cold dossier
build, timed separately), then runs N client threads with keep-alive connections that
cycle through a mix of pages until the time or request budget is spent. Prints one table:
per route requests, errors, throughput and latency percentiles.

    .venv/bin/python bench/web_load.py --clients 8 --duration 10
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HOST = "127.0.0.1"  # never anything else
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
MAX_CLIENTS, MAX_DURATION, MAX_REQUESTS = 64, 120.0, 200_000

FICTIONAL = [
    "Ferry service between Lunholm and Carrick Point was suspended on Monday after a storm damaged the pier. "
    "\"We will not sail until the pier is safe,\" said Orla Tennant, the ferry company's operations chief. "
    "About 300 passengers were stranded overnight in the Lunholm terminal.",
    "The Lunholm ferry stopped running on Monday when a storm battered the pier at Carrick Point. "
    "\"We will not sail until the pier is safe,\" operations chief Orla Tennant told the Tidewater Gazette. "
    "Some 250 travellers spent the night in the terminal.",
    "Engineers began repairing the storm-damaged pier at Carrick Point on Tuesday, the harbour board said. "
    "The board expects the Lunholm ferry to resume its crossings by Friday if the weather holds.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                     "Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def request(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn.request(method, path, body=body, headers=headers or {})
    resp = conn.getresponse()
    return resp.status, resp.read()


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            status, _ = request(conn, "GET", "/healthz")
            conn.close()
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not answer within the timeout")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=8, help=f"concurrent clients (1..{MAX_CLIENTS})")
    ap.add_argument("--duration", type=float, default=10.0, help=f"seconds of load (max {MAX_DURATION:g})")
    ap.add_argument("--requests", type=int, default=20_000, help=f"request budget (max {MAX_REQUESTS})")
    ap.add_argument("--inputs", type=Path, default=SEEDS if SEEDS.is_dir() else None,
                    help="folder of article files to upload (default: ../shared/seeds, else built-in texts)")
    args = ap.parse_args()
    clients = max(1, min(args.clients, MAX_CLIENTS))
    duration = max(1.0, min(args.duration, MAX_DURATION))
    budget = max(1, min(args.requests, MAX_REQUESTS))

    if args.inputs is not None:
        files = [(p.name, p.read_bytes()) for p in sorted(args.inputs.iterdir()) if p.is_file()]
    else:
        files = [(f"fiction{i}.txt", t.encode()) for i, t in enumerate(FICTIONAL)]

    tmp = tempfile.TemporaryDirectory(prefix="newsdossier-webload-")
    port = free_port()
    code = f"from newsdossier.web import serve; serve({str(Path(tmp.name) / 'corpus.db')!r}, {HOST!r}, {port})"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        wait_ready(port, proc)
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        body, ctype = multipart(files)
        t0 = time.perf_counter()
        status, _ = request(conn, "POST", "/upload", body, {"Content-Type": ctype})
        upload_s = time.perf_counter() - t0
        if status != 200:
            raise RuntimeError(f"upload failed with HTTP {status}")
        _, html = request(conn, "GET", "/stories")
        story = re.search(rb'class="story" href="(/stories/[^"]+)"', html)
        if story is None:
            raise RuntimeError("no story listed after the upload")
        story_path = story.group(1).decode()
        t0 = time.perf_counter()
        status, page = request(conn, "GET", story_path)
        cold_s = time.perf_counter() - t0
        _, listing = request(conn, "GET", "/articles")
        article = re.search(rb'href="(/articles/[0-9a-f]{16})"', listing)
        conn.close()

        paths = {"/": "/", "/stories": "/stories", "/stories/<largest> (cached)": story_path,
                 "/articles": "/articles", "/healthz": "/healthz"}
        if article:
            paths["/articles/<id>"] = article.group(1).decode()
        routes = list(paths)
        lat: dict[str, list[float]] = {r: [] for r in routes}
        errors: dict[str, int] = {r: 0 for r in routes}
        lock = threading.Lock()
        issued = 0
        deadline = time.monotonic() + duration

        def client(k: int) -> None:
            nonlocal issued
            c = http.client.HTTPConnection(HOST, port, timeout=30)
            i = k
            while time.monotonic() < deadline:
                with lock:
                    if issued >= budget:
                        break
                    issued += 1
                route = routes[i % len(routes)]
                i += 1
                path = paths[route]
                t = time.perf_counter()
                try:
                    st, _ = request(c, "GET", path)
                    ok = st == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    c.close()
                    c = http.client.HTTPConnection(HOST, port, timeout=30)
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    lat[route].append(dt)
                    if not ok:
                        errors[route] += 1
            c.close()

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        tmp.cleanup()

    print(f"web load: {clients} clients, {wall:.1f} s, budget {budget} requests, host {HOST} "
          f"| {len(files)} files uploaded in {upload_s:.2f} s | cold dossier build {cold_s:.2f} s "
          f"({len(page) // 1024} KiB page)")
    head = f"{'route':<34} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    print(head)
    print("-" * len(head))
    every: list[float] = []
    for r in routes:
        v = lat[r]
        every += v
        print(f"{r[:34]:<34} {len(v):>8} {errors[r]:>6} {len(v) / wall:>8.1f} {pct(v, 50):>8.1f} "
              f"{pct(v, 90):>8.1f} {pct(v, 99):>8.1f} {max(v) if v else float('nan'):>8.1f}")
    print(f"{'all':<34} {len(every):>8} {sum(errors.values()):>6} {len(every) / wall:>8.1f} {pct(every, 50):>8.1f} "
          f"{pct(every, 90):>8.1f} {pct(every, 99):>8.1f} {max(every) if every else float('nan'):>8.1f}")
    if every:
        print(f"(mean {statistics.mean(every):.1f} ms)")
    return 1 if sum(errors.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
