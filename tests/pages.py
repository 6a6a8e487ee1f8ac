"""A local HTTP server for URL tests: serves our bench/articles pages plus redirects, errors, slow and large
responses. Tests turn article.allow_private_hosts on to reach it."""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[1] / "bench" / "articles"
TYPES = {".html": "text/html", ".md": "text/markdown; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path.startswith("/redirect/"):
            return self._send(302, b"", {"Location": path.removeprefix("/redirect")})
        if path == "/loop":
            return self._send(302, b"", {"Location": "/loop"})
        if path.startswith("/away/"):
            return self._send(302, b"", {"Location": "http://" + path.removeprefix("/away/")})
        if path == "/slow":
            time.sleep(1.6)
            return self._send(200, b"late", {"Content-Type": "text/plain"})
        if path == "/big":
            return self._send(200, b"word " * 400_000, {"Content-Type": "text/plain"})
        if path == "/report.pdf":
            return self._send(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"})
        file = ARTICLES / path.lstrip("/")
        if path.count("/") == 1 and file.is_file():
            kind = TYPES[file.suffix]
            if file.name == "market-street-cp1252.html":
                kind = "text/html; charset=windows-1252"
            return self._send(200, file.read_bytes(), {"Content-Type": kind})
        return self._send(404, b"not found", {"Content-Type": "text/plain"})

    def _send(self, status: int, body: bytes, headers: dict) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@contextlib.contextmanager
def serve():
    """http://127.0.0.1:PORT serving the pages, for the length of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
