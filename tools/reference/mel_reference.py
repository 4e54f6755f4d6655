#!/usr/bin/python3
"""Reference for method.md section 3 (audio), in numpy: per-bar mel power spectra
(one frame per bar, periodic Hann, FFT length = samples per bar, power 2, 128
Slaney mel bands with area normalisation, 0 Hz to 4 kHz) and their Pearson
matrix. Writes test signals at 8 kHz, runs `loopminer-cli ssm --spectra`, and
compares. Run with Debian's /usr/bin/python3 (numpy).

    mel_reference.py --cli build/bin/loopminer-cli [--cases 6] [--seed 1]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import wave

import numpy as np

SR = 8000
N_MELS = 128


def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-10) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filterbank(sr, n_fft, n_mels, fmin, fmax):
    fftfreqs = np.fft.rfftfreq(n_fft, 1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fftfreqs[None, :]
    weights = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    return weights * enorm[:, None]


def bar_spectra(x, bpm, downbeat):
    bar_len = SR * 60.0 * 4 / bpm
    n_fft = int(np.floor(bar_len + 0.5))
    starts = []
    i = 0
    while True:
        s = int(np.floor(downbeat * SR + i * bar_len + 0.5))
        if s + n_fft > len(x) + n_fft // 200:
            break
        starts.append(s)
        i += 1
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
    fb = mel_filterbank(SR, n_fft, N_MELS, 0.0, SR / 2)
    spectra = []
    for s in starts:
        frame = np.zeros(n_fft)
        seg = x[s:s + n_fft]
        frame[:len(seg)] = seg
        power = np.abs(np.fft.rfft(frame * window)) ** 2
        spectra.append(fb @ power)
    return starts, np.array(spectra)


def make_signal(rng, seconds):
    t = np.arange(int(seconds * SR)) / SR
    x = 0.05 * rng.standard_normal(len(t))
    for _ in range(6):
        f = rng.uniform(40, 3900)
        x += rng.uniform(0.05, 0.2) * np.sin(2 * np.pi * f * t) * (0.5 + 0.5 * np.sin(2 * np.pi * rng.uniform(0.1, 3) * t))
    return np.clip(x, -1, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--cases", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    worst_rel = 0.0
    worst_corr = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for case in range(args.cases):
            x = make_signal(rng, rng.uniform(20, 40))
            pcm = np.round(x * 32767).astype(np.int16)
            path = os.path.join(tmp, f"case{case}.wav")
            with wave.open(path, "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(SR)
                w.writeframes(pcm.tobytes())
            x = pcm.astype(np.float64) / 32768.0  # as libsndfile reads 16-bit PCM
            bpm = float(rng.uniform(70, 180))
            downbeat = float(rng.uniform(0, 1))
            out = subprocess.run([args.cli, "ssm", path, "--spectra", "--bpm", repr(bpm), "--downbeat", repr(downbeat)],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                print(f"case {case}: cli failed: {out.stderr}")
                return 1
            got = json.loads(out.stdout)
            starts, ref = bar_spectra(x, bpm, downbeat)
            if got["bar_start_samples"] != starts:
                print(f"case {case}: bar starts differ: {got['bar_start_samples'][:4]} vs {starts[:4]}")
                return 1
            spec = np.array(got["spectra"])
            scale = ref.max(axis=1, keepdims=True)
            rel = np.abs(spec - ref) / np.maximum(np.abs(ref), 1e-9 * scale)
            worst_rel = max(worst_rel, float(rel.max()))
            corr = np.corrcoef(ref)
            worst_corr = max(worst_corr, float(np.abs(np.array(got["matrix"]) - corr).max()))
            print(f"case {case}: bpm {bpm:.2f} downbeat {downbeat:.3f} bars {len(starts)} "
                  f"max relative difference {rel.max():.2e}")
    print(f"worst relative difference of a mel value: {worst_rel:.2e}; of a correlation: {worst_corr:.2e}")
    return 0 if worst_rel <= 1e-4 and worst_corr <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
