#pragma once
// tempo_bench's second synth: MMA grooves rendered by timidity with freepats.
#include "core/audio/TempoEstimate.h"

#include <cstdint>
#include <cstdio>

namespace lm::bench {

// Renders `count` grooves, estimates their tempo and prints the share within
// 2 %, the octave errors apart and the other misses. 0 when it ran.
int runTimidityBench(int count, uint32_t seed);

// With LM_TEMPO_FEATURES=FILE: each candidate level's features as CSV rows
// (song, right 0/1, features), for fitting the weights in MetricalLevel.cpp.
void dumpLevelFeatures(FILE* out, int song, double trueBpm, const TempoEstimate& e);

} // namespace lm::bench
