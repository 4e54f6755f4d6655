#pragma once
// The thin main window: menus and docking only; each panel is its own widget.
#include <QMainWindow>

class QLabel;

namespace lm::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    QLabel* placeholder_ = nullptr;
};

} // namespace lm::gui
