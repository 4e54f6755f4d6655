// The main window opens with the app's name, its menu works from the keyboard.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QMenuBar>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithTheAppName()
    {
        lm::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QString("loopminer"));
        QVERIFY(w.menuBar()->actions().size() >= 1);
    }

    void fileMenuHasQuitOnTheStandardShortcut()
    {
        lm::ui::MainWindow w;
        QMenu* file = w.menuBar()->actions().at(0)->menu();
        QVERIFY(file);
        bool found = false;
        for (QAction* a : file->actions())
            found |= a->shortcut() == QKeySequence(QKeySequence::Quit);
        QVERIFY(found);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
