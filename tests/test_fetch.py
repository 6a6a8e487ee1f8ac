"""Articles from URLs: limits, content types, redirects, and private addresses refused after DNS and on every
redirect unless article.allow_private_hosts is on."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from bot import fetch as fetch_mod
from bot.config import PROJECT_ROOT
from retrieval.errors import ArticleError


@pytest.fixture()
def open_settings(settings):
    return dataclasses.replace(settings.article, allow_private_hosts=True, fetch_timeout=1.0, max_redirects=3)


def test_page_is_fetched_and_read(site, open_settings):
    art = fetch_mod.load_article(f"{site}/redirect/harbour-ferry.html", open_settings)
    assert art.headline == "Council approves new harbour ferry route after two-year wait"
    assert art.source.endswith("/redirect/harbour-ferry.html") and len(art.paragraphs) == 7


def test_http_header_charset_is_honoured(site, open_settings):
    art = fetch_mod.load_article(f"{site}/market-street-cp1252.html", open_settings)
    assert art.headline.startswith("Café owners")


@pytest.mark.parametrize(("path", "why"), [
    ("/missing", "HTTP 404"), ("/report.pdf", "application/pdf, not a web page"), ("/loop", "more than 3 redirects"),
    ("/big", "larger than article.max_bytes"), ("/slow", "did not answer in time"),
])
def test_unreadable_pages_give_one_line_naming_the_url(site, open_settings, path, why):
    with pytest.raises(ArticleError) as err:
        fetch_mod.fetch(site + path, open_settings)
    message = str(err.value)
    assert message.startswith(f"cannot read {site}{path}: ") and why in message and "\n" not in message


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://[::1]:9/",
                                 "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/", "file:///etc/passwd",
                                 "ftp://example.org/a.txt"])
def test_private_and_odd_addresses_refused_by_default(settings, url):
    with pytest.raises(ArticleError) as err:
        fetch_mod.fetch(url, settings.article)
    assert "private or reserved" in str(err.value) or "only http:// and https://" in str(err.value)


def test_a_redirect_to_a_private_address_is_refused(site, settings, monkeypatch):
    """The server counts as public here; it redirects to a host that resolves to a private address."""
    port = int(site.rsplit(":", 1)[1])
    names = {"public.test": ["127.0.0.1"], "internal.test": ["10.1.2.3"]}
    monkeypatch.setattr(fetch_mod, "is_public", lambda address: address == "127.0.0.1")
    ok = fetch_mod.fetch(f"http://public.test:{port}/tractor-app-lines.txt", settings.article,
                         resolver=lambda host, _port: names[host])
    assert ok.raw.startswith(b"Teenager")
    with pytest.raises(ArticleError, match="internal.test is a private or reserved address"):
        fetch_mod.fetch(f"http://public.test:{port}/away/internal.test:{port}/tractor-app-lines.txt",
                        settings.article, resolver=lambda host, _port: names[host])


def test_public_addresses():
    assert fetch_mod.is_public("93.184.216.34") and fetch_mod.is_public("2606:4700::1111")
    for address in ("127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.169.254", "100.64.0.1",
                    "0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1", "240.0.0.1"):
        assert not fetch_mod.is_public(address), address


def test_cli_reads_a_url(site, cache_dir):
    env = dict(os.environ, ARTICLE_BOT_MODEL_CACHE_DIR=str(cache_dir))
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "--article", f"{site}/wire-drought.html", "--set",
                           "article.allow_private_hosts=true", "about", "--json"], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env=env, timeout=120)
    about = json.loads(proc.stdout)
    assert proc.returncode == 0 and about["headline"] == "Farmers in the valley brace for a third dry summer"
    refused = subprocess.run([sys.executable, "-m", "bot.cli", "--article", f"{site}/wire-drought.html", "about"],
                             capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120)
    assert refused.returncode == 3 and "private or reserved" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
