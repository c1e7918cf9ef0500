"""The command line: thin click commands over the library (every command is a library call).

clipclean [OPTIONS] [FILE]...     clean pages (the default command; "-" or nothing = stdin)
clipclean stages                  the cleaning stages, in order
clipclean batch IN_DIR -o OUT_DIR  a whole folder: parallel, incremental, cron-safe
clipclean status OUT_DIR          what a batch output folder holds, what failed and why
"""

from __future__ import annotations

import contextlib
import enum
import errno
import io
import json
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

import click

from . import COMPILED, __version__, emit
from .errors import cause, shown_name
from .files import atomic_write
from .pipeline import UnknownStageError, check_stage_names
from .read import MAX_BYTES, read_limited
from .sizes import parse_size
from .stream import CleanOptions, outcomes


class Exit(enum.IntEnum):
    """Exit codes, shown in --help."""

    OK = 0
    FAILED = 1  # some inputs could not be cleaned
    USAGE = 2  # bad option or argument
    LOCKED = 75  # batch: another run holds the lock
    INTERRUPTED = 130  # SIGINT
    BROKEN_PIPE = 141  # the reader went away (`clipclean page.html | head -1`), as 128+SIGPIPE
    TERMINATED = 143  # batch: SIGTERM


class _Closed(io.RawIOBase):
    """A standard stream that was closed when clipclean started (``>&-``): using it is an
    error, reported like any other (only a command that needs it fails)."""

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise OSError(errno.EBADF, "closed (the standard stream was not open)")

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "closed (the standard stream was not open)")


def _utf8_stdout() -> IO[str]:
    """stdout as UTF-8 whatever the locale says: the output formats are UTF-8 by definition."""
    out = sys.stdout
    if out is None:  # closed
        return io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
    if (out.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            out.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    return out


@dataclass
class Environment:
    """The streams a command talks to, injectable in tests (httpie's idea)."""

    stdin: IO[bytes] = field(
        default_factory=lambda: sys.stdin.buffer if sys.stdin else io.BufferedReader(_Closed())
    )
    stdout: IO[str] = field(default_factory=_utf8_stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr or io.StringIO())

    def error(self, message: str) -> None:
        """One line on stderr, prefixed with the program name."""
        print(f"clipclean: {message}", file=self.stderr, flush=True)


EXIT_CODES_HELP = """
\b
Exit codes:
  0   all inputs cleaned
  1   some inputs failed (each gets one line on stderr: "clipclean: FILE: cause"),
      "no article text found" included (unless --allow-empty)
  2   usage error (bad option, unknown stage name, no input on a terminal)
  130 stopped by Ctrl-C (the documents written so far are complete)
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
    clipclean batch pages/ -o articles/     a whole folder (then: clipclean status articles/)

    Run "clipclean clean --help" for every option. A file named like a command
    ("stages") can be given as "./stages".
    """
    for fd in (0, 1, 2):  # a closed standard stream: hold its number, or a file would take it
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)


class ByteSize(click.ParamType):
    """A byte count: 1000000, 500K, 50M, 2G (powers of 1024)."""

    name = "bytes"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            number = parse_size(str(value))
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


def allow_empty_option(fn: F) -> F:
    """``--allow-empty``: shared by ``clean`` and ``batch``."""
    return click.option(
        "--allow-empty",
        is_flag=True,
        help="Output an article whose body came out empty (metadata only) instead of failing "
        "with 'no article text found'.",
    )(fn)


def _read_input(name: str, env: Environment, max_bytes: int = MAX_BYTES) -> bytes:
    """The input's bytes, never more than ``max_bytes`` of them in memory."""
    if name == "-":
        return read_limited(env.stdin, max_bytes)
    with open(name, "rb") as f:
        return read_limited(f, max_bytes)


def _stdin_archive(env: Environment) -> IO[bytes] | None:
    """stdin when it holds a WARC/ARC archive (told by its first bytes, which are given back)."""
    from . import warc

    found, env.stdin = warc.sniff_stream(env.stdin)
    return env.stdin if found else None


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


