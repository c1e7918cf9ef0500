"""clipclean's benchmark harness: body quality (shingle F1), metadata fields, speed, memory.

Run with ``python -m bench``; see bench/README.md. ``bench.metrics`` is importable on its own
(no data needed) for tests and quality gates.
"""
