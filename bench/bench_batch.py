"""How fast newsconv starts, converts one article, and converts a 1,000-article batch, beside typst and pandoc.

    python bench/bench_batch.py                  # the figures the README quotes
    python bench/bench_batch.py --articles 200   # a quicker batch

Targets (issue 6): ``--version`` cold <= 4 x ``python -c pass``; cold ``to-html`` of the seed no slower than
pandoc's conversion of it; 1,000 articles to all three formats in <= 60 s with ``-j2``, and ``-j2`` >= 1.7 x
``-j1``.  Times are the best of several runs (cold starts) or the median (warm), so a noisy machine moves
them less; compare ratios, which are measured in the same run.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newsconv
from newsconv.fonts import bundled_font
from newsconv.model import Heading, List, Paragraph, Table
from newsconv.reading.decode import decode
from newsconv.text.script import ARABIC

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "articles" / "ar-seed.txt"
FORMATS = ("html", "docx", "pdf")
NEWSCONV = [sys.executable, "-m", "newsconv"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="batch size (default 1000)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per cold-start figure (default 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsconv-bench-") as tmp:
        work = Path(tmp)
        cold_starts(work, args.repeat)
        warm_per_article(work)
        batches(work, args.articles)


def best_time(command: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``command``: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def row(label: str, seconds: float, note: str = "") -> None:
    print(f"  {label:<38} {seconds * 1000:8.1f} ms  {note}")


def cold_starts(work: Path, repeat: int) -> None:
    print(f"cold start (best of {repeat})")
    python = best_time([sys.executable, "-c", "pass"], repeat)
    row("python -c pass", python)
    version = best_time(NEWSCONV + ["--version"], repeat)
    row("newsconv --version", version, f"{version / python:.2f} x python (target <= 4)")
    cold = {fmt: best_time(NEWSCONV + [f"to-{fmt}", str(SEED), "-o", str(work / f"seed.{fmt}")], repeat)
            for fmt in FORMATS}
    for fmt, seconds in cold.items():
        row(f"newsconv to-{fmt} seed", seconds, f"{seconds / python:.1f} x python")
    for fmt, seconds in pandoc_cold(work, repeat).items():
        row(f"pandoc seed -> {fmt}", seconds, f"to-{fmt} / pandoc = {cold[fmt] / seconds:.2f} (html target <= 1)")
    typst = typst_cold(work, repeat)
    if typst:
        row("typst (python package) seed -> pdf", typst, f"to-pdf / typst = {cold['pdf'] / typst:.2f}")


def pandoc_cold(work: Path, repeat: int) -> dict[str, float]:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("  (pandoc not installed)")
        return {}
    return {fmt: best_time([pandoc, "-f", "markdown", "-s", "--metadata", "title=seed", str(SEED), "-o",
                            str(work / f"pandoc.{fmt}")], repeat) for fmt in ("html", "docx")}


def typst_cold(work: Path, repeat: int) -> float | None:
    source = typst_source(work)
    if source is None:
        return None
    script = f"import typst; typst.compile({str(source)!r}, output={str(work / 'typst.pdf')!r}, " \
             f"font_paths=[{str(bundled_font(ARABIC).parent)!r}])"
    return best_time([sys.executable, "-c", script], repeat)


def typst_source(work: Path) -> Path | None:
    """The seed's model as a Typst document set like newsconv's PDF (Amiri, right to left, A4)."""
    try:
        import typst  # noqa: F401  (only to know it is installed)
    except ImportError:
        print("  (typst not installed)")
        return None
    lines = ['#set page(paper: "a4")', '#set text(font: "Amiri", lang: "ar", dir: rtl, size: 12pt)']
    for block in newsconv.parse(SEED).blocks:
        lines.append(typst_block(block))
    path = work / "seed.typ"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    return path


def typst_block(block) -> str:
    def text(value: str) -> str:
        return "".join(f"\\{ch}" if ch in "\\#*_`$<>@[]=-+/\"'~" else ch for ch in value)

    if isinstance(block, Heading):
        return f"{'=' * block.level} {text(block.text)}"
    if isinstance(block, Paragraph):
        return text(block.text)
    if isinstance(block, List):
        return "\n".join(f"{'+' if block.ordered else '-'} {text(item)}" for item in block.items)
    if isinstance(block, Table):
        cells = ", ".join(f"[{text(cell)}]" for row in (block.header, *block.rows) for cell in row)
        return f"#table(columns: {block.column_count}, {cells})"
    raise TypeError(block)


def warm_per_article(work: Path, runs: int = 30) -> None:
    print(f"warm, one article in one process (median of {runs})")
    document = newsconv.parse(SEED)
    for fmt in FORMATS:
        newsconv.render(document, fmt)  # loads the writer and its fonts
        row(f"newsconv render {fmt}", median_time(lambda: newsconv.render(document, fmt), runs))
    source = typst_source(work)
    if source:
        import typst

        fonts = [str(bundled_font(ARABIC).parent)]
        typst.compile(str(source), font_paths=fonts)
        row("typst compile (warm)", median_time(lambda: typst.compile(str(source), font_paths=fonts), runs))


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def batches(work: Path, articles: int) -> None:
    inputs = make_articles(work / "in", articles)
    print(f"batch of {articles} articles -> pdf,docx,html (newsconv convert; peak RSS of the largest process)")
    seconds = {}
    for jobs in (1, 2):
        command = NEWSCONV + ["convert", str(inputs), "--to", "pdf,docx,html", "-O", str(work / f"out-j{jobs}"),
                              "-j", str(jobs), "-q"]
        seconds[jobs], cpu, peak_mb = measured(command)
        print(f"  -j{jobs}: {seconds[jobs]:6.1f} s  {seconds[jobs] / articles * 1000:5.1f} ms/article  "
              f"CPU {cpu:6.1f} s ({cpu / articles * 1000:.1f} ms/article)  peak {peak_mb:.0f} MB")
    print(f"  -j2 speed-up {seconds[1] / seconds[2]:.2f} x (target >= 1.7); -j2 {seconds[2]:.1f} s (target <= 60 s)")


def measured(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds of ``command``, CPU seconds of all its processes, and the peak RSS (MB) of the largest.

    Workers start from a fork server, so they are no children of the command and RUSAGE_CHILDREN misses
    them: the command runs in a session of its own, and every process of that session is sampled from
    /proc (Linux) until it ends.  CPU time shows what the wall time would be on an idle machine: about
    CPU / jobs when the pool scales."""
    started = time.perf_counter()
    process = subprocess.Popen(command, start_new_session=True)
    cpu: dict[int, float] = {}
    peak_kb = 0
    while process.poll() is None:
        for pid, (seconds, hwm_kb) in _session_processes(process.pid).items():
            cpu[pid] = seconds
            peak_kb = max(peak_kb, hwm_kb)
        time.sleep(0.1)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - started, sum(cpu.values()), peak_kb / 1024


def _session_processes(session: int) -> dict[int, tuple[float, int]]:
    """CPU seconds and peak RSS (kB) of each live process in ``session``."""
    found = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[3]) != session:
                continue
            status = (entry / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue  # the process ended while being read
        hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
        found[int(entry.name)] = ((int(stat[11]) + int(stat[12])) / ticks, hwm)
    return found


def make_articles(folder: Path, count: int) -> Path:
    """``count`` different articles made from the fixtures: paragraphs rotated, titles numbered, 10 sub-folders."""
    fixtures = [decode(path.read_bytes()) for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    for n in range(count):
        title, *paragraphs = fixtures[n % len(fixtures)].split("\n\n")
        turn = n % max(1, len(paragraphs))
        path = folder / f"desk{n % 10}" / f"article-{n:04}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join([f"{title} ({n})", *paragraphs[turn:], *paragraphs[:turn]]), encoding="utf-8")
    return folder


if __name__ == "__main__":
    main()
