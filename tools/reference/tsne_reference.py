#!/usr/bin/env python3
"""Cross-check of the library map's layouts (core/library/MapLayout.cpp)
against scikit-learn: reads the points and our PCA and t-SNE layouts (CSV, one
row per point), prints JSON with scikit-learn's trustworthiness of our layouts,
scikit-learn's own exact t-SNE (same settings) and its trustworthiness, and the
correlation of our PCA axes with scikit-learn's."""
import argparse
import json

import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", required=True)
    ap.add_argument("--pca", required=True)
    ap.add_argument("--tsne", required=True)
    ap.add_argument("--k", type=int, default=10)
    a = ap.parse_args()
    x = np.loadtxt(a.points, delimiter=",")
    ours_pca = np.loadtxt(a.pca, delimiter=",")
    ours_tsne = np.loadtxt(a.tsne, delimiter=",")
    theirs = TSNE(n_components=2, method="exact", init="pca", learning_rate="auto", perplexity=30.0,
                  random_state=0).fit_transform(x)
    pca = PCA(n_components=2).fit_transform(x)
    corr = [abs(float(np.corrcoef(pca[:, c], ours_pca[:, c])[0, 1])) for c in range(2)]
    print(json.dumps({
        "trust_ours_tsne": float(trustworthiness(x, ours_tsne, n_neighbors=a.k)),
        "trust_ours_pca": float(trustworthiness(x, ours_pca, n_neighbors=a.k)),
        "trust_sklearn_tsne": float(trustworthiness(x, theirs, n_neighbors=a.k)),
        "trust_sklearn_pca": float(trustworthiness(x, pca, n_neighbors=a.k)),
        "pca_axis_correlation": corr,
    }))


if __name__ == "__main__":
    main()
