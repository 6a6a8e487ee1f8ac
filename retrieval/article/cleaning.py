"""Load a scraped news article and clean it into headline, subtitle, numbered paragraphs and authors."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from retrieval.article import formats, header
from retrieval.article.dateline import dateline
from retrieval.article.header import parse_byline
from retrieval.article.sentences import LINE_END, split_sentences
from retrieval.errors import ArticleError

# An advertising marker alone on a line: "ADVERTISEMENT", "— Sponsored content —".
_AD_MARKER = re.compile(r"^[\s\-–—•*|]*(advertisement|advertisements|sponsored( content)?|ad)[\s\-–—•*|]*$", re.I)
# Site chrome that asks for something: "Sign up for our newsletter", "Read more", "Follow us".
_NEWSLETTER = re.compile(
    r"\b(newsletter|in your inbox|subscribe|sign up|signup|stay on top|follow us|share this|read more|"
    r"click here|cookie|news tip|got a tip|have a tip)\b",
    re.I,
)
# Rights notices run long ("This copy is for your personal non-commercial use only. To order …"); these
# phrases occur in no story's own text.
_RIGHTS = re.compile(r"all rights reserved|©|for your personal,? non-commercial use|republication or distribution of "
                     r"this content|without the prior written (?:consent|permission)", re.I)
# Photo captions and credits: "(Photo by A/Getty Images)", "(AP Photo/B)", "Image source, Getty Images", "Photo: C".
_CAPTION = re.compile(r"\((?:[A-Z]{2,8}\s+|file\s+)?(?:photo|photograph|picture|image|video)s?\b[^()]{0,100}\)\s*$|"
                      r"^(?:photo|photograph|picture|image|video)s?(?:\s+(?:by|credit|courtesy|source|caption))?\s*[:,]\s|"
                      r"(?:^|/|\bvia\s)\s*getty\s+images\W*$", re.I)
_CAPTION_MAX_WORDS = 45
# UTF-8 read as Latin-1 or Windows-1252 ("Ã±", "â€œ"): a lead byte's letter before a continuation byte's.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# Editors' notes about the page itself: "Correction: …", "This article has been updated to …".
_EDITORS_NOTE = re.compile(r"^(?:editor['’]?s\s+note|correction|clarification|update)\s*:|"
                           r"^this\s+(?:article|story|report|piece)\s+(?:has\s+been|was)\s+"
                           r"(?:corrected|updated|amended|changed|edited)\b", re.I)
_LABEL_SMALL_WORDS = 4
# A first block over HEADLINE_MAX_WORDS words is the story's first paragraph, not a headline; the headline is
# then its first sentence, clipped to HEADLINE_CLIP_WORDS.
HEADLINE_MAX_WORDS = 30
HEADLINE_CLIP_WORDS = 14
# An unpunctuated second block is the subtitle (a deck) when it is this short and more blocks follow.
SUBTITLE_MAX_WORDS = 60
# Lines of PARAGRAPH_LINE_WORDS words or more that all end a sentence are paragraphs one a line; a text on one
# line of over LONG_LINE_WORDS words is parted into paragraphs of about GROUP_WORDS words.
PARAGRAPH_LINE_WORDS = 8
LONG_LINE_WORDS = 150
GROUP_WORDS = 80
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
    site: str | None = None  # the publication, when a web page's markup names it

    def paragraph(self, number: int) -> Paragraph:
        """Return ¶number, raising IndexError outside 1..N."""
        if not 1 <= number <= len(self.paragraphs):
            raise IndexError(number)
        return self.paragraphs[number - 1]

    @property
    def dateline(self) -> str | None:
        """Where (and when) the story was filed, if the first paragraph opens with a dateline."""
        return dateline(self.paragraphs[0].text) if self.paragraphs else None

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


def from_bytes(raw: bytes, source: str, max_bytes: int | None = None, content_type: str | None = None) -> Article:
    """Clean an article read elsewhere (standard input, a download, an attachment), with the same checks as
    load(): a web page, Markdown or plain text, told apart by content (formats.detect); charsets as declared."""
    if max_bytes and len(raw) > max_bytes:
        raise ArticleError(f"article {source!r} is larger than article.max_bytes ({max_bytes:,} bytes); "
                           "raise it with --set article.max_bytes=N")
    kind = formats.detect(raw, source, content_type)
    text = formats.decode(raw, kind, formats.charset_of(content_type), source)
    if kind == "html":
        from retrieval.article import html_page

        return from_page(html_page.read(text), source)
    if kind == "markdown":
        from retrieval.article import markdown_text

        return from_page(markdown_text.read(text), source)
    return parse(text, source=source)


def parse(text: str, source: str = "<text>") -> Article:
    """Clean raw article text: first block is the headline, boilerplate dropped, byline and timestamp parsed
    wherever they stand (a header under the headline, a wire footer at the end). Paragraphs are parted by
    blank lines, or one a line when the text has no blank lines or its lines are whole sentences."""
    return _build(_plain_blocks(text), source, formats.Page(()))


def from_page(page: formats.Page, source: str) -> Article:
    """An article from a web page or Markdown: the markup's headline, authors and date where it states them;
    its blocks go through the same cleaning rules as plain text."""
    if not page.blocks:
        raise ArticleError(f"found no article text in {source!r}")
    return _build(list(page.blocks), source, page)


def _plain_blocks(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n|\r\n\s*\r\n", text.strip())
    if len(blocks) == 1 and "\n" in blocks[0]:
        return blocks[0].splitlines()
    if len(blocks) == 1 and len(text.split()) > LONG_LINE_WORDS:
        return _sentence_groups(blocks[0])
    return [line for block in blocks for line in (block.splitlines() if _one_per_line(block) else [block])]


def _one_per_line(block: str) -> bool:
    """A block whose every line is a whole sentence of some length: paragraphs one a line, not wrapped prose."""
    lines = [line for line in block.splitlines() if line.strip()]
    return len(lines) >= 2 and all(LINE_END.search(line) and len(line.split()) >= PARAGRAPH_LINE_WORDS
                                   for line in lines)


def _sentence_groups(text: str) -> list[str]:
    """A text on one long line, parted into paragraphs of whole sentences of about GROUP_WORDS words."""
    text = " ".join(text.split())
    groups: list[list[str]] = [[]]
    for a, b in split_sentences(text):
        if sum(len(s.split()) for s in groups[-1]) >= GROUP_WORDS:
            groups.append([])
        groups[-1].append(text[a:b])
    return [" ".join(g) for g in groups if g]


def _build(raw_blocks: list[str], source: str, page: formats.Page) -> Article:
    blocks = []
    for raw in raw_blocks:
        block = _normalise_block(raw)
        if block and not is_boilerplate(block) and not header.is_link(block):
            blocks.append((raw, block))
    if not blocks:
        raise ArticleError(f"article {source!r} is empty after removing boilerplate")
    headline = _normalise_block(page.headline or "")
    if not headline:
        headline = blocks[0][1]
        if _is_body_text(headline):  # no headline line: the story starts at once
            a, b = split_sentences(headline)[0]
            headline = _clip(headline[a:b])
        else:
            blocks = blocks[1:]
    rest: list[str] = []
    authors: tuple[str, ...] = ()
    published = None
    for raw, block in blocks:
        if block == headline:
            continue
        found = header.parse(_normalise_lines(raw))
        if found is None and (names := parse_byline(block)):  # "Write A at … and B at …", "Von A und B"
            found = header.Header(names)
        if found is None:
            rest.append(block)
            continue
        authors = authors or found.authors
        published = published or found.published
    authors = page.authors or authors
    published = page.published or published
    subtitle = None
    if (len(rest) > 1 and not LINE_END.search(rest[0])
            and _CHROME_MAX_WORDS < len(rest[0].split()) <= SUBTITLE_MAX_WORDS):
        subtitle, rest = rest[0], rest[1:]
    body = [block for block in rest if not _is_chrome(block)]
    if not body:
        raise ArticleError(f"article {source!r} has a headline but no body paragraphs")
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(body, start=1))
    digest = hashlib.sha256("\n\n".join([headline, *body]).encode()).hexdigest()
    byline = "By " + _join_names(authors) if authors else None
    return Article(headline, subtitle, paragraphs, authors, byline, source, digest, published, page.site)


def _is_body_text(block: str) -> bool:
    """A first block that is a paragraph of the story rather than a headline: long, or several sentences."""
    words = len(block.split())
    return words > HEADLINE_MAX_WORDS or words > _CHROME_MAX_WORDS * 3 and len(split_sentences(block)) > 1


def _clip(sentence: str) -> str:
    words = sentence.split()
    return sentence if len(words) <= HEADLINE_CLIP_WORDS else " ".join(words[:HEADLINE_CLIP_WORDS]) + " …"


def is_boilerplate(block: str) -> bool:
    """Tell whether a block is an ad marker or a newsletter/social prompt rather than article text."""
    if _AD_MARKER.match(block):
        return True
    if _RIGHTS.search(block) and len(block.split()) <= 80:
        return True
    if (_CAPTION.search(block) and len(block.split()) <= _CAPTION_MAX_WORDS) or _EDITORS_NOTE.match(block):
        return True
    return bool(_NEWSLETTER.search(block)) and len(block.split()) <= 15


def _join_names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _is_chrome(block: str) -> bool:
    """Short label lines of site chrome (section titles, menus): no sentence punctuation, no figures, and
    Title Case or at most two words ("Recent Articles", "Related topics"). A short fact in sentence case
    ("Turnout was 45 percent", "Prices rose sharply") is body text."""
    words = [w for w in block.split() if any(ch.isalnum() for ch in w)]  # "&", "|" and "·" are not words
    if len(words) > _CHROME_MAX_WORDS or LINE_END.search(block) or any(ch.isdigit() for ch in block):
        return False
    title_case = all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= _LABEL_SMALL_WORDS for w in words)
    return title_case or len(words) <= 2


def _normalise_lines(block: str) -> str:
    """A block cleaned line by line, its line breaks kept (they separate a header's parts)."""
    return "\n".join(line for line in (_normalise_block(x) for x in block.splitlines()) if line)


def _normalise_block(block: str) -> str:
    """One block's text: mojibake undone by ftfy ("PeÃ±a" → "Peña", "â€œ" → "“"; correct text is left alone), NFC,
    no control characters, single spaces."""
    if _MOJIBAKE.search(block):
        block = ftfy.fix_encoding(block)
    block = unicodedata.normalize("NFC", block).replace("\u00a0", " ")
    block = "".join(ch for ch in block if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return " ".join(block.split())
