#!/usr/bin/env python3
"""Prints how many distinct colours a PNG holds and the share of its most common one;
with `--colour RRGGBB`, also the share of pixels close to that colour.

Used by browser-check.sh to tell a rendered page from a blank one, and to find a chart's
bar colour in a screenshot. Reads 8-bit RGB or RGBA non-interlaced PNGs (what Chromium
writes) with the standard library only.
"""
import struct
import sys
import zlib
from collections import Counter


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows, bpp


def main():
    rows, bpp = pixels(sys.argv[1])
    counts = Counter()
    for row in rows[::2]:
        for i in range(0, len(row), bpp * 2):
            counts[row[i:i + 3]] += 1
    total = sum(counts.values())
    top = counts.most_common(1)[0][1]
    out = f"{len(counts)} {top / total:.4f}"
    if len(sys.argv) == 4 and sys.argv[2] == "--colour":
        want = bytes.fromhex(sys.argv[3])
        near = sum(n for c, n in counts.items() if all(abs(a - b) <= 24 for a, b in zip(c, want)))
        out += f" {near / total:.4f}"
    print(out)


if __name__ == "__main__":
    main()
