"""Real headless Chromium, driven over the DevTools protocol (a small client, no browser download).

    with Chromium() as page:
        page.open(Path("chart.html"))            # every network request blocked and recorded
        page.evaluate("document.title")
        page.click("#expand"); page.type_into("#search", "Manager"); page.press("Enter")
        page.screenshot(Path("artifacts/chart.png"))
        assert page.requests_elsewhere() == [] and page.errors == []

Chromium is Debian's (``tools/system-deps.sh`` installs it), started with a
fresh profile; the client talks to it on 127.0.0.1 only.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import websocket

from tests.support.processes import stop

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0"]


class BrowserError(RuntimeError):
    pass


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise BrowserError("Debian's chromium is not installed: run `make system-deps`")
    return found


class Chromium:
    """One headless Chromium with one page; a context manager."""

    def __init__(self, width: int = 1500, height: int = 950, timeout: float = 60.0) -> None:
        self.width, self.height, self.timeout = width, height, timeout
        self.events: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page_url = ""
        self._next = 0

    # ------------------------------------------------------------ life cycle
    def __enter__(self) -> Chromium:
        self.profile = Path(tempfile.mkdtemp(prefix="orgkg-chromium-"))
        self.proc = subprocess.Popen(
            [chromium_path(), *FLAGS, f"--user-data-dir={self.profile}",
             f"--window-size={self.width},{self.height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ws = websocket.create_connection(self._endpoint(), timeout=self.timeout, suppress_origin=True)
        target = self.send("Target.createTarget", url="about:blank", session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True,
                                 session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Fetch.enable", patterns=[{"urlPattern": "*"}])
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                  deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.ws.close()
        finally:
            stop(self.proc)
            shutil.rmtree(self.profile, ignore_errors=True)

    def _endpoint(self) -> str:
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BrowserError(f"chromium exited with code {self.proc.returncode}")
            if port_file.is_file():
                lines = port_file.read_text().split()
                if len(lines) >= 2:
                    return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            time.sleep(0.05)
        raise BrowserError("chromium did not open its DevTools port")

    # ------------------------------------------------------------ protocol
    def send(self, method: str, *, session: bool = True, **params: Any) -> dict[str, Any]:
        """Call a DevTools method and wait for its answer, handling events meanwhile."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = self._receive()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))

    def _receive(self) -> dict[str, Any]:
        reply: dict[str, Any] = json.loads(self.ws.recv())
        if "method" in reply:
            self._event(reply)
        return reply

    def _event(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        method, params = event["method"], event.get("params", {})
        if method == "Fetch.requestPaused":  # every request pauses here: the page's own file goes on
            url = params["request"]["url"]
            self.requests.append(url)
            request = {"requestId": params["requestId"]}
            answer = ("Fetch.continueRequest", request) if url == self.page_url \
                else ("Fetch.failRequest", {**request, "errorReason": "BlockedByClient"})
            self._next += 1
            self.ws.send(json.dumps({"id": self._next, "method": answer[0], "params": answer[1],
                                     "sessionId": self.session}))
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = params["args"]
            self.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in args))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(params["entry"]["text"])

    def _wait_event(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        seen = len(self.events)
        while time.monotonic() < deadline:
            for event in self.events[seen:]:
                if event["method"] == method:
                    return event
            seen = len(self.events)
            self._receive()
        raise BrowserError(f"no {method} within {self.timeout} s")

    # ------------------------------------------------------------ the page
    def open(self, path: Path) -> float:
        """Load a file URL; return the seconds until the page says it is ready."""
        self.page_url = path.resolve().as_uri()
        self.requests, self.errors = [], []
        start = time.monotonic()
        self.send("Page.navigate", url=self.page_url)
        self._wait_event("Page.loadEventFired")
        self.wait_for("document.body && document.body.getAttribute('data-ready') === '1'")
        return time.monotonic() - start

    def requests_elsewhere(self) -> list[str]:
        """Every request the page attempted other than loading its own file."""
        return sorted({u for u in self.requests if u != self.page_url})

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression: str) -> Any:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"timed out waiting for {expression}")

    def centre(self, selector: str) -> tuple[float, float]:
        box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                            " if (!e) return null; const r = e.getBoundingClientRect();"
                            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        if box is None:
            raise BrowserError(f"nothing matches {selector}")
        return float(box[0]), float(box[1])

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        x, y = self.centre(selector)
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_into(self, selector: str, text: str) -> None:
        self.click(selector)
        self.send("Input.insertText", text=text)

    def press(self, key: str) -> None:
        codes = {"Enter": 13, "Escape": 27}
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                      windowsVirtualKeyCode=codes[key],
                      text="\r" if key == "Enter" and kind == "keyDown" else "")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
