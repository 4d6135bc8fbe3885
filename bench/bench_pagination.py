"""Time and peak memory of the PDF writer on very long articles (issue 15: 200,000 short lines).

    python bench/bench_pagination.py [--lines N] [--only NAME ...] [--src OTHER/src]

Each case is rendered with ``newsconv.render(document, "pdf")`` in a fresh interpreter, from a
model built in that process (parsing is not timed), with the package found in ``--src`` (this
tree's by default; another checkout's for a before/after comparison).  CPU time is printed
beside wall time because a loaded machine distorts it least; peak memory is that process's own
peak resident size (``getrusage(RUSAGE_SELF)``), model included.  Cases: N one-word paragraphs,
N one-line headings (what the text reader makes of N one-word lines), an N-item numbered list,
one paragraph of N words, and a two-column table whose one cell holds 4,000 words.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "paragraphs": "Document('ar', 'rtl', tuple(Paragraph(f'كلمة{n}') for n in range(N)))",
    "headings": "Document('ar', 'rtl', tuple(Heading(3, f'كلمة{n}') for n in range(N)))",
    "list": "Document('ar', 'rtl', (List(True, tuple(f'كلمة{n}' for n in range(N))),))",
    "one-paragraph": "Document('ar', 'rtl', (Paragraph(' '.join('كلمة' for n in range(N))),))",
    "4000-word-cell": "Document('en', 'ltr', (Table(('Key', 'Text'), "
                      "(('a', ' '.join(f'w{n}' for n in range(4000))),)),))",
}

SCRIPT = """
import resource, sys, time
from newsconv import Document, Heading, List, Paragraph, Table, render
N = {lines}
document = {build}
start, cpu = time.perf_counter(), time.process_time()
data = render(document, "pdf")
print(time.perf_counter() - start, time.process_time() - cpu, len(data),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(name: str, lines: int, src: Path) -> tuple[float, float, int, float]:
    """(wall and CPU seconds to render, PDF bytes, peak RSS in MB) of one case in a fresh process."""
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(lines=lines, build=CASES[name])],
                          capture_output=True, text=True, check=True, env={"PYTHONPATH": str(src)})
    wall, cpu, size, peak_kb = done.stdout.split()
    return float(wall), float(cpu), int(size), int(peak_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), default=list(CASES))
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="where the newsconv package is")
    args = parser.parse_args()
    for name in args.only:
        wall, cpu, size, peak = run(name, args.lines, args.src)
        print(f"{name:15} N={args.lines:<8} wall {wall:6.1f} s  CPU {cpu:6.1f} s  {size / 1e6:6.1f} MB PDF  "
              f"peak RSS {peak:5.0f} MB", flush=True)


if __name__ == "__main__":
    main()
