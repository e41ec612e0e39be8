#!/usr/bin/env python3
"""Writes resources/sounds/chime.wav: LanChat's new-message sound, synthesised here (so its licence is ours).

Two short sine tones a fourth apart (E6 then A6), each with a 5 ms attack and an exponential decay, 16-bit mono
PCM at 22,050 Hz, about 0.35 s and 15 KB. Run it again only to change the sound; the output is committed.
Usage: scripts/make-chime.py [output.wav]
"""
import math
import struct
import sys
import wave

RATE = 22050
TONES = [(1318.51, 0.0, 0.18), (1760.00, 0.12, 0.23)]  # (frequency Hz, start s, length s)
PEAK = 0.35  # of full scale: a notification, not an alarm

def sample(t):
    value = 0.0
    for freq, start, length in TONES:
        local = t - start
        if 0.0 <= local < length:
            attack = min(1.0, local / 0.005)
            decay = math.exp(-local * 14.0)
            value += math.sin(2 * math.pi * freq * local) * attack * decay
    return value

def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "resources/sounds/chime.wav"
    total = max(start + length for _, start, length in TONES)
    frames = bytearray()
    for i in range(int(total * RATE)):
        value = max(-1.0, min(1.0, sample(i / RATE) * PEAK))
        frames += struct.pack("<h", int(value * 32767))
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))

if __name__ == "__main__":
    main()
