#pragma once
// A table whose rows live in the library database and are fetched a page at a
// time as the view scrolls. Subclasses say how to count and load rows.
#include <QAbstractTableModel>
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

// The row storage every paged table needs: subclasses give only load(offset, limit).
template <class Row>
class PagedRowsModel : public PagedTableModel {
public:
    using PagedTableModel::PagedTableModel;

protected:
    virtual std::vector<Row> load(int64_t offset, int64_t limit) = 0;
    const Row& row(int i) const { return rows_[size_t(i)]; }

    void clearRows() override { rows_.clear(); }
    int64_t loadRows(int64_t offset, int64_t limit) override
    {
        staged_ = load(offset, limit);
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
    std::vector<Row> rows_, staged_;
};

} // namespace lm::ui
