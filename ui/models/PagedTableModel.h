#pragma once
// A table whose rows live in the library database and are fetched a page at a
// time as the view scrolls. Subclasses say how to count and load rows.
#include <QAbstractTableModel>
#include <cstdint>

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

} // namespace lm::ui
