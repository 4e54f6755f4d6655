#pragma once
// The window's look and keys: View > Theme (ui/look/Theme.h), Ctrl+1 ... Ctrl+N
// for the N tabs, F6 to move the focus between the tab area and the piece view,
// and a first size that fits the screen (1280 x 800 laptops included).
class QMainWindow;
class QTabWidget;
class QWidget;

namespace lm::ui {

void installLook(QMainWindow* window, QTabWidget* tabs, QWidget* pieceView);

// The first widget inside `container` that Tab would stop at (visible, enabled,
// taking focus by Tab), in focus-chain order; null if none.
QWidget* firstTabStop(QWidget* container);

} // namespace lm::ui
