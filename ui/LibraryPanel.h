#pragma once
// The library panel: a filter line, "usable only", and the table of files.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QTableView;

namespace lm {
class LibraryReader;
}

namespace lm::ui {

class LibraryTableModel;
class LibrarySession;
class LibraryFilterProxy;

class LibraryPanel : public QWidget {
    Q_OBJECT
public:
    explicit LibraryPanel(QWidget* parent = nullptr);

    void setLibrary(LibraryReader* db);
    // Follows the session: its library, reloaded when its content or scores change.
    void setSession(LibrarySession* session);
    void reload();
    void focusFilter();
    void selectRow(int proxyRow);

    LibraryTableModel* model() const { return model_; }
    LibraryFilterProxy* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    QLineEdit* filterEdit() const { return filter_; }
    QCheckBox* usableOnly() const { return usableOnly_; }
    QComboBox* kindFilter() const { return kind_; }
    QDoubleSpinBox* maxScore() const { return maxScore_; } // its minimum means any score

Q_SIGNALS:
    void fileActivated(const QString& path);

private:
    LibraryTableModel* model_;
    LibraryFilterProxy* proxy_;
    QTableView* table_;
    QLineEdit* filter_;
    QCheckBox* usableOnly_;
    QComboBox* kind_;
    QDoubleSpinBox* maxScore_;
    void applyScoreRange();
};

} // namespace lm::ui
