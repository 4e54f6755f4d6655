// Keyboard navigation: Ctrl+1 ... Ctrl+7 show the tabs, Tab reaches every
// control of each panel, F6 moves between the tab area and the piece view,
// the arrows in the loops table move the piece view's window.
#include "GuiFixtures.h"

#include "ui/LibraryPanel.h"
#include "ui/LoopsPanel.h"
#include "ui/look/Look.h"
#include "ui/views/PieceView.h"

#include <QApplication>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace lm;

namespace {
QWidget* resolved(QWidget* w)
{
    while (w && w->focusProxy())
        w = w->focusProxy();
    return w;
}

QString describe(const QWidget* w)
{
    return QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}
} // namespace

class TestKeyboard : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString music_;

    void showActive(ui::MainWindow& w)
    {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }

private Q_SLOTS:
    void initTestCase() { music_ = test::setUpCollection(tmp_.path(), 12, 5); }

    void ctrlDigitShowsThatTab()
    {
        ui::MainWindow w;
        showActive(w);
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("panelTabs"));
        QCOMPARE(tabs->count(), 7);
        for (int i : {6, 0, 3, 1, 5, 2, 4}) {
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(tabs->currentIndex(), i);
            QWidget* focus = QApplication::focusWidget();
            QVERIFY2(focus && tabs->currentWidget()->isAncestorOf(focus), "the focus moves into the tab shown");
        }
    }

    // From the panel's first control, Tab visits every visible, enabled control of that panel.
    void tabReachesEveryControlOfEachPanel()
    {
        ui::MainWindow w;
        QVERIFY(w.openLibrary(tmp_.filePath("tab.sqlite")));
        showActive(w);
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("panelTabs"));
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QWidget* panel = tabs->currentWidget();
            QWidget* first = ui::firstTabStop(panel);
            QVERIFY2(first, qPrintable(tabs->tabText(i)));
            first->setFocus(Qt::TabFocusReason);
            QTRY_COMPARE(QApplication::focusWidget(), first);
            QSet<QWidget*> reached{first};
            for (int step = 0; step < 400; ++step) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QWidget* now = QApplication::focusWidget();
                if (now == first)
                    break; // round the whole window
                reached.insert(now);
            }
            QStringList missed;
            for (QWidget* c : panel->findChildren<QWidget*>())
                if (c->isVisibleTo(&w) && c->isEnabled() && (c->focusPolicy() & Qt::TabFocus) && !reached.contains(resolved(c)))
                    missed << describe(c);
            QVERIFY2(missed.isEmpty(), qPrintable(tabs->tabText(i) + QStringLiteral(": Tab never reaches ") + missed.join(QStringLiteral(", "))));
        }
    }

    void f6MovesBetweenTabsAndPieceView()
    {
        ui::MainWindow w;
        showActive(w);
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QWidget* inTabs = QApplication::focusWidget();
        QVERIFY(inTabs && w.libraryPanel()->isAncestorOf(inTabs));
        QTest::keyClick(inTabs, Qt::Key_F6);
        QVERIFY2(w.pieceView()->isAncestorOf(QApplication::focusWidget()), "F6: to the piece view");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QVERIFY2(w.libraryPanel()->isAncestorOf(QApplication::focusWidget()), "F6 again: back to the panel");
    }

    void arrowsInTheLoopsTableMoveThePieceViewsWindow()
    {
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("arrows.sqlite")));
        showActive(w);
        test::importAndWait(w, music_);
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QTableView* table = w.loopsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 3);
        table->setFocus(Qt::TabFocusReason);
        table->clearSelection();
        table->setCurrentIndex({});
        QTest::keyClick(table, Qt::Key_Down); // no row yet: the first one
        QCOMPARE(table->currentIndex().row(), 0);
        ui::PieceView* piece = w.pieceView();
        auto shown = [piece] { return QStringLiteral("%1 @ %2").arg(piece->currentFile()).arg(piece->selectedWindow()); };
        QTRY_VERIFY(!piece->loading() && piece->selectedWindow() >= 0);
        for (int row = 1; row <= 3; ++row) {
            const QString before = shown();
            QTest::keyClick(table, Qt::Key_Down);
            QCOMPARE(table->currentIndex().row(), row);
            QTRY_VERIFY2(!piece->loading() && shown() != before, qPrintable(before));
        }
    }
};

QTEST_MAIN(TestKeyboard)
#include "test_keyboard.moc"
