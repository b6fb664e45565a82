"""A SPARQL 1.1 Protocol endpoint over the store, served by Oxigraph's own HTTP server.

The server is the ``oxigraph`` program from PyPI, run on the store's current version:
read-only unless updates are asked for, bound to the loopback address unless told otherwise,
and with the store's named graphs queried together as the default graph (as ``kg query``
does), so the endpoint answers exactly as ``kg query --store`` does.

The oxigraph server listens on a loopback port of its own, behind a small front on
``host:port`` that:

- follows the store: a request that finds a new version current starts a server on it and
  switches to it; the old server ends once its last request is answered;
- keeps the time: a query that runs past the timeout is answered with HTTP 503, and its
  server is replaced so that the query stops (Oxigraph's own timeout does not stop a query
  that sorts, groups or counts before its first result);
- checks each request: a bad or too large ``Content-Length`` is refused, ``SERVICE`` (which
  would make the endpoint fetch any address) is refused unless allowed, and kg's prefixes
  (kg.rdf.namespaces.PREFIXES) are declared for queries that do not declare them;
- bounds its work: at most MAX_CONNECTIONS connections at once, each request read within
  REQUEST_TIMEOUT seconds, and answers streamed through, never held whole.

Every oxigraph server process dies with the process that started it, SIGKILL included
(Linux's parent-death signal), so an endpoint never leaves one behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import http.client
import http.server
import ipaddress
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.rdf.namespaces import PREFIXES
from kg.store.core import Store

MAX_CONNECTIONS = 64  # connections served at once; more get 503 at once
MAX_BODY = 16 << 20  # bytes a request body may hold (a query, or an update's data)
REQUEST_TIMEOUT = 30.0  # seconds a client has to send its request line, headers and body
CHUNK = 1 << 16  # bytes of an answer passed on at a time


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


# -- the oxigraph server processes -------------------------------------------------------------

# Linux sends the parent-death signal when the *thread* that started a child ends, so every
# server is started from this one thread, which lives as long as the process.
_SPAWNER = ThreadPoolExecutor(1, thread_name_prefix="kg-serve-spawn")


def _dies_with(parent: int) -> Callable[[], None] | None:
    """A preexec function that has the child killed when ``parent`` ends (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here, not in the child
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent already died while this one started
            os._exit(1)

    return preexec


def _popen(cmd: list[str], log: object) -> subprocess.Popen:
    def start() -> subprocess.Popen:
        return subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,  # type: ignore[arg-type]
            preexec_fn=_dies_with(os.getpid()),  # noqa: PLW1509 - needed for the death signal
        )

    return _SPAWNER.submit(start).result()


