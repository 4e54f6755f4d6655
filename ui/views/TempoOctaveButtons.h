#pragma once
// Two small buttons beside an audio piece's tempo: half and double, one click
// each, for the tracker's usual mistake (the other metrical level).
#include <QWidget>

class QToolButton;

namespace lm::ui {

class TempoOctaveButtons : public QWidget {
    Q_OBJECT
public:
    explicit TempoOctaveButtons(QWidget* parent = nullptr);
    QToolButton* halfButton() const { return half_; }
    QToolButton* doubleButton() const { return double_; }

Q_SIGNALS:
    void scaleRequested(double factor); // 0.5 or 2

private:
    QToolButton* half_;
    QToolButton* double_;
};

} // namespace lm::ui
