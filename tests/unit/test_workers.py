"""workers: chunks handed out once each, results in order, the build's own objects back, failures raised."""

from __future__ import annotations

import os
import time

import pytest

from generator.base.workers import Claims, WorkerFailed, Workers, can_fork

needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes are forked")


class Record:
    def __init__(self, number: int) -> None:
        self.number = number


@pytest.mark.parametrize("count", [1, 2, 3])
def test_map_returns_every_result_in_order(count: int) -> None:
    items = list(range(1000))
    assert Workers(count).map(lambda x: x * x, items, chunk=7) == [x * x for x in items]


@needs_fork
def test_the_work_is_shared_by_processes() -> None:
    def work(_: int) -> int:
        time.sleep(0.002)
        return os.getpid()

    workers = Workers(2)
    pids = set(workers.map(work, list(range(400)), chunk=1))
    assert workers.most == 2
    # The build's own process is one of the two workers; the other is forked.
    assert os.getpid() in pids and len(pids) == 2


@needs_fork
def test_results_refer_to_the_builds_own_items() -> None:
    records = [Record(n) for n in range(300)]
    back = Workers(2).map(lambda r: (r, r.number), records, chunk=10)
    assert all(
        got is record and number == record.number for (got, number), record in zip(back, records, strict=True)
    )


def test_each_chunk_is_claimed_once_and_in_turn() -> None:
    claims = Claims()
    assert [claims.take(n) for n in range(3)] == [True, True, True]
    assert claims.take(1) is False
    claims.stop()
    assert claims.take(3) is False and claims.next() > 10**9


@needs_fork
def test_a_failing_worker_fails_the_stage_with_its_traceback() -> None:
    parent = os.getpid()

    def work(x: int) -> int:
        time.sleep(0.001)
        if os.getpid() != parent:
            raise ValueError(f"trasigt värde {x}")
        return x

    with pytest.raises(WorkerFailed, match="trasigt värde"):
        Workers(2).map(work, list(range(400)), chunk=5)


@needs_fork
def test_a_failure_in_the_builds_own_share_is_raised_as_it_is() -> None:
    parent = os.getpid()

    def work(x: int) -> int:
        time.sleep(0.001)
        if os.getpid() == parent and x > 0:
            raise ValueError("trasigt i byggets egen process")
        return x

    with pytest.raises(ValueError, match="byggets egen process"):
        Workers(2).map(work, list(range(400)), chunk=5)


@needs_fork
def test_a_worker_that_dies_fails_the_stage() -> None:
    parent = os.getpid()

    def work(x: int) -> int:
        time.sleep(0.001)
        if os.getpid() != parent:
            os._exit(3)
        return x

    with pytest.raises(WorkerFailed, match="avslutades oväntat"):
        Workers(2).map(work, list(range(400)), chunk=5)
