"""What running a batch on Dask costs: 1,000 articles on the local pool and on a 2-worker Dask LocalCluster.

    python bench/bench_cluster.py                  # the figures the README quotes
    python bench/bench_cluster.py --articles 200   # a quicker look

Each run is the command a user types, ``newsconv convert IN --to pdf,docx,html -O OUT -q`` with ``-j2``
or ``--scheduler local:2`` (and ``--no-shared-fs``), measured like bench_batch.py's batches: wall time,
CPU seconds of every process of the run (client, scheduler, nannies, workers) and the peak RSS of the
largest.  Both executors run ``newsconv.pool.convert_chunk`` in two worker processes, so the difference
is what Dask adds: starting the cluster (included), its scheduler, chunk round trips, pickling, and its
workers' own threads (heartbeats, the profiler).  CPU seconds compare fairly on a busy machine, wall
seconds only on a quiet one; the local pool runs first and last to show the machine's drift.
Needs the dask extra.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import NEWSCONV, make_articles, measured  # noqa: E402  (the same articles, the same sampling)

FORMATS = "pdf,docx,html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="batch size (default 1000)")
    args = parser.parse_args()
    print(f"{args.articles} articles -> {FORMATS}, 2 workers; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores at the start")
    with tempfile.TemporaryDirectory(prefix="newsconv-bench-") as tmp:
        work = Path(tmp)
        inputs = str(make_articles(work / "in", args.articles))
        runs = [("local pool, -j2", "local", ["-j", "2"]),
                ("Dask, --scheduler local:2", "dask", ["--scheduler", "local:2"]),
                ("Dask, local:2 --no-shared-fs", "shipped", ["--scheduler", "local:2", "--no-shared-fs"]),
                ("local pool, -j2, again", "again", ["-j", "2"])]
        figures = {}
        for label, outdir, options in runs:
            command = NEWSCONV + ["convert", inputs, "--to", FORMATS, "-O", str(work / outdir), "-q", *options]
            wall, cpu, peak_mb = figures[outdir] = measured(command)
            print(f"  {label:<30} {wall:6.1f} s  {wall / args.articles * 1000:5.1f} ms/article  CPU {cpu:6.1f} s  "
                  f"peak {peak_mb:.0f} MB  identical to local: {same_tree(work / 'local', work / outdir)}")
        local_wall = min(figures["local"][0], figures["again"][0])
        local_cpu = min(figures["local"][1], figures["again"][1])
        for outdir in ("dask", "shipped"):
            wall, cpu, _ = figures[outdir]
            print(f"  overhead of {outdir}: wall {wall - local_wall:+.1f} s ({(wall / local_wall - 1) * 100:+.0f} %), "
                  f"CPU {cpu - local_cpu:+.1f} s ({(cpu / local_cpu - 1) * 100:+.0f} %, "
                  f"{(cpu - local_cpu) / args.articles * 1000:+.1f} ms/article)")
        print(f"  load average {os.getloadavg()[0]:.1f} at the end")


def same_tree(left: Path, right: Path) -> bool:
    names = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(left / name, right / name, shallow=False) for name in names)


if __name__ == "__main__":
    main()
