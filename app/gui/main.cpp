#include "ui/DemoLibrary.h"
#include "ui/MainWindow.h"
#include "ui/i18n/Translations.h"
#include "ui/latent/LatentDemo.h"
#include "ui/look/Theme.h"

#include "core/base/DataPaths.h"
#include "core/library/ModelStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>

#include "ui/BrowseMemory.h"
#include "ui/LibraryPanel.h"
#include "ui/generate/GenerationForm.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/train/TrainForm.h"
#include "ui/train/TrainView.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>

namespace {

struct Options {
    QCommandLineOption library{QStringLiteral("library"), QStringLiteral("Library file to open."), QStringLiteral("FILE")};
    QCommandLineOption import{QStringLiteral("import"), QStringLiteral("Folder to import on start."), QStringLiteral("DIR")};
    QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Open the demo library (as on a first start: a generated loop selected, Space plays it).")};
    QCommandLineOption select{QStringLiteral("select"), QStringLiteral("Show the first piece whose path contains TEXT."),
                              QStringLiteral("TEXT")};
    QCommandLineOption model{QStringLiteral("model"),
                             QStringLiteral("Model folder that scores the loops after an import (default: the active model, see loopminer-cli models)."),
                             QStringLiteral("DIR")};
    QCommandLineOption view{QStringLiteral("view"),
                            QStringLiteral("Panel to show first: library, loops, generate, models, explore, map, or training (which starts a short "
                                           "demonstration training into a temporary model folder)."),
                            QStringLiteral("PANEL")};
    QCommandLineOption latentDemo{QStringLiteral("latent-demo"),
                                  QStringLiteral("On start: explore (an interpolation and similar loops), map or map-tsne."),
                                  QStringLiteral("WHAT")};
    QCommandLineOption generate{QStringLiteral("generate"),
                                QStringLiteral("Generate N loops with the model on start (results in the Generate panel)."),
                                QStringLiteral("N")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             QStringLiteral("light, dark or system for this run (the View > Theme setting stays; LOOPMINER_THEME does the same)."),
                             QStringLiteral("THEME")};
};

void setUp(QCommandLineParser& parser, const Options& o)
{
    parser.setApplicationDescription(QStringLiteral("Find, learn and generate music loops."));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const auto* opt : {&o.select, &o.model, &o.library, &o.import, &o.demo, &o.view, &o.generate, &o.latentDemo, &o.theme})
        parser.addOption(*opt);
}

void name(QCoreApplication& app)
{
    app.setApplicationName(QStringLiteral("loopminer"));
    app.setOrganizationName(QStringLiteral("loopminer"));
    app.setApplicationVersion(QStringLiteral(LOOPMINER_VERSION));
}

// --view training: a short training of all three networks (small settings) so
// that the view shows its curves within seconds, into a temporary model store.
void startDemoTraining(lm::ui::MainWindow& window)
{
    lm::ui::TrainForm* f = window.trainView()->form();
    for (const auto& [name, value] : {std::pair{"vqvaeEpochs", 40}, {"priorEpochs", 40}, {"batch", 32}, {"codes", 64},
                                      {"layers", 1}, {"hidden", 64}})
        f->spin(QString::fromLatin1(name))->setValue(value);
    f->spin(QStringLiteral("cnnvaeEpochs"))->setValue(40);
    // LOOPMINER_DEMO_TRAIN=cnnvae (or detector, vqvae, prior): that network alone, e.g. for its screenshot.
    if (const QString part = QString::fromLocal8Bit(qgetenv("LOOPMINER_DEMO_TRAIN")); !part.isEmpty())
        f->what()->setCurrentIndex(std::max(0, f->what()->findData(part)));
    f->name()->setText(QStringLiteral("demonstration"));
    window.trainView()->start();
}

} // namespace

