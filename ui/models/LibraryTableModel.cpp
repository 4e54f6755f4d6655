#include "LibraryTableModel.h"

#include <QFileInfo>

namespace lm::ui {

LibraryTableModel::LibraryTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LibraryTableModel::setLibrary(LibraryDb* db)
{
    db_ = db;
    reload();
}

void LibraryTableModel::reload()
{
    // No fetching while a change is announced: a proxy or view asking for
    // more rows from inside modelReset would nest an insertion in the reset.
    busy_ = true;
    beginResetModel();
    rows_.clear();
    total_ = db_ ? db_->countFiles(query_) : 0;
    endResetModel();
    busy_ = false;
    fetchMore({}); // the first page, at once
}

void LibraryTableModel::setQuery(const FileQuery& query)
{
    query_ = query;
    reload();
}

void LibraryTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    query_.order = FileQuery::Order(column); // the columns are in the order of FileQuery::Order
    query_.descending = order == Qt::DescendingOrder;
    reload();
}

int LibraryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int LibraryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool LibraryTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && db_ && !busy_ && int64_t(rows_.size()) < total_;
}

void LibraryTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto more = db_->fileRows(query_, int64_t(rows_.size()), kPage);
    if (more.empty()) {
        total_ = int64_t(rows_.size()); // the library shrank under us
        return;
    }
    busy_ = true; // views ask canFetchMore() from inside the insertion signals
    beginInsertRows({}, int(rows_.size()), int(rows_.size() + more.size()) - 1);
    for (auto& r : more)
        rows_.push_back(std::move(r));
    endInsertRows();
    busy_ = false;
}

QVariant LibraryTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(rows_.size()))
        return {};
    const FileRow& r = rows_[size_t(index.row())];
    if (role == FullPathRole)
        return QString::fromStdString(r.path);
    if (role == StatusRole)
        return QString::fromStdString(r.status);
    if (role == Qt::ToolTipRole)
        return r.error.empty() ? QString::fromStdString(r.path)
                               : QString::fromStdString(r.path + "\n" + r.error);
    if (role == Qt::TextAlignmentRole && index.column() != Path && index.column() != Status)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool sortable = role == Qt::EditRole;
    switch (index.column()) {
    case Path: return QFileInfo(QString::fromStdString(r.path)).fileName();
    case Kind: return QString::fromStdString(r.kind).toUpper();
    case Bars: return r.bars > 0 ? QVariant(qlonglong(r.bars)) : QVariant();
    case Tempo: return r.tempoBpm > 0 ? QVariant(sortable ? r.tempoBpm : qRound(r.tempoBpm * 10) / 10.0) : QVariant();
    case Metre: return QString::fromStdString(r.timeSignatures).section('@', 0, 0);
    case WindowsKept: return qlonglong(r.windowsKept);
    case BestScore: return r.bestScore ? QVariant(*r.bestScore) : QVariant();
    case Status:
        return r.status == "usable" ? tr("usable") : QString::fromStdString(r.status + ": " + r.error);
    }
    return {};
}

QVariant LibraryTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case Path: return tr("File");
    case Kind: return tr("Kind");
    case Bars: return tr("Bars");
    case Tempo: return tr("Tempo");
    case Metre: return tr("Metre");
    case WindowsKept: return tr("Windows kept");
    case BestScore: return tr("Best loop score");
    case Status: return tr("Status");
    }
    return {};
}

} // namespace lm::ui
