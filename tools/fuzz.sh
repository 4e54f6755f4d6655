#!/usr/bin/env bash
# Fuzzing with libFuzzer (clang) under AddressSanitizer + UBSan.
#   tools/fuzz.sh                  lists the targets, one a line
#   tools/fuzz.sh TARGET SECONDS   builds TARGET and fuzzes it for SECONDS
# The corpus lives in build-fuzz/corpus/TARGET, seeded with the golden files and
# the regression inputs; a crash or hang is written to tests/data/fuzz-regressions/,
# which ctest (test_fuzz_regressions) replays on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(fuzz_midi_reader fuzz_library_file fuzz_audio_reader fuzz_model_file)
if [ $# -eq 0 ]; then
  printf '%s\n' "${targets[@]}"
  exit 0
fi
target=$1
seconds=${2:-60}
printf '%s\n' "${targets[@]}" | grep -qx "$target" || { echo "unknown target: $target" >&2; exit 2; }
./tools/deps.sh
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLOOPMINER_FUZZ=ON -DLOOPMINER_SANITIZE=address,undefined -DLOOPMINER_WITH_TORCH=OFF >/dev/null
cmake --build build-fuzz --target "$target"
corpus=build-fuzz/corpus/$target
mkdir -p "$corpus" tests/data/fuzz-regressions
if [ "$target" = fuzz_audio_reader ]; then
  # Seeds: small WAV files of every PCM width, mono and stereo, made here.
  /usr/bin/python3 - "$corpus" <<'PY'
import math, struct, sys, wave
for width in (1, 2, 3, 4):
    for ch in (1, 2):
        with wave.open(f"{sys.argv[1]}/seed_{width*8}bit_{ch}ch.wav", "wb") as w:
            w.setnchannels(ch); w.setsampwidth(width); w.setframerate(8000)
            frames = bytearray()
            for i in range(4000):
                v = math.sin(2 * math.pi * 110 * i / 8000) * (1 if (i // 1000) % 2 == 0 else 0.2)
                for _ in range(ch):
                    if width == 1:
                        frames += bytes([int(128 + 100 * v)])
                    else:
                        frames += int(v * (2 ** (8 * width - 2))).to_bytes(width, "little", signed=True)
            w.writeframes(bytes(frames))
PY
elif [ "$target" = fuzz_model_file ]; then
  # Seeds: the bundled model's files (headers and payloads of every kind).
  cp -n resources/models/default/*.lmm "$corpus"/ 2>/dev/null || true
else
  cp -n tests/data/golden/*.mid "$corpus"/ 2>/dev/null || true
fi
cp -n tests/data/fuzz-regressions/* "$corpus"/ 2>/dev/null || true
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
build-fuzz/bin/"$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=tests/data/fuzz-regressions/"$target"- -print_final_stats=1
