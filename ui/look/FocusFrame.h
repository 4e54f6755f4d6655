#pragma once
// The keyboard focus made visible on the painted views (the styles draw it
// only for their own controls): a frame in the palette's highlight colour.
#include <QPainter>
#include <QWidget>

namespace lm::ui {

inline void drawFocusFrame(QPainter& p, const QWidget* w)
{
    if (!w->hasFocus())
        return;
    p.save();
    p.setClipping(false);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(w->palette().color(QPalette::Highlight), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(w->rect()).adjusted(1, 1, -1, -1));
    p.restore();
}

} // namespace lm::ui
