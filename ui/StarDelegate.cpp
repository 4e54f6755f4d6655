#include "StarDelegate.h"

#include "models/LoopsTableModel.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

namespace lm::ui {

void StarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and selection, drawn by the style
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const bool starred = index.data(LoopsTableModel::StarredRole).toBool();
    painter->save();
    QFont f = opt.font;
    f.setPointSizeF(f.pointSizeF() * 1.25);
    painter->setFont(f);
    // Gold reads on light and dark rows and on the selection; the outline is the row's own text colour, faded.
    QColor outline = opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text);
    outline.setAlphaF(0.45);
    painter->setPen(starred ? QColor(0xE8, 0xA3, 0x17) : outline);
    painter->drawText(opt.rect, Qt::AlignCenter, starred ? QStringLiteral("★") : QStringLiteral("☆"));
    painter->restore();
}

QSize StarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(28, 0));
}

bool StarDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                               const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() == Qt::LeftButton && option.rect.contains(e->position().toPoint())) {
            Q_EMIT starClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace lm::ui
