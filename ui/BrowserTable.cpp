#include "BrowserTable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QVBoxLayout>
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

void layOutBrowserPanel(QWidget* panel, QLineEdit* filter, QHBoxLayout* controls, QTableView* table)
{
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filter);
    layout->addLayout(controls);
    layout->addWidget(table, 1);
}

} // namespace lm::ui
