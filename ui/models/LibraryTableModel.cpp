#include "LibraryTableModel.h"

#include "ui/views/ScoreFormat.h"

#include <QFileInfo>

namespace lm::ui {

LibraryTableModel::LibraryTableModel(QObject* parent) : PagedRowsModel(parent) {}

int64_t LibraryTableModel::count(LibraryReader& db, const FileQuery& query) { return db.countFiles(query); }

std::vector<FileRow> LibraryTableModel::load(LibraryReader& db, const FileQuery& query, int64_t offset, int64_t limit)
{
    return db.fileRows(query, offset, limit);
}

QVariant LibraryTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FileRow& r = row(index.row());
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
    case Metre:
        if (r.assumedFourFour)
            return tr("4/4 (assumed)");
        return QString::fromStdString(r.timeSignatures).section('@', 0, 0);
    case WindowsKept: return qlonglong(r.windowsKept);
    case BestScore:
        if (!r.bestScore)
            return {};
        return sortable ? QVariant(*r.bestScore) : QVariant(formatScore(*r.bestScore));
    case Status:
        if (r.status == "usable")
            return tr("usable");
        // The reason is core's text, shared with the command line: English.
        return tr("%1: %2").arg(r.status == "unusable" ? tr("not usable") : r.status == "error" ? tr("error") : QString::fromStdString(r.status),
                                QString::fromStdString(r.error));
    }
    return {};
}

QVariant LibraryTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, o, role);
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
