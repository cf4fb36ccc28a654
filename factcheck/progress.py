"""A progress line on standard error for long runs: documents done, rate, time left.

Drawn only when enabled (a terminal, not --quiet), at most a few times a second, and
erased when the run ends so the summary that follows starts on a clean line.
"""
from __future__ import annotations

import sys
import time


class ProgressBar:
    WIDTH = 28
    INTERVAL = 0.2  # seconds between redraws

    def __init__(self, enabled: bool, label: str = "items", stream=None):
        self.enabled = enabled
        self.label = label
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0
        self._start = time.monotonic()
        self._drawn = 0.0

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    def set_total(self, total: int) -> None:
        self.total = total

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= self.INTERVAL or self.done >= self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now - self._start))
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        """`[#####-----]  120/1000 documents  45.3/s  0:00:19 left`"""
        rate = self.done / elapsed if elapsed > 0 else 0.0
        share = self.done / self.total if self.total else 0.0
        filled = int(self.WIDTH * min(share, 1.0))
        left = (self.total - self.done) / rate if rate and self.total else None
        eta = time.strftime("%H:%M:%S", time.gmtime(left)) if left is not None else "--:--:--"
        return (f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {self.done:>{len(str(self.total))}}/{self.total} "
                f"{self.label}  {rate:.1f}/s  {eta} left")
