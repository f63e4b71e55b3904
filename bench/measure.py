"""Run one build as a separate process and measure it: wall time, CPU time and peak memory of its processes.

Memory is the peak of the sum of the proportional set sizes (PSS) of the process and every process
below it (worker processes, Pagefind), sampled twice a second from /proc: forked workers share most of
their pages with the build, and PSS counts a shared page once, where adding up RSS would count it in
every process. CPU time is that of the process and all it waited for (``wait4``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SAMPLE_EVERY = 0.5
"""Seconds between two samples of the memory in use."""
SETTLE = 60.0
"""Seconds to wait after removing the folders set aside, before the next timed run. On ext4 (the bench
machine's), creating files shortly after tens of thousands were removed costs the kernel several times
more: 15,600 files of 12 kB took 7.6 s right after as many were removed, 2.0 s a minute later and
0.6 s on a file system with no recent removal (a script, run again and again on the bench machine)."""
KEEP_FREE = 8 << 30
"""Bytes left free on the disk: below this, the folders set aside are removed (then ``SETTLE``)."""


class SetAside:
    """Outputs and caches moved out of the way of a timed run instead of removed right before it.

    Every figure of the bench is a build into an empty folder; removing the last run's output there
    first would make the next run pay for the removal (``SETTLE``): Hugo's a little, beslut's, which
    writes 2.7 times as many files, more. So the folder is renamed aside (one rename), and what is set
    aside is removed between corpora, or when the disk runs short, followed by ``SETTLE`` seconds.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)

    def clear(self, path: Path) -> None:
        """Make ``path`` free for a timed run: whatever is there is moved aside."""
        if path.exists():
            self.count += 1
            path.rename(self.folder / str(self.count))
        if shutil.disk_usage(self.folder).free < KEEP_FREE:
            self.empty()

    def empty(self, settle: bool = True) -> None:
        """Remove everything set aside; wait ``SETTLE`` seconds after it (unless ``settle`` is False)."""
        if not any(self.folder.iterdir()):
            return
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        if settle:
            time.sleep(SETTLE)


def read_through(folder: Path) -> None:
    """Read every file under ``folder`` once, untimed.

    A CI job builds a checkout it has just written, so its files are in the kernel's page cache. A
    corpus written hours before may not be, and the first timed build to read it would pay for the
    disk alone: reading the 100,000-record corpus with ``cat`` took 5.2 s from the disk and 1.5 s
    from memory, and the build's reading stage 15.8 s in one run of the bench and 8.5 s in another.
    """
    for path in folder.rglob("*"):
        if path.is_file():
            path.read_bytes()


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
