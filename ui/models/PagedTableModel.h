#pragma once
// A table whose rows live in the library database and are fetched a page at a
// time as the view scrolls. Subclasses say how to count and load rows.
#include <QAbstractTableModel>

namespace lm {
class LibraryReader;
}
#include <cstdint>
#include <vector>

namespace lm::ui {

class PagedTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPage = 512;
    using QAbstractTableModel::QAbstractTableModel;

    // Counts again and drops the loaded rows; the first page is loaded at once.
    void reload();
    int64_t totalRows() const { return total_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

protected:
    virtual int64_t countRows() = 0;                  // 0 when there is no library
    virtual void clearRows() = 0;
    virtual int64_t loadRows(int64_t offset, int64_t limit) = 0; // into a staging area; returns how many
    virtual void appendLoaded() = 0;                  // moves the staged rows in
    virtual int64_t loadedRows() const = 0;

private:
    int64_t total_ = 0;
    bool busy_ = false; // a reset or an insertion is being announced
};

// What every library table shares: the library, a query whose Order enum
// follows the columns, sorting by column in SQL, and the row storage.
// Subclasses give count() and load(offset, limit) and how rows look.
template <class Row, class Query, int Columns>
class PagedRowsModel : public PagedTableModel {
public:
    using PagedTableModel::PagedTableModel;

    // Shows the library at `db` (not owned); nullptr clears.
    void setLibrary(LibraryReader* db)
    {
        db_ = db;
        reload();
    }
    void setQuery(const Query& query)
    {
        query_ = query;
        reload();
    }
    const Query& query() const { return query_; }

    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : Columns; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override
    {
        if (column < 0 || column >= Columns)
            return;
        query_.order = typename Query::Order(column);
        query_.descending = order == Qt::DescendingOrder;
        reload();
    }

protected:
    virtual int64_t count(LibraryReader& db, const Query& query) = 0;
    virtual std::vector<Row> load(LibraryReader& db, const Query& query, int64_t offset, int64_t limit) = 0;
    const Row& row(int i) const { return rows_[size_t(i)]; }
    Row& mutableRow(int i) { return rows_[size_t(i)]; } // a loaded row changed in place (no reload)
    LibraryReader* library() const { return db_; }

    int64_t countRows() override { return db_ ? count(*db_, query_) : 0; }
    void clearRows() override { rows_.clear(); }
    int64_t loadRows(int64_t offset, int64_t limit) override
    {
        staged_ = db_ ? load(*db_, query_, offset, limit) : std::vector<Row>{};
        return int64_t(staged_.size());
    }
    void appendLoaded() override
    {
        for (auto& r : staged_)
            rows_.push_back(std::move(r));
        staged_.clear();
    }
    int64_t loadedRows() const override { return int64_t(rows_.size()); }

private:
    LibraryReader* db_ = nullptr;
    Query query_;
    std::vector<Row> rows_, staged_;
};

} // namespace lm::ui
