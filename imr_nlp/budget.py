"""The per-letter time budget: no pathological letter can hold up a batch.

:func:`time_limit` runs a block under a deadline. In the main thread of a process (the CLI, a
script, each ``extract_many(n_process=...)`` / ``--workers`` process) it arms ``SIGALRM``, which interrupts Python
code *and* a running regular-expression match. Elsewhere (in other threads, as in Dask's
threaded workers, or while the program has its own ``SIGALRM`` timer) nothing can interrupt the
block, and the budget is not enforced: the size limits still bound the work.

Python drops an exception raised while it runs a garbage-collector callback or a ``__del__``
method (it prints "Exception ignored in ..."), so an alarm that lands there is lost. The alarm
therefore repeats every :data:`RETRY_INTERVAL` seconds until the block ends, and a block that
ends after its deadline fails even when every alarm was dropped.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIME_BUDGET = 30.0
RETRY_INTERVAL = 0.05


class BudgetExceeded(BaseException):
    """A letter used up its time budget (a BaseException, so `except Exception` in library code cannot swallow it)."""


class _Alarm:
    """The SIGALRM handler: raises :class:`BudgetExceeded` and remembers that the deadline passed."""

    def __init__(self) -> None:
        self.fired = False

    def __call__(self, signum: int, frame: object) -> None:
        self.fired = True
        raise BudgetExceeded


_ALARM = _Alarm()


def _can_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, _ALARM)
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
    _ALARM.fired = False
    previous = signal.signal(signal.SIGALRM, _ALARM)
    signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_INTERVAL)
    try:
        yield
    finally:
        while True:  # no function call before the timer is off: an alarm there would skip the rest
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except BudgetExceeded:  # the last alarm, delivered just as the timer went off
                continue
    if _ALARM.fired:  # the block ran past its deadline but every alarm was dropped
        raise BudgetExceeded
