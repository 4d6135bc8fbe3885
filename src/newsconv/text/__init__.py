"""Text services shared by readers and writers: scripts, languages and directions (``script``),
and for the PDF writer bidi runs and shaping."""
