#!/usr/bin/env python3
"""A performer's page for a mix of twenty sources (a full band), on a phone: starts
`foldback run` headless on the virtual device with remote control on, then checks the page
in Debian's headless Chromium (Tests/Browser/many-sources.test.mjs): two screens at most,
names that tell every source apart, the master always in view, controls that still work.

usage: browser_many_sources_test.py FOLDBACK_BINARY SOURCE_DIR OUTPUT_DIR
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_remote_test import free_port_pair, page_test_script, serve_and_run  # noqa: E402

# Names as a band's input list has them: long, and alike for their first dozen letters.
NAMES = [
    "Lead vocal", "Backing vocal 1", "Backing vocal 2", "Backing vocal 3", "Backing vocal 4",
    "Guitar amp mic left", "Guitar amp mic right", "Acoustic guitar body", "Acoustic guitar neck",
    "Keyboard synth pad left", "Keyboard synth pad right", "Bass DI", "Bass amp",
    "Drum overhead left", "Drum overhead right", "Kick drum inside", "Kick drum outside",
    "Snare top", "Snare bottom",
]


def main():
    binary, source_dir, output_dir = sys.argv[1:4]
    test_script = page_test_script(source_dir, "many-sources.test.mjs")
    if test_script is None:
        return 1

    http_port, osc_port = free_port_pair()
    token = "manySourcesToken_" + str(random.randint(100000, 999999))
    inputs = [{"id": f"in{i + 1}", "name": name, "channels": [i + 1]} for i, name in enumerate(NAMES)]
    sends = {source["id"]: {"gainDb": -6.0} for source in inputs}
    sends["click"] = {"gainDb": -12.0}
    session = {
        "format": "foldback-session", "version": 2, "name": "full band",
        "audio": {"deviceType": "Virtual", "sampleRate": 48000, "bufferSize": 256},
        "inputs": inputs,
        "mixes": [{"id": "singer", "name": "Singer", "outputs": [1, 2], "sends": sends, "remote": {"token": token}}],
        "remote": {"enabled": True, "address": "127.0.0.1", "httpPort": http_port, "oscPort": osc_port},
    }

    os.makedirs(output_dir, exist_ok=True)
    screenshot = os.path.join(output_dir, "performer-20-sources")
    return serve_and_run(binary, session, lambda url: ["node", test_script, "--url", url, "--sources", str(len(NAMES) + 1),
                                                       "--drag", "in6", "--screenshot", screenshot])


if __name__ == "__main__":
    sys.exit(main())
