import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.article.passages import bridges, inside_quote, passages, sentences
from retrieval.article.sentences import split_sentences


def texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Putin spoke. Mr Biden listened.", ["Mr. Putin spoke.", "Mr Biden listened."]),
    ("The U.S. said no. Russia disagreed.", ["The U.S. said no.", "Russia disagreed."]),
    ("He lives at No. 10 Downing Street. It is old.", ["He lives at No. 10 Downing Street.", "It is old."]),
    ("Current and former. officials said so. Next one.", ["Current and former. officials said so.", "Next one."]),
    ("Saw an opportunity to press. ,", ["Saw an opportunity to press."]),
    ("Michael R. Gordon wrote it. Then he left.", ["Michael R. Gordon wrote it.", "Then he left."]),
    ("“Stop,” she said. “Now!”", ["“Stop,” she said.", "“Now!”"]),
    ("won”. and should never be fought.”", ["won”. and should never be fought.”"]),
    ("SLAVE LAKE, Alta. (News Desk) - Roughly 4,500 left. Rain fell.",
     ["SLAVE LAKE, Alta. (News Desk) - Roughly 4,500 left.", "Rain fell."]),  # a dateline is no sentence
    # a place written with full stops ends a sentence only before a word that opens one
    ("Mike Ray of the B.C. Regional Council said so.", ["Mike Ray of the B.C. Regional Council said so."]),
    ("He moved to the U.S. She stayed.", ["He moved to the U.S.", "She stayed."]),
    ("Const. Ana Ruiz said so. It was 9 a.m. The vote began.", ["Const. Ana Ruiz said so.", "It was 9 a.m.",
                                                                "The vote began."]),
    ("", []),
])
def test_split_sentences(text, expected):
    assert texts(text) == expected


def test_seed_sentences_are_spans_of_their_paragraph(article):
    spans = sentences(article)
    assert len(spans) > len(article.paragraphs)
    for s in spans:
        assert article.paragraph(s.paragraph).text[s.start:s.end] == s.text
    odd = [s.text for s in spans if "former. officials" in s.text]
    assert odd and odd[0].startswith("In doing so, Mr. Putin")


def test_passages_cover_paragraphs_and_windows(article):
    whole = passages(article, 0, bridge=False)
    assert [p.text for p in whole] == [p.text for p in article.paragraphs]
    windows = passages(article, 2, bridge=False)
    assert {p.paragraph for p in windows} == set(range(1, len(article.paragraphs) + 1))
    for p in windows:
        assert p.text == article.paragraph(p.paragraph).text[p.start:p.end]


def test_bridges_join_an_anaphoric_paragraph_to_its_referent(article):
    by_para = {b.paragraph: b.text for b in bridges(article)}
    assert 7 in by_para  # "That, Mr Biden and top officials have said, would include…"
    assert "serious response from the West" in by_para[7] and "would include" in by_para[7]


def test_inside_quote():
    text = "“One. Two,” he said. Three."
    assert inside_quote(text, text.index("Two"))
    assert not inside_quote(text, text.index("Three"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_split_sentences_never_raises_and_returns_stripped_spans(text):
    prev_end = 0
    for a, b in split_sentences(text):
        assert prev_end <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip() and text[a:b]
        prev_end = b
