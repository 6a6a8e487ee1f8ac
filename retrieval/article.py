"""Load a scraped news article and clean it into headline, subtitle, numbered paragraphs and authors."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import header
from .errors import ArticleError
from .header import parse_byline

_SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_AD_MARKER = re.compile(r"^[\s\-–—•*|]*(advertisement|advertisements|sponsored( content)?|ad)[\s\-–—•*|]*$", re.I)
_NEWSLETTER = re.compile(
    r"\b(newsletter|in your inbox|subscribe|sign up|signup|stay on top|follow us|share this|read more|"
    r"click here|cookie)\b",
    re.I,
)
# Rights notices run long ("This copy is for your personal non-commercial use only. To order …"); these
# phrases occur in no story's own text.
_RIGHTS = re.compile(r"all rights reserved|©|for your personal,? non-commercial use|republication or distribution of "
                     r"this content|without the prior written (?:consent|permission)", re.I)
# A wire-style dateline opening the first paragraph: "LIMA, March 3 (Reuters) - ", "TORONTO — ".
DATELINE = (r"(?P<dateline>[A-Z][A-Z.'\- ]{1,40}(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
            r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?)"
            r"\s*[-—–]+\s+")
_DATELINE = re.compile(DATELINE)


def dateline_end(text: str) -> int:
    """Where a dateline opening text ends (0 when there is none)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


_LABEL_SMALL_WORDS = 4
_CHROME_MAX_WORDS = 5


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str


@dataclass(frozen=True)
class Article:
    headline: str
    subtitle: str | None
    paragraphs: tuple[Paragraph, ...]
    authors: tuple[str, ...]
    byline: str | None
    source: str
    sha256: str = field(repr=False)
    published: str | None = None  # the page's timestamp as printed ("Updated: 6:14 p.m. ET"), if any

    def paragraph(self, number: int) -> Paragraph:
        """Return ¶number, raising IndexError outside 1..N."""
        if not 1 <= number <= len(self.paragraphs):
            raise IndexError(number)
        return self.paragraphs[number - 1]

    @property
    def dateline(self) -> str | None:
        """Where (and when) the story was filed, if the first paragraph opens with a dateline."""
        match = _DATELINE.match(self.paragraphs[0].text) if self.paragraphs else None
        return match.group("dateline").strip() if match else None

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


def load(path: str | Path, max_bytes: int | None = None) -> Article:
    """Read and clean an article file of at most max_bytes; raise ArticleError if it is unreadable, too large
    or holds no body. Only max_bytes + 1 bytes are ever read, so /dev/zero or a huge file cannot exhaust
    memory; pipes and /dev/stdin work like files."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1) if max_bytes else f.read()
    except OSError as exc:
        raise ArticleError(f"cannot read article file {str(path)!r}: {exc.strerror or exc}") from exc
    return from_bytes(raw, str(path), max_bytes)


def from_bytes(raw: bytes, source: str, max_bytes: int | None = None) -> Article:
    """Decode and clean an article read elsewhere (standard input), with the same checks as load()."""
    if max_bytes and len(raw) > max_bytes:
        raise ArticleError(f"article {source!r} is larger than article.max_bytes ({max_bytes:,} bytes); "
                           "raise it with --set article.max_bytes=N")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"article file {source!r} is not UTF-8 text") from exc
    return parse(text, source=source)


def parse(text: str, source: str = "<text>") -> Article:
    """Clean raw article text: first block is the headline, boilerplate dropped, byline and timestamp parsed
    wherever they stand (a header under the headline, a wire footer at the end)."""
    blocks = []
    for raw in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        block = _normalise_block(raw)
        if block and not is_boilerplate(block) and not header.is_link(block):
            blocks.append((raw, block))
    if not blocks:
        raise ArticleError(f"article {source!r} is empty after removing boilerplate")
    headline = blocks[0][1]
    rest: list[str] = []
    authors: tuple[str, ...] = ()
    published = None
    for raw, block in blocks[1:]:
        found = header.parse(_normalise_lines(raw))
        if found is None and (names := parse_byline(block)):  # "Write A at … and B at …", "Von A und B"
            found = header.Header(names)
        if found is None:
            rest.append(block)
            continue
        authors = authors or found.authors
        published = published or found.published
    subtitle = None
    if rest and not _SENTENCE_END.search(rest[0]) and len(rest[0].split()) > _CHROME_MAX_WORDS:
        subtitle, rest = rest[0], rest[1:]
    body = [block for block in rest if not _is_chrome(block)]
    if not body:
        raise ArticleError(f"article {source!r} has a headline but no body paragraphs")
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(body, start=1))
    digest = hashlib.sha256("\n\n".join([headline, *body]).encode()).hexdigest()
    byline = "By " + _join_names(authors) if authors else None
    return Article(headline, subtitle, paragraphs, authors, byline, source, digest, published)


def is_boilerplate(block: str) -> bool:
    """Tell whether a block is an ad marker or a newsletter/social prompt rather than article text."""
    if _AD_MARKER.match(block):
        return True
    if _RIGHTS.search(block) and len(block.split()) <= 80:
        return True
    return bool(_NEWSLETTER.search(block)) and len(block.split()) <= 15


def _join_names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _is_chrome(block: str) -> bool:
    """Short label lines of site chrome (section titles, menus): no sentence punctuation, no figures, and
    Title Case or at most two words ("Recent Articles", "Related topics"). A short fact in sentence case
    ("Turnout was 45 percent", "Prices rose sharply") is body text."""
    words = [w for w in block.split() if any(ch.isalnum() for ch in w)]  # "&", "|" and "·" are not words
    if len(words) > _CHROME_MAX_WORDS or _SENTENCE_END.search(block) or any(ch.isdigit() for ch in block):
        return False
    title_case = all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= _LABEL_SMALL_WORDS for w in words)
    return title_case or len(words) <= 2


def _normalise_lines(block: str) -> str:
    """A block cleaned line by line, its line breaks kept (they separate a header's parts)."""
    return "\n".join(line for line in (_normalise_block(x) for x in block.splitlines()) if line)


def _normalise_block(block: str) -> str:
    block = unicodedata.normalize("NFC", block).replace("\u00a0", " ")
    block = "".join(ch for ch in block if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return " ".join(block.split())
