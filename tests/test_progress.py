"""Progress lines for long index builds: silent when quick, periodic when slow, one line at a terminal."""

import io

from bot.progress import Progress


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_quick_work_prints_nothing():
    out = io.StringIO()
    progress = Progress("indexing", out, after=60)
    progress(5, 10)
    progress(10, 10)
    assert out.getvalue() == ""


def test_slow_work_prints_periodically_and_at_the_end(monkeypatch):
    out = io.StringIO()
    clock = iter([0.0, 2.0, 2.5, 8.0, 9.0])
    monkeypatch.setattr("bot.progress.time.monotonic", lambda: next(clock))
    progress = Progress("indexing", out, after=1.0, every=5.0)
    for done in (64, 128, 192, 200):
        progress(done, 200)
    assert out.getvalue().splitlines() == ["indexing: 64/200 (32%, 2s)", "indexing: 192/200 (96%, 8s)",
                                           "indexing: 200/200 (100%, 9s)"]


def test_a_terminal_gets_one_rewritten_line(monkeypatch):
    out = Tty()
    monkeypatch.setattr("bot.progress.time.monotonic", lambda: 3.0)
    progress = Progress("indexing", out)
    progress.start = 0.0
    progress(1, 2)
    progress(2, 2)
    assert out.getvalue() == "\rindexing: 1/2 (50%, 3s)\rindexing: 2/2 (100%, 3s)\n"
