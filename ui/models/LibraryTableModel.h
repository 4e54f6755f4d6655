#pragma once
// The library as a table: one row per file, fetched lazily from the database
// in pages, so that tens of thousands of files never become widgets at once.
#include "core/library/LibraryReader.h"

#include "PagedTableModel.h"

#include <vector>

namespace lm::ui {

constexpr int kLibraryColumns = 8; // checked against Column::ColumnCount below

class LibraryTableModel : public PagedRowsModel<FileRow, FileQuery, kLibraryColumns> {
    Q_OBJECT
public:
    enum Column { Path, Kind, Bars, Tempo, Metre, WindowsKept, BestScore, Status, ColumnCount };
    static_assert(ColumnCount == kLibraryColumns);
    enum Role { FullPathRole = Qt::UserRole + 1, StatusRole };

    explicit LibraryTableModel(QObject* parent = nullptr);

    // setLibrary, setQuery and sort come from PagedRowsModel: filters and order
    // run in SQL over the whole library, then rows are fetched lazily.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    int64_t totalFiles() const { return totalRows(); }

protected:
    int64_t count(LibraryReader& db, const FileQuery& query) override;
    std::vector<FileRow> load(LibraryReader& db, const FileQuery& query, int64_t offset, int64_t limit) override;
};

} // namespace lm::ui
