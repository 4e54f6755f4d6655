#include "LoopDrag.h"

#include "core/library/LibraryDb.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

namespace lm::ui {

LoopExportSettings rememberedExportSettings(QString* warning)
{
    QSettings s;
    LoopExportSettings e;
    e.repeat = std::clamp(s.value(QStringLiteral("export/repeat"), 1).toInt(), 1, LoopExportSettings::kMaxRepeat);
    if (s.value(QStringLiteral("export/useTempo"), false).toBool())
        e.bpm = std::clamp(s.value(QStringLiteral("export/tempo"), 120.0).toDouble(), 20.0, 400.0);
    e.bassProgram = std::clamp(s.value(QStringLiteral("export/bassProgram"), 34).toInt(), 0, 127);
    e.atPeriod = s.value(QStringLiteral("export/atPeriod"), false).toBool(); // each loop cut at its period
    const QString map = s.value(QStringLiteral("export/drumMap")).toString();
    if (!map.isEmpty()) {
        auto read = readDrumMapFile(map.toStdString());
        if (read)
            e.drums = *read;
        else if (warning)
            *warning = LoopDragStarter::tr("Drum map not used: %1").arg(QString::fromStdString(read.error().toString()));
    }
    return e;
}

QString dragFolder()
{
    static QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("loopminer-drag-XXXXXX")));
    return dir.path();
}

QMimeData* loopMimeData(LibraryDb& db, const std::vector<LoopId>& ids, const LoopExportSettings& settings, QString* error)
{
    static int drag = 0;
    const QString folder = QDir(dragFolder()).filePath(QString::number(++drag)); // earlier drags' files stay
    if (dragFolder().isEmpty() || !QDir().mkpath(folder)) {
        if (error)
            *error = LoopDragStarter::tr("Cannot make a temporary folder for the dragged files");
        return nullptr;
    }
    std::vector<LoopInfo> infos;
    QStringList errors;
    for (const LoopId& id : ids) {
        auto info = loopInfo(db, id);
        if (info)
            infos.push_back(*info);
        else
            errors << QString::fromStdString(info.error().toString());
    }
    const std::vector<std::string> paths = exportPaths(infos, settings, folder.toStdString());
    LoopRollReader reader;
    QList<QUrl> urls;
    for (size_t i = 0; i < infos.size(); ++i) {
        auto roll = reader.read(infos[i]);
        auto written = roll ? writeLoopFile(*roll, settings, paths[i], false) : Result<bool>(roll.error());
        if (written)
            urls << QUrl::fromLocalFile(QString::fromStdString(paths[i]));
        else
            errors << QString::fromStdString(written.error().toString());
    }
    if (error)
        *error = errors.join(QLatin1Char('\n'));
    if (urls.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

LoopDragStarter::LoopDragStarter(QAbstractItemView* view, std::function<LibraryDb*()> db,
                                 std::function<std::vector<LoopId>()> ids)
    : QObject(view), view_(view), db_(std::move(db)), ids_(std::move(ids))
{
    // Drag enabled, as for any view that drags: a press on a row of a
    // multi-selection leaves the selection to the release (the view starts no
    // drag of its own: the model's rows are not draggable).
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    view->viewport()->installEventFilter(this);
}

bool LoopDragStarter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        auto* e = static_cast<QMouseEvent*>(event);
        armed_ = e->button() == Qt::LeftButton && view_->indexAt(e->position().toPoint()).isValid()
            && view_->selectionModel()->isRowSelected(view_->indexAt(e->position().toPoint()).row(), {})
            && !(e->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier));
        pressAt_ = e->position().toPoint();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        armed_ = false;
    } else if (event->type() == QEvent::MouseMove && armed_) {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!(e->buttons() & Qt::LeftButton) || (e->position().toPoint() - pressAt_).manhattanLength() < QApplication::startDragDistance())
            return false;
        armed_ = false;
        LibraryDb* db = db_();
        const std::vector<LoopId> ids = ids_();
        if (!db || ids.empty())
            return false;
        QString error;
        QMimeData* mime = loopMimeData(*db, ids, rememberedExportSettings(), &error);
        if (!mime) {
            Q_EMIT dragFailed(error);
            return true;
        }
        Q_EMIT dragStarted(mime->urls());
        auto* drag = new QDrag(view_);
        drag->setMimeData(mime);
        drag->exec(Qt::CopyAction);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lm::ui
