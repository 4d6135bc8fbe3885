"""Benchmark the PDF writer against Typst (the `typst` PyPI package) on the same articles.

    python bench/bench_pdf.py [--rounds N] [MODEL.json ...]

Defaults to the seed and the mixed-direction samples under tests/data/pdf.  Prints
articles per second for both in one process (warm: fonts loaded, caches filled as in a
batch), then a cold `newsconv to-pdf` of the seed against a cold Typst run of it, each in
a fresh interpreter, alternated --cold times: the median wall time and the median CPU time
of each (CPU time is what a loaded machine distorts least; Typst's wall time also gains
from its threads).  Typst is skipped when it is not installed; it is not a dependency.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "articles" / "ar-seed.json"
SAMPLES = [SEED, *sorted((ROOT / "tests" / "data" / "pdf").glob("*.json"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", type=Path, default=SAMPLES)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--cold", type=int, default=7, help="cold runs of each, alternated")
    args = parser.parse_args()
    models = [json.loads(path.read_text(encoding="utf-8")) for path in args.models]
    print(f"{len(models)} articles x {args.rounds} rounds")
    print(f"newsconv  {warm_rate(newsconv_renderer(), models, args.rounds):7.1f} articles/s")
    typst = typst_renderer()
    if typst:
        print(f"typst     {warm_rate(typst, models, args.rounds):7.1f} articles/s")
    cold = [(cold_newsconv(), cold_typst() if typst else None) for _ in range(args.cold)]
    report_cold("newsconv to-pdf seed", [ours for ours, _ in cold])
    if typst:
        report_cold("typst seed          ", [theirs for _, theirs in cold])


def report_cold(label: str, runs: list[tuple[float, float]]) -> None:
    wall = statistics.median(run[0] for run in runs)
    cpu = statistics.median(run[1] for run in runs)
    print(f"cold {label}  wall {wall:.3f} s  cpu {cpu:.3f} s  (median of {len(runs)})")


def warm_rate(render, models: list[dict], rounds: int) -> float:
    for model in models:  # warm up: fonts, imports, caches
        render(model)
    start = time.perf_counter()
    for _ in range(rounds):
        for model in models:
            render(model)
    return rounds * len(models) / (time.perf_counter() - start)


def newsconv_renderer():
    import newsconv

    return lambda model: newsconv.render(newsconv.Document.from_json(model), "pdf")


def typst_renderer():
    try:
        import typst
    except ImportError:
        print("typst     (not installed: skipped)")
        return None
    fonts = font_dirs()
    return lambda model: typst.compile(typst_source(model).encode("utf-8"), format="pdf", font_paths=fonts)


def font_dirs() -> list[str]:
    import fontpkg_amiri
    import fontpkg_frank_ruhl_libre
    import fontpkg_noto_serif

    return [str(Path(package.ROOT) / "files") for package in (fontpkg_amiri, fontpkg_frank_ruhl_libre,
                                                               fontpkg_noto_serif)]


def typst_source(model: dict) -> str:
    """The article as Typst markup with the same page, fonts and structure."""
    out = ['#set page(paper: "a4", margin: 60pt, numbering: "1")',
           f'#set text(lang: "{model["lang"]}", font: ("Amiri", "Frank Ruhl Libre", "Noto Serif"), size: 12pt)',
           '#set par(justify: false)']
    for block in model["blocks"]:
        kind = block["type"]
        if kind == "heading":
            out.append("=" * block["level"] + " " + escape(block["text"]))
        elif kind == "paragraph":
            out.append(escape(block["text"]))
        elif kind == "list":
            marker = "+" if block["ordered"] else "-"
            out += [f"{marker} {escape(item)}" for item in block["items"]]
        else:
            cells = [*block["header"], *(cell for row in block["rows"] for cell in row)]
            columns = max([len(block["header"])] + [len(row) for row in block["rows"]])
            out.append(f"#table(columns: {columns}, " + ", ".join(f"[{escape(c)}]" for c in cells) + ")")
    return "\n\n".join(out)


def escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\#*_`$<>@[]=-+/~\"'" else ch for ch in text)


def cold_newsconv() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        return timed([sys.executable, "-m", "newsconv", "to-pdf", str(SEED), "-o", str(Path(tmp) / "seed.pdf")])


def cold_typst() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "seed.typ"
        source.write_text(typst_source(json.loads(SEED.read_text(encoding="utf-8"))), encoding="utf-8")
        script = (f"import typst; from bench_pdf import font_dirs; "
                  f"typst.compile({str(source)!r}, output={str(Path(tmp) / 'seed.pdf')!r}, font_paths=font_dirs())")
        return timed([sys.executable, "-c", script], cwd=Path(__file__).parent)


def timed(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``command``, the CPU time of the child and its threads."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


if __name__ == "__main__":
    main()
