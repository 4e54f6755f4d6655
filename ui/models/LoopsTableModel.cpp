#include "LoopsTableModel.h"

#include "core/model/LoopId.h"
#include "ui/views/ScoreFormat.h"

#include <QFileInfo>

#include <algorithm>

namespace lm::ui {

namespace {

// A to Z, case-insensitive: the order the library gives them in (COLLATE NOCASE).
void sortTags(std::vector<std::string>& tags)
{
    std::sort(tags.begin(), tags.end(), [](const std::string& a, const std::string& b) {
        return QString::fromStdString(a).compare(QString::fromStdString(b), Qt::CaseInsensitive) < 0;
    });
}

} // namespace

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
    if (role == StarredRole)
        return r.starred;
    if (role == Qt::EditRole && index.column() == Tags)
        return QString::fromStdString(joinTags(r.tags));
    if (role == Qt::ToolTipRole && index.column() == Starred)
        return r.starred ? tr("Favourite: click or press Ctrl+D to unstar") : tr("Click or press Ctrl+D to star");
    if (role == Qt::ToolTipRole && index.column() == Tags)
        return tr("Tags, comma-separated: double-click or F2 to edit");
    if (role == Qt::ToolTipRole)
        return generated ? tr("Generated loop %1 (model %2)").arg(QString::fromStdString(r.id.text()), QString::fromStdString(r.model))
                         : QString::fromStdString(r.path);
    if (role == Qt::TextAlignmentRole && index.column() == Starred)
        return int(Qt::AlignCenter);
    if (role == Qt::TextAlignmentRole && index.column() != File && index.column() != Tags)
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
    case Starred: return r.starred ? QStringLiteral("★") : QStringLiteral("☆");
    case Tags: return QString::fromStdString(joinTags(r.tags));
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
    case Starred: return QStringLiteral("★");
    case Tags: return tr("Tags");
    }
    return {};
}

Qt::ItemFlags LoopsTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = PagedTableModel::flags(index);
    if (index.isValid() && index.column() == Tags && marks_)
        f |= Qt::ItemIsEditable;
    return f;
}

bool LoopsTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!marks_ || role != Qt::EditRole || !index.isValid() || index.column() != Tags || index.row() >= rowCount())
        return false;
    markError_.clear();
    LoopRow& r = mutableRow(index.row());
    const std::vector<std::string> tags = cleanTags(value.toString().toStdString());
    if (auto ok = marks_->setTags(r.id, tags); !ok) {
        markError_ = QString::fromStdString(ok.error().toString());
        return false;
    }
    r.tags = tags;
    sortTags(r.tags);
    rowsMarked({index.row()}, Tags);
    return true;
}

std::vector<int> LoopsTableModel::distinctRows(const QModelIndexList& rows) const
{
    std::vector<int> out;
    for (const QModelIndex& i : rows)
        if (i.isValid() && i.row() < rowCount() && std::find(out.begin(), out.end(), i.row()) == out.end())
            out.push_back(i.row());
    return out;
}

void LoopsTableModel::rowsMarked(const std::vector<int>& rows, int column)
{
    for (int r : rows)
        Q_EMIT dataChanged(index(r, column), index(r, column));
    Q_EMIT marksChanged();
}

bool LoopsTableModel::toggleStars(const QModelIndexList& rows)
{
    markError_.clear();
    const std::vector<int> list = distinctRows(rows);
    if (!marks_ || list.empty())
        return false;
    const bool star = std::any_of(list.begin(), list.end(), [this](int r) { return !row(r).starred; });
    std::vector<LoopId> ids;
    for (int r : list)
        ids.push_back(row(r).id);
    if (auto ok = marks_->setStarred(ids, star); !ok) {
        markError_ = QString::fromStdString(ok.error().toString());
        return false;
    }
    for (int r : list)
        mutableRow(r).starred = star;
    rowsMarked(list, Starred);
    return true;
}

bool LoopsTableModel::addTags(const QModelIndexList& rows, const QString& commaSeparated)
{
    markError_.clear();
    const std::vector<int> list = distinctRows(rows);
    const std::vector<std::string> tags = cleanTags(commaSeparated.toStdString());
    if (!marks_ || list.empty() || tags.empty())
        return false;
    std::vector<LoopId> ids;
    for (int r : list)
        ids.push_back(row(r).id);
    if (auto ok = marks_->addTags(ids, tags); !ok) {
        markError_ = QString::fromStdString(ok.error().toString());
        return false;
    }
    for (int r : list) {
        std::vector<std::string>& have = mutableRow(r).tags;
        have.insert(have.end(), tags.begin(), tags.end());
        have = cleanTags(have);
        sortTags(have);
    }
    rowsMarked(list, Tags);
    return true;
}

int LoopsTableModel::rowOf(const LoopId& id) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (row(r).id == id)
            return r;
    return -1;
}

} // namespace lm::ui
