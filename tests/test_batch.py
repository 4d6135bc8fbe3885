"""The batch library: finding inputs, naming outputs, settling conflicts, and the worker pool."""
from __future__ import annotations

import concurrent.futures
import json
import logging
import os
from collections import Counter
from pathlib import Path, PurePath, PurePosixPath

import pytest

from newsconv import batch, pool
from newsconv.batch import CONVERTED, FAILED, SKIPPED, Conversion, find_sources, plan, run, write_report

ARTICLE = "عنوان الخبر\n\nنص المقال الأول عن الاقتصاد.\n"
HTML_ONLY = Conversion(formats=("html",))


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def statuses(report) -> dict[str, str]:
    return {Path(r.source).name: r.status for r in report.results}


def leftovers(root: Path) -> list[Path]:
    """Temporary files write_atomic would leave if a write were cut short."""
    return [p for p in root.rglob("*") if p.name.endswith(".part")]


def test_a_folder_is_walked_for_articles_but_not_hidden_entries_models_or_the_output_folder(tmp_path):
    make_tree(tmp_path / "in", {"a.txt": ARTICLE, "sub/b.html": "<p>x</p>", "sub/c.HTM": "<p>y</p>",
                                "model.json": "{}", "notes.md": "x", ".hidden.txt": ARTICLE,
                                ".git/d.txt": ARTICLE, "out/old.txt": ARTICLE})
    sources, missing = find_sources([str(tmp_path / "in")], exclude=str(tmp_path / "in" / "out"))
    assert [str(s.relative) for s in sources] == ["a.txt", "sub/b.html", "sub/c.HTM"]
    assert missing == []


def test_a_glob_names_its_matches_relative_to_its_fixed_part(tmp_path, monkeypatch):
    make_tree(tmp_path, {"in/x/a.txt": ARTICLE, "in/y/a.txt": ARTICLE, "in/y/b.json": "{}"})
    monkeypatch.chdir(tmp_path)
    sources, _ = find_sources(["in/*/*.*"])
    assert [(s.path, str(s.relative)) for s in sources] == [
        ("in/x/a.txt", "x/a.txt"), ("in/y/a.txt", "y/a.txt"), ("in/y/b.json", "y/b.json")]


def test_an_input_named_twice_is_converted_once_and_a_missing_one_is_a_failure(tmp_path, monkeypatch):
    make_tree(tmp_path, {"a.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    sources, missing = find_sources(["a.txt", "./a.txt", str(tmp_path / "a.txt"), "gone.txt", "*.docx"])
    assert [s.path for s in sources] == ["a.txt"]
    assert [(r.source, r.status, r.error) for r in missing] == [
        ("gone.txt", FAILED, "gone.txt: no such file"), ("*.docx", FAILED, "*.docx: no such file")]


def test_outputs_mirror_the_input_tree_under_outdir_or_sit_beside_each_input(tmp_path):
    make_tree(tmp_path / "in", {"a.txt": ARTICLE, "sub/b.txt": ARTICLE})
    conversion = Conversion(formats=("html", "pdf"))
    mirrored = plan([str(tmp_path / "in")], conversion, outdir=str(tmp_path / "out"))
    beside = plan([str(tmp_path / "in")], conversion)
    assert [[str(p.relative_to(tmp_path)) for _, p in t.outputs] for t in mirrored.tasks] == [
        ["out/a.html", "out/a.pdf"], ["out/sub/b.html", "out/sub/b.pdf"]]
    assert [[str(p.relative_to(tmp_path)) for _, p in t.outputs] for t in beside.tasks] == [
        ["in/a.html", "in/a.pdf"], ["in/sub/b.html", "in/sub/b.pdf"]]


def test_inputs_that_would_write_the_same_output_both_fail_and_nothing_is_written(tmp_path):
    make_tree(tmp_path, {"a.txt": ARTICLE, "a.html": "<h1>other</h1>"})
    report = run(plan([str(tmp_path / "a.txt"), str(tmp_path / "a.html")], Conversion(formats=("docx",))))
    assert statuses(report) == {"a.txt": FAILED, "a.html": FAILED}
    assert "would also be written from" in report.results[0].error
    assert not (tmp_path / "a.docx").exists()


def test_an_output_that_would_overwrite_an_input_is_refused(tmp_path):
    make_tree(tmp_path, {"page.html": "<h1>Page</h1><p>kept</p>"})
    report = run(plan([str(tmp_path / "page.html")], HTML_ONLY))
    assert report.results[0].status == FAILED
    assert "would overwrite the input" in report.results[0].error
    assert (tmp_path / "page.html").read_text() == "<h1>Page</h1><p>kept</p>"


def test_a_second_run_in_place_takes_earlier_html_outputs_for_outputs_not_articles(tmp_path):
    make_tree(tmp_path, {"a.txt": ARTICLE, "b.txt": ARTICLE})
    conversion = Conversion(formats=("html", "docx"))
    first = run(plan([str(tmp_path)], conversion), jobs=1)
    second = run(plan([str(tmp_path)], conversion), jobs=1)
    assert first.return_code == second.return_code == 0
    assert statuses(second) == {"a.txt": CONVERTED, "b.txt": CONVERTED}


def test_skip_existing_redoes_only_what_is_missing_or_older_than_its_input(tmp_path):
    make_tree(tmp_path / "in", {"a.txt": ARTICLE, "b.txt": ARTICLE, "c.txt": ARTICLE})
    outdir = str(tmp_path / "out")
    run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=outdir))
    (tmp_path / "out" / "b.html").unlink()
    newer = (tmp_path / "out" / "c.html").stat().st_mtime + 10
    os.utime(tmp_path / "in" / "c.txt", (newer, newer))
    report = run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=outdir, skip_existing=True))
    assert statuses(report) == {"a.txt": SKIPPED, "b.txt": CONVERTED, "c.txt": CONVERTED}
    assert report.summary().startswith("2 converted, 0 failed, 1 skipped in ")


