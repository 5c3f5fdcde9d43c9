"""One request to a store, with safe retries, all within one time limit.

Only idempotent requests come here (a whole-graph PUT or DELETE, or one DROP +
INSERT update), so a request may be repeated: on a connection error, 429
(honouring ``Retry-After``), 502, 503 or 504, with capped exponential backoff,
while the request's time (``--timeout``, all attempts together) lasts. A store
that hangs is given up when that time is spent. Anything else is answered at
once: 401/403 as refused credentials, 404 as a wrong URL, other statuses as the
store's failure.
"""

from __future__ import annotations

import http
import time
from collections.abc import Callable
from dataclasses import dataclass

from orgkg.endpoint.access import display
from orgkg.endpoint.client import Deadline, Session, UnreachableError, refusal

RETRY_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base: float = 0.5
    cap: float = 8.0
    timeout: float = 60.0

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return float(min(self.cap, float(retry_after)))
        return float(min(self.cap, self.base * 2 ** attempt))


class StoreFailedError(Exception):
    """The store answered a status that is not success and not worth retrying."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status, self.detail = status, detail


def send(method: str, url: str, body: bytes, content_type: str, policy: RetryPolicy,
         sleep: Callable[[float], None] = time.sleep, *, session: Session | None = None,
         role: str = "store", missing_ok: bool = False) -> int:
    """Send the request (retrying where safe); return the success status (or 404 if
    ``missing_ok``: deleting what is not there)."""
    session = session or Session()
    deadline = Deadline(policy.timeout)
    last = ""
    for attempt in range(policy.attempts):
        try:
            answer = session.request(method, url, body, {"Content-Type": content_type}, deadline)
        except UnreachableError as err:
            if not err.retryable:
                raise
            last, wait = err.reason, policy.delay(attempt)
        else:
            if 200 <= answer.status < 300 or (missing_ok and answer.status == 404):
                return answer.status
            refused = refusal(answer, url, role)
            if refused is not None:
                raise refused
            if answer.status not in RETRY_STATUSES:
                raise StoreFailedError(answer.status, answer.detail(url) or _phrase(answer.status))
            last, wait = f"HTTP {answer.status}", policy.delay(attempt, answer.retry_after)
        if attempt + 1 >= policy.attempts or wait >= deadline.remaining():
            break
        sleep(wait)
    raise UnreachableError(display(url), f"{last} after {attempt + 1} attempts",
                           "is it running? check --endpoint", what=f"cannot reach the store ({last} after "
                           f"{attempt + 1} attempts)")


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "error"
