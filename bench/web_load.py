#!/usr/bin/env python3
"""Load test of ``ita-docs serve`` on loopback: docx and PDF rendering under concurrent clients.

Usage:  python bench/web_load.py [--workers 1] [--docx 160] [--pdf 16] [--clients 16] [--burst 200]

Starts the real server (``python -m ita_docs serve`` on 127.0.0.1, a free port), then:

* docx   ``--docx`` renders of the sample through ``--clients`` concurrent clients;
* pdf    ``--pdf`` PDF renders through the same number of clients (LibreOffice);
* burst  ``--burst`` docx renders sent all at once, each on its own connection;
         all must succeed.

Prints requests/s and p50/p95/max latency for each, and the peak memory of the server
process and all its children (LibreOffice included), sampled every 0.1 s from /proc.
Bounded: every phase stops at ``--deadline`` seconds, and nothing leaves loopback.
Exit status 1 if any request failed.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from proctree import tree_rss  # -- bench/proctree.py, beside this script --

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "krut-2566-progress.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MemoryWatch:
    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            time.sleep(0.1)

    def __enter__(self) -> MemoryWatch:
        self.peak = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self._stop.clear()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.thread.join()


async def _phase(url: str, fmt: str, total: int, clients: int, deadline: float, body: bytes,
                 connections: int | None = None) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    limits = httpx.Limits(max_connections=connections or clients, max_keepalive_connections=connections or clients)
    stop_at = time.monotonic() + deadline
    async with httpx.AsyncClient(base_url=url, timeout=deadline, limits=limits) as client:
        async def one() -> None:
            started = time.perf_counter()
            try:
                r = await client.post(f"/api/v1/render?format={fmt}", content=body,
                                      headers={"Content-Type": "application/yaml"})
                ok = r.status_code == 200 and r.content[:4] in (b"PK\x03\x04", b"%PDF")
                if not ok:
                    failures.append(f"{r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                failures.append(type(exc).__name__)
                return
            latencies.append(time.perf_counter() - started)

        async def worker() -> None:
            while time.monotonic() < stop_at:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await one()

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    pick = (lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else (lambda q: float("nan"))
    return {"done": len(latencies), "failed": len(failures), "not_sent": total - len(latencies) - len(failures),
            "seconds": elapsed, "rps": len(latencies) / elapsed if elapsed else 0.0,
            "p50": statistics.median(latencies) if latencies else float("nan"), "p95": pick(0.95),
            "max": latencies[-1] if latencies else float("nan"), "errors": failures[:3]}


def _print(name: str, r: dict, peak: int) -> None:
    print(f"{name:<6} {r['done']:>4} ok {r['failed']:>3} failed {r['not_sent']:>3} not sent  "
          f"{r['rps']:7.2f} req/s  p50 {r['p50'] * 1000:7.0f} ms  p95 {r['p95'] * 1000:7.0f} ms  "
          f"max {r['max'] * 1000:7.0f} ms  peak memory {peak / 1024 / 1024:6.0f} MB  ({r['seconds']:.1f} s)")
    for error in r["errors"]:
        print(f"       error: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--pdf-jobs", type=int, default=2, help="LibreOffice conversions at once per process")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--docx", type=int, default=160, help="docx renders in the docx phase")
    parser.add_argument("--pdf", type=int, default=16, help="PDF renders in the PDF phase (0: skip)")
    parser.add_argument("--burst", type=int, default=200, help="renders sent at once")
    parser.add_argument("--deadline", type=float, default=300, help="seconds each phase may take")
    args = parser.parse_args()

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "ita_docs", "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(args.workers), "--pdf-jobs", str(args.pdf_jobs)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            print("the server did not start", file=sys.stderr)
            return 1
        body = SAMPLE.read_bytes()
        print(f"ita-docs serve --workers {args.workers} --pdf-jobs {args.pdf_jobs}, {os.cpu_count()} cores, "
              f"sample {SAMPLE.name}, {args.clients} clients")
        failed = 0
        idle = tree_rss(server.pid)
        print(f"idle   server memory {idle / 1024 / 1024:.0f} MB")
        watch = MemoryWatch(server.pid)
        asyncio.run(_phase(url, "docx", 4, 2, args.deadline, body))  # -- warm up --
        if args.docx:
            with watch:
                r = asyncio.run(_phase(url, "docx", args.docx, args.clients, args.deadline, body))
            _print("docx", r, watch.peak)
            failed += r["failed"] + r["not_sent"]
        if args.pdf:
            with watch:
                r = asyncio.run(_phase(url, "pdf", args.pdf, args.clients, args.deadline, body))
            _print("pdf", r, watch.peak)
            failed += r["failed"] + r["not_sent"]
        if args.burst:
            with watch:
                r = asyncio.run(_phase(url, "docx", args.burst, args.burst, args.deadline, body,
                                       connections=args.burst))
            _print("burst", r, watch.peak)
            failed += r["failed"] + r["not_sent"]
            print(f"burst  {'all ' + str(args.burst) + ' succeeded' if r['done'] == args.burst else 'NOT all succeeded'}")
        return 1 if failed else 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
