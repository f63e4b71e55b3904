"""Run one build as a separate process and measure it: wall time, CPU time and peak memory of its processes.

Memory is the peak of the sum of the proportional set sizes (PSS) of the process and every process
below it (worker processes, Pagefind), sampled twice a second from /proc: forked workers share most of
their pages with the build, and PSS counts a shared page once, where adding up RSS would count it in
every process. CPU time is that of the process and all it waited for (``wait4``).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SAMPLE_EVERY = 0.5
"""Seconds between two samples of the memory in use."""


@dataclass
class Sample:
    """One measured run of a program."""

    wall: float
    cpu: float
    peak_mib: float
    """The peak of the processes' memory (PSS summed), MiB; 0 where /proc cannot tell."""
    ok: bool = True
    details: dict[str, Any] = field(default_factory=dict)
    """What the program said of itself (a beslut build: records, pages, stage times, cache use)."""


def run(command: list[str], cwd: Path | None = None) -> tuple[Sample, str]:
    """Run ``command``; return its measurements and what it printed on stdout."""
    peak = _PeakMemory()
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, cwd=cwd) as process:
        peak.follow(process.pid)
        assert process.stdout is not None
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    peak.stop()
    sample = Sample(wall, usage.ru_utime + usage.ru_stime, peak.mib, process.returncode == 0)
    return sample, output.decode("utf-8", "replace")


class _PeakMemory:
    """Samples the memory of a process and everything below it, in a thread, until told to stop."""

    def __init__(self) -> None:
        self.mib = 0.0
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def follow(self, pid: int) -> None:
        self._thread = threading.Thread(target=self._sample, args=(pid,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()

    def _sample(self, pid: int) -> None:
        wait = 0.05  # the first sample soon, for a program done within a second
        while not self._done.wait(wait):
            self.mib = max(self.mib, sum(_pss_kib(p) for p in _tree(pid)) / 1024)
            wait = SAMPLE_EVERY


def _tree(pid: int) -> list[int]:
    """Return ``pid`` and every process below it."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue += [int(child) for child in task.read_text().split()]
            except OSError:
                continue
    return found


def _pss_kib(pid: int) -> int:
    """Return the proportional set size of ``pid`` in KiB (0 when it is gone or /proc cannot tell)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
