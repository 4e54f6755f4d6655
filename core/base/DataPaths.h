#pragma once
// Where loopminer's data (the bundled model, the demo material) lies, found
// from the running executable rather than from paths baked in at build time,
// so that an installed copy and a moved or copied build tree both work. The
// layout is the same in both: <prefix>/bin/loopminer and
// <prefix>/share/loopminer/{models/default,demo,translations} (the build writes
// build/share/loopminer).
#include <string>

namespace lm {

// The folder of the running executable ("" when it cannot be found).
std::string executableDir();

// <exe dir>/../share/loopminer, or LOOPMINER_DATA_DIR when that is set.
std::string dataDir();

// The model that scores and generates when none is named. Today the bundled
// default model; later the user's active model, when there is one.
std::string defaultModelDir();

// The demo library's source files (synthetic grooves, ours).
std::string demoDir();

// The GUI's compiled translations (loopminer_<lang>.qm), written there by the build.
std::string translationsDir();

} // namespace lm
