#pragma once
// Every mined loop (kept window) of the library, and the generated loops kept
// there: score, file (for a generated loop its model and id), start bar,
// tempo, note density, unique pitch, period (method.md 10.1), and the user's
// star and tags (schema 6). Filters and order run in SQL. The star and the
// tags are written through LoopMarks and changed in the loaded rows in place,
// so that a toggle keeps the selection and the scroll position.
#include "PagedTableModel.h"

#include "core/library/LibraryReader.h"
#include "core/library/LoopMarks.h"

#include <QModelIndexList>
#include <vector>

namespace lm::ui {

constexpr int kLoopsColumns = 9; // checked against Column::ColumnCount below

class LoopsTableModel : public PagedRowsModel<LoopRow, LoopQuery, kLoopsColumns> {
    Q_OBJECT
public:
    // The order of LoopQuery::Order; the view shows Starred first (LoopsPanel).
    enum Column { Score, File, StartBar, Tempo, NoteDensity, UniquePitch, Period, Starred, Tags, ColumnCount };
    static_assert(ColumnCount == kLoopsColumns);
    enum Role { FullPathRole = Qt::UserRole + 1, StartBarRole, LoopIdRole /* "m12", "g3" */, StarredRole };

    explicit LoopsTableModel(QObject* parent = nullptr);
    // Where stars and tags are written (not owned); none: they cannot be changed.
    void setMarks(LoopMarks* marks) { marks_ = marks; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // The Tags column takes "drums, funky" (EditRole).
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Stars the rows when any of them is unstarred, else unstars them all (as
    // a DAW's favourite key does for a selection). False with markError() set on failure.
    bool toggleStars(const QModelIndexList& rows);
    bool addTags(const QModelIndexList& rows, const QString& commaSeparated);
    QString markError() const { return markError_; }
    // The loaded row of the loop, or -1.
    int rowOf(const LoopId& id) const;

Q_SIGNALS:
    void marksChanged(); // stars or tags were written (the tag filter's list may change)

protected:
    int64_t count(LibraryReader& db, const LoopQuery& query) override;
    std::vector<LoopRow> load(LibraryReader& db, const LoopQuery& query, int64_t offset, int64_t limit) override;

private:
    std::vector<int> distinctRows(const QModelIndexList& rows) const;
    void rowsMarked(const std::vector<int>& rows, int column);

    LoopMarks* marks_ = nullptr;
    QString markError_;
};

} // namespace lm::ui
