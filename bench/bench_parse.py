"""Parse speed: a 1 MB article must parse in under a second, and time must grow linearly.

Builds articles of growing size from the fixture corpus (every form: tables, lists,
wrapped text, several scripts), parses each a few times and prints the best time,
throughput and the ratio of time to size relative to the smallest one.

    python bench/bench_parse.py
"""
from __future__ import annotations

import time
from pathlib import Path

from newsconv.reading.article import parse_text
from newsconv.reading.decode import decode

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
SIZES_KB = (64, 256, 1024, 4096)


def corpus_text() -> str:
    return "\n\n".join(decode(p.read_bytes()) for p in sorted(ARTICLES.glob("*.txt")))


def article_of(size_kb: int, sample: str) -> str:
    text = sample
    while len(text.encode("utf-8")) < size_kb * 1024:
        text += "\n\n" + sample
    return text.encode("utf-8")[: size_kb * 1024].decode("utf-8", "ignore")


def best_time(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        parse_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    sample = corpus_text()
    base = None
    print(f"{'size':>8} {'seconds':>8} {'MB/s':>6} {'s/MB vs smallest':>17}")
    for size in SIZES_KB:
        seconds = best_time(article_of(size, sample))
        per_mb = seconds / (size / 1024)
        base = base or per_mb
        print(f"{size:>6}KB {seconds:>8.3f} {size / 1024 / seconds:>6.2f} {per_mb / base:>17.2f}")


if __name__ == "__main__":
    main()
