"""Typed errors.  Library code raises these; only the CLI turns them into messages and exit codes."""


class NewsconvError(Exception):
    """Base of every error newsconv reports to its user; ``exit_code`` is what the CLI returns."""

    exit_code = 1


class InputError(NewsconvError):
    """The input cannot be read: missing, a directory, unreadable, binary, undecodable or empty."""


class FormatError(NewsconvError):
    """No reader or writer for the requested format, or an input not of the format it claims."""


class FontError(NewsconvError):
    """A font given with ``--font`` cannot be loaded or cannot be used."""


class OutputError(NewsconvError):
    """The output cannot be written (or would overwrite the input or another output)."""
