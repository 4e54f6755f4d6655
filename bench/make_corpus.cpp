// Writes a synthetic MIDI collection for the benchmarks:
//   make_corpus DIR COUNT [SEED]
#include "Fixtures.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_corpus DIR COUNT [SEED]\n");
        return 2;
    }
    std::filesystem::create_directories(argv[1]);
    const int count = std::atoi(argv[2]);
    const uint32_t seed = argc > 3 ? uint32_t(std::atoi(argv[3])) : 1u;
    // Spread over sub-folders as real collections are.
    for (int i = 0; i < count; i += 500) {
        const std::string sub = std::string(argv[1]) + "/part" + std::to_string(i / 500);
        std::filesystem::create_directories(sub);
        lm::test::writeCollection(sub, std::min(500, count - i), seed + uint32_t(i));
    }
    return 0;
}
