#!/usr/bin/env python3
"""Loads SEOKit HTML reports in headless Chromium and checks them through the Chrome DevTools
Protocol. Standard library only: the WebSocket client and the PNG decoder are written here.

For each report (a local file):
  - no console error, no uncaught exception, no JavaScript dialog (alert/confirm/prompt),
    no Content-Security-Policy violation or other error in the browser log;
  - no request other than the file itself (the report is self-contained);
  - exactly one script ran: the report's own term sorter (counted with Debugger.scriptParsed
    before this checker evaluates anything), and it did run (data-sorter="ready");
  - sorting the term table by a column works;
  - a full-page screenshot is saved, and the chart region shows the charts: enough pixels of
    the box colour, the median colour and a draft-marker colour, and enough non-white pixels.

Usage: browser_check.py [--chromium PATH] [--screenshots DIR] REPORT.html [REPORT.html ...]
Exit status 0 when every check passed; each failure is printed on one line.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

# Chart colours (Sources/SEOKit/Formatters/Compare/CompareHTMLAssets.swift).
BOX_FILL = (0x9E, 0xC5, 0xE8)
MEDIAN = (0x0B, 0x3D, 0x66)
DRAFT_COLOURS = [(0x2B, 0x8A, 0x3E), (0xD9, 0x48, 0x0F)]


# ---------------------------------------------------------------- WebSocket (RFC 6455)

class WebSocket:
    def __init__(self, url, timeout=30):
        assert url.startswith("ws://"), url
        rest = url[len("ws://"):]
        hostport, _, path = rest.partition("/")
        host, _, port = hostport.partition(":")
        if host not in ("127.0.0.1", "localhost", "[::1]"):
            raise RuntimeError("refusing to connect to a non-loopback DevTools address: " + host)
        self.sock = socket.create_connection((host, int(port or 80)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            "GET /{} HTTP/1.1\r\nHost: {}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: {}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).format(path, hostport, key)
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            response += chunk
        head, _, self.buffer = response.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101"):
            raise RuntimeError("WebSocket handshake failed: " + head.split(b"\r\n")[0].decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])  # FIN + text
        length = len(payload)
        if length < 126:
            header.append(0x80 | length)
        elif length < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", length)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", length)
        mask = os.urandom(4)
        header += mask
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + masked)

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise RuntimeError("DevTools connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def receive(self):
        """The next complete text message (continuation frames joined; pings answered)."""
        message = b""
        while True:
            first, second = self._read(2)
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode == 0x9:  # ping -> pong
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
                continue
            if opcode in (0x1, 0x2, 0x0):
                message += payload
                if first & 0x80:
                    return message.decode()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class DevTools:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, params=None, timeout=30):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = json.loads(self.ws.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError("{} failed: {}".format(method, message["error"]))
                return message.get("result", {})
            if "method" in message:
                self.on_event(message)
        raise RuntimeError(method + " timed out")

    def on_event(self, message):
        self.events.append(message)
        if message["method"] == "Page.javascriptDialogOpening":
            # Dismiss it so the page does not hang; the dialog itself is a failure.
            self.ws.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": False}}))

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for event in self.events:
            if event["method"] == method:
                return event
        while time.time() < deadline:
            message = json.loads(self.ws.receive())
            if "method" in message:
                self.on_event(message)
                if message["method"] == method:
                    return message
        raise RuntimeError("no {} within {} s".format(method, timeout))

    def drain(self, seconds):
        """Collects events for a while (late console messages, timers)."""
        self.ws.sock.settimeout(0.2)
        end = time.time() + seconds
        while time.time() < end:
            try:
                message = json.loads(self.ws.receive())
            except (socket.timeout, TimeoutError):
                continue
            if "method" in message:
                self.on_event(message)
        self.ws.sock.settimeout(30)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError("evaluation failed: " + json.dumps(result["exceptionDetails"])[:300])
        return result["result"].get("value")


# ---------------------------------------------------------------- PNG decoding

def decode_png(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position = 8
    idat = b""
    width = height = colour_type = bit_depth = None
    while position < len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, bit_depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if bit_depth != 8 or colour_type not in (2, 6):
        raise ValueError("unsupported PNG: bit depth {}, colour type {}".format(bit_depth, colour_type))
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    previous = bytearray(stride)
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def colour_counts(png, box):
    """Pixels near each chart colour, and non-white pixels, inside box = (x, y, w, h)."""
    width, height, channels, rows = decode_png(png)
    x0, y0, w, h = box
    x1, y1 = min(width, x0 + w), min(height, y0 + h)

    def near(pixel, colour, tolerance=10):
        return all(abs(pixel[i] - colour[i]) <= tolerance for i in range(3))

    counts = {"box": 0, "median": 0, "draft": 0, "non_white": 0, "total": 0}
    for y in range(max(0, y0), y1):
        line = rows[y]
        for x in range(max(0, x0), x1):
            pixel = line[x * channels:x * channels + 3]
            counts["total"] += 1
            if pixel[0] < 245 or pixel[1] < 245 or pixel[2] < 245:
                counts["non_white"] += 1
            if near(pixel, BOX_FILL):
                counts["box"] += 1
            elif near(pixel, MEDIAN):
                counts["median"] += 1
            elif any(near(pixel, colour) for colour in DRAFT_COLOURS):
                counts["draft"] += 1
    return counts


# ---------------------------------------------------------------- Checks

def start_chromium(binary, profile):
    command = [
        binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--mute-audio",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "--window-size=1280,1600", "--hide-scrollbars", "--force-color-profile=srgb", "--enable-logging=stderr", "--v=0",
        "about:blank",
    ]
    log = open(os.path.join(profile, "chromium.log"), "wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("chromium exited with status {}; see {}".format(process.returncode, log.name))
        if os.path.exists(port_file):
            with open(port_file) as handle:
                lines = handle.read().split("\n")
            if lines and lines[0].strip().isdigit():
                return process, int(lines[0])
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("chromium did not open its DevTools port within 60 s")


def page_websocket(port):
    deadline = time.time() + 30
    while time.time() < deadline:
        with urllib.request.urlopen("http://127.0.0.1:{}/json/list".format(port), timeout=10) as response:
            targets = json.loads(response.read())
        for target in targets:
            if target.get("type") == "page" and target.get("webSocketDebuggerUrl"):
                return target["webSocketDebuggerUrl"]
        time.sleep(0.2)
    raise RuntimeError("no page target")


def check_report(port, path, screenshots):
    failures = []
    url = "file://" + os.path.abspath(path)
    name = os.path.basename(path)
    tools = DevTools(page_websocket(port))
    try:
        for domain in ("Page", "Runtime", "Log", "Network", "Debugger"):
            tools.call(domain + ".enable")
        tools.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": False})
        tools.events.clear()
        tools.call("Page.navigate", {"url": url})
        tools.wait_for("Page.loadEventFired", timeout=30)
        tools.drain(1.0)

        scripts = [e["params"] for e in tools.events if e["method"] == "Debugger.scriptParsed"]
        page_scripts = [s for s in scripts if s.get("url") == url]
        if len(page_scripts) != 1:
            failures.append("{}: {} scripts ran from the page, expected exactly 1 (the sorter)".format(name, len(page_scripts)))
        foreign = [s for s in scripts if s.get("url") and s.get("url") != url]
        for script in foreign:
            failures.append("{}: unexpected script {}".format(name, script.get("url")))
        for event in tools.events:
            method, params = event["method"], event["params"]
            if method == "Page.javascriptDialogOpening":
                failures.append("{}: a {} dialog opened: {!r}".format(name, params.get("type"), params.get("message")))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                failures.append("{}: uncaught exception: {}".format(name, details.get("text"), ))
            elif method == "Runtime.consoleAPICalled":
                text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
                failures.append("{}: console.{}: {}".format(name, params.get("type"), text[:200]))
            elif method == "Log.entryAdded":
                entry = params.get("entry", {})
                text = entry.get("text", "")
                if entry.get("level") == "error" or "Content Security Policy" in text or "Uncaught" in text:
                    failures.append("{}: browser log {}: {}".format(name, entry.get("level"), text[:200]))
            elif method == "Network.requestWillBeSent":
                requested = params.get("request", {}).get("url", "")
                if requested != url:
                    failures.append("{}: the report requested {}".format(name, requested[:200]))

        # The sorter ran (checked before anything else is evaluated) and sorts.
        if tools.evaluate("document.documentElement.getAttribute('data-sorter')") != "ready":
            failures.append("{}: the term sorter did not run".format(name))
        sorted_ok = tools.evaluate("""(function () {
            var table = document.getElementById('terms');
            if (!table) { return 'no term table'; }
            var buttons = table.tHead.querySelectorAll('button.sort');
            if (buttons.length < 5) { return 'sort buttons: ' + buttons.length; }
            function column(i) { return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[i].getAttribute('data-value'); }); }
            buttons[0].click();
            var terms = column(0), copy = terms.slice().sort();
            if (JSON.stringify(terms) !== JSON.stringify(copy)) { return 'not sorted by term'; }
            if (table.tHead.rows[0].cells[0].getAttribute('aria-sort') !== 'ascending') { return 'aria-sort not set'; }
            buttons[2].click(); buttons[2].click();
            var pages = column(2).map(parseFloat);
            for (var i = 1; i < pages.length; i++) { if (pages[i - 1] < pages[i]) { return 'pages not descending'; } }
            return 'ok';
        })()""")
        if sorted_ok != "ok":
            failures.append("{}: sorting failed: {}".format(name, sorted_ok))
        # Structure the hostile input must not have broken.
        counts = tools.evaluate("""({
            sections: document.querySelectorAll('main > section').length,
            scripts: document.scripts.length,
            iframes: document.querySelectorAll('iframe, object, embed, img, form, input').length,
            handlers: Array.prototype.filter.call(document.querySelectorAll('*'), function (e) {
                return Array.prototype.some.call(e.attributes, function (a) { return /^on/i.test(a.name); }); }).length,
            jsLinks: Array.prototype.filter.call(document.links, function (a) { return !/^(https?:|file:)/.test(a.href); }).length,
            charts: document.querySelectorAll('svg.range').length,
            overflow: document.documentElement.scrollWidth > window.innerWidth + 1
        })""")
        if counts["sections"] != 6:
            failures.append("{}: {} sections in <main>, expected 6".format(name, counts["sections"]))
        if counts["scripts"] != 1:
            failures.append("{}: {} <script> elements".format(name, counts["scripts"]))
        for key, label in (("iframes", "embedded elements or forms"), ("handlers", "elements with event handlers"), ("jsLinks", "non-web links")):
            if counts[key]:
                failures.append("{}: {} {}".format(name, counts[key], label))
        if counts["overflow"]:
            failures.append("{}: the page is wider than the window (layout broken)".format(name))

        # Screenshot of the whole page, then the chart region.
        layout = tools.call("Page.getLayoutMetrics")
        content = layout.get("cssContentSize") or layout.get("contentSize")
        height = int(min(content["height"], 16000))
        shot = tools.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
        png = base64.b64decode(shot["data"])
        if screenshots:
            target = os.path.join(screenshots, os.path.splitext(name)[0] + ".png")
            with open(target, "wb") as handle:
                handle.write(png)
        box = tools.evaluate("""(function () {
            var r = document.querySelector('table.metrics').getBoundingClientRect();
            return [Math.round(r.left + window.scrollX), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)];
        })()""")
        # Decode only the chart region (pure-Python PNG decoding of the whole page is slow).
        region = tools.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": box[0], "y": box[1], "width": max(1, box[2]), "height": max(1, box[3]), "scale": 1}})
        pixels = colour_counts(base64.b64decode(region["data"]), (0, 0, box[2], box[3]))
        charts = counts["charts"]
        if charts < 9:
            failures.append("{}: {} range charts, expected at least 9".format(name, charts))
        if pixels["box"] < 150 * charts:
            failures.append("{}: chart boxes not visible ({} box-coloured pixels for {} charts)".format(name, pixels["box"], charts))
        if pixels["median"] < 20 * charts:
            failures.append("{}: medians not visible ({} pixels)".format(name, pixels["median"]))
        if pixels["draft"] < 40:
            failures.append("{}: draft markers not visible ({} pixels)".format(name, pixels["draft"]))
        if pixels["non_white"] < pixels["total"] * 0.04:
            failures.append("{}: chart region nearly blank ({} of {} pixels not white)".format(name, pixels["non_white"], pixels["total"]))
        print("browser-check: {}: {} charts, {} box / {} median / {} draft pixels, {} scripts parsed, {} events".format(
            name, charts, pixels["box"], pixels["median"], pixels["draft"], len(page_scripts), len(tools.events)))
    finally:
        tools.ws.close()
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--screenshots", help="folder for the PNG screenshots")
    parser.add_argument("reports", nargs="+")
    arguments = parser.parse_args()
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="seokit-chromium-")
    process = None
    failures = []
    try:
        process, port = start_chromium(arguments.chromium, profile)
        for report in arguments.reports:
            try:
                failures += check_report(port, report, arguments.screenshots)
            except Exception as error:  # one line per failure, whatever broke
                failures.append("{}: {}".format(os.path.basename(report), error))
    except Exception as error:
        failures.append("chromium: {}".format(error))
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(profile, ignore_errors=True)
    for failure in failures:
        print("browser-check: FAIL " + failure)
    if failures:
        print("browser-check: {} problem(s) in {} report(s)".format(len(failures), len(arguments.reports)))
        return 1
    print("browser-check: all {} report(s) clean".format(len(arguments.reports)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
