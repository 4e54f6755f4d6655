#include "BrowserTable.h"

#include <QHeaderView>
#include <QTableView>

namespace lm::ui {

void setUpBrowserTable(QTableView* table, int fileColumn, int sortColumn, Qt::SortOrder order)
{
    table->horizontalHeader()->setSortIndicator(sortColumn, order);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(22);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(fileColumn, 160);
}

} // namespace lm::ui
