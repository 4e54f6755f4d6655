#pragma once
// The demo library as a new user meets it (issue 16, "First start"): on a
// first start (no library remembered) and from Help > Open Demo Library, the
// build-made demo library (core/library/DemoLibrary.h) is copied into the
// user's data folder if needed and opened, the bundled model made active, the
// loop demoPick() names selected and shown, and a line above the loops table
// says to press Space.
#include <QCoreApplication>
#include <QString>

class QAction;

namespace lm::ui {

class MainWindow;

class DemoLibrary {
    Q_DECLARE_TR_FUNCTIONS(DemoLibrary)

public:
    // Adds Help > Open Demo Library (making the Help menu if there is none).
    static QAction* addMenuAction(MainWindow* window);
    // No library remembered: the app has never opened one for this user.
    static bool firstStart();
    // The user's copy: <AppDataLocation>/demo-library.sqlite.
    static QString userCopyPath();
    // Does all of the above; "" when the loop is selected, else what went wrong
    // (also said in the status bar; the library that was open stays open).
    static QString open(MainWindow& window);
    static QString bannerText();
    // What main() does with the library options: with --demo (`demoOption`),
    // or on a first start with neither a library nor a folder named, open()
    // (falling back to the default library if that fails); else the library
    // named, the one remembered, or the default one. True when it chose the demo.
    static bool openAtStart(MainWindow& window, bool demoOption, const QString& library, const QString& importDir);
};

} // namespace lm::ui
