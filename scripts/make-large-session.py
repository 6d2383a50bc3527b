#!/usr/bin/env python3
"""Writes a big rig's session for the console's CPU benchmark and screenshots: INPUTS mono
live inputs, the demo's two backing tracks (so meters move on the Virtual device, whose
inputs are silent), the click and talkback, and MIXES stereo cue mixes each sending every
source. Track paths are absolute, so the file may be written anywhere.

    scripts/make-large-session.py OUT.json [--inputs 64] [--mixes 16]

Needs presets/audio (python3 scripts/make-demo-audio.py presets/audio)."""

import argparse
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--inputs", type=int, default=64)
    parser.add_argument("--mixes", type=int, default=16)
    args = parser.parse_args()

    session = json.loads((root / "presets" / "demo.json").read_text())
    session["name"] = f"{args.inputs} x {args.mixes}"
    for track in session["tracks"]:
        track["file"] = str(root / "presets" / track["file"])
    names = ["Kick", "Snare top", "Snare bottom", "Hi-hat", "Tom 1", "Tom 2", "Floor tom", "Overhead L",
             "Overhead R", "Bass DI", "Bass amp", "Electric guitar 1", "Electric guitar 2", "Acoustic guitar",
             "Keys L", "Keys R", "Lead vocal", "Backing vocal 1", "Backing vocal 2", "Backing vocal 3"]
    session["inputs"] = [{"id": f"in{i}", "name": names[i - 1] if i <= len(names) else f"Input {i}", "channels": [i]}
                         for i in range(1, args.inputs + 1)]
    session["talkback"]["channels"] = [min(args.inputs + 1, 64)]
    sources = [i["id"] for i in session["inputs"]] + [t["id"] for t in session["tracks"]] + ["click", "talkback"]
    performers = ["Singer", "Guitarist", "Bassist", "Drummer", "Keys", "Backing vocals", "Percussion", "Horns"]
    mixes = []
    for m in range(1, args.mixes + 1):
        name = performers[m - 1] if m <= len(performers) else f"Mix {m}"
        mixes.append({"id": f"m{m}", "name": name, "outputs": [2 * m - 1, 2 * m], "masterDb": -3.0,
                      "limiterCeilingDb": -3.0, "clickMode": "always",
                      "sends": {s: {"gainDb": -6.0 - (k % 7) * 3.0, "pan": ((k % 5) - 2) * 0.25, "mute": k % 11 == 3}
                                for k, s in enumerate(sources)}})
    session["mixes"] = mixes
    session["monitor"] = {"outputs": [2 * args.mixes + 1, 2 * args.mixes + 2]}
    pathlib.Path(args.out).write_text(json.dumps(session, indent=2) + "\n")


if __name__ == "__main__":
    main()
