#include "LibraryFilterProxy.h"

#include "LibraryTableModel.h"

namespace lm::ui {

LibraryFilterProxy::LibraryFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void LibraryFilterProxy::setLibraryModel(LibraryTableModel* model)
{
    library_ = model;
    setSourceModel(model);
}

void LibraryFilterProxy::setText(const QString& text)
{
    FileQuery q = library_->query();
    q.text = text.toStdString();
    library_->setQuery(q);
}

void LibraryFilterProxy::setUsableOnly(bool on)
{
    FileQuery q = library_->query();
    q.usableOnly = on;
    library_->setQuery(q);
}

void LibraryFilterProxy::setKind(const QString& kind)
{
    FileQuery q = library_->query();
    q.kind = kind.toLower().toStdString();
    library_->setQuery(q);
}

void LibraryFilterProxy::setBestScoreRange(std::optional<double> min, std::optional<double> max)
{
    FileQuery q = library_->query();
    q.minBestScore = min;
    q.maxBestScore = max;
    library_->setQuery(q);
}

void LibraryFilterProxy::sort(int column, Qt::SortOrder order)
{
    library_->sort(column, order); // in SQL, over every row, not only those fetched
}

} // namespace lm::ui
