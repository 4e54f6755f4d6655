#pragma once
// Which bar matrix the piece view draws (issue 19), always labelled: the
// method's drums + bass roll when the file is usable, all of its parts when it
// is not (or when the "All parts" toggle asks); the reason a file gives no loops
// next to it; the bar lane of loop scores under the strip. Pairs of bars with
// nothing in the shown roll are drawn as empty, not as similarity 1.
#include "core/library/PieceDisplay.h"

#include <QWidget>
#include <memory>

class QLabel;
class QToolButton;

namespace lm::ui {

class BarScoreLane;
class SsmView;

class MatrixChoice : public QWidget {
    Q_OBJECT
public:
    MatrixChoice(SsmView* ssm, QWidget* parent = nullptr);

    // Draws the piece's matrix on the view (setMatrix, setEmptyBars, setEmptyText) and the lane.
    void showPiece(std::shared_ptr<const PieceDisplay> d);
    void clear();
    bool allPartsShown() const { return allParts_; }
    QToolButton* toggle() const { return toggle_; }
    QLabel* title() const { return title_; }
    QLabel* reason() const { return reason_; }
    BarScoreLane* lane() const { return lane_; }

Q_SIGNALS:
    void matrixShown(bool allParts);

protected:
    void changeEvent(QEvent* e) override; // the reason's colour follows light and dark

private:
    void tintReason();
    void draw();
    void toggled(bool allParts);

    SsmView* ssm_;
    BarScoreLane* lane_;
    QLabel* title_;
    QLabel* reason_;
    QToolButton* toggle_;
    std::shared_ptr<const PieceDisplay> d_;
    bool allParts_ = false;
    bool preferAllParts_ = false; // the toggle's state for usable files, kept from piece to piece
};

} // namespace lm::ui
