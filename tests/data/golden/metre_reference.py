#!/usr/bin/python3
"""An independent implementation of method.md sections 1-3 and 10.2 (every
metre) in Python with mido, written apart from the C++ code: it prints what
`loopminer-cli windows FILE` must give (usable, tpq, bars, windows with their
cells, kept and 28 correlations). It made 06_three_four.windows.json when
method.md 10.2 gave 3/4 files windows; on the 4/4 golden files it gives the
same answers as their .windows.json (run with --check to compare them all).

usage: /usr/bin/python3 metre_reference.py FILE.mid | --roll BAR FILE.mid | --check DIR
"""
import json
import math
import sys

import mido

DRUM = {35: 0, 36: 0, 37: 1, 38: 1, 39: 1, 40: 1, 42: 2, 44: 2, 41: 3, 43: 3, 45: 3,
        46: 4, 47: 5, 48: 5, 49: 6, 55: 6, 57: 6, 50: 7, 51: 8, 59: 8}


def fine_on(tick, tpq):
    q, r = divmod(tick * 24, tpq)
    if 2 * r > tpq or (2 * r == tpq and q % 2 == 1):
        q += 1
    return q


def fine_off(tick, tpq):
    return tick * 24 // tpq


def instruments(mid):
    out = []
    for ti, track in enumerate(mid.tracks):
        tick = 0
        prog = [0] * 16
        inst = {}
        sounding = {}
        for msg in track:
            tick += msg.time
            if msg.is_meta or not hasattr(msg, "channel"):
                continue
            ch = msg.channel
            if msg.type == "program_change":
                prog[ch] = msg.program
            elif msg.type == "note_on" and msg.velocity > 0:
                i = inst.setdefault(ch, {"track": ti, "channel": ch, "program": prog[ch], "notes": []})
                key = (ch, msg.note)
                if key in sounding:
                    sounding[key][1] = tick
                note = [tick, tick, msg.note]
                i["notes"].append(note)
                sounding[key] = note
            elif msg.type == "note_off" or (msg.type == "note_on" and msg.velocity == 0):
                key = (ch, msg.note)
                if key in sounding:
                    sounding.pop(key)[1] = tick
        for note in sounding.values():
            note[1] = tick
        out += [inst[ch] for ch in sorted(inst)]
    return out


