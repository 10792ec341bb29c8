"""The ``ecosysteem`` command group, its global options and the helpers every command shares.

Exit status: 0 when the command ran (whatever it found); 2 for a usage error (an unknown query, gap type, name or
option value, a bad parameter, a refused query); 1 for a data problem (a missing or malformed data file, a workbook
with problems, an output that cannot be written, a query out of time, a SPARQL server that fails) and when
``validate`` finds violations. The error is one line on stderr, ``Fout: …`` or ``Error: …`` in the command's
language, never a traceback; each :class:`~ecosysteem.errors.EcosysteemError` says which kind it is (its
``exit_kind``). Heavy modules are imported inside the commands so that ``ecosysteem --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click

from ecosysteem.errors import ExitKind

if TYPE_CHECKING:
    from ecosysteem.graph import Ecosystem

__all__ = [
    "EXIT_STATUS",
    "InputError",
    "Settings",
    "choice_option",
    "cli",
    "current_lang",
    "errors_as_input_errors",
    "fmt_option",
    "lang_option",
    "main",
    "no_personal_data_option",
    "number_option",
    "output_option",
    "say",
    "text_or_json_option",
    "write_or_print",
]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
F = TypeVar("F", bound=Callable[..., Any])


EXIT_STATUS: dict[ExitKind, int] = {"usage": 2, "data": 1}
"""The exit status for each kind of error (click's own usage errors exit with 2 too)."""


class InputError(click.ClickException):
    """A usage error (exit status 2) or a data problem (exit status 1): one line on stderr, no traceback.

    ``message`` is already in the command's language (see :func:`say`).
    """

    def __init__(self, message: str, kind: ExitKind = "usage") -> None:
        super().__init__(" ".join(message.split()))  # one line, whatever the message held
        self.exit_code = EXIT_STATUS[kind]  # type: ignore[misc]  # click reads it from the instance
        self.lang = current_lang()  # shown after the command's context has closed

    def show(self, file: Any = None) -> None:
        """Print ``Fout: …`` (Dutch) or ``Error: …`` (English) on stderr."""
        prefix = "Error" if self.lang == "en" else "Fout"
        click.echo(f"{prefix}: {self.format_message()}", err=True, file=file)


@dataclass
class Settings:
    """The global options, and the graph built from them on first use."""

    data: tuple[Path, ...] = ()
    defaults: bool = True
    personal_data: bool = True
    """False with ``--no-personal-data``: persons and their names are left out of everything a command shows."""
    store: str | None = None
    """The store spec from ``--store`` / ``$ECOSYSTEEM_STORE`` (``None``: Oxigraph in memory)."""
    quiet: bool = False
    """True with ``--quiet``: no progress bars."""
    lang: str = "nl"
    """The language of messages and output: ``--lang`` (global or after the command), else ``$ECOSYSTEEM_LANG``."""
    _eco: Ecosystem | None = field(default=None, repr=False)
    _stripped: bool = field(default=False, repr=False)

    def ecosystem(self) -> Ecosystem:
        if self._eco is None:
            from ecosysteem import load

            self._eco = load(*self.data, defaults=self.defaults, store=self.store)
        if not self.personal_data and not self._stripped:
            from ecosysteem.graph.privacy import without_personal_data

            original = self._eco
            self._eco, self._stripped = without_personal_data(original), True
            original.close()  # the copy is self-contained; release a persistent store's directory now
        assert self._eco is not None
        return self._eco

    def close(self) -> None:
        """Close the store the graph lives in (a persistent store's directory is released)."""
        if self._eco is not None:
            self._eco.close()


def current_lang() -> str:
    """The language of the running command (``nl`` outside a command)."""
    ctx = click.get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx is not None else None
    return settings.lang if settings is not None else "nl"


def say(nl: str, en: str) -> str:
    """Pick the Dutch or the English text of a message, by the command's language."""
    return en if current_lang() == "en" else nl


class errors_as_input_errors:
    """Turn an :class:`~ecosysteem.errors.EcosysteemError` (or an ``OSError`` on a file) into a one-line CLI error.

    The message is in the command's language; the exit status is the error's kind (:data:`EXIT_STATUS`). The
    command group wraps every command in it (:class:`_Commands`), so a command does not need to.
    """

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> Literal[False]:
        from ecosysteem.errors import EcosysteemError

        if isinstance(exc, EcosysteemError):
            raise InputError(exc.message(current_lang()), exc.exit_kind) from None
        if isinstance(exc, OSError) and exc.filename:  # a file the library did not foresee: still one line
            why = exc.strerror or str(exc)
            raise InputError(
                say(f"{exc.filename}: kan dit bestand niet gebruiken ({why})", f"{exc.filename}: {why}"), "data"
            ) from None
        return False


class _Commands(click.Group):
    """The ``ecosysteem`` group: an error of any of its commands (and of their subcommands) ends as one line."""

    def invoke(self, ctx: click.Context) -> Any:
        with errors_as_input_errors():
            return super().invoke(ctx)


def write_or_print(text: str, output: Path | None) -> None:
    """Write ``text`` atomically to ``output``, or print it when no output is given."""
    if output is None:
        click.echo(text)
        return
    from ecosysteem.output import write_atomic

    write_atomic(output, text if text.endswith("\n") else text + "\n")
    click.echo(say(f"Geschreven: {output}", f"Wrote {output}"), err=True)


_PATHS = {
    "file": click.Path(dir_okay=False, path_type=Path),
    "folder": click.Path(file_okay=False, path_type=Path),
    "any": click.Path(path_type=Path),
}


def output_option(
    help: str = "Write to this file instead of stdout.",
    *,
    required: bool = False,
    kind: Literal["file", "folder", "any"] = "file",
    callback: Callable[[click.Context, click.Parameter, Any], Any] | None = None,
) -> Callable[[F], F]:
    """The ``-o/--output`` option of every command that writes: a file (default), a folder, or either."""
    return click.option("-o", "--output", required=required, type=_PATHS[kind], callback=callback, help=help)


def choice_option(
    *decls: str, choices: Sequence[str], default: str | None = None, help: str | None = None
) -> Callable[[F], F]:
    """An option that takes one of ``choices``; its default, if any, shows in ``--help``."""
    return click.option(
        *decls, type=click.Choice(list(choices)), default=default, show_default=default is not None, help=help
    )


def number_option(
    *decls: str, minimum: int | float, default: int | float, help: str, metavar: str | None = None
) -> Callable[[F], F]:
    """An option that takes a number of at least ``minimum`` (a whole number unless ``minimum`` is a float)."""
    kind = click.FloatRange(min=minimum) if isinstance(minimum, float) else click.IntRange(min=minimum)
    return click.option(*decls, type=kind, default=default, show_default=True, metavar=metavar, help=help)


@click.group(cls=_Commands, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--data",
    "data",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An RDF file (Turtle, JSON-LD, N-Triples, RDF/XML) to add to the graph. Repeatable.",
)
@click.option("--no-defaults", is_flag=True, help="Start from the ontology only, without the default datasets.")
@click.option(
    "--no-personal-data",
    is_flag=True,
    help="Leave persons out, and replace their names in every text by [persoon] / [person] (AVG/GDPR).",
)
@click.option(
    "--store",
    envvar="ECOSYSTEEM_STORE",
    metavar="SPEC",
    help="Where the graph lives: oxigraph (default, in memory), oxigraph:DIR (kept on disk, reopened without "
    "reloading), memory (rdflib, pure Python) or sparql:URL (a SPARQL 1.1 endpoint; credentials only from "
    "ECOSYSTEEM_SPARQL_USER/_PASSWORD). Default: $ECOSYSTEEM_STORE, else oxigraph.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bars (they only show on a terminal anyway).")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    envvar="ECOSYSTEEM_LANG",
    default="nl",
    show_default=True,
    help="Language of messages and output (Dutch or English). Default: $ECOSYSTEEM_LANG, else nl.",
)
@click.version_option(package_name="ecosysteem", prog_name="ecosysteem")
@click.pass_context
def cli(
    ctx: click.Context,
    data: tuple[Path, ...],
    no_defaults: bool,
    no_personal_data: bool,
    store: str | None,
    quiet: bool,
    lang: str,
) -> None:
    """ecosysteem — the knowledge graph of the Dutch palliative-care ecosystem.

    Loads the ontology and the default datasets (the bijenkorf model and the seed plans), plus your own files
    given with --data, and lets you inspect, validate and export the graph.

    \b
    Examples:
      ecosysteem info
      ecosysteem --data mijn-netwerk.ttl validate
      ecosysteem export --format json-ld -o ecosysteem.jsonld
    """
    ctx.obj = Settings(
        data=data,
        defaults=not no_defaults,
        personal_data=not no_personal_data,
        store=store or None,
        quiet=quiet,
        lang=lang,
    )
    ctx.call_on_close(ctx.obj.close)
    if not quiet and sys.stderr.isatty():
        from ecosysteem._progress import reporting

        ctx.with_resource(reporting(progress_bar))