@dataclass(eq=False)
class _Server:
    """One oxigraph server process on one version of the store."""

    location: Path
    port: int
    process: subprocess.Popen
    users: int = 0  # requests passed to it and not yet answered
    retired: bool = False  # replaced: it ends when its last request is answered

    def stop(self, *, kill: bool = False) -> None:
        proc = self.process
        if proc.poll() is None:
            proc.kill() if kill else proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class _Backend:
    """The oxigraph server answering now; ``follow`` moves it to a new version, ``restart``
    replaces it after a timeout."""

    def __init__(self, cmd: Callable[[Path], list[str]], location: Path, startup: float) -> None:
        self.cmd, self.startup = cmd, startup
        self.lock = threading.Lock()
        self.generation = 0  # bumped by each restart or switch
        self.current = self._start(location)

    def _start(self, location: Path) -> _Server:
        port = free_port("127.0.0.1")  # a fresh port each time: a killed server's may linger
        with tempfile.TemporaryFile() as log:  # a pipe could fill and block the server
            proc = _popen([*self.cmd(location), "--bind", f"127.0.0.1:{port}"], log)
            deadline = time.monotonic() + self.startup
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    log.seek(0)
                    err = log.read().decode("utf-8", "replace").strip()
                    last = err.splitlines()[-1] if err else f"exit status {proc.returncode}"
                    raise ServeError(f"{location}: the oxigraph server stopped at once ({last})")
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        return _Server(location, port, proc)
                except OSError:
                    time.sleep(0.02)
        _Server(location, port, proc).stop(kill=True)
        raise ServeError(
            f"{location}: the oxigraph server did not answer within {self.startup:g} s"
        )

    @property
    def process(self) -> subprocess.Popen:
        return self.current.process

    def acquire(self, location: Path | None) -> tuple[_Server, int]:
        """The server to pass a request to (on ``location``, if given and new), and the
        generation it belongs to; ``release`` it when answered."""
        with self.lock:
            if location is not None and location != self.current.location:
                try:
                    self._switch(self._start(location))
                except ServeError as e:  # keep answering from the version at hand
                    sys.stderr.write(f"kg serve: {e}\n")
            server = self.current
            server.users += 1
            return server, self.generation

    def release(self, server: _Server) -> None:
        with self.lock:
            server.users -= 1
            done = server.retired and server.users == 0
        if done:
            server.stop()

    def _switch(self, new: _Server) -> None:
        """Make ``new`` current (the lock held); the old one ends when it is not in use."""
        old, self.current = self.current, new
        self.generation += 1
        old.retired = True
        if old.users == 0:
            threading.Thread(target=old.stop, daemon=True).start()

    def restart(self, generation: int) -> None:
        """Kill the server (and the query it is stuck on) and start a fresh one, once for all
        the requests of ``generation`` that ran out of time together."""
        with self.lock:
            if self.generation != generation:
                return  # already restarted or switched
            stuck = self.current
            stuck.retired = True
            stuck.stop(kill=True)  # read-only, or an update is a transaction: nothing is lost
            self.generation += 1
            self.current = self._start(stuck.location)

    def stop(self) -> None:
        with self.lock:
            self.current.retired = True
            self.current.stop()


# -- the front ---------------------------------------------------------------------------------


class _Front(http.server.ThreadingHTTPServer):
    """The endpoint's address: checks each request, passes it on to the oxigraph server and
    streams the answer back (see the module's docstring)."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True  # a restart may bind again at once; a listener still refuses

    def __init__(
        self,
        address: tuple[str, int],
        backend: _Backend,
        timeout: float | None,
        follow: Callable[[], Path | None],
        allow_service: bool,
    ):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Forward)
        self.backend, self.timeout, self.follow = backend, timeout, follow
        self.allow_service = allow_service
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        if not self.slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)  # type: ignore[arg-type]

    def process_request_thread(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)  # type: ignore[arg-type]
        finally:
            self.slots.release()


_BUSY_TEXT = b"The endpoint is busy: too many connections at once; try again.\n"
_BUSY = (
    b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    + f"Content-Length: {len(_BUSY_TEXT)}\r\n\r\n".encode("ascii")
    + _BUSY_TEXT
)
_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}
_HOP |= {"content-length"}  # set again for the body passed on
# what to step over when reading a query's keywords: comments, strings and IRIs
_SKIP = re.compile(
    r"#[^\n]*|'''(?:[^\\]|\\.)*?'''|\"\"\"(?:[^\\]|\\.)*?\"\"\""
    r"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\s]*>"
)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.IGNORECASE)


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _checked(text: str, *, allow_service: bool, prefixes: bool) -> str:
    """A query or update as passed on: refused when it calls SERVICE (unless allowed), and
    with kg's prefixes that it does not declare declared before it, on its first line (so
    that the line numbers of syntax errors stay the user's). A prologue may open each of an
    update's operations; the one at its head applies to all of them."""
    bare = _SKIP.sub(" ", text)
    if not allow_service and _SERVICE.search(bare):
        raise _Refused(
            403,
            "SERVICE is disabled on this endpoint: it would make the endpoint fetch any "
            "address (kg serve --allow-service enables it).",
        )
    if not prefixes:
        return text
    declared = {m.lower() for m in _DECLARED.findall(bare)}
    head = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in declared)
    return head + text


