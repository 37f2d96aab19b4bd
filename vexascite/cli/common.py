"""What every command shares: the consoles, JSON output, messages, error handling.

This is the one place where exceptions become messages and exit codes (see
:mod:`vexascite.errors`). Data goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..config import Settings
from ..errors import InputUnreadable, Interrupted, VexasciteError, error_for_os
from ..wording import DIRECTION_CONTROLS
from ..wording import quantity as _quantity

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

F = TypeVar("F", bound=Callable[..., Any])

class _RowId(click.IntRange):
    """A row id (``--accept ID``) as a command reads it: one past the largest number the
    library stores (an SQLite integer) is a usage error (exit 2), not a failure of the
    database call. Its help names no range: every id the library gives fits."""

    def _describe_range(self) -> str:
        return ""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.INT.convert(value, param, ctx)  # not a whole number: click's own message
        if self.max is not None and number > self.max:
            self.fail(f"{number} is larger than any id the library gives", param, ctx)
        return number


ROW_ID = _RowId(max=2**63 - 1)
#: A limit (``--limit N``): 1 or more, and at most a billion (a search asks for a multiple of it).
LIMIT = click.IntRange(min=1, max=10**9)

#: The rich consoles, made on first use: rich takes longer to import than most commands
#: take to run, and ``--help``, JSON output or a table never needs it.
stdout: Console | None = None
stderr: Console | None = None


#: C0 and C1 control characters (tabs, line ends, escapes), the line and paragraph
#: separators and the bidirectional embeddings, overrides and isolates, as spaces: text
#: from a library or a file never drives the terminal or reorders what is around it.
CONTROLS = dict.fromkeys(
    [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, *DIRECTION_CONTROLS], " "
)
_CONTROLS_BUT_LINES = {code: space for code, space in CONTROLS.items() if code != 0x0A}


def inert(text: str) -> str:
    """Text as printed for people: controls as spaces, its line ends kept."""
    return text.translate(_CONTROLS_BUT_LINES)


def _inert_console(**options: Any) -> Console:
    """A rich console whose printed text (strings and ``Text``) is inert: an escape
    sequence in a title, a raw reference or a note is shown, never obeyed."""
    from rich.console import Console
    from rich.text import Text

    class InertConsole(Console):
        def print(self, *objects: Any, **kwargs: Any) -> None:
            made = []
            for thing in objects:
                if isinstance(thing, str):
                    thing = inert(thing)
                elif isinstance(thing, Text):
                    thing = thing.copy()
                    thing.plain = inert(thing.plain)  # same length: the styles stay where they were
                made.append(thing)
            super().print(*made, **kwargs)

        def on_broken_pipe(self) -> None:
            """A reader that went away: to :func:`handle_errors`, which ends quietly with 0
            (rich's own handling exits 1)."""
            self.quiet = True
            raise BrokenPipeError

    return InertConsole(**options)


def out() -> Console:
    """The console on stdout (for tables and styled text)."""
    global stdout
    if stdout is None:
        stdout = _inert_console(soft_wrap=True)
    return stdout


def err() -> Console:
    """The console on stderr (for progress bars)."""
    global stderr
    if stderr is None:
        stderr = _inert_console(stderr=True, soft_wrap=True)
    return stderr


def stderr_is_terminal() -> bool:
    """Whether progress bars belong on stderr (rich's own answer; without importing rich
    when stderr is plainly a pipe or file and no variable says to treat it as a terminal)."""
    if stderr is None and "TTY_COMPATIBLE" not in os.environ and "FORCE_COLOR" not in os.environ:
        try:
            if not sys.stderr.isatty():
                return False
        except (AttributeError, ValueError):
            return False
    return err().is_terminal


def rich_text(*args: Any, **options: Any) -> Text:
    """Rich text, never markup: what it holds is shown as is."""
    from rich.text import Text

    return Text(*args, **options)


#: Characters JSON leaves unescaped, escaped (the same JSON): the line ends of
#: ``str.splitlines`` and some JSON Lines readers, so one item stays one line whatever text
#: it holds, and DEL, the C1 controls (U+009B starts an escape sequence in some terminals)
#: and the direction overrides and isolates, so JSON printed to a terminal is inert too.
_ESCAPED_IN_JSON = str.maketrans({chr(code): f"\\u{code:04x}" for code in (0x2028, 0x2029, *range(0x7F, 0xA0), *DIRECTION_CONTROLS)})


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON as the command line prints it: UTF-8 text, every line break and control escaped."""
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str).translate(_ESCAPED_IN_JSON)


def emit_json(value: Any) -> None:
    click.echo(json_text(value, indent=2))


def emit_jsonl(items: Any) -> None:
    for item in items:
        click.echo(json_text(item))


def warn(message: str) -> None:
    """A message on stderr; what it quotes of a file or the library is inert."""
    click.echo(inert(message), err=True)


_LINE_END = re.compile(r"\r\n|\r|\n")


def read_stdin(what: str) -> bytes:
    """All of stdin; on a terminal, first a hint on stderr, so a command run without input
    is not mistaken for one that hangs (nothing is said when input is piped)."""
    try:
        typing = sys.stdin.isatty()
    except (AttributeError, ValueError):
        typing = False
    if typing:
        warn(f"reading {what} from standard input; end with Ctrl-D")
    return sys.stdin.buffer.read()


def read_lines(path: str, what: str = "reference strings") -> list[str]:
    """The lines of a text file (``-``: stdin) without their line ends (one statement or
    reference each, ``what`` they are), decoded as ``parse`` decodes them: what decoding
    did is said by line."""
    from .. import api

    name = "stdin" if path == "-" else path
    try:
        data = read_stdin("lines") if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputUnreadable(f"{name}: cannot read: {exc.strerror or exc}") from exc
    text, notes = api.text_reading(data, name, what)
    for note in notes:
        warn(note)
    lines = _LINE_END.split(text)
    return lines[:-1] if lines[-1] == "" else lines


def say_removed(item: Any) -> None:
    """The works a changed file (a reference file, a manuscript's list) no longer holds and
    nothing else held, removed with its earlier entries: named, never gone in silence."""
    if item.removed:
        shown = ", ".join(item.removed[:10]) + (", ..." if len(item.removed) > 10 else "")
        warn(
            f"  {item.path}: {_quantity(len(item.removed), 'work')} no longer in the file and held by nothing else"
            f" {'was' if len(item.removed) == 1 else 'were'} removed from the library ({shown});"
            " importing the earlier version of the file brings them back"
        )
    if getattr(item, "kept", None):
        shown = ", ".join(item.kept[:10]) + (", ..." if len(item.kept) > 10 else "")
        warn(
            f"  {item.path}: {_quantity(len(item.kept), 'work')} no longer in the file but held by a tag, note,"
            f" collection or citation {'keeps its' if len(item.kept) == 1 else 'keep their'} earlier entries, as"
            f" without them {'it' if len(item.kept) == 1 else 'they'} would have no record ({shown});"
            " 'vexascite remove KEY' moves one to the trash"
        )


def evidence_line(evidence: dict[str, Any] | None) -> str:
    """One citation's best abstract sentence with its support score, or why there is none."""
    if not evidence:
        return ""
    if not evidence["checked"]:
        return f"({evidence['note']})"
    if not evidence["sentences"]:
        return "(no sentence of the abstract bears on the claim)"
    best = evidence["sentences"][0]
    return f"{best['sentence']} [support {best['score']:.2f}]"


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


#: What Ctrl-C leaves: every write is one transaction, so what was finished is kept.
INTERRUPTED = (
    "interrupted: each file, work or change finished before it is saved, the one under way was not"
    " written (each is one transaction); run the command again to go on"
)


def handle_errors(func: F) -> F:
    """Turn vexascite and OS errors into a one-line message and their exit code.

    A reader that went away (broken pipe) ends the command quietly with 0; a full or
    failing stdout is exit 5 with one line on stderr, never a traceback; Ctrl-C is exit
    130 (128 + SIGINT, as shells report it) with what was kept, not click's bare "Aborted!".
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a full stdout fails here, not in the interpreter's exit
            return result
        except VexasciteError as exc:
            warn(f"vexascite: {exc}")
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(0)
        except KeyboardInterrupt as exc:
            warn(f"vexascite: {exc if isinstance(exc, Interrupted) else INTERRUPTED}")
            sys.exit(Interrupted.exit_code)
        except OSError as exc:
            error = error_for_os(exc, exc.filename or "output")
            _silence_stdout()
            warn(f"vexascite: {error}")
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_on_terminal() -> Iterator[None]:
    """A progress bar on stderr while the block runs, when stderr is a terminal; nothing when piped."""
    if not stderr_is_terminal():
        yield
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from ..progress import listening

    tasks: dict[str, Any] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err(), transient=True) as bar:

        def listener(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        with listening(listener):
            yield


def settings_of(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings
