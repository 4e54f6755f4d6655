#pragma once
// The steps of a latent interpolation side by side (ui/latent/LatentPanel):
// each a small roll with its step number and loop score (red when it is under
// the detector's threshold, a loop). Click or Left/Right choose a step;
// double-click or Enter asks to audition it.
#include <QWidget>
#include <cstdint>
#include <vector>

namespace lm::ui {

class InterpolationStrip : public QWidget {
    Q_OBJECT
public:
    struct Step {
        std::vector<uint64_t> roll;
        double loopScore = 0;
    };
    explicit InterpolationStrip(QWidget* parent = nullptr);

    void setSteps(std::vector<Step> steps, double threshold);
    void clear() { setSteps({}, 0); }
    int count() const { return int(steps_.size()); }
    int current() const { return current_; }
    void setCurrent(int step);
    // Where step i is drawn (for tests and tooltips).
    QRect cellRect(int step) const;
    QSize sizeHint() const override { return {640, 120}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

Q_SIGNALS:
    void currentChanged(int step);
    void activated(int step);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    bool event(QEvent*) override; // tooltips

private:
    int stepAt(const QPoint& p) const;

    std::vector<Step> steps_;
    double threshold_ = 0;
    int current_ = -1;
};

} // namespace lm::ui
