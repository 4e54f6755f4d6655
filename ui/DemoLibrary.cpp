#include "DemoLibrary.h"

#include "LibrarySession.h"
#include "LoopsPanel.h"
#include "MainWindow.h"
#include "help/HelpMenu.h"
#include "models/LoopsTableModel.h"
#include "models/ModelsPanel.h"

#include "core/base/DataPaths.h"
#include "core/library/DemoLibrary.h"
#include "core/library/LibraryDb.h"
#include "core/library/ModelStore.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace lm::ui {
namespace {

// The one line above the loops table, made on first use; hidden when another library opens.
QLabel* banner(MainWindow& window)
{
    LoopsPanel* loops = window.loopsPanel();
    if (auto* label = loops->findChild<QLabel*>(QStringLiteral("demoBanner")))
        return label;
    auto* label = new QLabel(loops);
    label->setObjectName(QStringLiteral("demoBanner"));
    label->setStyleSheet(QStringLiteral("QLabel { background: #fff3c4; color: #3a2e00; padding: 6px; font-weight: bold; }"));
    label->setWordWrap(true);
    if (auto* column = qobject_cast<QVBoxLayout*>(loops->layout()))
        column->insertWidget(0, label);
    QObject::connect(window.session(), &LibrarySession::opened, label, [label, session = window.session()] {
        if (session->path() != DemoLibrary::userCopyPath())
            label->hide();
    });
    return label;
}

// Selects the loop in the table (fetching pages until it is there), which shows it in the piece view.
bool selectLoop(LoopsPanel* loops, const LoopId& id)
{
    QTableView* table = loops->table();
    QAbstractItemModel* model = table->model();
    const QString text = QString::fromStdString(id.text());
    for (int row = 0;; ++row) {
        if (row >= model->rowCount()) {
            if (!model->canFetchMore({}))
                return false;
            model->fetchMore({});
            if (row >= model->rowCount())
                return false;
        }
        const QModelIndex i = model->index(row, 0);
        if (i.data(LoopsTableModel::LoopIdRole).toString() == text) {
            table->selectRow(row);
            table->scrollTo(i);
            table->setFocus(); // Space plays from here (a text field would take it as a character)
            return true;
        }
    }
}

} // namespace

QAction* DemoLibrary::addMenuAction(MainWindow* window)
{
    QAction* action = helpMenu(window)->addAction(tr("Open &Demo Library"));
    action->setObjectName(QStringLiteral("openDemoLibrary"));
    action->setStatusTip(tr("Open a library of drum-and-bass grooves, analysed, with loops the default model generated"));
    QObject::connect(action, &QAction::triggered, window, [window] { open(*window); });
    return action;
}

bool DemoLibrary::firstStart() { return !QSettings().contains(QStringLiteral("library/path")); }

QString DemoLibrary::userCopyPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/demo-library.sqlite");
}

QString DemoLibrary::bannerText() { return tr("Press Space to hear this loop"); }

QString DemoLibrary::open(MainWindow& window)
{
    auto fail = [&window](const QString& why) {
        window.statusBar()->showMessage(tr("No demo library: %1").arg(why), 15000);
        return why;
    };
    const auto installed = installDemoLibrary(shippedDemoLibrary(), dataDir(), userCopyPath().toStdString());
    if (!installed)
        return fail(QString::fromStdString(installed.error().toString()));
    // Its scores are the bundled model's, and the bundled model generated its loops.
    ModelStore store = ModelStore::user();
    if (store.activeName() != ModelStore::kBundledName)
        if (auto r = store.activate(ModelStore::kBundledName); !r)
            return fail(QString::fromStdString(r.error().toString()));
    window.setModelDir(QString::fromStdString(store.activeDir()));
    window.modelsPanel()->reload();
    if (!window.openLibrary(userCopyPath()))
        return fail(tr("cannot open %1").arg(userCopyPath()));
    const auto pick = demoPick(*window.session()->db());
    window.showPanel(QStringLiteral("loops"));
    if (!pick || !selectLoop(window.loopsPanel(), *pick))
        return fail(tr("%1 holds no loop").arg(userCopyPath()));
    QLabel* line = banner(window);
    // Short enough for one line in the narrowest loops panel; the piece view names the loop in full.
    const QString what = pick->source == LoopId::Source::Generated ? tr("%1, generated") : tr("%1, mined");
    line->setText(bannerText() + QStringLiteral(": ") + what.arg(QString::fromStdString(pick->text())));
    line->show();
    return {};
}

bool DemoLibrary::openAtStart(MainWindow& window, bool demoOption, const QString& library, const QString& importDir)
{
    const bool demo = demoOption || (library.isEmpty() && importDir.isEmpty() && firstStart());
    if (demo) {
        if (!open(window).isEmpty() && window.libraryPath().isEmpty()) // said in the status bar
            window.openLibrary(MainWindow::defaultLibraryPath());
        return true;
    }
    const QString path = library.isEmpty()
        ? QSettings().value(QStringLiteral("library/path"), MainWindow::defaultLibraryPath()).toString()
        : library;
    if (!window.openLibrary(path))
        window.openLibrary(MainWindow::defaultLibraryPath());
    return false;
}

} // namespace lm::ui
