// The library map's layouts (core/library/MapLayout) against scikit-learn
// (Debian's python3-sklearn, tools/reference/tsne_reference.py): our
// trustworthiness equals sklearn.manifold.trustworthiness on the same layout,
// our PCA axes are sklearn's (up to sign), and our exact t-SNE keeps
// neighbours as well as sklearn's exact t-SNE on the same points.
#include "core/library/MapLayout.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace lm;

namespace {

// Four Gaussian clusters of 40 points in 10-D.
PointSet clusters()
{
    std::mt19937 rng(3);
    std::normal_distribution<float> n;
    PointSet p;
    p.dim = 10;
    for (int c = 0; c < 4; ++c) {
        std::vector<float> centre(10);
        for (float& v : centre)
            v = 4 * n(rng);
        for (int i = 0; i < 40; ++i)
            for (int d = 0; d < 10; ++d)
                p.rows.push_back(centre[size_t(d)] + n(rng));
    }
    return p;
}

bool writeCsv(const QString& path, const std::vector<double>& values, int cols)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (size_t i = 0; i < values.size(); ++i)
        f.write(QByteArray::number(values[i], 'g', 17) + ((i + 1) % size_t(cols) == 0 ? "\n" : ","));
    return true;
}

} // namespace

class TestMapLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trustworthinessOfAPerfectAndABadLayout()
    {
        const PointSet p = clusters();
        std::vector<double> same; // the first two coordinates of points on a line: exact neighbours
        PointSet line;
        line.dim = 1;
        for (int i = 0; i < 50; ++i) {
            line.rows.push_back(float(i));
            same.push_back(i);
            same.push_back(0);
        }
        QCOMPARE(trustworthiness(50, euclidean(line), same, 5), 1.0);
        std::vector<double> shuffled = same;
        std::mt19937 rng(1);
        for (size_t i = 49; i > 0; --i)
            std::swap(shuffled[2 * i], shuffled[2 * (rng() % (i + 1))]);
        QVERIFY(trustworthiness(50, euclidean(line), shuffled, 5) < 0.8);
        QCOMPARE(pcaLayout(p).size(), p.size() * 2);
    }

    void matchesScikitLearn()
    {
        const PointSet p = clusters();
        const std::vector<double> pca = pcaLayout(p), tsne = tsneLayout(p);
        QCOMPARE(tsne.size(), p.size() * 2);
        QTemporaryDir tmp;
        QVERIFY(writeCsv(tmp.filePath("points.csv"), std::vector<double>(p.rows.begin(), p.rows.end()), p.dim));
        QVERIFY(writeCsv(tmp.filePath("pca.csv"), pca, 2));
        QVERIFY(writeCsv(tmp.filePath("tsne.csv"), tsne, 2));
        QProcess py;
        py.start("/usr/bin/python3", {LM_SOURCE_DIR "/tools/reference/tsne_reference.py", "--points", tmp.filePath("points.csv"),
                                      "--pca", tmp.filePath("pca.csv"), "--tsne", tmp.filePath("tsne.csv")});
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
        const double ourTsne = trustworthiness(p.size(), euclidean(p), tsne, 10);
        const double ourPca = trustworthiness(p.size(), euclidean(p), pca, 10);
        qInfo("trustworthiness (k = 10): our t-SNE %.4f (sklearn's measure %.4f), sklearn's exact t-SNE %.4f; "
              "PCA %.4f (sklearn %.4f)", ourTsne, o["trust_ours_tsne"].toDouble(), o["trust_sklearn_tsne"].toDouble(), ourPca,
              o["trust_sklearn_pca"].toDouble());
        QVERIFY(std::abs(ourTsne - o["trust_ours_tsne"].toDouble()) < 1e-9);
        QVERIFY(std::abs(ourPca - o["trust_ours_pca"].toDouble()) < 1e-9);
        for (const auto& c : o["pca_axis_correlation"].toArray())
            QVERIFY2(c.toDouble() > 0.999, qPrintable(QString::number(c.toDouble())));
        QVERIFY(std::abs(ourPca - o["trust_sklearn_pca"].toDouble()) < 1e-6);
        QVERIFY2(ourTsne >= o["trust_sklearn_tsne"].toDouble() - 0.02, qPrintable(QString::number(ourTsne)));
        QVERIFY(ourTsne > ourPca - 0.02);
    }
};

QTEST_GUILESS_MAIN(TestMapLayout)
#include "test_map_layout.moc"
