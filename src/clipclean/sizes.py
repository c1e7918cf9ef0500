"""Byte counts as people write them: ``50M`` on the command line, ``50 MB`` in messages.

One place for the units (powers of 1024) so that the option a message points to takes the
number the message shows.
"""

from __future__ import annotations

UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(text: str) -> int:
    """``"1000000"``, ``"500K"``, ``"50M"``, ``"2G"`` (also ``50MB``, ``50MiB``) -> bytes;
    ValueError for anything else."""
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = text[-1:] if text[-1:] in ("K", "M", "G") else ""
    return int(text.removesuffix(unit)) * UNITS[unit]


def human_size(n: int) -> str:
    """``52428800`` -> ``50 MB``, ``1536`` -> ``1.5 KB``, ``100`` -> ``100 bytes``."""
    for unit in ("G", "M", "K"):
        scale = UNITS[unit]
        if n >= scale:
            value = n / scale
            shown = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
            return f"{shown} {unit}B"
    return f"{n} bytes"
