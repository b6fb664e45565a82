"""A SPARQL 1.1 Protocol endpoint over the store, served by Oxigraph's own HTTP server.

The server is the ``oxigraph`` program from PyPI, run on the store's current version:
read-only unless updates are asked for, bound to the loopback address unless told otherwise,
and with the store's named graphs queried together as the default graph (as ``kg query``
does), so the endpoint answers exactly as ``kg query --store`` does. A query that runs past
the timeout is answered with HTTP 503 and stopped.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import ipaddress
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.store.core import Store


class ServeError(KgError):
    """The SPARQL endpoint cannot be started."""


def oxigraph_program() -> str:
    """The ``oxigraph`` server program: beside this Python first, then on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed: pip install oxigraph")
    return found


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Backend:
    """The oxigraph server process, on a port of its own; ``restart()`` replaces it."""

    def __init__(
        self, cmd: list[str], host: str, port: int | None, location: Path, startup: float
    ) -> None:
        self.cmd, self.host, self.fixed_port = cmd, host, port
        self.port = port or 0
        self.location, self.startup = location, startup
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.generation = 0  # bumped by each restart, so waiters can tell a restart from an end

    def start(self) -> None:
        # behind the front, a fresh port each time: the killed server's may not be free yet
        self.port = self.fixed_port or free_port(self.host)
        bind = f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"
        with tempfile.TemporaryFile() as log:  # a pipe could fill and block the server
            proc = subprocess.Popen(
                [*self.cmd, "--bind", bind],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            self.process = proc
            deadline = time.monotonic() + self.startup
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    log.seek(0)
                    err = log.read().decode("utf-8", "replace").strip()
                    last = err.splitlines()[-1] if err else f"exit status {proc.returncode}"
                    raise ServeError(
                        f"{self.location}: the oxigraph server stopped at once ({last})"
                    )
                try:
                    with socket.create_connection((self.host, self.port), timeout=0.5):
                        return
                except OSError:
                    time.sleep(0.05)
        self.stop()
        raise ServeError(
            f"{self.host}:{self.port}: the oxigraph server did not answer within {self.startup:g} s"
        )

    def stop(self) -> None:
        proc = self.process
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def restart(self, generation: int) -> None:
        """Kill the server (and the query it is stuck on) and start a fresh one, once for all
        the requests of ``generation`` that ran out of time together."""
        with self.lock:
            if self.generation != generation:
                return  # another request already restarted it
            self.generation += 1
            proc = self.process
            if proc is not None and proc.poll() is None:
                proc.kill()  # the store is opened read-only, or an update is a transaction
                proc.wait()
            self.start()


class _Front(http.server.ThreadingHTTPServer):
    """The endpoint's address: passes each request on to the oxigraph server and answers 503
    when it takes longer than ``timeout``, restarting the server so that the query stops."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], backend: _Backend, timeout: float):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Forward)
        self.backend, self.timeout = backend, timeout


_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}


class _Forward(http.server.BaseHTTPRequestHandler):
    server: _Front
    protocol_version = "HTTP/1.0"  # one request a connection: no keep-alive to track

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_HEAD = do_OPTIONS = do_PUT = do_DELETE = do_GET

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # the oxigraph server is quiet too

    def _forward(self) -> None:
        front, backend = self.server, self.server.backend
        size = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(size) if size else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        with backend.lock:  # a restart in progress finishes first
            generation, port = backend.generation, backend.port
        deadline = time.monotonic() + front.timeout
        conn = http.client.HTTPConnection(backend.host, port, timeout=front.timeout)
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            chunks = []
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                if conn.sock is not None:  # None once the response owns a closing socket
                    conn.sock.settimeout(left)
                chunk = resp.read1(1 << 16) if self.command != "HEAD" else b""
                if not chunk:
                    break
                chunks.append(chunk)
        except TimeoutError:
            try:  # stop the query before answering, so the next request finds a fresh server
                backend.restart(generation)
            except ServeError as e:  # later requests get 502 until kg serve is restarted
                sys.stderr.write(f"kg serve: {e}\n")
            self._error(
                503,
                f"The query ran longer than the endpoint's {front.timeout:g} s timeout and was "
                "stopped (kg serve --timeout sets it).",
            )
            return
        except (OSError, http.client.HTTPException):
            self._error(502, "The SPARQL server stopped while answering; try the query again.")
            return
        finally:
            conn.close()
        self.send_response_only(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in _HOP and k.lower() != "content-length":
                self.send_header(k, v)
        data = b"".join(chunks)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response_only(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@dataclass
class Endpoint:
    """A running endpoint; ``stop()`` (or leaving a ``with`` block) ends it."""

    backend: _Backend
    host: str
    port: int
    writable: bool
    front: _Front | None = None
    _hold: contextlib.ExitStack = field(default_factory=contextlib.ExitStack, repr=False)
    _stopped: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def process(self) -> subprocess.Popen:
        """The oxigraph server process answering now."""
        assert self.backend.process is not None
        return self.backend.process

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    def stop(self) -> None:
        self._stopped.set()
        if self.front is not None:
            self.front.shutdown()
            self.front.server_close()
        self.backend.stop()
        self._hold.close()

    def wait(self) -> int:
        """Block until the server ends (a restart after a timeout is not an end)."""
        try:
            while True:
                proc, generation = self.backend.process, self.backend.generation
                assert proc is not None
                code = proc.wait()
                with self.backend.lock:  # a restart in progress finishes before we look
                    restarted = self.backend.generation != generation
                if not restarted or self._stopped.is_set():
                    return code
        finally:
            self._hold.close()

    def run(self) -> None:
        """Serve until interrupted: Ctrl-C or SIGTERM stops the endpoint."""

        def stop(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        try:
            self.wait()
        except KeyboardInterrupt:
            self.stop()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    store: Store | str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    allow_update: bool = False,
    allow_remote: bool = False,
    timeout: float | None = 60.0,
    startup: float = 20.0,
) -> Endpoint:
    """Start the endpoint on ``store`` and return once it answers.

    Read-only by default: Oxigraph's read-only server refuses every UPDATE. With
    ``allow_update`` it writes to the store's current version, holding the store's lock for
    as long as it runs so that no build writes at the same time. Binding to anything but a
    loopback address needs ``allow_remote``.

    A request that takes longer than ``timeout`` seconds is answered with HTTP 503 and its
    query is stopped. Oxigraph's own timeout does not stop a query that sorts, groups or
    counts before its first result, so the oxigraph server listens on a loopback port of its
    own behind a small front on ``host:port`` that passes requests on, keeps the time and,
    when it runs out, restarts the server. ``timeout=None`` puts the server on ``host:port``
    directly, with no limit.
    """
    st = store if isinstance(store, Store) else Store(store)
    _check(host, allow_remote, timeout)
    hold = contextlib.ExitStack()
    try:
        if allow_update:
            hold.enter_context(st.lock())
            st.mark_modified()  # updates bypass the build's digests
        backend, front = _start(st.rdf_path, host, port, allow_update, timeout, startup, hold)
    except BaseException:
        hold.close()
        raise
    ep = Endpoint(backend, host, port, allow_update, front, hold)
    if front is not None:
        threading.Thread(target=front.serve_forever, name="kg-serve", daemon=True).start()
    return ep


def _check(host: str, allow_remote: bool, timeout: float | None) -> None:
    """Refuse, before any work, a host that is not loopback (unless allowed) or a bad timeout."""
    if not is_loopback(host) and not allow_remote:
        raise ServeError(
            f"--host {host}: not a loopback address; the endpoint binds to localhost unless "
            "you pass --allow-remote"
        )
    if timeout is not None and not timeout > 0:
        raise ServeError(f"--timeout {timeout:g}: the timeout must be a positive number of seconds")


def _start(
    location: Path,
    host: str,
    port: int,
    allow_update: bool,
    timeout: float | None,
    startup: float,
    hold: contextlib.ExitStack,
) -> tuple[_Backend, _Front | None]:
    """The oxigraph server on ``location`` and, with a ``timeout``, the front before it; what
    must be undone when the endpoint stops goes on ``hold``."""
    cmd = [
        oxigraph_program(),
        "serve" if allow_update else "serve-read-only",
        "--location",
        str(location),
        "--union-default-graph",
    ]
    if timeout is None:
        backend = _Backend(cmd, host, port, location, startup)
    else:
        backend = _Backend(cmd, "127.0.0.1", None, location, startup)
    front = None
    if timeout is not None:
        try:
            front = _Front((host, port), backend, timeout)
        except OSError as e:
            raise ServeError(f"{host}:{port}: cannot listen there ({e.strerror})") from None
        hold.callback(front.server_close)
    backend.start()
    hold.callback(backend.stop)
    return backend, front


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on now (for tests and ``--port 0``)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]
