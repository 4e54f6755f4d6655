#pragma once
// Walking between two loops in the VQ-VAE's latent space (method.md 10,
// MusicVAE-style): the encoder outputs of A and B, before quantisation, are
// interpolated spherically per code position; each step is quantised to the
// codebook and decoded. Step 0 is therefore A's reconstruction and the last
// step B's. Plain types only.
#include "LoopDetector.h"
#include "VqVae.h"

#include <vector>

namespace lm::ml {

// Spherical interpolation of two vectors of `dim` floats, t in [0, 1]: the
// angle between their directions is divided evenly and the lengths are blended
// with it (Shoemake's formula, as MusicVAE applies it to unnormalised
// vectors); nearly parallel or zero vectors fall back to a straight line.
std::vector<float> slerp(const float* a, const float* b, int dim, double t);

// Keeps the lowest of several bass cells at a step, as generation does (method.md 1).
void keepBassMonophonic(Roll& roll);
// A roll through the VQ-VAE and back (encode, quantise, decode, monophonic bass).
Roll reconstruct(const VqVae& vqvae, const Roll& roll);

// The share of the 57 x 128 roll cells where two rolls differ.
double differingFraction(const Roll& x, const Roll& y);

struct InterpolationStep {
    double t = 0;            // 0 at A, 1 at B
    CodeSequence codes{};
    Roll roll;               // decoded at p >= 0.5
    double loopScore = 0;    // the detector's score of the roll's bar correlations
    double fromA = 0, fromB = 0; // differingFraction to the input rolls A and B
};

// `steps` >= 2 steps from A to B, evenly spaced in t.
std::vector<InterpolationStep> interpolateLoops(const VqVae& vqvae, const LoopDetector& detector, const Roll& a,
                                                const Roll& b, int steps);

} // namespace lm::ml
