"""A web page's story through trafilatura: its main text as paragraphs (headings, menus, related links, ads,
cookie banners, comments and scripts left out) and what its markup says of it — title, authors, date and
site, from JSON-LD, meta tags and the visible page."""

from __future__ import annotations

import logging

from retrieval.article.formats import Page

PARAGRAPH_LINE_WORDS = 15

# trafilatura warns about every odd page on its own logger; the bot's own line says what went wrong.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def read(html: str) -> Page:
    """The story of a page: blocks of its main text in order (one per paragraph, list item or quotation; a
    paragraph's own line breaks kept) and its metadata. No blocks when trafilatura finds no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, include_links=False, include_formatting=False,
                                      deduplicate=False)
    if doc is None or doc.body is None:
        return Page(())
    blocks: list[str] = []
    first_heading = None
    for element in doc.body:
        if element.tag == "head":  # the page's own headline and its subheadings
            first_heading = first_heading or _text(element)
        elif element.tag == "list":
            blocks.extend(_text(item) for item in element.iter("item"))
        elif element.tag != "table":
            blocks.extend(_paragraphs(_text(element)))
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Page(tuple(b for b in blocks if b.strip()), doc.title or first_heading, authors, doc.date,
                doc.sitename)


def _paragraphs(text: str) -> list[str]:
    """An element whose <br>-separated lines are paragraphs of their own (two or more lines of
    PARAGRAPH_LINE_WORDS words), as such; else the element whole (a byline's "By A<br>Staff Writer")."""
    lines = [line for line in text.splitlines() if line.strip()]
    if sum(len(line.split()) >= PARAGRAPH_LINE_WORDS for line in lines) >= 2:
        return lines
    return [text]


def _text(element) -> str:
    """An element's text with its <lb/> line breaks as newlines (a byline's "By A<br>Staff Writer")."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()
