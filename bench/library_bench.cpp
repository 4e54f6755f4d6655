// Library browser at scale: builds a library of N files (default 20,000, with
// 20 windows each), then times opening it in the library panel, a text filter,
// "usable only", and a sort by windows kept, all over the whole library.
//   library_bench [FILES]
#include "core/library/LibraryDb.h"
#include "ui/LibraryPanel.h"
#include "ui/models/LibraryFilterProxy.h"
#include "ui/models/LibraryTableModel.h"

#include <QApplication>

#ifdef LOOPMINER_WITH_TORCH
#include "core/library/Scoring.h"
#include "core/ml/LoopDetector.h"
#endif
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>

using namespace lm;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int files = argc > 1 ? std::atoi(argv[1]) : 20000;
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("big.sqlite").toStdString();
    {
        auto db = LibraryDb::open(path);
        if (!db)
            return 1;
        (*db)->begin();
        for (int i = 0; i < files; ++i) {
            ImportedFile f;
            f.path = "/music/collection/artist_" + std::to_string(i % 700) + "/song_" + std::to_string(i) + ".mid";
            f.size = 1000 + i;
            f.mtimeNs = i;
            f.hash = "0";
            f.status = i % 10 == 0 ? FileStatus::Unusable : FileStatus::Usable;
            f.error = i % 10 == 0 ? "not 4/4" : "";
            f.piece = StoredPiece{480, 90.0 + i % 90, 1, "4/4@0", false, 16 + i % 64, 0};
            for (int w = 0; w < 20; ++w)
                f.windows.push_back(StoredWindow{w, 40, 40, (i + w) % 3 != 0, {}, {}});
            (*db)->store(f);
        }
        (*db)->commit();
    }
    QElapsedTimer t;
    t.start();
    auto db = LibraryDb::open(path);
    ui::LibraryPanel panel;
    panel.resize(900, 700);
    panel.setLibrary(db->get());
    panel.show();
    app.processEvents();
    const double openMs = t.nsecsElapsed() / 1e6;

    auto timed = [&](auto&& action) {
        QElapsedTimer e;
        e.start();
        action();
        app.processEvents();
        return e.nsecsElapsed() / 1e6;
    };
    const double filterMs = timed([&] { panel.filterEdit()->setText(QStringLiteral("song_1999")); });
    const int filtered = panel.proxy()->rowCount();
    const double clearMs = timed([&] { panel.filterEdit()->clear(); });
    const double usableMs = timed([&] { panel.usableOnly()->setChecked(true); });
    const double sortMs = timed([&] { panel.table()->sortByColumn(ui::LibraryTableModel::WindowsKept, Qt::DescendingOrder); });
    std::printf("library of %d files (%d windows)\n", files, files * 20);
    std::printf("open and show the first page: %.1f ms (target under 2000 ms)\n", openMs);
    std::printf("text filter 'song_1999' (%d rows): %.1f ms (target under 100 ms)\n", filtered, filterMs);
    std::printf("clear the filter: %.1f ms\n", clearMs);
    std::printf("usable only: %.1f ms\n", usableMs);
    std::printf("sort by windows kept: %.1f ms\n", sortMs);
#ifdef LOOPMINER_WITH_TORCH
    // Scoring the whole library with the bundled detector, as the app does after an import.
    auto detector = ml::LoopDetector::load(LOOPMINER_DEFAULT_MODEL_DIR);
    if (detector) {
        QElapsedTimer e;
        e.start();
        auto scored = scoreLibrary(**db, *detector, "bench");
        std::printf("score every window with the detector and store the scores: %.0f ms (%lld windows)\n",
                    e.nsecsElapsed() / 1e6, static_cast<long long>(scored ? scored->windows : 0));
        const double bestMs = timed([&] { panel.table()->sortByColumn(ui::LibraryTableModel::BestScore, Qt::AscendingOrder); });
        std::printf("sort by best loop score: %.1f ms\n", bestMs);
    }
#endif
    return 0;
}
