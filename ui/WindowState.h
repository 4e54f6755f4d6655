#pragma once
// The main window's layout as the user left it (geometry, splitter, docks,
// the tab on show), kept in QSettings under window/.
class QMainWindow;
class QSplitter;
class QTabWidget;

namespace lm::ui {
// Restores what was saved, and from now on remembers the tab on show.
void restoreWindowState(QMainWindow* window, QSplitter* split, QTabWidget* tabs);
void saveWindowState(const QMainWindow* window, const QSplitter* split);
} // namespace lm::ui
