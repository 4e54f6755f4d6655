#pragma once
// A jackd1 of our own (dummy driver, no sound card), on a server name of its
// own, ended by its process id when the test ends; and an RtMidi input that
// records what arrives.
#include "core/playback/MidiOutput.h"

#include <rtmidi/RtMidi.h>

#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QtTest>

#include <mutex>

namespace lm::test {

inline QString hexBytes(const std::vector<unsigned char>& m)
{
    QStringList bytes;
    for (unsigned char b : m)
        bytes << QString::asprintf("%02x", b);
    return bytes.join(' ');
}

struct JackServer {
    QProcess process;
    QByteArray name;
    ~JackServer()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(2000);
        }
    }
    // Empty when it came up; else why not. Sets JACK_DEFAULT_SERVER for this process and its children.
    QString start(const QString& tag)
    {
        const QString jackd = QStandardPaths::findExecutable("jackd");
        if (jackd.isEmpty())
            return "jackd is not installed (apt-get install jackd1)";
        name = "loopminer-" + tag.toUtf8() + "-" + QByteArray::number(QCoreApplication::applicationPid());
        qputenv("JACK_DEFAULT_SERVER", name);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // A long client timeout (-t, ms): on a loaded machine jackd1 would drop a client that is late.
        process.start(jackd, {"-t", "10000", "-d", "dummy", "-r", "48000", "-p", "32"});
        if (!process.waitForStarted(5000))
            return "jackd did not start";
        for (int i = 0; i < 100 && process.state() == QProcess::Running; ++i) {
            std::string why;
            listMidiOutputs(&why);
            if (why.find("JACK server not running") == std::string::npos)
                return {};
            QTest::qWait(100);
        }
        return "jackd -d dummy did not come up within 10 s";
    }
};

struct Received {
    std::mutex m;
    QStringList messages;
    static void callback(double, std::vector<unsigned char>* message, void* self)
    {
        auto* r = static_cast<Received*>(self);
        std::lock_guard<std::mutex> lock(r->m);
        r->messages << hexBytes(*message);
    }
    QStringList get()
    {
        std::lock_guard<std::mutex> lock(m);
        return messages;
    }
};

// The index of the JACK MIDI port whose name contains `part`, or -1.
inline int findPort(RtMidiIn& in, const std::string& part)
{
    for (unsigned i = 0; i < in.getPortCount(); ++i)
        if (in.getPortName(i).find(part) != std::string::npos)
            return int(i);
    return -1;
}

} // namespace lm::test
