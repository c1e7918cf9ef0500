"""Stopping at a document boundary on SIGINT/SIGTERM.

The handler only records the signal; the dispatcher checks the flag between documents, so an
output is never half-written and the state is committed before the exit. A second signal asks
for an immediate stop: documents in flight are abandoned (and stay "not done").
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType


class Stop:
    """A flag set by a signal (or by a caller of the library)."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.count = 0

    def request(self, signum: int = signal.SIGINT, frame: FrameType | None = None) -> None:
        self.signum = self.signum or signum
        self.count += 1

    def halt(self) -> None:
        """Stop at a document boundary for a fault, not a signal (``signum`` stays unset)."""
        self.count = max(self.count, 1)

    @property
    def requested(self) -> bool:
        return self.count > 0

    @property
    def urgent(self) -> bool:
        return self.count > 1


@contextlib.contextmanager
def stop_on_signals(stop: Stop) -> Iterator[Stop]:
    """Route SIGINT and SIGTERM to ``stop`` for the block (main thread only)."""
    old = {sig: signal.signal(sig, stop.request) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
