#include "LoopsTableModel.h"

#include "core/model/LoopId.h"
#include "ui/views/ScoreFormat.h"

#include <QFileInfo>

namespace lm::ui {

LoopsTableModel::LoopsTableModel(QObject* parent) : PagedRowsModel(parent) {}

int64_t LoopsTableModel::count(LibraryReader& db, const LoopQuery& query) { return db.countLoops(query); }

std::vector<LoopRow> LoopsTableModel::load(LibraryReader& db, const LoopQuery& query, int64_t offset, int64_t limit)
{
    return db.loopRows(query, offset, limit);
}

QVariant LoopsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LoopRow& r = row(index.row());
    const bool generated = r.id.source == LoopId::Source::Generated;
    if (role == FullPathRole)
        return QString::fromStdString(r.path);
    if (role == StartBarRole)
        return qlonglong(r.startBar);
    if (role == LoopIdRole)
        return QString::fromStdString(r.id.text());
    if (role == Qt::ToolTipRole)
        return generated ? tr("Generated loop %1 (model %2)").arg(QString::fromStdString(r.id.text()), QString::fromStdString(r.model))
                         : QString::fromStdString(r.path);
    if (role == Qt::TextAlignmentRole && index.column() != File)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Score: return r.loopScore ? QVariant(formatScore(*r.loopScore)) : QVariant(tr("not scored"));
    case File:
        return generated ? tr("%1 · generated (%2)").arg(QString::fromStdString(r.id.text()), QString::fromStdString(r.model))
                         : QFileInfo(QString::fromStdString(r.path)).fileName();
    case StartBar: return generated ? QVariant() : QVariant(qlonglong(r.startBar + 1)); // bars count from 1 for people
    case Tempo: return qRound(r.tempoBpm);
    case NoteDensity: return formatNumber(r.noteDensity, 2);
    case UniquePitch: return formatNumber(r.uniquePitch, 2);
    case Period: // in bars; none: no period of 1, 2, 4 or 8; empty: not known (generated, or before schema 5)
        return r.period ? (*r.period > 0 ? QVariant(*r.period) : QVariant(tr("none"))) : QVariant();
    }
    return {};
}

QVariant LoopsTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedTableModel::headerData(section, o, role);
    switch (section) {
    case Score: return tr("Loop score");
    case File: return tr("File");
    case StartBar: return tr("Bar");
    case Tempo: return tr("Tempo");
    case NoteDensity: return tr("Note density");
    case UniquePitch: return tr("Unique pitch");
    case Period: return tr("Period");
    }
    return {};
}

} // namespace lm::ui
