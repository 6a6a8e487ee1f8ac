"""What kind of file an article is — a web page, Markdown or plain text — told by its content first (a
name's extension or an HTTP content type only settles a tie), and how its bytes decode."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from retrieval.errors import ArticleError

# Magic numbers of files people attach by mistake: "what it is" for the one-line refusal.
_BINARY = ((b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
           (b"GIF8", "a GIF image"), (b"RIFF", "a WebP image or media file"), (b"PK\x03\x04", "a ZIP or Office file"),
           (b"\x1f\x8b", "a gzip file"), (b"{\\rtf", "an RTF document"), (b"\xd0\xcf\x11\xe0", "an old Office file"))
# A page opens with a doctype, <html>, or a comment, or holds the tags every page has.
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<!--)", re.I)
# An HTML tag in the first bytes: "<p>", "<div class=…>".
_HTML_TAGS = re.compile(rb"<(?:html|head|body|article|p|div|meta|title)[\s>/]", re.I)
# Markdown shapes: "# Heading", "Title\n=====", "![alt](src)", "[text](url)", "**bold** line", "- item".
_MARKDOWN = (re.compile(r"^#{1,6}\s+\S", re.M), re.compile(r"^\S.*\n(?:=+|-+)\s*$", re.M),
             re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)"), re.compile(r"^\s*(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*$", re.M),
             re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\S", re.M), re.compile(r"^>\s", re.M))
# File endings of Markdown: "story.md".
_MARKDOWN_NAMES = (".md", ".markdown", ".mdown", ".mkd")
# File endings of web pages: "page.html".
_HTML_NAMES = (".html", ".htm", ".xhtml")
# A page's declared encoding: '<meta charset="windows-1252">'.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_SNIFF = 4096


def detect(raw: bytes, name: str = "", content_type: str | None = None) -> str:
    """"html", "markdown" or "text"; ArticleError naming what the bytes are when they are no text at all."""
    head = raw[:_SNIFF]
    for magic, what in _BINARY:
        if head.startswith(magic):
            raise ArticleError(f"{name or 'the article'} is {what}, not an article; give me a web page, Markdown "
                               "or plain text")
    if b"\x00" in head:  # UTF-16 too: no news site or editor saves articles so
        raise ArticleError(f"{name or 'the article'} is a binary file, not text; give me a web page, Markdown "
                           "or plain text")
    kind = (content_type or "").split(";")[0].strip().lower()
    lower = name.lower().split("?")[0]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if kind in ("text/html", "application/xhtml+xml") or lower.endswith(_HTML_NAMES):
        return "html" if b"<" in head else "text"
    if kind == "text/markdown" or lower.endswith(_MARKDOWN_NAMES):
        return "markdown"
    sample = head.decode("utf-8", "replace")
    return "markdown" if sum(bool(p.search(sample)) for p in _MARKDOWN) >= 2 else "text"


def charset_of(content_type: str | None) -> str | None:
    """The charset an HTTP Content-Type names ("text/html; charset=ISO-8859-1"), if it is one Python knows."""
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return _known(match.group(1)) if match else None


def decode(raw: bytes, kind: str, declared: str | None = None, source: str = "the article") -> str:
    """Text from bytes: a UTF-8 byte-order mark wins, then the charset the HTTP header declared, then a page's own
    <meta charset>, then UTF-8. Text that is none of these is refused rather than guessed at."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw.decode("utf-8-sig", "replace")
    meta = _META_CHARSET.search(raw[:_SNIFF * 4]) if kind == "html" else None
    for codec in (declared, _known(meta.group(1).decode("ascii", "ignore")) if meta else None, "utf-8"):
        if codec:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    if kind == "html":  # a page whose bytes break its own declaration: what the browser would show
        return raw.decode("utf-8", "replace")
    raise ArticleError(f"article {source!r} is not UTF-8 text (save it as UTF-8, or serve it with a charset)")


def _known(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin_1", "iso8859-1") else codec  # as browsers do (WHATWG encoding standard)


@dataclass(frozen=True)
class Page:
    """An article as its markup gives it: body blocks in order (line breaks inside a block kept: they part a
    header's lines) and what the markup states outright; the cleaning rules then read the blocks."""

    blocks: tuple[str, ...]
    headline: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    site: str | None = None
