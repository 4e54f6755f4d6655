#include "PagedTableModel.h"

namespace lm::ui {

void PagedTableModel::reload()
{
    // No fetching while a change is announced: a proxy or view asking for
    // more rows from inside modelReset would nest an insertion in the reset.
    busy_ = true;
    beginResetModel();
    clearRows();
    total_ = countRows();
    endResetModel();
    busy_ = false;
    fetchMore({}); // the first page, at once
}

int PagedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(loadedRows());
}

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !busy_ && loadedRows() < total_;
}

void PagedTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    const int64_t first = loadedRows();
    const int64_t n = loadRows(first, kPage);
    if (n == 0) {
        total_ = first; // the library shrank under us
        return;
    }
    busy_ = true; // views ask canFetchMore() from inside the insertion signals
    beginInsertRows({}, int(first), int(first + n) - 1);
    appendLoaded();
    endInsertRows();
    busy_ = false;
}

} // namespace lm::ui
