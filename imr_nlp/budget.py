"""The per-letter time budget: no pathological letter can hold up a batch.

:func:`time_limit` runs a block under a deadline. In the main thread of a process (the CLI, a
script, each ``extract_many(n_process=...)`` / ``--workers`` process) it arms ``SIGALRM``, which interrupts Python
code *and* a running regular-expression match. Elsewhere (in other threads, as in Dask's
threaded workers, or while the program has its own ``SIGALRM`` timer) nothing can interrupt the
block, and the budget is not enforced: the size limits still bound the work.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIME_BUDGET = 30.0


class BudgetExceeded(BaseException):
    """A letter used up its time budget (a BaseException, so `except Exception` in library code cannot swallow it)."""


def _raise(signum: int, frame: object) -> None:
    raise BudgetExceeded


def _can_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, _raise)
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` if the block runs for longer than `seconds` (None: no limit)."""
    if seconds is None:
        yield
        return
    if seconds <= 0:
        raise BudgetExceeded
    if not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
