"""``beslut serve``: build the site and serve it on a loopback address for preview."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; unknown addresses get the site's own 404 page."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the CLI prints what matters."""


@dataclass
class PreviewServer:
    """A threaded HTTP server over one folder."""

    server: http.server.ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        """Return the server's address."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


def start_server(root: Path, host: str = "127.0.0.1", port: int = 8000) -> PreviewServer:
    """Serve ``root`` on ``host:port`` (port 0 picks a free one) in a background thread."""
    handler = functools.partial(_Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, name="beslut-serve", daemon=True)
    thread.start()
    return PreviewServer(server, thread)
