"""Should pydyf (WeasyPrint's PDF object layer) write the file syntax instead of ``_pdf/pdffile.py``?

    python bench/bench_pdf_syntax.py [MODEL.json ...]      (needs pydyf: pip install pydyf)

For each article, the objects newsconv's PDF writer makes (pages, fonts, structure tree,
outline, XMP) are written once by ``PdfFile.to_bytes`` and once by ``pydyf.PDF.write``
(plain, and with ``compress=True``: object streams and a cross-reference stream), the same
bodies in the same order.  Prints the size of each file and the time to write it, then the
cold cost of importing each layer in a fresh interpreter (what a single ``to-pdf`` pays).
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsconv  # noqa: E402
from newsconv.writers._pdf import pdffile  # noqa: E402

SAMPLES = [ROOT / "fixtures" / "articles" / name for name in
           ("ar-seed.json", "ar-04-cp1256-crlf-flat-table.json", "he-01-pipe-table-niqqud.json")]


def captured_objects(model: dict) -> tuple[list[bytes], int, int]:
    """The object bodies (and the catalog and Info numbers) one article's PDF is made of."""
    seen = {}
    original = pdffile.PdfFile.to_bytes

    def capture(self, root, info):
        seen.update(bodies=list(self._bodies), root=root, info=info)
        return original(self, root, info)

    pdffile.PdfFile.to_bytes = capture
    try:
        newsconv.render(newsconv.Document.from_json(model), "pdf")
    finally:
        pdffile.PdfFile.to_bytes = original
    return seen["bodies"], seen["root"], seen["info"]


def ours(bodies: list[bytes], root: int, info: int) -> bytes:
    pdf = pdffile.PdfFile()
    for body in bodies:
        pdf.add(body)
    return pdf.to_bytes(root, info)


def with_pydyf(bodies: list[bytes], root: int, info: int, compress: bool) -> bytes:
    import pydyf

    class Raw(pydyf.Object):
        def __init__(self, body: bytes):
            super().__init__()
            self.body = body

        @property
        def data(self) -> bytes:
            return self.body

        @property
        def compressible(self) -> bool:
            return b"stream\n" not in self.body

    pdf = pydyf.PDF()
    pdf.objects = pdf.objects[:1]  # only the free object 0: our bodies bring their own Pages and Catalog
    for body in bodies:
        pdf.add_object(Raw(body))
    pdf.catalog, pdf.info = pdf.objects[root], None
    # pydyf writes "/Root" and "/Info" from these; our Info is one of the bodies already.
    output = io.BytesIO()
    pdf.write(output, identifier=True, compress=compress)
    data = output.getvalue()
    return data.replace(b"/Root", b"/Info %d 0 R /Root" % info, 1) if not compress else data


def timed(function, *args, rounds: int = 20) -> tuple[float, bytes]:
    start = time.perf_counter()
    for _ in range(rounds):
        data = function(*args)
    return (time.perf_counter() - start) / rounds * 1000, data


def cold_import(module: str, column: int) -> float:
    """Milliseconds ``python -X importtime`` reports for ``module``: its own time (column 0,
    the newsconv package around pdffile is imported either way) or with all it imports (1)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True,
                            text=True, env={"PYTHONPATH": str(ROOT / "src")})
    rows = re.findall(r"import time:\s*(\d+) \|\s*(\d+) \|\s*" + re.escape(module) + r"\s*$", result.stderr, re.M)
    return int(rows[-1][column]) / 1000 if rows else float("nan")


def main() -> None:
    paths = [Path(arg) for arg in sys.argv[1:]] or SAMPLES
    print(f"{'article':40s} {'objects':>7s} {'pdffile':>16s} {'pydyf':>16s} {'pydyf compress':>18s}")
    for path in paths:
        bodies, root, info = captured_objects(json.loads(path.read_text(encoding="utf-8")))
        cells = []
        for function, args in ((ours, ()), (with_pydyf, (False,)), (with_pydyf, (True,))):
            ms, data = timed(function, bodies, root, info, *args)
            cells.append(f"{len(data):7d} B {ms:5.2f} ms")
        print(f"{path.stem:40s} {len(bodies):7d} {cells[0]:>16s} {cells[1]:>16s} {cells[2]:>18s}")
    print(f"cold import: pdffile {cold_import('newsconv.writers._pdf.pdffile', 0):.2f} ms, "
          f"pydyf {cold_import('pydyf', 1):.2f} ms with what it imports (hashlib, for its /ID)")


if __name__ == "__main__":
    main()
