"""A batch on a Dask cluster (the dask extra): two worker processes on the loopback, as a real cluster runs it."""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsconv.batch import CONVERTED, FAILED, Conversion, plan, run
from newsconv.cli import main

distributed = pytest.importorskip("distributed")  # CI installs it with the test extra
from newsconv.cluster import ClusterError, connect  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "fixtures" / "articles"
ALL_FORMATS = Conversion(formats=("pdf", "docx", "html"))
BAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two single-threaded worker processes on 127.0.0.1, shared by this module's tests."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", silence_logs=logging.CRITICAL) as local:
        yield local


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Twelve real articles in two folders, one with a warning, and a binary file posing as an article."""
    folder = tmp_path_factory.mktemp("cluster") / "in"
    for n, path in enumerate(sorted(FIXTURES.glob("*.txt"))[:12]):
        (folder / f"desk{n % 2}").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / f"desk{n % 2}" / path.name)
    (folder / "desk0" / "zz-image.txt").write_bytes(BAD)
    (folder / "desk1" / "zz-control.txt").write_text("عنوان\n\nنص\x01 المقال.\n", encoding="utf-8")  # a warning
    return folder


@pytest.fixture(scope="module")
def local(articles):
    """The local pool's report and files: what every run on the cluster must match."""
    outdir = articles.parent / "local"
    return run(plan([str(articles)], ALL_FORMATS, outdir=str(outdir)), jobs=2), files(outdir)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def by_name(report) -> dict[str, str]:
    return {Path(r.source).name: r.status for r in report.results}


def messages(report) -> list[tuple]:
    return sorted((r.source, r.error, r.warnings) for r in report.results)


def test_a_cluster_writes_the_local_pools_bytes_and_reports_the_bad_file(cluster, articles, local, tmp_path):
    local, local_files = local
    remote = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "dask")),
                 executor=connect(cluster.scheduler_address, ALL_FORMATS))
    assert by_name(remote) == by_name(local)
    assert by_name(remote)["zz-image.txt"] == FAILED and remote.count(CONVERTED) == 13
    assert messages(remote) == messages(local)
    assert [r.warnings for r in remote.results if r.source.endswith("zz-control.txt")][0]
    assert len(files(tmp_path / "dask")) == 39
    assert files(tmp_path / "dask") == local_files


def test_without_a_shared_filesystem_the_client_sends_inputs_and_writes_outputs(cluster, articles, local, tmp_path,
                                                                               monkeypatch):
    local, local_files = local
    monkeypatch.chdir(tmp_path)  # relative paths, which the workers could not resolve: they get bytes
    shipped = run(plan([os.path.relpath(articles)], ALL_FORMATS, outdir="shipped"),
                  executor=connect(cluster.scheduler_address, ALL_FORMATS, ships_bytes=True))
    assert by_name(shipped) == by_name(local)
    assert {r.outputs.get("pdf") for r in shipped.results} - {None} == {"shipped/desk1/zz-control.pdf", *(
        f"shipped/desk{n % 2}/{p.stem}.pdf" for n, p in enumerate(sorted(FIXTURES.glob("*.txt"))[:12]))}
    assert files(tmp_path / "shipped") == local_files


def test_the_command_line_runs_on_a_scheduler_with_report_and_exit_code(cluster, articles, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(articles), "--to", "html", "-O", str(tmp_path / "out"),
                                       "--scheduler", cluster.scheduler_address, "--report", str(tmp_path / "r.json")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("newsconv: 13 converted, 1 failed, 0 skipped in ")
    assert "zz-image.txt: a binary file" in result.stderr and "Traceback" not in result.stderr
    assert "newsconv: warning: " in result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (report["converted"], report["failed"], len(report["inputs"])) == (13, 1, 14)
    again = CliRunner().invoke(main, ["convert", str(articles), "--to", "html", "-O", str(tmp_path / "out"),
                                      "--scheduler", cluster.scheduler_address, "--skip-existing"])
    assert again.stderr.splitlines()[-1].startswith("newsconv: 0 converted, 1 failed, 13 skipped in ")


def test_an_unreachable_scheduler_is_a_usage_error():
    with pytest.raises(ClusterError, match="cannot use the Dask scheduler"):
        connect("tcp://127.0.0.1:9", ALL_FORMATS, timeout="1s")


def test_a_killed_workers_tasks_are_retried_on_the_other(cluster, articles, local, tmp_path):
    """Runs last in this module: the cluster's nanny replaces the killed worker, in its own time."""
    local, local_files = local
    client = distributed.Client(cluster, set_as_default=False)
    pids = client.run(os.getpid)
    killed = []

    def kill_a_busy_worker(result):
        busy = [address for address, keys in client.processing().items() if keys]
        if busy and not killed:
            killed.append(pids[busy[0]])
            os.kill(killed[0], signal.SIGKILL)

    try:
        report = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "dask")),
                     executor=connect(cluster.scheduler_address, ALL_FORMATS), on_result=kill_a_busy_worker)
        assert killed and killed[0] not in client.run(os.getpid).values()
    finally:
        client.close()
    assert by_name(report) == by_name(local) and report.count(CONVERTED) == 13
    assert files(tmp_path / "dask") == local_files
