"""Pages of drawing operations, and the document around them (catalog, pages, metadata)."""
from __future__ import annotations

from .glyphfont import EmbeddedFont, Face
from .pdffile import PdfFile, number, text_string


class Canvas:
    """Collects each page's content stream and the fonts it draws with, then writes the file."""

    def __init__(self, page_width: float, page_height: float):
        self.pdf = PdfFile()
        self.page_size = (page_width, page_height)
        self.fonts: dict[Face, tuple[str, EmbeddedFont]] = {}
        self.xobjects: dict[str, int] = {}  # images, by resource name
        self._annotations: list[int] = []  # the current page's links
        self._ops: list[str] = []
        self._pages: list[int] = []
        self._pages_number = self.pdf.reserve()
        self._resources = self.pdf.reserve()  # one dictionary shared by all pages, written last

    def font(self, face: Face) -> tuple[str, EmbeddedFont]:
        """The page resource name and the embedded font of ``face`` (made on first use)."""
        if face not in self.fonts:
            self.fonts[face] = (f"F{len(self.fonts) + 1}", EmbeddedFont(face, self.pdf))
        return self.fonts[face]

    def emit(self, *operations: str) -> None:
        self._ops.extend(operations)

    def rect(self, left: float, bottom: float, width: float, height: float, line_width: float,
             stroke_gray: float, fill_gray: float | None) -> None:
        """A stroked rectangle, filled first when ``fill_gray`` is given."""
        paint = "B" if fill_gray is not None else "S"
        fill = f"{number(fill_gray)} g " if fill_gray is not None else ""
        self.emit(f"q {number(line_width)} w {number(stroke_gray)} G {fill}{number(left)} {number(bottom)} "
                  f"{number(width)} {number(height)} re {paint} Q")

    def annotate(self, annotation: str) -> None:
        """Add an annotation (a link) to the page being drawn."""
        self._annotations.append(self.pdf.add(annotation))

    def show_page(self) -> None:
        contents = self.pdf.add_stream("\n".join(self._ops).encode("latin-1"))
        self._ops = []
        width, height = self.page_size
        annotations = f" /Annots [{' '.join(f'{n} 0 R' for n in self._annotations)}]" if self._annotations else ""
        self._annotations = []
        self._pages.append(self.pdf.add(
            f"<< /Type /Page /Parent {self._pages_number} 0 R /MediaBox [0 0 {number(width)} {number(height)}] "
            f"/Resources {self._resources} 0 R /Contents {contents} 0 R{annotations} >>"))

    def save(self, lang: str, metadata: dict[str, str]) -> bytes:
        """The finished file: fonts subset and embedded, every page sharing one resource dictionary."""
        for _, font in self.fonts.values():
            font.write(self.pdf)
        fonts = " ".join(f"/{name} {font.number} 0 R" for name, font in self.fonts.values())
        images = " ".join(f"/{name} {number} 0 R" for name, number in self.xobjects.items())
        self.pdf.put(self._resources, f"<< /Font << {fonts} >>" + (f" /XObject << {images} >>" if images else "") + " >>")
        kids = " ".join(f"{page} 0 R" for page in self._pages)
        self.pdf.put(self._pages_number, f"<< /Type /Pages /Kids [{kids}] /Count {len(self._pages)} >>")
        root = self.pdf.add(f"<< /Type /Catalog /Pages {self._pages_number} 0 R /Lang {text_string(lang)} >>")
        info = self.pdf.add("<< " + " ".join(f"/{key} {text_string(value)}" for key, value in metadata.items()
                                             if value) + " >>")
        return self.pdf.to_bytes(root, info)
