"""The build's work spread over processes forked from it, with every result in a fixed order.

A stage hands its work out in numbered chunks: each worker process claims the next unclaimed chunk
number from a shared counter, so a worker slowed by the rest of the machine simply claims fewer.
Workers are forked after the stage's inputs exist, so they read the model without copying it; only
chunk numbers go out and only results come back, and a result that refers to one of the items it was
made from arrives referring to the build's own object (not a copy of it). One worker (``--jobs 1``,
or a system without ``fork``) runs the same chunks in order in the build's own process, so results
never depend on how many processes made them.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import io
import multiprocessing
import multiprocessing.connection
import os
import pickle
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_STOP = 1 << 62
"""Set as the next chunk number to make every worker stop claiming."""
_TICK = 0.2
"""Seconds between the reports of how far the workers have come."""

Forked = tuple[Any, "Claims", dict[Any, Any]]
"""The claims' shared counter, the claims, and each forked worker's end of its pipe with its process."""
Progress = Callable[[int, int | None], None]
"""Is told how many items of how many (None: not known) a stage has begun on."""


def default_jobs() -> int:
    """Return the number of processes a build uses unless told: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Tell whether worker processes can be forked here (not on Windows)."""
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


class Claims:
    """The chunk numbers of one stage, handed out one at a time to whichever worker asks first."""

    def __init__(self, shared: Any = None, told: Callable[[int], None] | None = None) -> None:
        self._shared = shared
        self._next = 0
        self._told = told
        """Told the number of chunks claimed so far (in this process, one worker)."""

    @property
    def claimed(self) -> int:
        """Return how many chunks have been claimed so far."""
        number = int(self._shared.value) if self._shared is not None else self._next
        return 0 if number >= _STOP else number

    def next(self) -> int:
        """Return the next unclaimed chunk number (a huge one once ``stop`` was called)."""
        if self._shared is None:
            number, self._next = self._next, self._next + 1
            if self._told is not None:
                self._told(self._next)
            return number
        with self._shared.get_lock():
            number = self._shared.value
            if number < _STOP:
                self._shared.value = number + 1
        if self._told is not None and number < _STOP:
            self._told(number + 1)
        return int(number)

    def take(self, number: int) -> bool:
        """Claim chunk ``number`` if no worker has; each worker asks for every chunk, in order."""
        if self._shared is None:
            if self._next != number:
                return False
            self._next += 1
            if self._told is not None:
                self._told(self._next)
            return True
        with self._shared.get_lock():
            if self._shared.value != number:
                return False
            self._shared.value = number + 1
        if self._told is not None:
            self._told(number + 1)
        return True

    def stop(self) -> None:
        """Make every worker stop claiming (a worker found a problem that ends the stage)."""
        if self._shared is None:
            self._next = _STOP
        else:
            with self._shared.get_lock():
                self._shared.value = _STOP


class WorkerFailed(RuntimeError):
    """A worker process raised, or died; the message carries its traceback or how it ended."""


class Workers:
    """Runs a stage's chunks in up to ``count`` processes (one: in this process, in order)."""

    def __init__(self, count: int = 1, progress: Progress | None = None) -> None:
        self.count = max(1, count) if can_fork() else 1
        self.progress = progress
        self.most = 1
        """The most processes that worked at once so far."""

    def each(
        self,
        work: Callable[[Claims], R],
        chunks: int | None = None,
        known: Sequence[object] = (),
        unit: int = 1,
        total: int | None = None,
    ) -> list[R]:
        """Run ``work(claims)`` once in each worker; return what each returned (in no particular order).

        ``work`` claims chunk numbers with ``claims.next()`` until one is past its last chunk.
        ``chunks`` (when known) keeps the number of processes at most the number of chunks. A result
        that refers to an object of ``known`` refers to this process's object, not to a copy. The
        progress is told ``unit`` items per chunk claimed, of ``total``.
        """
        count = self.count if chunks is None else min(self.count, chunks)
        told = self._told(unit, total)
        if count <= 1:
            return [work(Claims(told=told))]
        self.most = max(self.most, count)
        return _fork_each(work, count, known, told)

    def map(self, work: Callable[[T], R], items: Sequence[T], chunk: int = 64) -> list[R]:
        """Return ``[work(item) for item in items]``, computed chunk by chunk in the workers.

        A result that refers to one of ``items`` refers to this process's item. Forked workers send each
        chunk's results as it is done (``workmap``).
        """
        total = -(-len(items) // chunk)

        def compute(number: int) -> list[R]:
            return [work(item) for item in items[number * chunk : (number + 1) * chunk]]

        count = min(self.count, total)
        if count <= 1:
            claims = Claims(told=self._told(chunk, len(items)))
            done: dict[int, list[R]] = {}
            while (number := claims.next()) < total:
                done[number] = compute(number)
            return [result for number in range(total) for result in done[number]]
        from generator.base.workmap import fork_map  # it builds on this module

        self.most = max(self.most, count)
        return fork_map(compute, total, count, items, self._told(chunk, len(items)))

    def _told(self, unit: int, total: int | None) -> Callable[[int], None] | None:
        """Return what tells the progress ``unit`` items per chunk claimed, of ``total`` (None: nothing)."""
        if self.progress is None:
            return None
        progress = self.progress

        def told(claimed: int) -> None:
            progress(claimed * unit if total is None else min(claimed * unit, total), total)

        return told


def _fork_each(
    work: Callable[[Claims], R], count: int, known: Sequence[object], told: Callable[[int], None] | None
) -> list[R]:
    """Run ``work`` in this process and in ``count - 1`` forked ones, with shared claims; return the results.

    This process is one of the workers: one copy fewer of the memory the workers touch, and its
    results need no pickling. ``told`` hears how many chunks have been claimed, as this process claims.
    """
    with forked(count, _child, work, known) as (shared, claims, readers):
        own = Claims(shared, told)
        try:
            results: list[R] = [work(own)]
        except BaseException:
            own.stop()
            raise
        while readers:
            for ready in multiprocessing.connection.wait(list(readers), timeout=_TICK):
                process = readers.pop(ready)
                results.append(_receive(ready, process, known))
            if told is not None:
                told(claims.claimed)
        return results


@contextmanager
def forked(count: int, target: Callable[..., None], *args: object) -> Iterator[Forked]:
    """Fork ``count - 1`` workers, each running ``target(*args, claims, writer)``; yield the claims' shared
    counter, the claims, and each worker's end of its pipe (with its process); stop them all at the end."""
    context = multiprocessing.get_context("fork")
    shared = context.Value("q", 0)
    claims = Claims(shared)
    # Objects that exist now are never collected in the workers: a collection would write to every
    # object's header and so copy all memory pages the workers share with this process.
    gc.freeze()
    _release_free_pages()
    processes: list[Any] = []
    readers: dict[Any, Any] = {}
    try:
        for _ in range(count - 1):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=target, args=(*args, claims, writer), daemon=True)
            process.start()
            writer.close()
            processes.append(process)
            readers[reader] = process
        yield shared, claims, readers
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        gc.unfreeze()


