#!/usr/bin/env python3
"""Synthesises the demo session's backing tracks (a drum loop and a bass line) so the
repository carries no audio. Deterministic: the same files every time. Skips files that
already exist. Usage: make-demo-audio.py OUTPUT_DIR"""

import math
import os
import random
import array
import sys
import wave

RATE = 48000
# The demo session's tempo map (presets/demo.json): bar, quarter-note bpm, meter.
TEMPO_MAP = [(1, 110.0, 4, 4), (9, 124.0, 4, 4), (17, 124.0, 6, 8)]
BARS = 24


def beat_onsets():
    """(sample, bar index from 0, beat in bar, beats per bar, beat seconds) for every beat,
    each rounded once from its exact time, as the engine's click computes them."""
    onsets, seconds = [], 0.0
    for i, (bar, bpm, per_bar, unit) in enumerate(TEMPO_MAP):
        end_bar = TEMPO_MAP[i + 1][0] if i + 1 < len(TEMPO_MAP) else BARS + 1
        beat_seconds = 60.0 / bpm * 4.0 / unit
        for b in range((end_bar - bar) * per_bar):
            onsets.append((int(round((seconds + b * beat_seconds) * RATE)), bar - 1 + b // per_bar,
                           b % per_bar, per_bar, beat_seconds))
        seconds += (end_bar - bar) * per_bar * beat_seconds
    return onsets, int(round(seconds * RATE))


def write_wav(path, channels):
    frames = len(channels[0])
    tmp = path + ".partial"
    interleaved = array.array("h", bytes(2 * frames * len(channels)))
    for c, ch in enumerate(channels):
        interleaved[c::len(channels)] = array.array("h", (int(round(max(-1.0, min(1.0, v)) * 32767)) for v in ch))
    if sys.byteorder != "little":
        interleaved.byteswap()
    with wave.open(tmp, "wb") as w:
        w.setnchannels(len(channels))
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(interleaved.tobytes())
    os.replace(tmp, path)


def add(buffer, start, samples, gain=1.0):
    for i, s in enumerate(samples):
        j = start + i
        if j >= len(buffer):
            break
        buffer[j] += s * gain


def kick():
    n = int(0.35 * RATE)
    out, phase = [], 0.0
    for i in range(n):
        t = i / RATE
        freq = 50 + 90 * math.exp(-t * 30)
        phase += 2 * math.pi * freq / RATE
        out.append(math.sin(phase) * math.exp(-t * 9))
    return out


def snare(rng):
    n = int(0.25 * RATE)
    return [(0.6 * (rng.random() * 2 - 1) + 0.4 * math.sin(2 * math.pi * 190 * i / RATE))
            * math.exp(-i / RATE * 18) for i in range(n)]


def hat(rng):
    n = int(0.06 * RATE)
    out, prev = [], 0.0
    for i in range(n):
        x = rng.random() * 2 - 1
        out.append((x - prev) * math.exp(-i / RATE * 60))  # a first difference: bright
        prev = x
    return out


def drums(rng):
    onsets, length = beat_onsets()
    left, right = [0.0] * length, [0.0] * length
    k, s, h = kick(), snare(rng), hat(rng)
    for start, bar, beat, per_bar, beat_seconds in onsets:
        if per_bar == 4:
            kick_here, snare_here = beat in (0, 2), beat in (1, 3)
        else:  # 6/8: kick on 1, snare on 4
            kick_here, snare_here = beat == 0, beat == 3
        if kick_here:
            add(left, start, k, 0.8); add(right, start, k, 0.8)
        if snare_here:
            add(left, start, s, 0.45); add(right, start, s, 0.55)
        add(left, start, h, 0.25); add(right, start, h, 0.15)
        if per_bar == 4:  # eighth-note hats between quarter beats
            half = int(round(beat_seconds / 2 * RATE))
            add(left, start + half, h, 0.2); add(right, start + half, h, 0.12)
    return [left, right]


def bass():
    onsets, length = beat_onsets()
    out = [0.0] * length
    roots = [41.2, 41.2, 55.0, 49.0]  # E1 E1 A1 G1, one bar each
    for start, bar, beat, per_bar, beat_seconds in onsets:
        if per_bar == 6 and beat % 3 != 0:
            continue  # dotted quarters in 6/8
        freq = roots[bar % 4]
        n = int(beat_seconds * (3 if per_bar == 6 else 1) * RATE * 0.9)
        note = [(0.5 * math.sin(2 * math.pi * freq * i / RATE) + 0.2 * math.sin(4 * math.pi * freq * i / RATE))
                * min(1.0, i / 200) * min(1.0, (n - i) / 400) for i in range(n)]
        add(out, start, note, 0.8)
    return [out]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "presets/audio"
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(1)
    targets = {"demo-drums.wav": lambda: drums(rng), "demo-bass.wav": bass}
    for name, make in targets.items():
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            write_wav(path, make())
            print(f"make-demo-audio: wrote {path}")


if __name__ == "__main__":
    main()
