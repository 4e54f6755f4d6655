#pragma once
// Every mined loop (kept window) of the library: score, file, start bar,
// tempo, note density, unique pitch. Filters and order run in SQL.
#include "PagedTableModel.h"

#include "core/io/LibraryDb.h"

#include <vector>

namespace lm::ui {

class LoopsTableModel : public PagedRowsModel<LoopRow> {
    Q_OBJECT
public:
    enum Column { Score, File, StartBar, Tempo, NoteDensity, UniquePitch, ColumnCount };
    enum Role { FullPathRole = Qt::UserRole + 1, StartBarRole };

    explicit LoopsTableModel(QObject* parent = nullptr);
    void setLibrary(LibraryDb* db);
    void setQuery(const LoopQuery& query);
    const LoopQuery& query() const { return query_; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    int64_t countRows() override;
    std::vector<LoopRow> load(int64_t offset, int64_t limit) override;

private:
    LibraryDb* db_ = nullptr;
    LoopQuery query_;
};

} // namespace lm::ui
