"""Every registered stage, and every compiled pattern its module uses, over adversarial lines.

Python's ``re`` cannot be interrupted, so a catastrophic pattern would hang the test run
instead of failing it: the work runs in a subprocess with a generous timeout. The bounds catch
hangs (minutes), not slowness; speed lives in bench/.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

#: Generous: a linear pass over these inputs takes well under ten seconds on 2 cores.
TIMEOUT_S = 180

SCRIPT = textwrap.dedent(
    """
    import json, re, sys, time
    from clipclean import dates, shape
    from clipclean.model import Block, Draft
    from clipclean.pipeline import MAX_BLOCK_CHARS, cap_blocks
    from clipclean.stages import ORDER

    N = 1_000_000
    UNITS = [
        " ", ".", "|", "| ", " | ", "Credit...", "Credit", "Photo: ", "(Photo ", "By ", "A ",
        "a", "1", "1 ", "- ", "—", "word, ", "Image ", "Updated ", "A. ", "’", "1:2",
        "Jan 1, ", "2025-", "\\t", "•", "and ", "de ", "Reporting by ", "(", ")", "x" * 40 + " ",
    ]
    lines = [(u * (N // len(u) + 1))[:N] for u in UNITS]
    lines += [u + " " * (N - 2 * len(u)) + u for u in ("Credit...", "By", "(Photo", "|")]
    lines += ["Jane Doe is a " + "very " * (N // 5)]  # a bio that never ends

    def draft(kind):
        return Draft([Block(text=t, line=i + 1, origin=f"line {i + 1}") for i, t in enumerate(lines)], kind=kind)

    report = {"stages": {}, "patterns": {}}
    for kind in ("text", "html"):
        for stage in ORDER:
            d = draft(kind)
            cap_blocks(d)
            assert max(len(b.text) for b in d.blocks) <= MAX_BLOCK_CHARS
            t0 = time.perf_counter()
            stage(d)
            report["stages"][f"{stage.name}/{kind}"] = time.perf_counter() - t0

    modules = {sys.modules[s.fn.__module__] for s in ORDER} | {dates, shape}
    capped = [t[:MAX_BLOCK_CHARS] for t in lines]
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                t0 = time.perf_counter()
                for t in capped:
                    value.search(t)
                    value.match(t)
                report["patterns"][f"{module.__name__}.{name}"] = time.perf_counter() - t0
    print(json.dumps(report))
    """
)


def test_every_stage_and_pattern_finishes_on_adversarial_lines() -> None:
    try:
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=TIMEOUT_S
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test exists for
        raise AssertionError(
            f"a stage or pattern ran over {TIMEOUT_S}s: catastrophic backtracking"
        ) from None
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    from clipclean.stages import ORDER

    assert {k.split("/")[0] for k in report["stages"]} == {s.name for s in ORDER}
    assert len(report["patterns"]) >= 10
    slow = {k: round(v, 1) for k, v in {**report["stages"], **report["patterns"]}.items() if v > 30}
    assert not slow, f"stages/patterns near a hang: {slow}"
