#!/usr/bin/python3
"""The first model set (loop detector, VQ-VAE, LSTM prior; method.md 4-6) trained
as a PyTorch user would write it: nn.Modules, TensorDataset + DataLoader with
shuffling, AdamW, CosineAnnealingLR, a validation pass after every epoch. It
reads the same loops that bench/train_bench wrote and the same settings, and
prints the seconds each model took. Run with Debian's /usr/bin/python3
(python3-torch); train_bench runs it in the same run.

    train_reference.py DIR   (DIR holds rolls.u8, corr.f64 and settings.json)
"""
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from vqvae_reference import VQVAE  # noqa: E402  the network of method.md 5, as vqvae_bench uses it


def split(n, share, seed):
    g = torch.Generator().manual_seed(seed)
    order = torch.randperm(n, generator=g)
    nval = max(1, int(round(n * share)))
    return order[nval:], order[:nval]


def fit(model, params, train, val, epochs, batch, lr, lr_min, loss_fn, val_fn):
    opt = torch.optim.AdamW(params, lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=max(1, epochs), eta_min=lr_min)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(train), batch_size=batch, shuffle=True)
    for _ in range(epochs):
        model.train()
        for (x,) in loader:
            opt.zero_grad()
            loss = loss_fn(x)
            loss.backward()
            opt.step()
        sched.step()
        model.eval()
        with torch.no_grad():
            val_fn(val)


class Detector(nn.Module):
    def __init__(self):
        super().__init__()
        act = nn.LeakyReLU(0.1)
        self.enc = nn.Sequential(nn.Linear(28, 14, bias=False), act, nn.Linear(14, 14, bias=False), act,
                                 nn.Linear(14, 7, bias=False))
        self.dec = nn.Sequential(nn.Linear(7, 14, bias=False), act, nn.Linear(14, 14, bias=False), act,
                                 nn.Linear(14, 28, bias=False))


def train_detector(corr, s):
    net = Detector()
    tr, va = split(len(corr), s["validationShare"], 1)
    train, val = corr[tr], corr[va]
    mse = lambda x: F.mse_loss(net.dec(net.enc(x)), x)
    fit(net, net.parameters(), train, val, s["autoencoderEpochs"], s["batch"], s["lr"], s["lrMin"], mse, mse)
    with torch.no_grad():
        c = net.enc(train).mean(0)
    svdd = lambda x: (net.enc(x) - c).pow(2).sum(1).mean()
    fit(net, net.enc.parameters(), train, val, s["svddEpochs"], s["batch"], s["lr"], s["lrMin"], svdd, svdd)
    with torch.no_grad():
        scores = (net.enc(train) - c).pow(2).mean(1).log()
    return math.exp(scores.mean().item() + scores.std().item())


def train_vqvae(rolls, s):
    net = VQVAE(k=s["codes"], decay=s["decay"], eps=s["epsilon"])
    tr, va = split(len(rolls), s["validationShare"], 1)
    train, val = rolls[tr], rolls[va]

    def val_fn(x):
        zq = net.quantise(net.enc(x))
        xr = torch.sigmoid(net.dec(F.leaky_relu(net.d0(zq), 0.2)))
        return ((xr >= 0.5).float() != x).float().mean().item()

    fit(net, net.parameters(), train, val, s["epochs"], s["batch"], s["lr"], s["lrMin"], net, val_fn)
    net.eval()
    with torch.no_grad():
        flat = net.enc(rolls).permute(0, 2, 1).reshape(-1, 16)
        d = flat.pow(2).sum(1, keepdim=True) - 2 * flat @ net.codebook.t() + net.codebook.pow(2).sum(1)[None]
        return d.argmin(1).reshape(len(rolls), 32)


class Prior(nn.Module):
    def __init__(self, k, emb, hidden, layers):
        super().__init__()
        self.embed = nn.Embedding(k, emb)
        self.lstm = nn.LSTM(emb, hidden, layers, batch_first=True)
        self.out = nn.Linear(hidden, k)

    def forward(self, codes):
        return self.out(self.lstm(self.embed(codes))[0])


def train_prior(codes, s, k):
    net = Prior(k, s["embedding"], s["hidden"], s["layers"])
    tr, va = split(len(codes), s["validationShare"], 1)
    loss = lambda seq: F.cross_entropy(net(seq[:, :-1]).reshape(-1, k), seq[:, 1:].reshape(-1))
    fit(net, net.parameters(), codes[tr], codes[va], s["epochs"], s["batch"], s["lr"], s["lrMin"], loss, loss)


def main():
    d = sys.argv[1]
    cfg = json.load(open(d + "/settings.json"))
    torch.set_num_threads(cfg["threads"])
    torch.manual_seed(1)
    n = cfg["loops"]
    rolls = torch.from_numpy(np.fromfile(d + "/rolls.u8", dtype=np.uint8).reshape(n, 57, 128).astype(np.float32))
    corr = torch.from_numpy(np.fromfile(d + "/corr.f64", dtype=np.float64).reshape(-1, 28).astype(np.float32))
    out = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    t = time.perf_counter()
    out["detector_threshold"] = train_detector(corr, cfg["detector"])
    out["detector_seconds"] = time.perf_counter() - t
    t = time.perf_counter()
    codes = train_vqvae(rolls, cfg["vqvae"])
    out["vqvae_seconds"] = time.perf_counter() - t
    t = time.perf_counter()
    train_prior(codes, cfg["prior"], cfg["vqvae"]["codes"])
    out["prior_seconds"] = time.perf_counter() - t
    out["seconds"] = out["detector_seconds"] + out["vqvae_seconds"] + out["prior_seconds"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
