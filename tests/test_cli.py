"""The CLI's JSON-lines contract and exit codes, through a real subprocess."""

import json
import os
import subprocess
import sys
import threading

import pytest

from bot.config import PROJECT_ROOT


def run(*args, stdin=None, env_extra=None, text=True):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=text,
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
    (["passage", "abc"], 1, "e.g. article-bot passage 3"),
    (["ask", " "], 1, "article-bot ask QUESTION"),
    (["--article", "/dev/zero", "about"], 3, "larger than article.max_bytes (1,000,000 bytes)"),
    (["--set", "article.max_bytes=1000", "about"], 3, "raise it with --set article.max_bytes=N"),
    (["--set", "retrieval.top_k=1_0", "about"], 3, "retrieval.top_k = '1_0' is not valid"),
    (["--set", "retrieval.top_k=١٠", "about"], 3, "is not valid; allowed: an integer 1..10"),
    (["quote", "Merkel"], 1, "No one called 'Merkel'"),
    (["--set", "retrieval.top_k=0", "about"], 3, "retrieval.top_k = 0"),
    (["--article", "/nonexistent/file.txt", "about"], 3, "cannot read article file"),
    (["frobnicate"], 2, "invalid choice"),
    (["--set", "retrieval.topk=3", "about"], 3, "did you mean retrieval.top_k?"),
    (["--article", "tests/test_cli.py", "--set", "article.max_bytes=1000000", "report", "--plot",
      "/nonexistent/folder/plot.png"], 3, "cannot write the plot to /nonexistent/folder/plot.png"),
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


def test_one_paragraph_article(tmp_path, tmp_cache):
    one = tmp_path / "one.txt"
    one.write_text("One Para\n\nThe council approved the new budget on Monday after a long debate.\n")
    assert "1 paragraph, 12 words" in run("--article", str(one), "about", env_extra=tmp_cache).stdout
    answer = json.loads(run("--article", str(one), "ask", "--json", "What did the council approve?",
                            env_extra=tmp_cache).stdout)
    assert answer["citations"] == [1] and answer["passages"][0]["score"] > 0.5
    assert answer["answer"][slice(*answer["span"])] in answer["answer"]


def test_batch_lines_are_valid_utf8_json_with_one_echo(tmp_cache):
    stdin = b"Who requested the call?\n\xff\xfe who \xc3( ?\n\x00\x07\n" + b"x" * 600 + b"\n"
    proc = run("ask", "--json", "-", stdin=stdin, env_extra=tmp_cache, text=False)
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert len(rows) == 4 and "Traceback" not in proc.stderr.decode()
    assert rows[1]["question"] == "\ufffd\ufffd who \ufffd( ?"
    assert rows[2]["error"] and rows[2]["question"] == "", "errors echo the cleaned question, like answers"
    assert rows[3]["kind"] == "too_long" and rows[3]["question"] == "x" * 600
    assert all(0 <= p["score"] <= 1 for row in rows for p in row["passages"])


def test_text_batch_separates_answers(tmp_cache):
    proc = run("ask", "-", stdin="Who requested the call?\nhello\nWhat is the capital of France?\n",
               env_extra=tmp_cache)
    parts = proc.stdout.split("\n---\n")
    assert len(parts) == 3 and "[¶3]" in parts[0] and parts[1].startswith("Hi! I answer questions")
    assert parts[2].strip() == "I couldn't find that in the article."


