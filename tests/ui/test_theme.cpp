// View > Theme: the dark override, System following the desktop, the menu
// switching live; the painted views taking their colours from the palette; the
// heatmap drawn at device pixels on a high-DPI screen.
#include "ui/MainWindow.h"
#include "ui/latent/MapView.h"
#include "ui/look/Theme.h"
#include "ui/train/TrainCharts.h"
#include "ui/views/ColorMap.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QtTest>

using lm::ui::Theme;

namespace {
QImage render(QWidget& w, qreal dpr = 1)
{
    QImage img(w.size() * dpr, QImage::Format_ARGB32);
    img.setDevicePixelRatio(dpr);
    img.fill(Qt::magenta); // anything the widget does not paint stays magenta
    w.render(&img);
    return img;
}

// The lightest pixel of `r` (logical coordinates at ratio 1).
int lightest(const QImage& img, const QRect& r)
{
    int most = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            most = std::max(most, img.pixelColor(x, y).lightness());
    return most;
}

bool appIsDark() { return qApp->palette().color(QPalette::Window).lightness() < 100; }

std::vector<double> checkerboard(int bars)
{
    std::vector<double> m(size_t(bars * bars));
    for (int r = 0; r < bars; ++r)
        for (int c = 0; c < bars; ++c)
            m[size_t(r * bars + c)] = (r + c) % 2 ? 0.0 : 1.0;
    return m;
}
} // namespace

