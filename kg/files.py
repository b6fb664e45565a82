"""Writing output files whole or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from kg.errors import OutputError

DATA = Path(__file__).with_name("data")  # the data kg ships: models, word lists, shapes, page


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: readers see the old
    file or the new one, never half of one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise cannot_write(path, e) from None
    try:
        os.fchmod(fd, 0o666 & ~umask())  # mkstemp's 0600 would keep others from reading
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise cannot_write(path, e) from None
        raise


def umask() -> int:
    """The process's umask, read without changing it where the system tells it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)  # elsewhere: set and put back at once
    os.umask(mask)
    return mask


def cannot_write(path: Path | str, e: OSError) -> OutputError:
    """The one-line error for a write that failed: which file, why, and what to do."""
    why = e.strerror or " ".join(str(e).split())
    if e.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left" in str(e):
        return OutputError(
            f"{path}: cannot write, the disk is full; free some space and run again "
            "(files and stores are left as they were)"
        )
    return OutputError(f"{path}: cannot write ({why})")


def write_files(folder: str | Path, files: dict[str, str]) -> list[Path]:
    """Write each ``name: text`` of ``files`` into ``folder`` (made if missing), each whole or
    not at all (atomic_write); the paths written, in order."""
    paths = [Path(folder) / name for name in files]
    for path, text in zip(paths, files.values(), strict=True):
        atomic_write(path, text)
    return paths
