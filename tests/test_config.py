import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.config import ConfigError, known_keys, load_settings, parse_assignment, unknown_env_names


def test_defaults_load(settings):
    assert settings.article.path.name == "000_cd38d57a62c20e13.txt" and settings.article.path.is_absolute()
    assert settings.retrieval.fusion == "convex" and settings.retrieval.top_k == 3
    assert settings.discord.shard_count == 0 and settings.discord.shard_ids == ()


def test_env_overrides_and_set_overrides():
    s = load_settings(environ={"ARTICLE_BOT_RETRIEVAL_TOP_K": "5", "ARTICLE_BOT_RETRIEVAL_FUSION": "rrf"})
    assert s.retrieval.top_k == 5 and s.retrieval.fusion == "rrf"
    s = load_settings(overrides={"retrieval.top_k": "2"}, environ={"ARTICLE_BOT_RETRIEVAL_TOP_K": "5"})
    assert s.retrieval.top_k == 2
    s = load_settings(overrides={"discord.shard_count": "4", "discord.shard_ids": "[0, 2]"}, environ={})
    assert s.discord.shard_ids == (0, 2)


@pytest.mark.parametrize("key, value, fragment", [
    ("retrieval.top_k", "0", "retrieval.top_k = 0; allowed: an integer 1..10"),
    ("retrieval.top_k", "many", "retrieval.top_k = 'many' is not valid; allowed: an integer 1..10"),
    ("retrieval.fusion", "magic", "allowed: one of convex, rrf, bm25, dense"),
    ("retrieval.dense_weight", "1.5", "retrieval.dense_weight = 1.5; allowed: a number 0..1"),
    ("discord.shard_ids", "[3]", "allowed: ids below discord.shard_count"),
    ("nope.key", "1", "unknown setting 'nope.key'"),
])
def test_invalid_values_name_key_value_and_allowed(key, value, fragment):
    with pytest.raises(ConfigError) as err:
        load_settings(overrides={key: value}, environ={})
    assert fragment in str(err.value)


def test_invalid_env_value_names_the_variable():
    with pytest.raises(ConfigError, match="ARTICLE_BOT_LIMITS_MAX_QUESTION_CHARS"):
        load_settings(environ={"ARTICLE_BOT_LIMITS_MAX_QUESTION_CHARS": "lots"})


def test_bad_files(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings(tmp_path / "missing.toml", environ={})
    bad = tmp_path / "bad.toml"
    bad.write_text("[retrieval\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad, environ={})
    partial = tmp_path / "partial.toml"
    partial.write_text('[retrieval]\ntop_k = 5\n')
    overlaid = load_settings(partial, environ={})
    assert overlaid.retrieval.top_k == 5 and overlaid == load_settings(environ={}).override({"retrieval.top_k": 5})
    typo = tmp_path / "typo.toml"
    typo.write_text('[retrieval]\ntopk = 3\n')
    with pytest.raises(ConfigError, match="unknown config key 'retrieval.topk'"):
        load_settings(typo, environ={})


@pytest.mark.parametrize("text", ["novalue", "=3", ""])
def test_bad_assignments(text):
    with pytest.raises(ConfigError, match="section.key=value"):
        parse_assignment(text)


def test_out_of_range_env_value_names_the_variable():
    with pytest.raises(ConfigError, match=r"^ARTICLE_BOT_RETRIEVAL_TOP_K: invalid setting retrieval.top_k = 50"):
        load_settings(environ={"ARTICLE_BOT_RETRIEVAL_TOP_K": "50"})


def test_misspelt_variables_get_the_nearest_name():
    warnings = unknown_env_names({"ARTICLE_BOT_RETRIEVAL_TOPK": "5", "ARTICLE_BOT_ZZZ": "1", "PATH": "/bin"})
    assert warnings[0] == ("ignoring ARTICLE_BOT_RETRIEVAL_TOPK: no such setting; "
                           "did you mean ARTICLE_BOT_RETRIEVAL_TOP_K?")
    assert warnings[1].startswith("ignoring ARTICLE_BOT_ZZZ: no such setting; valid names: ARTICLE_BOT_ARTICLE_PATH")
    assert len(warnings) == 2


def test_every_key_is_one_field_with_its_default_only_in_the_toml():
    import dataclasses
    import tomllib

    from bot.config import DEFAULT_CONFIG, SECTIONS

    toml = tomllib.loads(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    assert set(toml) == set(SECTIONS)
    for name, cls in SECTIONS.items():
        fields = dataclasses.fields(cls)
        assert [f.name for f in fields] == list(toml[name]), name
        assert all(f.default is dataclasses.MISSING and f.metadata["allowed"] for f in fields), name


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(known_keys()), st.text(max_size=30))
@example("model.cache_dir", "~0")  # a home folder of a user who does not exist
def test_any_override_is_accepted_or_refused_in_one_line(key, value):
    try:
        s = load_settings(overrides={key: value}, environ={})
    except ConfigError as exc:
        assert "\n" not in str(exc) and key in str(exc)
    else:
        section, name = key.split(".")
        assert getattr(getattr(s, section), name) is not None or key == "model.cache_dir"
