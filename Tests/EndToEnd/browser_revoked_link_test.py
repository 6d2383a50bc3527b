#!/usr/bin/env python3
"""A performer's page whose link dies: `foldback run --remote` makes a mix's link, the
page opens it in Debian's headless Chromium, then the console restarts with a new link
(its session was not saved), and the page must say its link no longer opens a mix and
stop retrying (Tests/Browser/revoked-link.test.mjs).

usage: browser_revoked_link_test.py FOLDBACK_BINARY SOURCE_DIR OUTPUT_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

from browser_remote_test import free_port_pair, page_test_script, stop, wait_for_port


def start(binary, path, folder):
    return subprocess.Popen([binary, "run", path, "--headless", "--device-type", "Virtual"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, XDG_CONFIG_HOME=folder))


def main():
    binary, source_dir, output_dir = sys.argv[1:4]
    test_script = page_test_script(source_dir, "revoked-link.test.mjs")
    if test_script is None:
        return 1
    http_port, osc_port = free_port_pair()

    def session_with(token):
        return {
            "format": "foldback-session", "version": 1, "name": "revoked link test",
            "audio": {"deviceType": "Virtual", "sampleRate": 48000, "bufferSize": 256},
            "mixes": [{"id": "singer", "name": "Singer", "outputs": [1, 2], "sends": {"click": {"gainDb": -144.0}},
                       "remote": {"token": token}}],
            "remote": {"enabled": True, "address": "127.0.0.1", "httpPort": http_port, "oscPort": osc_port},
        }

    os.makedirs(output_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "session.json")
        flag = os.path.join(folder, "restarted")
        with open(path, "w") as f:
            json.dump(session_with("firstLinkToken_0123456789"), f)

        app = start(binary, path, folder)
        page = None
        try:
            if not wait_for_port(http_port, 20):
                print("FAIL: foldback did not start serving on port", http_port)
                return 1
            url = f"http://127.0.0.1:{http_port}/mix?token=firstLinkToken_0123456789"
            page = subprocess.Popen(["node", test_script, "--url", url, "--restarted", flag,
                                     "--screenshot", os.path.join(output_dir, "performer-link-revoked.png")],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for line in page.stdout:
                print(line, end="")
                if line.strip() == "CONNECTED":
                    break
            else:
                return page.wait(timeout=30) or 1

            # The console goes away and comes back with another link for the same mix.
            print(stop(app).splitlines()[-1:] and "--- console stopped ---")
            with open(path, "w") as f:
                json.dump(session_with("secondLinkToken_9876543210"), f)
            app = start(binary, path, folder)
            if not wait_for_port(http_port, 20):
                print("FAIL: foldback did not come back on port", http_port)
                return 1
            open(flag, "w").close()

            for line in page.stdout:
                print(line, end="")
            return page.wait(timeout=120)
        finally:
            if page is not None and page.poll() is None:
                page.kill()
            out = stop(app)
            print("--- foldback run output (last lines) ---")
            print("\n".join(out.splitlines()[-10:]))


if __name__ == "__main__":
    sys.exit(main())
