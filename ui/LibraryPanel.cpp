#include "LibraryPanel.h"

#include "BrowserTable.h"
#include "models/LibraryFilterProxy.h"
#include "models/LibraryTableModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace lm::ui {

LibraryPanel::LibraryPanel(QWidget* parent) : QWidget(parent)
{
    model_ = new LibraryTableModel(this);
    proxy_ = new LibraryFilterProxy(this);
    proxy_->setLibraryModel(model_);
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter by file name (Ctrl+F)"));
    filter_->setClearButtonEnabled(true);
    usableOnly_ = new QCheckBox(tr("Usable only"), this);
    table_ = new QTableView(this);
    table_->setModel(proxy_);
    setUpBrowserTable(table_, LibraryTableModel::Path);
    table_->setColumnWidth(LibraryTableModel::Kind, 48);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(usableOnly_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(table_, 1);

    connect(filter_, &QLineEdit::textChanged, proxy_, &LibraryFilterProxy::setText);
    connect(usableOnly_, &QCheckBox::toggled, proxy_, &LibraryFilterProxy::setUsableOnly);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    Q_EMIT fileActivated(current.data(LibraryTableModel::FullPathRole).toString());
            });
}

void LibraryPanel::setLibrary(LibraryDb* db) { model_->setLibrary(db); }
void LibraryPanel::reload() { model_->reload(); }
void LibraryPanel::focusFilter()
{
    filter_->setFocus();
    filter_->selectAll();
}

void LibraryPanel::selectRow(int proxyRow)
{
    while (proxy_->rowCount() <= proxyRow && model_->canFetchMore({}))
        model_->fetchMore({});
    const QModelIndex idx = proxy_->index(proxyRow, 0);
    if (idx.isValid())
        table_->setCurrentIndex(idx);
}

} // namespace lm::ui
