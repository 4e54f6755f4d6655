// The Help menu on the real window: About through the menu bar shows the
// version and the licences, F1 opens the guide with its sections, and the
// shortcuts table is read from the window's own actions.
#include "ui/MainWindow.h"
#include "ui/help/AboutDialog.h"
#include "ui/help/GuideWindow.h"
#include "ui/help/HelpMenu.h"
#include "ui/help/ShortcutsDialog.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest>

using lm::ui::MainWindow;

namespace {

QMenu* menuOf(MainWindow& w)
{
    for (QAction* a : w.menuBar()->actions())
        if (a->menu() && a->menu()->objectName() == QLatin1String("helpMenu"))
            return a->menu();
    return nullptr;
}

QString tableText(const QTableWidget* t)
{
    QStringList lines;
    for (int r = 0; r < t->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < t->columnCount(); ++c)
            cells << (t->item(r, c) ? t->item(r, c)->text() : QString());
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}

// The row whose first column is `keys`, or -1.
int rowOf(const QTableWidget* t, const QString& keys)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 0) && t->item(r, 0)->text() == keys)
            return r;
    return -1;
}

} // namespace

class TestHelp : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void helpIsTheLastMenuAndShared()
    {
        MainWindow w;
        QMenu* help = menuOf(w);
        QVERIFY(help);
        QCOMPARE(w.menuBar()->actions().last(), help->menuAction());
        // Another part adds a menu after it, then an entry to Help: one Help menu, last again.
        w.menuBar()->addMenu(QStringLiteral("&Language"));
        QCOMPARE(lm::ui::helpMenu(&w), help);
        QCOMPARE(w.menuBar()->actions().last(), help->menuAction());
        int helps = 0;
        for (QAction* a : w.menuBar()->actions())
            helps += a->menu() && a->menu()->objectName() == QLatin1String("helpMenu");
        QCOMPARE(helps, 1);
    }

    void aboutThroughTheMenuBar()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMenu* help = menuOf(w);
        QVERIFY(help);
        // Alt+H opens Help, A (the mnemonic of "&About loopminer") chooses About.
        QTest::keyClick(&w, Qt::Key_H, Qt::AltModifier);
        QTRY_VERIFY(help->isVisible());
        QTest::keyClick(help, Qt::Key_A);
        lm::ui::AboutDialog* about = nullptr;
        QTRY_VERIFY((about = w.findChild<lm::ui::AboutDialog*>(QStringLiteral("aboutDialog"))) && about->isVisible());
        const QString text = about->findChild<QLabel*>(QStringLiteral("aboutText"))->text();
        QVERIFY2(text.contains(QStringLiteral(LM_VERSION)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("GPL-3+")));
        const QString deps = tableText(about->table());
        for (const char* name : {"Qt 6", "LibTorch", "libsndfile", "libsamplerate", "FFTW", "aubio", "RtMidi", "FluidSynth",
                                 "FluidR3_GM", "SQLite", "Gloo"})
            QVERIFY2(deps.contains(QLatin1String(name)), name);
        for (const char* licence : {"LGPL-3", "BSD-3-Clause", "LGPL-2.1+", "BSD-2-Clause", "GPL-2+", "GPL-3+", "MIT", "public domain"})
            QVERIFY2(deps.contains(QLatin1String(licence)), licence);
        for (int r = 0; r < about->table()->rowCount(); ++r) // no library without its licence
            QVERIFY2(!about->table()->item(r, 1)->text().isEmpty(), qPrintable(about->table()->item(r, 0)->text()));
        // Chosen again, the same dialog comes back rather than a second one.
        w.findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
        QCOMPARE(w.findChildren<lm::ui::AboutDialog*>().size(), 1);
    }

    void f1OpensTheGuide()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.findChild<lm::ui::GuideWindow*>());
        QTest::keyClick(&w, Qt::Key_F1);
        auto* guide = w.findChild<lm::ui::GuideWindow*>(QStringLiteral("guideWindow"));
        QVERIFY(guide);
        QVERIFY(guide->isVisible());
        QVERIFY(guide->isWindow());
        QVERIFY(!guide->isModal()); // one works beside it
        // The markdown is rendered: the section titles are headings, not "## " lines.
        QStringList headings;
        for (QTextBlock b = guide->browser()->document()->begin(); b.isValid(); b = b.next())
            if (b.blockFormat().headingLevel() == 2)
                headings << b.text();
        const QStringList expected{QStringLiteral("Import"),  QStringLiteral("Read a piece"),       QStringLiteral("Find loops"),
                                   QStringLiteral("Audition"), QStringLiteral("Train"),              QStringLiteral("Generate"),
                                   QStringLiteral("Explore and Map"), QStringLiteral("Export"),      QStringLiteral("Keyboard shortcuts"),
                                   QStringLiteral("Where files live")};
        QCOMPARE(headings, expected);
        QVERIFY(!guide->browser()->toPlainText().contains(QStringLiteral("## ")));
        QVERIFY(guide->browser()->toPlainText().contains(QStringLiteral("heatmap")));
        // The window still takes keys: Space is not lost to the guide.
        QVERIFY(w.findChild<QShortcut*>(QStringLiteral("playShortcut")));
    }

    void shortcutsComeFromTheActions()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
        auto* d = w.findChild<lm::ui::ShortcutsDialog*>(QStringLiteral("shortcutsDialog"));
        QVERIFY(d);
        QVERIFY(d->isVisible());
        QTableWidget* t = d->table();
        const int space = rowOf(t, QKeySequence(Qt::Key_Space).toString(QKeySequence::NativeText));
        QVERIFY2(space >= 0, qPrintable(tableText(t)));
        QCOMPARE(t->item(space, 1)->text(), QStringLiteral("Play or stop the loop shown"));
        const QString ctrlF = QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText);
        const int find = rowOf(t, ctrlF);
        QVERIFY2(find >= 0, qPrintable(tableText(t)));
        QCOMPARE(t->item(find, 1)->text(), QStringLiteral("Filter"));
        QCOMPARE(t->item(find, 2)->text(), QStringLiteral("Edit"));
        QVERIFY(rowOf(t, QStringLiteral("F1")) >= 0);
        QVERIFY(rowOf(t, QStringLiteral("Ctrl+E")) >= 0);
        QVERIFY(rowOf(t, QStringLiteral("Ctrl+I")) >= 0);
        // Every shortcut the window has says what it does.
        for (const auto& row : lm::ui::ShortcutsDialog::windowShortcuts(&w))
            QVERIFY2(!row.description.isEmpty(), qPrintable(QStringLiteral("%1 has no description").arg(row.keys)));
        // Read from the actions, not written down: a changed shortcut shows when it opens again.
        QAction* findAction = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QKeySequence::Find))
                findAction = a;
        QVERIFY(findAction);
        findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        d->hide();
        w.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
        QCOMPARE(rowOf(t, ctrlF), -1);
        QVERIFY(rowOf(t, QStringLiteral("Ctrl+Shift+L")) >= 0);
    }
};

QTEST_MAIN(TestHelp)
#include "test_help.moc"
