import pytest

from retrieval.article import header
from retrieval.article.cleaning import parse

BODY = "The council voted on Monday.\n\nIt was the third vote this year."


@pytest.mark.parametrize("block, authors, published", [
    ("Keira MacLellan\nThe Canadian Press\nUpdated: 6:14 p.m. ET", ("Keira MacLellan",), "Updated: 6:14 p.m. ET"),
    ("By Priya Ramdin · Staff reporter\nPublished Nov. 21, 2026", ("Priya Ramdin",), "Published Nov. 21, 2026"),
    ("Priya Ramdin · CBC News · Posted: Nov 21, 2026 4:00 AM ET | Last Updated: November 22, 2026",
     ("Priya Ramdin",), "Posted: Nov 21, 2026 4:00 AM ET"),
    ("By Jane Doe and John Smith, Global News", ("Jane Doe", "John Smith"), None),
    ("Updated Sept. 9, 2026", (), "Updated Sept. 9, 2026"),
    ("By The Canadian Press\nMon., Dec. 6, 20211 min. read", ("The Canadian Press",), "Mon., Dec. 6, 2021"),
    ("Published 2 hours ago", (), "Published 2 hours ago"),
    ("This report by The Canadian Press was first published Nov. 21, 2026.", (), "Nov. 21, 2026"),
])
def test_header_lines_give_authors_and_time(block, authors, published):
    assert header.parse(block) == header.Header(authors, published)


@pytest.mark.parametrize("block", [
    "Updated figures show 40 people died in the fire.",
    "Jane Doe and John Smith were arrested on Monday.",
    "Posted on the city's website, the notice said 4,000 homes were affected.",
    "The Canadian Press reported on Monday that talks had failed.",
    "Prime Minister Justin Trudeau",
    "Darryl Dyck/The Canadian Press",
    "March 3 was the deadline, Smith said.",
])
def test_article_text_is_not_a_header(block):
    assert header.parse(block) is None


@pytest.mark.parametrize("line, is_link", [
    ("Related: Emergency room closures hit record in rural Nova Scotia", True),
    ("READ MORE: Province to review ambulance times", True),
    ("— With files from The Associated Press", True),
    ("More than 200 people attended the meeting.", False),
    ("Related costs rose by 4 per cent: the city blamed fuel.", False),
])
def test_links_to_other_stories(line, is_link):
    assert header.is_link(line) is is_link


@pytest.mark.parametrize("block, dropped", [
    ("This copy is for your personal non-commercial use only. To order presentation-ready copies for distribution "
     "to colleagues, clients or customers, please go to the reprints desk.", True),
    ("Copyright owned or licensed by Daily Star Newspapers Limited. All rights reserved. Republication or "
     "distribution of this content is expressly prohibited without the prior written consent of the owner.", True),
    ("The court ruled that the copyright on the song had expired in 2019, ending the dispute.", False),
])
def test_rights_notices_are_boilerplate_at_any_length(block, dropped):
    from retrieval.article.cleaning import is_boilerplate

    assert is_boilerplate(block) is dropped


def test_wire_header_and_footer_are_metadata_not_body():
    a = parse("Nurses vote for strike mandate\n\nKeira MacLellan\nThe Canadian Press\nUpdated: 6:14 p.m. ET\n\n"
              f"{BODY}\n\nRelated: Emergency rooms close\n\n"
              "This report by The Canadian Press was first published Nov. 21, 2026.")
    assert a.subtitle is None
    assert a.authors == ("Keira MacLellan",) and a.byline == "By Keira MacLellan"
    assert a.published == "Updated: 6:14 p.m. ET"
    assert [p.text for p in a.paragraphs] == BODY.split("\n\n")


def test_a_header_between_headline_and_standfirst_leaves_the_standfirst():
    a = parse("Council backs arena\n\nBy Ann Lee · Staff reporter\n\n"
              f"A divided council approves the plan after months of debate\n\n{BODY}")
    assert a.authors == ("Ann Lee",)
    assert a.subtitle == "A divided council approves the plan after months of debate"
    assert len(a.paragraphs) == 2


def test_an_outlet_after_the_names_is_not_an_author():
    assert parse(f"Head\n\nBy Jane Doe and John Smith, Global News\n\n{BODY}").authors == ("Jane Doe", "John Smith")


def test_timestamp_alone_is_not_the_first_paragraph():
    a = parse(f"Council backs arena\n\nUpdated Sept. 9, 2026\n\n{BODY}")
    assert a.published == "Updated Sept. 9, 2026"
    assert a.paragraphs[0].text == "The council voted on Monday."


def test_the_publication_time_is_a_citable_unit_and_missing_one_is_declined(real_encoder, settings):
    from retrieval.qa.search import ArticleIndex

    text = ("Harbour bridge reopens\n\nLena Ortiz\nThe Canadian Press\nUpdated: 6:14 p.m. ET\n\n"
            "The harbour bridge reopened on Tuesday after a two-year repair.\n\n"
            "The mayor cut the ribbon and thanked the workers.\n")
    dated = ArticleIndex(parse(text), real_encoder, settings.retrieval, settings.abstention)
    ans = dated.search("When was this story published?")
    assert ans.passages[0].source == "published" and ans.text == "Updated: 6:14 p.m. ET"
    assert dated.search("Who wrote it?").text == "By Lena Ortiz"
    assert dated.search("When did the bridge reopen?").passages[0].source == "body"
    undated = ArticleIndex(parse(text.replace("Updated: 6:14 p.m. ET", "")), real_encoder, settings.retrieval,
                           settings.abstention)
    assert undated.search("When was this story published?").abstained


def test_a_person_with_a_job_title_is_not_a_byline():
    assert header.parse("Dana Whitlock\nChief executive") is None
