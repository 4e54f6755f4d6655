#include "HelpMenu.h"

#include "AboutDialog.h"
#include "GuideWindow.h"
#include "ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

#include <type_traits>

namespace lm::ui {

QMenu* helpMenu(QMainWindow* window)
{
    QMenuBar* bar = window->menuBar();
    QMenu* help = bar->findChild<QMenu*>(QStringLiteral("helpMenu"), Qt::FindDirectChildrenOnly);
    if (!help) {
        help = new QMenu(QCoreApplication::translate("HelpMenu", "&Help"), bar);
        help->setObjectName(QStringLiteral("helpMenu"));
    }
    bar->addAction(help->menuAction()); // an action the bar has already moves to the end
    return help;
}

namespace {

// One window or dialog of each kind, made on first use and raised after.
template <class W>
void showOnce(QMainWindow* window, const char* name)
{
    auto* w = window->findChild<W*>(QString::fromLatin1(name), Qt::FindDirectChildrenOnly);
    if (!w) {
        w = new W(window);
        w->setObjectName(QString::fromLatin1(name));
    } else if constexpr (std::is_same_v<W, ShortcutsDialog>) {
        w->refresh(); // actions come and go with the panels
    }
    w->show();
    w->raise();
    w->activateWindow();
}

} // namespace

void installHelpMenu(QMainWindow* window)
{
    QMenu* help = helpMenu(window);
    QAction* guide = help->addAction(QCoreApplication::translate("HelpMenu", "&User Guide"));
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents); // F1
    guide->setShortcutContext(Qt::ApplicationShortcut); // also from the guide and the floating dock
    QObject::connect(guide, &QAction::triggered, window, [window] { showOnce<GuideWindow>(window, "guideWindow"); });
    QAction* keys = help->addAction(QCoreApplication::translate("HelpMenu", "&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    QObject::connect(keys, &QAction::triggered, window, [window] { showOnce<ShortcutsDialog>(window, "shortcutsDialog"); });
    help->addSeparator();
    QAction* about = help->addAction(QCoreApplication::translate("HelpMenu", "&About loopminer"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] { showOnce<AboutDialog>(window, "aboutDialog"); });
    QAction* aboutQt = help->addAction(QCoreApplication::translate("HelpMenu", "About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

} // namespace lm::ui
