#include "LibraryFilterProxy.h"

#include "LibraryTableModel.h"

namespace lm::ui {

LibraryFilterProxy::LibraryFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void LibraryFilterProxy::setText(const QString& text)
{
    text_ = text;
    invalidateFilter();
}

void LibraryFilterProxy::setUsableOnly(bool on)
{
    usableOnly_ = on;
    invalidateFilter();
}

bool LibraryFilterProxy::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    const QModelIndex idx = sourceModel()->index(row, LibraryTableModel::Path, parent);
    if (usableOnly_ && idx.data(LibraryTableModel::StatusRole).toString() != QLatin1String("usable"))
        return false;
    return text_.isEmpty() || idx.data(LibraryTableModel::FullPathRole).toString().contains(text_, Qt::CaseInsensitive);
}

} // namespace lm::ui
