#include "LoopListExport.h"

#include "LibrarySession.h"
#include "LoopDrag.h"
#include "LoopExporter.h"

#include <QAbstractItemView>
#include <QAction>
#include <QItemSelectionModel>
#include <algorithm>

namespace lm::ui {

LoopListExport::LoopListExport(QAbstractItemView* view, int idRole, QObject* parent)
    : QObject(parent), view_(view), idRole_(idRole)
{
    action_ = new QAction(tr("E&xport Selected Loops…"), view);
    action_->setObjectName(QStringLiteral("exportSelectedAction"));
    action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    action_->setShortcutContext(Qt::WindowShortcut);
    action_->setEnabled(false);
    action_->setToolTip(tr("Select loops in the Loops panel first"));
    view->addAction(action_);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    exporter_ = new LoopExporter(view->window());
    connect(action_, &QAction::triggered, this, [this] {
        if (session_)
            exporter_->exportWithDialog(session_->db(), selectedIds());
    });
    auto follow = [this] { action_->setEnabled(view_->selectionModel()->hasSelection()); };
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, follow);
    connect(view->model(), &QAbstractItemModel::modelReset, this, follow); // a reload clears the selection silently
    drag_ = new LoopDragStarter(
        view, [this] { return session_ ? session_->db() : nullptr; }, [this] { return selectedIds(); });
}

std::vector<LoopId> LoopListExport::selectedIds() const
{
    QModelIndexList rows = view_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<LoopId> ids;
    for (const QModelIndex& i : rows)
        if (auto id = LoopId::parse(i.data(idRole_).toString().toStdString()))
            ids.push_back(*id);
    return ids;
}

} // namespace lm::ui
