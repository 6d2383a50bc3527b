#!/usr/bin/env python3
"""Synthesises the demo session's backing tracks (a drum loop and a bass line) so the
repository carries no audio. Deterministic: the same files every time. Skips files that
already exist. Usage: make-demo-audio.py OUTPUT_DIR"""

import math
import os
import random
import struct
import sys
import wave

RATE = 48000
BPM = 120.0
BARS = 16
BEATS_PER_BAR = 4


def write_wav(path, channels):
    frames = len(channels[0])
    tmp = path + ".partial"
    with wave.open(tmp, "wb") as w:
        w.setnchannels(len(channels))
        w.setsampwidth(2)
        w.setframerate(RATE)
        data = bytearray()
        for i in range(frames):
            for ch in channels:
                v = max(-1.0, min(1.0, ch[i]))
                data += struct.pack("<h", int(round(v * 32767)))
        w.writeframes(bytes(data))
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
    beat = int(round(60.0 / BPM * RATE))
    length = beat * BEATS_PER_BAR * BARS
    left, right = [0.0] * length, [0.0] * length
    k, s, h = kick(), snare(rng), hat(rng)
    for b in range(BEATS_PER_BAR * BARS):
        start = b * beat
        if b % 4 in (0, 2):
            add(left, start, k, 0.8); add(right, start, k, 0.8)
        if b % 4 in (1, 3):
            add(left, start, s, 0.45); add(right, start, s, 0.55)
        for eighth in (0, beat // 2):
            add(left, start + eighth, h, 0.25); add(right, start + eighth, h, 0.15)
    return [left, right]


def bass():
    beat = int(round(60.0 / BPM * RATE))
    length = beat * BEATS_PER_BAR * BARS
    out = [0.0] * length
    roots = [41.2, 41.2, 55.0, 49.0]  # E1 E1 A1 G1, one bar each
    for bar in range(BARS):
        freq = roots[bar % 4]
        for b in range(BEATS_PER_BAR):
            start = (bar * BEATS_PER_BAR + b) * beat
            n = int(beat * 0.9)
            note = [0.5 * math.sin(2 * math.pi * freq * i / RATE) + 0.2 * math.sin(4 * math.pi * freq * i / RATE)
                    for i in range(n)]
            env = [min(1.0, i / 200) * min(1.0, (n - i) / 400) for i in range(n)]
            add(out, start, [a * e for a, e in zip(note, env)], 0.8)
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