@contextlib.contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A click progress bar on stderr: the reporter the command line installs on a terminal."""
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


def main() -> None:
    """Entry point of the ``ecosysteem`` console script."""
    try:
        cli(prog_name="ecosysteem")
    finally:
        # The process ends here: spare it the interpreter's last garbage collection over everything the command
        # built (half a second after a national report), which frees nothing the exit would not free anyway.
        gc.freeze()


def _drop_personal_data(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    settings = ctx.find_object(Settings)
    if value and settings is not None:
        settings.personal_data = False


no_personal_data_option = click.option(
    "--no-personal-data",
    is_flag=True,
    expose_value=False,
    callback=_drop_personal_data,
    help="Leave persons and their names out (same as the global option).",
)
"""Lets a command accept ``--no-personal-data`` after its name too; it sets the global :class:`Settings` flag."""


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    settings = ctx.find_object(Settings)
    if settings is None:
        return value or "nl"
    if value is not None:
        settings.lang = value
    return settings.lang


lang_option = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    callback=_set_lang,
    help="Language of messages and output: nl (default, or $ECOSYSTEEM_LANG) or en.",
)
"""Lets a command take ``--lang`` after its name too; it sets :attr:`Settings.lang` and passes the language on."""


text_or_json_option = choice_option("--format", "fmt", choices=("text", "json"), default="text")
"""``--format text|json`` of the commands that print a report (``validate``, ``diff``): readable text, or JSON."""


def fmt_option(default: str = "table") -> Callable[[F], F]:
    """``--format`` of the commands that print a table: table, csv, json or markdown."""
    return choice_option(
        "--format", "fmt", choices=("table", "csv", "json", "markdown"), default=default, help="Output format."
    )
