"""The command line: thin click commands over the library (every command is a library call).

clipclean [OPTIONS] [FILE]...     clean pages (the default command; "-" or nothing = stdin)
clipclean stages                  the cleaning stages, in order
clipclean batch IN_DIR -o OUT_DIR  a whole folder: parallel, incremental, cron-safe
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

import click

from . import COMPILED, __version__, clean, emit
from .errors import cause, shown_name
from .files import atomic_write
from .pipeline import UnknownStageError, check_stage_names
from .read import MAX_BYTES, read_limited


class Exit(enum.IntEnum):
    """Exit codes, shown in --help."""

    OK = 0
    FAILED = 1  # some inputs could not be cleaned
    USAGE = 2  # bad option or argument
    LOCKED = 75  # batch: another run holds the lock
    INTERRUPTED = 130  # SIGINT
    BROKEN_PIPE = 141  # the reader went away (`clipclean page.html | head -1`), as 128+SIGPIPE
    TERMINATED = 143  # batch: SIGTERM


def _utf8_stdout() -> IO[str]:
    """stdout as UTF-8 whatever the locale says: the output formats are UTF-8 by definition."""
    out = sys.stdout
    if (out.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            out.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    return out


@dataclass
class Environment:
    """The streams a command talks to, injectable in tests (httpie's idea)."""

    stdin: IO[bytes] = field(default_factory=lambda: sys.stdin.buffer)
    stdout: IO[str] = field(default_factory=_utf8_stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)

    def error(self, message: str) -> None:
        """One line on stderr, prefixed with the program name."""
        print(f"clipclean: {message}", file=self.stderr, flush=True)


EXIT_CODES_HELP = """
\b
Exit codes:
  0   all inputs cleaned
  1   some inputs failed (each gets one line on stderr: "clipclean: FILE: cause")
  2   usage error (bad option, unknown stage name)
  141 the output pipe was closed by its reader (no message)
"""


class DefaultGroup(click.Group):
    """A group whose default command is ``clean``: ``clipclean page.html`` needs no verb."""

    default_command = "clean"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(
    cls=DefaultGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(
    __version__,
    prog_name="clipclean",
    message=f"%(prog)s %(version)s ({'compiled' if COMPILED else 'pure Python'})",
)
def main() -> None:
    """Turn scraped news pages (HTML or already-scraped text) into clean articles.

    \b
    clipclean page.html > article.json      clean a file (the default command)
    cat page.txt | clipclean -f markdown    clean stdin
    clipclean --explain page.txt            add what was removed, by which stage, why
    clipclean stages                        list the cleaning stages in order

    Run "clipclean clean --help" for every option. A file named like a command
    ("stages") can be given as "./stages".
    """


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


class ByteSize(click.ParamType):
    """A byte count: 1000000, 500K, 50M, 2G (powers of 1024)."""

    name = "bytes"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B").removesuffix("I")
        unit = text[-1:] if text[-1:] in "KMG" else ""
        try:
            number = int(text.removesuffix(unit)) * _UNITS[unit]
        except ValueError:
            self.fail(f"{value!r} is not a size like 50M", param, ctx)
        if number <= 0:
            self.fail("must be positive", param, ctx)
        return number


F = TypeVar("F", bound=Callable[..., Any])


def max_bytes_option(fn: F) -> F:
    """``--max-bytes``: shared by every command that reads pages."""
    return click.option(
        "--max-bytes",
        type=ByteSize(),
        default=MAX_BYTES,
        show_default="50M",
        help="Largest input accepted, after gzip decompression (e.g. 500K, 50M, 1G).",
    )(fn)


def _read_input(name: str, env: Environment, max_bytes: int = MAX_BYTES) -> bytes:
    """The input's bytes, never more than ``max_bytes`` of them in memory."""
    if name == "-":
        return read_limited(env.stdin, max_bytes)
    with open(name, "rb") as f:
        return read_limited(f, max_bytes)


def _archive(
    name: str,
    label: str,
    env: Environment,
    render: Callable[[Any], None],
    explain: bool,
    **opts: Any,
) -> bool | None:
    """When ``name`` is a WARC/ARC archive (by its name, or on stdin by its bytes): ``render``
    each of its pages, one stderr line per page that failed; whether any did. None when it is
    not an archive. Damage raises :class:`~clipclean.read.InputError` after the good pages."""
    from collections import Counter

    from . import warc

    if name == "-":
        found, env.stdin = warc.sniff_stream(env.stdin)  # (the sniffed bytes are given back)
        if not found:
            return None
    elif not warc.is_archive_name(name):
        return None
    failed, tally = False, Counter[str]()
    with contextlib.ExitStack() as stack:
        stream = env.stdin if name == "-" else stack.enter_context(open(name, "rb"))
        path = None if name == "-" else label
        try:
            for where, article, error in warc.articles(
                stream, label=label, path=path, tally=tally, **opts
            ):
                if article is not None:
                    render(article)
                else:
                    env.error(f"{where}: {error}")
                    failed = True
        finally:
            if explain:  # what the archive held, and why records were skipped
                env.error(f"{label}: {warc.describe(tally)}")
    return failed


def _silence_stdout(env: Environment) -> None:
    """After a failed write, point fd 1 at /dev/null so the flush at exit cannot fail again
    (and print a traceback-like "Exception ignored" message)."""
    if env.stdout is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_stdout(text: str, env: Environment) -> Exit:
    try:
        env.stdout.write(text)
        env.stdout.flush()
    except BrokenPipeError:
        _silence_stdout(env)
        return Exit.BROKEN_PIPE
    except OSError as exc:
        _silence_stdout(env)
        env.error(f"<stdout>: {cause(exc)}")
        return Exit.FAILED
    return Exit.OK


def clean_files(
    files: tuple[str, ...],
    *,
    fmt: str,
    output: str | None,
    explain: bool,
    skip: tuple[str, ...],
    kind: str | None,
    url: str | None,
    env: Environment,
    max_bytes: int = MAX_BYTES,
) -> Exit:
    """Clean each input and write its rendering; one stderr line per failed input."""
    rendered: list[str] = []
    failed = False
    for name in files or ("-",):
        label = "<stdin>" if name == "-" else shown_name(name)
        try:
            pages = _archive(
                name,
                label,
                env,
                lambda a: rendered.append(emit.render(a, fmt, explain)),
                explain,
                skip_stages=skip,
                kind=kind,
                max_bytes=max_bytes,
            )
            if pages is not None:
                failed |= pages
                continue
            data = _read_input(name, env, max_bytes)
            article = clean(
                data,
                url=url,
                kind=kind,
                skip_stages=skip,
                path=None if name == "-" else label,
                max_bytes=max_bytes,
            )
            rendered.append(emit.render(article, fmt, explain))
        except UnknownStageError:
            raise
        except Exception as exc:  # any input problem is one line, never a traceback
            env.error(f"{label}: {cause(exc)}")
            failed = True
    separator = emit.TEXT_SEPARATOR if fmt == "text" else ""
    text = separator.join(rendered)
    if output:
        try:
            atomic_write(output, text)
        except OSError as exc:
            env.error(f"{shown_name(output)}: {cause(exc)}")
            return Exit.FAILED
    elif text:
        written = _write_stdout(text, env)
        if written != Exit.OK:
            return written
    return Exit.FAILED if failed else Exit.OK


@main.command("clean", epilog=EXIT_CODES_HELP)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(emit.FORMATS),
    default="json",
    show_default=True,
    help="json: one pretty document per input; jsonl: one line per input; markdown: YAML front "
    "matter + body; text: body only (several inputs separated by a form-feed line).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write here (atomically) instead of stdout.",
)
@click.option(
    "--explain", is_flag=True, help="Add 'removed': every dropped block with its stage and reason."
)
@click.option(
    "--skip-stage",
    "skip",
    multiple=True,
    metavar="NAME",
    help="Turn a stage off (repeatable); see 'clipclean stages'.",
)
@click.option(
    "--kind",
    type=click.Choice(["html", "text"]),
    help="Treat the input as HTML or text (default: sniffed).",
)
@click.option("--url", help="The page's URL (resolves relative image links; fills 'url').")
@max_bytes_option
def clean_cmd(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    explain: bool,
    skip: tuple[str, ...],
    kind: str | None,
    url: str | None,
    max_bytes: int,
) -> None:
    """Clean FILE(s) ("-" or none: stdin) and print the article(s).

    A web archive (*.warc.gz, *.warc, *.arc.gz, *.arc, or a WARC/ARC on stdin) gives one
    article per page it holds (needs clipclean[warc]).
    """
    try:
        check_stage_names(skip)
    except UnknownStageError as exc:
        raise click.UsageError(str(exc)) from None
    code = clean_files(
        files,
        fmt=fmt,
        output=output,
        explain=explain,
        skip=skip,
        kind=kind,
        url=url,
        env=Environment(),
        max_bytes=max_bytes,
    )
    sys.exit(int(code))


@main.command("stages")
def stages_cmd() -> None:
    """List the cleaning stages in the order they run, with what each removes."""
    from .stages import ORDER

    width = max(len(s.name) for s in ORDER)
    for s in ORDER:
        click.echo(f"{s.name:<{width}}  {s.description}")


# --- batch -------------------------------------------------------------------------------------

BATCH_HELP_EPILOG = """
\b
Exit codes:
  0    all inputs cleaned (or nothing to do)
  1    some inputs failed (one line each at the end: "clipclean: PATH: cause")
  2    usage error
  75   another run holds the lock on OUT_DIR (cron: try again next time)
  130  stopped by SIGINT, 143 stopped by SIGTERM (the next run continues)

\b
Cron (every 10 minutes, quiet unless something failed):
  */10 * * * *  clipclean batch /srv/pages -o /srv/articles --quiet

\b
systemd: a Type=oneshot service running that command (SuccessExitStatus=75),
started by a timer with OnCalendar=*:0/10; "systemctl stop" sends SIGTERM, which
stops at a document boundary. The README has both units in full.
"""


@main.command("batch", epilog=BATCH_HELP_EPILOG)
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Output folder: OUT_DIR/<same relative path with the new suffix>, plus the state in "
    "OUT_DIR/.clipclean/. May be omitted with --jsonl (then nothing is incremental).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown", "text"]),
    default="json",
    show_default=True,
    help="Per-file output format (.json, .md, .txt).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: CPU count]."
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="Inputs to take (repeatable; a GLOB with '/' matches the relative path, else the name; "
    "case-insensitive) [default: *.html *.htm *.xhtml *.html.gz *.txt *.text, and WARC/ARC "
    "archives *.warc(.gz) *.arc(.gz), each cleaned into one output: .jsonl for json].",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="Inputs to leave (repeatable).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds one document may take; over it, it fails with 'timeout' and the batch goes on.",
)
@click.option(
    "--memory",
    "memory_mb",
    type=click.IntRange(min=0),
    default=2048,
    show_default=True,
    metavar="MiB",
    help="Address-space cap per worker (0: none); over it a document fails with 'memory limit'.",
)
@click.option("--force", is_flag=True, help="Redo every input, changed or not.")
@click.option(
    "--prune",
    is_flag=True,
    help="Remove the outputs of inputs that no longer exist (kept by default).",
)
@click.option(
    "--skip-stage", "skip", multiple=True, metavar="NAME", help="Turn a stage off (repeatable)."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (for cron).")
@max_bytes_option
@click.option(
    "--jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE|-",
    help="Also write each cleaned document as one JSON line to FILE (replaced atomically at the "
    "end) or stdout; with -o, only the documents cleaned in this run.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Clean on the workers of this Dask scheduler (tcp://HOST:8786) instead of local "
    "processes; this process still reads every input and writes every output (needs "
    "clipclean[dask], the same clipclean on every worker).",
)
def batch_cmd(
    in_dir: str,
    out_dir: str | None,
    fmt: str,
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    timeout: float,
    memory_mb: int,
    force: bool,
    prune: bool,
    skip: tuple[str, ...],
    quiet: bool,
    max_bytes: int,
    jsonl: str | None,
    scheduler: str | None,
) -> None:
    """Clean every page under IN_DIR into OUT_DIR, in parallel, redoing only what changed.

    Symbolic links are never followed; an input that fails is reported and the rest go on.
    A re-run does only new or changed inputs (or all of them after a change of options or of
    clipclean's version); SIGINT/SIGTERM stop at a document boundary.
    """
    from .batch import BatchConfig, BatchError, Locked, StateError, exit_status, run_batch
    from .batch.executor import ExecutorError
    from .batch.names import DEFAULT_INCLUDE
    from .batch.pool import default_jobs
    from .batch.report import ConsoleReporter
    from .batch.stop import Stop, stop_on_signals
    from .files import atomic_open

    env = Environment()
    if out_dir is None and jsonl is None:
        raise click.UsageError("give an output folder (-o OUT_DIR), --jsonl FILE|-, or both")
    config = BatchConfig(
        in_dir=in_dir,
        out_dir=out_dir,
        fmt=fmt,
        jobs=jobs or default_jobs(),
        include=include or DEFAULT_INCLUDE,
        exclude=exclude,
        timeout=timeout,
        memory_mb=memory_mb or None,
        force=force,
        prune=prune,
        skip_stages=skip,
        max_bytes=max_bytes,
        scheduler=scheduler,
    )
    reporter = ConsoleReporter(env.stderr, quiet=quiet)
    with contextlib.ExitStack() as stack:
        sink = None
        if jsonl is not None:
            label = "<stdout>" if jsonl == "-" else jsonl
            stream = env.stdout if jsonl == "-" else None
            f = stack.enter_context(atomic_open(jsonl)) if jsonl != "-" else None

            def sink(line: str) -> None:
                try:
                    if stream is not None:
                        stream.write(line)
                        stream.flush()
                    else:
                        f.write(line.encode("utf-8"))  # type: ignore[union-attr]
                except OSError as exc:  # a full disk, a closed pipe: name the stream
                    raise OSError(exc.errno, exc.strerror, label) from exc

        try:
            stop = stack.enter_context(stop_on_signals(Stop()))
            summary = run_batch(config, jsonl=sink, reporter=reporter, stop=stop)
        except (BatchError, UnknownStageError) as exc:
            raise click.UsageError(str(exc)) from None
        except Locked as exc:
            env.error(str(exc))
            sys.exit(int(Exit.LOCKED))
        except (StateError, ExecutorError) as exc:
            env.error(str(exc))
            sys.exit(int(Exit.FAILED))
        except OSError as exc:  # the output folder or the JSON Lines stream
            if isinstance(exc, BrokenPipeError):  # a reader (head) went away: nothing to say
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            else:
                env.error(f"{exc.filename}: {cause(exc)}")
            sys.exit(int(Exit.FAILED))
    sys.exit(exit_status(summary))


def run() -> Any:
    """Entry point for ``python -m clipclean``."""
    return main(prog_name="clipclean")
