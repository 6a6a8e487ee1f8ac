"""The CLI's JSON-lines contract and exit codes, through a real subprocess."""

import json
import os
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT


def run(*args, stdin=None, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env=env, timeout=120)


@pytest.fixture()
def tmp_cache(cache_dir):
    return {"ARTICLE_BOT_MODEL_CACHE_DIR": str(cache_dir)}


def test_ask_batch_json_contract(tmp_cache):
    questions = ["Who requested the call?", "What is the capital of France?", "", "x" * 600]
    proc = run("ask", "--json", "-", stdin="\n".join(questions) + "\n", env_extra=tmp_cache)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 4 and proc.returncode == 1, proc.stderr
    ok, off, empty, huge = lines
    assert ok["question"] == questions[0] and ok["abstained"] is False and ok["citations"] == [3]
    assert "Mr Putin requested the call" in ok["answer"]
    assert {"paragraph", "text", "score"} <= set(ok["passages"][0]) and ok["passages"][0]["paragraph"] == 3
    assert off["abstained"] is True and off["answer"] is None and off["passages"] == [] and off["citations"] == []
    assert empty["error"] and huge["kind"] == "too_long"
    assert "Traceback" not in proc.stderr


def test_quote_batch_json_contract(tmp_cache):
    proc = run("quote", "--json", "-", stdin="Ushakov\nWhite House official\n", env_extra=tmp_cache)
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert first["speaker"] == "Yuri Ushakov" and first["query"] == "Ushakov"
    assert first["quotes"][0]["kind"] == "direct" and first["quotes"][0]["paragraph"] == 2
    assert {q["kind"] for q in first["quotes"]} == {"direct", "reported"}
    assert any("not a new commitment" in q["text"] for q in second["quotes"])


@pytest.mark.parametrize("args, code, fragment", [
    (["passage", "99"], 1, "no ¶99"),
    (["passage", "abc"], 1, "paragraph number"),
    (["quote", "Merkel"], 1, "No one called 'Merkel'"),
    (["--set", "retrieval.top_k=0", "about"], 3, "retrieval.top_k = 0"),
    (["--article", "/nonexistent/file.txt", "about"], 3, "cannot read article file"),
    (["frobnicate"], 2, "invalid choice"),
    ([], 2, "required"),
])
def test_errors_are_one_line_with_exit_codes(args, code, fragment, tmp_cache):
    proc = run(*args, env_extra=tmp_cache)
    assert proc.returncode == code
    assert fragment in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_passage_and_about(tmp_cache):
    proc = run("passage", "--json", "13", env_extra=tmp_cache)
    assert json.loads(proc.stdout)["text"].startswith("“You must give us a guarantee")
    about = run("about", env_extra=tmp_cache)
    assert about.returncode == 0 and "By Michael R. Gordon, Thomas Grove" in about.stdout
