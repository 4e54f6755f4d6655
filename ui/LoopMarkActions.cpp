#include "LoopMarkActions.h"

#include "StarDelegate.h"
#include "models/LoopsTableModel.h"

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QTableView>

namespace lm::ui {

LoopMarkActions::LoopMarkActions(QTableView* table, LoopsTableModel* model, QObject* parent)
    : QObject(parent), table_(table), model_(model)
{
    delegate_ = new StarDelegate(table);
    table->setItemDelegateForColumn(LoopsTableModel::Starred, delegate_);
    connect(delegate_, &StarDelegate::starClicked, this, [this](const QModelIndex& i) { report(model_->toggleStars({i})); });
    // Double-click or F2 on the Tags cell edits it; a double-click elsewhere keeps choosing the loop.
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);

    auto* separator = new QAction(table);
    separator->setSeparator(true);
    table->addAction(separator);
    star_ = new QAction(tr("&Star / Unstar"), table);
    star_->setObjectName(QStringLiteral("starAction"));
    star_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    star_->setShortcutContext(Qt::WidgetWithChildrenShortcut); // the table's key, not the window's
    connect(star_, &QAction::triggered, this, [this] { report(model_->toggleStars(table_->selectionModel()->selectedRows())); });
    addTag_ = new QAction(tr("Add &Tag…"), table);
    addTag_->setObjectName(QStringLiteral("addTagAction"));
    connect(addTag_, &QAction::triggered, this, &LoopMarkActions::askTag);
    editTags_ = new QAction(tr("&Edit Tags…"), table);
    editTags_->setObjectName(QStringLiteral("editTagsAction"));
    connect(editTags_, &QAction::triggered, this, [this] {
        const QModelIndex current = table_->currentIndex();
        if (current.isValid())
            table_->edit(model_->index(current.row(), LoopsTableModel::Tags));
    });
    for (QAction* a : {star_, addTag_, editTags_}) {
        a->setEnabled(false);
        table->addAction(a);
    }
    auto follow = [this] {
        const bool any = table_->selectionModel()->hasSelection();
        for (QAction* a : {star_, addTag_, editTags_})
            a->setEnabled(any);
    };
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, follow);
    connect(model, &QAbstractItemModel::modelReset, this, follow);
}

bool LoopMarkActions::addTagToSelection(const QString& tags)
{
    const bool ok = model_->addTags(table_->selectionModel()->selectedRows(), tags);
    report(ok);
    return ok;
}

void LoopMarkActions::askTag()
{
    const int n = int(table_->selectionModel()->selectedRows().size());
    bool ok = false;
    const QString tags = QInputDialog::getText(table_, tr("Add Tag"), tr("Tag for %n loop(s) (several: comma-separated):", nullptr, n),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok && !tags.trimmed().isEmpty())
        addTagToSelection(tags);
}

void LoopMarkActions::report(bool ok)
{
    if (ok || model_->markError().isEmpty())
        return;
    QMessageBox::warning(table_, tr("Favourites and tags"), tr("Not saved: %1").arg(model_->markError()));
    Q_EMIT failed(model_->markError());
}

} // namespace lm::ui
