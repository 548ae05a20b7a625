"""Headless Chromium (Debian's chromium and chromium-driver, driven by python3-selenium) for the web
map tests, behind a local proxy that records every request the browser would send to a server."""

import http.server
import json
import socketserver
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


class _Recorder(http.server.BaseHTTPRequestHandler):
    def _record(self):
        self.server.requests.append("{} {}".format(self.command, self.path))
        self.send_response(502)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_HEAD = do_CONNECT = do_PUT = do_OPTIONS = _record  # noqa: N815

    def log_message(self, *args):
        pass


class Proxy(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """A proxy that answers nothing and remembers every request (``requests``)."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Recorder)
        self.requests = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self):
        return self.server_address[1]

    def stop(self):
        self.shutdown()
        self.server_close()


def chromium(proxy, width=1200, height=850):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size={},{}".format(width, height), "--proxy-server=http://127.0.0.1:{}".format(proxy.port),
                     "--proxy-bypass-list=<-loopback>", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-default-apps", "--disable-sync",
                     "--disable-domain-reliability", "--disable-features=OptimizationHints,Translate,MediaRouter",
                     "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def requested_urls(driver):
    """Every URL the page asked for (Chromium's own network log, from DevTools)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
