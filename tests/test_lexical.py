import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.qa.lexical import LexicalIndex, normalise, spelling, stem, tokenize
from retrieval.text import edit_distance_within


def test_tokenizer_drops_stopwords_and_normalises():
    assert tokenize("What did the Kremlin’s officials say about SANCTIONS?") == ["kremlin", "offici", "sanction"]
    assert tokenize("Zelénsky") == ["zelenski"]
    assert normalise("Ｒussia’s") == "russia's"
    assert stem("objections") == stem("object")
    assert tokenize("") == [] and tokenize("what is the") == []


def test_bm25_wrapper_matches_rank_bm25_directly(article):
    texts = [p.text for p in article.paragraphs]
    idx = LexicalIndex(texts)
    reference = BM25Okapi([tokenize(t) for t in texts])
    for question in ("Who requested the call?", "anti-tank weapons radar", "Crimea annexed 2014"):
        terms = tokenize(question)
        np.testing.assert_allclose(idx.scores(terms), reference.get_scores(terms))


def test_empty_corpus_is_refused_with_a_message():
    with pytest.raises(ValueError, match="0 passages"):
        LexicalIndex([])


def test_empty_query_scores_zero():
    idx = LexicalIndex(["one text", "another text"])
    assert idx.scores([]).tolist() == [0.0, 0.0]
    assert idx.coverage([]) == 0.0


def test_typos_are_corrected_to_article_terms_only_when_not_dictionary_words():
    idx = LexicalIndex(["Yuri Ushakov told reporters about the anti-tank weapons."],
                       dictionary=frozenset({"thanks", "tank"}))
    assert idx.query_terms("ushakof") == ["ushakov"]
    assert idx.query_terms("thanks") == ["thank"]  # a real word, not a typo of "tank"
    assert idx.coverage(idx.query_terms("Ushakof reporters")) == 1.0
    assert idx.coverage(idx.query_terms("pizza")) == 0.0


@pytest.mark.parametrize("a, b, limit, expected", [
    ("ushakov", "ushakof", 1, 1), ("stent", "stant", 1, 1), ("masicott", "massicot", 2, 2),
    ("putin", "ushakov", 2, None), ("ab", "ba", 1, 1), ("", "", 0, 0), ("abc", "abcdef", 2, None),
])
def test_edit_distance_within(a, b, limit, expected):
    assert edit_distance_within(a, b, limit) == expected


def test_acronyms_in_capitals_are_names_not_stopwords():
    assert tokenize("The WHO said it") == ["who"] and tokenize("Who said it?") == []
    assert tokenize("WHO SAID IT") == []  # a line in capitals is shouting, not acronyms


def test_aliases_replace_words_the_article_never_uses():
    from retrieval.qa.aliases import Aliases

    texts = ["Russian troops massed near Ukraine.", "The Greater Toronto Area grew fastest."]
    idx = LexicalIndex(texts, aliases=Aliases(texts))
    assert "ukrain" in idx.query_terms("What happened near Kyiv?")
    assert idx.respell("What happened near Kyiv?") == "What happened near ukraine?"
    assert idx.query_terms("How fast did the GTA grow?")[1:4] == ["greater", "toronto", "area"]
    assert idx.query_terms("What did Ukraine do?") == ["ukrain"]  # a word the article uses stays itself


@pytest.mark.parametrize("article_word, reader_word", [
    ("neighbourhood", "neighborhood"), ("honoured", "honored"), ("labour", "labor"), ("centres", "centers"),
    ("defence", "defense"), ("councillor", "councilor"), ("Coun.", "councillor"), ("Sgt.", "sergeant"),
])
def test_one_term_for_two_spellings_and_for_title_abbreviations(article_word, reader_word):
    assert tokenize(article_word) == tokenize(reader_word)


@pytest.mark.parametrize("word", ["four", "hour", "your", "tours", "devour", "flour"])
def test_words_ending_in_our_that_have_one_spelling_keep_it(word):
    assert spelling(word) == word
