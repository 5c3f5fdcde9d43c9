"""One HTTP request to a store, with a timeout and safe retries.

Only idempotent requests come here (a whole-graph PUT, or one DROP + INSERT
update), so a request may be repeated: on a connection error, a timeout, 429
(honouring ``Retry-After``), 502, 503 or 504, with capped exponential backoff.
Anything else is answered at once: 401/403 as refused credentials, other
statuses as the store's failure.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from orgkg.endpoint.access import credentials, display
from orgkg.errors import EndpointError

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


class UnreachableError(Exception):
    """Every attempt failed to connect or timed out, or the store stayed busy."""


def send(method: str, url: str, body: bytes, content_type: str, policy: RetryPolicy,
         sleep: Callable[[float], None] = time.sleep) -> int:
    """Send the request (retrying where safe); return the success status."""
    headers = {"Content-Type": content_type}
    creds = credentials(url)
    if creds is not None:
        headers["Authorization"] = creds.header()
    last = ""
    for attempt in range(policy.attempts):
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=policy.timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            if err.code in (401, 403):
                raise EndpointError(display(url), f"refused the credentials (HTTP {err.code})",
                                    "set ORGKG_USER/ORGKG_PASSWORD or a netrc entry for this host") from None
            if err.code not in RETRY_STATUSES:
                raise StoreFailedError(err.code, detail[0] if detail else err.reason) from None
            last, wait = f"HTTP {err.code}", policy.delay(attempt, err.headers.get("Retry-After"))
        except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
            last, wait = str(getattr(err, "reason", err)), policy.delay(attempt)
        if attempt + 1 < policy.attempts:
            sleep(wait)
    raise UnreachableError(f"{last} after {policy.attempts} attempts")
