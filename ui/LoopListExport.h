#pragma once
// Export from a loop list (the loops panel's table): the "Export Selected…"
// action (in the list's context menu and the File menu) that batch-exports
// the selected loops to a folder, and dragging the selection out as files.
// The list's rows give their loop id (core/model/LoopId text) in `idRole`.
#include "core/model/LoopId.h"

#include <QObject>
#include <vector>

class QAction;
class QAbstractItemView;

namespace lm::ui {

class LibrarySession;
class LoopDragStarter;
class LoopExporter;

class LoopListExport : public QObject {
    Q_OBJECT
public:
    LoopListExport(QAbstractItemView* view, int idRole, QObject* parent = nullptr);
    void setSession(LibrarySession* session) { session_ = session; }

    QAction* exportSelectedAction() const { return action_; }
    LoopExporter* exporter() const { return exporter_; }
    LoopDragStarter* dragStarter() const { return drag_; }
    // The selected rows' loops, in row order.
    std::vector<LoopId> selectedIds() const;

private:
    QAbstractItemView* view_;
    int idRole_;
    LibrarySession* session_ = nullptr;
    QAction* action_;
    LoopExporter* exporter_;
    LoopDragStarter* drag_;
};

} // namespace lm::ui
