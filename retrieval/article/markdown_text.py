"""A Markdown article through markdown-it-py: the first top-level heading is the headline, other headings
are subheadings (left out), each paragraph, list item and quoted paragraph is a block, images, code and
navigation lines of links are left out, and emphasis marks go. YAML front matter gives title, author, date."""

from __future__ import annotations

import re

from retrieval.article import header
from retrieval.article.formats import Page
from retrieval.article.sentences import LINE_END

# YAML front matter opening a Markdown file: "---\ntitle: …\n---".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n){0,60}?)---[ \t]*\n")
# A front-matter field the header uses: "title: …", "author: …", "date: …".
_FRONT_FIELD = re.compile(r"^(?P<key>title|author|authors|date|published|site)\s*:\s*(?P<value>.+?)\s*$", re.M | re.I)
# A navigation line of separators only: "Home › News › Local" once links are gone.
_NAV_SEPARATORS = re.compile(r"^[\s>|/»›·•,\-–—]*$")  # what stands between breadcrumb links


def read(text: str) -> Page:
    from markdown_it import MarkdownIt

    facts, text = _front_matter(text)
    tokens = MarkdownIt("commonmark").parse(text)
    headline = facts.get("title")
    blocks: list[str] = []
    for i, token in enumerate(tokens):
        if token.type != "inline":
            continue
        opener = tokens[i - 1]
        if opener.type == "heading_open":
            if headline is None and opener.tag == "h1":
                headline = _plain(token)
            continue
        if opener.type != "paragraph_open" or _is_navigation(token):
            continue
        block = _plain(token)
        if block and not (_emphasis_only(token) and not LINE_END.search(block) and len(block.split()) <= 12
                          and not _looks_like_byline(block)):
            blocks.append(block)
    authors = tuple(a.strip() for a in re.split(r"\s*(?:,|;| and )\s*", facts.get("author", "")) if a.strip())
    return Page(tuple(blocks), headline, authors, facts.get("date"), facts.get("site"))


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for field in _FRONT_FIELD.finditer(match.group("body")):
        key = {"authors": "author", "published": "date"}.get(field.group("key").lower(), field.group("key").lower())
        fields[key] = field.group("value").strip("\"'[] ")
    return fields, text[match.end():]


def _plain(inline) -> str:
    """The text a reader sees: link text kept, images, HTML and emphasis marks dropped, hard breaks kept."""
    out = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
    return "".join(out).strip()


def _emphasis_only(inline) -> bool:
    """A paragraph set wholly in bold or italics: a subheading ("**Officials in Southern California**") unless
    it reads as a sentence or a byline."""
    kids = [c for c in inline.children or () if not (c.type == "text" and not c.content.strip())]
    return bool(kids) and kids[0].type in ("strong_open", "em_open") and kids[-1].type in ("strong_close", "em_close")


def _looks_like_byline(block: str) -> bool:
    return bool(header.parse(block) or header.parse_byline(block))


def _is_navigation(inline) -> bool:
    """Breadcrumbs and link rows ("[Home](/) > [Politics](/politics)"): links with only separators between."""
    kids = inline.children or ()
    if not any(c.type == "link_open" for c in kids):
        return False
    depth, outside = 0, []
    for child in kids:
        depth += (child.type == "link_open") - (child.type == "link_close")
        if depth == 0 and child.type == "text":
            outside.append(child.content)
    return bool(_NAV_SEPARATORS.match("".join(outside)))