class _Forward(http.server.BaseHTTPRequestHandler):
    server: _Front
    protocol_version = "HTTP/1.0"  # one request a connection: no keep-alive to track
    timeout = REQUEST_TIMEOUT  # for reading the request; the answer keeps its own time

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_HEAD = do_OPTIONS = do_PUT = do_DELETE = do_GET

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # the oxigraph server is quiet too

    def _request(self) -> tuple[str, bytes | None]:
        """The path and body to pass on, checked (see _checked); _Refused when they are bad."""
        raw = self.headers.get("Content-Length")
        if raw is None:
            size = 0
        elif raw.strip().isdigit():
            size = int(raw)
        else:
            raise _Refused(400, f"Content-Length {raw!r} is not a number of bytes.")
        if size > MAX_BODY:
            raise _Refused(413, f"The request body is larger than {MAX_BODY} bytes.")
        body = self.rfile.read(size) if size else None
        if body is not None and len(body) < size:
            raise _Refused(400, "The request body is shorter than its Content-Length.")
        path, _, qs = self.path.partition("?")
        field_name = "update" if path.rstrip("/").endswith("/update") else "query"
        check = {"allow_service": self.server.allow_service, "prefixes": True}

        def form(text: str) -> str:
            pairs = urllib.parse.parse_qsl(text, keep_blank_values=True)
            pairs = [(k, _checked(v, **check) if k == field_name else v) for k, v in pairs]
            return urllib.parse.urlencode(pairs)

        if qs:
            self.path = f"{path}?{form(qs)}"
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if body is not None and kind == "application/x-www-form-urlencoded":
            body = form(body.decode("utf-8", "replace")).encode("utf-8")
        elif body is not None and kind in ("application/sparql-query", "application/sparql-update"):
            body = _checked(body.decode("utf-8", "replace"), **check).encode("utf-8")
        return self.path, body

    def _forward(self) -> None:
        front = self.server
        backend = front.backend
        try:
            path, body = self._request()
        except _Refused as e:
            self._error(e.status, str(e))
            return
        except (OSError, ValueError):  # the client went, or sent what is not HTTP
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        if body is not None:
            headers["Content-Length"] = str(len(body))
        server, generation = backend.acquire(front.follow())
        try:
            self._pass(server, generation, path, body, headers)
        finally:
            backend.release(server)

    def _pass(
        self, server: _Server, generation: int, path: str, body: bytes | None, headers: dict
    ) -> None:
        front = self.server
        limit = front.timeout
        deadline = time.monotonic() + limit if limit else None
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=limit)
        sent = False
        try:
            conn.request(self.command, path, body=body, headers=headers)
            resp = conn.getresponse()
            first = self._read(conn, resp, deadline)
            self.send_response_only(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in _HOP:
                    self.send_header(k, v)
            length = resp.getheader("Content-Length")
            if length is not None:
                self.send_header("Content-Length", length)
            self.end_headers()
            sent = True
            chunk = first
            while chunk:  # streamed through: memory holds one chunk, whatever the answer
                self.wfile.write(chunk)
                chunk = self._read(conn, resp, deadline)
        except TimeoutError:
            self._stop_query(generation)
            if not sent:
                self._error(
                    503,
                    f"The query ran longer than the endpoint's {limit:g} s timeout and was "
                    "stopped (kg serve --timeout sets it).",
                )
            # else the answer is cut short: the connection closes before its end
        except (OSError, http.client.HTTPException):
            if not sent:
                self._error(502, "The SPARQL server stopped while answering; try the query again.")
        finally:
            conn.close()

    def _read(
        self,
        conn: http.client.HTTPConnection,
        resp: http.client.HTTPResponse,
        deadline: float | None,
    ) -> bytes:
        if self.command == "HEAD":
            return b""
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            if conn.sock is not None:  # None once the response owns a closing socket
                conn.sock.settimeout(left)
        return resp.read1(CHUNK)

    def _stop_query(self, generation: int) -> None:
        """Replace the server running the query that ran out of time, so that it stops."""
        try:
            self.server.backend.restart(generation)
        except ServeError as e:  # later requests get 502 until kg serve is restarted
            sys.stderr.write(f"kg serve: {e}\n")

    def _error(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        with contextlib.suppress(OSError):
            self.send_response_only(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)


# -- the endpoint ------------------------------------------------------------------------------


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
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self.front is not None:
            self.front.shutdown()
            self.front.server_close()
        self.backend.stop()
        self._hold.close()

    def wait(self) -> int:
        """Block until the endpoint is stopped, or its server ends on its own (a restart
        after a timeout, or a switch to a new version, is not an end); the exit status."""
        try:
            while not self._stopped.wait(0.2):
                with self.backend.lock:
                    server = self.backend.current
                code = server.process.poll()
                if code is not None and not server.retired:
                    return code
            return 0
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
            pass
        finally:
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
    allow_service: bool = False,
    timeout: float | None = 60.0,
    startup: float = 20.0,
) -> Endpoint:
    """Start the endpoint on ``store`` and return once it answers.

    Read-only by default: Oxigraph's read-only server refuses every UPDATE, and the endpoint
    follows the store's current version as builds publish new ones. With ``allow_update`` it
    writes to the store's current version, holding the store's lock for as long as it runs
    so that no build writes at the same time. Binding to anything but a loopback address
    needs ``allow_remote``; ``SERVICE`` needs ``allow_service``.

    A request that takes longer than ``timeout`` seconds (None: no limit) is answered with
    HTTP 503 and its query is stopped.
    """
    st = store if isinstance(store, Store) else Store(store)
    _check(host, allow_remote, timeout)
    hold = contextlib.ExitStack()
    try:
        if allow_update:
            hold.enter_context(st.lock())
            st.mark_modified()  # updates bypass the build's digests
        location = st.rdf_path  # a missing store is a one-line error before anything starts

        def follow() -> Path | None:
            if allow_update:  # the lock is held: no build makes a new version meanwhile
                return None
            try:
                return st.rdf_path
            except (KgError, OSError):  # the store went: answer from the version at hand
                return None

        server = _listen(host, port, timeout, follow, allow_service)  # a busy port fails first
        hold.callback(server.server_close)
        mode = "serve" if allow_update else "serve-read-only"
        program = oxigraph_program()

        def cmd(where: Path) -> list[str]:
            return [program, mode, "--location", str(where), "--union-default-graph"]

        server.backend = _Backend(cmd, location, startup)
        hold.callback(server.backend.stop)
    except BaseException:
        hold.close()
        raise
    ep = Endpoint(server.backend, host, port, allow_update, server, hold)
    threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True).start()
    return ep


def _listen(
    host: str,
    port: int,
    timeout: float | None,
    follow: Callable[[], Path | None],
    allow_service: bool,
) -> _Front:
    """The front on ``host:port`` (its backend set once started), or a one-line error."""
    try:
        return _Front((host, port), None, timeout, follow, allow_service)  # type: ignore[arg-type]
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise ServeError(
                f"{host}:{port}: the port is busy (another kg serve, or another program, "
                "listens there); stop it, or pick another with --port"
            ) from None
        raise ServeError(f"{host}:{port}: cannot listen there ({e.strerror})") from None


def _check(host: str, allow_remote: bool, timeout: float | None) -> None:
    """Refuse, before any work, a host that is not loopback (unless allowed) or a bad timeout."""
    if not is_loopback(host) and not allow_remote:
        raise ServeError(
            f"--host {host}: not a loopback address; the endpoint binds to localhost unless "
            "you pass --allow-remote"
        )
    if timeout is not None and not timeout > 0:
        raise ServeError(f"--timeout {timeout:g}: the timeout must be a positive number of seconds")


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on now (for tests and ``--port 0``)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]
