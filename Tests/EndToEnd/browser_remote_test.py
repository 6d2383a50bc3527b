#!/usr/bin/env python3
"""A performer's phone, for real: starts `foldback run` headless on the virtual device with
remote control on, then drives the performer page in Debian's headless Chromium
(Tests/Browser/performer-page.test.mjs, through playwright-core) to drag a fader and watch
the engine's mix follow on the page's own meter.

usage: browser_remote_test.py FOLDBACK_BINARY SOURCE_DIR OUTPUT_DIR
"""
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time


def free_port_pair():
    """Two consecutive free ports (HTTP and OSC), found by binding."""
    for _ in range(50):
        port = random.randint(20000, 60000)
        try:
            with socket.socket() as tcp, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                tcp.bind(("127.0.0.1", port))
                udp.bind(("127.0.0.1", port + 1))
            return port, port + 1
        except OSError:
            continue
    raise RuntimeError("no free ports")


def wait_for_port(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(app):
    """Ends a `foldback run` as SIGTERM does, and returns what it printed."""
    app.terminate()
    try:
        out, _ = app.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
        out, _ = app.communicate()
    return out


def page_test_script(source_dir, name):
    """The path of Tests/Browser/`name`, or None (saying why) when playwright-core, which
    every page test imports, is not installed."""
    if not os.path.isdir(os.path.join(source_dir, "Tests", "Browser", "node_modules", "playwright-core")):
        print("FAIL: playwright-core is not installed (scripts/install-dependencies runs npm ci in Tests/Browser)")
        return None
    return os.path.join(source_dir, "Tests", "Browser", name)


def serve_and_run(binary, session, page_test, play=False):
    """Writes `session`, serves it with `foldback run` (headless, on the virtual device,
    rolling if `play`), runs `page_test(url)` (a node command line for the first mix's
    page) and returns its exit status; prints the run's last lines."""
    http_port = session["remote"]["httpPort"]
    token = session["mixes"][0]["remote"]["token"]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "session.json")
        with open(path, "w") as f:
            json.dump(session, f)
        app = subprocess.Popen([binary, "run", path, "--headless", "--device-type", "Virtual"] + (["--play"] if play else []),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=dict(os.environ, XDG_CONFIG_HOME=folder))
        try:
            if not wait_for_port(http_port, 20):
                print("FAIL: foldback did not start serving on port", http_port)
                return 1
            url = f"http://127.0.0.1:{http_port}/mix?token={token}"
            return subprocess.run(page_test(url), timeout=120).returncode
        finally:
            out = stop(app)
            print("--- foldback run output (last lines) ---")
            print("\n".join(out.splitlines()[-15:]))


def main():
    binary, source_dir, output_dir = sys.argv[1:4]
    drums = os.path.join(source_dir, "presets", "audio", "demo-drums.wav")
    if not os.path.exists(drums):
        print(f"FAIL: {drums} is missing (scripts/build makes it)")
        return 1
    test_script = page_test_script(source_dir, "performer-page.test.mjs")
    if test_script is None:
        return 1

    http_port, osc_port = free_port_pair()
    token = "browserTestToken_" + str(random.randint(100000, 999999))
    # One backing track into one mix, looping, so the mix meter shows only what the fader controls.
    session = {
        "format": "foldback-session", "version": 2, "name": "browser remote test",
        "audio": {"deviceType": "Virtual", "sampleRate": 48000, "bufferSize": 256},
        "tracks": [{"id": "drums", "name": "Drums", "file": drums}],
        "transport": {"loopEnabled": True, "loopStartSeconds": 0.0, "loopEndSeconds": 8.0},
        "mixes": [{"id": "singer", "name": "Singer", "outputs": [1, 2],
                   "sends": {"drums": {"gainDb": -6.0}, "click": {"gainDb": -144.0}},
                   "remote": {"token": token}}],
        "remote": {"enabled": True, "address": "127.0.0.1", "httpPort": http_port, "oscPort": osc_port},
    }

    os.makedirs(output_dir, exist_ok=True)
    screenshot = os.path.join(output_dir, "performer-page.png")
    return serve_and_run(binary, session, lambda url: ["node", test_script, "--url", url, "--source", "drums",
                                                       "--screenshot", screenshot], play=True)


if __name__ == "__main__":
    sys.exit(main())
