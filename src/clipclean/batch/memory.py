"""Telling a memory failure from a bug, in a worker under an address-space cap.

Under ``RLIMIT_AS`` a failed allocation is not always a :class:`MemoryError`: a C library
(lxml, for one) may turn it into its own error ("XPathEvalError: unknown error"). Such an
error counts as the memory limit when the worker's address space reached near its cap during
the document, or when a modest allocation fails right after it.
"""

from __future__ import annotations

#: Share of the cap at which an error met on the way is put down to memory.
NEAR = 0.9
#: The probe: an allocation any healthy worker can make.
_PROBE = 16 * 2**20


def vm_peak() -> int:
    """This process's peak address-space size in bytes (0 where /proc does not say)."""
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def out_of_memory(exc: BaseException, cap: int | None, peak_before: int = 0) -> bool:
    """True when ``exc`` (met while cleaning one document) is the memory cap at work."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__cause__ or seen.__context__
    if not cap:
        return False
    peak = vm_peak()
    if peak > peak_before and peak >= NEAR * cap:
        return True
    try:
        bytearray(min(_PROBE, cap // 16))
    except MemoryError:
        return True
    return False
