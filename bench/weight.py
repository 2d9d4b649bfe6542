#!/usr/bin/env python3
"""Loads pages of the site in headless Chromium with a cold cache and reports, per page, the bytes that came over the
wire and the number of requests, from Chromium's own network events (the figures DevTools shows as "transferred").

Used by bench/weight.sh; Python's standard library only. It drives Debian's chromedriver over its HTTP API (W3C
WebDriver), with Chromium's performance log for the network events and the DevTools protocol (through chromedriver) to
turn the cache off.

Usage: bench/weight.py BASE_URL OUT.json [--screenshots DIR] [--login USER:PASSWORD] [--visitor PAGE...] [--member PAGE...]
  PAGE is name=path; the --visitor pages are loaded first, without a session, then the --member ones after logging in.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMIUM = os.environ.get("QA_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("QA_CHROMEDRIVER", "/usr/bin/chromedriver")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, width, height):
        self.port = free_port()
        self.process = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.profile = tempfile.mkdtemp(prefix="weight-chromium-")
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        capabilities = {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-extensions", "--no-first-run", "--disable-background-networking",
                         f"--window-size={width},{height}", f"--user-data-dir={self.profile}"],
            },
            "goog:loggingPrefs": {"performance": "ALL"},
        }
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self.session = f"/session/{session['sessionId']}"
        self.cdp("Network.enable", {})
        self.cdp("Network.setCacheDisabled", {"cacheDisabled": True})

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)["value"]

    def cdp(self, command, params):
        return self.call("POST", f"{self.session}/goog/cdp/execute", {"cmd": command, "params": params})

    def script(self, source, *args):
        return self.call("POST", f"{self.session}/execute/sync", {"script": source, "args": list(args)})

    def log(self):
        return self.call("POST", f"{self.session}/se/log", {"type": "performance"})

    def go(self, url):
        self.call("POST", f"{self.session}/url", {"url": url})

    def element(self, css):
        found = self.call("POST", f"{self.session}/element", {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def type_into(self, css, text):
        self.call("POST", f"{self.session}/element/{self.element(css)}/value", {"text": text})

    def click(self, css):
        self.call("POST", f"{self.session}/element/{self.element(css)}/click", {})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("GET", f"{self.session}/screenshot")))

    def quit(self):
        try:
            self.call("DELETE", self.session)
        finally:
            self.process.terminate()
            self.process.wait(10)
            shutil.rmtree(self.profile, ignore_errors=True)


def settle(driver):
    """Waits until the page has loaded and no request was seen for half a second (the page's scripts' own requests)."""
    deadline = time.time() + 20
    while driver.script("return document.readyState") != "complete" and time.time() < deadline:
        time.sleep(0.05)
    events = []
    quiet_since = time.time()
    while time.time() - quiet_since < 0.5 and time.time() < deadline:
        batch = driver.log()
        if batch:
            events.extend(batch)
            quiet_since = time.time()
        time.sleep(0.1)
    return events


def measure(driver, base, name, path, screenshots):
    driver.log()  # what came before this page
    driver.cdp("Network.clearBrowserCache", {})
    driver.go(base + path)
    events = settle(driver)
    requests, finished = {}, {}
    for entry in events:
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent" and params["request"]["url"].startswith("http"):
            requests[params["requestId"]] = params["request"]["url"]
        elif method == "Network.loadingFinished":
            finished[params["requestId"]] = params["encodedDataLength"]
        elif method == "Network.loadingFailed":
            finished.setdefault(params["requestId"], 0)
    items = []
    for request_id, url in requests.items():
        items.append({"url": url.replace(base, ""), "bytes": int(finished.get(request_id, 0))})
    total = sum(item["bytes"] for item in items)
    if screenshots:
        driver.screenshot(os.path.join(screenshots, f"{name}.png"))
    print(f"  {name:<14} {path:<40} {len(items):>3} requests {total:>9,} bytes", file=sys.stderr)
    return {"name": name, "path": path, "requests": len(items), "bytes": total, "items": items}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("out")
    parser.add_argument("--screenshots")
    parser.add_argument("--login")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--visitor", nargs="*", default=[])
    parser.add_argument("--member", nargs="*", default=[])
    args = parser.parse_args()
    visitor, member = args.visitor, args.member
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    driver = Driver(args.width, args.height)
    results = []
    try:
        for page in visitor:
            name, path = page.split("=", 1)
            results.append(measure(driver, args.base, name, path, args.screenshots))
        if member:
            user, password = args.login.split(":", 1)
            driver.go(args.base + "/login")
            driver.type_into("input[name=username]", user)
            driver.type_into("input[name=password]", password)
            driver.click("form[action='/login'] button[type=submit], form[action='/login'] [type=submit]")
            settle(driver)
            for page in member:
                name, path = page.split("=", 1)
                results.append(measure(driver, args.base, name, path, args.screenshots))
    finally:
        driver.quit()
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
