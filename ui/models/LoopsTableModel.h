#pragma once
// Every mined loop (kept window) of the library, and the generated loops kept
// there: score, file (for a generated loop its model and id), start bar,
// tempo, note density, unique pitch, period (method.md 10.1). Filters and order run in SQL.
#include "PagedTableModel.h"

#include "core/library/LibraryReader.h"

#include <vector>

namespace lm::ui {

constexpr int kLoopsColumns = 7; // checked against Column::ColumnCount below

class LoopsTableModel : public PagedRowsModel<LoopRow, LoopQuery, kLoopsColumns> {
    Q_OBJECT
public:
    enum Column { Score, File, StartBar, Tempo, NoteDensity, UniquePitch, Period, ColumnCount };
    static_assert(ColumnCount == kLoopsColumns);
    enum Role { FullPathRole = Qt::UserRole + 1, StartBarRole, LoopIdRole /* "m12", "g3" */ };

    explicit LoopsTableModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

protected:
    int64_t count(LibraryReader& db, const LoopQuery& query) override;
    std::vector<LoopRow> load(LibraryReader& db, const LoopQuery& query, int64_t offset, int64_t limit) override;
};

} // namespace lm::ui
