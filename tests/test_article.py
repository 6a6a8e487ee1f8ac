from pathlib import Path

import pytest
from helpers import SEED, write

from retrieval import article as article_mod
from retrieval.article.cleaning import ArticleError, is_boilerplate, parse, parse_byline

BOILERPLATE = ("Advertisement", "Stay on top", "Recent Articles", "Related Stories", "DMCA", "email protected",
               "inbox")


def test_seed_article_headline_subtitle_and_authors(article):
    assert article.headline == "Biden, Putin Warn of Danger to Relations if Crisis Over Ukraine Escalates"
    assert article.subtitle == "Moscow builds troops near Ukraine and issues demands to NATO and the US"
    assert article.authors == ("Michael R. Gordon", "Thomas Grove")
    assert article.byline == "By Michael R. Gordon and Thomas Grove"


def test_no_boilerplate_survives_in_any_paragraph(article):
    for para in article.paragraphs:
        for marker in BOILERPLATE:
            assert marker.lower() not in para.text.lower(), (para.number, marker)


def test_paragraphs_numbered_from_one_and_verbatim(article):
    raw = SEED.read_text(encoding="utf-8")
    assert [p.number for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
    assert len(article.paragraphs) == 25
    assert article.paragraphs[0].text.startswith("Mr Putin said such an action")
    assert article.paragraphs[-1].text.endswith("“It is almost as if Ukraine is hostage.”")
    for para in article.paragraphs:
        assert para.text in raw


def test_paragraph_lookup_refuses_out_of_range(article):
    assert article.paragraph(1).number == 1
    for bad in (0, -1, 26):
        with pytest.raises(IndexError):
            article.paragraph(bad)


@pytest.mark.parametrize("line", ["- Advertisement -", "ADVERTISEMENT", "— Sponsored Content —",
                                  "Sign up for our newsletter", "Get the daily news in your inbox"])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["The advertisement campaign cost $3m, officials said, and ran for months "
                                  "across the country in every newspaper and on every channel."])
def test_prose_mentioning_ads_is_kept(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize("byline, names", [
    ("Write Michael R. Gordon at [email protected] and Thomas Grove at [email protected]",
     ("Michael R. Gordon", "Thomas Grove")),
    ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
    ("By Anna Lee, Bo Chen and Carla Diaz", ("Anna Lee", "Bo Chen", "Carla Diaz")),
    ("Write to Sam Jones at sam@example.com", ("Sam Jones",)),
    ("By the way, the talks failed.", ()),
])
def test_byline_parsing(byline, names):
    assert parse_byline(byline) == names


def test_other_article_of_same_shape():
    text = ("Storm Hits Coast\n\n- Advertisement -\n\nThousands lose power as winds reach 100mph\n\n"
            "The storm made landfall on Monday.\n\nNewsletter\n\n“It was terrifying,” said Ann Cole.\n\n"
            "By Pat Reyes\n\nRecent Articles\n\nSubscribe to our newsletter today")
    art = parse(text)
    assert art.headline == "Storm Hits Coast"
    assert art.subtitle == "Thousands lose power as winds reach 100mph"
    assert [p.text for p in art.paragraphs] == ["The storm made landfall on Monday.",
                                                "“It was terrifying,” said Ann Cole."]
    assert art.authors == ("Pat Reyes",)


def test_control_characters_and_nbsp_are_cleaned():
    art = parse("Head\u00a0line\n\nBody\u200b text with\x07 bell.")
    assert art.headline == "Head line"
    assert art.paragraphs[0].text == "Body text with bell."


@pytest.mark.parametrize("text", ["", "\n\n \n", "- Advertisement -\n\nRecent Articles", "Only a headline"])
def test_empty_articles_are_refused(text):
    with pytest.raises(ArticleError):
        parse(text)


def test_unreadable_and_binary_files_are_refused(tmp_path: Path):
    with pytest.raises(ArticleError, match="cannot read"):
        article_mod.load(tmp_path / "missing.txt")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ArticleError, match="binary file, not text"):
        article_mod.load(binary)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9\n\nUne phrase ici.".encode("latin-1"))
    with pytest.raises(ArticleError, match="not UTF-8"):
        article_mod.load(latin)


def test_content_hash_changes_with_body(tmp_path: Path):
    a = article_mod.load(write(tmp_path, "Title\n\nOne sentence here."))
    b = article_mod.load(write(tmp_path, "Title\n\nAnother sentence here.", "b.txt"))
    assert a.sha256 != b.sha256


def test_short_facts_survive_and_labels_go():
    a = parse("Headline\n\nRecent Articles\n\nThe vote was held on Sunday.\n\nTurnout was 45 percent\n\n"
              "Prices rose sharply\n\nRelated topics\n\nMost Read Stories\n\nMore from Our Partners\n\n"
              "More from The Star & Partners")
    assert [p.text for p in a.paragraphs] == ["The vote was held on Sunday.", "Turnout was 45 percent",
                                              "Prices rose sharply"]


@pytest.mark.parametrize("byline, authors", [
    ("Von Anna Schmidt und Jonas Weber", ("Anna Schmidt", "Jonas Weber")),
    ("Par Claire Dubois et Marc Petit", ("Claire Dubois", "Marc Petit")),
    ("Por Lucía Gómez y Pablo Ruiz", ("Lucía Gómez", "Pablo Ruiz")),
])
def test_bylines_in_other_languages_are_authors_not_body(byline, authors):
    a = parse(f"Headline\n\n{byline}\n\nThe vote was held on Sunday.\n\nVon Braun said the rocket was ready.")
    assert a.authors == authors
    assert [p.text for p in a.paragraphs] == ["The vote was held on Sunday.", "Von Braun said the rocket was ready."]


@pytest.mark.parametrize("opening, dateline", [
    ("LIMA, March 3 (Wire) - A mine closed.", "LIMA, March 3 (Wire)"),
    ("SAN JOSE, Calif., Feb 14 (Wire) - A chipmaker cut jobs.", "SAN JOSE, Calif., Feb 14 (Wire)"),
    ("SLAVE LAKE, Alta. (News Desk) - Residents left.", "SLAVE LAKE, Alta. (News Desk)"),
    ("LONDON, Jan. 5 (Agency) — Prices rose.", "LONDON, Jan. 5 (Agency)"),
    ("WASHINGTON — The Senate voted.", "WASHINGTON"),
    ("The US - China talks resumed.", None),
])
def test_wire_datelines(opening, dateline):
    assert parse(f"Headline\n\n{opening}\n\nMore text here.\n").dateline == dateline


@pytest.mark.parametrize("scraped, fixed", [
    ("Enrique PeÃ±a Nieto said the talks went well.", "Enrique Peña Nieto said the talks went well."),
    ("â€œWe will build it,â€\x9d she said.", "“We will build it,” she said."),
    ("The café’s “naïve” owner, 2°C outside.", "The café’s “naïve” owner, 2°C outside."),  # correct text kept
])
def test_mojibake_is_repaired_and_correct_text_kept(scraped, fixed):
    assert article_mod.parse(f"Headline\n\n{scraped}").paragraphs[0].text == fixed
