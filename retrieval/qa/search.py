"""Hybrid search over one article: fused ranking, calibrated abstention and extractive answers."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Sequence

import numpy as np

from retrieval.article import passages as article_passages
from retrieval.article.cleaning import Article
from retrieval.article.dateline import dateline_end
from retrieval.qa import answer_types, fusion, metadata, next_steps, reading
from retrieval.qa.aliases import Aliases
from retrieval.qa.answer import Answer, Evidence, ScoredPassage
from retrieval.qa.classify import Question, asks_next_steps, classify, who_is
from retrieval.qa.dense import EmbeddingCache, Encoder
from retrieval.qa.followup import FollowUp, asks_for_more
from retrieval.qa.lexical import LexicalIndex
from retrieval.qa.reader import Reader, Reading
from retrieval.settings import AbstentionSettings, ReaderSettings, RetrievalSettings

_log = logging.getLogger(__name__)
# A follow-up with this many content words of its own, none in the conversation, starts a new subject.
NEW_SUBJECT_WORDS = 3



class ArticleIndex:
    """Everything needed to answer questions about one article, built once and shared."""

    def __init__(self, article: Article, encoder: Encoder, settings: RetrievalSettings,
                 abstention: AbstentionSettings, cache: EmbeddingCache | None = None,
                 progress: Callable[[int, int], None] | None = None, reader: Reader | None = None,
                 reader_settings: ReaderSettings | None = None):
        self.article = article
        self.reader = reader if reader_settings is not None and reader_settings.enabled else None
        self.reader_settings = reader_settings
        self.encoder = encoder
        self.settings = settings
        self.abstention = abstention
        self.units = article_passages.passages(article, settings.passage_window)
        self.sentences = article_passages.sentences(article)
        # What a sentence states, without the dateline's place and filing date ("SAN JOSE, Feb 14 (Wire) -")
        self._content = [s.text[dateline_end(s.text):] for s in self.sentences]
        dictionary = getattr(encoder, "dictionary", frozenset())
        aliases = Aliases([article.headline, *(p.text for p in article.paragraphs)])
        bm25 = {"k1": settings.bm25_k1, "b": settings.bm25_b}
        self.lexical = LexicalIndex([u.text for u in self.units], dictionary, aliases=aliases, **bm25)
        self._sentence_lexical = LexicalIndex([s.text for s in self.sentences], dictionary, aliases=aliases, **bm25)
        cache = cache or EmbeddingCache(None)
        self.meta_units = metadata.units(article)
        texts = [u.text for u in self.units] + [s.text for s in self.sentences] + metadata.texts(self.meta_units)
        vecs = cache.embed(encoder, texts, progress)
        n_units, n_sentences = len(self.units), len(self.sentences)
        self.unit_vecs = vecs[:n_units]
        self.sentence_vecs = vecs[n_units:n_units + n_sentences]
        self.meta_vecs = vecs[n_units + n_sentences:]
        n = len(article.paragraphs)
        self._unit_para = np.array([u.paragraph - 1 for u in self.units])
        self._sent_para = np.array([s.paragraph - 1 for s in self.sentences])
        self._n_paragraphs = n
        self._pairs: dict[tuple[str, str], list[int]] = {}
        for j, doc in enumerate(self._sentence_lexical.docs):
            for pair in {*zip(doc, doc[1:], strict=False), *zip(doc, doc[2:], strict=False)}:
                self._pairs.setdefault(pair, []).append(j)
        self._position = {sp.id: j for j, sp in enumerate(self.sentences)}
        self._sentences_of: list[list[int]] = [[] for _ in range(n)]
        for j, sp in enumerate(self.sentences):
            self._sentences_of[sp.paragraph - 1].append(j)

    def rank(self, question: str, method: str | None = None,
             qvec: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict]:
        """Per-paragraph fused, lexical and dense scores for a question, plus the query's raw evidence."""
        s = self.settings
        terms = self.lexical.query_terms(question)
        if qvec is None:
            qvec = self.encoder.encode([self.lexical.respell(question)])[0]
        unit_lex = self.lexical.scores(terms)
        unit_cos = self.unit_vecs @ qvec
        sent_cos = self.sentence_vecs @ qvec
        lex = _max_by(self._unit_para, unit_lex, self._n_paragraphs)
        dense = np.maximum(_max_by(self._unit_para, unit_cos, self._n_paragraphs),
                           _max_by(self._sent_para, sent_cos, self._n_paragraphs))
        fused = fusion.fuse(lex, dense, method or s.fusion, s.dense_weight, s.rrf_k)
        fused = boost(fused, self._phrases(terms), self.settings.phrase_weight)
        intro = self._introduction(question)
        if intro is not None and fused[intro] > 0:
            fused = fused.copy()
            top = fused.max()
            fused[intro] = top + 1e-3
            fused *= top / fused[intro]  # first place without leaving the scale of the other scores
        evidence = {"terms": terms, "sent_cos": sent_cos, "dense_top": float(dense.max()),
                    "coverage": self.lexical.coverage(terms), "introduction": intro is not None}
        return fused, lex, dense, evidence

    def _phrases(self, terms: list[str]) -> np.ndarray:
        """Per paragraph, the best share of the question's adjacent term pairs found in order in one sentence."""
        pairs = set(zip(terms, terms[1:], strict=False))
        held = np.zeros(len(self.sentences))
        for pair in pairs:
            for j in self._pairs.get(pair, ()):
                held[j] += 1
        if not pairs or not held.any():
            return np.zeros(self._n_paragraphs)
        return _max_by(self._sent_para, held / len(pairs), self._n_paragraphs)

    def _introduction(self, question: str) -> int | None:
        """For 'who is NAME?', the paragraph that first mentions every word of NAME: news writing
        introduces a person (role, affiliation) at first mention."""
        name = who_is(question)
        if name is None:
            return None
        terms = set(self.lexical.query_terms(name))
        if not terms:
            return None
        for unit, doc in zip(self.units, self.lexical.docs, strict=True):
            if terms <= set(doc):
                return unit.paragraph - 1
        return None

    def search_many(self, questions: Sequence[str | Question], method: str | None = None) -> list[Answer]:
        """Answer several questions (text, or classified: retrieval.qa.classify), encoding them in one batch
        (much cheaper per question); a follow-up is searched with its conversation."""
        asked = [q if isinstance(q, Question) else classify(q) for q in questions]
        expanded = [q.follow_up.query for q in asked if q.follow_up]
        texts = [self.lexical.respell(q) for q in [*(q.text for q in asked), *expanded]]
        vecs = list(self.encoder.encode(texts)) if texts else []
        extra = iter(vecs[len(asked):])
        return self._run([self._search(q, method, v, next(extra) if q.follow_up else None)
                          for q, v in zip(asked, vecs[:len(asked)], strict=True)])

    def search(self, question: str, method: str | None = None, qvec: np.ndarray | None = None,
               follow_up: FollowUp | None = None, follow_vec: np.ndarray | None = None) -> Answer:
        """Answer a question extractively, or abstain when the article holds no evidence for it. A follow_up is
        ranked on its own words and on the expanded query together, favouring the paragraphs the conversation
        was about; its own content words must still be in the article (an off-topic follow-up is declined)."""
        q = Question(question, next_steps=asks_next_steps(question), follow_up=follow_up)
        return self._run([self._search(q, method, qvec, follow_vec)])[0]

    def _run(self, steps: list[Generator]) -> list[Answer]:
        """Run search steps to their answers, reading the windows of all that ask the reader in one batch."""
        started = [reading.start(step) for step in steps]
        asks = {i: ask for i, (ask, _) in enumerate(started) if ask is not None}
        readings = dict(zip(asks, self.reader.read_many(list(asks.values())), strict=True)) if asks else {}
        return [reading.finish(steps[i], readings[i]) if i in readings else answer
                for i, (_, answer) in enumerate(started)]

    def _search(self, q: Question, method: str | None, qvec: np.ndarray | None,
                follow_vec: np.ndarray | None) -> Generator[tuple[str, list[str]], list[Reading], Answer]:
        """search() as steps: it yields (question, windows) when it wants the reader, and is sent the readings,
        so search_many can read the windows of many questions in one batch."""
        s = self.settings
        question, follow_up = q.text, q.follow_up
        if q.next_steps:
            return self._next_steps(question, follow_up is not None)
        if qvec is None:
            qvec = self.encoder.encode([self.lexical.respell(question)])[0]
        fused, lex, dense, ev = self.rank(question, method, qvec)
        expected = answer_types.expected(question)
        meta = self._metadata_answer(question, qvec, ev["dense_top"], expected, strong_only=follow_up is not None)
        if meta is not None:
            return meta
        own = ev
        if follow_up:
            fused, lex, dense, ev = self._with_conversation(question, follow_up, method, follow_vec,
                                                            (fused, lex, dense, ev))
        kind = None if ev["introduction"] else expected
        fused, typed = self._typed(fused, question, kind, ev["terms"])
        read = None
        if self.reader is not None:
            rs = self.reader_settings
            cut = reading.windows(self.article, fused, rs.top_k)
            texts = [self.article.paragraphs[i].text[a:b] for i, a, b in cut]
            readings = yield self.lexical.respell(question), texts  # "Whch country anexed Crimea?" respelt
            read = reading.fuse(fused, cut, readings, rs.weight)
            fused = read.scores
            best_reading = round(float(read.probability.max()), 4)
        order = np.argsort(-fused, kind="stable")[: s.top_k]
        passages = tuple(
            ScoredPassage(int(i) + 1, self.article.paragraphs[i].text, round(float(fused[i]), 4),
                          round(float(lex[i]), 4), round(float(dense[i]), 4))
            for i in order
        )
        missing = self._missing(question, kind, typed) if self.abstention.answer_types else None
        evidence = Evidence(round(ev["dense_top"], 4), round(ev["coverage"], 4),
                            best_reading if read is not None else None, missing)
        declined = (read is not None and best_reading < self.reader_settings.threshold
                    and reading.is_question(question))
        if declined or missing or (
                not ev["introduction"] and self._abstain(ev["dense_top"], ev["coverage"], ev["terms"])):
            return Answer(question, None, True, (), (), evidence=evidence, context_used=follow_up is not None)
        if follow_up:  # the passage comes from the conversation; the sentence should answer this question
            w = self.settings.followup_sentence_own_weight
            ev = {**ev, "sent_cos": w * own["sent_cos"] + (1 - w) * ev["sent_cos"]}
        picked = self._answer_sentences(ev, [p.paragraph for p in passages], question, kind)
        span = None
        if read is not None and int(order[0]) in read.spans:
            picked, span = self._with_span(picked, int(order[0]), read.spans[int(order[0])])
        text = " ".join(sp.text for sp in picked)
        citations = tuple(dict.fromkeys(sp.paragraph for sp in picked))
        return Answer(question, text, False, citations, passages, tuple(picked), evidence, follow_up is not None,
                      span=span)

    def _with_conversation(self, question: str, follow_up: FollowUp, method: str | None,
                           follow_vec: np.ndarray | None, ranked: tuple) -> tuple:
        """A follow-up's ranking: its own words mixed with the expanded query, the paragraphs just cited and
        their neighbours favoured; "what else …?" skips what the conversation already cited. Its evidence is
        its own when it brings a new subject."""
        s = self.settings
        fused, lex, dense, own = ranked
        x_fused, x_lex, x_dense, ev = self.rank(follow_up.query, method, follow_vec)
        w = s.followup_own_weight
        fused = w * fused + (1 - w) * x_fused + s.recent_bonus * self._near(follow_up.recent)
        lex, dense = np.maximum(lex, x_lex), np.maximum(dense, x_dense)
        if self._new_subject(own["terms"], ev["terms"]):
            ev = own
        if asks_for_more(question):  # "what else did he say?": not what the conversation already cited
            fused = fused.copy()
            fused[[p - 1 for p in follow_up.recent if 0 < p <= len(fused)]] = fused.min()
        return fused, lex, dense, ev

    def _with_span(self, picked: list[article_passages.Span], paragraph: int,
                   span: tuple[int, int]) -> tuple[list[article_passages.Span], tuple[int, int] | None]:
        """The quoted sentences with the one holding the reader's span first in the choice, and the span's
        offsets in the joined answer text."""
        holding = next((j for j in self._sentences_of[paragraph]
                        if self.sentences[j].start <= span[0] < self.sentences[j].end), None)
        if holding is None:
            return picked, None
        chosen = [holding] + [j for j in (self._position[sp.id] for sp in picked) if j != holding]
        out = [self.sentences[j] for j in sorted(self._whole_quotes(chosen[: self.settings.answer_sentences]))]
        return out, reading.span_in(out, span)

    def _next_steps(self, question: str, in_conversation: bool) -> Answer:
        """'What happens next?': the story's sentences about what is still to come, or a decline."""
        chosen = next_steps.pick(self.sentences, self._content, self._n_paragraphs)
        if not chosen:
            return Answer(question, None, True, (), (), evidence=Evidence(missing_type="next"),
                          context_used=in_conversation)
        return self.quoting(question, chosen, context_used=in_conversation)

    def quoting(self, question: str, chosen: Sequence[int], kind: str = "answer",
                context_used: bool = False) -> Answer:
        """An answer quoting the chosen sentences (indexes, in article order), citing each one's paragraph."""
        picked = [self.sentences[i] for i in chosen]
        citations = tuple(dict.fromkeys(sp.paragraph for sp in picked))
        passages = tuple(ScoredPassage(p, self.article.paragraph(p).text, 1.0, 0.0, 0.0) for p in citations)
        return Answer(question, " ".join(sp.text for sp in picked), False, citations, passages, tuple(picked),
                      {"sentences": float(len(picked))}, context_used, kind)

    def _new_subject(self, own: list[str], with_context: list[str]) -> bool:
        """A follow-up that brings NEW_SUBJECT_WORDS or more content words of its own, none of them in the
        article or the conversation ("what's his favourite football team?"), asks about something else: it
        is judged on its own evidence, so it is declined like any off-topic question."""
        context = set(with_context) - set(own)
        unknown = [t for t in own if t not in context and not self.lexical.coverage([t])]
        return len(unknown) >= NEW_SUBJECT_WORDS and len(unknown) == len(own)

    def _near(self, paragraphs: tuple[int, ...]) -> np.ndarray:
        """1 for the given paragraphs (1-based), 0.5 for their neighbours, 0 elsewhere."""
        prior = np.zeros(self._n_paragraphs)
        for p in paragraphs:
            for i, weight in ((p - 2, 0.5), (p, 0.5), (p - 1, 1.0)):
                if 0 <= i < self._n_paragraphs:
                    prior[i] = max(prior[i], weight)
        return prior

    def _abstain(self, dense_top: float, coverage: float, terms: list[str]) -> bool:
        """Decline unless dense similarity, helped by the share of question words the article contains,
        clears the calibrated threshold; questions without content words need strong dense evidence."""
        a = self.abstention
        if not terms:
            return dense_top < a.dense_high
        if dense_top < a.dense_floor:
            return True
        if coverage < a.min_coverage and dense_top < a.dense_strong:
            return True
        return dense_top + a.coverage_weight * coverage < a.threshold

    def _typed(self, fused: np.ndarray, question: str, kind: str | None,
               terms: list[str]) -> tuple[np.ndarray, bool]:
        """Scores with the bonus for pool paragraphs holding an answer of the expected kind in a sentence that
        shares a word with the question, and whether any pool paragraph does."""
        if kind is None:
            return fused, True
        pool = np.argsort(-fused, kind="stable")[:self.settings.typed_pool]
        held = np.zeros(len(fused))
        for i in pool:
            held[i] = max((answer_types.strength(kind, self._content[j], question) for j in self._sentences_of[i]
                           if not terms or self._sentence_lexical.coverage(terms, j) > 0), default=0.0)
        if not held.any():
            return fused, False
        s = self.settings
        return boost(fused, held, s.typed_bonus_strict if kind in answer_types.STRICT else s.typed_bonus), True

    def _missing(self, question: str, kind: str | None, typed: bool) -> str | None:
        """What the question asks for that the article does not state: a quantity, age or date no pool sentence
        holds, or a typed noun ("the budget") the article never uses."""
        if kind in answer_types.STRICT and not typed:
            return kind
        asked = answer_types.attribute(question)
        if asked and not self.lexical.coverage(self.lexical.query_terms(asked[0])):
            return asked[0]
        return None

    def _answer_sentences(self, ev: dict, top_paragraphs: list[int], question: str = "",
                          kind: str | None = None) -> list[article_passages.Span]:
        """Best sentence of the top passage (favouring one that holds an answer of the expected kind), plus its
        runners-up that score nearly as well."""
        s = self.settings
        candidates = [i for i, sp in enumerate(self.sentences) if sp.paragraph == top_paragraphs[0]]
        lexical = np.array([self._sentence_lexical.coverage(ev["terms"], i) for i in candidates])
        score = 0.5 * ev["sent_cos"][candidates] + 0.5 * lexical
        if kind is not None:
            score = score + self.settings.typed_sentence_bonus * np.array(
                [answer_types.strength(kind, self._content[i], question) for i in candidates])
        order = np.argsort(-score, kind="stable")
        best = score[order[0]]
        chosen = [candidates[order[0]]]
        for j in order[1:]:
            if len(chosen) >= s.answer_sentences or score[j] < s.answer_ratio * best:
                break
            chosen.append(candidates[j])
        return [self.sentences[i] for i in sorted(self._whole_quotes(chosen))]

    def _whole_quotes(self, chosen: list[int]) -> set[int]:
        """Never start an answer inside a quotation: reach back to the sentence that opens it."""
        out = set(chosen)
        for i in chosen:
            while i > 0 and self.sentences[i - 1].paragraph == self.sentences[i].paragraph:
                sp = self.sentences[i]
                if not article_passages.inside_quote(self.article.paragraphs[sp.paragraph - 1].text, sp.start):
                    break
                i -= 1
                out.add(i)
        return out

    def _metadata_answer(self, question: str, qvec: np.ndarray, dense_top: float, expected: str | None,
                         strong_only: bool = False) -> Answer | None:
        """The headline, dateline or byline, when the question asks about the article itself (retrieval.qa.metadata):
        "who are the journalists behind this piece?" reaches the byline by ranking, whatever its wording."""
        found = metadata.best(self.meta_units, self.meta_vecs, qvec, dense_top, self.settings, expected, strong_only)
        if found is None:
            return None
        unit, closeness = found
        score = round(closeness, 4)
        if not unit.shown:  # declined, unless the question names something of the body ("Who wrote the letter?")
            about = set(self.lexical.query_terms(f"{unit.encoded} {unit.generic_question}"))
            if any(t not in about and self.lexical.coverage([t]) for t in self.lexical.query_terms(question)):
                return None
            return Answer(question, None, True, (), (), evidence=Evidence(metadata=score, missing_type=unit.source))
        passage = ScoredPassage(0, unit.shown, score, 0.0, score, unit.source)
        return Answer(question, unit.shown, False, (), (passage,), evidence=Evidence(metadata=score))


def boost(scores: np.ndarray, share: np.ndarray, weight: float) -> np.ndarray:
    """Raise each score by weight × its share (0..1) of the scores' spread, staying within their range (raw
    BM25 can be negative, fused scores must stay in 0..1)."""
    lo, hi = float(scores.min()), float(scores.max())
    if hi <= lo or not share.any():
        return scores
    return lo + (scores - lo + weight * (hi - lo) * share) / (1 + weight)


def _max_by(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    out = np.full(n, -np.inf)
    np.maximum.at(out, groups, values)
    out[np.isneginf(out)] = 0.0
    return out
