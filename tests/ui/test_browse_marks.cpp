// The browser touches of the loops panel, driven as a user does with QTest on
// a real library (imported grooves at 90, 120 and 140 BPM and generated loops
// at 100, 120 and 150): a click on the star cell and Ctrl+D star loops in
// the library; the ★, tag and tempo filters leave exactly the loops expected;
// tags edited in their cell and added with "Add Tag…" round-trip; File >
// Recent Libraries lists the libraries in order and opens one; a new window
// (a restart, same settings in a temporary XDG config) brings back the loops'
// filters, sort order and the selected loop.
#include "GuiFixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/model/LoopFormat.h"
#include "ui/BrowseMemory.h"
#include "ui/LoopFilters.h"
#include "ui/LoopMarkActions.h"
#include "ui/LoopsPanel.h"
#include "ui/RecentLibraries.h"
#include "ui/models/LoopsTableModel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <map>
#include <set>

using namespace lm;
using namespace lm::test;

namespace {

LoopId addGenerated(LibraryDb& db, double bpm, int seed)
{
    GenerationBatch b;
    b.modelName = "default";
    b.modelDir = "/models/default";
    b.settings.tempoBpm = bpm;
    StoredGeneratedLoop g;
    std::vector<uint64_t> roll(format::kWindowSteps);
    for (int s = 0; s < format::kWindowSteps; ++s)
        roll[size_t(s)] = (uint64_t(1) << ((seed + s) % format::kRows)) | (uint64_t(1) << 56);
    g.loop = GeneratedLoop{roll, 0.0001 * seed, 2.0, 1.0};
    b.loops.push_back(g);
    return db.addGenerationBatch(b, true)->loops.front().loopId();
}

// The ids the panel's table shows (every page).
std::set<std::string> shownIds(ui::LoopsPanel* panel)
{
    ui::LoopsTableModel* m = panel->model();
    while (m->canFetchMore({}))
        m->fetchMore({});
    std::set<std::string> out;
    for (int r = 0; r < m->rowCount(); ++r)
        out.insert(m->index(r, 0).data(ui::LoopsTableModel::LoopIdRole).toString().toStdString());
    return out;
}

// A spin box set as a user does: select its text, type, Enter.
void typeInto(QSpinBox* box, int value)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
    QTest::keyClick(box, Qt::Key_Return);
}

} // namespace

