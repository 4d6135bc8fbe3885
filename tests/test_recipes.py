"""The documented recipes for many machines, run here as their schedulers would run each index."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

RECIPES = Path(__file__).parent.parent / "docs" / "recipes"
ARTICLE = "عنوان الخبر {n}\n\nنص المقال الأول عن الاقتصاد.\n"


@pytest.fixture
def archive(tmp_path) -> Path:
    """An archive of 12 articles, and a ``newsconv`` command on PATH that runs this checkout."""
    for n in range(12):
        path = tmp_path / "archive" / "in" / f"desk{n % 3}" / f"{n:02}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(n=n), encoding="utf-8")
    shim = tmp_path / "bin" / "newsconv"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsconv "$@"\n')
    shim.chmod(0o755)
    return tmp_path


def environment(archive: Path, **variables: str) -> dict[str, str]:
    path = f"{archive / 'bin'}{os.pathsep}{os.environ['PATH']}"
    pythonpath = os.pathsep.join(filter(None, [str(Path(__file__).parent.parent / "src"),
                                               os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PATH=path, PYTHONPATH=pythonpath, ARCHIVE=str(archive / "archive"), **variables)


def assert_every_article_converted_once(archive: Path) -> None:
    outputs = sorted(str(p.relative_to(archive / "archive" / "out")) for p in (archive / "archive" / "out").rglob("*.pdf"))
    assert len(outputs) == 12
    reports = sorted((archive / "archive" / "reports").glob("shard-*.json"))
    assert len(reports) == 3
    inputs = [entry["source"] for report in reports for entry in json.loads(report.read_text())["inputs"]]
    assert len(inputs) == len(set(inputs)) == 12 and all(json.loads(r.read_text())["converted"] for r in reports)


def test_the_slurm_array_script_converts_each_shard(archive):
    for task in (4, 5, 6):  # an array of three, numbered from 4
        env = environment(archive, SLURM_ARRAY_TASK_ID=str(task), SLURM_ARRAY_TASK_MIN="4",
                          SLURM_ARRAY_TASK_COUNT="3", SLURM_CPUS_PER_TASK="1")
        subprocess.run(["bash", str(RECIPES / "slurm-convert.sh")], env=env, check=True, timeout=120)
    assert_every_article_converted_once(archive)


def test_the_kubernetes_indexed_job_converts_each_shard(archive):
    job = yaml.safe_load((RECIPES / "k8s-indexed-job.yaml").read_text())
    assert job["spec"]["completionMode"] == "Indexed"
    container = job["spec"]["template"]["spec"]["containers"][0]
    variables = {item["name"]: item["value"] for item in container["env"]}
    assert variables["SHARDS"] == str(job["spec"]["completions"])
    for index in range(3):
        env = environment(archive, SHARDS="3", JOB_COMPLETION_INDEX=str(index))
        subprocess.run([*container["command"], *container["args"]], env=env, check=True, timeout=120)
    assert_every_article_converted_once(archive)
