"""The command line: `newsconv convert` wiring, exit codes, messages, interruption and lazy imports."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsconv.cli import FormatList, main

SEED = Path(__file__).parent.parent / "fixtures" / "articles" / "ar-seed.txt"
ARTICLE = "عنوان الخبر\n\nنص المقال الأول عن الاقتصاد.\n"


def newsconv(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def articles(folder: Path, count: int, text: str = ARTICLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(f"{n}\n\n{text}", encoding="utf-8")
    return folder


def test_convert_writes_every_format_and_closes_with_a_summary(tmp_path):
    articles(tmp_path / "in", 2)
    result = newsconv("convert", str(tmp_path / "in"), "--to", "html,docx", "-O", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["000.docx", "000.html", "001.docx", "001.html"]
    assert result.stderr.startswith("newsconv: 2 converted, 0 failed, 0 skipped in ")
    assert result.stdout == ""


def test_each_bad_file_gets_one_error_line_and_the_batch_exits_1(tmp_path):
    articles(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = newsconv("convert", str(tmp_path / "in"), str(tmp_path / "gone.txt"), "--to", "html",
                      "-O", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"newsconv: error: {tmp_path}/gone.txt: no such file",
        f"newsconv: error: {tmp_path}/in/empty.txt: the article is empty",
        result.stderr.splitlines()[-1]]
    assert result.stderr.splitlines()[-1].startswith("newsconv: 2 converted, 2 failed, 0 skipped")


@pytest.mark.parametrize("args, message", [
    (["convert", "x.txt"], "Missing option '-t' / '--to'"),
    (["convert", "x.txt", "--to", "pdf,odt"], "odt: not an output format"),
    (["convert", "--to", "pdf"], "Missing argument 'INPUT...'"),
    (["convert", "x.txt", "--to", "pdf", "-j", "0"], "0 is not in the range x>=1"),
])
def test_usage_errors_exit_2(args, message):
    result = newsconv(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_stdin_is_converted_as_stdin_dot_format(tmp_path):
    result = newsconv("convert", "-", "--to", "html", "-O", str(tmp_path), stdin=ARTICLE.encode())
    assert result.exit_code == 0, result.stderr
    assert "نص المقال الأول" in (tmp_path / "stdin.html").read_text(encoding="utf-8")


def test_errors_about_stdin_name_it(tmp_path):
    result = newsconv("convert", "-", "--to", "html", "-O", str(tmp_path), stdin=b"  \n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "newsconv: error: <stdin>: the article is empty"


def test_quiet_drops_warnings_but_keeps_errors_and_the_summary(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.txt").write_bytes(b"")
    loud = newsconv("convert", str(tmp_path / "empty"), str(tmp_path / "bad.txt"), "--to", "html")
    quiet = newsconv("convert", str(tmp_path / "empty"), str(tmp_path / "bad.txt"), "--to", "html", "-q")
    assert "newsconv: warning:" in loud.stderr and "no articles" in loud.stderr
    assert [line[:40] for line in quiet.stderr.splitlines()] == [
        f"newsconv: error: {tmp_path}/bad.txt"[:40], "newsconv: 0 converted, 1 failed, 0 skipp"]


def test_report_option_writes_the_json_report(tmp_path):
    articles(tmp_path / "in", 3)
    report = tmp_path / "run.json"
    result = newsconv("convert", str(tmp_path / "in"), "--to", "html", "-O", str(tmp_path / "out"),
                      "--report", str(report), "-j", "2")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert [(Path(i["source"]).name, i["status"]) for i in data["inputs"]] == [
        ("000.txt", "converted"), ("001.txt", "converted"), ("002.txt", "converted")]


def test_help_shows_examples_and_completion_is_documented():
    assert "newsconv convert articles/ --to pdf,docx,html -O out" in newsconv("convert", "--help").output
    assert "_NEWSCONV_COMPLETE=bash_source newsconv" in newsconv("--help").output


def test_bash_completion_script_and_format_completion():
    env = dict(os.environ, _NEWSCONV_COMPLETE="bash_source")
    command = [sys.executable, "-c", "from newsconv.cli import main; main(prog_name='newsconv')"]
    script = subprocess.run(command, env=env, capture_output=True, text=True).stdout
    assert "complete -o nosort -F" in script
    assert [item.value for item in FormatList().shell_complete(None, None, "pdf,d")] == ["pdf,docx"]


def test_to_html_still_writes_beside_its_input(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert newsconv("to-html", str(tmp_path / "a.txt")).exit_code == 0
    assert "نص المقال" in (tmp_path / "a.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("stop", ["ctrl-c", "kill"])
def test_a_stopped_batch_leaves_only_whole_files_and_skip_existing_finishes_it(tmp_path, stop):
    articles(tmp_path / "in", 40, ARTICLE * 3)
    command = [sys.executable, "-m", "newsconv", "convert", str(tmp_path / "in"), "--to", "html,docx",
               "-O", str(tmp_path / "out"), "-j", "2", "--report", str(tmp_path / "run.json")]
    batch = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_for(lambda: len(list(tmp_path.glob("out/*.docx"))) >= 4)
    if stop == "ctrl-c":
        os.killpg(batch.pid, signal.SIGINT)  # what a terminal does: the whole process group
    else:
        batch.terminate()
    stderr = batch.communicate(timeout=30)[1]
    assert batch.returncode == 130
    assert stderr.splitlines()[-1].endswith("(interrupted)") and "Traceback" not in stderr
    assert json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))["interrupted"] is True
    outputs = list((tmp_path / "out").iterdir())
    assert not [p for p in outputs if p.name.startswith(".")]
    assert all(zipfile.ZipFile(p).testzip() is None for p in outputs if p.suffix == ".docx")
    done = [p for p in outputs if p.suffix == ".docx" and p.with_suffix(".html").exists()]
    resumed = subprocess.run(command + ["--skip-existing"], capture_output=True, text=True)
    assert resumed.returncode == 0
    assert f"{40 - len(done)} converted, 0 failed, {len(done)} skipped" in resumed.stderr


def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def third_party_modules(*args: str) -> set[str]:
    """Top-level modules outside the standard library that ``newsconv ARGS`` imports."""
    probe = ("import atexit, sys; atexit.register(lambda: print(*sys.modules, file=sys.__stderr__)); "
             "from newsconv.cli import main; main()")
    run = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    baseline = subprocess.run([sys.executable, "-c", "import sys; print(*sys.modules)"], capture_output=True,
                              text=True).stdout.split()
    names = {name.split(".")[0] for name in run.stderr.splitlines()[-1].split()}
    return names - set(sys.stdlib_module_names) - {name.split(".")[0] for name in baseline}


def test_version_imports_only_click():
    assert third_party_modules("--version") == {"click", "newsconv"}


def test_each_command_imports_only_the_libraries_it_needs(tmp_path):
    to_html = third_party_modules("to-html", str(SEED), "-o", str(tmp_path / "seed.html"))
    to_pdf = third_party_modules("to-pdf", str(SEED), "-o", str(tmp_path / "seed.pdf"))
    assert (tmp_path / "seed.html").exists() and (tmp_path / "seed.pdf").exists()
    assert not {"reportlab", "docx", "bs4"} & to_html
    assert not {"bs4", "docx", "reportlab"} & to_pdf and "uharfbuzz" in to_pdf


def processes_below(pid: int) -> list[int]:
    """Every descendant of ``pid`` (the batch's fork server and its workers), from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def workers_of(pid: int) -> list[int]:
    """The batch's pool workers: the fork server's children (or its own, when workers are spawned)."""
    below = processes_below(pid)
    return [p for p in below if p not in processes_below_one(pid)] or below


def processes_below_one(pid: int) -> list[int]:
    return [p for p in processes_below(pid) if p in _children(pid)]


def _children(pid: int) -> set[int]:
    with contextlib.suppress(OSError):
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    return set()


def docx_batch_of_40(tmp_path: Path) -> subprocess.Popen:
    """``convert`` of 40 articles to DOCX with two workers, started and left running."""
    articles(tmp_path / "in", 40, ARTICLE * 3)
    command = [sys.executable, "-m", "newsconv", "convert", str(tmp_path / "in"), "--to", "docx",
               "-O", str(tmp_path / "out"), "-j", "2"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_a_worker_killed_mid_batch_costs_nothing_its_articles_are_retried(tmp_path):
    batch = docx_batch_of_40(tmp_path)
    wait_for(lambda: len(list(tmp_path.glob("out/*.docx"))) >= 2 and len(workers_of(batch.pid)) >= 2)
    os.kill(workers_of(batch.pid)[-1], signal.SIGKILL)
    stderr = batch.communicate(timeout=120)[1]
    assert batch.returncode == 0, stderr
    assert stderr.startswith("newsconv: 40 converted, 0 failed, 0 skipped") and "Traceback" not in stderr
    assert len(list((tmp_path / "out").glob("*.docx"))) == 40


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_kill_9_of_a_batch_ends_its_workers_quietly_and_leaves_no_partial_file(tmp_path):
    batch = docx_batch_of_40(tmp_path)
    wait_for(lambda: len(list(tmp_path.glob("out/*.docx"))) >= 2)
    below = processes_below(batch.pid)
    batch.kill()
    stderr = batch.communicate(timeout=30)[1]  # the end of stderr: every worker, which shares it, has ended
    assert "Traceback" not in stderr and "Error" not in stderr
    wait_for(lambda: not [pid for pid in below if Path(f"/proc/{pid}").exists()], timeout=10)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_the_report_never_overwrites_an_input(tmp_path):
    articles(tmp_path / "in", 2)
    before = (tmp_path / "in" / "000.txt").read_bytes()
    result = newsconv("convert", str(tmp_path / "in"), "--to", "html", "--report", str(tmp_path / "in" / "000.txt"))
    assert result.exit_code == 6
    assert result.stderr == f"newsconv: error: {tmp_path}/in/000.txt: refusing to write the report over the input " \
                            f"{tmp_path}/in/000.txt\n"
    assert (tmp_path / "in" / "000.txt").read_bytes() == before and not (tmp_path / "in" / "001.html").exists()


def test_three_shards_and_their_merged_report_cover_every_input_once(tmp_path):
    articles(tmp_path / "in", 30)
    written = []
    for k in (1, 2, 3):
        result = newsconv("convert", str(tmp_path / "in"), "--to", "html", "-O", str(tmp_path / f"out{k}"),
                          "--shard", f"{k}/3", "--report", str(tmp_path / f"r{k}.json"), "-j", "1")
        assert result.exit_code == 0, result.stderr
        written.append({p.name for p in (tmp_path / f"out{k}").iterdir()})
    assert sum(map(len, written)) == 30 and len(set().union(*written)) == 30 and min(map(len, written)) >= 5
    result = newsconv("report", "merge", *(str(tmp_path / f"r{k}.json") for k in (1, 2, 3)),
                      "-o", str(tmp_path / "all.json"))
    assert result.exit_code == 0 and "3 reports merged: 30 converted, 0 failed, 0 skipped" in result.stderr
    merged = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert sorted(Path(i["source"]).name for i in merged["inputs"]) == [f"{n:03}.txt" for n in range(30)]


@pytest.mark.parametrize("args, message", [
    (["--shard", "4/3"], "'4/3': K must be between 1 and N"),
    (["--shard", "a/b"], "'a/b' is not K/N"),
    (["--no-shared-fs"], "--no-shared-fs goes with --scheduler"),
])
def test_cluster_options_are_checked(tmp_path, args, message):
    articles(tmp_path / "in", 1)
    result = newsconv("convert", str(tmp_path / "in"), "--to", "html", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_local_batch_never_imports_dask(tmp_path):
    articles(tmp_path / "in", 1)
    loaded = third_party_modules("convert", str(tmp_path / "in"), "--to", "html", "-j", "1")
    assert (tmp_path / "in" / "000.html").exists()
    assert not {"dask", "distributed", "tornado"} & loaded
