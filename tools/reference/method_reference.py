"""A straightforward Python implementation of method.md sections 1-3 (MIDI)
and 10.2 (every metre: bars of 16 * numerator / denominator steps, each time
signature starting a bar, windows inside one time signature's stretch),
with mido and numpy: the reference that the C++ engine is cross-checked and
benchmarked against. Run with Debian's /usr/bin/python3.

    /usr/bin/python3 method_reference.py FILE.mid   -> the same JSON as `loopminer-cli windows`
"""
import json
import sys

import mido
import numpy as np

DRUM_ROW = {35: 0, 36: 0, 37: 1, 38: 1, 39: 1, 40: 1, 42: 2, 44: 2, 41: 3, 43: 3, 45: 3,
            46: 4, 47: 5, 48: 5, 49: 6, 55: 6, 57: 6, 50: 7, 51: 8, 59: 8}


def instruments(mid):
    """(track, channel, program, [[on, off, pitch], ...]) for every channel with notes."""
    out = []
    for ti, track in enumerate(mid.tracks):
        t = 0
        program = [0] * 16
        first_program = {}
        notes = {}
        sounding = {}
        for msg in track:
            t += msg.time
            if msg.is_meta:
                continue
            kind = msg.type
            if kind == 'program_change':
                program[msg.channel] = msg.program
            elif kind == 'note_on' and msg.velocity > 0:
                ch = msg.channel
                if ch not in first_program:
                    first_program[ch] = program[ch]
                    notes[ch] = []
                key = (ch, msg.note)
                if key in sounding:
                    notes[ch][sounding[key]][1] = t
                sounding[key] = len(notes[ch])
                notes[ch].append([t, t, msg.note])
            elif kind == 'note_off' or kind == 'note_on':
                idx = sounding.pop((msg.channel, msg.note), None)
                if idx is not None:
                    notes[msg.channel][idx][1] = t
        for (ch, _), idx in sounding.items():
            notes[ch][idx][1] = t  # end of track
        for ch in sorted(first_program):
            out.append((ti, ch, first_program[ch], notes[ch]))
    return out


def end_of_track(track):
    """The tick of the track's end-of-track event (its last tick when it has none)."""
    t = 0
    for msg in track:
        t += msg.time
        if msg.type == 'end_of_track':
            return t
    return t


def analyse(path):
    mid = mido.MidiFile(path, clip=False)
    tpq = mid.ticks_per_beat
    result = {"file": path, "tpq": tpq, "windows": []}
    sigs = []  # (tick, numerator, denominator)
    for tr in mid.tracks:
        t = 0
        for m in tr:
            t += m.time
            if m.is_meta and m.type == 'time_signature':
                sigs.append((t, m.numerator, m.denominator))
    sigs.sort(key=lambda x: x[0])
    insts = instruments(mid)
    drums = next((i for i in insts if i[1] == 9), None)
    bass = next((i for i in insts if i[1] != 9 and 32 <= i[2] <= 39), None)
    reason = None
    if drums is None:
        reason = "no drums"
    elif bass is None:
        reason = "no bass"
    if reason:
        result.update(usable=False, reason=reason)
        return result

    def fine(on, off):
        return int(np.round(24 * on / tpq)), int(np.floor(24 * off / tpq))

    drum_cells, bass_cells, n = [], [], 0
    for on, off, pitch in drums[3]:
        a, _ = fine(on, off)
        n = max(n, a // 6 + 1)
        if pitch in DRUM_ROW:
            drum_cells.append((a // 6, DRUM_ROW[pitch]))
    for on, off, pitch in bass[3]:
        a, e = fine(on, off)
        if e <= a:
            continue
        n = max(n, (e - 1) // 6 + 1)
        if 24 <= pitch <= 71:
            bass_cells.append((a // 6, (e - 1) // 6, pitch - 24))
    # The bar grid (method.md 2 for 4/4, 10.2 for other metres): (step, bar length, num, den).
    if all((num, den) == (4, 4) for _, num, den in sigs):
        metres = [(0, 16, 4, 4)]
    else:
        metres = []
        for tick, num, den in sigs:
            step = int(np.round(24 * tick / tpq)) // 6
            length = max(1, int(round(num * 16 / den)))
            if metres and metres[-1][0] == step:
                metres[-1] = (step, length, num, den)
            else:
                metres.append((step, length, num, den))
        if metres[0][0] > 0:
            metres.insert(0, (0, 16, 4, 4))

    def grid(limit):
        starts, which, s, m = [], [], 0, 0
        while s < limit:
            while m + 1 < len(metres) and metres[m + 1][0] <= s:
                m += 1
            starts.append(s)
            which.append(m)
            nxt = s + metres[m][1]
            if m + 1 < len(metres) and metres[m + 1][0] < nxt:
                nxt = metres[m + 1][0]  # a metre change cuts the bar short
            s = nxt
        return starts, which, s

    # An end of track on the bar line that closes the last bar extends the piece to it (method.md 2).
    closing = grid(n)[2]
    closed = n > 0 and n < closing and max(end_of_track(tr) for tr in mid.tracks) * 4 == closing * tpq
    if closed:
        n = closing
    roll = np.zeros((n, 57), dtype=bool)
    for s, r in drum_cells:
        roll[s, r] = True
    bass_roll = np.zeros((n, 48), dtype=bool)
    for s0, s1, r in bass_cells:
        bass_roll[s0:s1 + 1, r] = True
    lowest = np.argmax(bass_roll, axis=1)
    has = bass_roll.any(axis=1)
    roll[np.nonzero(has)[0], 9 + lowest[has]] = True

    starts, which, _ = grid(n)
    result.update(usable=True, reason=None, bars=len(starts), closed_by_end_of_track=closed)
    iu = np.triu_indices(8, 1)
    for b, first in enumerate(starts):
        m = which[b]
        length = metres[m][1]
        stretch_end = metres[m + 1][0] if m + 1 < len(metres) else n
        if first + 8 * length > min(stretch_end, n):
            continue  # the 8 bars lie inside one time signature's stretch and the marked steps
        win = roll[first:first + 8 * length]
        bars = win.reshape(8, length * 57)
        d = (bars[:, None, :] != bars[None, :, :]).sum(axis=2)[iu].astype(np.float64)
        corr = 1 - d / (d.max() + 1e-5)
        dc, bc = int(win[:, :9].sum()), int(win[:, 9:].sum())
        result["windows"].append({"start_bar": b, "drum_cells": dc, "bass_cells": bc,
                                  "kept": dc >= 32 and bc >= 32, "correlation": corr.tolist()})
    return result


if __name__ == "__main__":
    print(json.dumps(analyse(sys.argv[1]), indent=1))
