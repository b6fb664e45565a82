"""A SPARQL 1.1 Protocol endpoint over the store, served by Oxigraph's own HTTP server.

The server is the ``oxigraph`` program from PyPI, run on the store's current version:
read-only unless updates are asked for, bound to the loopback address unless told otherwise,
and with the store's named graphs queried together as the default graph (as ``kg query``
does), so the endpoint answers exactly as ``kg query --store`` does.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KgError
from .store import Store

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


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


@dataclass
class Endpoint:
    """A running endpoint; ``stop()`` (or leaving a ``with`` block) ends it."""

    process: subprocess.Popen
    host: str
    port: int
    writable: bool
    _hold: contextlib.ExitStack = field(default_factory=contextlib.ExitStack, repr=False)

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
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._hold.close()

    def wait(self) -> int:
        try:
            return self.process.wait()
        finally:
            self._hold.close()

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
    startup: float = 20.0,
) -> Endpoint:
    """Start the endpoint on ``store`` and return once it answers.

    Read-only by default: Oxigraph's read-only server refuses every UPDATE. With
    ``allow_update`` it writes to the store's current version, holding the store's lock for
    as long as it runs so that no build writes at the same time. Binding to anything but a
    loopback address needs ``allow_remote``.
    """
    st = store if isinstance(store, Store) else Store(store)
    if not is_loopback(host) and not allow_remote:
        raise ServeError(
            f"--host {host}: not a loopback address; the endpoint binds to localhost unless "
            "you pass --allow-remote"
        )
    hold = contextlib.ExitStack()
    try:
        if allow_update:
            hold.enter_context(st.lock())
            st.mark_modified()  # updates bypass the build's digests
        location = st.rdf_path
        cmd = [
            oxigraph_program(),
            "serve" if allow_update else "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "--union-default-graph",
        ]
        log = hold.enter_context(tempfile.TemporaryFile())  # a pipe could fill and block it
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log
        )
    except BaseException:
        hold.close()
        raise
    ep = Endpoint(proc, host, port, allow_update, hold)
    deadline = time.monotonic() + startup
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode("utf-8", "replace").strip()
            hold.close()
            last = err.splitlines()[-1] if err else f"exit status {proc.returncode}"
            raise ServeError(f"{location}: the oxigraph server stopped at once ({last})")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return ep
        except OSError:
            time.sleep(0.1)
    ep.stop()
    raise ServeError(f"{host}:{port}: the oxigraph server did not answer within {startup:g} s")


def _die_with_parent() -> None:
    """In the server's process: end when kg ends, however kg ends (Linux's PDEATHSIG)."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on now (for tests and ``--port 0``)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]
