#!/usr/bin/env python3
"""Serves N copies of the real policy pages on 127.0.0.1 for the watch benchmark.

GET /<i>.html answers with page i of pages.json (a list of snapshot files, replicated to N by
gen.py), with a strong ETag and a Last-Modified date; a request whose If-None-Match or
If-Modified-Since matches gets 304 Not Modified without a body. HTTP/1.1 with keep-alive.

usage: serve.py PAGES_JSON PORT
"""
import hashlib
import json
import sys
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def main():
    pages = json.load(open(sys.argv[1]))
    port = int(sys.argv[2])
    bodies = {}
    for p in set(pages):
        with open(p, "rb") as f:
            bodies[p] = f.read()
    served = []
    for i, p in enumerate(pages):
        etag = '"%s-%d"' % (hashlib.sha256(bodies[p]).hexdigest()[:16], i)
        served.append((bodies[p], etag))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            name = self.path.lstrip("/").split("?")[0]
            try:
                body, etag = served[int(name.removesuffix(".html"))]
            except (ValueError, IndexError):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-None-Match") is None
                and self.headers.get("If-Modified-Since") == LAST_MODIFIED
            ):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.end_headers()
            self.wfile.write(body)

    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"serving {len(pages)} pages on http://127.0.0.1:{port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
