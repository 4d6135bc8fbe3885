"""Pages of drawing operations, and the document around them (catalog, pages, metadata).

Everything drawn is either marked content of a structure element (``tagged``) or an
artifact (``artifact``: page numbers, repeated table headers, the table grid), as a tagged
PDF requires (PDF/UA-1 7.1); the structure tree, outline and XMP go in the catalog.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator, Optional

from .archival import output_intent
from .bookmarks import write_outline
from .glyphfont import EmbeddedFont, Face
from .metadata import Metadata
from .pdffile import PdfFile, number, text_string
from .structure import Element, StructureTree

PAGINATION = "<< /Type /Pagination >>"
LAYOUT = "<< /Type /Layout >>"

number_ = number  # the PDF number formatter, where a parameter is called ``number``


class Canvas:
    """Collects each page's content stream and the fonts it draws with, then writes the file."""

    def __init__(self, page_width: float, page_height: float, structure: StructureTree):
        self.pdf = PdfFile()
        self.page_size = (page_width, page_height)
        self.structure = structure
        self._in_artifact = False
        self.fonts: dict[Face, tuple[str, EmbeddedFont]] = {}
        self._annotations: list[int] = []  # the current page's links
        self._links: list[tuple[int, str, int]] = []  # every link annotation: (object, body, page index)
        self._ops: list[str] = []
        self._pages: list[int] = []
        self._running: list[int] = []  # each page's stream for its header and footer
        self._pages_number = self.pdf.reserve()
        self._resources = self.pdf.reserve()  # one dictionary shared by all pages, written last
        self._images: dict[str, int] = {}

    def font(self, face: Face) -> tuple[str, EmbeddedFont]:
        """The page resource name and the embedded font of ``face`` (made on first use)."""
        if face not in self.fonts:
            self.fonts[face] = (f"F{len(self.fonts) + 1}", EmbeddedFont(face, self.pdf))
        return self.fonts[face]

    def emit(self, *operations: str) -> None:
        self._ops.extend(operations)

    @contextmanager
    def tagged(self, element: Element, top: Optional[float] = None) -> Iterator[None]:
        """What is drawn inside is content of ``element`` (``top``: where it starts on the page,
        for bookmarks); inside an artifact it stays part of the artifact."""
        if self._in_artifact:
            yield
            return
        mcid = self.structure.mark(element, len(self._pages), top)
        self.emit(f"/{element.type} << /MCID {mcid} >> BDC")
        yield
        self.emit("EMC")

    @contextmanager
    def artifact(self, properties: str = PAGINATION) -> Iterator[None]:
        """What is drawn inside is not content: a reader skips it (a page number, a repeated header)."""
        if self._in_artifact:
            yield
            return
        self._in_artifact = True
        self.emit(f"/Artifact {properties} BDC")
        try:
            yield
        finally:
            self.emit("EMC")
            self._in_artifact = False

    def rect(self, left: float, bottom: float, width: float, height: float, line_width: float,
             stroke_gray: float, fill_gray: float | None) -> None:
        """A stroked rectangle, filled first when ``fill_gray`` is given."""
        paint = "B" if fill_gray is not None else "S"
        fill = f"{number(fill_gray)} g " if fill_gray is not None else ""
        with self.artifact(LAYOUT):
            self.emit(f"q {number(line_width)} w {number(stroke_gray)} G {fill}{number(left)} {number(bottom)} "
                      f"{number(width)} {number(height)} re {paint} Q")

    def image(self, number: int, left: float, bottom: float, width: float, height: float) -> None:
        """Draw the image XObject ``number`` into the box given."""
        name = next((key for key, value in self._images.items() if value == number), f"Im{len(self._images) + 1}")
        self._images[name] = number
        self.emit(f"q {number_(width)} 0 0 {number_(height)} {number_(left)} {number_(bottom)} cm /{name} Do Q")

    def link(self, body: str, element: Element) -> None:
        """A link annotation (``body``: its /Rect, /A and so on) on the page being drawn, tagged as a
        Link element under ``element`` (the paragraph its text is content of) that holds the
        annotation as an object reference (PDF/UA-1 7.18.5).  Written with the file, once the
        page count gives its key in the parent tree.  Text drawn again as an artifact (a header
        row repeated on a later page) gets none: its link is where its text is content."""
        if self._in_artifact:
            return
        number = self.pdf.reserve()
        self.structure.link(element, len(self._pages), number)
        self._annotations.append(number)
        self._links.append((number, body, len(self._pages)))

    def show_page(self) -> None:
        """End the page: its content stream, and a second one reserved for its header and footer,
        which ``draw_running`` fills once the page count is known."""
        contents = self.pdf.add_stream(self._take_ops())
        running = self.pdf.reserve()
        self._running.append(running)
        width, height = self.page_size
        annotations = f" /Annots [{' '.join(f'{n} 0 R' for n in self._annotations)}]" if self._annotations else ""
        self._annotations = []
        self._pages.append(self.pdf.add(
            f"<< /Type /Page /Parent {self._pages_number} 0 R /MediaBox [0 0 {number(width)} {number(height)}] "
            f"/Resources {self._resources} 0 R /Contents [{contents} 0 R {running} 0 R]{annotations} "
            f"/StructParents {len(self._pages)} /Tabs /S >>"))

    def draw_running(self, decorate: Callable[["Canvas", int, int], None]) -> None:
        """Every page's header and footer, ``decorate(canvas, page_number, page_count)``, into its
        running stream: pages are drawn as they fill, so ``{pages}`` is known only now.  What
        ``decorate`` draws must be artifacts, as it is no part of the page's marked content."""
        count = len(self._pages)
        for page_number, stream in enumerate(self._running, 1):
            decorate(self, page_number, count)
            self.pdf.add_stream(self._take_ops(), number=stream)

    def _take_ops(self) -> bytes:
        data = "\n".join(self._ops).encode("latin-1")
        self._ops = []
        return data

    def save(self, metadata: Metadata, pdfa_part: Optional[int] = None, ua: bool = True) -> bytes:
        """The finished file: fonts subset and embedded, every page sharing one resource dictionary,
        the structure tree, outline and XMP metadata (and PDF/A's output intent); ``ua``: whether
        it claims PDF/UA-1 (not when it draws .notdef for characters no font has)."""
        for _, font in self.fonts.values():
            font.write(self.pdf)
        fonts = " ".join(f"/{name} {font.number} 0 R" for name, font in self.fonts.values())
        images = " ".join(f"/{name} {image} 0 R" for name, image in self._images.items())
        self.pdf.put(self._resources, f"<< /Font << {fonts} >>" + (f" /XObject << {images} >>" if images else "") + " >>")
        kids = " ".join(f"{page} 0 R" for page in self._pages)
        self.pdf.put(self._pages_number, f"<< /Type /Pages /Kids [{kids}] /Count {len(self._pages)} >>")
        tree = self.structure.write(self.pdf, self._pages)
        for key, (annotation, body, page) in enumerate(self._links, len(self._pages)):
            self.pdf.put(annotation, f"<< /Type /Annot {body} /P {self._pages[page]} 0 R /StructParent {key} >>")
        xmp = self.pdf.add_stream(metadata.xmp(pdfa_part, ua), "/Type /Metadata /Subtype /XML ", compress=False)
        catalog = [f"/Type /Catalog /Pages {self._pages_number} 0 R /Lang {text_string(metadata.lang)}",
                   f"/StructTreeRoot {tree} 0 R /MarkInfo << /Marked true >>",
                   f"/ViewerPreferences << /DisplayDocTitle true >> /Metadata {xmp} 0 R"]
        outline = write_outline(self.pdf, self.structure.headings, self._pages)
        if outline:
            catalog.append(f"/Outlines {outline} 0 R /PageMode /UseOutlines")
        if pdfa_part:
            catalog.append(f"/OutputIntents [{output_intent(self.pdf)} 0 R]")
        root = self.pdf.add(f"<< {' '.join(catalog)} >>")
        info = self.pdf.add(metadata.info())
        return self.pdf.to_bytes(root, info)
