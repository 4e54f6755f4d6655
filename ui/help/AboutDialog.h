#pragma once
// About loopminer: its version, what it is, its licence, and the libraries it
// is built on with their licences (as their Debian copyright files state them).
#include <QDialog>

#include <vector>

class QTableWidget;

namespace lm::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    struct Dependency {
        QString name;
        QString licence;
        QString use;
    };
    explicit AboutDialog(QWidget* parent = nullptr);
    static QString version();
    static std::vector<Dependency> dependencies();
    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

} // namespace lm::ui
