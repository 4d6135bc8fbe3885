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
import unicodedata

import click
from click.shell_completion import CompletionItem

from .version import __version__
from .errors import EXIT, EXIT_HELP, NewsconvError, StrictError
from .model import is_language_tag
from .options import PDF_STANDARDS
from .style import DIGIT_CHOICES, PAPERS
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
    click.echo(f"newsconv: error: {one_line(message)}", err=True)
    sys.exit(code)


def one_line(message: str) -> str:
    """``message`` as one printable line: a file name holding a newline, an escape sequence or
    bytes that are not UTF-8 shows them escaped (``\\n``, ``\\x1b``, ``\\xff``), so every message
    stays one line that a script can read and a terminal cannot be driven by."""
    return "".join(_escaped(ch) if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") else ch for ch in message)


def _escaped(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8, as Python keeps it in file names
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return ch.encode("unicode_escape").decode("ascii")


class _StderrHandler(logging.Handler):
    """Each warning as one line on the stderr of the moment (a test runner's, when invoked by one)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsconv: {record.levelname.lower()}: {one_line(record.getMessage())}", err=True)


class _StrictHandler(logging.Handler):
    """``--strict``: a warning stops the command where it is raised (exit 7), before any output is written."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source  # the input, named in the error when the warning does not name it

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        named = message if message.startswith(f"{self.source}:") or not self.source else f"{self.source}: {message}"
        raise StrictError(f"{named} (a warning; --strict makes it an error)")


def _configure_logging(quiet: bool = False, strict: bool = False, source: str = "") -> None:
    log.handlers[:] = [_StrictHandler(source) if strict else _StderrHandler()]
    log.setLevel(logging.ERROR if quiet and not strict else logging.WARNING)


strict_option = click.option("--strict", is_flag=True,
                             help="Treat every warning as an error: exit 7 and write nothing for that input.")


@click.group(cls=NewsconvGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Examples:\n\n\b\n  newsconv parse article.txt --json\n  newsconv to-pdf article.txt -o out.pdf\n"
                    "  newsconv to-html article.txt --fragment -o -\n  newsconv convert articles/ --to pdf,docx,html -O out\n"
                    "\nShell completion (bash; zsh and fish likewise):\n\n\b\n"
                    "  eval \"$(_NEWSCONV_COMPLETE=bash_source newsconv)\"\n\n" + EXIT_HELP)
@click.version_option(__version__, prog_name="newsconv")
def main() -> None:
    """Convert raw news articles (Arabic, Persian, Urdu, Hebrew, English, French) to HTML, DOCX and PDF."""
    saved = (log.handlers[:], log.level)
    click.get_current_context().call_on_close(lambda: _restore_logging(*saved))
    _configure_logging()


def _restore_logging(handlers: list, level: int) -> None:
    """The library's logger as the command found it: a process that runs commands in turn (a
    test runner, a script calling ``main``) keeps no ``--strict`` handler from an earlier one."""
    log.handlers[:] = handlers
    log.setLevel(level)


def _stacked(*options):
    """One decorator for several click options, listed in --help in the order given."""
    def apply(func):
        for option in reversed(options):
            func = option(func)
        return func
    return apply


class Text(click.ParamType):
    """Text for the document (a title, an author): refused when the shell passed bytes that are
    not UTF-8 (Python keeps them as lone surrogates, which no output format can hold)."""

    name = "text"

    def convert(self, value, param, ctx) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            byte = ord(value[exc.start]) - 0xDC00 if "\udc80" <= value[exc.start] <= "\udcff" else None
            self.fail("not valid UTF-8 text" + (f" (byte 0x{byte:02X})" if byte is not None else ""), param, ctx)
        return value


class LanguageTag(Text):
    """A BCP-47 language tag, the shape the model's ``lang`` has (``ar``, ``fa-IR``)."""

    name = "lang"

    def convert(self, value, param, ctx) -> str:
        value = super().convert(value, param, ctx)
        if not is_language_tag(value):
            self.fail("not a language tag such as ar, fa or fa-IR", param, ctx)
        return value


input_options = _stacked(  # every command that reads an article
    click.option("--from", "source_format", type=click.Choice(["txt", "json", "html"]),
                 help="Input format (default: by extension; .txt otherwise)."),
    click.option("--encoding", help="Force the input encoding (e.g. cp1256); default: detected."),
    click.option("--lang", type=LanguageTag(), help="Override the detected language (BCP-47, e.g. ar, fa, he)."),
    click.option("--dir", "direction", type=click.Choice(["rtl", "ltr"]), help="Override the detected direction."),
    click.option("--resource-path", "resource_path", multiple=True, type=click.Path(file_okay=False),
                 help="Also read images from this folder (repeatable); default: only the input's folder."),
)


@main.command("parse")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the model as JSON (the MODEL.md contract).")
@click.option("--positions", is_flag=True, help="With --json: give each block its source \"lines\": [first, last].")
@click.option("--model-version", type=click.Choice(["1", "2"]), default="2", show_default=True,
              help="JSON contract version: 1 is the view older consumers read (no meta, marks, quotes or figures).")
@input_options
def parse_command(file, as_json, positions, model_version, source_format, encoding, lang, direction, resource_path):
    """Parse FILE (or - for stdin) and print its document model."""
    from .convert import read_source
    from .output import write_stdout

    document = read_source(file, source_format=source_format, encoding=encoding, lang=lang, dir=direction,
                           resource_path=resource_path)
    if as_json:
        text = json.dumps(document.to_json(positions=positions, version=int(model_version)), ensure_ascii=False,
                          indent=1)
    else:
        from .outline import outline

        text = outline(document)
    write_stdout(f"{text}\n".encode("utf-8"))


render_options = _stacked(  # every command that writes a document
    click.option("--title", type=Text(), help="Document title for metadata (default: the article's title)."),
    click.option("--author", type=Text(), help="Author for metadata."),
    click.option("--date", type=Text(), help="Date for metadata (e.g. 2026-11-29)."),
    click.option("--style", type=click.Path(dir_okay=False), callback=lambda ctx, param, value: _house_style(value),
                 help="House style TOML file: publication, logo, header, footer, digits, sizes, fonts."),
    click.option("--paper", type=click.Choice(PAPERS), help="Paper size (PDF, DOCX; default a4 or the style's)."),
    click.option("--font", type=click.Path(dir_okay=False), help="Set the article in this TTF/OTF font."),
    click.option("--justify", is_flag=True, default=None, help="Justify body paragraphs (PDF, DOCX)."),
    click.option("--digits", type=click.Choice(DIGIT_CHOICES),
                 help="Digits of page and list numbers (default: auto, the article's)."),
    click.option("--css", help="HTML: a stylesheet file to embed after newsconv's, or a URL to link."),
    click.option("--reference-docx", type=click.Path(dir_okay=False),
                 help="DOCX: start from this template, keeping its styles, header and footer."),
)
pdf_standard_option = click.option(
    "--pdf-standard", type=click.Choice(list(PDF_STANDARDS)), default="ua-1", show_default=True,
    help="PDF: every PDF is tagged (PDF/UA-1); a-2u or a-3u makes it PDF/A-2u or PDF/A-3u as well.")


def _house_style(path):
    """The ``--style`` file read into a HouseStyle (the defaults without one)."""
    from .style import DEFAULT_STYLE, load_style

    return load_style(path) if path else DEFAULT_STYLE


def writer_command(fmt: str, summary: str):
    """Build the ``to-FMT`` command: the same options and behaviour for every writer."""

    @click.argument("file", type=click.Path())
    @click.option("-o", "--output", help=f"Output path (default: beside FILE with .{fmt}; - for stdout).")
    @input_options
    @render_options
    @strict_option
    def command(file, output, source_format, encoding, lang, direction, resource_path, strict, **rendering):
        from .convert import convert_file
        from .options import RenderOptions

        _configure_logging(strict=strict, source="<stdin>" if file == "-" else file)
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
        if fmt == "pdf":
            command = pdf_standard_option(command)
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


class Shard(click.ParamType):
    """``K/N``: the K-th of N shards of a batch (1 <= K <= N), as an indexed job's index gives it."""

    name = "K/N"

    def convert(self, value, param, ctx) -> tuple[int, int]:
        if isinstance(value, tuple):
            return value
        number, _, count = value.partition("/")
        try:
            shard = int(number), int(count)
        except ValueError:
            self.fail(f"{value!r} is not K/N (e.g. 2/8)", param, ctx)
        if not 1 <= shard[0] <= shard[1]:
            self.fail(f"{value!r}: K must be between 1 and N", param, ctx)
        return shard


@main.command("convert", epilog="""Examples:

\b
  newsconv convert articles/ --to pdf,docx,html -O out      # out/ mirrors articles/
  newsconv convert 'inbox/**/*.txt' --to pdf -j 4 --report run.json
  newsconv convert articles/ --to pdf -O out --skip-existing # finish an interrupted run
  cat article.txt | newsconv convert - --to html -O out     # writes out/stdin.html
  newsconv convert archive/ --to pdf -O out --shard 3/8     # one machine's eighth of a batch
  newsconv convert archive/ --to pdf -O out --scheduler tcp://10.0.0.5:8786

""" + EXIT_HELP)
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True, type=click.Path())
@click.option("-t", "--to", "formats", required=True, type=FormatList(), help="Output formats, e.g. pdf,docx,html.")
@click.option("-O", "--outdir", type=click.Path(file_okay=False),
              help="Write outputs here, mirroring the input folders (default: beside each input).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
@click.option("--skip-existing", is_flag=True, help="Skip inputs whose every output exists and is newer.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write a JSON report of every input.")
@click.option("--shard", type=Shard(), help="Convert only shard K of N (a stable hash of each input's path).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: tcp://HOST:PORT, or local[:N] for N local workers (pip install "
                   "'newsconv[dask]').")
@click.option("--no-shared-fs", "ships_bytes", is_flag=True,
              help="With --scheduler: the workers do not see these files; send them the inputs' bytes and "
                   "write the outputs they send back.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings (errors and the summary stay).")
@strict_option
@input_options
@render_options
@pdf_standard_option
def convert_command(inputs, formats, outdir, jobs, skip_existing, report_path, shard, scheduler, ships_bytes, quiet,
                    strict, source_format, encoding, lang, direction, resource_path, **rendering):
    """Convert every INPUT to each format in parallel; one bad file never stops the batch.

    An INPUT is a file, a folder (searched for .txt, .html and .htm articles; a model .json is
    converted when named), a quoted glob, or - for stdin.  Outputs are written whole or not at all;
    outputs that would overwrite an input or each other are reported and left alone.
    """
    from .batch import Conversion, plan, run, write_report
    from .errors import OutputError
    from .options import RenderOptions

    if ships_bytes and not scheduler:
        raise click.UsageError("--no-shared-fs goes with --scheduler")
    _configure_logging(quiet, strict)
    conversion = Conversion(formats, RenderOptions(**rendering), source_format, encoding, lang, direction,
                            tuple(resource_path))
    batch = plan(inputs, conversion, outdir=outdir, skip_existing=skip_existing, shard=shard)
    if report_path and (taken := batch.claim(report_path)):
        raise OutputError(f"{report_path}: refusing to write the report over {taken}")
    executor = None
    if scheduler and batch.tasks:
        from .cluster import connect

        executor = connect(scheduler, conversion, ships_bytes=ships_bytes)
    with _BatchConsole(len(batch.tasks) + len(batch.settled), quiet) as console, _kill_as_ctrl_c():
        report = run(batch, jobs=jobs, on_result=console.show, executor=executor)
    if report_path:
        write_report(report, report_path)
    click.echo(f"newsconv: {report.summary()}", err=True)
    warned = strict and any(result.warnings for result in report.results)
    sys.exit(EXIT.STRICT if warned and report.return_code == EXIT.OK else report.return_code)


@main.group("report")
def report_group() -> None:
    """Work with the JSON reports that convert --report writes."""


@report_group.command("merge")
@click.argument("reports", metavar="REPORT...", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The merged report.")
def merge_command(reports, output):
    """Merge the reports of a batch's shards (or of resumed runs) into one that lists every input."""
    from .batch import merge_reports, read_report, write_report

    merged = merge_reports(read_report(path) for path in reports)
    write_report(merged, output)
    click.echo(f"newsconv: {len(reports)} reports merged: {merged.summary()}", err=True)


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
        from .batch import named

        lines = [f"newsconv: error: {result.error}"] if result.error else []
        if not self.quiet:
            lines += [f"newsconv: warning: {named(result.source, message)}" for message in result.warnings]
        for line in lines:
            line = one_line(line)
            click.echo(f"\r\033[K{line}" if self.bar else line, err=True)  # erase the bar, print, redraw below
        if self.bar:
            self.bar.update(1)
