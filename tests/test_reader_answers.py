"""The shipped reader: checked against its manifest, used by search, shown to users, and its edges."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil

import discord
import pytest

from bot import render
from bot import responses as r
from bot.discord.render import answer_embed
from bot.wiring import build_reader, build_router
from retrieval import article as article_mod
from retrieval.qa.classify import asked_speaker
from retrieval.qa.model_files import model_folder

MB = 1024 * 1024


@pytest.fixture(scope="module")
def manifest(settings):
    return json.loads((settings.reader.path / "manifest.json").read_text())


@pytest.fixture(scope="module")
def reader(settings):
    found = build_reader(settings)
    assert found is not None, "the shipped reader did not load"
    return found


def test_committed_model_matches_its_manifest(settings, manifest):
    model = settings.reader.path / manifest["file"]
    assert hashlib.sha256(model.read_bytes()).hexdigest() == manifest["sha256"]
    assert model.stat().st_size == manifest["bytes"] <= 25 * MB
    tokenizer = model_folder(settings.model.name) / "tokenizer.json"
    assert hashlib.sha256(tokenizer.read_bytes()).hexdigest() == manifest["tokenizer"]["sha256"]
    assert "CC BY-SA 4.0" in manifest["training_data"]["licence"]
    assert manifest["base_model"]["licence"] == "Apache-2.0"
    assert not set(manifest["training_data"]["validation_titles"]) & set(manifest["training_data"]["test_titles"])
    assert manifest["validation_curve"], "the manifest carries the validation figures"


def test_reader_tells_the_answering_window_from_a_near_miss(reader):
    question = "How many households did the advisory cover?"
    good = "The advisory, issued last Sunday, covered about 38,000 households north of the Grand River."
    near = "The break happened when a 90-year-old pipe under Queen Street split early Sunday morning."
    ans, miss = reader.read(question, [good, near])
    assert ans.probability > 0.5 > miss.probability
    assert "38,000" in good[ans.span[0]:ans.span[1]]


def test_a_question_longer_than_the_window_is_cut_not_an_error(reader):
    long = "Why " + "did the council vote that way " * 200 + "?"
    (reading,) = reader.read(long, ["Council voted 7-4 to approve the arena after a long debate."])
    assert 0.0 <= reading.probability <= 1.0


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_a_missing_or_damaged_model_leaves_the_first_stage_answering(tmp_path, settings, real_encoder, article,
                                                                    caplog, damage):
    folder = tmp_path / "reader"
    shutil.copytree(settings.reader.path, folder)
    model = folder / json.loads((folder / "manifest.json").read_text())["file"]
    if damage == "missing":
        model.unlink()
    else:
        data = bytearray(model.read_bytes())
        data[len(data) // 2] ^= 0xFF
        model.write_bytes(bytes(data))
    broken = settings.override({"reader.path": str(folder)})
    with caplog.at_level(logging.WARNING):
        assert build_reader(broken) is None
    line = next(rec.getMessage() for rec in caplog.records if "reader" in rec.getMessage())
    assert str(folder) in line and "make reader" in line and "first stage alone" in line
    router = build_router(broken, encoder=real_encoder, article=article)
    response = router.ask("Who requested the call?")
    assert isinstance(response, r.AnswerResponse) and not response.answer.abstained
    assert response.answer.span is None


def test_the_answer_span_is_shown_in_json_terminal_and_discord(router):
    answer = router.ask("Who requested the call?").answer
    assert not answer.abstained and answer.span is not None
    a, b = answer.span
    assert 0 <= a < b <= len(answer.text)
    out = render.answer_json(answer)
    assert out["span"] == [a, b] and out["answer"][a:b] == answer.text[a:b]
    assert f"\033[1m{answer.text[a:b]}\033[0m" in render.to_text(r.AnswerResponse(answer), bold=True)
    assert "\033[" not in render.to_text(r.AnswerResponse(answer))
    embed = answer_embed(answer)
    assert f"**{discord.utils.escape_markdown(answer.text[a:b])}**" in embed.description


@pytest.mark.parametrize("text", [
    "Headline\n\nThe mayor resigned on Tuesday.",
    "Titre\n\nLe maire a démissionné mardi après une longue réunion du conseil municipal.\n\n"
    "Il a déclaré que sa décision était définitive.",
])
def test_tiny_and_foreign_articles_answer_or_decline_without_error(text, settings, real_encoder, reader):
    art = article_mod.parse(text)
    router = build_router(settings, encoder=real_encoder, article=art)
    for question in ("When did the mayor resign?", "Qui a démissionné ?", "What is the capital of France?"):
        response = router.ask(question)
        assert isinstance(response, r.AnswerResponse)
        assert response.answer.abstained or response.answer.citations


@pytest.mark.parametrize("question, name", [
    ("What did Biden say?", "Biden"), ("what does the RAND analyst think", "the RAND analyst"),
    ("How did the Kremlin react?", "the Kremlin"), ("What was Putin's response to the sanctions?", "Putin"),
])
def test_questions_about_someones_words(question, name):
    assert asked_speaker(question)[0] == name


@pytest.mark.parametrize("question", ["What does the article say?", "What did he say?", "Who said it?",
                                      "What did the sanctions include?"])
def test_other_questions_are_not_about_someones_words(question):
    assert asked_speaker(question) is None


def test_what_did_someone_say_cites_their_quotations(router):
    looked_up = router.quote("Ushakov").lookup
    quoted = {q.paragraph for q in looked_up.quotes}
    answer = router.ask("What did Ushakov say?").answer
    assert answer.kind == "quotes" and not answer.abstained and set(answer.citations) <= quoted
    mentioned = router.ask("What did Zelensky say?").answer
    assert mentioned.kind == "not_quoted" and "not quoted" in render.to_text(r.AnswerResponse(mentioned))


def test_what_else_moves_on_to_something_not_yet_cited(router):
    first = router.ask("What did the Kremlin aide say about sanctions?", "else-test").answer
    more = router.ask("What else did he say?", "else-test").answer
    assert not more.abstained and not set(more.citations) & set(first.citations)

