"""Soak: `kg serve` answering queries from several client threads while builds publish new
versions of its store, on loopback, bounded in count and time.

The endpoint runs as `kg serve` in a process of its own. Client threads send a fixed number of
queries between them, each counting the store's documents; meanwhile the store takes a number
of builds, one document each. It checks:

- no request fails (every answer is HTTP 200 and parses);
- after each build, the endpoint answers with the new document count within a second;
- the resident memory of `kg serve` and its oxigraph servers stays under a bound.

    python -m benchmarks.soak [--queries 10000] [--threads 8] [--builds 3] [--max-mb 400]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import pages

COUNT = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kgv:Document }"


@dataclass
class Soak:
    """What a soak saw."""

    queries: int = 0
    failures: list[str] = field(default_factory=list)
    follow_seconds: list[float] = field(default_factory=list)  # build published -> seen
    peak_mb: float = 0.0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "queries": self.queries,
            "failures": len(self.failures),
            "first_failures": self.failures[:3],
            "follow_seconds": [round(s, 3) for s in self.follow_seconds],
            "peak_mb": round(self.peak_mb, 1),
            "seconds": round(self.seconds, 1),
        }


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        proc = Path(f"/proc/{p}")
        try:
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in (proc / "task").iterdir():
                todo += [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
    return total / 1024


def count(url: str) -> int:
    q = urllib.parse.urlencode({"query": COUNT})
    req = urllib.request.Request(
        f"{url}?{q}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        if r.status != 200:
            raise RuntimeError(f"HTTP {r.status}")
        data = json.loads(r.read())
    return int(data["results"]["bindings"][0]["n"]["value"])


def run(
    *,
    queries: int = 10_000,
    threads: int = 8,
    builds: int = 3,
    work: Path | None = None,
    pipeline: object = None,
    limit: float = 600.0,
) -> Soak:
    from kg.serve import free_port
    from kg.store.core import Store

    work = Path(work or tempfile.mkdtemp(prefix="kg-soak-"))
    st = Store(work / "store")
    docs = [p.text for p in pages(builds + 1, seed=11)]
    st.build([docs[0]], model=pipeline)
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--store", str(st.path), "--port", str(port)]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    soak = Soak()
    lock = threading.Lock()
    left = [queries]
    stop = time.monotonic() + limit
    t0 = time.monotonic()

    def client() -> None:
        while time.monotonic() < stop:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
            try:
                count(url)
            except Exception as e:  # noqa: BLE001 - every failure is counted and shown
                with lock:
                    soak.failures.append(f"{type(e).__name__}: {e}")
            with lock:
                soak.queries += 1

    try:
        if "SPARQL endpoint" not in server.stdout.readline():
            raise RuntimeError(f"kg serve did not start: {server.stderr.read()}")
        workers = [threading.Thread(target=client) for _ in range(threads)]
        for w in workers:
            w.start()
        for i in range(1, builds + 1):
            time.sleep(1.0)
            st.build([docs[i]], model=pipeline)
            published = time.monotonic()
            while count(url) != i + 1:
                if time.monotonic() - published > 5:
                    soak.failures.append(f"build {i}: not seen after 5 s")
                    break
                time.sleep(0.01)
            soak.follow_seconds.append(time.monotonic() - published)
            soak.peak_mb = max(soak.peak_mb, rss_mb(server.pid))
        while any(w.is_alive() for w in workers):
            soak.peak_mb = max(soak.peak_mb, rss_mb(server.pid))
            time.sleep(0.2)
        soak.seconds = time.monotonic() - t0
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return soak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--queries", type=int, default=10_000)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--builds", type=int, default=3)
    ap.add_argument("--max-mb", type=float, default=400.0, help="memory bound of kg serve")
    ap.add_argument("--work", type=Path)
    args = ap.parse_args()
    soak = run(queries=args.queries, threads=args.threads, builds=args.builds, work=args.work)
    print(json.dumps(soak.as_dict(), indent=1))
    ok = not soak.failures and max(soak.follow_seconds) < 1 and soak.peak_mb < args.max_mb
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
