#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include "ui/LibraryPanel.h"

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
    parser.addOption(libOpt);
    parser.addOption(importOpt);
    parser.process(app);

    lm::gui::MainWindow window;
    const QString lib = parser.isSet(libOpt)
        ? parser.value(libOpt)
        : QSettings().value(QStringLiteral("library/path"), lm::gui::MainWindow::defaultLibraryPath()).toString();
    if (!window.openLibrary(lib))
        window.openLibrary(lm::gui::MainWindow::defaultLibraryPath());
    window.show();
    if (parser.isSet(importOpt)) {
        window.setShowImportReport(false);
        QObject::connect(&window, &lm::gui::MainWindow::importFinished, &window,
                         [&window] { window.libraryPanel()->selectRow(0); });
        QTimer::singleShot(0, &window, [&] { window.importPaths({parser.value(importOpt)}); });
    } else {
        window.libraryPanel()->selectRow(0);
    }
    return app.exec();
}
