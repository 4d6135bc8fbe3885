"""newsconv's version, in a module of its own so that writers (the HTML generator tag) and the
batch report can name it without importing the package root."""

__version__ = "0.1.0"
