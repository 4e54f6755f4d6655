#!/usr/bin/python3
"""Fits the weights of core/audio/MetricalLevel.cpp (kWeights): a conditional
logit over each song's candidate levels, from the CSV rows that tempo_bench
writes with LM_TEMPO_FEATURES=FILE (song, right 0/1, features...).
   fit_tempo_levels.py TRAIN.csv [TRAIN2.csv ...] [--test TEST.csv ...]"""
import sys
import numpy as np

def load(paths):
    songs = []
    for k, path in enumerate(paths):
        rows = np.loadtxt(path, delimiter=",", ndmin=2)
        for s in np.unique(rows[:, 0]):
            r = rows[rows[:, 0] == s]
            if r[:, 1].sum() == 1:  # songs where one candidate is right
                songs.append((r[:, 2:], int(np.argmax(r[:, 1]))))
    return songs

def fit(songs, l2=0.05, steps=4000, rate=0.1):
    d = songs[0][0].shape[1]
    w = np.zeros(d)
    for _ in range(steps):
        g = l2 * w
        for x, y in songs:
            s = x @ w
            p = np.exp(s - s.max()); p /= p.sum()
            g += (x.T @ p - x[y]) / len(songs)
        w -= rate * g
    return w

def accuracy(songs, w):
    return sum(int(np.argmax(x @ w) == y) for x, y in songs), len(songs)

if __name__ == "__main__":
    args = sys.argv[1:]
    test = args[args.index("--test") + 1:] if "--test" in args else []
    train = args[:args.index("--test")] if "--test" in args else args
    tr, te = load(train), load(test) if test else []
    w = fit(tr)
    print("train: %d of %d" % accuracy(tr, w))
    if te:
        print("test: %d of %d" % accuracy(te, w))
    print("{" + ", ".join("%.3f" % v for v in w) + "}")
