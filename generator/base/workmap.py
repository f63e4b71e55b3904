"""``Workers.map`` in forked processes, each chunk's results sent back as soon as it is done.

A worker that kept its whole share until the end would hold it twice (its results and their pickle),
and the build would then receive all of it at once (the bytes and the objects made from them): at
100,000 records the rendered texts of half the archive, three times over, at the build's memory peak.
Here each forked worker sends every chunk's results as one message when the chunk is done, and a
thread of the build's process takes each message in as it arrives, while that process works through
its own share of the chunks.
"""

from __future__ import annotations

import io
import multiprocessing
import multiprocessing.connection
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from generator.base.workers import _TICK, Claims, WorkerFailed, _KnownPickler, _KnownUnpickler, forked

R = TypeVar("R")

_DONE = -1
"""The chunk number of the message a worker sends when it has claimed its last chunk."""
_FAILED = -2
"""The chunk number of the message that carries the traceback of a worker that raised."""


def fork_map(
    compute: Callable[[int], list[R]],
    total: int,
    count: int,
    known: Sequence[object],
    told: Callable[[int], None] | None,
) -> list[R]:
    """Return every chunk's results in order, ``compute(number)`` run for chunks ``0 .. total - 1`` by this
    process and ``count - 1`` forked ones. A result that refers to an object of ``known`` refers to this
    process's object. ``told`` hears how many chunks have been claimed."""
    merged: dict[int, list[R]] = {}
    failures: list[str] = []
    with forked(count, _child, compute, total, known) as (shared, claims, readers):
        # Started once every worker is forked: a process is never forked with this thread in it.
        taken = (readers, known, merged, failures, claims)
        receiver = threading.Thread(target=_receive, args=taken, daemon=True)
        receiver.start()
        own = Claims(shared, told)
        try:
            while (number := own.next()) < total:
                merged[number] = compute(number)
        except BaseException:
            own.stop()
            raise
        finally:
            while receiver.is_alive():
                receiver.join(_TICK)
                if told is not None:
                    told(claims.claimed)
        if failures:
            raise WorkerFailed(failures[0])
        return [result for number in range(total) for result in merged[number]]


def _child(
    compute: Callable[[int], list[Any]], total: int, known: Sequence[object], claims: Claims, writer: Any
) -> None:
    """Run in a worker: send each claimed chunk's results, then that it is done (or its traceback)."""
    ids = {id(obj) for obj in known}
    try:
        while (number := claims.next()) < total:
            _send(writer, ids, (number, compute(number)))
        _send(writer, ids, (_DONE, None))
    except BaseException:
        claims.stop()
        _send(writer, ids, (_FAILED, traceback.format_exc()))
    writer.close()


def _send(writer: Any, ids: set[int], message: tuple[int, Any]) -> None:
    buffer = io.BytesIO()
    _KnownPickler(buffer, ids).dump(message)
    writer.send_bytes(buffer.getbuffer())


def _receive(
    readers: dict[Any, Any],
    known: Sequence[object],
    merged: dict[int, Any],
    failures: list[str],
    claims: Claims,
) -> None:
    """Take in the workers' messages as they arrive, until each worker is done, failed or died."""
    objects = {id(obj): obj for obj in known}
    while readers:
        ready: Any
        for ready in multiprocessing.connection.wait(list(readers)):
            process = readers[ready]
            try:
                number, value = _KnownUnpickler(ready.recv_bytes(), objects).load()
            except EOFError:
                process.join()
                number, value = _FAILED, f"en arbetsprocess avslutades oväntat (kod {process.exitcode})"
            if number >= 0:
                merged[number] = value
                continue
            del readers[ready]
            if number == _FAILED:
                failures.append(value)
                claims.stop()
