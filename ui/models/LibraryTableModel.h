#pragma once
// The library as a table: one row per file, fetched lazily from the database
// in pages, so that tens of thousands of files never become widgets at once.
#include "core/io/LibraryDb.h"

#include <QAbstractTableModel>
#include <vector>

namespace lm::ui {

class LibraryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Path, Kind, Bars, Tempo, Metre, WindowsKept, BestScore, Status, ColumnCount };
    enum Role { FullPathRole = Qt::UserRole + 1, StatusRole };

    explicit LibraryTableModel(QObject* parent = nullptr);

    // Shows the library at `db` (the model does not own it); nullptr clears.
    void setLibrary(LibraryDb* db);
    void reload();
    // Filters and order run in SQL over the whole library, then rows are fetched lazily.
    void setQuery(const FileQuery& query);
    const FileQuery& query() const { return query_; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    int64_t totalFiles() const { return total_; }
    static constexpr int kPage = 512;

private:
    LibraryDb* db_ = nullptr;
    FileQuery query_;
    std::vector<FileRow> rows_;
    int64_t total_ = 0;
    bool busy_ = false; // a reset or an insertion is being announced
};

} // namespace lm::ui
