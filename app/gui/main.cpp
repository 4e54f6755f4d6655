#include "MainWindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("loopminer"));
    QApplication::setOrganizationName(QStringLiteral("loopminer"));
    lm::gui::MainWindow window;
    window.show();
    return app.exec();
}
