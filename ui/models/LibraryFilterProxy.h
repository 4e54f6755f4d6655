#pragma once
// The library panel's proxy. Filtering and sorting are handed to the source
// model, which does them in SQL over the whole library; the proxy keeps the
// usual QSortFilterProxyModel interface for the view and the panel.
#include <QSortFilterProxyModel>
#include <optional>

namespace lm::ui {

class LibraryTableModel;

class LibraryFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LibraryFilterProxy(QObject* parent = nullptr);
    void setLibraryModel(LibraryTableModel* model);
    void setText(const QString& text);
    void setUsableOnly(bool on);
    void setKind(const QString& kind); // "midi", "audio" or empty
    // Files whose best loop score lies in [min, max]; nullopt: no bound.
    void setBestScoreRange(std::optional<double> min, std::optional<double> max);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    LibraryTableModel* library_ = nullptr;
};

} // namespace lm::ui
