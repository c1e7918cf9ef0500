"""What a worker does with one input: read it (read-only), clean it, render it.

The worker returns the rendering; the parent writes it. Keeping every write in one process
means an output and its state row are always written in that order, and a worker killed for
time or memory can never leave a file behind.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from typing import Any

from .. import clean, emit
from ..errors import NoArticleText, cause, require_text, shown_name
from ..read import MAX_BYTES, InputError, read_limited


@dataclass(frozen=True)
class Options:
    """How every document of a run is rendered."""

    fmt: str | None = "json"  # None: no per-file output (JSON Lines only)
    jsonl: bool = False
    skip_stages: tuple[str, ...] = ()
    max_bytes: int = MAX_BYTES
    allow_empty: bool = False  # an article without body text is output, not an error


@dataclass(frozen=True)
class Job:
    options: Options
    rel: str  # relative to the input folder; also the article's source.path
    path: str
    #: The input as the coordinator read it, for a worker that cannot (on another machine):
    #: its bytes and (size, mtime_ns). None: the worker reads ``path``.
    data: bytes | None = None
    stat: tuple[int, int] = (0, 0)

    def shipped(self) -> Job | Result:
        """This job with the input's bytes in it, or the reason it cannot be read."""
        loaded = load(self)
        if isinstance(loaded, Result):
            return loaded
        facts, data = loaded
        return replace(self, data=data, stat=(facts["size"], facts["mtime_ns"]))


@dataclass(frozen=True)
class Result:
    """One document's outcome; ``error`` is the one-line cause when it could not be cleaned."""

    size: int = 0
    mtime_ns: int = 0
    sha256: str | None = None
    text: str | None = None  # the rendering in ``options.fmt``
    line: str | None = None  # the JSON Lines record
    error: str | None = None
    #: The error may go away without the input changing (a permission fixed): try again.
    retry: bool = False
    #: The error is "no article text found" (status "empty", counted apart from failures).
    empty: bool = False


#: Read-only, without following a link that replaced the file since the walk, and without
#: blocking on a FIFO that did.
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def load(job: Job) -> tuple[dict[str, Any], bytes] | Result:
    """The input's size and mtime (from the open file, so they describe exactly the bytes
    read) and its bytes; or a :class:`Result` saying why it cannot be read."""
    opts = job.options
    try:
        fd = os.open(job.path, OPEN_FLAGS)
    except OSError as exc:
        return Result(error=cause(exc), retry=True)
    facts: dict[str, Any] = {}
    try:  # the descriptor is closed whatever happens (a folder cannot become a file object)
        st = os.fstat(fd)
        facts.update(size=st.st_size, mtime_ns=st.st_mtime_ns)
        if stat.S_ISDIR(st.st_mode):
            return Result(**facts, error="is a directory")
        if not stat.S_ISREG(st.st_mode):
            return Result(**facts, error="not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = read_limited(f, opts.max_bytes)
    except InputError as exc:
        return Result(**facts, error=cause(exc))
    except OSError as exc:
        return Result(**facts, error=cause(exc), retry=True)
    finally:
        os.close(fd)
    return facts, data


def process(job: Job) -> Result:
    """Clean one input; an unusable input becomes a :class:`Result` with ``error`` set.

    Size and mtime are kept for a rejected input too, so that it is not read again until it
    changes.
    """
    opts = job.options
    if job.data is not None:
        facts: dict[str, Any] = {"size": job.stat[0], "mtime_ns": job.stat[1]}
        data = job.data
    else:
        loaded = load(job)
        if isinstance(loaded, Result):
            return loaded
        facts, data = loaded
    facts["sha256"] = hashlib.sha256(data).hexdigest()
    try:
        article = clean(
            data, skip_stages=opts.skip_stages, path=shown_name(job.rel), max_bytes=opts.max_bytes
        )
        require_text(article, opts.allow_empty)
    except NoArticleText as exc:
        return Result(**facts, error=cause(exc), empty=True)
    except InputError as exc:
        return Result(**facts, error=cause(exc))
    return Result(
        **facts,
        text=emit.render(article, opts.fmt) if opts.fmt else None,
        line=emit.to_jsonl(article) if opts.jsonl else None,
    )
