#pragma once
// Filters of the library panel: text in the file name, usable only.
#include <QSortFilterProxyModel>

namespace lm::ui {

class LibraryFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LibraryFilterProxy(QObject* parent = nullptr);
    void setText(const QString& text);
    void setUsableOnly(bool on);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString text_;
    bool usableOnly_ = false;
};

} // namespace lm::ui
