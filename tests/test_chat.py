"""The chat REPL over the router, driven through pipes as a script or a user would."""

import io

from bot.chat import PROMPT, run_chat


def chat(router, text: str) -> str:
    out = io.StringIO()
    assert run_chat(router, io.StringIO(text), out) == 0
    return out.getvalue()


def test_banner_then_one_answer_per_line_until_eof(router):
    out = chat(router, "Who requested the call?\n\n/passage 3\n")
    assert out.startswith('Ask me about the article: "Biden, Putin Warn')
    assert "Ctrl-D or /quit to leave." in out
    assert "Mr Putin requested the call" in out and "[¶3]" in out
    assert "¶3 of 25" in out
    assert out.count(PROMPT) == 4  # three lines read (one blank, skipped) and the prompt that met EOF


def test_quit_stops_reading_and_errors_are_one_line(router):
    out = chat(router, "/passage 99\n/quit\nWho requested the call?\n")
    assert "There is no ¶99; the article has paragraphs ¶1 to ¶25." in out
    assert "Mr Putin requested the call" not in out and "Traceback" not in out


def test_commands_and_off_topic_in_chat(router):
    out = chat(router, "/quote Ushakov\nWhat is the capital of France?\n/frobnicate\n")
    assert "Yuri Ushakov:" in out
    assert "I couldn't find that in the article." in out
    assert "Unknown command /frobnicate" in out


def test_history_lives_in_the_user_state_folder(monkeypatch, tmp_path):
    import platformdirs

    from bot import chat as chat_mod

    monkeypatch.setattr(platformdirs, "user_state_path", lambda app: tmp_path / app)
    history = chat_mod._enable_history()
    assert history is not None and history[1] == tmp_path / "article-bot" / "chat_history"
