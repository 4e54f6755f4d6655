#pragma once
// The Help menu: the user guide (F1), the keyboard shortcuts, About loopminer
// and About Qt. Other parts add their own entries (a demo library, ...) to the
// same menu through helpMenu().
class QMainWindow;
class QMenu;

namespace lm::ui {

// The window's "&Help" menu (object name "helpMenu"), made on first use. Each
// call also moves it to the end of the menu bar, so that it stays the last
// menu whatever is added after it.
QMenu* helpMenu(QMainWindow* window);

// Adds User Guide, Keyboard Shortcuts, About loopminer and About Qt to it.
void installHelpMenu(QMainWindow* window);

} // namespace lm::ui
