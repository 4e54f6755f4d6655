#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include "ui/LibraryPanel.h"

#include <QLineEdit>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("loopminer"));
    QApplication::setOrganizationName(QStringLiteral("loopminer"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Find, learn and generate music loops."));
    parser.addHelpOption();
    QCommandLineOption libOpt(QStringLiteral("library"), QStringLiteral("Library file to open."), QStringLiteral("FILE"));
    QCommandLineOption importOpt(QStringLiteral("import"), QStringLiteral("Folder to import on start."), QStringLiteral("DIR"));
    QCommandLineOption demoOpt(QStringLiteral("demo"), QStringLiteral("Open the demo library (imported on first use)."));
    QCommandLineOption selectOpt(QStringLiteral("select"),
                                 QStringLiteral("Show the first piece whose path contains TEXT."), QStringLiteral("TEXT"));
    parser.addOption(selectOpt);
    QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Model folder that scores the loops after an import (default: the bundled model)."),
                                QStringLiteral("DIR"));
    parser.addOption(modelOpt);
    parser.addOption(libOpt);
    parser.addOption(importOpt);
    parser.addOption(demoOpt);
    parser.process(app);

    lm::gui::MainWindow window;
    window.setModelDir(parser.isSet(modelOpt) ? parser.value(modelOpt) : QStringLiteral(LOOPMINER_DEFAULT_MODEL_DIR));
    QString importDir = parser.value(importOpt);
    QString lib = parser.value(libOpt);
    if (parser.isSet(demoOpt)) {
        lib = QFileInfo(lm::gui::MainWindow::defaultLibraryPath()).dir().filePath(QStringLiteral("demo.sqlite"));
        importDir = QStringLiteral(LOOPMINER_DEMO_DIR); // incremental: instant once imported
    } else if (lib.isEmpty()) {
        lib = QSettings().value(QStringLiteral("library/path"), lm::gui::MainWindow::defaultLibraryPath()).toString();
    }
    if (!window.openLibrary(lib))
        window.openLibrary(lm::gui::MainWindow::defaultLibraryPath());
    window.show();
    const QString select = parser.value(selectOpt);
    auto showFirst = [&window, select] {
        if (!select.isEmpty())
            window.libraryPanel()->filterEdit()->setText(select);
        window.libraryPanel()->selectRow(0);
    };
    if (!importDir.isEmpty()) {
        window.setShowImportReport(false);
        QObject::connect(&window, &lm::gui::MainWindow::importFinished, &window, showFirst);
        QTimer::singleShot(0, &window, [&window, importDir] { window.importPaths({importDir}); });
    } else {
        showFirst();
    }
    return app.exec();
}