def analyse(path):
    mid = mido.MidiFile(path)
    tpq = mid.ticks_per_beat
    sigs, ends = [], []
    for track in mid.tracks:
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "time_signature":
                sigs.append((tick, msg.numerator, msg.denominator))
        ends.append(tick)
    sigs.sort(key=lambda s: s[0])
    four = all(n == 4 and d == 4 for _, n, d in sigs)
    insts = instruments(mid)
    drums = next((i for i in insts if i["channel"] == 9), None)
    bass = next((i for i in insts if i["channel"] != 9 and 32 <= i["program"] <= 39), None)
    n = 0
    if drums:
        for on, off, p in drums["notes"]:
            n = max(n, fine_on(on, tpq) // 6 + 1)
    if bass:
        for on, off, p in bass["notes"]:
            a, e = fine_on(on, tpq), fine_off(off, tpq)
            if e > a:
                n = max(n, (e - 1) // 6 + 1)
    # metres: (step, bar length, numerator, denominator)
    metres = []
    for tick, num, den in sigs:
        step = fine_on(tick, tpq) // 6
        length = max(1, round(num * 16 / den))
        if metres and metres[-1][0] == step:
            metres[-1] = (step, length, num, den)
        else:
            metres.append((step, length, num, den))
    if not metres or metres[0][0] > 0:
        metres.insert(0, (0, 16, 4, 4))
    if four:
        metres = [(0, 16, 4, 4)]

    def bars_to(limit):
        starts, which, s, m = [], [], 0, 0
        while s < limit:
            while m + 1 < len(metres) and metres[m + 1][0] <= s:
                m += 1
            starts.append(s)
            which.append(m)
            nxt = s + metres[m][1]
            if m + 1 < len(metres) and metres[m + 1][0] < nxt:
                nxt = metres[m + 1][0]
            s = nxt
        return starts, which, s

    if n > 0:
        _, _, closing = bars_to(n)
        if closing * tpq == max(ends) * 4:
            n = closing
    starts, which, _ = bars_to(n)
    roll = [0] * n
    dcells = [0] * n
    bcells = [0] * n
    if drums:
        for on, off, p in drums["notes"]:
            if p in DRUM:
                s = fine_on(on, tpq) // 6
                roll[s] |= 1 << DRUM[p]
    if bass:
        for on, off, p in bass["notes"]:
            r = p - 24
            a, e = fine_on(on, tpq), fine_off(off, tpq)
            if 0 <= r < 48 and e > a:
                for s in range(a // 6, (e - 1) // 6 + 1):
                    roll[s] |= 1 << (9 + r)
    for s in range(n):
        b = roll[s] >> 9
        if b:
            roll[s] = (roll[s] & 0x1FF) | ((b & -b) << 9)  # the lowest bass pitch
        dcells[s] = bin(roll[s] & 0x1FF).count("1")
        bcells[s] = bin(roll[s] >> 9).count("1")
    reason = None
    if not drums and not bass:
        reason = "no drums and no bass"
    elif not drums:
        reason = "no drums"
    elif not bass:
        reason = "no bass"
    elif n == 0:
        reason = "no notes"
    out = {"_roll": roll, "_starts": starts, "_which": which, "_metres": metres,
           "usable": reason is None, "reason": reason, "tpq": tpq, "bars": len(starts), "windows": []}
    if reason:
        out["windows"] = []
        return out
    for b, first in enumerate(starts):
        m = which[b]
        length = metres[m][1]
        stretch_end = metres[m + 1][0] if m + 1 < len(metres) else n
        if first + 8 * length > min(stretch_end, n):
            continue  # the 8 bars must lie inside the time signature's stretch and the marked steps
        bars = [roll[first + i * length: first + (i + 1) * length] for i in range(8)]
        d = []
        for i in range(8):
            for j in range(i + 1, 8):
                d.append(sum(bin(x ^ y).count("1") for x, y in zip(bars[i], bars[j])))
        top = max(d) + 1e-5
        dc = sum(dcells[first:first + 8 * length])
        bc = sum(bcells[first:first + 8 * length])
        out["windows"].append({"start_bar": b, "drum_cells": dc, "bass_cells": bc, "kept": dc >= 32 and bc >= 32,
                               "metre": "%d/%d" % (metres[m][2], metres[m][3]), "bar_steps": length,
                               "correlation": [1 - x / top for x in d]})
    return out


def check(folder):
    import glob
    import os
    bad = 0
    for mid in sorted(glob.glob(os.path.join(folder, "*.mid"))):
        want = json.load(open(mid.replace(".mid", ".windows.json")))
        got = analyse(mid)
        same = got["usable"] == want["usable"] and len(got["windows"]) == len(want["windows"])
        for g, w in zip(got["windows"], want["windows"]):
            same = same and all(g[k] == w[k] for k in ("start_bar", "drum_cells", "bass_cells", "kept"))
            same = same and all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(g["correlation"], w["correlation"]))
        print(("same  " if same else "DIFF  ") + os.path.basename(mid))
        bad += not same
    return bad


def roll_text(path, bar):
    """The 57 rows of the window at `bar`, as `loopminer-cli roll` prints them."""
    a = analyse(path)
    length = a["_metres"][a["_which"][bar]][1]
    first = a["_starts"][bar]
    steps = [a["_roll"][s] if s < len(a["_roll"]) else 0 for s in range(first, first + 8 * length)]
    return "".join("".join("1" if (m >> r) & 1 else "0" for m in steps) + "\n" for r in range(57))


if __name__ == "__main__":
    if sys.argv[1] == "--check":
        sys.exit(1 if check(sys.argv[2]) else 0)
    if sys.argv[1] == "--roll":
        sys.stdout.write(roll_text(sys.argv[3], int(sys.argv[2])))
        sys.exit(0)
    print(json.dumps({k: v for k, v in analyse(sys.argv[1]).items() if not k.startswith("_")}, indent=1))
