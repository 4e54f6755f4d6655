#include "BrowseMemory.h"

#include "LibraryPanel.h"
#include "LibrarySession.h"
#include "LoopsPanel.h"
#include "views/PieceView.h"

#include <QEvent>
#include <QMainWindow>
#include <QSettings>

namespace lm::ui {

namespace {

// ["loop:m12\t/path/lib.sqlite", "piece:/path/a.mid\t/path/lib.sqlite", ...], latest first:
// plain strings, readable in the settings file.
const QString kKey = QStringLiteral("browse/lastSelection");
constexpr int kLibrariesKept = 50;

} // namespace

BrowseMemory::BrowseMemory(QMainWindow* window, LibrarySession* session, LibraryPanel* library, LoopsPanel* loops,
                           PieceView* piece)
    : QObject(window), session_(session), loops_(loops), piece_(piece)
{
    loops->restoreState();
    window->installEventFilter(this);
    // After the panels' own handlers (connected before): the loops panel has its rows.
    connect(session, &LibrarySession::opened, this, &BrowseMemory::restore);
    connect(loops, &LoopsPanel::loopIdChosen, this,
            [this](const LoopId& id) { remember(QStringLiteral("loop:") + QString::fromStdString(id.text())); });
    connect(library, &LibraryPanel::fileActivated, this,
            [this](const QString& path) { remember(QStringLiteral("piece:") + path); });
}

QString BrowseMemory::remembered(const QString& libraryPath)
{
    for (const QString& entry : QSettings().value(kKey).toStringList()) {
        const int tab = entry.lastIndexOf(QLatin1Char('\t'));
        if (tab > 0 && entry.mid(tab + 1) == libraryPath)
            return entry.left(tab);
    }
    return {};
}

void BrowseMemory::remember(const QString& what)
{
    const QString lib = session_->path();
    if (restoring_ || lib.isEmpty())
        return;
    QSettings settings;
    QStringList list{what + QLatin1Char('\t') + lib};
    for (const QString& entry : settings.value(kKey).toStringList())
        if (!entry.endsWith(QLatin1Char('\t') + lib) && list.size() < kLibrariesKept)
            list.append(entry);
    settings.setValue(kKey, list);
}

void BrowseMemory::restore()
{
    restored_ = false;
    const QString what = remembered(session_->path());
    restoring_ = true;
    if (what.startsWith(QLatin1String("loop:"))) {
        if (const auto id = LoopId::parse(what.mid(5).toStdString()))
            restored_ = loops_->selectLoop(*id); // its piece (or generated roll) is shown by the selection
    } else if (what.startsWith(QLatin1String("piece:")) && session_->db()
               && session_->db()->fileInfo(what.mid(6).toStdString())) {
        piece_->showFile(what.mid(6));
        restored_ = true;
    }
    restoring_ = false;
}

bool BrowseMemory::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Close)
        loops_->saveState();
    return QObject::eventFilter(watched, event);
}

} // namespace lm::ui
