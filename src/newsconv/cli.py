"""The command line: wires options to the library and turns errors into one-line messages.

Nothing here parses or renders; see ``newsconv.parse`` and ``newsconv.render``.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys

import click
from click.shell_completion import CompletionItem

from . import __version__
from .errors import EXIT, EXIT_HELP, NewsconvError
from .writers import WRITERS

log = logging.getLogger("newsconv")


class NewsconvGroup(click.Group):
    """A click group whose commands report NewsconvError (and any crash) as one line on stderr."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsconvError as exc:
            _fail(str(exc), int(exc.exit_code))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", EXIT.INTERRUPTED)
        except Exception as exc:  # never a traceback for the user; NEWSCONV_DEBUG=1 shows it
            if os.environ.get("NEWSCONV_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc}", EXIT.INTERNAL)


def _fail(message: str, code: int) -> None:
    click.echo(f"newsconv: error: {message}", err=True)
    sys.exit(code)


class _StderrHandler(logging.Handler):
    """Each warning as one line on the stderr of the moment (a test runner's, when invoked by one)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsconv: {record.levelname.lower()}: {record.getMessage()}", err=True)


def _configure_logging(quiet: bool = False) -> None:
    log.handlers[:] = [_StderrHandler()]
    log.setLevel(logging.ERROR if quiet else logging.WARNING)


@click.group(cls=NewsconvGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Examples:\n\n\b\n  newsconv parse article.txt --json\n  newsconv to-pdf article.txt -o out.pdf\n"
                    "  newsconv to-html article.txt --fragment -o -\n  newsconv convert articles/ --to pdf,docx,html -O out\n"
                    "\nShell completion (bash; zsh and fish likewise):\n\n\b\n"
                    "  eval \"$(_NEWSCONV_COMPLETE=bash_source newsconv)\"\n\n" + EXIT_HELP)
@click.version_option(__version__, prog_name="newsconv")
def main() -> None:
    """Convert raw news articles (Arabic, Persian, Urdu, Hebrew, English, French) to HTML, DOCX and PDF."""
    _configure_logging()


def _stacked(*options):
    """One decorator for several click options, listed in --help in the order given."""
    def apply(func):
        for option in reversed(options):
            func = option(func)
        return func
    return apply


input_options = _stacked(  # every command that reads an article
    click.option("--from", "source_format", type=click.Choice(["txt", "json", "html"]),
                 help="Input format (default: by extension; .txt otherwise)."),
    click.option("--encoding", help="Force the input encoding (e.g. cp1256); default: detected."),
    click.option("--lang", help="Override the detected language (BCP-47, e.g. ar, fa, he)."),
    click.option("--dir", "direction", type=click.Choice(["rtl", "ltr"]), help="Override the detected direction."),
    click.option("--resource-path", "resource_path", multiple=True, type=click.Path(file_okay=False),
                 help="Also read images from this folder (repeatable); default: only the input's folder."),
)


@main.command("parse")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the model as JSON (the MODEL.md contract).")
@click.option("--model-version", type=click.Choice(["1", "2"]), default="2", show_default=True,
              help="JSON contract version: 1 is the view older consumers read (no meta, marks, quotes or figures).")
@input_options
def parse_command(file, as_json, model_version, source_format, encoding, lang, direction, resource_path):
    """Parse FILE (or - for stdin) and print its document model."""
    from .convert import read_source

    document = read_source(file, source_format=source_format, encoding=encoding, lang=lang, dir=direction,
                           resource_path=resource_path)
    if as_json:
        click.echo(json.dumps(document.to_json(version=int(model_version)), ensure_ascii=False, indent=1))
    else:
        from .outline import outline

        click.echo(outline(document))


render_options = _stacked(  # every command that writes a document
    click.option("--title", help="Document title for metadata (default: the article's title)."),
    click.option("--author", help="Author for metadata."),
    click.option("--date", help="Date for metadata (e.g. 2026-11-29)."),
    click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
                 help="Paper size (PDF, DOCX)."),
    click.option("--font", type=click.Path(dir_okay=False), help="Set the article in this TTF/OTF font."),
    click.option("--justify", is_flag=True, help="Justify body paragraphs (PDF, DOCX)."),
)


def writer_command(fmt: str, summary: str):
    """Build the ``to-FMT`` command: the same options and behaviour for every writer."""

    @click.argument("file", type=click.Path())
    @click.option("-o", "--output", help=f"Output path (default: beside FILE with .{fmt}; - for stdout).")
    @input_options
    @render_options
    def command(file, output, source_format, encoding, lang, direction, resource_path, **rendering):
        from .convert import convert_file
        from .options import RenderOptions

        convert_file(file, fmt, output, source_format=source_format, encoding=encoding, lang=lang, dir=direction,
                     options=RenderOptions(**rendering), resource_path=resource_path)

    command.__doc__ = f"{summary}\n\nFILE is a .txt article, a model .json or an .html page; - reads stdin."
    return command


def _register_writer_commands() -> None:
    summaries = {"pdf": "Convert FILE to a right-to-left aware PDF with embedded fonts.",
                 "docx": "Convert FILE to a DOCX that Word and LibreOffice open right-to-left.",
                 "html": "Convert FILE to a standalone HTML5 document."}
    for fmt, summary in summaries.items():
        command = writer_command(fmt, summary)
        if fmt == "html":
            command = click.option("--fragment", is_flag=True, help="Emit only the <article> element.")(command)
        main.command(f"to-{fmt}")(command)


_register_writer_commands()


class FormatList(click.ParamType):
    """``pdf,docx,html``: one or more output formats, comma-separated."""

    name = "formats"

    def convert(self, value, param, ctx) -> tuple[str, ...]:
        formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
        unknown = [f for f in formats if f not in WRITERS]
        if unknown or not formats:
            self.fail(f"{', '.join(unknown) or repr(value)}: not an output format (choose from {', '.join(WRITERS)})",
                      param, ctx)
        return formats

    def shell_complete(self, ctx, param, incomplete):
        done, _, last = incomplete.rpartition(",")
        prefix = f"{done}," if done else ""
        return [CompletionItem(prefix + f) for f in WRITERS if f.startswith(last)]


@main.command("convert", epilog="""Examples:

