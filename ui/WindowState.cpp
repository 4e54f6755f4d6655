#include "WindowState.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace lm::ui {

void restoreWindowState(QMainWindow* window, QSplitter* split, QTabWidget* tabs)
{
    QSettings settings;
    window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    split->restoreState(settings.value(QStringLiteral("window/split")).toByteArray());
    window->restoreState(settings.value(QStringLiteral("window/docks")).toByteArray());
    tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    QObject::connect(tabs, &QTabWidget::currentChanged, window,
                     [](int i) { QSettings().setValue(QStringLiteral("window/tab"), i); });
}

void saveWindowState(const QMainWindow* window, const QSplitter* split)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), window->saveGeometry());
    settings.setValue(QStringLiteral("window/split"), split->saveState());
    settings.setValue(QStringLiteral("window/docks"), window->saveState());
}

} // namespace lm::ui