class TestTheme : public QObject {
    Q_OBJECT
    bool systemDark_ = false;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("look/theme"));
        qputenv("LOOPMINER_THEME", "dark"); // read when the theme is made: the screenshots' override
    }

    void darkOverridePaintsTheViewsDark()
    {
        Theme* theme = Theme::instance();
        QCOMPARE(theme->mode(), Theme::Mode::Dark);
        QVERIFY(theme->dark());
        QVERIFY(appIsDark());
        QCOMPARE(qApp->style()->name().toLower(), QStringLiteral("fusion"));

        lm::ui::SsmView ssm;
        ssm.resize(420, 420);
        ssm.setMatrix(checkerboard(6), 6);
        QImage img = render(ssm);
        QVERIFY2(img.pixelColor(2, 2).lightness() < 80, "the heatmap's background is the dark window colour");
        const QRect area = ssm.plotRect();
        const QRect rowNumbers(0, area.top(), area.left() - 2, area.height() / 2); // "1", "2", ... left of the matrix
        QVERIFY2(lightest(img, rowNumbers) > 170, "bar numbers are light on dark");

        lm::ui::PianoRollView roll; // empty: its background and its hint text
        roll.resize(500, 300);
        img = render(roll);
        QVERIFY(img.pixelColor(3, 3).lightness() < 80);
        QVERIFY2(lightest(img, roll.rect().adjusted(0, 100, 0, -100)) > 170, "the roll's hint text is light");

        lm::ui::MapView map;
        map.resize(400, 300);
        img = render(map);
        QVERIFY2(img.pixelColor(3, 3).lightness() < 80, "the map's background follows the palette");
    }

    void trainingChartsFollowThePalette()
    {
        Theme::instance()->setMode(Theme::Mode::Dark, false);
        lm::ui::TrainCharts charts;
        auto* loss = charts.findChild<QChartView*>(QStringLiteral("lossChart"));
        QVERIFY(loss);
        QCOMPARE(loss->chart()->theme(), QChart::ChartThemeDark);
        Theme::instance()->setMode(Theme::Mode::Light, false);
        QTRY_COMPARE(loss->chart()->theme(), QChart::ChartThemeLight);
        QVERIFY(loss->chart()->backgroundBrush().color().lightness() > 150);
    }

    void systemFollowsTheDesktop()
    {
        Theme* theme = Theme::instance();
        systemDark_ = false;
        theme->setSystemSource([this] { return systemDark_; });
        theme->setMode(Theme::Mode::System, false);
        QVERIFY(!appIsDark());
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        systemDark_ = true; // the desktop switches to dark and says so (Qt sends ThemeChange to the windows)
        QEvent change(QEvent::ThemeChange);
        QCoreApplication::sendEvent(window.windowHandle(), &change);
        QTRY_VERIFY(appIsDark());
        QVERIFY(window.palette().color(QPalette::Window).lightness() < 100);
        systemDark_ = false;
        QCoreApplication::sendEvent(window.windowHandle(), &change);
        QTRY_VERIFY(!appIsDark());
    }

    void themeMenuSwitchesLive()
    {
        Theme::instance()->setSystemSource([] { return false; });
        Theme::instance()->setMode(Theme::Mode::System, false);
        lm::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* menu = w.findChild<QMenu*>(QStringLiteral("themeMenu"));
        QVERIFY(menu);
        QVERIFY(w.findChild<QAction*>(QStringLiteral("themeSystem"))->isChecked());
        lm::ui::SsmView* ssm = w.pieceView()->ssmView();
        const QColor before = render(*ssm).pixelColor(2, 2);
        QVERIFY(before.lightness() > 150);

        auto choose = [&](Qt::Key mnemonic) {
            menu->popup(w.mapToGlobal(QPoint(20, 20)));
            QVERIFY(QTest::qWaitForWindowExposed(menu));
            QTest::keyClick(menu, mnemonic); // &Dark, &Light
            QTRY_VERIFY(!menu->isVisible());
        };
        choose(Qt::Key_D);
        QTRY_VERIFY(appIsDark());
        QVERIFY(w.findChild<QAction*>(QStringLiteral("themeDark"))->isChecked());
        QCOMPARE(QSettings().value(QStringLiteral("look/theme")).toString(), QStringLiteral("dark"));
        QTRY_VERIFY2(render(*ssm).pixelColor(2, 2).lightness() < 80, "the open window's views repaint dark");
        choose(Qt::Key_L);
        QTRY_VERIFY(!appIsDark());
        QCOMPARE(QSettings().value(QStringLiteral("look/theme")).toString(), QStringLiteral("light"));
        QTRY_COMPARE(render(*ssm).pixelColor(2, 2), before);
        QSettings().remove(QStringLiteral("look/theme"));
    }

    // The painted views show where the keyboard is: a highlight frame while focused.
    void focusIsVisibleOnTheHeatmap()
    {
        lm::ui::SsmView ssm;
        ssm.resize(360, 380);
        ssm.setMatrix(checkerboard(6), 6);
        ssm.show();
        ssm.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&ssm));
        const QPoint edge(1, ssm.height() / 2);
        ssm.clearFocus(); // a window's only focusable widget takes the focus when it is activated
        QTRY_VERIFY(!ssm.hasFocus());
        QVERIFY(render(ssm).pixelColor(edge) != ssm.palette().color(QPalette::Highlight));
        ssm.setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(ssm.hasFocus());
        QCOMPARE(render(ssm).pixelColor(edge), ssm.palette().color(QPalette::Highlight));
    }

    // At devicePixelRatio 2 every device pixel of a cell has the cell's own
    // colour: an edge is a one-pixel step, not an upscaled blend.
    void heatmapIsSharpAtDevicePixels()
    {
        lm::ui::SsmView ssm;
        ssm.resize(330, 360);
        const int bars = 6;
        ssm.setMatrix(checkerboard(bars), bars);
        const QImage img = render(ssm, 2);
        QCOMPARE(img.width(), 660);
        const QRectF m = ssm.columnsRect();
        const QColor on = lm::ui::viridis(1.0), off = lm::ui::viridis(0.0);
        const int y = int((m.top() + m.height() / bars / 2) * 2); // through the middle of the first row of cells
        int steps = 0;
        QStringList blended;
        for (int x = int(std::ceil(m.left() * 2)) + 1; x < int(m.right() * 2) - 1; ++x) {
            const QColor c = img.pixelColor(x, y), next = img.pixelColor(x + 1, y);
            if (c != on && c != off)
                blended << QStringLiteral("x=%1: %2").arg(x).arg(c.name());
            steps += c != next;
        }
        QVERIFY2(blended.isEmpty(), qPrintable(blended.mid(0, 6).join(QStringLiteral(", "))));
        QCOMPARE(steps, bars - 1);
    }
};

QTEST_MAIN(TestTheme)
#include "test_theme.moc"