def test_a_bad_input_fails_alone_with_its_name_and_leaves_no_file(tmp_path):
    make_tree(tmp_path / "in", {"good.txt": ARTICLE, "empty.txt": "", "blank.txt": " \n\t\n"})
    (tmp_path / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    report = run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out")), jobs=2)
    assert statuses(report) == {"blank.txt": FAILED, "empty.txt": FAILED, "good.txt": CONVERTED,
                                "image.txt": FAILED}
    assert all(r.error.startswith(r.source + ": ") for r in report.results if r.status == FAILED)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.html"]
    assert report.return_code == 1


def test_a_writer_crash_costs_one_article_not_the_batch(tmp_path, monkeypatch):
    def render(document, fmt, options):
        if "boom" in document.blocks[0].text:
            raise RuntimeError("writer bug")
        return b"ok"

    monkeypatch.setattr(pool, "render", render)
    newsconv_log = logging.getLogger("newsconv")  # convert_chunk collects its warnings, as in a worker
    for attribute in ("handlers", "propagate", "level"):
        monkeypatch.setattr(newsconv_log, attribute, getattr(newsconv_log, attribute))
    make_tree(tmp_path, {"boom.txt": "boom\n\ntext\n", "fine.txt": ARTICLE})
    tasks = list(plan([str(tmp_path)], HTML_ONLY).tasks)
    results = {Path(r.source).name: r for r in pool.convert_chunk(tasks, HTML_ONLY)}
    assert {name: r.status for name, r in results.items()} == {"boom.txt": FAILED, "fine.txt": CONVERTED}
    assert results["boom.txt"].error == f"{tmp_path}/boom.txt: internal error: RuntimeError: writer bug"


def test_warnings_are_kept_per_input(tmp_path):
    make_tree(tmp_path, {f"{n}.txt": ARTICLE + ("\x01" if n % 2 else "") for n in range(6)})
    report = run(plan([str(tmp_path)], HTML_ONLY, outdir=str(tmp_path / "out")), jobs=2)
    warned = {Path(r.source).name: len(r.warnings) for r in report.results}
    assert warned == {f"{n}.txt": n % 2 for n in range(6)}


def test_workers_never_start_by_a_plain_fork():
    assert pool.process_context(("html",)).get_start_method() in ("forkserver", "spawn")


def test_an_interrupted_batch_returns_the_results_so_far_and_leaves_no_partial_file(tmp_path):
    make_tree(tmp_path / "in", {f"{n:03}.txt": ARTICLE * 20 for n in range(40)})
    seen = []

    def interrupt_after_three(result):
        seen.append(result)
        if len(seen) == 3:
            raise KeyboardInterrupt

    report = run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out")), jobs=2,
                 on_result=interrupt_after_three)
    assert report.interrupted and report.return_code == 130
    assert len(report.results) == 3 and report.summary().endswith("(interrupted)")
    assert leftovers(tmp_path) == []
    assert all(p.read_bytes().rstrip().endswith(b"</html>") for p in (tmp_path / "out").iterdir())


