"""The local chat harness: a REPL over the router, with readline history."""

from __future__ import annotations

import contextlib
import json
import sys

import platformdirs

from . import render
from . import responses as r
from .router import Router, clean_text

PROMPT = "you> "
# What leaves the chat: "/quit", "exit".
EXIT_WORDS = {"/quit", "/exit", "quit", "exit"}
CONVERSATION = "chat"  # one chat session is one conversation


def run_chat(router: Router, stdin=None, stdout=None) -> int:
    """Read lines until EOF (Ctrl-D) or /quit; answer each through the router."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    history = _enable_history() if interactive else None
    print(render.to_text(router.help()), file=stdout)
    print("Ctrl-D or /quit to leave.", file=stdout, flush=True)
    try:
        while True:
            try:
                line = input(PROMPT) if interactive else _read(stdin, stdout)
            except EOFError:
                break
            except KeyboardInterrupt:
                print(file=stdout)
                continue
            if line.strip().lower() in EXIT_WORDS:
                break
            if not line.strip():
                continue
            print(render.to_text(router.handle(line, CONVERSATION), bold=render.wants_bold(stdout)), file=stdout,
                  flush=True)
    finally:
        if history:
            _save_history(history)
    print(file=stdout)
    return 0


def run_chat_json(router: Router, stdin=None, stdout=None) -> int:
    """`chat --json`: every stdin line is the next turn of one conversation; one JSON object a line out."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for line in stdin:
        text = line.rstrip("\r\n")
        response = router.handle(text, CONVERSATION)
        if isinstance(response, r.ErrorResponse):
            out = render.error_json(response, "ask", clean_text(text))
        else:
            out = render.to_json(response)
        print(json.dumps(out, ensure_ascii=False), file=stdout, flush=True)
    return 0


def _read(stdin, stdout) -> str:
    print(PROMPT, end="", file=stdout, flush=True)
    line = stdin.readline()
    if not line:
        raise EOFError
    return line


def _enable_history():
    try:
        import readline
    except ImportError:
        return None
    path = platformdirs.user_state_path("article-bot") / "chat_history"
    with contextlib.suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)
    return readline, path


def _save_history(history) -> None:
    readline, path = history
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        readline.write_history_file(path)
    except OSError:
        pass
