"""The command line: wires options to the library and turns errors into one-line messages.

Nothing here parses or renders; see ``newsconv.parse`` and ``newsconv.render``.
"""
from __future__ import annotations

import json
import logging
import os
import sys

import click

from . import __version__
from .errors import NewsconvError

EXIT_USAGE = 2
EXIT_INTERNAL = 70
log = logging.getLogger("newsconv")


class NewsconvGroup(click.Group):
    """A click group whose commands report NewsconvError (and any crash) as one line on stderr."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsconvError as exc:
            _fail(str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:  # never a traceback for the user; NEWSCONV_DEBUG=1 shows it
            if os.environ.get("NEWSCONV_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc}", EXIT_INTERNAL)


def _fail(message: str, code: int) -> None:
    click.echo(f"newsconv: error: {message}", err=True)
    sys.exit(code)


class _WarningFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"newsconv: {record.levelname.lower()}: {record.getMessage()}"


def _configure_logging(quiet: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_WarningFormatter())
    log.handlers[:] = [handler]
    log.setLevel(logging.ERROR if quiet else logging.WARNING)
    log.propagate = False


@click.group(cls=NewsconvGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Examples:\n\n\b\n  newsconv parse article.txt --json\n  newsconv to-pdf article.txt -o out.pdf\n"
                    "  newsconv to-html article.txt --fragment -o -")
@click.version_option(__version__, prog_name="newsconv")
def main() -> None:
    """Convert raw news articles (Arabic, Persian, Urdu, Hebrew, English, French) to HTML, DOCX and PDF."""
    _configure_logging()


def input_options(func):
    """Options every command that reads an article takes."""
    for option in reversed([
        click.option("--from", "source_format", type=click.Choice(["txt", "json", "html"]),
                     help="Input format (default: by extension; .txt otherwise)."),
        click.option("--encoding", help="Force the input encoding (e.g. cp1256); default: detected."),
        click.option("--lang", help="Override the detected language (BCP-47, e.g. ar, fa, he)."),
        click.option("--dir", "direction", type=click.Choice(["rtl", "ltr"]), help="Override the detected direction."),
    ]):
        func = option(func)
    return func


@main.command("parse")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the model as JSON (the MODEL.md contract).")
@input_options
def parse_command(file, as_json, source_format, encoding, lang, direction):
    """Parse FILE (or - for stdin) and print its document model."""
    from .convert import read_source

    document = read_source(file, source_format=source_format, encoding=encoding, lang=lang, dir=direction)
    if as_json:
        click.echo(json.dumps(document.to_json(), ensure_ascii=False, indent=1))
    else:
        from .outline import outline

        click.echo(outline(document))


def writer_command(fmt: str, summary: str):
    """Build the ``to-FMT`` command: the same options and behaviour for every writer."""

    @click.argument("file")
    @click.option("-o", "--output", help=f"Output path (default: beside FILE with .{fmt}; - for stdout).")
    @input_options
    @click.option("--title", help="Document title for metadata (default: the article's title).")
    @click.option("--author", help="Author for metadata.")
    @click.option("--date", help="Date for metadata (e.g. 2026-11-29).")
    @click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
                  help="Paper size (PDF, DOCX).")
    @click.option("--font", type=click.Path(dir_okay=False), help="Set the article in this TTF/OTF font.")
    @click.option("--justify", is_flag=True, help="Justify body paragraphs (PDF, DOCX).")
    def command(file, output, source_format, encoding, lang, direction, **render_options):
        from .convert import convert_file
        from .options import RenderOptions

        convert_file(file, fmt, output, source_format=source_format, encoding=encoding, lang=lang, dir=direction,
                     options=RenderOptions(**render_options))

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