def _an_input(output: str, files: tuple[str, ...]) -> str | None:
    """The input that ``output`` is (same file by inode: a hard link or a symlink too). Only a
    regular file counts: ``-o /dev/stdout`` may well be the terminal stdin reads from."""
    try:
        out = os.stat(output)
    except OSError:
        return None
    if not stat.S_ISREG(out.st_mode):
        return None
    for name in files:
        with contextlib.suppress(OSError):
            st = os.stat(name) if name != "-" else os.fstat(0)
            if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
                return "<stdin>" if name == "-" else name
    return None


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
    jobs: int = 1,
    allow_empty: bool = False,
) -> Exit:
    """Clean each input and write its rendering as soon as it is done (stdout: flushed, in
    input order; ``output``: atomically at the end); one stderr line per failed input.
    Ctrl-C keeps what was written and exits 130."""
    if output and (same := _an_input(output, files)) is not None:
        env.error(f"{shown_name(same)}: is also the output (-o); refusing to replace an input")
        return Exit.USAGE
    options = CleanOptions(fmt, explain, skip, kind, url, max_bytes, allow_empty)
    separator = emit.TEXT_SEPARATOR if fmt == "text" else ""
    kept: list[str] = []  # for ``output``
    count, failed = 0, False
    try:
        for outcome in outcomes(
            files or ("-",),
            options,
            lambda: _read_input("-", env, max_bytes),
            jobs,
            stdin_archive=lambda: _stdin_archive(env),
        ):
            if outcome.note is not None:
                env.error(outcome.note)
                continue
            if outcome.text is None:
                env.error(outcome.error or "")
                failed = True
                continue
            text = (separator if count else "") + outcome.text
            count += 1
            if output:
                kept.append(text)
            elif (written := _write_stdout(text, env)) != Exit.OK:
                return written
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    if output:
        try:
            atomic_write(output, "".join(kept))
        except OSError as exc:
            env.error(f"{shown_name(output)}: {cause(exc)}")
            return Exit.FAILED
    return Exit.FAILED if failed else Exit.OK


@main.command("clean", epilog=EXIT_CODES_HELP)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True, readable=False))
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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for many FILEs (output still in input order).",
)
@allow_empty_option
def clean_cmd(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    explain: bool,
    skip: tuple[str, ...],
    kind: str | None,
    url: str | None,
    max_bytes: int,
    jobs: int,
    allow_empty: bool,
) -> None:
    """Clean FILE(s) ("-" or none: stdin) and print the article(s), each as soon as it is done.

    A web archive (*.warc.gz, *.warc, *.arc.gz, *.arc, or a WARC/ARC on stdin) gives one
    article per page it holds (needs clipclean[warc]).
    """
    try:
        check_stage_names(skip)
    except UnknownStageError as exc:
        raise click.UsageError(str(exc)) from None
    if not files and sys.stdin.isatty():  # nobody is going to type a page: say how to give one
        ctx = click.get_current_context()
        click.echo(ctx.find_root().get_help(), err=True)
        sys.exit(int(Exit.USAGE))
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
        jobs=jobs,
        allow_empty=allow_empty,
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
  1    some inputs failed or had no article text (one line each at the end:
       "clipclean: PATH: cause"; under --quiet only those the last run did not list)
  2    usage error
  75   another run holds the lock on OUT_DIR (cron: try again next time)
  130  stopped by SIGINT, 143 stopped by SIGTERM (the next run continues)

