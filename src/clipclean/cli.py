"""The command line: thin click commands over the library (every command is a library call).

clipclean [OPTIONS] [FILE]...     clean pages (the default command; "-" or nothing = stdin)
clipclean stages                  the cleaning stages, in order
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

from . import __version__, clean, emit
from .controls import terminal_safe
from .files import atomic_write
from .pipeline import UnknownStageError, check_stage_names
from .read import MAX_BYTES, InputError


class Exit(enum.IntEnum):
    """Exit codes, shown in --help."""

    OK = 0
    FAILED = 1  # some inputs could not be cleaned
    USAGE = 2  # bad option or argument
    LOCKED = 75  # batch: another run holds the lock
    INTERRUPTED = 130  # SIGINT
    BROKEN_PIPE = 141  # the reader went away (`clipclean page.html | head -1`), as 128+SIGPIPE


def _utf8_stdout() -> IO[str]:
    """stdout as UTF-8 whatever the locale says: the output formats are UTF-8 by definition."""
    out = sys.stdout
    if (out.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            out.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
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
@click.version_option(__version__, prog_name="clipclean")
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
        data = env.stdin.read(max_bytes + 1)
    else:
        with open(name, "rb") as f:
            data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input exceeds {max_bytes} bytes (see --max-bytes)")
    return data


def shown_name(name: str) -> str:
    """A file name safe for one line of a terminal: undecodable bytes as \\xNN, controls
    (newlines included) escaped."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _cause(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, InputError):
        return terminal_safe(str(exc)).replace("\n", " ")
    return f"internal error ({type(exc).__name__}: {terminal_safe(str(exc))[:200]})".replace(
        "\n", " "
    )


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
        env.error(f"<stdout>: {_cause(exc)}")
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
            env.error(f"{label}: {_cause(exc)}")
            failed = True
    separator = emit.TEXT_SEPARATOR if fmt == "text" else ""
    text = separator.join(rendered)
    if output:
        try:
            atomic_write(output, text)
        except OSError as exc:
            env.error(f"{shown_name(output)}: {_cause(exc)}")
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
    """Clean FILE(s) ("-" or none: stdin) and print the article(s)."""
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


def run() -> Any:
    """Entry point for ``python -m clipclean``."""
    return main(prog_name="clipclean")
