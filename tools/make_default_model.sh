#!/usr/bin/env bash
# Trains the bundled default model on the synthetic grooves (build/synthetic_demo) with loopminer's own
# tools, and writes it to resources/models/default (or the folder given):
#   tools/make_default_model.sh [OUT_DIR]
# The demo library is ours (synthetic grooves written by bench/make_corpus and
# two of them rendered to audio with FluidSynth), so the model carries no one
# else's music. Takes about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-resources/models/default}
[ -x build/bin/loopminer-cli ] && [ -d build/synthetic_demo ] || ./tools/build.sh
cli=build/bin/loopminer-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/log.json
$cli scan build/synthetic_demo --db "$work/demo.sqlite" --quiet > "$work/scan.json"
$cli train detector --db "$work/demo.sqlite" --out "$work/model" --seed 1 --quiet > "$work/detector.json"
$cli score --db "$work/demo.sqlite" --model "$work/model" > "$work/score.json"
$cli train vqvae --db "$work/demo.sqlite" --out "$work/model" --epochs 150 --batch 64 --codes 512 --seed 1 --quiet > "$work/vqvae.json"
$cli train prior --db "$work/demo.sqlite" --out "$work/model" --epochs 200 --batch 64 --layers 2 --hidden 256 --seed 1 --quiet > "$work/prior.json"
mkdir -p "$out"
for f in detector.lmm vqvae.lmm prior.lmm; do
  cp "$work/model/$f" "$out/$f.tmp" && mv "$out/$f.tmp" "$out/$f"
done
{
  echo "# The default model"
  echo
  echo "Made by \`tools/make_default_model.sh\` on $(date -u +%Y-%m-%d) from the demo library"
  echo "(\`build/synthetic_demo\`: 24 synthetic MIDI grooves and 2 rendered to audio). What each step printed:"
  for step in scan detector score vqvae prior; do
    echo
    echo "## $step"
    echo
    echo '```json'
    cat "$work/$step.json"
    echo '```'
  done
} > "$out/MODEL.md"
ls -l "$out"
