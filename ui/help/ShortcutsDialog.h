#pragma once
// The keyboard shortcuts, read from the window's own actions and shortcuts
// (so the list cannot go stale), then the keys that the views take
// themselves (the strip, the tables, the map).
#include <QDialog>

#include <vector>

class QTableWidget;

namespace lm::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    struct Row {
        QString keys;        // as the platform writes them ("Ctrl+F", "Space")
        QString description; // the action's text, else its tool tip or what's-this
        QString where;       // the menu it is in, or the view that takes the key
    };
    explicit ShortcutsDialog(QWidget* window);
    // Every QAction with a shortcut and every QShortcut below `window`.
    static std::vector<Row> windowShortcuts(const QWidget* window);
    static std::vector<Row> viewKeys();
    void refresh();
    QTableWidget* table() const { return table_; }

private:
    QWidget* window_;
    QTableWidget* table_;
};

} // namespace lm::ui