def test_article_from_stdin_and_pipes(tmp_path, tmp_cache):
    seed = next((PROJECT_ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    piped = run("--article", "-", "ask", "--json", "Who requested the call?", stdin=seed, env_extra=tmp_cache)
    assert json.loads(piped.stdout)["citations"] == [3], piped.stderr
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(seed, encoding="utf-8"))
    writer.start()
    about = run("--article", str(fifo), "about", env_extra=tmp_cache)
    writer.join(5)
    assert about.stdout.startswith("Biden, Putin Warn"), about.stderr
    both = run("--article", "-", "ask", "-", stdin=seed, env_extra=tmp_cache)
    assert both.returncode == 3 and "standard input" in both.stderr


def test_misspelt_variable_is_named_with_the_nearest_one(tmp_cache):
    proc = run("about", env_extra={**tmp_cache, "ARTICLE_BOT_RETRIEVAL_TOPK": "5"})
    assert proc.returncode == 0
    assert ("ignoring ARTICLE_BOT_RETRIEVAL_TOPK: no such setting; did you mean ARTICLE_BOT_RETRIEVAL_TOP_K?"
            in proc.stderr)


def test_config_file_that_is_not_utf8(tmp_path, tmp_cache):
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("[article]\npath = \"caf\xe9.txt\"\n".encode("latin-1"))
    proc = run("--config", str(bad), "about", env_extra=tmp_cache)
    assert proc.returncode == 3 and "is not UTF-8 text" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_internal_error_is_one_line_and_logged(monkeypatch, capsys, tmp_path):
    from bot import cli

    def broken(args, settings):
        raise RuntimeError("index exploded")

    monkeypatch.setitem(cli.COMMANDS, "about", broken)
    assert cli.main(["--set", f"model.cache_dir={tmp_path}", "about"]) == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("article-bot: internal error; details are in")
    assert "index exploded" in (tmp_path / "article-bot.log").read_text()


def test_report_on_an_empty_and_a_used_store(tmp_path, tmp_cache):
    from bot.store import Store

    url = f"sqlite:///{tmp_path / 'store.db'}"
    env = {**tmp_cache, "ARTICLE_BOT_STORAGE_URL": url}
    empty = run("report", env_extra=env)
    assert empty.returncode == 0 and empty.stdout.strip() == "No questions were asked in the last 30 days."
    store = Store(url)
    store.record_question("Who requested the call?", False, (3,), user_id=1)
    wrong = store.record_question("When was the summit?", False, (18,), user_id=2)
    store.record_question("What is the capital of France?", True, (), user_id=2)
    store.record_vote(wrong, 1, up=False)
    store.close()
    text = run("report", env_extra=env)
    assert "Questions in the last 30 days: 3 (declined 1, 33%)" in text.stdout
    assert "what is the capital of france" in text.stdout and "When was the summit?  [¶18]" in text.stdout
    plot = tmp_path / "days.png"
    data = json.loads(run("report", "--json", "--since", "7", "--plot", str(plot), env_extra=env).stdout)
    assert data["questions"] == 3 and data["downvoted"][0]["citations"] == [18]
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = run("report", env_extra={**tmp_cache, "ARTICLE_BOT_STORAGE_URL": "postgresql+psycopg://u:pw@127.0.0.1:9/x"})
    assert bad.returncode == 3 and "pw" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_quote_listing_json_keeps_the_wording_external_tools_parse(tmp_cache):
    proc = run("quote", "--json", "-", stdin="\n", env_extra=tmp_cache)
    listing = json.loads(proc.stdout)
    assert listing["message"].startswith("Quoted in this article: ")
    assert listing["message"].endswith(". Use /quote NAME.") and "Yuri Ushakov" in listing["speakers"]
    text = run("quote", env_extra=tmp_cache).stdout
    assert text.rstrip().endswith("Use article-bot quote NAME.")


def test_metadata_answers_name_what_they_cite(tmp_cache):
    proc = run("ask", "Who are the authors of this piece?", env_extra=tmp_cache)
    assert proc.stdout.splitlines()[0].endswith("[byline]")


def test_version_and_the_cli_help_speaks_cli(tmp_cache):
    version = run("--version", env_extra=tmp_cache)
    assert version.returncode == 0 and version.stdout.startswith("article-bot ")
    hello = run("ask", "hello", env_extra=tmp_cache)
    assert "article-bot quote NAME" in hello.stdout and "/quote" not in hello.stdout


def test_refused_json_lines_carry_every_key_of_their_object(tmp_cache):
    asked = run("ask", "--json", "-", stdin="Who requested the call?\n\n", env_extra=tmp_cache)
    ok, refused = (json.loads(line) for line in asked.stdout.splitlines())
    assert set(ok) <= set(refused) | {"kind"} and refused["error"]
    quoted = run("quote", "--json", "-", stdin="Ushakov\n" + "x" * 200 + "\n", env_extra=tmp_cache)
    ok, refused = (json.loads(line) for line in quoted.stdout.splitlines())
    assert set(ok) <= set(refused) and refused["error"]
