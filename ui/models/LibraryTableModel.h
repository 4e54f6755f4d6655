#pragma once
// The library as a table: one row per file, fetched lazily from the database
// in pages, so that tens of thousands of files never become widgets at once.
#include "core/io/LibraryDb.h"

#include "PagedTableModel.h"
#include <vector>

namespace lm::ui {

class LibraryTableModel : public PagedRowsModel<FileRow> {
    Q_OBJECT
public:
    enum Column { Path, Kind, Bars, Tempo, Metre, WindowsKept, BestScore, Status, ColumnCount };
    enum Role { FullPathRole = Qt::UserRole + 1, StatusRole };

    explicit LibraryTableModel(QObject* parent = nullptr);

    // Shows the library at `db` (the model does not own it); nullptr clears.
    void setLibrary(LibraryDb* db);
    // Filters and order run in SQL over the whole library, then rows are fetched lazily.
    void setQuery(const FileQuery& query);
    const FileQuery& query() const { return query_; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    int64_t totalFiles() const { return totalRows(); }

protected:
    int64_t countRows() override;
    std::vector<FileRow> load(int64_t offset, int64_t limit) override;

private:
    LibraryDb* db_ = nullptr;
    FileQuery query_;
};

} // namespace lm::ui
