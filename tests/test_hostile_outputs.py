"""Where outputs go: permissions by the umask, symlinks followed not replaced, devices and FIFOs
written through or refused, never an input overwritten, a full device an OutputError (exit 6)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsconv import output
from newsconv.cli import main
from newsconv.errors import OutputError

SRC = str(Path(__file__).resolve().parents[1] / "src")
ARTICLE = "عنوان المقال\n\nنص المقال هنا.\n"


@pytest.fixture
def umask():
    """Set the umask for one test, and put the runner's back after it."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_follows_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    output.write_atomic(tmp_path / "new.html", b"data")
    assert mode(tmp_path / "new.html") == expected


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "old.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    output.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o640


def test_data_is_fsynced_before_the_rename(tmp_path, monkeypatch):
    events = []
    monkeypatch.setattr(os, "fsync", lambda fd: events.append("fsync"))
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append("rename"), real_replace(a, b)))
    output.write_atomic(tmp_path / "x.html", b"data")
    assert events[:2] == ["fsync", "rename"]


def test_a_symlink_is_followed_and_kept(tmp_path):
    (tmp_path / "real.html").write_bytes(b"old")
    (tmp_path / "link.html").symlink_to("real.html")
    output.write_atomic(tmp_path / "link.html", b"new")
    assert (tmp_path / "link.html").is_symlink() and (tmp_path / "real.html").read_bytes() == b"new"


def test_a_dangling_symlink_creates_its_target(tmp_path):
    (tmp_path / "link.html").symlink_to("later.html")
    output.write_atomic(tmp_path / "link.html", b"new")
    assert (tmp_path / "link.html").is_symlink() and (tmp_path / "later.html").read_bytes() == b"new"


def test_a_symlink_loop_is_an_output_error(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(OutputError, match="symbolic links"):
        output.write_atomic(tmp_path / "loop", b"x")


def test_a_character_device_is_written_through_not_replaced():
    output.write_atomic(os.devnull, b"discarded")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlink_to_standard_output_writes_through_it(tmp_path, source):
    (tmp_path / "out").symlink_to("/proc/self/fd/1")
    result = subprocess.run([sys.executable, "-m", "newsconv", "to-html", str(source), "-o", str(tmp_path / "out"),
                             "--fragment"], capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 0 and "<article" in result.stdout.decode()
    assert (tmp_path / "out").is_symlink() and os.readlink(tmp_path / "out") == "/proc/self/fd/1"


def test_a_fifo_with_a_reader_is_written_through(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        for _ in range(1000):  # the reader's open() must come first, or the write finds no reader
            try:
                output.write_atomic(fifo, b"through the pipe")
                break
            except OutputError:
                threading.Event().wait(0.01)
    finally:
        reader.join(timeout=10)
    assert received == [b"through the pipe"] and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="nothing is reading the FIFO"):
        output.write_atomic(fifo, b"x")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        output.write_atomic(tmp_path, b"x")


def test_a_full_device_is_exit_6_with_one_line(source):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "newsconv", "to-html", str(source), "-o", "-"], stdout=full,
                                stderr=subprocess.PIPE, timeout=60, env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 6
    assert result.stderr.decode() == "newsconv: error: standard output: cannot write (No space left on device)\n"


def test_parse_onto_a_full_device_is_exit_6(source):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "newsconv", "parse", str(source), "--json"], stdout=full,
                                stderr=subprocess.PIPE, timeout=60, env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 6 and len(result.stderr.splitlines()) == 1


def test_o_onto_a_full_device_file_is_exit_6(source):
    result = CliRunner().invoke(main, ["to-html", str(source), "-o", "/dev/full"])
    assert result.exit_code == 6 and "No space left on device" in result.stderr


@pytest.mark.parametrize("how", ["same", "hard-link", "symlink"])
def test_an_output_never_overwrites_its_input(tmp_path, source, how):
    target = {"same": source, "hard-link": tmp_path / "b.html", "symlink": tmp_path / "c.html"}[how]
    if how == "hard-link":
        os.link(source, target)
    elif how == "symlink":
        target.symlink_to(source)
    result = CliRunner().invoke(main, ["to-html", str(source), "-o", str(target)])
    assert result.exit_code == 6 and "refusing to overwrite the input" in result.stderr
    assert source.read_text(encoding="utf-8") == ARTICLE


def test_standard_input_redirected_from_the_output_is_not_overwritten(source):
    with open(source, "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "newsconv", "to-html", "-", "-o", str(source)], stdin=stdin,
                                capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 6 and source.read_text(encoding="utf-8") == ARTICLE


def test_closed_standard_streams_are_one_line_each(tmp_path, source):
    env = {**os.environ, "PYTHONPATH": SRC}
    closed_out = subprocess.run(f'"{sys.executable}" -m newsconv to-html "{source}" -o - >&-', shell=True,
                                capture_output=False, stderr=subprocess.PIPE, timeout=60, env=env)
    assert closed_out.returncode == 6 and b"standard output: cannot write (it is closed)" in closed_out.stderr
    (tmp_path / "x.html").write_bytes(b"old")
    closed_in = subprocess.run(f'"{sys.executable}" -m newsconv to-html - -o "{tmp_path / "x.html"}" <&-', shell=True,
                               stderr=subprocess.PIPE, timeout=60, env=env)
    assert closed_in.returncode == 3 and b"<stdin>: cannot read (it is closed)" in closed_in.stderr
    assert (tmp_path / "x.html").read_bytes() == b"old"


def test_a_read_only_file_is_not_replaced(tmp_path, monkeypatch):
    target = tmp_path / "locked.html"
    target.write_bytes(b"kept")
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root may write anything: pretend otherwise
    with pytest.raises(OutputError, match="read-only"):
        output.write_atomic(target, b"new")
    assert target.read_bytes() == b"kept"


def test_the_umask_is_read_without_changing_it(umask):
    umask(0o027)
    assert output._umask() == 0o027
    assert os.umask(0o027) == 0o027  # still what the test set
