"""Logging: full tracebacks go to a log file; users see one-line messages only."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import platformdirs

from .config import Settings

LOG_NAME = "article-bot.log"
FILE_ONLY = "file_only"  # extra={FILE_ONLY: True}: the record goes to the log file, not to the terminal


class _NoTraceback(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text = saved


def setup_logging(settings: Settings, verbose: bool = False, console_tracebacks: bool = False) -> Path:
    """Send INFO+ with tracebacks to the log file, and WARNING+ (INFO+ if verbose) to stderr."""
    folder = settings.model.cache_dir or platformdirs.user_log_path("article-bot")
    log_file = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.INFO)
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter(fmt))
        root.addHandler(file_handler)
    except OSError:
        log_file = Path("<stderr>")
    console = logging.StreamHandler(sys.stderr)
    console.addFilter(lambda record: not getattr(record, FILE_ONLY, False))
    console.addFilter(lambda record: "using static token" not in record.getMessage())  # discord.py's, not ours
    console.setLevel(logging.INFO if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter(fmt) if console_tracebacks else _NoTraceback(fmt))
    root.addHandler(console)
    for noisy in ("sentence_transformers", "transformers", "httpx", "huggingface_hub"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("discord.client").addFilter(lambda r: "voice will NOT be supported" not in r.getMessage())
    return log_file
