"""Text services shared by readers and writers, each decided here once: scripts and languages
(``script``, ``languages``), bidi levels and direction runs (``bidi``), the characters text may
hold (``valid``) and shaping (``shaping``)."""
