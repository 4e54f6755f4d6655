#pragma once
// The "Models" tab: the bundled model and the user's trained ones (the
// store's folders) with their date, what they learnt from, settings and
// metrics; rename and delete (with confirmation; not the bundled one);
// Activate (the active model's detector scores the library, as a job, and
// generation uses it); Evaluate (method.md 8 as a job: generated vs
// training loops side by side).
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace lm::ui {

class JobRunner;
class LibrarySession;

class ModelsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPanel(QWidget* parent = nullptr);
    void setSession(LibrarySession* session);
    void reload();

    QString selectedName() const;
    bool select(const QString& name);
    bool activate(const QString& name);
    bool rename(const QString& from, const QString& to);
    bool remove(const QString& name); // no confirmation: the Delete button asks first
    bool evaluate(const QString& name);

    QTableWidget* table() const { return table_; }
    QTableWidget* evaluation() const { return evaluation_; }
    QPushButton* activateButton() const { return activate_; }
    QPushButton* renameButton() const { return rename_; }
    QPushButton* deleteButton() const { return delete_; }
    QPushButton* evaluateButton() const { return evaluate_; }
    QLabel* status() const { return status_; }
    JobRunner* evaluateJob() const { return evaluateJob_; }

Q_SIGNALS:
    void activeModelChanged(const QString& dir);
    void evaluated(const QString& name, const QString& error);

protected:
    void showEvent(QShowEvent*) override; // the CLI may have changed the store meanwhile

private:
    void updateButtons();
    void showEvaluation(const QString& name);

    LibrarySession* session_ = nullptr;
    QTableWidget* table_;
    QTableWidget* evaluation_;
    QPushButton *activate_, *rename_, *delete_, *evaluate_;
    QLabel* status_;
    JobRunner* evaluateJob_;
    QString evaluating_;
    QJsonObject bundledEvaluation_; // the bundled folder is not written to
};

} // namespace lm::ui
