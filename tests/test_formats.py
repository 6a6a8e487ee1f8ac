"""Article formats: web pages (trafilatura), Markdown (markdown-it-py), plain text with blank lines or one
paragraph a line, binary files refused; our own page set read as we wrote it down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval import article
from retrieval.article import formats
from retrieval.errors import ArticleError

ARTICLES = Path(__file__).resolve().parents[1] / "bench" / "articles"
EXPECTED = [json.loads(line) for line in (ARTICLES / "expected.jsonl").read_text().splitlines()]
BODY = ("The council voted on Tuesday to build a new library in the centre of town.",
        "The library will cost $4 million and open in 2028, the mayor said.",
        "Opponents said the money should go to roads instead.")


@pytest.mark.parametrize("case", EXPECTED, ids=[c["file"] for c in EXPECTED])
def test_our_pages_read_as_written_down(case):
    from bench.article_formats import same_date

    art = article.load(ARTICLES / case["file"])
    assert art.headline == case["headline"]
    assert list(art.authors) == case["authors"]
    assert same_date(art.published, case["date"])
    assert len(art.paragraphs) == case["paragraphs"]
    assert case["first"] in art.paragraphs[0].text and case["last"] in art.paragraphs[-1].text
    assert not any("<" in p.text or "**" in p.text or "](" in p.text for p in art.paragraphs)


@pytest.mark.parametrize(("raw", "name", "kind"), [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "", "html"),
    (b"  <html lang='en'><head><title>t</title></head>", "a.txt", "html"),
    (b"<div><p>One</p><p>Two</p><meta charset=utf-8></div>", "", "html"),
    (b"# Title\n\nSome text.\n\n- one\n- two\n", "", "markdown"),
    (b"Title\n=====\n\n![pic](a.jpg) text", "", "markdown"),
    (b"Title\n\nJust text.", "story.md", "markdown"),
    (b"Title\n\nJust text with a - dash.", "", "text"),
])
def test_format_told_by_content_then_name(raw, name, kind):
    assert formats.detect(raw, name) == kind


@pytest.mark.parametrize(("raw", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3", "a PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"), (b"PK\x03\x04\x14\x00", "a ZIP or Office file"),
    (b"abc\x00\x01\x02def", "a binary file"),
])
def test_binary_files_refused_in_one_line(raw, what):
    with pytest.raises(ArticleError) as err:
        article.from_bytes(raw, "upload.bin")
    assert what in str(err.value) and "\n" not in str(err.value)


def test_declared_charsets_are_honoured():
    page = ("<html><head><meta charset='windows-1252'><title>Caf\u00e9 opens</title></head><body><article>"
            "<h1>Caf\u00e9 opens</h1>" + "".join(f"<p>{s} \u201cYes,\u201d she said.</p>" for s in BODY)
            + "</article></body></html>").encode("cp1252")
    art = article.from_bytes(page, "page.html")
    assert art.headline == "Caf\u00e9 opens" and "\u201cYes,\u201d" in art.paragraphs[0].text
    text = ("Caf\u00e9 opens\n\n" + "\n\n".join(BODY)).encode("latin-1")
    with pytest.raises(ArticleError, match="not UTF-8"):
        article.from_bytes(text, "a.txt")
    declared = article.from_bytes(text, "a.txt", content_type="text/plain; charset=ISO-8859-1")
    assert declared.headline == "Caf\u00e9 opens"


def test_one_paragraph_a_line_and_crlf():
    art = article.parse("\r\n".join(["Library approved", "By Ann Lee | The Town Times", *BODY]))
    assert art.headline == "Library approved" and art.authors == ("Ann Lee",)
    assert [p.text for p in art.paragraphs] == list(BODY)


def test_blank_line_blocks_of_sentence_lines_are_split_but_wrapped_prose_is_not():
    lines = article.parse("Library approved\n\n" + "\n".join(BODY))
    assert len(lines.paragraphs) == 3
    wrapped = article.parse("Library approved\n\nThe council voted on Tuesday to build a new\nlibrary in the centre of "
                            "town, the mayor said.\n\nIt opens in 2028.")
    assert wrapped.paragraphs[0].text.startswith("The council voted on Tuesday to build a new library")


def test_a_single_long_line_has_no_headline_line_and_is_parted():
    sentences = [f"Sentence number {i} tells the reader one more fact about the library." for i in range(40)]
    art = article.parse(" ".join(sentences))
    assert art.headline.startswith("Sentence number 0 tells") and len(art.paragraphs) > 3
    assert " ".join(p.text for p in art.paragraphs) == " ".join(sentences)


def test_first_block_that_is_a_paragraph_is_body_not_headline():
    art = article.parse("\n\n".join([" ".join(BODY)] * 2))
    assert art.paragraphs[0].text == " ".join(BODY) and art.headline.startswith("The council voted")


@pytest.mark.parametrize("line", [
    "(Photo by Keith Aldous/Millford Gazette)", "A crew at work on Monday. (AP Photo/Jane Roe)",
    "Image source, Getty Images", "Photo: Riders board a bus. (Alex Chen/The Canadian Press)",
    "Editor's note: this story contains graphic details.", "This article has been updated to add a comment.",
    "Have a news tip? Email the newsroom.",
])
def test_captions_credits_and_editors_notes_are_not_paragraphs(line):
    assert article.is_boilerplate(line)


def test_markdown_headline_byline_images_subheads_lists_and_breadcrumbs():
    md = ("# Library approved\n\n*By Ann Lee*\n\n[Home](/) > [News](/news)\n\n![A library](lib.jpg)\n\n"
          f"{BODY[0]}\n\n**Opponents speak out**\n\n{BODY[1]}\n\n- Roads first.\n- Parks second.\n\n"
          f"## More\n\n{BODY[2]}\n")
    art = article.from_bytes(md.encode(), "story.md")
    assert art.headline == "Library approved" and art.authors == ("Ann Lee",)
    assert [p.text for p in art.paragraphs] == [BODY[0], BODY[1], "Roads first.", "Parks second.", BODY[2]]


def test_markdown_front_matter():
    md = f"---\ntitle: Library approved\nauthor: Ann Lee\ndate: 2026-05-01\n---\n\n{BODY[0]}\n\n{BODY[1]}\n"
    art = article.from_bytes(md.encode(), "story.md")
    assert (art.headline, art.authors, art.published) == ("Library approved", ("Ann Lee",), "2026-05-01")
    assert len(art.paragraphs) == 2


def test_a_page_without_main_text_is_refused():
    with pytest.raises(ArticleError, match="no article text"):
        article.from_bytes(b"<!doctype html><html><head><title>x</title></head><body><nav><a href=/>Home</a></nav>"
                           b"</body></html>", "https://example.org/")


def test_br_separated_paragraphs_and_a_lone_unpunctuated_block_stay_body():
    lines = "<br>".join(f"{s} It was reported on Monday by several local newspapers and the radio." for s in BODY)
    page = f"<html><head><title>Library approved</title></head><body><article><p>{lines}</p></article></body></html>"
    art = article.from_bytes(page.encode(), "page.html")
    assert len(art.paragraphs) == 3 and art.subtitle is None
    lone = article.parse("Library approved\n\n" + " ".join(["word"] * 80))
    assert lone.subtitle is None and len(lone.paragraphs) == 1
