"""`article-bot` entry point: chat | ask | summary | quote | passage | about | report | run | sync."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from retrieval.errors import ArticleError, ModelError

from . import render
from . import responses as r
from .config import ConfigError, Settings, is_url, load_settings, parse_assignment, unknown_env_names
from .errors import StoreError
from .logs import FILE_ONLY, setup_logging
from .router import clean_text
from .wiring import build_router

_log = logging.getLogger(__name__)

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_SETUP, EXIT_INTERNAL = 0, 1, 2, 3, 4
TEXT_SEPARATOR = "---"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="article-bot", description="Answer questions about a news article, with ¶ citations.")
    p.add_argument("--config", help="TOML settings file (default: config/default.toml)")
    p.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override one setting, e.g. --set retrieval.top_k=5 (repeatable)")
    p.add_argument("--article", help="article to load: a file (web page, Markdown or text) or an http(s) URL "
                   "(overrides article.path); - reads it from stdin")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    p.add_argument("--version", action="version", version=f"article-bot {_version()}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sp = sub.add_parser("chat", help="interactive chat over the article (follow-ups use the conversation)")
    sp.add_argument("--json", action="store_true", help="one turn a line on stdin, one ask object a line out")
    for name, what in (("ask", "QUESTION"), ("quote", "NAME")):
        sp = sub.add_parser(name, help=f"one-shot {name}; '-' reads one {what} per stdin line")
        sp.add_argument("--json", action="store_true", help="print the JSON-lines contract")
        sp.add_argument("text", nargs="*" if name == "quote" else "+", metavar=what)
    sp = sub.add_parser("passage", help="print paragraph ¶N")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("number", metavar="N")
    sp = sub.add_parser("summary", help="the article in a few of its own sentences, with ¶ citations")
    sp.add_argument("--json", action="store_true", help="the ask object with kind = summary")
    sp = sub.add_parser("about", help="headline, authors and size of the article")
    sp.add_argument("--json", action="store_true")
    sp = sub.add_parser("report", help="for the article's owner: most asked, declined, voted-down answers")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--since", type=float, default=30.0, metavar="DAYS", help="look back this many days (30)")
    sp.add_argument("--plot", metavar="FILE.png", help="also draw questions and declines per day")
    sp.add_argument("--article", dest="report_article", metavar="FILE|URL",
                    help="only the questions asked about this article (as set for a channel with /article)")
    sub.add_parser("run", help="start the Discord bot (token from DISCORD_TOKEN)")
    sub.add_parser("sync", help="push slash commands to Discord globally (can take an hour to appear)")
    return p


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("article-bot")
    except PackageNotFoundError:
        return "(not installed)"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        overrides = dict(parse_assignment(a) for a in args.set)
        if args.article and args.article != "-":
            overrides["article.path"] = (args.article if is_url(args.article)
                                         else str(Path(args.article).expanduser().absolute()))
        settings = load_settings(args.config, overrides)
    except ConfigError as exc:
        return _fail(str(exc), EXIT_SETUP)
    for warning in unknown_env_names():
        print(f"article-bot: warning: {warning}", file=sys.stderr)
    operator = args.command in ("run", "sync")
    log_file = setup_logging(settings, verbose=args.verbose or operator, console_tracebacks=operator)
    try:
        args.loaded_article = _article_from_stdin(args, settings) if args.article == "-" else None
        return COMMANDS[args.command](args, settings)
    except (ArticleError, ModelError, ConfigError, StoreError) as exc:
        return _fail(str(exc), EXIT_SETUP)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        _log.exception("unexpected error in %s", args.command, extra={FILE_ONLY: True})
        return _fail(f"internal error; details are in {log_file}", EXIT_INTERNAL)


def _article_from_stdin(args, settings: Settings):
    """`--article -`: the article is read from standard input (at most article.max_bytes + 1 bytes)."""
    from retrieval.article.cleaning import from_bytes

    if args.command == "chat" or getattr(args, "text", None) == ["-"]:
        raise ConfigError("--article - reads the article from standard input, which this command also needs for "
                          "its input; pass the article as a file instead")
    limit = settings.article.max_bytes
    return from_bytes(sys.stdin.buffer.read(limit + 1), "<stdin>", limit)


def _router(args, settings: Settings, with_index: bool, syntax: str = "cli"):
    return build_router(settings, with_index=with_index, article=args.loaded_article, syntax=syntax)


def cmd_ask(args, settings: Settings) -> int:
    light = _router(args, settings, with_index=False)
    if args.text != ["-"]:  # a refused question is refused before the model loads
        refused = light.question(_readable(" ".join(args.text))).error
        if refused:
            return _one_or_batch(args, "ask", lambda _text: refused)
    full = build_router(settings, with_index=True, article=light.article, syntax="cli")
    return _one_or_batch(args, "ask", full.ask)


def cmd_quote(args, settings: Settings) -> int:
    return _one_or_batch(args, "quote", _router(args, settings, with_index=False).quote)


def cmd_passage(args, settings: Settings) -> int:
    return _emit(_router(args, settings, with_index=False).passage_text(args.number), args.json, "passage",
                 args.number)


def cmd_summary(args, settings: Settings) -> int:
    return _emit(_router(args, settings, with_index=True).summary(), args.json, "ask", "")


def cmd_about(args, settings: Settings) -> int:
    return _emit(_router(args, settings, with_index=False).about(), args.json)


def cmd_chat(args, settings: Settings) -> int:
    from .chat import run_chat, run_chat_json

    print("Loading the model and indexing the article…", file=sys.stderr, flush=True)
    router = _router(args, settings, with_index=True, syntax="slash")
    if args.json:
        sys.stdin.reconfigure(errors="replace")
        return run_chat_json(router)
    return run_chat(router)


def cmd_report(args, settings: Settings) -> int:
    from . import report
    from .store import Store
    from .wiring import store_url

    if not 0 < args.since <= 36500:
        return _fail(f"--since {args.since:g} is not valid; allowed: a number of days above 0", EXIT_USAGE)
    about = None
    if args.report_article:
        from .fetch import load_article

        source = args.report_article
        about = load_article(source if is_url(source) else Path(source).expanduser(), settings.article).sha256
    store = Store(store_url(settings))
    try:
        rep = store.report(args.since, article=about)
    finally:
        store.close()
    if args.plot:
        try:
            report.plot(rep, Path(args.plot))
        except OSError as exc:
            return _fail(f"cannot write the plot to {args.plot}: {exc.strerror or exc}", EXIT_SETUP)
    print(json.dumps(report.to_json(rep), ensure_ascii=False) if args.json else report.to_text(rep))
    if args.plot:
        print(f"Plot written to {args.plot}", file=sys.stderr)
    return EXIT_OK


def cmd_run(args, settings: Settings) -> int:
    from .discord.run import discord_env, hold_run_lock, run

    env = discord_env()
    from .store import LazyStore
    from .wiring import library_around, store_url

    url = store_url(settings)
    store = LazyStore(url, settings.storage.retention_days)
    hold_run_lock(settings, url)
    return run(settings, lambda: library_around(_router(args, settings, with_index=True, syntax="discord"), settings),
               env, store)


def cmd_sync(args, settings: Settings) -> int:
    import asyncio

    from .discord.run import discord_env, sync_global

    count = asyncio.run(sync_global(settings, discord_env()))
    print(f"Synced {count} slash commands globally; Discord may take up to an hour to show them.")
    return EXIT_OK


def _one_or_batch(args, command: str, handler: Callable[[str], r.Response]) -> int:
    if args.text == ["-"]:
        sys.stdin.reconfigure(errors="replace")
        return _batch(sys.stdin, command, handler, args.json)
    text = _readable(" ".join(args.text))
    response = handler(text)
    if args.json and isinstance(response, r.ErrorResponse):
        print(json.dumps(render.error_json(response, command, clean_text(text)), ensure_ascii=False))
        return EXIT_USER
    return _emit(response, args.json)


def _batch(lines: Iterable[str], command: str, handler: Callable[[str], r.Response], as_json: bool) -> int:
    """One output per input line, same order, flushed; text answers are separated by a line of dashes."""
    status = EXIT_OK
    for number, line in enumerate(lines):
        query = _readable(line.rstrip("\r\n"))
        response = handler(query)
        if isinstance(response, r.ErrorResponse):
            status = EXIT_USER
            out = (json.dumps(render.error_json(response, command, clean_text(query)), ensure_ascii=False)
                   if as_json else render.error_message(response))
        else:
            out = json.dumps(render.to_json(response), ensure_ascii=False) if as_json else \
                render.to_text(response, bold=render.wants_bold(sys.stdout))
        if number and not as_json:
            print(TEXT_SEPARATOR)
        print(out, flush=True)
    return status


def _readable(text: str) -> str:
    """Text as valid Unicode: bytes that were not UTF-8 (surrogate escapes from argv) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _emit(response: r.Response, as_json: bool, command: str = "", text: str = "") -> int:
    if isinstance(response, r.ErrorResponse):
        if as_json:
            print(json.dumps(render.error_json(response, command, text), ensure_ascii=False))
        else:
            print(render.error_message(response), file=sys.stderr)
        return EXIT_USER
    print(json.dumps(render.to_json(response), ensure_ascii=False) if as_json else
          render.to_text(response, bold=render.wants_bold(sys.stdout)))
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"article-bot: {message}", file=sys.stderr)
    return code


COMMANDS: dict[str, Callable[..., int]] = {
    "ask": cmd_ask, "quote": cmd_quote, "passage": cmd_passage, "about": cmd_about, "chat": cmd_chat,
    "run": cmd_run, "sync": cmd_sync, "report": cmd_report, "summary": cmd_summary,
}


if __name__ == "__main__":
    sys.exit(main())
