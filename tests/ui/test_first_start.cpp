// A new user's first start (issue 16, "First start"), with fresh XDG folders
// of its own: the window opened as main() opens it shows the demo library, the
// bundled model active, the generated loop with the lowest loop score selected
// and shown, the line "Press Space to hear this loop", and Space plays it (a
// recording output on a virtual clock: no sound card here). A second start
// opens the user's library, not the demo; Help > Open Demo Library opens it
// again; a library of the user's is never replaced.
#include "core/library/DemoLibrary.h"
#include "core/library/LibraryDb.h"
#include "core/library/ModelStore.h"
#include "core/playback/PlayerClock.h"
#include "ui/DemoLibrary.h"
#include "ui/LibrarySession.h"
#include "ui/LoopsPanel.h"
#include "ui/MainWindow.h"
#include "ui/audition/Audition.h"
#include "ui/models/LoopsTableModel.h"
#include "ui/views/PieceView.h"

#include <sqlite3.h>

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>

using namespace lm;

namespace {

class CountingOutput final : public MidiOutput {
public:
    explicit CountingOutput(std::shared_ptr<std::atomic<int>> sent) : sent_(std::move(sent)) {}
    Result<bool> send(const std::vector<uint8_t>&) override
    {
        ++*sent_;
        return true;
    }
    std::string name() const override { return "counting"; }

private:
    std::shared_ptr<std::atomic<int>> sent_;
};

// The pick, by SQL from outside the code under test: the kept generated loop with the lowest score.
QString lowestGenerated(const QString& library)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(library.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    QString id;
    if (sqlite3_prepare_v2(db, "SELECT id FROM generated_loops WHERE kept=1 ORDER BY loop_score, id LIMIT 1", -1, &st, nullptr) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        id = "g" + QString::number(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return id;
}

// One statement on a library; the first column of its first row (0 without one), -1 on failure.
int sql(const QString& library, const char* statement)
{
    sqlite3* db = nullptr;
    sqlite3_open(library.toUtf8().constData(), &db);
    sqlite3_stmt* st = nullptr;
    int out = -1;
    if (sqlite3_prepare_v2(db, statement, -1, &st, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(st);
        out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : rc == SQLITE_DONE ? 0 : -1;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

QString selectedLoop(ui::MainWindow& w)
{
    const QModelIndexList rows = w.loopsPanel()->table()->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ui::LoopsTableModel::LoopIdRole).toString();
}

QLabel* banner(ui::MainWindow& w) { return w.loopsPanel()->findChild<QLabel*>(QStringLiteral("demoBanner")); }

QByteArray hashOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

} // namespace

class TestFirstStart : public QObject {
    Q_OBJECT
    QString expected_ = lowestGenerated(QString::fromStdString(shippedDemoLibrary()));

    // The demo is open and shows its pick with the line above the loops table.
    void checkDemoShown(ui::MainWindow& w)
    {
        QCOMPARE(w.libraryPath(), ui::DemoLibrary::userCopyPath());
        QVERIFY(!expected_.isEmpty());
        QCOMPARE(selectedLoop(w), expected_);
        const auto shown = w.pieceView()->generatedLoopShown();
        QVERIFY(shown);
        QCOMPARE(QString::fromStdString(shown->text()), expected_);
        QLabel* line = banner(w);
        QVERIFY(line);
        QVERIFY(line->isVisible());
        QVERIFY2(line->text().startsWith("Press Space to hear this loop"), qPrintable(line->text()));
        QVERIFY(line->text().contains(expected_));
        QCOMPARE(QString::fromStdString(ModelStore::user().activeName()), QStringLiteral("default"));
    }

private Q_SLOTS:
    void firstStartShowsTheDemoAndSpacePlaysIt()
    {
        QVERIFY(ui::DemoLibrary::firstStart());
        QElapsedTimer clock;
        clock.start();
        ui::MainWindow w;
        const bool demo = ui::DemoLibrary::openAtStart(w, false, QString(), QString()); // as main() does
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(demo);
        QTRY_VERIFY(!w.pieceView()->loading());
        qInfo("first start: window to selected loop in %lld ms", static_cast<long long>(clock.elapsed()));
        checkDemoShown(w);
        if (QTest::currentTestFailed())
            return;
        // The roll shown is the pick's own.
        auto db = LibraryDb::open(ui::DemoLibrary::userCopyPath().toStdString());
        QVERIFY(db.ok());
        const auto stored = (*db)->generatedLoop(expected_.mid(1).toLongLong());
        QVERIFY(stored);
        QVERIFY(w.pieceView()->shownLoop().steps == stored->loop.roll);

        auto vclock = std::make_shared<VirtualPlayerClock>();
        auto sent = std::make_shared<std::atomic<int>>(0);
        w.audition()->setClock(vclock);
        w.audition()->setOutputFactory([sent](const OutputChoice&) -> Result<std::unique_ptr<MidiOutput>> {
            return std::unique_ptr<MidiOutput>(new CountingOutput(sent));
        });
        QSignalSpy playing(w.audition(), &ui::Audition::playingChanged);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w.loopsPanel()->table())); // Space reaches the shortcut
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(playing.count(), 1);
        QVERIFY(w.audition()->playing());
        QTRY_VERIFY(*sent > 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
    }

    void secondStartOpensTheUsersLibrary()
    {
        const QString mine = QFileInfo(ui::MainWindow::defaultLibraryPath()).dir().filePath("mine.sqlite");
        {
            ui::MainWindow w;
            QVERIFY(w.openLibrary(mine)); // the user opens a library of their own
        }
        QVERIFY(sql(mine, "INSERT INTO meta(key,value) VALUES('mine','yes')") == 0);
        QVERIFY(!ui::DemoLibrary::firstStart());
        {
            ui::MainWindow w;
            QVERIFY(!ui::DemoLibrary::openAtStart(w, false, QString(), QString()));
            QCOMPARE(w.libraryPath(), mine);
            QVERIFY(!banner(w) || !banner(w)->isVisible());
        }
        // Still the user's library, not the demo's rows over it.
        QCOMPARE(sql(mine, "SELECT count(*) FROM meta WHERE key='mine'"), 1);
        QCOMPARE(sql(mine, "SELECT count(*) FROM meta WHERE key='demo_data_dir'"), 0);
        QCOMPARE(sql(mine, "SELECT count(*) FROM generated_loops"), 0);
    }

    void helpMenuOpensTheDemo()
    {
        ui::MainWindow w;
        QVERIFY(!ui::DemoLibrary::openAtStart(w, false, QString(), QString()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMenu* help = w.menuBar()->findChild<QMenu*>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QAction* open = nullptr;
        for (QAction* a : help->actions())
            if (a->objectName() == QLatin1String("openDemoLibrary"))
                open = a;
        QVERIFY(open);
        QCOMPARE(open->text(), QStringLiteral("Open &Demo Library"));
        // Through the menu: opened from the menu bar, the item chosen with the keyboard.
        w.menuBar()->setActiveAction(help->menuAction());
        QTRY_VERIFY(help->isVisible());
        help->setActiveAction(open);
        QSignalSpy triggered(open, &QAction::triggered);
        QTest::keyClick(help, Qt::Key_Return);
        QTRY_COMPARE(triggered.count(), 1);
        QTRY_VERIFY(!w.pieceView()->loading());
        checkDemoShown(w);
        // Another library opened: the line goes.
        QVERIFY(w.openLibrary(QFileInfo(ui::MainWindow::defaultLibraryPath()).dir().filePath("mine.sqlite")));
        QVERIFY(!banner(w)->isVisible());
    }

    void aLibraryOfTheUsersAtTheDemosNameIsKept()
    {
        const QString copy = ui::DemoLibrary::userCopyPath();
        QFile::remove(copy);
        {
            auto db = LibraryDb::open(copy.toStdString());
            QVERIFY(db.ok());
        }
        const QByteArray before = hashOf(copy);
        ui::MainWindow w;
        const QString mine = QFileInfo(ui::MainWindow::defaultLibraryPath()).dir().filePath("mine.sqlite");
        QVERIFY(w.openLibrary(mine));
        const QString why = ui::DemoLibrary::open(w);
        QVERIFY2(why.contains("not a copy of the demo library"), qPrintable(why));
        QCOMPARE(w.libraryPath(), mine); // what was open stays open
        QCOMPARE(hashOf(copy), before);
    }
};

int main(int argc, char** argv)
{
    // Fresh XDG folders, set before Qt reads them: this user has never run loopminer.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath("data").toUtf8());
    qunsetenv("LOOPMINER_DATA_HOME");
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("loopminer"));
    app.setOrganizationName(QStringLiteral("loopminer"));
    TestFirstStart test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_first_start.moc"
