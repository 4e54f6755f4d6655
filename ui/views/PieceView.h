#pragma once
// One piece: its self-similarity matrix with the window strip, and the piano
// roll of the selected window. Analyses the file itself through core.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"

#include <QWidget>
#include <optional>

class QLabel;

namespace lm::ui {

class SsmView;
class PianoRollView;

class PieceView : public QWidget {
    Q_OBJECT
public:
    explicit PieceView(QWidget* parent = nullptr);

    // Reads and analyses the file; false (with the reason shown) when it cannot be read.
    bool showFile(const QString& path);
    void selectWindow(int startBar);

    SsmView* ssmView() const { return ssm_; }
    PianoRollView* rollView() const { return roll_; }
    const QString& currentFile() const { return path_; }

Q_SIGNALS:
    void windowShown(int startBar);

private:
    SsmView* ssm_;
    PianoRollView* roll_;
    QLabel* info_;
    QString path_;
    std::optional<PieceAnalysis> piece_;
    std::vector<WindowInfo> windows_;
    std::vector<uint64_t> stacked_; // the piece's 57-row roll, stacked once per piece
};

} // namespace lm::ui
