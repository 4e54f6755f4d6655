#include "InterpolationStrip.h"

#include "RollThumbnail.h"
#include "ui/look/FocusFrame.h"
#include "ui/views/ScoreFormat.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace lm::ui {

InterpolationStrip::InterpolationStrip(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(130);
}

void InterpolationStrip::setSteps(std::vector<Step> steps, double threshold)
{
    steps_ = std::move(steps);
    threshold_ = threshold;
    current_ = -1;
    update();
}

void InterpolationStrip::setCurrent(int step)
{
    if (step < 0 || step >= count() || step == current_)
        return;
    current_ = step;
    update();
    Q_EMIT currentChanged(step);
}

QRect InterpolationStrip::cellRect(int step) const
{
    if (steps_.empty())
        return {};
    const int gap = 4;
    const int w = (width() - gap * (count() + 1)) / count();
    return QRect(gap + step * (w + gap), 4, w, height() - 8);
}

int InterpolationStrip::stepAt(const QPoint& p) const
{
    for (int i = 0; i < count(); ++i)
        if (cellRect(i).contains(p))
            return i;
    return -1;
}

void InterpolationStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (steps_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Choose loops A and B, then Interpolate"));
        return;
    }
    const int text = fontMetrics().height() + 2;
    for (int i = 0; i < count(); ++i) {
        const QRect cell = cellRect(i);
        const QRect roll = cell.adjusted(0, text, 0, -text); // label above, score below
        paintRollThumbnail(p, roll, steps_[size_t(i)].roll, i == current_);
        const bool loop = threshold_ > 0 && steps_[size_t(i)].loopScore < threshold_;
        p.setPen(loop ? QColor(200, 40, 40) : palette().color(QPalette::WindowText));
        const QString label = i == 0 ? tr("A") : i == count() - 1 ? tr("B") : QString::number(i);
        p.drawText(cell.adjusted(2, 0, -2, 0), Qt::AlignLeft | Qt::AlignTop, label);
        p.drawText(cell.adjusted(2, 0, -2, 0), Qt::AlignLeft | Qt::AlignBottom, formatScore(steps_[size_t(i)].loopScore));
        if (i == current_) {
            p.setPen(QPen(palette().color(QPalette::Highlight), 2));
            p.drawRect(cell.adjusted(1, 1, -1, -1));
        }
    }
    drawFocusFrame(p, this);
}

void InterpolationStrip::mousePressEvent(QMouseEvent* e)
{
    setFocus();
    const int i = stepAt(e->position().toPoint());
    if (i >= 0)
        setCurrent(i);
}

void InterpolationStrip::mouseDoubleClickEvent(QMouseEvent* e)
{
    const int i = stepAt(e->position().toPoint());
    if (i >= 0) {
        setCurrent(i);
        Q_EMIT activated(i);
    }
}

void InterpolationStrip::keyPressEvent(QKeyEvent* e)
{
    if (steps_.empty())
        return QWidget::keyPressEvent(e);
    switch (e->key()) {
    case Qt::Key_Left: setCurrent(std::max(0, current_ - 1)); break;
    case Qt::Key_Right: setCurrent(std::min(count() - 1, current_ + 1)); break;
    case Qt::Key_Home: setCurrent(0); break;
    case Qt::Key_End: setCurrent(count() - 1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current_ >= 0)
            Q_EMIT activated(current_);
        break;
    default: QWidget::keyPressEvent(e);
    }
}

bool InterpolationStrip::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int i = stepAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), tr("Step %1 of %2: loop score %3%4")
                                                      .arg(i).arg(count() - 1).arg(formatScore(steps_[size_t(i)].loopScore))
                                                      .arg(steps_[size_t(i)].loopScore < threshold_ ? tr(" (a loop)") : QString()),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

} // namespace lm::ui
