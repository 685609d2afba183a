"""How long work in the finder learns it should stop: a callable asked between steps."""

from __future__ import annotations

from collections.abc import Callable

# True once the work's result is no longer wanted (the query changed, the finder closed).
StopFn = Callable[[], bool]
