#pragma once
// Running the real loopminer-cli from a test: its exit code and output, the
// files a run left in its folder, and the check that a missing input is
// exit 1, named, and creates nothing.
#include <QDir>
#include <QProcess>
#include <QStringList>
#include <QtTest>

namespace lm::test {

struct CliRun {
    int code;
    QByteArray out, err;
};

inline CliRun runCli(const QStringList& args, const QString& workingDir = {}, int timeoutMs = 120000)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(LM_CLI, args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

inline QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

// Runs `args` in an empty folder: exit 1, an error naming `named`, no output, nothing made.
inline void checkMissingInput(const QStringList& args, const QString& named)
{
    QTemporaryDir tmp;
    const CliRun r = runCli(args, tmp.path());
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(entries(tmp.path()), QStringList{});
}

} // namespace lm::test