\b
  newsconv convert articles/ --to pdf,docx,html -O out      # out/ mirrors articles/
  newsconv convert 'inbox/**/*.txt' --to pdf -j 4 --report run.json
  newsconv convert articles/ --to pdf -O out --skip-existing # finish an interrupted run
  cat article.txt | newsconv convert - --to html -O out     # writes out/stdin.html

""" + EXIT_HELP)
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True, type=click.Path())
@click.option("-t", "--to", "formats", required=True, type=FormatList(), help="Output formats, e.g. pdf,docx,html.")
@click.option("-O", "--outdir", type=click.Path(file_okay=False),
              help="Write outputs here, mirroring the input folders (default: beside each input).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
@click.option("--skip-existing", is_flag=True, help="Skip inputs whose every output exists and is newer.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write a JSON report of every input.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings (errors and the summary stay).")
@input_options
@render_options
def convert_command(inputs, formats, outdir, jobs, skip_existing, report_path, quiet, source_format, encoding, lang,
                    direction, resource_path, **rendering):
    """Convert every INPUT to each format in parallel; one bad file never stops the batch.

    An INPUT is a file, a folder (searched for .txt, .html and .htm articles; a model .json is
    converted when named), a quoted glob, or - for stdin.  Outputs are written whole or not at all;
    outputs that would overwrite an input or each other are reported and left alone.
    """
    from .batch import Conversion, plan, run, write_report
    from .options import RenderOptions

    _configure_logging(quiet)
    conversion = Conversion(formats, RenderOptions(**rendering), source_format, encoding, lang, direction,
                            resource_path)
    batch = plan(inputs, conversion, outdir=outdir, skip_existing=skip_existing)
    with _BatchConsole(len(batch.tasks) + len(batch.settled), quiet) as console, _kill_as_ctrl_c():
        report = run(batch, jobs=jobs, on_result=console.show)
    if report_path:
        write_report(report, report_path)
    click.echo(f"newsconv: {report.summary()}", err=True)
    sys.exit(report.return_code)


@contextlib.contextmanager
def _kill_as_ctrl_c():
    """A kill (as a nightly job's timeout sends) stops the batch as Ctrl-C does: summary and report still written."""
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _BatchConsole:
    """Standard error during a batch: a line per error and warning, above a progress bar drawn
    only for a person watching (a terminal, without --quiet)."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None if quiet or not sys.stderr.isatty() else click.progressbar(
            length=total, label="converting", file=sys.stderr)

    def __enter__(self) -> "_BatchConsole":
        if self.bar:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.bar:
            self.bar.__exit__(*exc_info)

    def show(self, result) -> None:
        lines = [f"newsconv: error: {result.error}"] if result.error else []
        if not self.quiet:
            lines += [f"newsconv: warning: {result.source}: {message}" for message in result.warnings]
        for line in lines:
            click.echo(f"\r\033[K{line}" if self.bar else line, err=True)  # erase the bar, print, redraw below
        if self.bar:
            self.bar.update(1)