class TestBrowseMarks : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString lib_, music_;
    std::map<int, std::set<std::string>> minedByBpm_;
    LoopId g100_, g120_, g150_;

    std::unique_ptr<LibraryDb> reader() { return std::move(*LibraryDb::open(lib_.toStdString(), LibraryOpen::MustExist)); }

    std::set<std::string> starredInLibrary()
    {
        LoopQuery q;
        q.starredOnly = true;
        std::set<std::string> out;
        for (const LoopRow& r : reader()->loopRows(q, 0, 1000))
            out.insert(r.id.text());
        return out;
    }

    void openLoops(ui::MainWindow& w, const QString& lib)
    {
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(lib));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QTabWidget*>(QStringLiteral("panelTabs"))->setCurrentWidget(w.loopsPanel());
    }

    int rowOf(ui::LoopsPanel* p, const std::string& id)
    {
        shownIds(p);
        return p->model()->rowOf(*LoopId::parse(id));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        music_ = tmp_.filePath("music");
        QDir().mkpath(music_);
        for (int bpm : {90, 120, 140})
            writeFileAtomically((music_ + QStringLiteral("/groove_%1.mid").arg(bpm)).toStdString(),
                                encodeMidi(makeStyledGroove(uint32_t(bpm), bpm)));
        lib_ = tmp_.filePath("lib.sqlite");
        auto db = LibraryDb::open(lib_.toStdString());
        QVERIFY(db.ok());
        JobContext job;
        ImportOptions o;
        o.roots = {music_.toStdString()};
        QVERIFY(importLibrary(**db, o, job));
        for (const LoopRow& r : (*db)->loopRows(LoopQuery{}, 0, 1000))
            minedByBpm_[int(std::lround(r.tempoBpm))].insert(r.id.text());
        QCOMPARE(minedByBpm_.size(), size_t(3));
        g100_ = addGenerated(**db, 100, 1);
        g120_ = addGenerated(**db, 120, 2);
        g150_ = addGenerated(**db, 150, 3);
    }

    void init() { QSettings().clear(); }

    void clickOnTheStarCellTogglesIt()
    {
        ui::MainWindow w;
        openLoops(w, lib_);
        ui::LoopsPanel* panel = w.loopsPanel();
        QTableView* table = panel->table();
        QCOMPARE(table->horizontalHeader()->visualIndex(ui::LoopsTableModel::Starred), 0); // the first column
        const std::string id = *minedByBpm_[120].begin();
        const int row = rowOf(panel, id);
        QVERIFY(row >= 0);
        const QModelIndex star = panel->model()->index(row, ui::LoopsTableModel::Starred);
        table->scrollTo(star);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(star).center());
        QVERIFY(star.data(ui::LoopsTableModel::StarredRole).toBool());
        QCOMPARE(star.data().toString(), QStringLiteral("★"));
        QCOMPARE(starredInLibrary(), std::set<std::string>{id});
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(star).center());
        QVERIFY(!star.data(ui::LoopsTableModel::StarredRole).toBool());
        QCOMPARE(starredInLibrary(), std::set<std::string>{});
    }

    void ctrlDTogglesTheSelection()
    {
        ui::MainWindow w;
        openLoops(w, lib_);
        ui::LoopsPanel* panel = w.loopsPanel();
        QTableView* table = panel->table();
        const int mined = rowOf(panel, *minedByBpm_[90].begin()), generated = rowOf(panel, g150_.text());
        table->selectionModel()->select(panel->model()->index(mined, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(panel->model()->index(generated, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(starredInLibrary(), (std::set<std::string>{*minedByBpm_[90].begin(), g150_.text()}));
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2); // the selection stays
        // Now the ★ filter, clicked: exactly those two.
        QTest::mouseClick(panel->browseFilters()->starredOnly(), Qt::LeftButton);
        QCOMPARE(shownIds(panel), (std::set<std::string>{*minedByBpm_[90].begin(), g150_.text()}));
        QTest::mouseClick(panel->browseFilters()->starredOnly(), Qt::LeftButton);
        // Every one starred: the key unstars them all.
        for (int r : {rowOf(panel, *minedByBpm_[90].begin()), rowOf(panel, g150_.text())})
            table->selectionModel()->select(panel->model()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::keyClick(table, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(starredInLibrary(), std::set<std::string>{});
    }

    void tagsEditAddAndFilter()
    {
        ui::MainWindow w;
        openLoops(w, lib_);
        ui::LoopsPanel* panel = w.loopsPanel();
        QTableView* table = panel->table();
        const std::string mined = *minedByBpm_[140].begin();
        // Inline: double-click the Tags cell, type, Enter.
        const QModelIndex cell = panel->model()->index(rowOf(panel, mined), ui::LoopsTableModel::Tags);
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center()); // the row first
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        auto* editor = table->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("drums, Funky ,drums"));
        QSignalSpy written(panel->model(), &ui::LoopsTableModel::marksChanged);
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next turn of the event loop
        QVERIFY(written.wait(5000));
        QCOMPARE(cell.data().toString(), QStringLiteral("drums, Funky"));
        // "Add Tag…" on the selection (a generated loop and the mined one), through its dialog.
        table->clearSelection();
        for (const std::string& id : {mined, g100_.text()})
            table->selectionModel()->select(panel->model()->index(rowOf(panel, id), 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("fill"));
            dialog->accept();
        });
        panel->marking()->addTagAction()->trigger();
        {
            LoopQuery q;
            q.only = std::vector<LoopId>{*LoopId::parse(mined), g100_};
            std::map<std::string, std::vector<std::string>> tags;
            for (const LoopRow& r : reader()->loopRows(q, 0, 10))
                tags[r.id.text()] = r.tags;
            QCOMPARE(tags[mined], (std::vector<std::string>{"drums", "fill", "Funky"}));
            QCOMPARE(tags[g100_.text()], std::vector<std::string>{"fill"});
        }
        // The tag filter lists the library's tags; choosing one leaves exactly its loops.
        QComboBox* tag = panel->browseFilters()->tagFilter();
        QCOMPARE(tag->count(), 4); // any tag, drums, fill, Funky
        tag->setCurrentIndex(tag->findText(QStringLiteral("fill")));
        QCOMPARE(shownIds(panel), (std::set<std::string>{mined, g100_.text()}));
        tag->setCurrentIndex(tag->findText(QStringLiteral("Funky")));
        QCOMPARE(shownIds(panel), std::set<std::string>{mined});
        tag->setCurrentIndex(0);
        QVERIFY(shownIds(panel).size() > 3);
        QVERIFY(reader()->setTags(*LoopId::parse(mined), {}).ok()); // clean for the other tests
        QVERIFY(reader()->setTags(g100_, {}).ok());
    }

    void tempoRangeFilter()
    {
        ui::MainWindow w;
        openLoops(w, lib_);
        ui::LoopsPanel* panel = w.loopsPanel();
        typeInto(panel->browseFilters()->minTempo(), 110);
        typeInto(panel->browseFilters()->maxTempo(), 130);
        std::set<std::string> want = minedByBpm_[120];
        want.insert(g120_.text());
        QCOMPARE(shownIds(panel), want);
        typeInto(panel->browseFilters()->minTempo(), 120); // inclusive: 120 - 120
        typeInto(panel->browseFilters()->maxTempo(), 120);
        QCOMPARE(shownIds(panel), want);
        typeInto(panel->browseFilters()->maxTempo(), 0); // "any"
        want = minedByBpm_[120];
        want.insert(minedByBpm_[140].begin(), minedByBpm_[140].end());
        want.insert(g120_.text());
        want.insert(g150_.text());
        QCOMPARE(shownIds(panel), want);
    }

    void recentLibrariesInOrder()
    {
        const QString other = tmp_.filePath("other.sqlite"), gone = tmp_.filePath("gone.sqlite");
        ui::MainWindow w;
        w.setShowImportReport(false);
        for (const QString& p : {gone, other, lib_, other})
            QVERIFY(w.openLibrary(p));
        QVERIFY(QFile::remove(gone));
        QMenu* menu = w.recentLibraries()->menu();
        Q_EMIT menu->aboutToShow(); // as the File menu shows it
        QList<QAction*> items;
        for (QAction* a : menu->actions())
            if (a->data().isValid())
                items << a;
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[0]->data().toString(), other); // most recent first, each once
        QCOMPARE(items[1]->data().toString(), lib_);
        QCOMPARE(items[2]->data().toString(), gone);
        QVERIFY(items[0]->isEnabled());
        QVERIFY(!items[2]->isEnabled()); // missing: disabled, named
        QVERIFY(items[2]->toolTip().contains(gone));
        QVERIFY(items[2]->text().contains(QStringLiteral("missing")));
        items[1]->trigger();
        QCOMPARE(w.libraryPath(), lib_);
        QCOMPARE(ui::RecentLibraries::paths().value(0), lib_);
        menu->findChild<QAction*>(QStringLiteral("clearRecent"))->trigger();
        QVERIFY(ui::RecentLibraries::paths().isEmpty());
    }

    void restartRestoresSelectionAndFilters()
    {
        const std::string chosen = *minedByBpm_[120].rbegin();
        {
            ui::MainWindow w;
            openLoops(w, lib_);
            ui::LoopsPanel* panel = w.loopsPanel();
            typeInto(panel->browseFilters()->minTempo(), 100);
            QTest::mouseClick(panel->table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                              QPoint(panel->table()->columnViewportPosition(ui::LoopsTableModel::Tempo) + 10, 5));
            const QModelIndex cell = panel->model()->index(rowOf(panel, chosen), ui::LoopsTableModel::File);
            panel->table()->scrollTo(cell);
            QTest::mouseClick(panel->table()->viewport(), Qt::LeftButton, {}, panel->table()->visualRect(cell).center());
            QCOMPARE(ui::BrowseMemory::remembered(lib_), QStringLiteral("loop:") + QString::fromStdString(chosen));
            QVERIFY(w.close());
        }
        ui::MainWindow again;
        ui::LoopsPanel* panel = again.loopsPanel();
        QCOMPARE(panel->browseFilters()->minTempo()->value(), 100);
        QCOMPARE(panel->table()->horizontalHeader()->sortIndicatorSection(), int(ui::LoopsTableModel::Tempo));
        QCOMPARE(panel->model()->query().order, LoopQuery::Order::Tempo);
        openLoops(again, lib_);
        QVERIFY(again.browseMemory()->restored());
        const QModelIndexList selected = panel->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected[0].data(ui::LoopsTableModel::LoopIdRole).toString().toStdString(), chosen);
        // A reload (an import or a scoring elsewhere) keeps it chosen, without choosing it again.
        QSignalSpy chosenAgain(panel, &ui::LoopsPanel::loopIdChosen);
        panel->reload();
        QCOMPARE(panel->table()->selectionModel()->selectedRows().value(0).data(ui::LoopsTableModel::LoopIdRole).toString().toStdString(),
                 chosen);
        QCOMPARE(chosenAgain.size(), 0);
        // Another library has nothing remembered: nothing is chosen for it.
        QVERIFY(again.openLibrary(tmp_.filePath("fresh.sqlite")));
        QVERIFY(!again.browseMemory()->restored());
    }
};

int main(int argc, char** argv)
{
    // Settings in a folder of their own, as a user's ~/.config would hold them.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("XDG_DATA_HOME", (config.path() + "/data").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("loopminer-test"));
    TestBrowseMarks t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_browse_marks.moc"
