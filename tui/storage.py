"""Safe TOML state files: atomic locked writes, corrupt files moved aside, parse memos."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import marshal
import os
import re
import stat
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

LOCK_NAME = "library.lock"
LOCK_TIMEOUT = 15.0  # seconds to wait for another chapbook that is saving
MEMO_MAGIC = b"chapbook-memo-1 "


class StoreError(Exception):
    """A state file could not be written; ``str(err)`` is a one-line message for users."""


@dataclass
class Loaded:
    """One state file as read: its data and what the caller must know about it."""

    data: dict[str, Any]
    digest: str | None  # content digest of the file as read (None: no readable file there)
    notice: str | None = None  # something the user must be told (a file moved aside ...)
    writable: bool = True  # False: the file exists but could not be read; never overwrite it


def unreadable_notice(path: Path, err: OSError) -> str:
    reason = err.strerror or str(err)
    return f"Cannot read {path} ({reason}); it is left as it is and not saved to."


def digest_of(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


# The lock files this process holds, each with the thread holding it and how deep. A hang-up's
# handler runs between two steps of whatever the main thread was doing, a save too: its own
# save (of a waiting place, of the library) takes the lock again on the same thread, which a
# second `flock` on a new descriptor cannot do (it waited out the whole timeout, 15 s after the
# terminal was gone, then gave up without saving).
_held: dict[tuple[str, int], int] = {}


@contextlib.contextmanager
def locked(
    directory: Path, timeout: float = LOCK_TIMEOUT, *, name: str = LOCK_NAME
) -> Iterator[None]:
    """Hold the exclusive lock of a data directory (``fcntl.flock`` on its lock file); taken
    again by the thread that holds it, it is held on (reentrant)."""
    held = (str(directory / name), threading.get_ident())
    if held in _held:
        _held[held] += 1
        try:
            yield
        finally:
            _held[held] -= 1
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(directory / name, os.O_RDWR | os.O_CREAT, 0o600)
    except (FileExistsError, NotADirectoryError) as err:  # (said as "File exists")
        raise StoreError(f"cannot lock {directory}: a file stands where its folder is") from err
    except OSError as err:
        raise StoreError(f"cannot lock {directory}: {err.strerror or err}") from err
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"another chapbook has held {directory / name} for {timeout:.0f} s"
                    ) from None
                time.sleep(0.02)
        _held[held] = 1
        try:
            yield
        finally:
            del _held[held]
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def write_atomic(path: Path, raw: bytes, *, durable: bool = True) -> None:
    """Write a temporary file beside ``path``, fsync it and swap it in with ``os.replace``.

    ``durable=False`` skips the fsyncs: for files that are only a cache.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(raw)
            handle.flush()
            with contextlib.suppress(FileNotFoundError):
                # The new file keeps who may read the old one (a private 0600 stays so).
                os.chmod(handle.fileno(), stat.S_IMODE(os.stat(path).st_mode))
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"could not write {path}: {err.strerror or err}") from err
    if not durable:
        return
    # The rename itself must reach the disk too, or a power cut could undo it.
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def remove_stale_temporaries(directory: Path, age: float = 600.0) -> None:
    """Delete temporary files a crashed save left behind (old enough not to be in use)."""
    cutoff = time.time() - age
    try:
        leftovers = list(directory.glob(".*.tmp"))
    except OSError:
        return
    for path in leftovers:
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def memo_path(path: Path) -> Path:
    return path.with_name(path.name + ".memo")


