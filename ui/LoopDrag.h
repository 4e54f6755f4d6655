#pragma once
// Drag and drop of loops onto a file manager or a DAW: when a drag starts,
// the selected loops are written as .mid files (audio pieces' loops as .wav
// cuts) into a folder of this session's temporary folder, and the drag
// carries their file URLs (text/uri-list). The export options last chosen
// in the Export dialog apply (repeat, tempo, bass, drum map).
#include "core/library/LoopExport.h"

#include <QObject>
#include <QPoint>
#include <QString>
#include <QUrl>
#include <functional>
#include <vector>

class QAbstractItemView;
class QMimeData;

namespace lm {
class LibraryDb;
}

namespace lm::ui {

// The export options remembered by ExportDialog (QSettings "export/..."); a
// drum map that cannot be read falls back to General MIDI, with `warning` set.
LoopExportSettings rememberedExportSettings(QString* warning = nullptr);

// This session's folder for dragged files (removed when the program ends).
QString dragFolder();

// Writes the loops into a new folder under dragFolder() and returns mime data
// with their file URLs; nullptr when none could be written (`error` says why).
QMimeData* loopMimeData(LibraryDb& db, const std::vector<LoopId>& ids, const LoopExportSettings& settings,
                        QString* error = nullptr);

// Starts a QDrag from `view` when the mouse moves past the drag distance with
// the left button held on a selected row. `ids` gives the selected loops.
class LoopDragStarter : public QObject {
    Q_OBJECT
public:
    LoopDragStarter(QAbstractItemView* view, std::function<LibraryDb*()> db, std::function<std::vector<LoopId>()> ids);

Q_SIGNALS:
    void dragStarted(const QList<QUrl>& files); // written; the drag follows
    void dragFailed(const QString& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAbstractItemView* view_;
    std::function<LibraryDb*()> db_;
    std::function<std::vector<LoopId>()> ids_;
    QPoint pressAt_;
    bool armed_ = false;
};

} // namespace lm::ui
