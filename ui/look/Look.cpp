#include "Look.h"

#include "Theme.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTextEdit>

#include <algorithm>

namespace lm::ui {

namespace {
bool isTabStop(const QWidget* w, const QWidget* container)
{
    return w && container->isAncestorOf(w) && w->isVisibleTo(container->window()) && w->isEnabled()
        && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy();
}

// F6: from anywhere in the tab area to the piece view and back; the piece view
// has nothing to show for some tabs (hidden), then the focus stays.
void switchArea(QTabWidget* tabs, QWidget* piece)
{
    QWidget* focus = QApplication::focusWidget();
    const bool inPiece = focus && (focus == piece || piece->isAncestorOf(focus));
    QWidget* target = inPiece ? firstTabStop(tabs->currentWidget()) : piece->isVisible() ? firstTabStop(piece) : nullptr;
    if (!target && inPiece)
        target = tabs->tabBar();
    if (target)
        target->setFocus(Qt::ShortcutFocusReason);
}

QMenu* viewMenu(QMainWindow* window)
{
    for (QAction* a : window->menuBar()->actions())
        if (a->menu() && a->menu()->objectName() == QLatin1String("viewMenu"))
            return a->menu();
    QMenu* view = window->menuBar()->addMenu(QCoreApplication::translate("lm::ui::Look", "&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    return view;
}
} // namespace

QWidget* firstTabStop(QWidget* container)
{
    if (!container)
        return nullptr;
    int guard = 100000; // the chain is a ring through the window; never more than its widgets
    for (QWidget* w = container->nextInFocusChain(); w && w != container && --guard > 0; w = w->nextInFocusChain())
        if (isTabStop(w, container))
            return w;
    return nullptr;
}

void installLook(QMainWindow* window, QTabWidget* tabs, QWidget* pieceView)
{
    QMenu* view = viewMenu(window);
    Theme::instance()->addMenu(view);
    view->addSeparator();
    // Ctrl+digit: free in this app (File and Edit use Ctrl+O/E/Q/F, Ctrl+Shift+O/E; Why? Ctrl+I).
    for (int i = 0; i < std::min(9, tabs->count()); ++i) {
        QAction* go = view->addAction(QCoreApplication::translate("lm::ui::Look", "Show %1").arg(tabs->tabText(i)));
        go->setObjectName(QStringLiteral("showTab%1").arg(i + 1));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        go->setShortcutContext(Qt::WindowShortcut);
        QObject::connect(go, &QAction::triggered, tabs, [tabs, i] {
            tabs->setCurrentIndex(i);
            if (QWidget* first = firstTabStop(tabs->currentWidget()))
                first->setFocus(Qt::ShortcutFocusReason);
        });
    }
    QAction* area = view->addAction(QCoreApplication::translate("lm::ui::Look", "Switch Between Panel and Piece View"));
    area->setObjectName(QStringLiteral("switchArea"));
    area->setShortcut(QKeySequence(Qt::Key_F6));
    area->setShortcutContext(Qt::WindowShortcut);
    QObject::connect(area, &QAction::triggered, tabs, [tabs, pieceView] { switchArea(tabs, pieceView); });
    // All seven tabs in full at 1280 px; a narrower window takes from both sides (2 : 3), so the piece view keeps its legend at 1024.
    if (auto* split = window->findChild<QSplitter*>(QStringLiteral("mainSplitter"))) {
        split->setStretchFactor(0, 2);
        split->setStretchFactor(1, 3);
        split->setSizes({500, 780});
    }
    // Tab leaves a table or a text box (the arrows move inside): no focus trap of a thousand cells.
    for (auto* v : window->findChildren<QAbstractItemView*>())
        v->setTabKeyNavigation(false);
    for (auto* t : window->findChildren<QTextEdit*>())
        t->setTabChangesFocus(true);
    for (auto* t : window->findChildren<QPlainTextEdit*>())
        t->setTabChangesFocus(true);
    // Fit the screen's free area (a 1280 x 800 laptop less its panel); a saved geometry is restored later.
    if (const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen()) {
        const QSize room = screen->availableGeometry().size() - QSize(0, 40); // the title bar
        window->resize(window->size().boundedTo(room.expandedTo(QSize(800, 560))));
    }
}

} // namespace lm::ui