def _release_free_pages() -> None:
    """Give the C library's free heap pages back to the system before forking (glibc's malloc_trim).

    What the stages before freed (the files' texts, the parsers' nodes) lies in pages between the
    model's objects; a worker forked with them resident counts them again. Elsewhere: nothing to do.
    """
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


@functools.cache
def _libc() -> Any:
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def _child(work: Callable[[Claims], Any], known: Sequence[object], claims: Claims, writer: Any) -> None:
    """Run in a worker: do the work, send back its result or the traceback that stopped it."""
    try:
        outcome: tuple[bool, Any] = (True, work(claims))
    except BaseException:
        claims.stop()
        outcome = (False, traceback.format_exc())
    buffer = io.BytesIO()
    _KnownPickler(buffer, {id(obj) for obj in known}).dump(outcome)
    writer.send_bytes(buffer.getbuffer())
    writer.close()


class _KnownPickler(pickle.Pickler):
    """Pickles the objects the worker inherited from the build by their identity (the same in both)."""

    def __init__(self, file: io.BytesIO, known: set[int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.known = known

    def persistent_id(self, obj: Any) -> int | None:
        """Return the identity of an inherited object; None pickles anything else as usual."""
        return id(obj) if id(obj) in self.known else None


class _KnownUnpickler(pickle.Unpickler):
    """Finds the objects a worker pickled by identity among the build's own."""

    def __init__(self, data: bytes, known: dict[int, object]) -> None:
        super().__init__(io.BytesIO(data))
        self.known = known

    def persistent_load(self, pid: Any) -> object:
        """Return the build's object of identity ``pid``."""
        return self.known[pid]


def _receive(reader: Any, process: Any, known: Sequence[object]) -> Any:
    """Return one worker's result; raise ``WorkerFailed`` if it raised or died."""
    try:
        data = reader.recv_bytes()
    except EOFError:
        process.join()
        raise WorkerFailed(f"en arbetsprocess avslutades oväntat (kod {process.exitcode})") from None
    ok, value = _KnownUnpickler(data, {id(obj): obj for obj in known}).load()
    if not ok:
        raise WorkerFailed(value)
    return value
