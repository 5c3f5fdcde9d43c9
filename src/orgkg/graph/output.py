"""The output folder of ``orgkg build``: one build at a time, switched whole, never someone else's.

    DIR/
      .orgkg                  marker: orgkg made this folder (it replaces nothing in a folder without one)
      .orgkg.lock             held by the build writing here (``flock``); it says who
      versions/<id>/          one build: graphs/, store/, titles.sqlite, listings.sqlite, build-report.json
      current -> versions/<id>      the pointer, switched by one rename
      .orgkg-trash/<id>/      a version no one needs any more, being removed
      graphs -> current/graphs, store -> current/store, ...         fixed links through it
                              (inferred.trig -> current/inferred.trig once ``orgkg reason`` wrote it)

A build writes a fresh version folder and, when it is complete and synced,
switches ``current`` with one ``rename``: killed at any moment, the folder
holds the old build or the new one, never a mix. Readers resolve the pointer
once (``resolve``) and open everything from that version. The version before
the current one is kept (a reader may still have it open); older ones go: moved
out of ``versions/`` at once and removed by a process of their own (``TRASH``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import IO, Any, ClassVar, Self

from orgkg import __version__
from orgkg.errors import GraphError, OutputError

MARKER = ".orgkg"
LOCK = ".orgkg.lock"
VERSIONS = "versions"
CURRENT = "current"
#: Versions no one needs, moved here from ``versions/`` and removed by a process of their own.
TRASH = ".orgkg-trash"
#: In each version: its id, which the title and listing indexes repeat (``titles``, ``listings``: the
#: build that wrote each), so a stray index is told apart.
BUILD = "build.json"
#: The names at the top of DIR that point into the current version.
LINKS = ("graphs", "build-report.json", "store", "titles.sqlite", "listings.sqlite")
#: For the crash-consistency test only: "KILL:N" or "INT:N" sends that signal at the Nth file operation.
FAULT_ENV = "ORGKG_TEST_SIGNAL_AT_FILE_OP"
_ops = 0


def step(what: str) -> None:
    """Mark one file operation of the build (the crash test's hook; a no-op otherwise)."""
    global _ops
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    _ops += 1
    name, _, n = spec.partition(":")
    if _ops == int(n):
        os.kill(os.getpid(), getattr(signal, f"SIG{name}"))


def resolve(folder: Path) -> Path:
    """The folder holding the built files: the current version, or ``folder`` itself (older layouts)."""
    link = folder / CURRENT
    if link.is_symlink():
        return folder / os.readlink(link)
    return folder


def link_current(folder: Path, name: str) -> Path:
    """``folder/name``, made a link to ``current/name`` when ``folder`` has versions and no such name."""
    path = folder / name
    if (folder / CURRENT).is_symlink() and not os.path.lexists(path):
        os.symlink(Path(CURRENT) / name, path)
    return path


def shown(path: Path) -> Path:
    """Where a person finds a file written into a version folder: through the output folder's
    link (made if missing); a file of an older layout is where it is."""
    version = path.parent
    if version.parent.name == VERSIONS and (version.parent.parent / MARKER).is_file():
        return link_current(version.parent.parent, path.name)
    return path


def built_id(folder: Path, part: str = "build") -> str | None:
    """The id of the build in ``folder`` (a resolved version folder), None for older layouts; with
    ``part`` (``titles``, ``listings``), the id of the build that wrote that part when an unchanged part was
    linked from a build before (``build.write``)."""
    try:
        data = json.loads((folder / BUILD).read_text(encoding="utf-8"))
        return str(data.get(part) or data["build"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


class BuiltIndex:
    """A SQLite index a build writes into its version folder (``FILE``), named in build.json under
    ``PART``; ``open`` gives None where the build wrote none (older builds) and refuses one another
    build wrote (stale or damaged: its answers would not be this build's)."""

    FILE: ClassVar[str]  # its name in the version folder
    PART: ClassVar[str]  # its key in build.json
    NOUN: ClassVar[str]  # what a refusal calls it

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def open(cls, folder: Path) -> Self | None:
        built = resolve(folder)
        path = built / cls.FILE
        if not path.is_file():
            return None
        build = built_id(built, cls.PART)
        if build is not None and cls(path).build() != build:
            raise GraphError(str(path), f"the {cls.NOUN} is not from the build beside it (stale or damaged)",
                             "rebuild with `orgkg build`")
        return cls(path)

    def build(self) -> str | None:
        """The id of the build that wrote the index (None if it does not say)."""
        try:
            with closing(self._connect()) as db:
                row = db.execute("SELECT id FROM build").fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row and row[0] is not None else None

    def _connect(self) -> sqlite3.Connection:
        """The index, read-only."""
        return read_only(self.path)


def read_only(path: Path) -> sqlite3.Connection:
    """A SQLite file opened read-only."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_writable(path: Path, *, folder: bool) -> None:
    """Raise ``OutputError`` unless ``path`` (a folder, or a file) can be written; creates nothing."""
    target = path if folder else path.parent
    probe = target
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(str(path), f"cannot be written: {probe} is a file, not a folder")
    if path.is_dir() and not folder:
        raise OutputError(str(path), "cannot be written: it is a folder", "give a file name")
    if path.exists() and folder and not path.is_dir():
        raise OutputError(str(path), "cannot be written: it is a file, not a folder")
    try:
        os.rmdir(_probe_dir(probe))
    except OSError as err:
        raise OutputError(str(path), f"cannot be written: {err.strerror or err} in {probe}",
                          "choose a writable place") from None


def _probe_dir(where: Path) -> str:
    name = where / f".orgkg-probe-{secrets.token_hex(4)}"
    os.mkdir(name)
    return str(name)


class Output:
    """An output folder opened for one build: marked as orgkg's, locked, with a version being written."""

    def __init__(self, folder: Path, lock: IO[str], created: bool) -> None:
        self.folder, self._lock, self.created = folder, lock, created
        self.version: Path | None = None

    @classmethod
    def open(cls, folder: Path, *, wait: bool = False) -> Output:
        """Create or adopt ``folder``, refuse one orgkg did not make, and take its lock."""
        _refuse_foreign(folder)
        check_writable(folder, folder=True)
        created = not folder.exists()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (folder / MARKER).is_file():
                _refuse_foreign(folder)
                _write_marker(folder)
            _check_names(folder)
            lock = _take_lock(folder, wait=wait)
        except OSError as err:
            raise OutputError(str(folder), f"cannot be written: {err.strerror or err}",
                              "choose a writable place") from None
        return cls(folder, lock, created)

    def new_version(self) -> Path:
        """A fresh, empty version folder to write the build into."""
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self.version = self.folder / VERSIONS / f"{stamp}-{secrets.token_hex(3)}"
        step("mkdir version")
        self.version.mkdir(parents=True)
        return self.version

    def publish(self, *, listed: Mapping[str, Iterable[str]] | None = None) -> None:
        """Switch ``current`` to the new version in one rename, then drop versions no one needs.

        ``listed``: folders of the version whose files are links to files synced before, but for the
        files named (written new): only those are synced, the others are not looked at one by one."""
        assert self.version is not None
        step("sync version")
        _sync_tree(self.version, listed or {})
        previous = resolve(self.folder) if (self.folder / CURRENT).is_symlink() else None
        tmp = self.folder / f".{CURRENT}.{secrets.token_hex(3)}"
        step("make pointer")
        os.symlink(self.version.relative_to(self.folder), tmp)
        step("switch pointer")
        os.replace(tmp, self.folder / CURRENT)
        step("sync folder")
        _fsync_dir(self.folder)
        for name in LINKS:
            if not (self.folder / name).is_symlink():
                step(f"link {name}")
                link_current(self.folder, name)
        for link in self.folder.iterdir():  # e.g. inferred.trig of the build before: not in this one
            if (link.is_symlink() and link.name not in LINKS and not link.exists()
                    and os.readlink(link).startswith(f"{CURRENT}/")):
                step(f"unlink {link.name}")
                link.unlink()
        keep = {self.version.name} | ({previous.name} if previous else set())
        gone = False
        for old in sorted((self.folder / VERSIONS).iterdir()):
            if old.name not in keep:
                step(f"remove {old.name}")
                gone = _discard(self.folder, old) or gone
        if gone:
            _remove_later(self.folder / TRASH)
        self.version = None

    def close(self) -> None:
        """Remove an unpublished version (and the folder, if this build made it and nothing was
        published); release the lock."""
        if self.version is not None:
            shutil.rmtree(self.version, ignore_errors=True)
            self.version = None
        if self.created and not (self.folder / CURRENT).is_symlink():
            for name in (MARKER, LOCK):
                (self.folder / name).unlink(missing_ok=True)
            for folder in (self.folder / VERSIONS, self.folder):
                with contextlib.suppress(OSError):
                    folder.rmdir()
        with contextlib.suppress(OSError):
            self._lock.truncate(0)
        self._lock.close()

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _discard(folder: Path, old: Path) -> bool:
    """Move a version no one needs out of ``versions/`` into ``TRASH`` (one rename), to be removed
    by ``_remove_later``; removed here if it cannot be moved. Whether it was moved."""
    trash = folder / TRASH
    try:
        trash.mkdir(exist_ok=True)
        os.rename(old, trash / old.name)
        return True
    except OSError:
        shutil.rmtree(old, ignore_errors=True)
        return False


_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def _remove_later(trash: Path) -> None:
    """Remove ``trash`` (the versions moved into it, and any a stopped build left) in a process of
    its own: a build does not wait for the thousands of files of a version to be unlinked."""
    try:
        subprocess.Popen([sys.executable, "-c", _REMOVE, str(trash)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(trash, ignore_errors=True)


def _refuse_foreign(folder: Path) -> None:
    """A folder that holds anything and no marker is someone else's: orgkg touches nothing in it."""
    with contextlib.suppress(OSError):  # not there or not a folder: ``check_writable`` says so
        if not (folder / MARKER).is_file() and any(folder.iterdir()):
            raise OutputError(str(folder), "not an orgkg output folder (it has no .orgkg marker) "
                              "and is not empty; orgkg replaces nothing it did not write",
                              "choose a new or empty folder for --out")


def _write_marker(folder: Path) -> None:
    info = {"orgkg": __version__, "what": "an orgkg build output folder; orgkg replaces what is in it"}
    (folder / MARKER).write_text(json.dumps(info) + "\n", encoding="utf-8")


def _check_names(folder: Path) -> None:
    """The top-level names orgkg manages must be its own (links), not a user's files."""
    for name in (CURRENT, *LINKS):
        path = folder / name
        if os.path.lexists(path) and not path.is_symlink():
            raise OutputError(str(path), "is in the way and orgkg did not write it (it is not orgkg's link)",
                              "move it away or choose another --out")


def _take_lock(folder: Path, *, wait: bool) -> IO[str]:
    handle = open(folder / LOCK, "a+", encoding="utf-8")  # noqa: SIM115 (held until close)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        handle.seek(0)
        holder = _holder(handle.read())
        handle.close()
        raise OutputError(str(folder), f"another orgkg build is writing here ({holder})",
                          "wait for it to finish, or pass --wait") from None
    except BaseException:
        handle.close()
        raise
    handle.seek(0)
    handle.truncate()
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": started}) + "\n")
    handle.flush()
    return handle


def _holder(text: str) -> str:
    try:
        info: dict[str, Any] = json.loads(text)
        return f"process {int(info['pid'])} on {info['host']}, started {info['started']}"
    except (ValueError, KeyError, TypeError):
        return "a process that has not said who it is yet"


#: How many files are synced at once: the disk commits them together (230 graph files one after
#: the other took about a second on a shared virtual disk, at once a tenth of that).
SYNC_THREADS = 16


def _sync_tree(root: Path, listed: Mapping[str, Iterable[str]]) -> None:
    """Sync every file and folder of a new version; a file with other links is passed over: it was
    linked from an earlier version (unchanged files are shared), synced before that was published.
    In a folder of ``listed``, only the files named are synced. The files are synced together, in
    threads, then the folders."""
    folders: list[str] = []
    files: list[str] = []
    for here, dirs, names in os.walk(root):
        folders.append(here)
        if here == str(root):
            for name in listed:
                if name in dirs:
                    dirs.remove(name)
                    folders.append(os.path.join(here, name))
                    files.extend(os.path.join(here, name, file) for file in listed[name])
        for name in names:
            path = os.path.join(here, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
                files.append(path)
    with ThreadPoolExecutor(min(SYNC_THREADS, len(files) or 1)) as pool:
        for _ in pool.map(_fsync_file, files):  # an error in any is raised here
            pass
    for path in folders:
        _fsync_dir(Path(path))


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as err:  # some file systems cannot sync a folder
        if err.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)
