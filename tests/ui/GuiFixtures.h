#pragma once
// What the GUI tests share: a window that imports a folder and waits for it,
// and a test collection in a temporary folder.
#include "../core/Fixtures.h"

#include "ui/MainWindow.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

namespace lm::test {

// Imports `folder` into the window's library and waits for the import to end.
inline void importAndWait(ui::MainWindow& w, const QString& folder)
{
    QSignalSpy done(&w, &ui::MainWindow::importFinished);
    w.importPaths({folder});
    QVERIFY(done.wait(60000));
}

// Test mode for the app's paths, and `count` grooves written to dir/music.
inline QString setUpCollection(const QString& dir, int count, uint32_t seed)
{
    QStandardPaths::setTestModeEnabled(true);
    const QString music = dir + "/music";
    QDir().mkpath(music);
    writeCollection(music.toStdString(), count, seed);
    return music;
}

} // namespace lm::test
