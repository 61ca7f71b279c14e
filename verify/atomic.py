"""Atomic writes: a crash never leaves half a file, nor a mix of an old and a new set of files.

* :func:`write_atomic` -- one file: written beside its target, then renamed over it.
* :func:`write_set` -- several files that belong together (``run.npz`` and its
  ``summary.json``): the *marker* file (the summary) is removed first and written
  last, so at any moment the folder holds either the old set with its marker, or a
  set without a marker (an interrupted run, visibly incomplete), or the new set.
* :func:`swap_directory` -- a folder that is wholly generated (``derivations/``):
  the new folder is written beside it and swapped in with two renames.

Files get the permissions of any file the user creates (``0666`` less the umask),
not the ``0600`` of a temporary file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: str | bytes, private: bool = False) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``; ``private``: writable
    by its owner only, whatever the umask (a cache entry, trusted only if nobody else could have written it)."""
    path = Path(path)
    if path.exists() and not path.is_file():  # a device or a fifo is written to, never replaced by a file
        raise IsADirectoryError(f"{path} exists and is not a regular file: not replacing it")
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask() & ~(0o022 if private else 0))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_set(directory: str | os.PathLike, files: dict[str, str | bytes], marker: str) -> list[Path]:
    """Write ``files`` (name -> data) into ``directory`` as one set, ``marker`` last.

    Each file is written atomically; the old marker is removed before any file of the
    new set replaces an old one, and the new marker is written after all of them.
    """
    directory = Path(directory)
    if marker not in files:
        raise ValueError(f"the marker {marker!r} must be one of the files")
    (directory / marker).unlink(missing_ok=True)
    paths = [write_atomic(directory / name, data) for name, data in files.items() if name != marker]
    return paths + [write_atomic(directory / marker, files[marker])]


def swap_directory(target: str | os.PathLike, files: dict[str, str | bytes]) -> list[Path]:
    """Replace the folder ``target`` by a new one holding exactly ``files``, in one swap.

    The new folder is written beside ``target`` and renamed into place; an interruption
    leaves either the old folder or the new one (or, between the two renames, the old one
    under a ``.old`` name), never a mix.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))
    old = target.parent / f".{target.name}.old.{new.name.rsplit('.', 1)[-1]}"
    try:
        os.chmod(new, 0o777 & ~_umask())
        for name, data in files.items():
            write_atomic(new / name, data)
        if target.exists():
            os.rename(target, old)
        os.rename(new, target)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        if old.exists() and not target.exists():
            os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return [target / name for name in files]
