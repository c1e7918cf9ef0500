"""``clipclean batch``: a whole folder, in parallel, incremental, safe to interrupt.

    >>> from clipclean.batch import BatchConfig, run_batch
    >>> summary = run_batch(BatchConfig("pages/", "articles/", jobs=2))

Modules: ``walk`` finds inputs, ``names`` maps them to outputs, ``state`` is the SQLite
record of what was made, ``pool`` runs documents in worker processes under a time limit and a
memory cap, ``work`` is what a worker does, ``lock``/``stop`` make it safe under cron, and
``run`` ties them together; ``report`` is the terminal side. ``executor`` is where documents
are cleaned: the local ``pool`` or a Dask cluster (``dask_pool``, each worker thread cleaning
in a ``sandbox`` process); ``archives`` turns WARC/ARC inputs into one job per page.
"""

from __future__ import annotations

from .lock import Locked
from .run import BatchConfig, BatchError, Reporter, Summary, exit_status, run_batch
from .state import NotOwner, StateError
from .stop import Stop, stop_on_signals

__all__ = [
    "BatchConfig",
    "BatchError",
    "Locked",
    "NotOwner",
    "Reporter",
    "StateError",
    "Stop",
    "Summary",
    "exit_status",
    "run_batch",
    "stop_on_signals",
]
