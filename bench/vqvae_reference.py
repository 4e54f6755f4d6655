#!/usr/bin/python3
"""The VQ-VAE of method.md section 5 written as a PyTorch user would write it
(nn.Modules, TensorDataset + DataLoader, AdamW, EMA codebook with dead-code
restarts), trained for a fixed number of steps; prints steps per second.
Run with Debian's /usr/bin/python3 (python3-torch).

    vqvae_reference.py --loops N --batch B --steps S --threads T
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, i, o, stride=1):
        super().__init__()
        self.conv = nn.Conv1d(i, o, 3, stride=stride, padding=1, bias=False)
        self.bn = nn.BatchNorm1d(o)

    def forward(self, x):
        return F.leaky_relu(self.bn(self.conv(x)), 0.2)


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c1 = nn.Conv1d(c, c, 3, padding=1, bias=False)
        self.b1 = nn.BatchNorm1d(c)
        self.c2 = nn.Conv1d(c, c, 3, padding=1, bias=False)
        self.b2 = nn.BatchNorm1d(c)

    def forward(self, x):
        return x + self.b2(self.c2(F.leaky_relu(self.b1(self.c1(x)), 0.2)))


class VQVAE(nn.Module):
    def __init__(self, k=512, decay=0.99, eps=1e-5):
        super().__init__()
        self.enc = nn.Sequential(Block(57, 128), Block(128, 128, 2), Residual(128), Block(128, 128, 2), Residual(128),
                                 nn.Conv1d(128, 16, 3, padding=1))
        self.d0 = Block(16, 128)
        self.dec = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), Block(128, 128), Residual(128),
                                 nn.Upsample(scale_factor=2, mode="nearest"), Block(128, 128), Residual(128),
                                 nn.Conv1d(128, 57, 3, padding=1))
        self.k, self.decay, self.eps = k, decay, eps
        self.register_buffer("codebook", torch.randn(k, 16))
        self.register_buffer("ema_sum", self.codebook.clone())
        self.register_buffer("counts", torch.ones(k))

    def quantise(self, ze):
        flat = ze.permute(0, 2, 1).reshape(-1, 16)
        d = flat.pow(2).sum(1, keepdim=True) - 2 * flat @ self.codebook.t() + self.codebook.pow(2).sum(1)[None]
        idx = d.argmin(1)
        if self.training:
            with torch.no_grad():
                onehot = F.one_hot(idx, self.k).type(flat.dtype)
                self.counts.mul_(self.decay).add_(onehot.sum(0), alpha=1 - self.decay)
                self.ema_sum.mul_(self.decay).add_(onehot.t() @ flat, alpha=1 - self.decay)
                n = self.counts.sum()
                smoothed = (self.counts + self.eps) / (n + self.k * self.eps) * n
                self.codebook.copy_(self.ema_sum / smoothed[:, None])
                dead = (self.counts < 1).nonzero().flatten()
                if len(dead):
                    fresh = flat[torch.randint(len(flat), (len(dead),))]
                    self.codebook[dead] = fresh
                    self.ema_sum[dead] = fresh
                    self.counts[dead] = 1
        zq = self.codebook[idx].reshape(ze.size(0), 32, 16).permute(0, 2, 1)
        return zq

    def forward(self, x):
        ze = self.enc(x)
        zq = self.quantise(ze.detach())
        st = ze + (zq - ze).detach()
        xr = torch.sigmoid(self.dec(F.leaky_relu(self.d0(st), 0.2)))
        bce = F.binary_cross_entropy(xr, x, reduction="sum") / (57 * 128)
        commit = (ze - zq.detach()).pow(2).sum() / (16 * 32)
        return bce + 0.25 * commit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loops", type=int, default=4096)
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    data = (torch.rand(args.loops, 57, 128) < 0.04).float()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data), batch_size=args.batch, shuffle=True,
                                         drop_last=True)
    model = VQVAE()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    model.train()
    steps, t0 = 0, None
    while steps <= args.steps:
        for (x,) in loader:
            if steps == 1:
                t0 = time.perf_counter()  # the first step warms up
            opt.zero_grad()
            loss = model(x)
            loss.backward()
            opt.step()
            steps += 1
            if steps > args.steps:
                break
    seconds = time.perf_counter() - t0
    print(json.dumps({"steps": args.steps - 1, "seconds": seconds, "steps_per_second": (args.steps - 1) / seconds,
                      "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "parameters": sum(p.numel() for p in model.parameters())}))


if __name__ == "__main__":
    main()
