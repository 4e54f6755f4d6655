#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace lm::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("loopminer"));
    resize(1200, 800);
    placeholder_ = new QLabel(tr("No library open.\nImport a folder of MIDI files to find its loops."), this);
    placeholder_->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder_);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    statusBar()->showMessage(tr("Ready"));
}

} // namespace lm::gui
