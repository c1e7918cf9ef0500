"""The command line: thin click commands over the library (every command is a library call).

clipclean [OPTIONS] [FILE]...     clean pages (the default command; "-" or nothing = stdin)
clipclean stages                  the cleaning stages, in order
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass, field
from typing import IO, Any

import click

from . import __version__, clean, emit
from .files import atomic_write
from .pipeline import UnknownStageError, check_stage_names
from .read import InputError


class Exit(enum.IntEnum):
    """Exit codes, shown in --help."""

    OK = 0
    FAILED = 1  # some inputs could not be cleaned
    USAGE = 2  # bad option or argument
    LOCKED = 75  # batch: another run holds the lock
    INTERRUPTED = 130  # SIGINT


@dataclass
class Environment:
    """The streams a command talks to, injectable in tests (httpie's idea)."""

    stdin: IO[bytes] = field(default_factory=lambda: sys.stdin.buffer)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
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


def _read_input(name: str, env: Environment) -> bytes:
    if name == "-":
        return env.stdin.read()
    with open(name, "rb") as f:
        return f.read()


def _cause(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


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
) -> Exit:
    """Clean each input and write its rendering; one stderr line per failed input."""
    rendered: list[str] = []
    failed = False
    for name in files or ("-",):
        label = "<stdin>" if name == "-" else name
        try:
            data = _read_input(name, env)
            article = clean(
                data, url=url, kind=kind, skip_stages=skip, path=None if name == "-" else name
            )
        except (InputError, OSError) as exc:
            env.error(f"{label}: {_cause(exc)}")
            failed = True
            continue
        rendered.append(emit.render(article, fmt, explain))
    separator = emit.TEXT_SEPARATOR if fmt == "text" else ""
    text = separator.join(rendered)
    if output:
        try:
            atomic_write(output, text)
        except OSError as exc:
            env.error(f"{output}: {_cause(exc)}")
            return Exit.FAILED
    elif text:
        env.stdout.write(text)
        env.stdout.flush()
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
def clean_cmd(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    explain: bool,
    skip: tuple[str, ...],
    kind: str | None,
    url: str | None,
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