def test_the_report_lists_every_input_with_status_outputs_warnings_and_timings(tmp_path):
    make_tree(tmp_path / "in", {"b.txt": ARTICLE, "a.txt": ""})
    report = run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out")))
    write_report(report, tmp_path / "report.json")
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert (data["converted"], data["failed"], data["skipped"], data["interrupted"]) == (1, 1, 0, False)
    failed, converted = data["inputs"]
    assert (Path(failed["source"]).name, failed["status"], failed["outputs"]) == ("a.txt", "failed", {})
    assert converted["outputs"] == {"html": str(tmp_path / "out" / "b.html")}
    assert set(converted["seconds"]) == {"read", "html", "total"} and converted["warnings"] == []


def test_an_empty_folder_is_a_warning_and_a_batch_with_nothing_to_do(tmp_path, caplog):
    (tmp_path / "empty").mkdir()
    logging.getLogger("newsconv").addHandler(caplog.handler)  # the CLI's tests leave it unpropagated
    try:
        batch_plan = plan([str(tmp_path / "empty")], HTML_ONLY)
    finally:
        logging.getLogger("newsconv").removeHandler(caplog.handler)
    report = run(batch_plan)
    assert "no articles" in caplog.text
    assert (report.results, report.return_code) == ([], 0)


@pytest.mark.parametrize("jobs", [1, 3])
def test_every_good_input_is_converted_whatever_the_pool_size(tmp_path, jobs):
    make_tree(tmp_path / "in", {f"d{n % 3}/{n}.txt": f"Title {n}\n\nBody {n}.\n" for n in range(9)})
    report = run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out")), jobs=jobs)
    assert report.count(CONVERTED) == 9
    assert "Body 7." in (tmp_path / "out" / "d1" / "7.html").read_text(encoding="utf-8")


def test_shards_are_disjoint_complete_and_balanced(tmp_path):
    make_tree(tmp_path / "in", {f"desk{n % 5}/{n:03}.txt": ARTICLE for n in range(60)})
    everything = {t.source for t in plan([str(tmp_path / "in")], HTML_ONLY).tasks}
    shards = [{t.source for t in plan([str(tmp_path / "in")], HTML_ONLY, shard=(k, 3)).tasks} for k in (1, 2, 3)]
    assert sum(map(len, shards)) == len(everything) == 60 and set().union(*shards) == everything
    assert min(map(len, shards)) >= 12
    counts = Counter(batch.shard_of(PurePath(f"desk{n % 10}/article-{n:04}.txt"), 3) for n in range(1000))
    assert sorted(counts) == [1, 2, 3] and all(abs(c - 1000 / 3) < 1000 / 3 * 0.06 for c in counts.values())