int main(int argc, char** argv)
{
    const Options o;
    {
        // --help and --version answer without a display: a QApplication would
        // abort first when there is none (Qt's xcb plugin).
        QCoreApplication probe(argc, argv);
        name(probe);
        QCommandLineParser parser;
        setUp(parser, o);
        if (parser.parse(probe.arguments()) && (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))))
            parser.process(probe); // prints and exits
    }
    QApplication app(argc, argv);
    name(app);
    // The theme's hicolor icon where installed, else the PNG the build renders beside share/loopminer.
    app.setWindowIcon(QIcon::fromTheme(QStringLiteral("loopminer"), QIcon(QString::fromStdString(lm::executableDir()) + QStringLiteral("/../share/icons/hicolor/256x256/apps/loopminer.png"))));
    QGuiApplication::setDesktopFileName(QStringLiteral("loopminer"));
    // Before any widget is made: each builds its texts once, in this language.
    for (const QString& problem : lm::ui::installStartLanguage().problems)
        std::fprintf(stderr, "loopminer: translation not loaded: %s\n", qPrintable(problem));
    QCommandLineParser parser;
    setUp(parser, o);
    parser.process(app);
    const QCommandLineOption &libOpt = o.library, &importOpt = o.import, &demoOpt = o.demo, &selectOpt = o.select,
                             &modelOpt = o.model;

    if (parser.isSet(o.theme)) {
        const auto mode = lm::ui::Theme::parse(parser.value(o.theme));
        if (!mode) {
            std::fprintf(stderr, "loopminer: --theme needs light, dark or system, not '%s'\n", qPrintable(parser.value(o.theme)));
            return 2;
        }
        lm::ui::Theme::instance()->setMode(*mode, false);
    }
    const bool demoTraining = parser.value(o.view) == QLatin1String("training");
    QTemporaryDir demoStore;
    if (demoTraining) // the user's own models stay as they are
        qputenv("LOOPMINER_DATA_HOME", demoStore.path().toUtf8());
    lm::ui::MainWindow window;
    window.setModelDir(parser.isSet(modelOpt) ? parser.value(modelOpt) : QString::fromStdString(lm::ModelStore::user().activeDir()));
    QString importDir = parser.value(importOpt);
    // --demo, or a first start: the demo library, analysed at build time, with a generated loop selected.
    const bool demo = lm::ui::DemoLibrary::openAtStart(window, parser.isSet(demoOpt), parser.value(libOpt), importDir);
    if (parser.isSet(o.view) && !window.showPanel(parser.value(o.view))) {
        std::fprintf(stderr, "loopminer: no panel named %s (library, loops, generate, models, explore, map, training)\n",
                     qPrintable(parser.value(o.view)));
        return 1;
    }
    if (parser.isSet(o.generate)) {
        bool ok = false;
        const int n = parser.value(o.generate).toInt(&ok);
        if (!ok || n < 1 || n > 1000) {
            std::fprintf(stderr, "loopminer: --generate needs a whole number from 1 to 1000, not '%s'\n",
                         qPrintable(parser.value(o.generate)));
            return 2;
        }
        window.generatePanel()->form()->count()->setValue(n);
        QTimer::singleShot(0, &window, [&window] { window.generatePanel()->generate(); });
    }
    window.show();
    const QString select = parser.value(selectOpt);
    const QString latentDemo = parser.value(o.latentDemo);
    auto showFirst = [&window, select, demoTraining, latentDemo, demo] {
        if (!select.isEmpty())
            window.libraryPanel()->filterEdit()->setText(select);
        // The demo shows its own loop; the loop or piece of last time stands.
        if (!select.isEmpty() || (!demo && !window.browseMemory()->restored()))
            window.libraryPanel()->selectRow(0);
        if (demoTraining)
            startDemoTraining(window);
        if (!latentDemo.isEmpty()) // after the loops panel has its rows
            QTimer::singleShot(500, &window, [&window, latentDemo] { lm::ui::startLatentDemo(window, latentDemo); });
    };
    if (!importDir.isEmpty()) {
        window.setShowImportReport(false);
        QObject::connect(&window, &lm::ui::MainWindow::importFinished, &window, showFirst);
        QTimer::singleShot(0, &window, [&window, importDir] { window.importPaths({importDir}); });
    } else {
        showFirst();
    }
    return app.exec();
}