\b
Cron (every 10 minutes, quiet unless something new failed; 'clipclean status
OUT_DIR --failed' lists what is still failing):
  */10 * * * *  clipclean batch /srv/pages -o /srv/articles --quiet --log FILE

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
    "--rehome",
    is_flag=True,
    help="OUT_DIR was made from another IN_DIR: make it IN_DIR's (refused otherwise).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Remove the outputs of inputs that no longer exist (kept by default).",
)
@click.option(
    "--skip-stage", "skip", multiple=True, metavar="NAME", help="Turn a stage off (repeatable)."
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="For cron: print only failures the last run did not have; nothing when nothing "
    "changed (a lock collision included: exit 75 in silence).",
)
@click.option(
    "--log",
    "log_file",
    type=click.Path(dir_okay=False, allow_dash=False),
    metavar="FILE",
    help="Append every line (notes, failures, summary) to FILE, each with an ISO 8601 time, "
    "whatever --quiet says.",
)
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Redo only the inputs recorded as failed, rejected or empty (see 'clipclean status').",
)
@allow_empty_option
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
    log_file: str | None,
    retry_failed: bool,
    allow_empty: bool,
    max_bytes: int,
    jsonl: str | None,
    rehome: bool,
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
    from .batch.state import NotOwner
    from .batch.stop import Stop, stop_on_signals
    from .files import atomic_open

    env = Environment()
    if out_dir is None and jsonl is None:
        raise click.UsageError("give an output folder (-o OUT_DIR), --jsonl FILE|-, or both")
    if retry_failed and out_dir is None:
        raise click.UsageError("--retry-failed needs the state of an output folder (-o OUT_DIR)")
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
        allow_empty=allow_empty,
        retry_failed=retry_failed,
        rehome=rehome,
        scheduler=scheduler,
    )
    with contextlib.ExitStack() as stack:
        log = None
        if log_file is not None:
            try:
                log = stack.enter_context(open(log_file, "a", encoding="utf-8"))
            except OSError as exc:
                raise click.UsageError(f"--log {log_file}: {cause(exc)}") from None
        reporter = ConsoleReporter(env.stderr, quiet=quiet, log=log)
        sink = publish = None
        if jsonl is not None:
            label = "<stdout>" if jsonl == "-" else jsonl
            stream = env.stdout if jsonl == "-" else None
            f = None
            if jsonl != "-":  # renamed into place by publish(), or removed on an error
                file_stack = stack.enter_context(contextlib.ExitStack())
                f = file_stack.enter_context(atomic_open(jsonl))
                publish = file_stack.close

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
            summary = run_batch(config, jsonl=sink, reporter=reporter, stop=stop, publish=publish)
        except (BatchError, UnknownStageError) as exc:
            raise click.UsageError(str(exc)) from None
        except NotOwner as exc:
            reporter.line(str(exc))
            sys.exit(int(Exit.USAGE))
        except Locked as exc:  # cron runs again soon: under --quiet, nothing to mail
            reporter.line(str(exc), shown=not quiet)
            sys.exit(int(Exit.LOCKED))
        except (StateError, ExecutorError) as exc:
            reporter.line(str(exc))
            sys.exit(int(Exit.FAILED))
        except OSError as exc:  # the output folder or the JSON Lines stream
            if isinstance(exc, BrokenPipeError):  # a reader (head) went away: nothing to say
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            else:
                env.error(f"{exc.filename}: {cause(exc)}")
            sys.exit(int(Exit.FAILED))
    sys.exit(exit_status(summary))


@main.command("status")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--failed", is_flag=True, help="Also list the failed, rejected and empty inputs with causes."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one document for scripts.",
)
def status_cmd(out_dir: str, failed: bool, fmt: str) -> None:
    """What a batch output folder holds: inputs by status (done, rejected, empty, failed,
    pending), the last run, and with --failed which inputs have no output and why."""
    from .batch import StateError
    from .batch.status import as_dict, as_lines, batch_status

    env = Environment()
    try:
        status = batch_status(out_dir)
    except StateError as exc:
        env.error(str(exc))
        sys.exit(int(Exit.FAILED))
    if fmt == "json":
        text = json.dumps(as_dict(status, failed), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{line}\n" for line in as_lines(status, failed))
    sys.exit(int(_write_stdout(text, env)))


def run() -> Any:
    """Entry point for ``python -m clipclean``."""
    return main(prog_name="clipclean")
