"""The preview's HTTP server: the current generation of the site, live reload and the error overlay.

Every request is answered from the generation that is current when it arrives, so a page is never
read half-written. HTML pages get the preview's chrome: a banner on drafts and scheduled records, the
error overlay while the last build failed, and a script that listens on ``/__beslut/events``
(Server-Sent Events) and reloads the page after the next good build. ``/__beslut/status`` tells tests
and tools how many builds ran and how the last one went.
"""

from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import posixpath
import threading
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base.diagnostics import Diagnostic, errors_in
from generator.preview.chrome import Chrome, inject, load_chrome

EVENTS = "/__beslut/events"
STATUS = "/__beslut/status"
KEEPALIVE_SECONDS = 15.0


@dataclass
class PreviewState:
    """What the server shows, changed by the rebuild loop and read by every request."""

    root: Path | None = None
    """The current generation's folder; None until the first good build."""
    generation: int = 0
    changed_pages: list[str] | None = None
    """The addresses of the pages the current generation changed from the one before (None: any)."""
    version: int = 0
    """Counts every change of state (a build finished, good or bad)."""
    builds: int = 0
    failures: int = 0
    ok: bool = True
    diagnostics: list[Diagnostic] = field(default_factory=list)
    banners: dict[str, tuple[str, dt.date | None]] = field(default_factory=dict)
    pagefind: Path | None = None
    """The current search index folder (served at /pagefind/)."""
    last: dict[str, Any] = field(default_factory=dict)
    """Figures of the last build (seconds, pages rendered and linked), for /__beslut/status."""
    chrome: Chrome | None = None
    live: bool = True
    """False for a plain static server: no chrome is added."""
    closed: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, **values: Any) -> None:
        """Change the state in one step and wake every listener."""
        with self.changed:
            for name, value in values.items():
                setattr(self, name, value)
            self.version += 1
            self.changed.notify_all()

    def close(self) -> None:
        """Wake every listener for good."""
        with self.changed:
            self.closed = True
            self.changed.notify_all()

    def snapshot(self) -> dict[str, Any]:
        """Return what /__beslut/status and each event tell (the overlay HTML when the build failed)."""
        with self.changed:
            state: dict[str, Any] = {
                "generation": self.generation,
                "changed": self.changed_pages,
                "version": self.version,
                "builds": self.builds,
                "failures": self.failures,
                "ok": self.ok,
                "errors": [json.loads(d.to_json()) for d in self.diagnostics],
                "search_index": self.pagefind is not None,
                **self.last,
            }
            diagnostics = errors_in(self.diagnostics) if not self.ok else []
        state["overlay"] = self.chrome.overlay(diagnostics) if diagnostics and self.chrome else ""
        return state


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the current generation; unknown addresses get the site's own 404 page."""

    state: PreviewState

    def __init__(self, *args: Any, state: PreviewState, **kwargs: Any) -> None:
        self.state = state
        self.served_generation = state.generation
        root = state.root or Path.cwd() / ".beslut-no-site"
        super().__init__(*args, directory=str(root), **kwargs)

    def end_headers(self) -> None:
        """Forbid caching: a reload must always show the newest build."""
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        """Answer the preview's own addresses, an HTML page with chrome, or a file."""
        path = urllib.parse.urlsplit(self.path).path
        if path == EVENTS:
            self._events()
        elif path == STATUS:
            self._send(200, "application/json", json.dumps(self.state.snapshot(), default=str).encode())
        elif self.state.root is None and self.state.live:
            self._send(503, "text/html; charset=utf-8", self._no_site())
        elif self.state.live and (page := self._html_file(path)) is not None:
            self._page(page)
        else:
            # Browsers revalidate with If-Modified-Since; a file rewritten in the same second would
            # then look unchanged, so the preview always sends the file itself.
            del self.headers["If-Modified-Since"]
            super().do_GET()

    def _html_file(self, path: str) -> Path | None:
        """Return the HTML file an address resolves to, if it is one."""
        local = Path(self.translate_path(path))
        if local.is_dir():
            if not path.endswith("/"):
                return None  # the file server redirects to the address with a slash
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _page(self, file: Path) -> None:
        """Send an HTML page with the preview's chrome."""
        self._send(200, "text/html; charset=utf-8", self._decorate(file.read_bytes(), self._address()))

    def _address(self) -> str:
        """Return the page's address as the banners know it (``/org/ks/2024-03-11/12-budget/``)."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path).removesuffix("index.html")
        return posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")

    def _decorate(self, html: bytes, address: str) -> bytes:
        """Add the banner, the overlay (while the last build failed) and the reload script."""
        state, chrome = self.state, self.state.chrome
        if chrome is None:
            return html
        with state.changed:
            version, ok, diagnostics = state.version, state.ok, errors_in(state.diagnostics)
            banner = state.banners.get(address)
        head = "" if ok else chrome.overlay(diagnostics)
        top = chrome.banner(*banner) if banner else ""
        return inject(html, head=head, top=top, tail=chrome.script(self.served_generation, version))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Send the site's own 404 page (with the chrome) for an unknown address."""
        page = Path(str(self.directory)) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            if self.state.live:
                body = self._decorate(body, "")
            self._send(404, "text/html; charset=utf-8", body)
            return
        super().send_error(code, message, explain)

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _no_site(self) -> bytes:
        """Return the page shown before any build succeeded: the errors, and the reload script."""
        chrome = self.state.chrome
        if chrome is None:
            return b"<!doctype html><title>beslut</title><p>...</p>"
        text = chrome.t("preview_no_site")
        page = f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{text}</title></head>'
        page += f"<body><main><h1>{text}</h1></main></body></html>"
        return self._decorate(page.encode(), "")

    def _events(self) -> None:
        """Stream the state to the page as Server-Sent Events until the server stops."""
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        since = int((query.get("since") or ["-1"])[0] or -1)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        state = self.state
        try:
            while True:
                with state.changed:
                    if state.version == since and not state.closed:
                        state.changed.wait(KEEPALIVE_SECONDS)
                    if state.closed:
                        return
                    changed, since = state.version != since, state.version
                if changed:
                    data = json.dumps(state.snapshot(), default=str)
                    self.wfile.write(f"event: state\ndata: {data}\n\n".encode())
                else:
                    self.wfile.write(b": keepalive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the CLI prints what matters."""

    def translate_path(self, path: str) -> str:
        """Serve /pagefind/ from the current search index, which lives outside the generations."""
        index = self.state.pagefind
        clean = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if index is not None and clean.startswith("/pagefind/"):
            rel = posixpath.normpath(clean[len("/pagefind/") :]).lstrip("/")
            if not rel.startswith(".."):
                return str(index / rel)
        return super().translate_path(path)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """Answer 404 for a folder without a page, as a web server of the published site would."""
        self.send_error(404)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@dataclass
class PreviewServer:
    """A threaded HTTP server over the preview's state."""

    server: http.server.ThreadingHTTPServer
    thread: threading.Thread
    state: PreviewState

    @property
    def url(self) -> str:
        """Return the server's address."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def stop(self) -> None:
        """Stop serving and end every event stream."""
        self.state.close()
        self.server.shutdown()
        self.server.server_close()


def start_server(root: Path | PreviewState, host: str = "127.0.0.1", port: int = 8000) -> PreviewServer:
    """Serve a folder, or a live preview's state, on ``host:port`` (port 0 picks a free one)."""
    state = root if isinstance(root, PreviewState) else PreviewState(root=root, live=False)
    if state.live and state.chrome is None:
        state.chrome = load_chrome()

    def handler(*args: Any, **kwargs: Any) -> _Handler:
        return _Handler(*args, state=state, **kwargs)

    server = _Server((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, name="beslut-serve", daemon=True)
    thread.start()
    return PreviewServer(server, thread, state)
