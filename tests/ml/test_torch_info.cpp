// LibTorch is found, links, and takes the thread count we give it.
#include "core/ml/TorchInfo.h"

#include <QtTest>

class TestTorchInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndThreads()
    {
        const auto info = lm::ml::torchInfo();
        QVERIFY(info.version.rfind("1.", 0) == 0 || info.version.rfind("2.", 0) == 0);
        lm::ml::setTorchThreads(2);
        QCOMPARE(lm::ml::torchInfo().threads, 2);
    }
};

QTEST_GUILESS_MAIN(TestTorchInfo)
#include "test_torch_info.moc"