def _read_memo(path: Path, digest: str) -> dict[str, Any] | None:
    """The parsed data memoised for exactly these file contents, or None."""
    try:
        raw = memo_path(path).read_bytes()
    except OSError:
        return None
    header = MEMO_MAGIC + digest.encode() + b"\n"
    if not raw.startswith(header):
        return None
    try:
        data = marshal.loads(raw[len(header) :])
    except (ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def write_memo(path: Path, digest: str, data: dict[str, Any]) -> None:
    """Remember the parse of a TOML file; it is used only while the file's digest matches.

    The TOML file stays the only record: the memo is a disposable copy of its parse that
    spares tomllib (slow on a 10,000-book library) when the file has not changed.
    """
    try:
        payload = marshal.dumps(data)
    except ValueError:  # a value marshal cannot hold (a datetime typed in by hand)
        return
    with contextlib.suppress(StoreError):
        write_atomic(memo_path(path), MEMO_MAGIC + digest.encode() + b"\n" + payload, durable=False)


def move_aside(path: Path) -> Path:
    """Rename a damaged file to ``NAME.corrupt-YYYYmmdd-HHMMSS`` and return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as err:
        raise StoreError(f"could not move {path} aside: {err.strerror or err}") from err
    return target


def _parse(raw: bytes) -> dict[str, Any]:
    data = tomllib.loads(raw.decode("utf-8"))
    if _ESCAPED_IN_TOML in raw:  # (only a file that holds a name that is not UTF-8)
        data = _unescaped(data)
    return data


# A file name that is not UTF-8 (`bad\xffname.txt`, from an old Latin-1 disk or a zip made on
# Windows) is a Python string holding lone surrogates (U+DC80..U+DCFF, the bytes as
# `os.fsdecode` keeps them), which TOML cannot hold: tomli_w raised and the library could never
# be saved again. Each surrogate is kept as a NUL and its four hex digits (no file name and no
# neutralised text holds a NUL), written `\u0000dcff` in the file, and turned back on reading.
_ESCAPE_MARK = "\x00"
_ESCAPED_IN_TOML = b"\\u0000"
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED = re.compile("\x00([0-9a-f]{4})")


def _escaped(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) written as NUL + hex."""
    return _each_string(value, _escape)


def _unescaped(value: Any) -> Any:
    """The inverse of `_escaped`."""
    return _each_string(value, _unescape)


def _escape(text: str) -> str:
    return _SURROGATE.sub(lambda m: f"{_ESCAPE_MARK}{ord(m.group()):04x}", text)


def _unescape(text: str) -> str:
    if _ESCAPE_MARK not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _each_string(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` with ``change`` made to every string in it: tables' keys and values, arrays'
    items, at any depth."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {change(key): _each_string(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [_each_string(item, change) for item in value]
    return value


# What a state file must hold to be read as one (its tables where tables belong): why it does
# not, or None. A file of the wrong shape (`books = 5`, typed by hand or by another program)
# read as empty was written over at the next save; it is moved aside like a damaged one.
Shape = Callable[[dict[str, Any]], str | None]


def read_toml(path: Path, *, memo: bool = False, shape: Shape | None = None) -> Loaded:
    """Read a TOML state file. Never raises.

    A missing file reads as empty. A file that cannot be read is left alone and marked not
    writable. A corrupt one (not TOML, or not of ``shape``, or empty where a ``shape`` is
    asked for) is moved aside and the last good copy (``NAME.bak``) is used.
    """
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # (no file: nor a folder for one)
        return Loaded({}, None)
    except OSError as err:
        return Loaded({}, None, unreadable_notice(path, err), writable=False)
    if shape is not None and not raw.strip():
        # (a file of a shape is never written empty: cut short by a full disk or a crash of
        # the system, it read as no books or folders, and was written over with none)
        return _recover(path, "empty", shape)
    digest = digest_of(raw)
    if memo:
        remembered = _read_memo(path, digest)
        if remembered is not None and (shape is None or shape(remembered) is None):
            return Loaded(remembered, digest)
    try:
        data = _parse(raw)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return _recover(path, _why_not_read(err), shape)
    wrong = shape(data) if shape is not None else None
    if wrong is not None:
        return _recover(path, wrong, shape)
    if memo:
        write_memo(path, digest, data)
    return Loaded(data, digest)


def _why_not_read(err: UnicodeDecodeError | tomllib.TOMLDecodeError) -> str:
    """Why a state file did not parse, in plain words (`not UTF-8 text`, not `'utf-8' codec
    can't decode byte 0xbd in position 0: invalid start byte`)."""
    if isinstance(err, UnicodeDecodeError):
        return f"not UTF-8 text, from byte {err.start + 1}"
    return str(err).splitlines()[0] if str(err) else "not TOML"


def _recover(path: Path, reason: str, shape: Shape | None = None) -> Loaded:
    """Move a corrupt file aside and fall back to its last good copy, or to nothing."""
    try:
        aside = move_aside(path)
    except StoreError as err:
        notice = f"{path} is damaged ({reason}); {err}. It is not saved to."
        return Loaded({}, None, notice, writable=False)
    with contextlib.suppress(OSError):
        memo_path(path).unlink()
    try:
        data = _parse(backup_path(path).read_bytes())
        if shape is not None and shape(data) is not None:
            raise ValueError("the last good copy is of the wrong shape too")
    except (OSError, ValueError, tomllib.TOMLDecodeError):  # (UnicodeDecodeError: a ValueError)
        notice = f"{path} was damaged ({reason}); moved it to {aside.name}; no good copy was kept."
        return Loaded({}, None, notice)
    notice = (
        f"{path} was damaged ({reason}); moved it to {aside.name} and restored the last good copy."
    )
    return Loaded(data, None, notice)


def wrong_tables(data: dict[str, Any], names: tuple[str, ...], kind: type = dict) -> str | None:
    """`books = 5 is not a table`: the first of ``names`` in ``data`` that is not of ``kind``
    (a table, or with ``kind=list`` an array); None when all are (or are not there)."""
    for name in names:
        value = data.get(name)
        if value is not None and not isinstance(value, kind):
            shown = repr(value) if len(repr(value)) <= 20 else type(value).__name__
            return f"{name} = {shown} is not {'a table' if kind is dict else 'a list'}"
    return None


def number(value: object) -> float:
    """A number read from a state file; 0 for a value of another type (a hand edit)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def dump_toml(data: dict[str, Any]) -> bytes:
    text = tomli_w.dumps(data)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a name that is not UTF-8 (see `_escaped`)
        return tomli_w.dumps(_escaped(data)).encode("utf-8")


def save_toml(
    path: Path, data: dict[str, Any], previous: bytes | None, *, memo: bool = False
) -> str:
    """Write ``data`` atomically, keeping ``previous`` (the good bytes it replaces) as ``.bak``.

    Call it holding :func:`locked`. Returns the digest of what was written.
    """
    raw = dump_toml(data)
    if previous is not None and previous != raw:
        write_atomic(backup_path(path), previous)
    write_atomic(path, raw)
    digest = digest_of(raw)
    if memo:
        write_memo(path, digest, data)
    return digest


def read_raw(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist (other errors propagate)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def parse_raw(raw: bytes) -> dict[str, Any] | None:
    """Parse bytes read under the lock; None when they are not valid TOML."""
    try:
        return _parse(raw)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


class MergedFiles:
    """Bookkeeping for state files that are saved by merging, keyed by a name (a shard, a
    book id): the digest each was read with, the ones that could not be read (never written
    over), and notices for the user."""

    def __init__(self, shape: Shape | None = None) -> None:
        self.shape = shape  # what each file must hold (see `read_toml`)
        self.digests: dict[str, str | None] = {}
        self.unwritable: set[str] = set()
        self.notices: list[str] = []

    def note(self, key: str, loaded: Loaded) -> None:
        """Remember how the file of ``key`` was read."""
        self.digests[key] = loaded.digest
        if loaded.notice:
            self.notices.append(loaded.notice)
        if not loaded.writable:
            self.unwritable.add(key)

    def read_before_save(
        self, key: str, path: Path, damaged: str
    ) -> tuple[bytes | None, dict[str, Any] | None] | None:
        """What is on disk before the file of ``key`` is saved (hold the lock): its bytes, and
        their parse when another process changed it since it was read, or None when it cannot
        be read (it is then never written). A file changed into something that does not parse
        is moved aside with the notice "PATH ``damaged``; moved it to ..." and counts as gone.
        """
        try:
            previous = read_raw(path)
        except OSError as err:
            self.unwritable.add(key)
            self.notices.append(unreadable_notice(path, err))
            return None
        theirs = None
        if previous is not None and digest_of(previous) != self.digests.get(key):
            theirs = parse_raw(previous)
            if theirs is not None and self.shape is not None and self.shape(theirs) is not None:
                theirs = None  # (of the wrong shape: never written over)
            if theirs is None:
                aside = move_aside(path)
                self.notices.append(f"{path} {damaged}; moved it to {aside.name}.")
                previous = None
        return previous, theirs
