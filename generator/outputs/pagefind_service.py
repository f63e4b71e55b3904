"""A client of Pagefind's indexing service (``pagefind --service``), the protocol of its Python and Node APIs.

The search index is made from the records' data, not by reading the written HTML back: each record is one
``AddRecord`` (its text, metadata, filters and sort key), a few site pages are ``AddFile``, and ``GetFiles``
returns the bundle, which the caller writes (only the files the search page loads).

Why not the ``pagefind`` package's ``PagefindIndex``: its reply loop sleeps 0.1 s before it reads each
reply, so every call costs at least 0.1 s (measured with pagefind 1.5.2: 200 records took 20 s, 10,000 would
take 17 minutes). Here requests are written without waiting for replies (the service answers them by
message id) and a thread reads the replies as they come. The messages are the package's own
(``pagefind.service.types``): base64 of the JSON request, each followed by a comma, both ways.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import IO, Any

from pagefind.service import get_executable
from pagefind.service.types import (
    InternalAddFileRequest,
    InternalAddRecordRequest,
    InternalDeleteIndexRequest,
    InternalGetFilesRequest,
    InternalNewIndexRequest,
    InternalRequestPayload,
)

WAIT_SECONDS = 900.0
"""How long one reply may take before the service is given up (a bundle of thousands of records: minutes)."""


class PagefindError(Exception):
    """The service could not be started, failed a request, or stopped."""


def pagefind_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """Return ``environ`` without Pagefind's own settings (``PAGEFIND_*``).

    Pagefind reads settings from the environment and from a pagefind.yml/.toml/.json in its working
    folder; either could change the index from one machine to the next. The service runs in an empty
    folder of its own and is told everything it needs in its requests.
    """
    return {k: v for k, v in environ.items() if not k.upper().startswith("PAGEFIND_")}


class PagefindService:
    """One running ``pagefind --service``; use as a context manager, one thread at a time."""

    def __init__(self, settings: Mapping[str, str] | None = None) -> None:
        """Start the service; ``settings`` are the ``PAGEFIND_*`` variables it gets (and no others)."""
        executable = get_executable()
        if executable is None:
            raise PagefindError("Pagefind saknas")
        self._folder = tempfile.TemporaryDirectory(prefix="beslut-pagefind-")
        try:
            self._process = subprocess.Popen(
                [str(executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self._folder.name,
                env={**pagefind_environment(os.environ), **(settings or {})},
            )
        except OSError as exc:
            self._folder.cleanup()
            raise PagefindError(f"Pagefind kunde inte startas ({exc})") from exc
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._ended = False
        self._said: list[bytes] = []
        assert self._process.stdout is not None and self._process.stderr is not None
        self._threads = [
            threading.Thread(target=self._read_replies, args=(self._process.stdout,), daemon=True),
            threading.Thread(target=self._read_errors, args=(self._process.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def new_index(self, language: str) -> int:
        """Create an empty index whose pages are all in ``language``; return its id."""
        reply = self._call(InternalNewIndexRequest(type="NewIndex", config={"force_language": language}))
        return int(reply["index_id"])

    def add_records(
        self, index: int, requests: Iterable[InternalAddRecordRequest | InternalAddFileRequest]
    ) -> int:
        """Send every record and page to ``index`` before waiting for the replies; return how many."""
        sent = [self._send({**request, "index_id": index}) for request in requests]
        for message_id in sent:
            reply = self._wait(message_id)
            if reply.get("type") != "IndexedFile":
                raise PagefindError(f"oväntat svar från Pagefind: {str(reply)[:200]}")
        return len(sent)

    def files(self, index: int) -> dict[str, bytes]:
        """Return every file of the index's bundle by its path in the bundle (nothing is written)."""
        reply = self._call(InternalGetFilesRequest(type="GetFiles", index_id=index))
        return {item["path"]: base64.b64decode(item["content"]) for item in reply["files"]}

    def delete_index(self, index: int) -> None:
        """Free the memory of an index that is done."""
        self._call(InternalDeleteIndexRequest(type="DeleteIndex", index_id=index))

    def stop(self) -> None:
        """Stop the service now, from any thread: a call waiting for it raises ``PagefindError``."""
        with contextlib.suppress(OSError):
            self._process.kill()

    def close(self) -> None:
        """Stop the service and remove its working folder."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for thread in self._threads:
            thread.join(timeout=5)
        self._folder.cleanup()

    def _call(self, payload: InternalRequestPayload) -> dict[str, Any]:
        return self._wait(self._send(payload))

    def _send(self, payload: Mapping[str, Any]) -> int:
        self._next_id += 1
        message = json.dumps({"message_id": self._next_id, "payload": payload}, ensure_ascii=False)
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        except (BrokenPipeError, ValueError) as exc:
            raise PagefindError(self._stopped()) from exc
        return self._next_id

    def _wait(self, message_id: int) -> dict[str, Any]:
        assert self._process.stdin is not None
        try:
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise PagefindError(self._stopped()) from exc
        with self._arrived:
            if not self._arrived.wait_for(
                lambda: message_id in self._replies or self._ended, timeout=WAIT_SECONDS
            ):
                raise PagefindError(f"Pagefind svarade inte på {WAIT_SECONDS:.0f} sekunder")
            reply = self._replies.pop(message_id, None)
        if reply is None:
            raise PagefindError(self._stopped())
        if reply.get("type") == "Error":
            raise PagefindError(f"Pagefind: {reply.get('message', reply)}")
        return reply

    def _read_replies(self, stream: IO[bytes]) -> None:
        """Collect the service's replies by message id until it closes its output."""
        parts: list[bytes] = []  # the reply being read (a bundle's files are megabytes: read in pieces)
        while chunk := stream.read1(1 << 20):  # type: ignore[attr-defined]
            if b"," not in chunk:
                parts.append(chunk)
                continue
            head, *whole, tail = chunk.split(b",")
            messages = [b"".join([*parts, head]), *whole]
            parts = [tail] if tail else []
            with self._arrived:
                for message in messages:
                    self._keep(json.loads(base64.b64decode(message)))
                self._arrived.notify_all()
        with self._arrived:
            self._ended = True
            self._arrived.notify_all()

    def _keep(self, reply: dict[str, Any]) -> None:
        """File one reply under its message id (an unreadable request's reply names it in its payload)."""
        message_id = reply.get("message_id")
        payload = reply.get("payload", {})
        if message_id is None:
            original = json.loads(payload.get("original_message") or "{}")
            message_id = original.get("message_id")
        if message_id is not None:
            self._replies[int(message_id)] = payload

    def _read_errors(self, stream: IO[bytes]) -> None:
        """Keep the last things the service said on stderr, for the error message."""
        for line in stream:
            self._said = [*self._said[-4:], line.rstrip()]

    def _stopped(self) -> str:
        """Say why the service is gone: its last words, or how it ended."""
        try:
            code = self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return "Pagefind slutade svara"
        said = [line.decode("utf-8", "replace") for line in self._said if line.strip()]
        return "Pagefind avbröts: " + " / ".join(said[-3:] or [exit_reason(code)])


def exit_reason(code: int) -> str:
    """Return why a program stopped without a word: its exit code, or the signal that ended it."""
    if code < 0:
        try:
            return f"avbröts av signalen {signal.Signals(-code).name}"
        except ValueError:
            return f"avbröts av signal {-code}"
    return f"slutade med felkod {code}"
