"""Cross-check: random MIDI files written by mido (not by our writer) are
analysed by `loopminer-cli windows` and by the Python reference; every field
must agree (correlations within 1e-6). Run by ctest as `crosscheck_mido`.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import mido

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import method_reference  # noqa: E402

DRUMS = [35, 36, 38, 40, 42, 44, 46, 49, 51, 57, 60, 75]


def random_song(rng, path):
    tpq = rng.choice([89, 96, 120, 192, 240, 256, 384, 480, 960, 1024])
    mid = mido.MidiFile(type=1, ticks_per_beat=tpq)
    conductor = mido.MidiTrack()
    mid.tracks.append(conductor)
    metre = rng.random()
    if metre < 0.85:
        conductor.append(mido.MetaMessage('time_signature', numerator=4, denominator=4, time=0))
    elif metre < 0.92:
        conductor.append(mido.MetaMessage('time_signature', numerator=3, denominator=4, time=0))
    conductor.append(mido.MetaMessage('set_tempo', tempo=rng.randint(300000, 900000), time=0))
    step = tpq / 4
    bars = rng.randint(6, 24)
    last_bar_steps = rng.choice([16, 16, 16, 12, 4, 0])  # a sparse or empty last bar
    bar_ticks = 4 * tpq
    ending = rng.random()  # where the end of track lies (method.md 2, the closing bar line)
    for t in range(rng.randint(1, 3)):
        events = []  # (tick, order, message)
        channels = rng.sample([0, 1, 2, 3, 9, 9, 9, 4], rng.randint(1, 3))
        for ch in set(channels):
            if ch != 9 and rng.random() < 0.8:
                prog_tick = 0 if rng.random() < 0.8 else int(rng.randint(0, 4) * step)
                events.append((prog_tick, 0, mido.Message('program_change', channel=ch,
                                                          program=rng.choice([33, 34, 38, 0, 25]))))
            density = rng.uniform(0.2, 0.9)
            period = rng.choice([1, 2, 4])
            pattern = [[rng.random() < density for _ in range(16)] for _ in range(period)]
            for bar in range(bars):
                for s in range(16):
                    if not pattern[bar % period][s] and rng.random() > 0.05:
                        continue
                    if bar == bars - 1 and s >= last_bar_steps:
                        continue
                    jitter = rng.choice([0, 0, 0, 1, -1, step / 2, step / 4]) if rng.random() < 0.3 else 0
                    on = max(0, int(round((bar * 16 + s) * step + jitter)))
                    pitch = rng.choice(DRUMS) if ch == 9 else rng.randint(18, 78)
                    length = rng.choice([0, 1, step / 3, step, 2 * step, 5 * step])
                    off = on + int(length)
                    events.append((on, 1, mido.Message('note_on', channel=ch, note=pitch,
                                                       velocity=rng.randint(1, 127))))
                    if rng.random() < 0.02:
                        continue  # no note-off: ends at the end of the track
                    if rng.random() < 0.5:
                        msg = mido.Message('note_on', channel=ch, note=pitch, velocity=0)
                    else:
                        msg = mido.Message('note_off', channel=ch, note=pitch)
                    events.append((off, 2, msg))
        events.sort(key=lambda e: (e[0], e[1]))
        track = mido.MidiTrack()
        last = 0
        for tick, _, msg in events:
            track.append(msg.copy(time=tick - last))
            last = tick
        if ending < 0.5:  # on a bar line: the one after the last event, or a bar later
            end = -(-last // bar_ticks) * bar_ticks + (bar_ticks if ending < 0.1 else 0)
            track.append(mido.MetaMessage('end_of_track', time=end - last))
        elif ending < 0.6:  # a beat past the bar line
            end = -(-last // bar_ticks) * bar_ticks + tpq
            track.append(mido.MetaMessage('end_of_track', time=end - last))
        mid.tracks.append(track)
    mid.save(path)


def compare(ref, got):
    errors = []
    for key in ('usable', 'tpq'):
        if ref.get(key) != got.get(key):
            errors.append(f"{key}: reference {ref.get(key)}, ours {got.get(key)}")
    if ref['usable'] and ref.get('bars') != got.get('bars'):
        errors.append(f"bars: reference {ref.get('bars')}, ours {got.get('bars')}")
    if len(ref['windows']) != len(got['windows']):
        errors.append(f"windows: reference {len(ref['windows'])}, ours {len(got['windows'])}")
    for a, b in zip(ref['windows'], got['windows']):
        for key in ('start_bar', 'drum_cells', 'bass_cells', 'kept'):
            if a[key] != b[key]:
                errors.append(f"window {a['start_bar']} {key}: reference {a[key]}, ours {b[key]}")
        diff = max(abs(x - y) for x, y in zip(a['correlation'], b['correlation']))
        if diff > 1e-6:
            errors.append(f"window {a['start_bar']} correlation differs by {diff}")
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cli', required=True)
    ap.add_argument('--files', type=int, default=100)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures = usable = windows = closed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.files):
            path = os.path.join(tmp, f"song_{i}.mid")
            random_song(rng, path)
            ref = method_reference.analyse(path)
            out = subprocess.run([args.cli, 'windows', path], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"FAIL {path}: exit {out.returncode}: {out.stderr.strip()}")
                failures += 1
                continue
            errors = compare(ref, json.loads(out.stdout))
            usable += ref['usable']
            windows += len(ref['windows'])
            closed += bool(ref.get('closed_by_end_of_track'))
            if errors:
                failures += 1
                print(f"FAIL song_{i}.mid: " + "; ".join(errors[:5]))
    print(f"crosscheck: {args.files} files ({usable} usable, {windows} windows, {closed} extended to the "
          "bar line of their end of track) compared with the mido reference")
    print(f"{args.files - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
