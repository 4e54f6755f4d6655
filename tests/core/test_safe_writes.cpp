// Safe writes on a full disk, made with a file-size limit (RLIMIT_FSIZE, which
// works for root too, unlike a read-only folder): every write fails with a
// message naming the file, and what was there before stays whole.
#include "Fixtures.h"

#include "core/base/FileBytes.h"
#include "core/library/LibraryDb.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

using namespace lm;

namespace {

// Runs f with writes limited to `bytes` per file; SIGXFSZ is ignored so a
// write past the limit fails with EFBIG instead of killing the process.
template <typename F>
auto withFileSizeLimit(rlim_t bytes, F&& f)
{
    struct rlimit old {};
    ::getrlimit(RLIMIT_FSIZE, &old);
    auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &small);
    auto result = f();
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    return result;
}

QStringList filesIn(const QString& dir) { return QDir(dir).entryList(QDir::Files | QDir::Hidden); }

} // namespace

class TestSafeWrites : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bytesAndMidiFilesOnAFullDisk()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("song.mid").toStdString();
        const MidiFile before = test::makeGroove(1);
        QVERIFY(writeMidiFile(path, before).ok());
        const MidiFile bigger = test::makeGroove(2);
        auto r = withFileSizeLimit(512, [&] { return writeMidiFile(path, bigger); });
        QVERIFY(!r.ok());
        QVERIFY2(r.error().toString().find("song.mid") != std::string::npos, r.error().toString().c_str());
        auto back = readMidiFile(path);
        QVERIFY(back.ok());
        QVERIFY(encodeMidi(*back) == encodeMidi(before));
        QCOMPARE(filesIn(tmp.path()), QStringList{"song.mid"}); // no temp file left

        const std::string data = tmp.filePath("data.bin").toStdString();
        QVERIFY(writeFileAtomically(data, std::vector<uint8_t>(100, 7)).ok());
        auto w = withFileSizeLimit(1000, [&] { return writeFileAtomically(data, std::vector<uint8_t>(5000, 9)); });
        QVERIFY(!w.ok());
        auto kept = readFileBytes(data, 1 << 20);
        QVERIFY(kept.ok() && *kept == std::vector<uint8_t>(100, 7));
    }

    void libraryImportOnAFullDisk()
    {
        QTemporaryDir tmp;
        const QString first = tmp.filePath("first"), more = tmp.filePath("more"), db = tmp.filePath("lib.sqlite");
        QDir().mkpath(first);
        QDir().mkpath(more);
        test::writeCollection(first.toStdString(), 20, 1);
        test::writeCollection(more.toStdString(), 400, 2);
        QProcess scan;
        scan.start(LM_CLI, {"scan", first, "--db", db, "--quiet"});
        QVERIFY(scan.waitForFinished(60000) && scan.exitCode() == 0);
        int64_t before = 0;
        {
            auto lib = LibraryDb::open(db.toStdString());
            QVERIFY(lib.ok());
            before = (*lib)->counts().files;
        }
        QCOMPARE(before, int64_t(20));
        const qint64 size = QFileInfo(db).size();
        // The next import may grow each file by 64 KiB at most: it cannot finish.
        QProcess full;
        full.setChildProcessModifier([size] {
            std::signal(SIGXFSZ, SIG_IGN);
            struct rlimit l {};
            ::getrlimit(RLIMIT_FSIZE, &l);
            l.rlim_cur = rlim_t(size + 65536);
            ::setrlimit(RLIMIT_FSIZE, &l);
        });
        full.start(LM_CLI, {"scan", first, more, "--db", db, "--quiet"});
        QVERIFY(full.waitForFinished(120000));
        const QByteArray err = full.readAllStandardError();
        QCOMPARE(full.exitCode(), 1);
        QVERIFY2(err.contains("lib.sqlite"), err.constData());
        auto lib = LibraryDb::open(db.toStdString());
        QVERIFY(lib.ok());
        QVERIFY((*lib)->integrityCheck().ok());
        QVERIFY((*lib)->counts().files >= before); // what was committed is all there
        FileQuery firstOnly;
        firstOnly.text = "/first/";
        QCOMPARE((*lib)->countFiles(firstOnly), int64_t(20));
        // With room again, a re-run finishes the job.
        QProcess again;
        again.start(LM_CLI, {"scan", first, more, "--db", db, "--quiet"});
        QVERIFY(again.waitForFinished(120000) && again.exitCode() == 0);
        QCOMPARE((*lib)->counts().files, int64_t(420));
        qInfo("full disk: scan exited 1 with: %s", err.trimmed().constData());
    }
};

QTEST_GUILESS_MAIN(TestSafeWrites)
#include "test_safe_writes.moc"
