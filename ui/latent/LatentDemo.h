#pragma once
// For screenshots and demonstrations (loopminer --latent-demo explore|map):
// the Explore tab with an interpolation between the first and the last loop
// of the Loops panel (step 3 chosen) and the first loop's similar loops, or
// the Map tab with the library's map built (PCA; "map-tsne": t-SNE).
#include <QString>

namespace lm::ui {

class MainWindow;
// False (and nothing started) for an unknown name.
bool startLatentDemo(MainWindow& window, const QString& what);

} // namespace lm::ui
