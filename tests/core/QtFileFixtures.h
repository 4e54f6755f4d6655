#pragma once
// Whole-file reads and writes for tests that compare or plant files.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest>

namespace lm::test {

// The file's bytes, or empty when it cannot be read.
inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes `bytes` as the whole file; fails the running test when it cannot.
inline void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
}

} // namespace lm::test