def test_a_shard_depends_on_the_path_below_the_input_root_only(tmp_path, monkeypatch):
    make_tree(tmp_path, {"a/in/x/1.txt": ARTICLE, "b/in/x/1.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    assert [s.relative for s in find_sources(["a/in"])[0]] == [s.relative for s in find_sources(["b/in"])[0]]
    assert batch.shard_of(PurePath("x/1.txt"), 7) == batch.shard_of(PurePosixPath("x/1.txt"), 7)


def test_merged_shard_reports_list_every_input_once(tmp_path):
    make_tree(tmp_path / "in", {f"{n:02}.txt": ARTICLE if n else "" for n in range(12)})
    for k in (1, 2, 3):
        write_report(run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out"), shard=(k, 3)),
                         jobs=1), tmp_path / f"r{k}.json")
    merged = batch.merge_reports(batch.read_report(tmp_path / f"r{k}.json") for k in (1, 2, 3))
    assert sorted(Path(r.source).name for r in merged.results) == [f"{n:02}.txt" for n in range(12)]
    assert (merged.count(CONVERTED), merged.count(FAILED), merged.return_code) == (11, 1, 1)


def test_a_rerun_that_converts_a_failed_input_wins_the_merge(tmp_path):
    failed = batch.Report(("html",), [batch.Result("a.txt", FAILED, error="a.txt: boom")], 1.0)
    converted = batch.Report(("html",), [batch.Result("a.txt", CONVERTED, outputs={"html": "a.html"})], 2.0)
    merged = batch.merge_reports([converted, failed])
    assert [(r.source, r.status) for r in merged.results] == [("a.txt", CONVERTED)] and merged.seconds == 3.0


def test_symbolic_link_loops_are_not_followed_by_a_walk_or_a_double_star(tmp_path, monkeypatch):
    make_tree(tmp_path / "in", {"a.txt": ARTICLE, "sub/b.txt": ARTICLE})
    (tmp_path / "in" / "self").symlink_to(".")
    (tmp_path / "in" / "sub" / "up").symlink_to("..")
    monkeypatch.chdir(tmp_path)
    for given in ("in", "in/**", "in/**/*.txt"):
        assert sorted(str(s.relative) for s in find_sources([given])[0]) == ["a.txt", "sub/b.txt"], given


def test_a_fifo_or_device_is_a_failed_input_not_a_read_that_never_ends(tmp_path):
    make_tree(tmp_path / "in", {"a.txt": ARTICLE})
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    sources, refused = find_sources([str(tmp_path / "in"), "/dev/zero"])
    assert [s.relative.name for s in sources] == ["a.txt"]
    assert [(Path(r.source).name, r.status) for r in refused] == [("pipe.txt", FAILED), ("zero", FAILED)]
    assert all("not a regular file" in r.error for r in refused)


def test_a_glob_climbing_above_its_fixed_part_never_writes_outside_outdir(tmp_path, monkeypatch):
    make_tree(tmp_path, {"in/x/a.txt": ARTICLE, "secret/s.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    report = run(plan(["in/*/../../secret/*.txt", "in/*/../x/*.txt"], HTML_ONLY, outdir="out"), jobs=1)
    assert statuses(report) == {"s.txt": FAILED, "a.txt": CONVERTED}
    assert "outside out" in next(r.error for r in report.results if r.status == FAILED)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.html")) == ["out/x/a.html"]


def test_the_report_path_is_refused_when_it_is_an_input_or_an_output(tmp_path):
    make_tree(tmp_path / "in", {"a.txt": ARTICLE})
    batch_plan = plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out"))
    assert batch_plan.claim(tmp_path / "in" / "a.txt") == f"the input {tmp_path}/in/a.txt"
    assert batch_plan.claim(tmp_path / "out" / "a.html") == f"an output of {tmp_path}/in/a.txt"
    assert batch_plan.claim(tmp_path / "run.json") is None


def test_a_file_name_that_is_not_utf8_is_reported_losslessly(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    report = run(plan([str(tmp_path / "in")], HTML_ONLY, outdir=str(tmp_path / "out")), jobs=1)
    write_report(report, tmp_path / "report.json")
    data = json.loads((tmp_path / "report.json").read_bytes().decode("utf-8"))
    assert os.fsencode(data["inputs"][0]["source"]) == os.path.join(folder, b"caf\xe9.txt")
    assert os.path.exists(os.path.join(os.fsencode(tmp_path / "out"), b"caf\xe9.html"))


class FakeExecutor:
    """Futures settled at once: a chunk holding ``poison`` is lost as if it had killed its worker."""

    chunk_size, slots, ships_bytes = 2, 2, False

    def __init__(self, poison: str) -> None:
        self.poison, self.live, self.most_in_flight, self.submitted = poison, set(), 0, []

    def submit(self, chunk):
        future = concurrent.futures.Future()
        self.live.add(future)
        self.most_in_flight = max(self.most_in_flight, len(self.live))
        self.submitted.append([Path(t.source).name for t in chunk])
        if any(Path(t.source).name == self.poison for t in chunk):
            future.set_exception(ConnectionResetError("worker died"))
        else:
            future.set_result([batch.Result(t.source, CONVERTED) for t in chunk])
        return future

    def wait(self, futures):
        done = {f for f in futures if f.done()}
        self.live -= done
        return done

    def lost(self, error):
        return isinstance(error, ConnectionResetError)

    def close(self):
        pass


def test_a_chunk_that_kills_its_worker_is_retried_one_article_at_a_time(tmp_path):
    make_tree(tmp_path, {f"{n}.txt": ARTICLE for n in range(7)})
    executor = FakeExecutor(poison="2.txt")
    report = run(plan([str(tmp_path)], HTML_ONLY), executor=executor)
    assert statuses(report) == {f"{n}.txt": FAILED if n == 2 else CONVERTED for n in range(7)}
    assert "its worker died converting it, again when it ran alone" in report.results[2].error
    assert executor.most_in_flight == 2
    assert executor.submitted == [["0.txt", "1.txt"], ["2.txt", "3.txt"], ["2.txt"], ["3.txt"],
                                  ["4.txt", "5.txt"], ["6.txt"]]
