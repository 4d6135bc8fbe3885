"""Typed errors and the one exit-code table.

Library code raises these; the CLI and the batch read :data:`EXIT` to turn them into exit
codes, so a script can tell a bad input from a bad font, a full disk or a crash.
"""
from __future__ import annotations

from enum import IntEnum


class EXIT(IntEnum):
    """Every exit status newsconv returns (documented in ``--help`` and the README)."""

    OK = 0              # everything converted (or skipped)
    FAILED_INPUTS = 1   # a batch: some inputs failed, the others were converted
    USAGE = 2           # bad command line (click's convention)
    INPUT = 3           # an input cannot be read, decoded or parsed
    FORMAT = 4          # no reader/writer for the format, or an input not of the format it claims
    FONT = 5            # a --font that cannot be loaded or used
    OUTPUT = 6          # an output cannot be written
    STRICT = 7          # --strict: a warning was raised
    INTERNAL = 70       # a bug in newsconv (sysexits' EX_SOFTWARE)
    INTERRUPTED = 130   # Ctrl-C or SIGTERM (the shell's 128 + SIGINT)


EXIT_HELP = ("Exit status: 0 all converted (or skipped), 1 some batch inputs failed, 2 usage error, 3 bad input, "
             "4 unknown format, 5 bad font, 6 output not written, 7 a warning under --strict, 70 internal error, "
             "130 interrupted.")


class NewsconvError(Exception):
    """Base of every error newsconv reports to its user; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT.INPUT


class UsageError(NewsconvError):
    """An option with a value newsconv does not know (a paper size, digits), from the CLI or the API."""

    exit_code = EXIT.USAGE


class InputError(NewsconvError):
    """The input cannot be read: missing, a directory, unreadable, binary, undecodable or empty."""

    exit_code = EXIT.INPUT


class FormatError(NewsconvError):
    """No reader or writer for the requested format, or an input not of the format it claims."""

    exit_code = EXIT.FORMAT


class FontError(NewsconvError):
    """A font given with ``--font`` cannot be loaded or cannot be used."""

    exit_code = EXIT.FONT


class OutputError(NewsconvError):
    """The output cannot be written (or would overwrite the input or another output)."""

    exit_code = EXIT.OUTPUT


class StrictError(NewsconvError):
    """Under ``--strict``: a warning, raised where it was logged, so nothing is written."""

    exit_code = EXIT.STRICT
