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
                                  dashboard_address=None, silence_logs=logging.CRITICAL) as local:
        yield local


@pytest.fixture
def articles(tmp_path) -> Path:
    """Twelve real articles in two folders, and one binary file posing as an article."""
    folder = tmp_path / "in"
    for n, path in enumerate(sorted(FIXTURES.glob("*.txt"))[:12]):
        (folder / f"desk{n % 2}").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / f"desk{n % 2}" / path.name)
    (folder / "desk0" / "zz-image.txt").write_bytes(BAD)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def by_name(report) -> dict[str, str]:
    return {Path(r.source).name: r.status for r in report.results}


def test_a_cluster_writes_the_local_pools_bytes_and_reports_the_bad_file(cluster, articles, tmp_path):
    local = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "local")), jobs=2)
    remote = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "dask")),
                 executor=connect(cluster.scheduler_address, ALL_FORMATS))
    assert by_name(remote) == by_name(local)
    assert by_name(remote)["zz-image.txt"] == FAILED and remote.count(CONVERTED) == 12
    assert [r.error for r in remote.results if r.status == FAILED] == [r.error for r in local.results
                                                                       if r.status == FAILED]
    assert len(files(tmp_path / "dask")) == 36
    assert files(tmp_path / "dask") == files(tmp_path / "local")


def test_without_a_shared_filesystem_the_client_sends_inputs_and_writes_outputs(cluster, articles, tmp_path,
                                                                               monkeypatch):
    local = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "local")), jobs=2)
    monkeypatch.chdir(tmp_path)  # relative paths, which the workers could not resolve: they get bytes
    shipped = run(plan(["in"], ALL_FORMATS, outdir="shipped"),
                  executor=connect(cluster.scheduler_address, ALL_FORMATS, ships_bytes=True))
    assert by_name(shipped) == by_name(local)
    assert {r.outputs.get("pdf") for r in shipped.results} - {None} == {
        f"shipped/desk{n % 2}/{p.stem}.pdf" for n, p in enumerate(sorted(FIXTURES.glob("*.txt"))[:12])}
    assert files(tmp_path / "shipped") == files(tmp_path / "local")


def test_the_command_line_runs_on_a_scheduler_with_report_and_exit_code(cluster, articles, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(articles), "--to", "html", "-O", str(tmp_path / "out"),
                                       "--scheduler", cluster.scheduler_address, "--report", str(tmp_path / "r.json")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("newsconv: 12 converted, 1 failed, 0 skipped in ")
    assert "zz-image.txt: a binary file" in result.stderr and "Traceback" not in result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (report["converted"], report["failed"], len(report["inputs"])) == (12, 1, 13)


def test_an_unreachable_scheduler_is_a_usage_error():
    with pytest.raises(ClusterError, match="cannot use the Dask scheduler"):
        connect("tcp://127.0.0.1:9", ALL_FORMATS, timeout="1s")


def test_a_killed_workers_tasks_are_retried_on_the_other(cluster, articles, tmp_path):
    """Runs last in this module: the cluster's nanny replaces the killed worker, in its own time."""
    local = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "local")), jobs=2)
    client = distributed.Client(cluster, set_as_default=False)
    pids = client.run(os.getpid)
    killed = []

    def kill_a_busy_worker(result):
        if not killed:
            busy = [address for address, keys in client.processing().items() if keys]
            killed.append(pids[busy[0]])
            os.kill(killed[0], signal.SIGKILL)

    try:
        report = run(plan([str(articles)], ALL_FORMATS, outdir=str(tmp_path / "dask")),
                     executor=connect(cluster.scheduler_address, ALL_FORMATS), on_result=kill_a_busy_worker)
        assert killed and killed[0] not in client.run(os.getpid).values()
    finally:
        client.close()
    assert by_name(report) == by_name(local) and report.count(CONVERTED) == 12
    assert files(tmp_path / "dask") == files(tmp_path / "local")
