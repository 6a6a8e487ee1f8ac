"""Articles from URLs: urllib3 with connect and read timeouts, a redirect limit, a size limit, a content-type
check and a User-Agent. Private, loopback, link-local and reserved addresses are refused after DNS resolution
and again on every redirect, and the connection goes to the address that was checked (no second lookup a
DNS rebinding could answer differently) unless article.allow_private_hosts is true."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from retrieval.errors import ArticleError

from .config import ArticleSettings, is_url

if TYPE_CHECKING:
    from retrieval.article.cleaning import Article

READ_CHUNK = 64 * 1024
# HTTP statuses that redirect: each new address is checked again before it is fetched.
REDIRECTS = (301, 302, 303, 307, 308)
# Web pages, Markdown and text; "application/octet-stream" is what many servers say of a .txt or .md file.
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
                  "application/octet-stream", "")


def user_agent() -> str:
    try:
        mine = version("article-bot")
    except PackageNotFoundError:
        mine = "dev"
    return f"article-bot/{mine} (+https://github.com/article-bot; reads one article a user asks about)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    raw: bytes
    content_type: str


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (IPv4 and IPv6)."""
    return list(dict.fromkeys(info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))


def is_public(address: str) -> bool:
    """A globally routable unicast address (not private, loopback, link-local, reserved, shared or multicast)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def fetch(url: str, settings: ArticleSettings, resolver: Resolver = resolve) -> Fetched:
    """GET url and its redirects within settings' limits; ArticleError in one line naming the URL and why."""
    current = url
    for _ in range(settings.max_redirects + 1):
        response = _get(current, settings, resolver)
        try:
            if response.status not in REDIRECTS:
                return _body(url, current, response, settings)
            location = response.headers.get("Location")
        finally:
            response.release_conn()
        if not location:
            raise ArticleError(f"cannot read {url}: a redirect without a Location")
        current = urljoin(current, location)
    raise ArticleError(f"cannot read {url}: more than {settings.max_redirects} redirects (article.max_redirects)")


def _get(url: str, settings: ArticleSettings, resolver: Resolver):
    import urllib3

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArticleError(f"cannot read {url}: only http:// and https:// addresses can be fetched")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolver(parts.hostname, port)
    except (OSError, UnicodeError) as exc:
        raise ArticleError(f"cannot read {url}: the host name does not resolve ({exc})") from exc
    if not settings.allow_private_hosts:
        blocked = [a for a in addresses if not is_public(a)]
        if blocked or not addresses:
            raise ArticleError(f"cannot read {url}: {parts.hostname} is a private or reserved address "
                               f"({', '.join(blocked) or 'none'}); set article.allow_private_hosts = true to allow it")
    timeout = urllib3.Timeout(connect=settings.fetch_timeout, read=settings.fetch_timeout)
    options = {"timeout": timeout, "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        import certifi

        pool = urllib3.HTTPSConnectionPool(addresses[0], port, server_hostname=parts.hostname,
                                           assert_hostname=parts.hostname, cert_reqs="CERT_REQUIRED",
                                           ca_certs=certifi.where(), **options)
    else:
        pool = urllib3.HTTPConnectionPool(addresses[0], port, **options)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": user_agent(),
               "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.1"}
    try:
        return pool.urlopen("GET", path, headers=headers, redirect=False, preload_content=False,
                            assert_same_host=False)
    except urllib3.exceptions.HTTPError as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ArticleError(f"cannot read {url}: {_short(reason)}") from exc


def _body(url: str, final: str, response, settings: ArticleSettings) -> Fetched:
    import urllib3

    if response.status != 200:
        raise ArticleError(f"cannot read {url}: the server answered HTTP {response.status}")
    content_type = response.headers.get("Content-Type", "")
    if content_type.split(";")[0].strip().lower() not in ACCEPTED_TYPES:
        raise ArticleError(f"cannot read {url}: it is {content_type.split(';')[0]}, not a web page or text")
    limit = settings.max_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ArticleError(f"cannot read {url}: it is larger than article.max_bytes ({limit:,} bytes)")
    parts, size = [], 0
    try:
        for chunk in response.stream(READ_CHUNK):
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                raise ArticleError(f"cannot read {url}: it is larger than article.max_bytes ({limit:,} bytes)")
    except urllib3.exceptions.HTTPError as exc:
        raise ArticleError(f"cannot read {url}: {_short(exc)}") from exc
    return Fetched(final, b"".join(parts), content_type)


def _short(reason) -> str:
    text = str(reason)
    if "timed out" in text.lower():
        return "the server did not answer in time (article.fetch_timeout)"
    if "refused" in text.lower():
        return "the connection was refused"
    return text.split(": ", 1)[-1][:160]


def load_article(source: str | Path, settings: ArticleSettings) -> Article:
    """The article at a path or an http(s) URL, read and cleaned (ArticleError in one line when it can't be)."""
    from retrieval import article

    if isinstance(source, str) and is_url(source):
        page = fetch(source, settings)
        return article.from_bytes(page.raw, source, settings.max_bytes, page.content_type)
    return article.load(source, settings.max_bytes)
